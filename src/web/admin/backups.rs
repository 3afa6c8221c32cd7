//! Administration > Backups: the archives in the data directory with their size and date,
//! "Back up now", download, the daily schedule's settings, and bringing back one list from a
//! backup (entries deleted since then come back; the others stay as they are).

use std::collections::HashMap;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use tokio_util::io::ReaderStream;

use crate::backup::{self, BackupError};
use crate::domain::FieldErrors;
use crate::domain::lists::registry as lists;
use crate::domain::settings::Section;
use crate::i18n::{Msg, format_datetime, format_decimal, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{csrf_field, form_error};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

use super::settings::{current_values, fieldsets, save_sections_or_reshow};

const SECTIONS: [(Section, &str); 1] = [(Section::Backups, "backups-schedule")];

/// A message above the list, good or bad.
enum Banner {
    None,
    Failed(Msg),
}

fn view(
    visitor: &Visitor,
    found: &[backup::Listed],
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    banner: &Banner,
) -> Markup {
    let lang = visitor.lang;
    let list_choices: Vec<(&str, String)> = lists::ALL
        .iter()
        .map(|l| (l.code, lang.t(l.title)))
        .collect();
    let content = html! {
        @match banner {
            Banner::None => {},
            Banner::Failed(m) => { div.alert.alert-error role="alert" { (m.render(lang)) } },
        }
        section.panel {
            p.hint { (lang.t("backups-help")) }
            form.inline-form method="post" action=(paths::ADMIN_BACKUPS) {
                (csrf_field(visitor))
                button.button.button-primary type="submit" { (lang.t("backups-now")) }
            }
        }
        @if found.is_empty() {
            p.muted { (lang.t("backups-empty")) }
        } @else {
            div.table-wrap {
                table.data-table {
                    thead {
                        tr {
                            th scope="col" { (lang.t("backups-name")) }
                            th scope="col" { (lang.t("backups-when")) }
                            th scope="col" { (lang.t("backups-size")) }
                            th scope="col" { (lang.t("backups-restore-list")) }
                        }
                    }
                    tbody {
                        @for b in found {
                            tr {
                                td { a href=(paths::fill(paths::ADMIN_BACKUP, &[&b.name])) download { (b.name) } }
                                td { (format_datetime(lang, b.modified)) }
                                td { (format_decimal(lang, b.size as f64 / 1_048_576.0)) " MB" }
                                td {
                                    form.inline-form method="post" action=(paths::fill(paths::ADMIN_BACKUP_RESTORE_LIST, &[&b.name])) {
                                        (csrf_field(visitor))
                                        label.visually-hidden for=(format!("list-{}", b.name)) { (lang.t("backups-restore-list")) }
                                        select id=(format!("list-{}", b.name)) name="list" {
                                            @for (code, title) in &list_choices {
                                                option value=(code) { (title) }
                                            }
                                        }
                                        " "
                                        button.button.button-small type="submit" { (lang.t("backups-restore-list-button")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
        form.stack method="post" action=(paths::ADMIN_BACKUPS_SETTINGS) novalidate {
            (csrf_field(visitor))
            (fieldsets(visitor, &SECTIONS, values, errors))
            div.form-actions {
                button.button type="submit" { (lang.t("action-save")) }
            }
        }
    };
    layout::page(visitor, &lang.t("backups-title"), content)
}

async fn listed(state: &AppState) -> Result<Vec<backup::Listed>, WebError> {
    let dir = state.app().config().backups_dir();
    tokio::task::spawn_blocking(move || backup::list(&dir))
        .await
        .map_err(|e| WebError::internal(e.to_string()))?
        .map_err(|e| WebError::internal(format!("backups folder: {e}")))
}

async fn render(
    state: &AppState,
    visitor: &Visitor,
    status: StatusCode,
    banner: Banner,
) -> Result<Response, WebError> {
    let found = listed(state).await?;
    Ok((
        status,
        view(
            visitor,
            &found,
            &current_values(visitor),
            &FieldErrors::new(),
            &banner,
        ),
    )
        .into_response())
}

/// `GET /admin/backups`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    render(&state, &authed.visitor, StatusCode::OK, Banner::None).await
}

/// `POST /admin/backups`: backs up now.
pub async fn create(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let (db, config) = (state.db().clone(), state.app().config().clone());
    let made = tokio::task::spawn_blocking(move || {
        backup::create(
            &db,
            config.data_dir(),
            &config.attachments_dir(),
            &config.backups_dir(),
            None,
        )
    })
    .await
    .map_err(|e| WebError::internal(e.to_string()))?;
    match made {
        Ok(c) => {
            tracing::info!(
                "backup written by {}: {} ({} bytes)",
                authed.session.actor.user.login,
                c.path.display(),
                c.size
            );
            Ok(redirect_with_flash(
                paths::ADMIN_BACKUPS,
                Flash::BackupWritten,
                authed.visitor.secure,
            ))
        }
        Err(e) => {
            tracing::error!("backup failed: {e}");
            let m = msg("backups-failed").arg("detail", e.to_string());
            render(
                &state,
                &authed.visitor,
                StatusCode::INTERNAL_SERVER_ERROR,
                Banner::Failed(m),
            )
            .await
        }
    }
}

/// `POST /admin/backups/settings`.
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
        paths::ADMIN_BACKUPS,
        |map, errors| async move {
            let found = listed(st).await?;
            Ok(view(visitor, &found, &map, &errors, &Banner::None))
        },
    )
    .await
}

/// `GET /admin/backups/{name}`: the archive, as a download.
pub async fn download(
    State(state): State<AppState>,
    _authed: Authed,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let path =
        backup::find(&state.app().config().backups_dir(), &name).ok_or(WebError::NotFound)?;
    let file = tokio::fs::File::open(&path)
        .await
        .map_err(|_| WebError::NotFound)?;
    let size = file
        .metadata()
        .await
        .map_err(|e| WebError::internal(e.to_string()))?
        .len();
    let mut response = Body::from_stream(ReaderStream::new(file)).into_response();
    let h = response.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static("application/gzip"));
    // The name passed `is_backup_name`: ASCII letters, digits, dashes and dots only.
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&size.to_string()) {
        h.insert(CONTENT_LENGTH, v);
    }
    h.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}

/// `POST /admin/backups/{name}/restore-list`.
pub async fn restore_list(
    State(state): State<AppState>,
    authed: Authed,
    Path(name): Path<String>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let path =
        backup::find(&state.app().config().backups_dir(), &name).ok_or(WebError::NotFound)?;
    let Some(list) = lists::find(form.get("list")) else {
        return render(
            &state,
            visitor,
            StatusCode::UNPROCESSABLE_ENTITY,
            Banner::Failed(msg("error-unknown-choice")),
        )
        .await;
    };
    let (db, staging) = (state.db().clone(), state.app().config().backups_dir());
    let result =
        tokio::task::spawn_blocking(move || backup::list_table(&db, &path, &staging, list))
            .await
            .map_err(|e| WebError::internal(e.to_string()))?;
    match result {
        Ok(n) => {
            tracing::info!(
                "{} restored {n} entries of list {} from {name}",
                authed.session.actor.user.login,
                list.code
            );
            // A refresh of the page that follows does not restore it again.
            Ok(crate::web::auth::redirect_with_flash(
                paths::ADMIN_BACKUPS,
                Flash::ListRestored,
                visitor.secure,
            ))
        }
        Err(
            e @ (BackupError::Damaged { .. }
            | BackupError::NotABackup(_)
            | BackupError::Missing { .. }
            | BackupError::Newer { .. }
            | BackupError::NoSuchList),
        ) => {
            render(
                &state,
                visitor,
                StatusCode::UNPROCESSABLE_ENTITY,
                Banner::Failed(msg("backups-failed").arg("detail", e.to_string())),
            )
            .await
        }
        Err(e) => Err(WebError::internal(e.to_string())),
    }
}
