//! The company logo: upload and removal from the settings page, and `GET /logo` which serves it
//! (to everyone: the login page shows it) with its checked type.

use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::{FieldErrors, branding};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::csrf_field;
use crate::web::visitor::Visitor;

use crate::web::ui::layout::logo_url as url;

/// The logo part of the settings page.
pub fn section(visitor: &Visitor, errors: &FieldErrors) -> Markup {
    let lang = visitor.lang;
    let error = errors.get("logo");
    html! {
        section.panel #logo {
            h2 { (lang.t("settings-logo")) }
            p.hint { (lang.t_args("settings-logo-help", &[("max", &(branding::MAX_BYTES / 1024).to_string())])) }
            @if let Some(src) = url(visitor) {
                div.logo-current {
                    img.logo-preview src=(src) alt=(lang.t("settings-logo-current"));
                    form.inline-form method="post" action=(paths::ADMIN_LOGO_DELETE) {
                        (csrf_field(visitor))
                        button.button.button-small.button-danger type="submit" { (lang.t("settings-logo-remove")) }
                    }
                }
            }
            form.inline-add method="post" enctype="multipart/form-data"
                action=(format!("{}?{}={}", paths::ADMIN_LOGO, crate::web::csrf::FIELD, visitor.csrf)) novalidate {
                div.field.has-error[error.is_some()] {
                    label for="f-logo" { (lang.t("settings-logo-file")) }
                    input #f-logo type="file" name="logo" accept="image/png,image/jpeg,image/webp";
                    @if let Some(m) = error {
                        p.field-error { (m.render(lang)) }
                    }
                }
                button.button type="submit" { (lang.t("settings-logo-upload")) }
            }
        }
    }
}

/// `POST /admin/settings/logo`.
pub async fn upload(
    State(state): State<AppState>,
    authed: Authed,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let bytes = crate::web::upload_bytes::read(multipart, "logo", branding::MAX_BYTES)
        .await?
        .map(|sent| sent.bytes)
        .unwrap_or_default();
    match branding::check(&bytes) {
        Ok(_) => {
            let dir = state.app().config().data_dir().to_owned();
            let version = tokio::task::spawn_blocking(move || {
                branding::save(&dir, &bytes).map(|()| branding::version(&dir))
            })
            .await
            .map_err(WebError::internal)?
            .map_err(WebError::internal)?;
            state.set_logo_version(version);
            Ok(redirect_with_flash(
                &format!("{}#logo", paths::ADMIN_SETTINGS),
                Flash::Saved,
                visitor.secure,
            ))
        }
        Err(m) => {
            let mut errors = FieldErrors::new();
            errors.add("logo", m);
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                super::settings::page_with_errors(&state, visitor, &errors).await?,
            )
                .into_response())
        }
    }
}

/// `POST /admin/settings/logo/delete`.
pub async fn remove(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let dir = state.app().config().data_dir().to_owned();
    tokio::task::spawn_blocking(move || branding::remove(&dir))
        .await
        .map_err(WebError::internal)?
        .map_err(WebError::internal)?;
    state.set_logo_version(None);
    Ok(redirect_with_flash(
        &format!("{}#logo", paths::ADMIN_SETTINGS),
        Flash::Deleted,
        authed.visitor.secure,
    ))
}

/// `GET /logo`: the logo, checked again before it is served.
pub async fn serve(State(state): State<AppState>) -> Result<Response, WebError> {
    let path = branding::path(state.app().config().data_dir());
    let Ok(bytes) = tokio::fs::read(&path).await else {
        return Err(WebError::NotFound);
    };
    let logo = branding::check(&bytes).map_err(|_| WebError::NotFound)?;
    Ok((
        [
            (CONTENT_TYPE, logo.kind.mime()),
            (X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        bytes,
    )
        .into_response())
}
