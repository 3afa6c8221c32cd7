//! Administration > Settings > Outbox: the mails waiting, being sent, sent and failed, with the
//! server's answer or the last error, and "retry" and "delete".

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use crate::domain::mail::outbox::{MailKind, MailState};
use crate::domain::mail::{self, outbox};
use crate::i18n::format_datetime;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::action_button;
use crate::web::ui::layout;

/// Mails per page.
const PAGE: i64 = 50;

/// The address's parameters.
#[derive(Debug, Deserialize, Default)]
pub struct OutboxQuery {
    #[serde(default)]
    state: String,
    #[serde(default)]
    page: String,
}

fn state_key(s: MailState) -> &'static str {
    match s {
        MailState::Queued => "outbox-state-queued",
        MailState::Sending => "outbox-state-sending",
        MailState::Sent => "outbox-state-sent",
        MailState::Failed => "outbox-state-failed",
    }
}

/// `GET /admin/outbox`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    Query(q): Query<OutboxQuery>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let filter = MailState::from_code(&q.state);
    let page = q.page.parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let (counts, mails) = outbox::page(state.db(), filter, PAGE + 1, (page - 1) * PAGE).await?;
    let more = i64::try_from(mails.len()).unwrap_or(0) > PAGE;
    let href = |s: Option<MailState>, p: i64| {
        let mut h = format!("{}?page={p}", paths::ADMIN_OUTBOX);
        if let Some(s) = s {
            h.push_str("&state=");
            h.push_str(s.code());
        }
        h
    };
    let total: i64 = counts.iter().map(|(_, n)| n).sum();
    let content = html! {
        (super::settings::tabs(visitor, paths::ADMIN_OUTBOX))
        nav.tabs aria-label=(lang.t("outbox-filter")) {
            a.tab href=(href(None, 1)) aria-current=[filter.is_none().then_some("page")] {
                (lang.t("outbox-all")) " (" (total) ")"
            }
            @for (s, n) in &counts {
                a.tab href=(href(Some(*s), 1)) aria-current=[(filter == Some(*s)).then_some("page")] {
                    (lang.t(state_key(*s))) " (" (n) ")"
                }
            }
        }
        @if mails.is_empty() {
            p.muted { (lang.t("outbox-empty")) }
        } @else {
            div.table-wrap {
                table.data-table {
                    thead {
                        tr {
                            th scope="col" { (lang.t("outbox-when")) }
                            th scope="col" { (lang.t("outbox-kind")) }
                            th scope="col" { (lang.t("outbox-to")) }
                            th scope="col" { (lang.t("outbox-subject")) }
                            th scope="col" { (lang.t("outbox-state")) }
                            th scope="col" { (lang.t("outbox-detail")) }
                            th scope="col" { span.visually-hidden { (lang.t("outbox-actions")) } }
                        }
                    }
                    tbody {
                        @for m in mails.iter().take(usize::try_from(PAGE).unwrap_or(50)) {
                            tr data-mail=(m.id) {
                                td { (format_datetime(lang, m.created_at)) }
                                td {
                                    (lang.t(MailKind::label(&m.kind)))
                                    @if let Some(t) = m.ticket_id {
                                        " " a href=(paths::fill(paths::TICKET, &[&t])) { "#" (t) }
                                    }
                                }
                                td { (m.to) }
                                td { (m.subject) }
                                td.outbox-state { (lang.t(state_key(m.state))) }
                                td {
                                    @match m.state {
                                        MailState::Sent => {
                                            @if let Some(at) = m.sent_at { (format_datetime(lang, at)) " " }
                                            code { (m.last_error) }
                                        },
                                        MailState::Queued if m.attempts > 0 => {
                                            (lang.t_args("outbox-next-try", &[
                                                ("attempts", &m.attempts.to_string()),
                                                ("when", &format_datetime(lang, m.next_at)),
                                            ]))
                                            br;
                                            code { (m.last_error) }
                                        },
                                        MailState::Failed => code { (m.last_error) },
                                        _ => {},
                                    }
                                }
                                td.actions {
                                    @if matches!(m.state, MailState::Failed | MailState::Queued) {
                                        (action_button(visitor, &paths::fill(paths::ADMIN_OUTBOX_RETRY, &[&m.id]), &lang.t("outbox-retry"), "", None))
                                    }
                                    @if m.state != MailState::Sending {
                                        (action_button(visitor, &paths::fill(paths::ADMIN_OUTBOX_DELETE, &[&m.id]), &lang.t("action-delete"), "button-danger", Some(&lang.t("outbox-confirm-delete"))))
                                    }
                                }
                            }
                        }
                    }
                }
            }
            nav.pager {
                @if page > 1 { a href=(href(filter, page - 1)) { (lang.t("outbox-newer")) } }
                @if more { " " a href=(href(filter, page + 1)) { (lang.t("outbox-older")) } }
            }
        }
    };
    Ok(layout::page(visitor, &lang.t("outbox-title"), content).into_response())
}

/// `POST /admin/outbox/{id}/retry`.
pub async fn retry(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    mail::retry(state.db(), id).await?;
    Ok(redirect_with_flash(
        paths::ADMIN_OUTBOX,
        Flash::MailQueued,
        authed.visitor.secure,
    ))
}

/// `POST /admin/outbox/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    mail::delete(state.db(), id).await?;
    Ok(redirect_with_flash(
        paths::ADMIN_OUTBOX,
        Flash::Deleted,
        authed.visitor.secure,
    ))
}
