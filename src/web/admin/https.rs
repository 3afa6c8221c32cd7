//! Administration > HTTPS: serving HTTPS in one switch, with a self-signed certificate made for
//! this machine (its fingerprint shown, for users to compare with their browser's) or with the
//! administrator's own certificate and key (PEM, checked when given: readable, the key is the
//! certificate's, valid today; its names shown). HSTS on request. The change takes effect at
//! once, for new connections; the desktop console keeps working in plain HTTP.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::FieldErrors;
use crate::domain::settings::{HTTPS_HSTS, HTTPS_MODE, Section};
use crate::i18n::{Lang, format_datetime, msg};
use crate::tls::{Info, Mode, certificate};
use crate::web::admin::settings::{current_values, save_sections, section_form};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{action_button, csrf_field, form_error, textarea};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

const SECTIONS: [(Section, &str); 1] = [(Section::Https, "settings-section-https")];

/// What the certificate in force says, with a warning when it ends within 30 days.
pub fn certificate_panel(lang: Lang, info: &Info, now: i64) -> Markup {
    html! {
        @if info.ends_soon(now) {
            div.alert.alert-warning role="alert" #certificate-ends {
                (lang.t_args("https-ends-soon", &[("date", &format_datetime(lang, info.not_after))]))
            }
        }
        dl.facts #certificate {
            dt { (lang.t("https-subject")) }
            dd { (info.subject) }
            dt { (lang.t("https-names")) }
            dd { (info.names.join(", ")) }
            dt { (lang.t("https-valid")) }
            dd { (lang.t_args("https-valid-value", &[
                ("from", &format_datetime(lang, info.not_before)),
                ("until", &format_datetime(lang, info.not_after)),
            ])) }
            dt { (lang.t("https-fingerprint")) }
            dd { code #fingerprint { (info.fingerprint) } }
        }
    }
}

fn mode_options(lang: Lang) -> Vec<(String, String)> {
    crate::domain::settings::HTTPS_MODES
        .iter()
        .map(|(code, label)| ((*code).to_owned(), lang.t(label)))
        .collect()
}

/// The page, with `values` in the settings form and `own` typed in the certificate form.
fn view(
    state: &AppState,
    visitor: &Visitor,
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    own: (&str, &FieldErrors),
) -> Markup {
    let lang = visitor.lang;
    let tls = state.tls();
    let now = crate::domain::clock::now();
    let chosen = Mode::from_code(visitor.settings.raw(HTTPS_MODE));
    let content = html! {
        p { a href=(paths::ADMIN_SYSTEM) { "← " (lang.t("system-title")) } }
        section.panel #https-state {
            h2 { (lang.t("https-in-force")) }
            @match tls.mode() {
                Mode::Off => p { span.badge { (lang.t("https-mode-off")) } },
                Mode::SelfSigned => p { span.badge.badge-ok { (lang.t("https-mode-self-signed")) } },
                Mode::Own => p { span.badge.badge-ok { (lang.t("https-mode-own")) } },
            }
            @if chosen != tls.mode() {
                div.alert.alert-warning role="alert" { (lang.t("https-fallback")) }
            }
            @if let Some(info) = tls.info() {
                (certificate_panel(lang, &info, now))
                @if tls.mode() == Mode::SelfSigned {
                    p.hint { (lang.t("https-self-signed-help")) }
                    (action_button(visitor, paths::ADMIN_HTTPS_RENEW, &lang.t("https-renew"), "button-small", None))
                }
            }
            p.hint { (lang.t("https-console-help")) }
        }
        (section_form(visitor, paths::ADMIN_HTTPS, SECTIONS[0], values, errors, "https_mode", &mode_options(lang)))
        section.panel #own-certificate {
            h2 { (lang.t("https-own-title")) }
            p.hint { (lang.t("https-own-help")) }
            (form_error(lang, (!own.1.is_empty()).then(|| msg("form-has-errors")).as_ref()))
            form.stack method="post" action=(paths::ADMIN_HTTPS_CERTIFICATE) novalidate {
                (csrf_field(visitor))
                (textarea(lang, "certificate", &msg("https-own-certificate"), own.0, 8, own.1))
                // The key is never shown again, even after a refusal.
                (textarea(lang, "key", &msg("https-own-key"), "", 6, own.1))
                div.form-actions { button.button type="submit" { (lang.t("https-own-save")) } }
            }
        }
    };
    layout::page(visitor, &lang.t("https-title"), content)
}

