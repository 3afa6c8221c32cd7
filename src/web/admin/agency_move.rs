//! Administration > Lists > Agencies > "Move tickets": every ticket of one agency to another.
//! The page says how many tickets the agency holds and offers the other agencies; choosing one
//! asks for a confirmation that names both and the count; confirming moves them (the count
//! found at that moment) and says how many moved.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::lists::agency_move::{self, Preview};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormData};
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{Select, csrf_field, form_error};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

/// The move form: the target agency, and whether the confirmation was given.
#[derive(Debug, Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    to: String,
    #[serde(default)]
    confirmed: String,
}

fn back(visitor: &Visitor) -> Markup {
    html! {
        a.button href=(fill(paths::ADMIN_LIST, &[&"agencies"])) { (visitor.lang.t("agency-move-back")) }
    }
}

fn choose(visitor: &Visitor, p: &Preview, to: &str, errors: &FieldErrors) -> Markup {
    let lang = visitor.lang;
    let action = fill(paths::ADMIN_AGENCY_MOVE, &[&p.from.0]);
    let options: Vec<(String, String)> = p
        .targets
        .iter()
        .map(|(id, name)| (id.to_string(), name.clone()))
        .collect();
    let selected = [to.to_owned()];
    let content = html! {
        p #agency-move-count {
            (msg("agency-move-count").arg("count", p.tickets).arg("agency", p.from.1.clone()).render(lang))
        }
        @if p.tickets > 0 && !options.is_empty() {
            (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
            form.stack method="post" action=(action) novalidate {
                (csrf_field(visitor))
                (Select::one("to", msg("agency-move-to"), &options, &selected).required().render(lang, errors))
                div.form-actions {
                    button.button.button-primary type="submit" { (lang.t("agency-move-next")) }
                    (back(visitor))
                }
            }
        } @else {
            @if p.tickets > 0 { p { (lang.t("agency-move-no-target")) } }
            p { (back(visitor)) }
        }
    };
    layout::page(visitor, &lang.t("agency-move-title"), content)
}

fn confirm(visitor: &Visitor, p: &Preview, to: i64, to_name: &str) -> Markup {
    let lang = visitor.lang;
    let action = fill(paths::ADMIN_AGENCY_MOVE, &[&p.from.0]);
    let content = html! {
        div.alert.alert-warning role="alert" #agency-move-confirm {
            (msg("agency-move-confirm")
                .arg("count", p.tickets)
                .arg("from", p.from.1.clone())
                .arg("to", to_name.to_owned())
                .render(lang))
        }
        form.stack method="post" action=(action) {
            (csrf_field(visitor))
            input type="hidden" name="to" value=(to);
            input type="hidden" name="confirmed" value="yes";
            div.form-actions {
                button.button.button-danger type="submit" #agency-move-do { (lang.t("agency-move-do")) }
                (back(visitor))
            }
        }
    };
    layout::page(visitor, &lang.t("agency-move-title"), content)
}

/// `GET /admin/agencies/{id}/move`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let p = agency_move::preview(state.db(), authed.actor(), id).await?;
    Ok(choose(&authed.visitor, &p, "", &FieldErrors::new()).into_response())
}

/// `POST /admin/agencies/{id}/move`: asks for the confirmation, then moves.
pub async fn submit(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
    FormData(form): FormData<MoveForm>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let p = agency_move::preview(state.db(), authed.actor(), id).await?;
    let target = form
        .to
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|to| p.targets.iter().find(|(t, _)| *t == to).cloned());
    let Some((to, to_name)) = target else {
        let mut errors = FieldErrors::new();
        errors.add("to", msg("agency-move-target-invalid"));
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            choose(visitor, &p, &form.to, &errors),
        )
            .into_response());
    };
    if form.confirmed != "yes" {
        return Ok(confirm(visitor, &p, to, &to_name).into_response());
    }
    match agency_move::move_tickets(state.db(), authed.actor(), id, to, visitor.ip.clone()).await {
        Ok(moved) => {
            let content = html! {
                div.alert.alert-success role="status" #agency-move-done {
                    (msg("agency-move-done")
                        .arg("count", moved)
                        .arg("from", p.from.1.clone())
                        .arg("to", to_name.clone())
                        .render(lang))
                }
                p { (back(visitor)) }
            };
            Ok(layout::page(visitor, &lang.t("agency-move-title"), content).into_response())
        }
        Err(DomainError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            choose(visitor, &p, &form.to, &errors),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}
