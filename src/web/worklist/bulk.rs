//! Actions on several tickets of a list (`task_checkbox`): the bar above the table, the
//! checkboxes in its rows, and the page that says what was done and what was refused.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::DomainError;
use crate::domain::ids::TicketId;
use crate::domain::tickets::bulk::{self, Action, Offer};
use crate::domain::users::choices::Who;
use crate::domain::worklist::use_cases;
use crate::i18n::Lang;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::list_query::ListQuery;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::csrf_field;
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

/// The form the row checkboxes belong to.
pub const FORM_ID: &str = "bulk-form";

/// The bar above the table: which tickets, what to do, and the values it needs. `total` is
/// the number of tickets of the view, `None` when only a lower bound is known (a search for a
/// word of most tickets): the whole view is then not offered, as its size cannot be shown.
pub fn bar(visitor: &Visitor, q: &ListQuery, offer: &Offer, total: Option<i64>) -> Markup {
    let lang = visitor.lang;
    html! {
        form.bulk-bar #bulk-form method="post" action=(paths::TICKETS_BULK)
            data-confirm-delete=(lang.t("bulk-confirm-delete")) {
            (csrf_field(visitor))
            @for (k, v) in q.pairs() {
                input type="hidden" name=(k) value=(v);
            }
            p.bulk-hint.muted { (lang.t("bulk-hint")) }
            div.field {
                label for="bulk-scope" { (lang.t("bulk-scope")) }
                select #bulk-scope name="bulk_scope" {
                    option value="selected" { (lang.t("bulk-scope-selected")) }
                    option value="page" { (lang.t("bulk-scope-page")) }
                    @if let Some(total) = total {
                        option value="view" { (lang.t_args("bulk-scope-view", &[("count", &total.to_string())])) }
                    }
                }
            }
            div.field {
                label for="bulk-action" { (lang.t("bulk-action")) }
                select #bulk-action name="bulk_action" data-bulk-action {
                    option value="read" { (lang.t("bulk-read")) }
                    option value="unread" { (lang.t("bulk-unread")) }
                    @if !offer.states.is_empty() { option value="state" { (lang.t("bulk-state")) } }
                    @if !offer.technicians.is_empty() { option value="assign" { (lang.t("bulk-assign")) } }
                    @if !offer.priorities.is_empty() { option value="priority" { (lang.t("bulk-priority")) } }
                    @if offer.delete { option value="delete" { (lang.t("bulk-delete")) } }
                }
            }
            @if !offer.states.is_empty() {
                div.field data-bulk-for="state" {
                    label for="bulk-state" { (lang.t("col-state")) }
                    select #bulk-state name="to_state" {
                        @for (id, name) in &offer.states { option value=(id) { (name) } }
                    }
                }
            }
            @if !offer.technicians.is_empty() {
                div.field data-bulk-for="assign" {
                    label for="bulk-technician" { (lang.t("col-technician")) }
                    select #bulk-technician name="to_technician" {
                        option value="" { (lang.t("choice-none")) }
                        @for c in &offer.technicians { option value=(c.who.value()) { (c.label) } }
                    }
                }
            }
            @if !offer.priorities.is_empty() {
                div.field data-bulk-for="priority" {
                    label for="bulk-priority" { (lang.t("col-priority")) }
                    select #bulk-priority name="to_priority" {
                        option value="" { (lang.t("choice-none")) }
                        @for (id, name) in &offer.priorities { option value=(id) { (name) } }
                    }
                }
            }
            button.button.button-primary #bulk-apply type="submit" { (lang.t("bulk-apply")) }
        }
    }
}

/// The checkbox of a row (and the number that "all on this page" sends).
pub fn row_select(lang: Lang, id: i64) -> Markup {
    html! {
        td.col-select {
            input type="checkbox" name="ticket" value=(id) form=(FORM_ID) data-bulk-select
                aria-label=(lang.t_args("bulk-select-one", &[("number", &id.to_string())]));
            input type="hidden" name="page_ticket" value=(id) form=(FORM_ID);
        }
    }
}