/// `GET /admin/https`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    Ok(view(
        &state,
        visitor,
        &current_values(visitor),
        &FieldErrors::new(),
        ("", &FieldErrors::new()),
    )
    .into_response())
}

/// Puts `mode` in force now, off the async threads (a certificate may be made).
async fn apply(state: &AppState, mode: Mode, hsts: bool, renew: bool) -> Result<(), WebError> {
    let tls = state.tls().clone();
    tokio::task::spawn_blocking(move || tls.apply(mode, hsts, renew))
        .await
        .map_err(|e| WebError::internal(e.to_string()))?
        .map_err(|e| WebError::internal(e.to_string()))
}

/// `POST /admin/https`: the mode and HSTS, in force at once. "Your own certificate" needs one
/// given first.
pub async fn save(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let mode = Mode::from_code(form.get("https_mode"));
    if mode == Mode::Own && form.get("https_mode") == Mode::Own.code() {
        let store = state.tls().store().clone();
        let has_own = tokio::task::spawn_blocking(move || store.read(Mode::Own))
            .await
            .map_err(|e| WebError::internal(e.to_string()))?
            .map_err(|e| WebError::internal(e.to_string()))?
            .is_some();
        if !has_own {
            let mut values = current_values(visitor);
            values.insert("https_mode", Mode::Own.code().to_owned());
            values.insert("https_hsts", form.get("https_hsts").to_owned());
            let mut errors = FieldErrors::new();
            errors.add("https_mode", msg("https-error-own-first"));
            let page = view(&state, visitor, &values, &errors, ("", &FieldErrors::new()));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    }
    if let Some((values, errors)) = save_sections(&state, &authed, &form, &SECTIONS).await? {
        let page = view(&state, visitor, &values, &errors, ("", &FieldErrors::new()));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let hsts = form.get("https_hsts") == "1";
    apply(&state, mode, hsts, false).await?;
    tracing::info!(mode = mode.code(), hsts, by = %authed.session.actor.user.login, "HTTPS changed");
    Ok(redirect_with_flash(
        paths::ADMIN_HTTPS,
        Flash::Saved,
        visitor.secure,
    ))
}

/// `POST /admin/https/certificate`: the administrator's own certificate and key, checked, then
/// kept (and in force at once when HTTPS uses it).
pub async fn save_certificate(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let cert = form.get("certificate").to_owned();
    let key = form.get("key").to_owned();
    let now = crate::domain::clock::now();
    let checked = {
        let (cert, key) = (cert.clone(), key.clone());
        tokio::task::spawn_blocking(move || certificate::check(&cert, &key, now))
            .await
            .map_err(|e| WebError::internal(e.to_string()))?
    };
    if let Err(e) = checked {
        let mut errors = FieldErrors::new();
        errors.add(
            if e.is_about_key() {
                "key"
            } else {
                "certificate"
            },
            msg(e.key()),
        );
        let shown: String = cert.chars().take(certificate::MAX_PEM_BYTES).collect();
        let page = view(
            &state,
            visitor,
            &current_values(visitor),
            &FieldErrors::new(),
            (&shown, &errors),
        );
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let store = state.tls().store().clone();
    tokio::task::spawn_blocking(move || store.write(Mode::Own, &cert, &key))
        .await
        .map_err(|e| WebError::internal(e.to_string()))?
        .map_err(|e| WebError::internal(e.to_string()))?;
    let tls = state.tls();
    if Mode::from_code(visitor.settings.raw(HTTPS_MODE)) == Mode::Own {
        apply(&state, Mode::Own, visitor.settings.flag(HTTPS_HSTS), false).await?;
    }
    tracing::info!(by = %authed.session.actor.user.login, in_force = tls.mode() == Mode::Own, "own HTTPS certificate saved");
    Ok(redirect_with_flash(
        paths::ADMIN_HTTPS,
        Flash::Saved,
        visitor.secure,
    ))
}

/// `POST /admin/https/renew`: a new self-signed certificate (for the machine's names and
/// addresses as they are now), in force at once.
pub async fn renew(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    if state.tls().mode() != Mode::SelfSigned {
        return Err(WebError::BadRequest);
    }
    apply(
        &state,
        Mode::SelfSigned,
        visitor.settings.flag(HTTPS_HSTS),
        true,
    )
    .await?;
    Ok(redirect_with_flash(
        paths::ADMIN_HTTPS,
        Flash::Saved,
        visitor.secure,
    ))
}
