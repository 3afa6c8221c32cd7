//! Administration > Settings > Directory: the LDAP connector (Active Directory or OpenLDAP:
//! server, security, service account, user branches, group branches, what becomes of users
//! missing from the directory, the attribute mapping), and the "Test" button, which binds with
//! the saved settings and says how many users each branch holds, or exactly what failed.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::directory::DirectoryError;
use crate::directory_settings::{self, Tested};
use crate::domain::FieldErrors;
use crate::domain::settings::{Section, Settings};
use crate::i18n::msg;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{csrf_field, form_error};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

use super::settings::{current_values, fieldsets, save_sections_or_reshow, tabs};

const SECTIONS: [(Section, &str); 1] = [(Section::Directory, "settings-section-directory")];

fn view(
    visitor: &Visitor,
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    tested: Option<&Tested>,
) -> Markup {
    let lang = visitor.lang;
    let content = html! {
        (tabs(visitor, paths::ADMIN_DIRECTORY))
        section.panel #directory-test {
            h2 { (lang.t("directory-test-title")) }
            p.hint { (lang.t("directory-test-help")) }
            @match tested {
                None => {},
                Some(Tested::BoundOnly) => {
                    div.alert.alert-success role="status" #test-result { (lang.t("directory-test-bound")) }
                },
                Some(Tested::Branches(branches)) => {
                    div.alert.alert-success role="status" #test-result {
                        p { (lang.t("directory-test-bound")) }
                        ul {
                            @for (branch, users) in branches {
                                li data-branch=(branch) {
                                    code { (branch) } " : "
                                    (msg("directory-test-users").arg("count", *users).render(lang))
                                }
                            }
                        }
                    }
                },
                Some(Tested::Failed(e)) => {
                    div.alert.alert-error role="alert" #test-result {
                        (lang.t(directory_settings::failure_key(e)))
                        @if let DirectoryError::NoSuchBranch(b) = e { " " code { (b) } }
                    }
                },
            }
            form.inline-add method="post" action=(paths::ADMIN_DIRECTORY_TEST) {
                (csrf_field(visitor))
                button.button type="submit" #directory-test-button { (lang.t("directory-test-button")) }
            }
        }
        (super::directory_sync::actions(visitor))
        (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
        form.stack method="post" action=(paths::ADMIN_DIRECTORY) novalidate {
            (csrf_field(visitor))
            (fieldsets(visitor, &SECTIONS, values, errors))
            div.form-actions {
                button.button.button-primary type="submit" { (lang.t("action-save")) }
            }
        }
    };
    layout::page(visitor, &lang.t("directory-title"), content)
}

/// `GET /admin/directory`.
pub async fn page(authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    Ok(view(visitor, &current_values(visitor), &FieldErrors::new(), None).into_response())
}

/// `POST /admin/directory`.
pub async fn save(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let (st, visitor) = (&state, &authed.visitor);
    save_sections_or_reshow(
        st,
        &authed,
        &form,
        &SECTIONS,
        paths::ADMIN_DIRECTORY,
        |map, errors| async move { Ok(view(visitor, &map, &errors, None)) },
    )
    .await
}

/// `POST /admin/directory/test`: binds with the saved settings and counts each branch's users.
pub async fn test(authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let settings: Settings = (*visitor.settings).clone();
    let tested = directory_settings::test(&settings).await;
    let status = match &tested {
        Tested::Failed(e) => {
            tracing::info!("directory test failed: {e}");
            StatusCode::UNPROCESSABLE_ENTITY
        }
        _ => StatusCode::OK,
    };
    Ok((
        status,
        view(
            visitor,
            &current_values(visitor),
            &FieldErrors::new(),
            Some(&tested),
        ),
    )
        .into_response())
}
