//! Administration > System > Log files: the server's daily log files, the newest line first,
//! filtered by level and text, and each file as a download. Values that look like secrets are
//! hidden in both (see [`crate::log_files`]).

use axum::extract::{Path, Query, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::i18n::format_bytes;
use crate::log_files::{self, Level};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::layout;

/// The viewer's query: the file, the least serious level shown, the text searched.
#[derive(Debug, Default, serde::Deserialize)]
pub struct LogQuery {
    #[serde(default)]
    file: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    q: String,
}

/// The longest text searched.
const MAX_SEARCH: usize = 200;

/// `GET /admin/system/logs`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    Query(query): Query<LogQuery>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let dir = state.app().config().logs_dir();
    let level = Level::parse(&query.level);
    let text: String = query.q.chars().take(MAX_SEARCH).collect();
    let (files, chosen, shown) = {
        let (file, text) = (query.file.clone(), text.clone());
        tokio::task::spawn_blocking(move || -> std::io::Result<_> {
            let files = log_files::list(&dir)?;
            // An unknown name shows the newest file, as no name does.
            let chosen = files
                .iter()
                .find(|f| f.name == file)
                .or(files.first())
                .map(|f| f.name.clone());
            let shown = match chosen.as_deref().and_then(|n| log_files::path_of(&dir, n)) {
                Some(path) => Some(log_files::read(&path, level, &text)?),
                None => None,
            };
            Ok((files, chosen, shown))
        })
        .await
        .map_err(|e| WebError::internal(e.to_string()))?
        .map_err(|e| WebError::internal(e.to_string()))?
    };
    let content = html! {
        p { a href=(paths::ADMIN_SYSTEM) { "← " (lang.t("system-title")) } }
        @if files.is_empty() {
            p.muted #no-logs { (lang.t("system-logs-none")) }
        } @else {
            form.report-bar method="get" action=(paths::ADMIN_SYSTEM_LOGS) {
                div.field {
                    label for="f-file" { (lang.t("system-logs-file")) }
                    select #f-file name="file" {
                        @for f in &files {
                            option value=(f.name) selected[chosen.as_deref() == Some(f.name.as_str())] {
                                (f.name) " (" (format_bytes(lang, f.size)) ")"
                            }
                        }
                    }
                }
                div.field {
                    label for="f-level" { (lang.t("system-logs-level")) }
                    select #f-level name="level" {
                        option value="" selected[level.is_none()] { (lang.t("system-logs-level-all")) }
                        @for l in Level::ALL {
                            option value=(l.as_str()) selected[level == Some(l)] { (l.as_str()) }
                        }
                    }
                }
                div.field {
                    label for="f-q" { (lang.t("system-logs-search")) }
                    input #f-q type="search" name="q" value=(text) maxlength=(MAX_SEARCH);
                }
                button.button type="submit" { (lang.t("system-logs-show")) }
            }
            @if let Some(name) = &chosen {
                p {
                    a.button.button-small href=(paths::ADMIN_SYSTEM_LOG_DOWNLOAD.replace("{name}", name)) download {
                        (lang.t("system-logs-download"))
                    }
                }
            }
            @if let Some(shown) = &shown {
                p.hint { (lang.t("system-logs-hidden")) }
                @if shown.cut {
                    p.hint { (lang.t_args("system-logs-cut", &[("size", &format_bytes(lang, log_files::TAIL_BYTES))])) }
                }
                @if shown.lines.is_empty() {
                    p.muted #no-lines { (lang.t("system-logs-no-lines")) }
                } @else {
                    div.table-wrap {
                        table.data-table.log-table {
                            thead { tr {
                                th { (lang.t("system-logs-time")) }
                                th { (lang.t("system-logs-level")) }
                                th { (lang.t("system-logs-message")) }
                            } }
                            tbody {
                                @for line in &shown.lines {
                                    tr data-level=[line.level.map(Level::as_str)] {
                                        td.log-time { (line.at) }
                                        td { @if let Some(l) = line.level {
                                            span.badge.badge-error[l == Level::Error].badge-warn[l == Level::Warn] { (l.as_str()) }
                                        } }
                                        td { code.log-text { (line.text) } }
                                    }
                                }
                            }
                        }
                    }
                    @if shown.more {
                        p.hint { (lang.t_args("system-logs-more", &[("n", &log_files::SHOWN_LINES.to_string())])) }
                    }
                }
            }
        }
    };
    Ok(layout::page(visitor, &lang.t("system-logs"), content).into_response())
}

/// `GET /admin/system/logs/{name}`: the file, secrets hidden, as a download.
pub async fn download(
    State(state): State<AppState>,
    _authed: Authed,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let path =
        log_files::path_of(&state.app().config().logs_dir(), &name).ok_or(WebError::NotFound)?;
    let text = tokio::task::spawn_blocking(move || log_files::redacted_file(&path))
        .await
        .map_err(|e| WebError::internal(e.to_string()))?
        .map_err(|_| WebError::NotFound)?;
    let mut response = text.into_response();
    let h = response.headers_mut();
    h.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    // The name passed `is_log_name`: ASCII letters, digits, dashes and dots only.
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(CONTENT_DISPOSITION, v);
    }
    h.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}
