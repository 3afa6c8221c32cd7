//! `GET /admin/settings/log`: the latest setting changes (who, when, from where, old and new
//! value), from the settings page and from `gestdesk settings set`.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::settings::{history, registry};
use crate::i18n::format_datetime;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::layout;

/// How many changes the page shows.
const SHOWN: i64 = 500;

/// `GET /admin/settings/log`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let changes = history::recent(state.db(), SHOWN).await?;
    let content = html! {
        p { a href=(paths::ADMIN_SETTINGS) { (lang.t("settings-back")) } }
        @if changes.is_empty() {
            p.muted { (lang.t("settings-log-empty")) }
        } @else {
            div.table-wrap {
                table.data-table {
                    thead {
                        tr {
                            th scope="col" { (lang.t("settings-log-when")) }
                            th scope="col" { (lang.t("settings-log-setting")) }
                            th scope="col" { (lang.t("settings-log-old")) }
                            th scope="col" { (lang.t("settings-log-new")) }
                            th scope="col" { (lang.t("settings-log-by")) }
                        }
                    }
                    tbody {
                        @for c in &changes {
                            tr {
                                td { (format_datetime(lang, c.at)) }
                                td {
                                    @match registry::find(&c.key) {
                                        Some(def) => { (lang.t(def.label)) " " code { (c.key) } },
                                        None => code { (c.key) },
                                    }
                                }
                                td { code { (c.old.as_deref().unwrap_or("")) } }
                                td { code { (c.new) } }
                                td {
                                    @if c.source == "cli" {
                                        (lang.t("settings-log-cli"))
                                    } @else {
                                        (c.by.as_deref().unwrap_or(""))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(visitor, &lang.t("settings-log-title"), content).into_response())
}
