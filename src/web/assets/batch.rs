//! `GET /assets/batch` and `POST /assets/batch`: a batch of assets ("lot") from the stock view:
//! a model, a count, a name pattern such as `PC-{n:03}` with its first number, and the fields
//! every asset of the batch shares; created all at once or not at all, then shown in the list.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::assets::Typed;
use crate::domain::assets::use_cases::{self, Batch, Choices};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{Input, Select, csrf_field, form_error, textarea};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

use super::{LOCATION, VIEW_ONLY};

fn render(visitor: &Visitor, sent: &Batch, choices: &Choices, errors: &FieldErrors) -> Markup {
    let lang = visitor.lang;
    let t = &sent.common;
    let one = |v: &str| vec![v.to_owned()];
    let models: Vec<(String, String)> = choices
        .models
        .iter()
        .map(|m| (m.id.to_string(), m.name.clone()))
        .collect();
    let banner = (!errors.is_empty()).then(|| msg("form-has-errors"));
    html! {
        (form_error(lang, banner.as_ref()))
        p.hint { (lang.t("asset-batch-help")) }
        form.stack #asset-batch-form method="post" action=(paths::ASSETS_BATCH) novalidate {
            (csrf_field(visitor))
            div.field-grid {
                (Select::one("model", msg("asset-field-model"), &models, &one(&t.model))
                    .empty(msg("choice-none")).required().render(lang, errors))
                (Select::one("state", msg("asset-field-state"), &choices.states, &one(&t.state)).required().render(lang, errors))
                (Input::text("pattern", msg("asset-batch-pattern"), &sent.pattern).required().render(lang, errors))
                (Input::text("start", msg("asset-batch-start"), &sent.start).kind("number").required().render(lang, errors))
                (Input::text("count", msg("asset-batch-count"), &sent.count).kind("number").required().render(lang, errors))
            }
            div.field-grid {
                (Select::one("service", msg("asset-field-service"), &choices.services, &one(&t.service))
                    .empty(msg("choice-none")).render(lang, errors))
                @if visitor.has_right(LOCATION) {
                    (Select::one("location", msg("asset-field-location"), &choices.locations, &one(&t.location))
                        .empty(msg("choice-none")).render(lang, errors))
                }
                (Select::one("technician", msg("asset-field-technician"), &choices.technicians, &one(&t.technician))
                    .empty(msg("choice-none")).render(lang, errors))
                (Input::text("purchased_on", msg("asset-field-purchased-on"), &t.purchased_on).kind("date").render(lang, errors))
                (Input::text("installed_on", msg("asset-field-installed-on"), &t.installed_on).kind("date").render(lang, errors))
                (Input::text("warranty_end", msg("asset-field-warranty-end"), &t.warranty_end).kind("date").render(lang, errors))
            }
            p.hint { (lang.t("asset-warranty-help")) }
            (textarea(lang, "description", &msg("asset-field-description"), &t.description, 3, errors))
            div.form-actions {
                button.button.button-primary type="submit" { (lang.t("asset-batch-create")) }
                a.button href=(paths::ASSETS) { (lang.t("asset-cancel")) }
            }
        }
    }
}

fn respond(
    visitor: &Visitor,
    sent: &Batch,
    choices: &Choices,
    errors: &FieldErrors,
    status: StatusCode,
) -> Response {
    let body = render(visitor, sent, choices, errors);
    (
        status,
        layout::page(visitor, &visitor.lang.t("asset-batch-heading"), body),
    )
        .into_response()
}

fn batch_from(sent: &FormPairs, visitor: &Visitor) -> Batch {
    Batch {
        pattern: sent.get("pattern").to_owned(),
        start: sent.get("start").to_owned(),
        count: sent.get("count").to_owned(),
        common: Typed {
            model: sent.get("model").to_owned(),
            state: sent.get("state").to_owned(),
            service: sent.get("service").to_owned(),
            location: if visitor.has_right(LOCATION) {
                sent.get("location").to_owned()
            } else {
                String::new()
            },
            technician: sent.get("technician").to_owned(),
            purchased_on: sent.get("purchased_on").to_owned(),
            installed_on: sent.get("installed_on").to_owned(),
            warranty_end: sent.get("warranty_end").to_owned(),
            description: sent.get("description").to_owned(),
            ..Typed::default()
        },
    }
}

/// `GET /assets/batch`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    if authed.visitor.has_right(VIEW_ONLY) {
        return Err(WebError::Forbidden);
    }
    let sent = Batch {
        pattern: "PC-{n:03}".to_owned(),
        start: "1".to_owned(),
        count: "10".to_owned(),
        common: Typed {
            state: use_cases::first_state(state.db())
                .await?
                .map(|s| s.to_string())
                .unwrap_or_default(),
            ..Typed::default()
        },
    };
    let choices = use_cases::form(state.db(), authed.visitor.lang, &sent.common).await?;
    Ok(respond(
        &authed.visitor,
        &sent,
        &choices,
        &FieldErrors::new(),
        StatusCode::OK,
    ))
}

/// `POST /assets/batch`: the batch, then the list showing it.
pub async fn create(
    State(state): State<AppState>,
    authed: Authed,
    sent: FormPairs,
) -> Result<Response, WebError> {
    let batch = batch_from(&sent, &authed.visitor);
    match use_cases::batch(state.db(), authed.actor(), batch.clone()).await {
        Ok(_) => {
            let prefix: String = batch
                .pattern
                .split("{n")
                .next()
                .unwrap_or("")
                .trim()
                .to_owned();
            let query = serde_urlencoded::to_string([
                ("state", batch.common.state.as_str()),
                ("model", batch.common.model.as_str()),
                ("q", prefix.as_str()),
            ])
            .unwrap_or_default();
            Ok(redirect_with_flash(
                &format!("{}?{query}", paths::ASSETS),
                Flash::Saved,
                authed.visitor.secure,
            ))
        }
        Err(DomainError::Invalid(errors)) => {
            let choices = use_cases::form(state.db(), authed.visitor.lang, &batch.common).await?;
            Ok(respond(
                &authed.visitor,
                &batch,
                &choices,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(e) => Err(e.into()),
    }
}
