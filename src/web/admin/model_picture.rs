//! A model's picture on its page of Administration > Lists (`asset-models` only): the picture
//! shown with a button to remove it, and a form to send a new one (PNG, JPEG or WebP, checked
//! from its bytes), answered with the page again and the reason when it is refused.

use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use maud::{Markup, html};

use crate::domain::assets::pictures;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::csrf_field;
use crate::web::upload_bytes;
use crate::web::visitor::Visitor;

/// The only list whose entries have a picture.
pub const LIST: &str = "asset-models";

/// The picture part of model `model`'s page (`version`: of its current picture).
pub fn section(
    visitor: &Visitor,
    model: i64,
    version: Option<&str>,
    errors: &FieldErrors,
) -> Markup {
    let lang = visitor.lang;
    let error = errors.get(pictures::FIELD);
    html! {
        section.panel #model-picture {
            h2 { (lang.t("asset-model-picture")) }
            @if let Some(v) = version {
                div.logo-current {
                    img.model-picture src=(format!("{}?v={v}", fill(paths::ASSET_MODEL_PICTURE, &[&model])))
                        alt=(lang.t("asset-model-picture"));
                    form.inline-form method="post" action=(fill(paths::ADMIN_LIST_ENTRY_PICTURE_DELETE, &[&LIST, &model])) {
                        (csrf_field(visitor))
                        button.button.button-small.button-danger type="submit" { (lang.t("asset-model-picture-remove")) }
                    }
                }
            }
            form.inline-add method="post" enctype="multipart/form-data"
                action=(format!("{}?{}={}", fill(paths::ADMIN_LIST_ENTRY_PICTURE, &[&LIST, &model]), crate::web::csrf::FIELD, visitor.csrf)) novalidate {
                div.field.has-error[error.is_some()] {
                    label for="f-picture" { (lang.t("asset-model-picture-file")) }
                    input #f-picture type="file" name=(pictures::FIELD) accept="image/png,image/jpeg,image/webp";
                    p.hint { (lang.t_args("asset-model-picture-help", &[("max", &(pictures::MAX_BYTES / 1024).to_string())])) }
                    @if let Some(m) = error {
                        p.field-error { (m.render(lang)) }
                    }
                }
                button.button type="submit" { (lang.t("asset-model-picture-send")) }
            }
        }
    }
}

fn only_models(code: &str) -> Result<(), WebError> {
    if code == LIST {
        Ok(())
    } else {
        Err(WebError::NotFound)
    }
}

/// `POST /admin/lists/asset-models/{id}/picture`.
pub async fn upload(
    State(state): State<AppState>,
    authed: Authed,
    Path((code, model)): Path<(String, i64)>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    only_models(&code)?;
    let visitor = &authed.visitor;
    let sent = upload_bytes::read(multipart, pictures::FIELD, pictures::MAX_BYTES).await?;
    let dir = state.app().config().data_dir().to_owned();
    let result = match sent {
        None => {
            let mut errors = FieldErrors::new();
            errors.add(pictures::FIELD, msg("asset-model-picture-none"));
            Err(DomainError::Invalid(errors))
        }
        Some(sent) => pictures::set(state.db(), &dir, authed.actor(), model, sent.bytes).await,
    };
    match result {
        Ok(()) => Ok(redirect_with_flash(
            &format!(
                "{}#model-picture",
                fill(paths::ADMIN_LIST_ENTRY, &[&LIST, &model])
            ),
            Flash::Saved,
            visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            super::lists::edit_with_picture_errors(&state, &authed, model, &errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/lists/asset-models/{id}/picture/delete`.
pub async fn remove(
    State(state): State<AppState>,
    authed: Authed,
    Path((code, model)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    only_models(&code)?;
    let dir = state.app().config().data_dir().to_owned();
    pictures::remove(state.db(), &dir, authed.actor(), model).await?;
    Ok(redirect_with_flash(
        &format!(
            "{}#model-picture",
            fill(paths::ADMIN_LIST_ENTRY, &[&LIST, &model])
        ),
        Flash::Deleted,
        authed.visitor.secure,
    ))
}
