//! The ticket page: showing, saving, closing, saving as a template.

use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use std::collections::HashMap;

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::tickets::fields::{Access, Field, Form};
use crate::domain::tickets::repo::TicketRow;
use crate::domain::tickets::{self, Actor, Change, Reply, Saved};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Msg, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{action_button, form_error};
use crate::web::ui::{icons, layout};
use crate::web::visitor::Visitor;

use super::new::{attachment_input, room_for, upload_action};
use super::upload::{self};
use super::view::{self, FormView};
use super::{actor, thread as thread_view};

/// Everything the ticket page shows: what the domain read, and the side forms that came back.
struct TicketPage {
    data: tickets::page::TicketPage,
    drafts: Drafts,
    /// The tickets before and after this one in the list it was opened from (`ticket_next`).
    around: Option<crate::domain::worklist::listing::Neighbours>,
}

impl std::ops::Deref for TicketPage {
    type Target = tickets::page::TicketPage;

    fn deref(&self) -> &Self::Target {
        &self.data
    }
}

/// Side forms of the ticket page that came back with an error.
#[derive(Debug, Default)]
pub(super) struct Drafts {
    pub reminder: super::reminders::Draft,
    pub entry: Option<thread_view::EntryDraft>,
    /// A template name that was refused, with why.
    pub template: Option<(String, Msg)>,
    /// Why the observer to add was refused.
    pub observer: Option<Msg>,
    /// The ticket number typed to merge into, refused, with why.
    pub merge: Option<(String, Msg)>,
    /// An intervention form that was refused.
    pub intervention: Option<crate::web::calendar::interventions::Returned>,
    /// An unavailability form that was refused.
    pub unavailability: Option<crate::web::availability::ticket::Returned>,
}

async fn load(
    state: &AppState,
    actor: &Actor,
    lang: crate::i18n::Lang,
    id: TicketId,
    pending: Vec<String>,
) -> Result<TicketPage, WebError> {
    Ok(TicketPage {
        data: tickets::page::load(state.db(), actor, lang, id, pending).await?,
        drafts: Drafts::default(),
        around: None,
    })
}

