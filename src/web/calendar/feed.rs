//! Each user's private calendar feed: the panel under the calendar (make an address, shown
//! once; make a new one, which stops the old; remove it), and the feed itself, read by calendar
//! programs without a session.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::calendar::feeds;
use crate::i18n::format_datetime;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, Page};
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::action_button;
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

/// The feed panel: whether the visitor has a feed, and the buttons.
pub(super) fn panel(visitor: &Visitor, feed: Option<(i64, Option<i64>)>) -> Markup {
    let lang = visitor.lang;
    html! {
        section.panel #calendar-feed aria-labelledby="calendar-feed-heading" {
            h2 #calendar-feed-heading { (lang.t("calendar-feed-title")) }
            p { (lang.t("calendar-feed-intro")) }
            @match feed {
                Some((made, read)) => {
                    p {
                        (lang.t_args("calendar-feed-made", &[("date", &format_datetime(lang, made))])) " "
                        @match read {
                            Some(at) => (lang.t_args("calendar-feed-read", &[("date", &format_datetime(lang, at))])),
                            None => (lang.t("calendar-feed-never-read")),
                        }
                    }
                    div.button-row {
                        (action_button(visitor, paths::CALENDAR_FEED, &lang.t("calendar-feed-renew"), "button-secondary",
                            Some(&lang.t("calendar-feed-renew-confirm"))))
                        (action_button(visitor, paths::CALENDAR_FEED_DELETE, &lang.t("calendar-feed-remove"), "button-danger",
                            Some(&lang.t("calendar-feed-remove-confirm"))))
                    }
                }
                None => {
                    (action_button(visitor, paths::CALENDAR_FEED, &lang.t("calendar-feed-make"), "", None))
                }
            }
        }
    }
}

/// `POST /calendar/feed`: a new feed address, shown once.
pub async fn make(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let secret = feeds::new_feed(state.db(), authed.actor()).await?;
    let base = visitor
        .settings
        .raw(crate::domain::settings::SERVER_URL)
        .to_owned();
    let path = fill(paths::CALENDAR_ICS, &[&secret]);
    let address = if base.is_empty() {
        path
    } else {
        format!("{base}{path}")
    };
    let content = html! {
        section.panel #calendar-feed-address {
            p { (lang.t("calendar-feed-copy")) }
            input.feed-address #f-feed-address type="text" readonly value=(address)
                aria-label=(lang.t("calendar-feed-title"));
            @if base.is_empty() {
                p.hint { (lang.t("calendar-feed-no-server-url")) }
            }
            p { a.button href=(paths::CALENDAR) { (lang.t("calendar-back")) } }
        }
    };
    Ok((
        StatusCode::OK,
        [(header::CACHE_CONTROL, "no-store")],
        layout::page(visitor, &lang.t("calendar-feed-title"), content),
    )
        .into_response())
}

/// `POST /calendar/feed/delete`.
pub async fn remove(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    feeds::revoke_feed(state.db(), authed.actor()).await?;
    Ok(redirect_with_flash(
        &format!("{}#calendar-feed", paths::CALENDAR),
        Flash::FeedRemoved,
        authed.visitor.secure,
    ))
}

/// `GET /calendar/ics/{secret}`: the feed, as `text/calendar`.
pub async fn serve(
    State(state): State<AppState>,
    Page(visitor): Page,
    Path(secret): Path<String>,
) -> Result<Response, WebError> {
    let text = feeds::feed(
        state.db(),
        &visitor.settings,
        secret,
        visitor.settings.default_lang(),
    )
    .await?;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, no-store"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"gestdesk.ics\"",
            ),
        ],
        text,
    )
        .into_response())
}
