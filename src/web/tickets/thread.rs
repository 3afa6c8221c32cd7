//! The thread on the ticket page, and editing, deleting or hiding a reply.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::domain::DomainError;
use crate::domain::ids::TicketId;
use crate::domain::tickets::thread::{EntryView, Kind};
use crate::domain::tickets::{self, Actor, ThreadAction};
use crate::i18n::{Msg, format_datetime, msg};
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{action_button, csrf_field};
use crate::web::ui::icons;
use crate::web::visitor::Visitor;

use super::actor;

/// What an event of the thread says, in the visitor's language.
pub(super) fn event_text(visitor: &Visitor, e: &EntryView) -> String {
    let lang = visitor.lang;
    let who = e.author.as_str();
    let none = lang.t("choice-none");
    match e.kind {
        Kind::Opened => lang.t_args("thread-opened", &[("who", who)]),
        Kind::Assigned => lang.t_args(
            "thread-assigned",
            &[
                ("who", who),
                ("to", e.to.as_deref().unwrap_or(&none)),
                ("from", e.from.as_deref().unwrap_or(&none)),
            ],
        ),
        Kind::State => lang.t_args(
            "thread-state",
            &[
                ("who", who),
                ("from", e.from.as_deref().unwrap_or("")),
                ("to", e.to.as_deref().unwrap_or("")),
            ],
        ),
        Kind::Closed => lang.t_args(
            "thread-closed",
            &[("who", who), ("state", e.to.as_deref().unwrap_or(""))],
        ),
        Kind::Attachment => lang.t_args("thread-attachment", &[("who", who), ("name", &e.body)]),
        Kind::AttachmentRemoved => lang.t_args(
            "thread-attachment-removed",
            &[("who", who), ("name", &e.body)],
        ),
        Kind::Mail => {
            let state = match e.from.as_deref() {
                Some("sent") => lang.t("outbox-state-sent"),
                Some("failed") => lang.t("outbox-state-failed"),
                Some("queued" | "sending") => lang.t("outbox-state-queued"),
                _ => String::new(),
            };
            lang.t_args(
                "thread-mail",
                &[
                    ("who", who),
                    ("to", e.to.as_deref().unwrap_or("")),
                    ("subject", &e.body),
                    ("state", &state),
                ],
            )
        }
        Kind::ObserverAdded => lang.t_args(
            "thread-observer-added",
            &[("who", who), ("observer", e.to.as_deref().unwrap_or(&none))],
        ),
        Kind::ObserverRemoved => lang.t_args(
            "thread-observer-removed",
            &[
                ("who", who),
                ("observer", e.from.as_deref().unwrap_or(&none)),
            ],
        ),
        Kind::MergedInto => lang.t_args(
            "thread-merged-into",
            &[("who", who), ("other", &other_number(e))],
        ),
        Kind::MergedFrom => lang.t_args(
            "thread-merged-from",
            &[("who", who), ("other", &other_number(e))],
        ),
        Kind::InterventionPlanned | Kind::InterventionChanged | Kind::InterventionRemoved => {
            let key = match e.kind {
                Kind::InterventionPlanned => "thread-intervention-planned",
                Kind::InterventionChanged => "thread-intervention-changed",
                _ => "thread-intervention-removed",
            };
            let when = crate::domain::tickets::thread::intervention_times(&e.body)
                .map(|(s, end, all_day)| crate::i18n::format_span(lang, s, end, all_day))
                .unwrap_or_default();
            lang.t_args(
                key,
                &[
                    ("who", who),
                    ("technician", e.to.as_deref().unwrap_or(&none)),
                    ("when", &when),
                ],
            )
        }
        Kind::SurveyAnswered => lang.t_args(
            "thread-survey-answered",
            &[
                ("who", who),
                ("answers", &e.body.lines().collect::<Vec<_>>().join(" · ")),
            ],
        ),
        Kind::Text => String::new(),
    }
}

fn other_number(e: &EntryView) -> String {
    e.other_ticket.map(|n| format!("#{n}")).unwrap_or_default()
}

/// A reply's new text that was refused, with why.
#[derive(Debug, Clone)]
pub struct EntryDraft {
    pub entry: i64,
    pub body: String,
    pub error: Msg,
}