/// The ticket page. `values` are what the form shows (the saved values, or what was typed),
/// `original`/`version` what the form is based on.
#[allow(clippy::too_many_arguments)]
fn ticket_view(
    visitor: &Visitor,
    actor: &Actor,
    page: &TicketPage,
    values: &HashMap<String, String>,
    original: &HashMap<String, String>,
    version: i64,
    errors: &FieldErrors,
    banner: Option<&Msg>,
    reply: &str,
) -> Markup {
    let lang = visitor.lang;
    let row = &page.row;
    let access = Access::compute(&actor.rights, &actor.settings, Form::Existing);
    let access = if page.may_change {
        access
    } else {
        access.read_only()
    };
    let action = upload_action(&fill(paths::TICKET, &[&row.id]), visitor);
    let may_post = actor.may_reply() && page.may_change;
    let may_save = actor.rights.has(right::TICKET_SAVE) && page.may_change;
    let title = format!("#{} {}", row.id, row.values.title);
    let pictures = |target: tickets::PasteTarget| {
        tickets::may_paste(actor, target).then(|| {
            let into = match target {
                tickets::PasteTarget::Reply => "reply",
                tickets::PasteTarget::Description => "description",
            };
            format!(
                "{}&into={into}",
                upload_action(&fill(paths::TICKET_PICTURES, &[&row.id]), visitor)
            )
        })
    };
    let description_paste = pictures(tickets::PasteTarget::Description);
    let reply_paste = pictures(tickets::PasteTarget::Reply);
    let form_view = FormView {
        visitor,
        access: &access,
        values,
        options: &page.options,
        errors,
        current: Some(&row.values),
        description_html: Some(&page.description_html),
        description_paste: description_paste
            .as_deref()
            .map_or(view::Paste::Nothing, view::Paste::Upload),
    };
    let content = html! {
        @if let Some(n) = page.around {
            nav.ticket-around aria-label=(lang.t("ticket-around")) {
                @if let Some(p) = n.previous {
                    a.button.button-small #previous-ticket rel="prev" href=(fill(paths::TICKET, &[&p]))
                        title=(lang.t("ticket-previous")) { "‹ #" (p) }
                }
                @if let Some(nx) = n.next {
                    a.button.button-small #next-ticket rel="next" href=(fill(paths::TICKET, &[&nx]))
                        title=(lang.t("ticket-next")) { "#" (nx) " ›" }
                }
            }
        }
        div.ticket-head #ticket-head data-live-region {
            span.badge.state-badge { (view::state_badge(row.values.state_id, &page.options)) }
            span.muted { (view::summary(lang, row.id.0, &row.values).render(lang)) }
            div.ticket-actions {
                @if crate::domain::tickets::may_create(actor) && actor.new_form() == Form::NewFull {
                    a.button.button-small href=(format!("{}?copy={}", paths::TICKET_NEW, row.id)) { (lang.t("ticket-duplicate")) }
                }
                // On a closed ticket, whatever else the profile may do with it.
                @if actor.rights.has(right::TICKET_REOPEN) && page.may_change && crate::domain::tickets::states::is_closed(row.values.state_id) {
                    span #reopen-ticket {
                        (action_button(visitor, &fill(paths::TICKET_REOPEN, &[&row.id]), &lang.t("ticket-reopen"), "", None))
                    }
                }
                @if actor.rights.has(right::TICKET_DELETE) && page.may_change {
                    (action_button(visitor, &fill(paths::TICKET_DELETE, &[&row.id]), &lang.t("action-delete"), "button-danger", Some(&lang.t("ticket-delete-confirm"))))
                }
                @if actor.rights.has(right::TICKET_PRINT) {
                    a.button.button-small href=(fill(paths::TICKET_PRINT, &[&row.id])) target="_blank" rel="noopener" { (lang.t("ticket-print")) }
                }
                @if let Some(ip) = page.asset_address.as_deref() {
                    a.button.button-small #asset-vnc href=(crate::web::assets::vnc_href(ip)) { (lang.t("asset-vnc")) }
                }
                @if actor.rights.has(right::TICKET_SEND_MAIL) && visitor.settings.flag(crate::domain::settings::mail_registry::SMTP_ENABLED) {
                    a.button.button-small href=(fill(paths::TICKET_MAIL, &[&row.id])) { (lang.t("mail-send-from-ticket")) }
                }
                @if tickets::merge::may_merge(actor) && page.merged_into.is_none() && page.may_change {
                    (super::merge::form(visitor, row.id, page.drafts.merge.as_ref()))
                }
                @if actor.rights.has(right::TICKET_TEMPLATE) {
                    @let refused = page.drafts.template.as_ref();
                    details.template-save open[refused.is_some()] {
                        summary.button.button-small { (lang.t("ticket-template-save")) }
                        form.inline-add method="post" action=(fill(paths::TICKET_TEMPLATE, &[&row.id])) novalidate {
                            (crate::web::ui::form::csrf_field(visitor))
                            div.field.has-error[refused.is_some()] {
                                label for="f-template-name" { (lang.t("ticket-template-name")) }
                                input #f-template-name type="text" name="template_name" maxlength="100"
                                    value=(refused.map_or(row.values.title.as_str(), |(n, _)| n.as_str()));
                                @if let Some((_, m)) = refused { p.field-error { (m.render(lang)) } }
                            }
                            button.button.button-small type="submit" { (lang.t("ticket-template-save-submit")) }
                        }
                    }
                }
            }
        }
        @if let Some(other) = page.merged_into {
            div.alert.alert-info #merged-into role="status" {
                (lang.t_args("ticket-merged-banner", &[("other", &format!("#{other}"))])) " "
                a href=(fill(paths::TICKET, &[&other])) { (lang.t("thread-open-other")) }
            }
        }
        (form_error(lang, banner.or((!errors.is_empty()).then(|| msg("form-has-errors")).as_ref())))
        (super::validation::panel(visitor, row, page.validation.as_ref()))
        // The form's inputs sit in both columns and name it with `form=`.
        form #ticket-form method="post" enctype="multipart/form-data" action=(action) novalidate
            data-ticket-page=(row.id) data-changed-live=(lang.t("ticket-changed-live")) {
            (view::originals(original, version))
        }
        div.ticket-layout {
            div.ticket-main {
                section.panel.ticket-request {
                    (view::request_fields(&form_view))
                }
                @if actor.rights.has(right::TICKET_RESOLUTION_DISP) {
                    section.panel.thread #thread aria-labelledby="thread-heading" {
                        h2 #thread-heading { (lang.t("ticket-thread")) }
                        div #thread-entries data-live-region {
                            (thread_view::entries(visitor, actor, row.id.0, &page.entries, page.drafts.entry.as_ref()))
                        }
                        @if may_post {
                            div.field.reply #reply.has-error[errors.get("reply").is_some()] {
                                label for="f-reply" { (lang.t("ticket-reply")) }
                                (view::md_toolbar(lang, "f-reply", reply_paste.as_deref().map_or(view::Paste::Nothing, view::Paste::Upload)))
                                textarea #f-reply name="reply" rows="5" form="ticket-form" { (reply) }
                                @if let Some(e) = errors.get("reply") { p.field-error { (e.render(lang)) } }
                                @if actor.text_rights().hide {
                                    div.field-check {
                                        input #f-private type="checkbox" name="private" value="1" form="ticket-form";
                                        label for="f-private" { (lang.t("ticket-reply-private")) }
                                    }
                                }
                            }
                        }
                        @if page.may_change { (save_bar(visitor, actor, row, may_post, may_save)) }
                    }
                } @else {
                    @if page.may_change { (save_bar(visitor, actor, row, may_post, may_save)) }
                }
                section.panel #attachments {
                    h2 { (lang.t("ticket-attachments")) }
                    div #attachment-list data-live-region {
                        @if page.files.is_empty() {
                            p.muted { (lang.t("ticket-attachments-none")) }
                        } @else {
                            ul.file-list {
                                @for f in &page.files {
                                    li {
                                        (view::file_icon(&f.content_type)) " "
                                        a href=(fill(paths::TICKET_ATTACHMENT, &[&row.id, &f.id])) download=(f.filename) { (f.filename) }
                                        " " span.muted { "(" (view::size_text(lang, f.size)) ")" }
                                        @if actor.rights.has(right::TICKET_ATTACHMENT_DELETE) {
                                            (action_button(visitor, &fill(paths::TICKET_ATTACHMENT_DELETE, &[&row.id, &f.id]), &lang.t("action-remove"), "button-danger", Some(&lang.t("ticket-attachment-confirm-delete"))))
                                        }
                                    }
                                }
                            }
                        }
                    }
                    @if page.may_change {
                        (attachment_input(visitor, actor, &page.pending, page.files.len(), errors))
                    }
                }
            }
            aside.ticket-side aria-label=(lang.t("ticket-fields")) {
                div.panel.ticket-fields {
                    (view::side_fields(&form_view))
                    @if let Some(s) = &page.sender_service {
                        div.field.field-sender-service {
                            span.label-like { (lang.t("ticket-field-sender-service")) }
                            p.read-only #sender-service { (s) }
                        }
                    }
                }
                @if !page.procedures.is_empty() {
                    section.panel.procedure-links #procedures aria-labelledby="procedures-heading" {
                        h2 #procedures-heading { (icons::icon(icons::BOOK)) " " (lang.t("procedures-for-ticket")) }
                        ul.item-list {
                            @for (id, title) in &page.procedures {
                                li { a href=(fill(paths::PROCEDURE, &[id])) { (title) } }
                            }
                        }
                    }
                }
                @if let Some(o) = &page.observers {
                    (super::observers::section(visitor, actor.id().0, row.id, o, &page.options, page.drafts.observer.as_ref()))
                }
                @if actor.rights.has(right::TICKET_EVENT) {
                    (super::reminders::section(visitor, row, &page.reminders, &page.drafts.reminder))
                }
                @if let Some(w) = &page.availability {
                    (crate::web::availability::ticket::section(visitor, row.id, w, page.drafts.unavailability.as_ref()))
                }
                @if !page.planners.is_empty() {
                    (crate::web::calendar::interventions::section(visitor, row.id, &page.interventions,
                        &page.planners, page.drafts.intervention.as_ref()))
                }
            }
        }
    };
    layout::page(visitor, &title, content)
}

