//! The supervision screen (`/supervision`): a page for a wall display, without menu, with large
//! figures that update live and a sound and a red line when a user opens a ticket.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::worklist::supervision::Figures;
use crate::i18n::format_datetime;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::layout;

/// `GET /supervision`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let reader = visitor.reader.clone().ok_or(WebError::Forbidden)?;
    let f: Figures = crate::domain::worklist::use_cases::supervision(state.db(), reader).await?;
    let tile = |n: i64, label: &str, class: &str, href: String| {
        html! {
            a class=(format!("tile {class}")) href=(href) {
                span.tile-value { (n) }
                span.tile-label { (lang.t(label)) }
            }
        }
    };
    let list = |state: &str| format!("{}?view=all&state={state}", paths::TICKETS);
    let content = html! {
        div #supervision data-live-region {
            div.tiles {
                (tile(f.new, "supervision-new", if f.new > 0 { "tile-alert" } else { "" }, list("5")))
                (tile(f.critical, "supervision-critical", if f.critical > 0 { "tile-warn" } else { "" }, list("")))
                (tile(f.opened_today, "supervision-opened-today", "", paths::ACTIVITY.to_owned()))
                (tile(f.closed_today, "supervision-closed-today", "", paths::ACTIVITY.to_owned()))
                (tile(f.open, "supervision-open", "", list("")))
                (tile(f.to_handle, "supervision-to-handle", "", list("meta")))
                (tile(f.waiting_user, "supervision-waiting-user", "", list("6")))
            }
            section.newest {
                h2 { (lang.t("supervision-newest")) }
                @if f.newest.is_empty() {
                    p.muted { (lang.t("supervision-none")) }
                } @else {
                    ol.newest-list {
                        @for (id, title, requester, at) in &f.newest {
                            li data-ticket=(id) {
                                a href=(fill(paths::TICKET, &[id])) {
                                    span.newest-number { "#" (id) }
                                    span.newest-title { (title) }
                                }
                                span.muted {
                                    @if let Some(r) = requester { (r) " · " }
                                    (format_datetime(lang, *at))
                                }
                            }
                        }
                    }
                }
            }
        }
        p.wall-sound {
            button.button type="button" data-enable-sound { (lang.t("supervision-sound")) }
        }
    };
    Ok(layout::wall_page(visitor, &lang.t("supervision-title"), content).into_response())
}
