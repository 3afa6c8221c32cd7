//! Administration > Intranet form: turning the form on, the origins that may embed it, the
//! fields it asks, the category and service its tickets get, what becomes of an unknown
//! address, the per-address limit and minimum time; and the snippets to paste into an
//! intranet page (a frame, or a plain HTML form).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::error::{DomainError, FieldErrors};
use crate::domain::intranet::{self, Admin, ConfigForm};
use crate::i18n::msg;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::intranet::TRAP;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{Input, Select, checkbox, csrf_field, form_error, textarea};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

/// `GET /admin/intranet-form`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let admin = intranet::admin(state.db(), &authed.session.actor, authed.visitor.lang).await?;
    let form = admin.config.form();
    Ok(render(&state, &authed.visitor, &admin, &form, &FieldErrors::new()).into_response())
}

/// `POST /admin/intranet-form`.
pub async fn save(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let typed = ConfigForm {
        enabled: form.get("enabled") == "1",
        origins: form.get("origins").to_owned(),
        create_requesters: form.get("create_requesters") == "1",
        category_id: form.get("category_id").to_owned(),
        service_id: form.get("service_id").to_owned(),
        ask_name: form.get("ask_name") == "1",
        ask_category: form.get("ask_category") == "1",
        ask_type: form.get("ask_type") == "1",
        per_hour: form.get("per_hour").to_owned(),
        min_seconds: form.get("min_seconds").to_owned(),
    };
    let actor = &authed.session.actor;
    match intranet::save(state.db(), actor, typed.clone()).await {
        Ok(()) => Ok(redirect_with_flash(
            paths::ADMIN_INTRANET,
            Flash::Saved,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            let admin = intranet::admin(state.db(), actor, authed.visitor.lang).await?;
            let page = render(&state, &authed.visitor, &admin, &typed, &errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

fn options(entries: &[(i64, String)]) -> Vec<(String, String)> {
    entries
        .iter()
        .map(|(id, name)| (id.to_string(), name.clone()))
        .collect()
}

fn render(
    state: &AppState,
    visitor: &Visitor,
    admin: &Admin,
    form: &ConfigForm,
    errors: &FieldErrors,
) -> Markup {
    let lang = visitor.lang;
    let categories = options(&admin.categories);
    let services = options(&admin.services);
    let category = [form.category_id.clone()];
    let service = [form.service_id.clone()];
    let base = state.urls().first().cloned().unwrap_or_default();
    let address = format!("{base}{}", paths::INTRANET_FORM);
    let content = html! {
        (super::settings::tabs(visitor, paths::ADMIN_INTRANET))
        p.hint { (lang.t("intranet-admin-intro")) }
        section.panel #intranet-settings {
            h2 { (lang.t("intranet-admin-settings")) }
            (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
            form.stack method="post" action=(paths::ADMIN_INTRANET) novalidate {
                (csrf_field(visitor))
                (checkbox(lang, "enabled", &msg("intranet-admin-enabled"), form.enabled, None))
                (textarea(lang, "origins", &msg("intranet-admin-origins"), &form.origins, 3, errors))
                p.hint { (lang.t("intranet-admin-origins-help")) }
                fieldset.field.webhook-events {
                    legend { (lang.t("intranet-admin-fields")) }
                    (checkbox(lang, "ask_name", &msg("intranet-admin-ask-name"), form.ask_name, None))
                    (checkbox(lang, "ask_category", &msg("intranet-admin-ask-category"), form.ask_category, None))
                    (checkbox(lang, "ask_type", &msg("intranet-admin-ask-type"), form.ask_type, None))
                }
                (Select::one("category_id", msg("intranet-admin-category"), &categories, &category).empty(msg("intranet-admin-none")).render(lang, errors))
                (Select::one("service_id", msg("intranet-admin-service"), &services, &service).empty(msg("intranet-admin-none")).render(lang, errors))
                (checkbox(lang, "create_requesters", &msg("intranet-admin-create"), form.create_requesters, Some(&msg("intranet-admin-create-help"))))
                (Input::text("per_hour", msg("intranet-admin-per-hour"), &form.per_hour).kind("number").required().render(lang, errors))
                (Input::text("min_seconds", msg("intranet-admin-min-seconds"), &form.min_seconds).kind("number").required().render(lang, errors))
                button.button type="submit" { (lang.t("action-save")) }
            }
        }
        section.panel #intranet-embed {
            h2 { (lang.t("intranet-admin-embed")) }
            p {
                (lang.t("intranet-admin-address")) " "
                a href=(paths::INTRANET_FORM) target="_blank" rel="noopener" { code { (address) } }
            }
            h3 { (lang.t("intranet-admin-frame")) }
            pre.webhook-check { code { (frame_snippet(&address)) } }
            h3 { (lang.t("intranet-admin-plain")) }
            p.hint { (lang.t("intranet-admin-plain-help")) }
            pre.webhook-check { code { (plain_snippet(&address)) } }
        }
    };
    layout::page(visitor, &lang.t("intranet-admin-title"), content)
}

/// The frame to paste into an intranet page.
fn frame_snippet(address: &str) -> String {
    format!(
        "<iframe src=\"{address}\" title=\"Helpdesk\" style=\"width:100%;min-height:40rem;border:0\"></iframe>"
    )
}

/// A plain HTML form posting to Gestdesk.
fn plain_snippet(address: &str) -> String {
    format!(
        "<form method=\"post\" action=\"{address}\" accept-charset=\"utf-8\">
  <label>E-mail <input type=\"email\" name=\"mail\" required></label>
  <label>Subject <input type=\"text\" name=\"title\" required></label>
  <label>Description <textarea name=\"description\"></textarea></label>
  <input type=\"text\" name=\"{TRAP}\" tabindex=\"-1\" autocomplete=\"off\" hidden>
  <button type=\"submit\">Send</button>
</form>"
    )
}