/// The one save button of the ticket page ("Save and send" once a reply is typed, by the page
/// script), and "Save and close" for those who have it.
fn save_bar(
    visitor: &Visitor,
    actor: &Actor,
    row: &TicketRow,
    may_post: bool,
    may_save: bool,
) -> Markup {
    let lang = visitor.lang;
    let closes = actor.may_save_and_close()
        && !crate::domain::tickets::states::is_closed(row.values.state_id);
    html! {
        @if may_post || may_save || actor.rights.has(right::TICKET_ATTACHMENT) || actor.may_close(row) {
            div.form-actions.save-bar {
                button.button.button-primary #save-button type="submit" form="ticket-form"
                    data-saves-fields[may_save] data-label-reply=[may_post.then(|| lang.t("ticket-save-and-send"))] {
                    (lang.t("action-save"))
                }
                @if actor.has_hidden_reply_button() {
                    button.button #hidden-reply-button type="submit" form="ticket-form" name="private" value="1"
                        title=(lang.t("thread-private-help")) {
                        (lang.t("ticket-save-hidden-reply"))
                    }
                }
                @if closes {
                    button.button #save-close-button type="submit" form="ticket-form" name="close" value="1" {
                        (lang.t("ticket-save-and-close"))
                    }
                }
                // Leaves the ticket without saving, back to the list (GestSup's "Annuler").
                @if actor.rights.has(right::TICKET_CANCEL) {
                    a.button #cancel-button href=(paths::TICKETS) data-cancel { (lang.t("action-cancel")) }
                }
                // The requester's own "Close ticket", beside the reply they may write instead.
                @if actor.may_close(row) {
                    span #close-ticket {
                        (action_button(visitor, &fill(paths::TICKET_CLOSE, &[&row.id]), &lang.t("ticket-close"), "", Some(&lang.t("ticket-close-confirm"))))
                    }
                }
            }
        }
    }
}