/// The entries, oldest first, with the actions the viewer may take on replies.
pub fn entries(
    visitor: &Visitor,
    actor: &Actor,
    ticket: i64,
    list: &[EntryView],
    draft: Option<&EntryDraft>,
) -> Markup {
    let lang = visitor.lang;
    let rights = actor.text_rights();
    let me = actor.user.id.0;
    html! {
        ol.thread-list {
            @for e in list {
                @if e.kind == Kind::Text {
                    li.thread-entry.text-entry.is-private[e.private] id=(format!("entry-{}", e.id)) {
                        div.entry-head {
                            strong {
                                @match (&e.by_mail, e.author_id) {
                                    (Some(from), None) => (from),
                                    _ => (e.author),
                                }
                            }
                            span.muted { " · " (format_datetime(lang, e.created_at)) }
                            @if let Some(from) = &e.by_mail {
                                span.badge.mail-badge data-by-mail=(from) {
                                    (crate::i18n::msg("thread-by-mail").arg("address", from.as_str()).render(lang))
                                }
                            }
                            @if e.edited_at.is_some() { span.muted { " · " (lang.t("thread-edited")) } }
                            @if e.private {
                                span.badge.private-badge title=(lang.t("thread-private-help")) {
                                    (icons::icon(icons::EYE)) " " (lang.t("thread-private"))
                                }
                            }
                        }
                        div.markdown { (crate::web::ui::safe::html(&e.html)) }
                        div.entry-actions {
                            @if rights.hide {
                                (action_button(visitor, &fill(paths::TICKET_ENTRY_PRIVATE, &[&ticket, &e.id]),
                                    &lang.t(if e.private { "thread-show" } else { "thread-hide" }), "", None))
                            }
                            @if rights.may_delete(me, e.author_id) {
                                (action_button(visitor, &fill(paths::TICKET_ENTRY_DELETE, &[&ticket, &e.id]),
                                    &lang.t("action-delete"), "button-danger", Some(&lang.t("thread-confirm-delete"))))
                            }
                            @if rights.may_edit(me, e.author_id) {
                                @let refused = draft.filter(|d| d.entry == e.id);
                                details.entry-edit open[refused.is_some()] {
                                    summary.button.button-small { (lang.t("action-edit")) }
                                    form.stack method="post" action=(fill(paths::TICKET_ENTRY_EDIT, &[&ticket, &e.id])) novalidate {
                                        (csrf_field(visitor))
                                        label.visually-hidden for=(format!("edit-{}", e.id)) { (lang.t("action-edit")) }
                                        textarea id=(format!("edit-{}", e.id)) name="body" rows="4" aria-invalid=[refused.map(|_| "true")] {
                                            (refused.map_or(e.body.as_str(), |d| d.body.as_str()))
                                        }
                                        @if let Some(d) = refused { p.field-error { (d.error.render(lang)) } }
                                        button.button.button-primary.button-small type="submit" { (lang.t("action-save")) }
                                    }
                                }
                            }
                        }
                    }
                } @else {
                    li.thread-entry.event-entry id=(format!("entry-{}", e.id)) {
                        span.muted { (format_datetime(lang, e.created_at)) " · " }
                        (event_text(visitor, e))
                        @if let Some(from) = &e.by_mail {
                            " " span.badge.mail-badge data-by-mail=(from) {
                                (crate::i18n::msg("thread-by-mail").arg("address", from.as_str()).render(lang))
                            }
                        }
                        @if let Some(other) = e.other_ticket {
                            " " a href=(fill(paths::TICKET, &[&other])) { (lang.t("thread-open-other")) }
                        }
                    }
                }
            }
        }
    }
}

fn back(ticket: TicketId) -> Response {
    Redirect::to(&format!("{}#thread", fill(paths::TICKET, &[&ticket]))).into_response()
}

async fn act(
    state: &AppState,
    authed: &Authed,
    ticket: TicketId,
    entry: i64,
    action: ThreadAction,
) -> Result<Response, WebError> {
    let typed = match &action {
        ThreadAction::Edit(body) => body.clone(),
        _ => String::new(),
    };
    match tickets::thread_action(state.db(), actor(authed), ticket, entry, action).await {
        Ok(()) => Ok(back(ticket)),
        Err(DomainError::Invalid(errors)) => {
            let error = errors
                .0
                .into_iter()
                .next()
                .map_or_else(|| msg("form-has-errors"), |(_, m)| m);
            let draft = EntryDraft {
                entry,
                body: typed,
                error,
            };
            super::page::reshow_with(state, authed, ticket, |d| d.entry = Some(draft)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /tickets/{id}/entries/{item}`: changes a reply's text.
pub async fn edit(
    State(state): State<AppState>,
    authed: Authed,
    Path((ticket, entry)): Path<(TicketId, i64)>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let body = form.get("body").to_owned();
    act(&state, &authed, ticket, entry, ThreadAction::Edit(body)).await
}

/// `POST /tickets/{id}/entries/{item}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path((ticket, entry)): Path<(TicketId, i64)>,
) -> Result<Response, WebError> {
    act(&state, &authed, ticket, entry, ThreadAction::Delete).await
}

/// `POST /tickets/{id}/entries/{item}/private`: hides a reply from the requester, or shows it.
pub async fn toggle_private(
    State(state): State<AppState>,
    authed: Authed,
    Path((ticket, entry)): Path<(TicketId, i64)>,
) -> Result<Response, WebError> {
    act(&state, &authed, ticket, entry, ThreadAction::TogglePrivate).await
}
