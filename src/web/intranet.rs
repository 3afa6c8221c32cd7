//! The intranet form (`/intranet/form`): a ticket form for people without an account, shown in
//! a frame of an intranet page or posted to by a plain HTML form there. It uses no session and
//! no cookie (a third-party frame gets none), so its routes stand outside the CSRF check: the
//! domain checks the origin, the trap field, the signed time and the per-address limit instead.
//! Its pages may be framed by the origins the administrator allowed.

use axum::extract::State;
use axum::http::header::{CONTENT_SECURITY_POLICY, HOST, ORIGIN, RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{from_fn, from_fn_with_state, map_response};
use axum::response::{IntoResponse, Response};
use axum::{Router, extract::Query};
use maud::{Markup, html};
use tower_http::catch_panic::CatchPanicLayer;

use crate::domain::clock;
use crate::domain::error::{DomainError, FieldErrors};
use crate::domain::intranet::{self, FormView, Outcome, Refusal, Submission};
use crate::i18n::{Msg, msg};
use crate::web::error::{self, WebError};
use crate::web::extract::{FormPairs, Page};
use crate::web::paths;
use crate::web::routes::{Access, Routes};
use crate::web::security_headers;
use crate::web::state::AppState;
use crate::web::ui::form::{Input, Select, form_error, textarea};
use crate::web::ui::layout;
use crate::web::visitor::{self, Visitor};

/// The field people do not see; robots fill it in.
pub const TRAP: &str = "website";

/// The routes of the form.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::INTRANET_FORM, Access::Anyone, page)
        .post(paths::INTRANET_FORM, Access::Anyone, send)
}

/// The form's router: the visitor (language, theme) and error pages, without the CSRF check.
pub fn router(state: &AppState) -> Router<AppState> {
    let (router, _) = routes().into_parts();
    router
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(from_fn(error::render_error_pages))
        .layer(from_fn_with_state(state.clone(), visitor::load))
        .layer(map_response(without_cookies))
}

/// Drops the cookies the visitor layer sets for other pages: the form keeps nothing in the
/// browser of whoever fills it in.
async fn without_cookies(mut response: Response) -> Response {
    response.headers_mut().remove(SET_COOKIE);
    response
}

/// `GET /intranet/form`.
pub async fn page(
    State(state): State<AppState>,
    Page(visitor): Page,
    Query(prefill): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let view = intranet::form(state.db(), visitor.lang, clock::now()).await?;
    // An intranet page may link here with the subject filled in (`?title=...`).
    let typed = Submission {
        title: prefill
            .iter()
            .find(|(k, _)| k == "title")
            .map(|(_, v)| v.chars().take(200).collect())
            .unwrap_or_default(),
        ..Submission::default()
    };
    Ok(render(
        &visitor,
        &view,
        &typed,
        &FieldErrors::new(),
        None,
        StatusCode::OK,
    ))
}

fn own_origin(visitor: &Visitor, headers: &HeaderMap) -> String {
    let host = headers
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    format!("{}://{host}", if visitor.secure { "https" } else { "http" })
}