/// `GET /tickets/{id}`.
pub async fn show(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
    headers: axum::http::HeaderMap,
) -> Result<Response, WebError> {
    let actor = actor(&authed);
    let mut page = load(&state, actor, authed.visitor.lang, id, Vec::new()).await?;
    tickets::mark_read(state.db(), actor, &page.row).await?;
    let around =
        crate::web::worklist::page::neighbours(&state, &authed.visitor, &headers, id.0).await?;
    page.around = around.as_ref().map(|(n, _)| *n);
    let mut response = saved_view(&authed.visitor, actor, &page).into_response();
    if let Some((_, Some(moved))) = &around {
        crate::web::worklist::page::remember_list(&mut response, moved, authed.visitor.secure);
    }
    Ok(response)
}

/// The ticket page showing the saved values.
fn saved_view(visitor: &Visitor, actor: &Actor, page: &TicketPage) -> Markup {
    let values = view::texts(&page.row.values);
    ticket_view(
        visitor,
        actor,
        page,
        &values,
        &values,
        page.row.version,
        &FieldErrors::new(),
        None,
        "",
    )
}

/// `POST /tickets/{id}`: the fields, a reply and new attachments, in one transaction.
pub async fn save(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let actor = actor(&authed);
    let visitor = &authed.visitor;
    // Checked before the form is read: nothing is stored for a ticket one may not see.
    let room = room_for(&state, actor, Some(id)).await?;
    let sent = upload::read(multipart, &state, &visitor.settings, actor.user.id.0, room).await?;
    let original: HashMap<String, String> = Field::ALL
        .iter()
        .map(|f| {
            (
                f.name().to_owned(),
                sent.get(&format!("orig.{}", f.name())).to_owned(),
            )
        })
        .collect();
    // A missing or tampered version only makes the save go through the careful merge.
    let version = sent.get("version").parse::<i64>().unwrap_or(0);
    let change = Change {
        form: sent.fields.clone(),
        original: original.clone(),
        version,
        reply: Reply {
            body: sent.get("reply").to_owned(),
            private: sent.get("private") == "1",
        },
        uploads: sent.pending.clone(),
        close: sent.get("close") == "1",
        strict: false,
    };
    let result = if sent.errors.is_empty() {
        tickets::update(state.db(), actor, id, change).await
    } else {
        Err(DomainError::Invalid(sent.errors.clone()))
    };
    let (errors, banner) = match result {
        Ok(saved) => {
            let flash = if saved == Saved::Merged {
                Flash::TicketMerged
            } else {
                Flash::Saved
            };
            // Back to the conversation, the newest entry in sight.
            return Ok(redirect_with_flash(
                &format!("{}#reply", fill(paths::TICKET, &[&id])),
                flash,
                visitor.secure,
            ));
        }
        Err(DomainError::Invalid(errors)) => (errors, None),
        Err(DomainError::Conflict(m)) => (FieldErrors::new(), Some(m)),
        Err(e) => return Err(e.into()),
    };
    let page = load(&state, actor, visitor.lang, id, sent.pending.clone()).await?;
    let saved_now = view::texts(&page.row.values);
    let mut values = saved_now.clone();
    // What the user typed comes back; a field they did not touch shows what is saved now (it
    // may have changed meanwhile) and is based on it.
    let mut base = original.clone();
    for (k, v) in sent.fields.iter().filter(|(k, _)| !k.starts_with("orig.")) {
        if original.get(k) == Some(v)
            && let Some(now) = saved_now.get(k)
        {
            base.insert(k.clone(), now.clone());
        } else {
            values.insert(k.clone(), v.clone());
        }
    }
    // Fields changed by both are rebased on what is saved now, so that saving again keeps the
    // value typed here.
    let conflicts = errors
        .0
        .iter()
        .any(|(_, m)| m.key == "error-field-changed-meanwhile");
    for (field, m) in &errors.0 {
        if m.key == "error-field-changed-meanwhile"
            && let Some(f) = Field::ALL.iter().find(|f| f.name() == *field)
        {
            base.insert((*field).to_owned(), page.row.values.text(*f));
        }
    }
    let banner = banner.or_else(|| conflicts.then(|| msg("ticket-conflict")));
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        ticket_view(
            visitor,
            actor,
            &page,
            &values,
            &base,
            version,
            &errors,
            banner.as_ref(),
            sent.get("reply"),
        ),
    )
        .into_response())
}