/// The header cell that selects every row of the page.
pub fn header_select(lang: Lang) -> Markup {
    html! {
        th.col-select scope="col" {
            input type="checkbox" data-bulk-all aria-label=(lang.t("bulk-select-page"));
        }
    }
}

fn numbers(values: Vec<&str>) -> Vec<TicketId> {
    values
        .into_iter()
        .filter_map(|v| v.trim().parse::<i64>().ok())
        .filter(|n| *n > 0)
        .map(TicketId)
        .collect()
}

fn action(form: &FormPairs) -> Option<Action> {
    Some(match form.get("bulk_action") {
        "read" => Action::MarkRead,
        "unread" => Action::MarkUnread,
        "state" => Action::State(form.get("to_state").parse().ok().filter(|n: &i64| *n > 0)?),
        "assign" => match form.get("to_technician") {
            "" => Action::Assign(None),
            v => Action::Assign(Some(Who::parse(v)?)),
        },
        "priority" => match form.get("to_priority") {
            "" => Action::Priority(None),
            v => Action::Priority(Some(v.parse().ok().filter(|n: &i64| *n > 0)?)),
        },
        "delete" => Action::Delete,
        _ => return None,
    })
}

/// `POST /tickets/bulk`.
pub async fn apply(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let reader = visitor.reader.clone().ok_or(WebError::Forbidden)?;
    let q = ListQuery::read(&form.0, &reader);
    let back = q.href(paths::TICKETS);
    let Some(action) = action(&form) else {
        return Ok(summary(visitor, &back, Err(lang.t("bulk-no-action"))));
    };
    let ids = match form.get("bulk_scope") {
        "view" => {
            if !q.view.scope.allowed(&reader) {
                return Err(WebError::NotFound);
            }
            let req = q.request(reader.order(), reader.settings.rows_per_page());
            let limit = bulk::MAX_TICKETS as i64 + 1;
            numbers_of(use_cases::ids_in_view(state.db(), reader.clone(), req, limit).await?)
        }
        "page" => numbers(form.get_all("page_ticket")),
        _ => numbers(form.get_all("ticket")),
    };
    if ids.is_empty() {
        return Ok(summary(
            visitor,
            &back,
            Err(lang.t("bulk-nothing-selected")),
        ));
    }
    match bulk::apply(state.db(), authed.actor(), ids, action).await {
        Ok(outcome) => {
            // The menu counts the tickets as they are after the action.
            let mut after = Visitor::clone(visitor);
            after.refresh_frame(&state).await?;
            Ok(summary(&after, &back, Ok(&outcome)))
        }
        Err(DomainError::Conflict(m)) => Ok(summary(visitor, &back, Err(m.render(lang)))),
        Err(e) => Err(e.into()),
    }
}

fn numbers_of(ids: Vec<i64>) -> Vec<TicketId> {
    ids.into_iter().map(TicketId).collect()
}

/// The page after an action: what was done, what was refused and why, and the way back.
fn summary(visitor: &Visitor, back: &str, outcome: Result<&bulk::Outcome, String>) -> Response {
    let lang = visitor.lang;
    let status = match outcome {
        Ok(_) => StatusCode::OK,
        Err(_) => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let content = html! {
        section.panel #bulk-summary {
            @match outcome {
                Err(message) => div.alert.alert-error role="alert" { (message) },
                Ok(o) => {
                    p.alert.alert-success role="status" #bulk-done {
                        (lang.t_args("bulk-done", &[("count", &o.done.len().to_string())]))
                    }
                    @if !o.refused.is_empty() {
                        h2 { (lang.t_args("bulk-refused", &[("count", &o.refused.len().to_string())])) }
                        ul.item-list #bulk-refused {
                            @for (id, why) in &o.refused {
                                li { a href=(fill(paths::TICKET, &[id])) { "#" (id) } " — " (why.render(lang)) }
                            }
                        }
                    }
                }
            }
            p { a.button href=(back) { (lang.t("bulk-back")) } }
        }
    };
    (
        status,
        layout::page(visitor, &lang.t("bulk-title"), content),
    )
        .into_response()
}