/// `POST /intranet/form`.
pub async fn send(
    State(state): State<AppState>,
    Page(visitor): Page,
    headers: HeaderMap,
    form: FormPairs,
) -> Result<Response, WebError> {
    let typed = Submission {
        name: form.get("name").to_owned(),
        mail: form.get("mail").to_owned(),
        title: form.get("title").to_owned(),
        description: form.get("description").to_owned(),
        category: form.get("category").to_owned(),
        kind: form.get("kind").to_owned(),
        trap: form.get(TRAP).to_owned(),
        token: form.get("t").to_owned(),
        origin: headers
            .get(ORIGIN)
            .and_then(|o| o.to_str().ok())
            .filter(|o| *o != "null")
            .map(str::to_owned),
        own_origin: own_origin(&visitor, &headers),
        ip: visitor.ip.clone(),
    };
    let now = clock::now();
    let (message, errors, status, retry) = match intranet::submit(state.db(), typed.clone(), now)
        .await
    {
        Ok(Outcome::Opened(ticket)) => {
            // The ticket is opened: whatever the form's settings became meanwhile, its number
            // is shown (in a frame the settings no longer allow, by nobody).
            let origins = intranet::form(state.db(), visitor.lang, now)
                .await
                .map(|v| v.origins)
                .unwrap_or_default();
            return Ok(thanks(&visitor, &origins, ticket.0, &typed.mail));
        }
        Ok(Outcome::Refused(Refusal::Origin)) => {
            tracing::warn!(ip = %visitor.ip, origin = ?typed.origin, "intranet form posted from an origin not allowed");
            return Err(WebError::Forbidden);
        }
        Ok(Outcome::Refused(Refusal::Robot)) => {
            tracing::info!(ip = %visitor.ip, "intranet form with its trap field filled in");
            (
                msg("intranet-refused"),
                FieldErrors::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            )
        }
        Ok(Outcome::Refused(Refusal::Stale)) => (
            msg("intranet-check-and-send"),
            FieldErrors::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
        Ok(Outcome::Refused(Refusal::TooQuick)) => (
            msg("intranet-too-quick"),
            FieldErrors::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
        Ok(Outcome::Refused(Refusal::TooMany { retry_after })) => (
            msg("intranet-too-many").arg("minutes", (retry_after + 59) / 60),
            FieldErrors::new(),
            StatusCode::TOO_MANY_REQUESTS,
            Some(retry_after),
        ),
        Err(DomainError::Invalid(errors)) => (
            msg("form-has-errors"),
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        ),
        Err(e) => return Err(e.into()),
    };
    let view = intranet::form(state.db(), visitor.lang, now).await?;
    let mut response = render(&visitor, &view, &typed, &errors, Some(&message), status);
    if let Some(secs) = retry {
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(secs));
    }
    Ok(response)
}

/// A page that `origins` may frame.
fn framed(origins: &[String], status: StatusCode, markup: Markup) -> Response {
    let mut response = (status, markup).into_response();
    if let Ok(policy) = HeaderValue::from_str(&security_headers::framed_by(origins)) {
        response
            .headers_mut()
            .insert(CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// A list to choose from, which may be left empty.
fn choice(
    visitor: &Visitor,
    name: &'static str,
    label: Msg,
    typed: &str,
    entries: &[(i64, String)],
    errors: &FieldErrors,
) -> Markup {
    let options: Vec<(String, String)> = entries
        .iter()
        .map(|(id, text)| (id.to_string(), text.clone()))
        .collect();
    let selected = [typed.to_owned()];
    Select::one(name, label, &options, &selected)
        .empty(msg("intranet-choose"))
        .render(visitor.lang, errors)
}

fn render(
    visitor: &Visitor,
    view: &FormView,
    typed: &Submission,
    errors: &FieldErrors,
    message: Option<&Msg>,
    status: StatusCode,
) -> Response {
    let lang = visitor.lang;
    let content = html! {
        (form_error(lang, message))
        form.stack.intranet-form method="post" action=(paths::INTRANET_FORM) novalidate {
            input type="hidden" name="t" value=(view.token);
            @if view.ask_name {
                (Input::text("name", msg("intranet-name"), &typed.name).autocomplete("name").render(lang, errors))
            }
            (Input::text("mail", msg("intranet-mail"), &typed.mail).kind("email").required().autocomplete("email").render(lang, errors))
            @if view.ask_category {
                (choice(visitor, "category", msg("intranet-category"), &typed.category, &view.categories, errors))
            }
            @if view.ask_type {
                (choice(visitor, "kind", msg("intranet-type"), &typed.kind, &view.types, errors))
            }
            (Input::text("title", msg("intranet-title"), &typed.title).required().render(lang, errors))
            (textarea(lang, "description", &msg("intranet-description"), &typed.description, 6, errors))
            // People never see this field; a robot that fills every field gives itself away.
            div.intranet-trap aria-hidden="true" {
                label for="f-website" { (lang.t("intranet-trap")) }
                input #f-website type="text" name=(TRAP) value="" tabindex="-1" autocomplete="off";
            }
            button.button.button-primary type="submit" { (lang.t("intranet-send")) }
        }
    };
    framed(
        &view.origins,
        status,
        layout::embed_page(visitor, &lang.t("intranet-heading"), content),
    )
}

fn thanks(visitor: &Visitor, origins: &[String], ticket: i64, mail: &str) -> Response {
    let lang = visitor.lang;
    let number = ticket.to_string();
    let content = html! {
        div.alert.alert-success role="status" {
            p.intranet-number { (lang.t_args("intranet-recorded", &[("number", &number)])) }
            p { (lang.t_args("intranet-acknowledged", &[("mail", mail.trim())])) }
        }
        p { a href=(paths::INTRANET_FORM) { (lang.t("intranet-another")) } }
    };
    framed(
        origins,
        StatusCode::OK,
        layout::embed_page(visitor, &lang.t("intranet-thanks"), content),
    )
}