/// The ticket page again, with a side form (a reminder, a reply being edited) as typed and
/// its errors, set by `with`.
pub(super) async fn reshow_with(
    state: &AppState,
    authed: &Authed,
    id: TicketId,
    with: impl FnOnce(&mut Drafts),
) -> Result<Response, WebError> {
    let actor = actor(authed);
    let mut page = load(state, actor, authed.visitor.lang, id, Vec::new()).await?;
    with(&mut page.drafts);
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        saved_view(&authed.visitor, actor, &page),
    )
        .into_response())
}

/// `POST /tickets/{id}/template`: saves the ticket as a template.
pub async fn save_template(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
    form: crate::web::extract::FormPairs,
) -> Result<Response, WebError> {
    let name = form.get("template_name").to_owned();
    match tickets::save_as_template(state.db(), actor(&authed), id, name.clone()).await {
        Ok(_) => Ok(redirect_with_flash(
            &fill(paths::TICKET, &[&id]),
            Flash::TemplateSaved,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            let m = errors
                .0
                .into_iter()
                .next()
                .map_or_else(|| msg("form-has-errors"), |(_, m)| m);
            reshow_with(&state, &authed, id, |d| d.template = Some((name, m))).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /tickets/{id}/reopen`: the reopen button on a closed ticket.
pub async fn reopen(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
) -> Result<Response, WebError> {
    tickets::reopen::reopen(state.db(), actor(&authed), id).await?;
    Ok(redirect_with_flash(
        &fill(paths::TICKET, &[&id]),
        Flash::TicketReopened,
        authed.visitor.secure,
    ))
}

/// `POST /tickets/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
) -> Result<Response, WebError> {
    tickets::delete(state.db(), actor(&authed), id).await?;
    Ok(redirect_with_flash(
        paths::TICKETS,
        Flash::Deleted,
        authed.visitor.secure,
    ))
}

/// `POST /tickets/{id}/close`: the requester's "Close ticket".
pub async fn close(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
) -> Result<Response, WebError> {
    tickets::close(state.db(), actor(&authed), id).await?;
    Ok(redirect_with_flash(
        &fill(paths::TICKET, &[&id]),
        Flash::TicketClosed,
        authed.visitor.secure,
    ))
}
