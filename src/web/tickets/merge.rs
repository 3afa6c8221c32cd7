//! "Merge into another ticket" on the ticket page (`ticket_fusion`).

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};

use crate::domain::DomainError;
use crate::domain::ids::TicketId;
use crate::domain::tickets::merge;
use crate::i18n::{Msg, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::csrf_field;
use crate::web::visitor::Visitor;

/// The merge form in the ticket's actions; `refused` is the number typed and why it was not
/// taken.
pub fn form(visitor: &Visitor, ticket: TicketId, refused: Option<&(String, Msg)>) -> Markup {
    let lang = visitor.lang;
    html! {
        details.ticket-merge #merge open[refused.is_some()] {
            summary.button.button-small { (lang.t("ticket-merge")) }
            form.inline-add method="post" action=(fill(paths::TICKET_MERGE, &[&ticket]))
                data-confirm=(lang.t("ticket-merge-confirm")) novalidate {
                (csrf_field(visitor))
                div.field.has-error[refused.is_some()] {
                    label for="f-merge-target" { (lang.t("ticket-merge-target")) }
                    input #f-merge-target type="number" name="merge_target" min="1" inputmode="numeric" required
                        value=(refused.map_or("", |(n, _)| n.as_str()))
                        aria-invalid=[refused.map(|_| "true")];
                    @if let Some((_, m)) = refused { p.field-error { (m.render(lang)) } }
                    p.hint { (lang.t("ticket-merge-hint")) }
                }
                button.button.button-small type="submit" { (lang.t("ticket-merge-submit")) }
            }
        }
    }
}

/// `POST /tickets/{id}/merge`: merges this ticket into the one typed.
pub async fn merge(
    State(state): State<AppState>,
    authed: Authed,
    Path(ticket): Path<TicketId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let typed = form.get("merge_target").trim().to_owned();
    let target = typed
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(TicketId);
    let result = match target {
        Some(t) => merge::merge(state.db(), authed.actor(), ticket, t).await,
        None => Err(DomainError::Invalid({
            let mut e = crate::domain::FieldErrors::new();
            e.add("merge_target", msg("ticket-merge-unknown"));
            e
        })),
    };
    match result {
        Ok(()) => Ok(redirect_with_flash(
            &fill(paths::TICKET, &[&target.unwrap_or(ticket)]),
            Flash::TicketMergedInto,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            let m = errors
                .get("merge_target")
                .cloned()
                .unwrap_or_else(|| msg("form-has-errors"));
            super::page::reshow_with(&state, &authed, ticket, |d| d.merge = Some((typed, m))).await
        }
        Err(e) => Err(e.into()),
    }
}
