//! Administration > Settings > Incoming mail: the mailboxes read (added, changed, removed),
//! what incoming mail does with unknown senders and acknowledgements, the "Test" button (logs
//! in with what the form holds, opens the folder and says how many mails wait, or what failed)
//! and "Fetch now" (reads the mailbox at once and says what it did); with the fetch history and
//! the rejected mails, whose raw files administrators download.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::domain::FieldErrors;
use crate::domain::files::Store;
use crate::domain::mail::inbound::history::{self, Figures, Trigger};
use crate::domain::mail::inbound::mailboxes::{self, After, Choices, Form, Security};
use crate::domain::settings::Section;
use crate::i18n::{Lang, format_bytes, format_datetime, msg};
use crate::mail_in;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{
    Input, Select, action_button, checkbox, csrf_field, form_error, textarea,
};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

use super::settings::{current_values, fieldsets, save_sections_or_reshow, tabs};

const SECTIONS: [(Section, &str); 1] = [(Section::MailIn, "settings-section-mail-in")];

/// Fetches and rejected mails listed.
const LISTED: i64 = 100;

/// What the "Test" button found.
enum Tested {
    Nothing,
    Waiting(usize),
    Failed(&'static str),
}

fn security_label(s: Security) -> &'static str {
    Security::ALL
        .iter()
        .find(|(x, _, _)| *x == s)
        .map_or("setting-smtp-security-tls", |(_, _, l)| l)
}

fn after_label(a: &After) -> &'static str {
    match a {
        After::MarkRead => "mailbox-after-read",
        After::MoveTo(_) => "mailbox-after-move",
        After::Delete => "mailbox-after-delete",
    }
}

/// `GET /admin/mail-in`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let values = current_values(visitor);
    Ok(index(&state, visitor, &values, &FieldErrors::new())
        .await?
        .into_response())
}

async fn index(
    state: &AppState,
    visitor: &Visitor,
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
) -> Result<Markup, WebError> {
    let lang = visitor.lang;
    let boxes = mailboxes::list(state.db()).await?;
    let fetches = history::fetches(state.db(), LISTED).await?;
    let (_, rejected) = history::rejected(state.db(), 1).await?;
    let last_of = |id: i64| fetches.iter().find(|f| f.mailbox_id == Some(id));
    let content = html! {
        (tabs(visitor, paths::ADMIN_MAIL_IN))
        section.panel #mailboxes {
            h2 { (lang.t("mailboxes-title")) }
            p.hint { (lang.t("mailboxes-help")) }
            @if boxes.is_empty() {
                p.empty { (lang.t("mailboxes-none")) }
            } @else {
                div.table-wrap {
                    table.data-table {
                        thead { tr {
                            th { (lang.t("mailbox-name")) }
                            th { (lang.t("mailbox-server")) }
                            th { (lang.t("mailbox-folder")) }
                            th { (lang.t("mailbox-after")) }
                            th { (lang.t("mailbox-interval")) }
                            th { (lang.t("mailbox-last-fetch")) }
                        } }
                        tbody {
                            @for m in &boxes {
                                tr data-mailbox=(m.name) {
                                    td {
                                        a href=(paths::fill(paths::ADMIN_MAILBOX, &[&m.id])) { (m.name) }
                                        @if !m.enabled { " " span.badge { (lang.t("mailbox-off")) } }
                                    }
                                    td { (m.host) ":" (m.port) " · " (lang.t(security_label(m.security))) }
                                    td { (m.folder) }
                                    td {
                                        (lang.t(after_label(&m.after)))
                                        @if let After::MoveTo(f) = &m.after { " " code { (f) } }
                                    }
                                    td { (msg("mailbox-every-minutes").arg("count", m.interval_minutes).render(lang)) }
                                    td {
                                        @match last_of(m.id) {
                                            Some(f) => {
                                                (format_datetime(lang, f.started_at))
                                                @if !f.failure.is_empty() {
                                                    " " span.badge.badge-error { (lang.t(mail_in::failure_key(&f.failure))) }
                                                }
                                            },
                                            None => { "—" },
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            p {
                a.button.button-primary href=(paths::ADMIN_MAILBOX_NEW) { (lang.t("mailbox-add")) }
                " "
                a.button href=(paths::ADMIN_MAIL_FETCHES) { (lang.t("mail-fetches-title")) }
                " "
                a.button href=(paths::ADMIN_MAIL_REJECTED) {
                    (msg("mail-rejected-link").arg("count", rejected).render(lang))
                }
            }
        }
        (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
        form.stack method="post" action=(paths::ADMIN_MAIL_IN) novalidate {
            (csrf_field(visitor))
            (fieldsets(visitor, &SECTIONS, values, errors))
            div.form-actions {
                button.button.button-primary type="submit" { (lang.t("action-save")) }
            }
        }
    };
    Ok(layout::page(visitor, &lang.t("mail-in-title"), content))
}

/// `POST /admin/mail-in`: the incoming-mail settings.
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
        paths::ADMIN_MAIL_IN,
        |map, errors| async move { index(st, visitor, &map, &errors).await },
    )
    .await
}

/// What the mailbox form shows besides its fields.
struct Shown<'a> {
    id: Option<i64>,
    form: &'a Form,
    errors: &'a FieldErrors,
    tested: Tested,
    /// What a fetch did: its figures and what stopped it (a code), if anything did.
    fetched: Option<(Figures, Option<String>)>,
    has_password: bool,
}

fn value<'a>(form: &'a Form, name: &str) -> &'a str {
    form.get(name).map_or("", String::as_str)
}

fn mailbox_form(visitor: &Visitor, choices: &Choices, shown: &Shown<'_>) -> Markup {
    let lang = visitor.lang;
    let (form, errors) = (shown.form, shown.errors);
    let action = match shown.id {
        Some(id) => paths::fill(paths::ADMIN_MAILBOX, &[&id]),
        None => paths::ADMIN_MAILBOX_NEW.to_owned(),
    };
    let securities: Vec<(String, String)> = Security::ALL
        .iter()
        .map(|(_, code, label)| ((*code).to_owned(), lang.t(label)))
        .collect();
    let afters: Vec<(String, String)> = After::CHOICES
        .iter()
        .map(|(code, label)| ((*code).to_owned(), lang.t(label)))
        .collect();
    let one = |name: &str| vec![value(form, name).to_owned()];
    let title = match shown.id {
        Some(_) => lang.t("mailbox-edit"),
        None => lang.t("mailbox-add"),
    };
    let content = html! {
        (tabs(visitor, paths::ADMIN_MAIL_IN))
        p { a href=(paths::ADMIN_MAIL_IN) { "← " (lang.t("mail-in-title")) } }
        h2 { (title) }
        @match &shown.tested {
            Tested::Nothing => {},
            Tested::Waiting(n) => {
                div.alert.alert-success role="status" #test-result {
                    (msg("mailbox-test-ok").arg("count", *n).render(lang))
                }
            },
            Tested::Failed(key) => {
                div.alert.alert-error role="alert" #test-result { (lang.t(key)) }
            },
        }
        @if let Some((figures, failure)) = &shown.fetched {
            @if let Some(code) = failure {
                div.alert.alert-error role="alert" #fetch-result {
                    (lang.t(mail_in::failure_key(code)))
                }
            }
            div.alert.alert-info role="status" #fetch-result-figures {
                (msg("mail-fetch-done")
                    .arg("read", figures.read)
                    .arg("tickets", figures.tickets)
                    .arg("replies", figures.replies)
                    .arg("ignored", figures.ignored)
                    .arg("rejected", figures.rejected)
                    .arg("errors", figures.errors)
                    .render(lang))
            }
        }
        (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
        form.stack method="post" action=(action) novalidate {
            (csrf_field(visitor))
            input type="hidden" name="id" value=(shown.id.map(|i| i.to_string()).unwrap_or_default());
            fieldset.form-section.panel {
                legend { (lang.t("mailbox-connection")) }
                (Input::text("name", msg("mailbox-name"), value(form, "name")).required().render(lang, errors))
                (checkbox(lang, "enabled", &msg("mailbox-enabled"), form.contains_key("enabled"), Some(&msg("mailbox-enabled-help"))))
                (Input::text("host", msg("mailbox-host"), value(form, "host")).required().render(lang, errors))
                (Input::text("port", msg("mailbox-port"), value(form, "port")).kind("number").required().render(lang, errors))
                (Select::one("security", msg("mailbox-security"), &securities, &one("security")).render(lang, errors))
                (checkbox(lang, "accept_invalid_certs", &msg("setting-smtp-accept-invalid-certs"), form.contains_key("accept_invalid_certs"), Some(&msg("setting-smtp-accept-invalid-certs-help"))))
                (Input::text("login", msg("mailbox-login"), value(form, "login")).required().render(lang, errors))
                (Input::password("password", msg("mailbox-password"), "new-password").render(lang, errors))
                @if shown.has_password {
                    p.hint #password-kept { (lang.t("mailbox-password-kept")) }
                }
                (Input::text("folder", msg("mailbox-folder"), value(form, "folder")).render(lang, errors))
            }
            fieldset.form-section.panel {
                legend { (lang.t("mailbox-handling")) }
                (Select::one("after", msg("mailbox-after"), &afters, &one("after")).render(lang, errors))
                (Input::text("move_to", msg("mailbox-move-to"), value(form, "move_to")).render(lang, errors))
                (Select::one("service_id", msg("mailbox-service"), &choices.services, &one("service_id")).empty(msg("choice-none")).render(lang, errors))
                (Select::one("category_id", msg("mailbox-category"), &choices.categories, &one("category_id")).empty(msg("choice-none")).render(lang, errors))
                (textarea(lang, "excluded", &msg("mailbox-excluded"), value(form, "excluded"), 2, errors))
                p.hint { (lang.t("mailbox-excluded-help")) }
                (Input::text("interval_minutes", msg("mailbox-interval"), value(form, "interval_minutes")).kind("number").render(lang, errors))
            }
            div.form-actions {
                button.button.button-primary type="submit" { (lang.t("action-save")) }
                button.button type="submit" formaction=(paths::ADMIN_MAILBOX_TEST) #mailbox-test { (lang.t("mailbox-test")) }
            }
        }
        @if let Some(id) = shown.id {
            section.panel #mailbox-actions {
                form.inline-form method="post" action=(paths::fill(paths::ADMIN_MAILBOX_FETCH, &[&id])) {
                    (csrf_field(visitor))
                    button.button type="submit" #mailbox-fetch { (lang.t("mailbox-fetch-now")) }
                }
                " "
                (action_button(
                    visitor,
                    &paths::fill(paths::ADMIN_MAILBOX_DELETE, &[&id]),
                    &lang.t("action-delete"),
                    "button-danger",
                    Some(&lang.t("mailbox-delete-confirm")),
                ))
            }
        }
    };
    layout::page(visitor, &title, content)
}

async fn render_form(
    state: &AppState,
    visitor: &Visitor,
    shown: Shown<'_>,
) -> Result<Markup, WebError> {
    let choices = mailboxes::choices(state.db(), visitor.lang).await?;
    Ok(mailbox_form(visitor, &choices, &shown))
}

/// `GET /admin/mail-in/new`.
pub async fn new_page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let form = mailboxes::new_form();
    let shown = Shown {
        id: None,
        form: &form,
        errors: &FieldErrors::new(),
        tested: Tested::Nothing,
        fetched: None,
        has_password: false,
    };
    Ok(render_form(&state, &authed.visitor, shown)
        .await?
        .into_response())
}

/// The mailbox page's query: the fetch just made, whose figures it shows.
#[derive(Debug, Default, serde::Deserialize)]
pub struct EditQuery {
    #[serde(default)]
    fetched: String,
}

/// `GET /admin/mail-in/{id}`.
pub async fn edit_page(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
    Query(query): Query<EditQuery>,
) -> Result<Response, WebError> {
    let m = mailboxes::get(state.db(), id).await?;
    let fetched = match query.fetched.trim().parse::<i64>() {
        Ok(f) => history::fetch_of(state.db(), id, f)
            .await?
            .map(|f| (f.figures, (!f.failure.is_empty()).then_some(f.failure))),
        Err(_) => None,
    };
    let form = mailboxes::form_of(&m);
    let shown = Shown {
        id: Some(id),
        form: &form,
        errors: &FieldErrors::new(),
        tested: Tested::Nothing,
        fetched,
        has_password: !m.password.is_empty(),
    };
    Ok(render_form(&state, &authed.visitor, shown)
        .await?
        .into_response())
}

async fn save_form(
    state: &AppState,
    authed: &Authed,
    id: Option<i64>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let typed = form.to_map();
    let stored = match id {
        Some(id) => Some(mailboxes::get(state.db(), id).await?),
        None => None,
    };
    let result = mailboxes::save(state.db(), authed.actor(), id, typed.clone()).await;
    let visitor = &authed.visitor;
    crate::web::outcome::save_or_reshow(
        result,
        |_| redirect_with_flash(paths::ADMIN_MAIL_IN, Flash::Saved, visitor.secure),
        |errors| async move {
            let mut shown_form = typed;
            shown_form.remove("password");
            let shown = Shown {
                id,
                form: &shown_form,
                errors: &errors,
                tested: Tested::Nothing,
                fetched: None,
                has_password: stored.is_some_and(|m| !m.password.is_empty()),
            };
            render_form(state, visitor, shown).await
        },
    )
    .await
}

/// `POST /admin/mail-in/new`.
pub async fn create(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    save_form(&state, &authed, None, form).await
}

/// `POST /admin/mail-in/{id}`.
pub async fn update(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
    form: FormPairs,
) -> Result<Response, WebError> {
    save_form(&state, &authed, Some(id), form).await
}

/// `POST /admin/mail-in/test`: logs in with what the form holds (the stored password when none
/// is typed), without saving it.
pub async fn test(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let id = form.get("id").trim().parse::<i64>().ok();
    let stored = match id {
        Some(id) => Some(mailboxes::get(state.db(), id).await?),
        None => None,
    };
    let mut typed = form.to_map();
    let (tested, errors) = match mailboxes::read_form(&typed, stored.as_ref()) {
        Err(errors) => (Tested::Nothing, errors),
        Ok(m) => match mail_in::test(&m).await {
            Ok(n) => (Tested::Waiting(n), FieldErrors::new()),
            Err(e) => {
                tracing::info!("mailbox test of {:?} failed: {e}", m.name);
                (
                    Tested::Failed(mail_in::failure_key(mail_in::failure_code(&e))),
                    FieldErrors::new(),
                )
            }
        },
    };
    let status = match tested {
        Tested::Waiting(_) => StatusCode::OK,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    typed.remove("password");
    let shown = Shown {
        id,
        form: &typed,
        errors: &errors,
        tested,
        fetched: None,
        has_password: stored.is_some_and(|m| !m.password.is_empty()),
    };
    Ok((status, render_form(&state, visitor, shown).await?).into_response())
}

/// `POST /admin/mail-in/{id}/fetch`: reads the mailbox now, then shows what it did on the
/// mailbox's page (a redirect, so that reloading it does not fetch again).
pub async fn fetch(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let m = mailboxes::get(state.db(), id).await?;
    let store = Store::new(&state.app().config().attachments_dir());
    let fetched = mail_in::fetch(state.db(), &store, &m, Trigger::Manual).await?;
    if let Some(run) = fetched.id {
        return Ok(Redirect::to(&format!(
            "{}?fetched={run}#fetch-result-figures",
            paths::fill(paths::ADMIN_MAILBOX, &[&id])
        ))
        .into_response());
    }
    let form = mailboxes::form_of(&m);
    let shown = Shown {
        id: Some(id),
        form: &form,
        errors: &FieldErrors::new(),
        tested: Tested::Nothing,
        fetched: Some((fetched.figures, fetched.failure)),
        has_password: !m.password.is_empty(),
    };
    Ok(render_form(&state, &authed.visitor, shown)
        .await?
        .into_response())
}

/// `POST /admin/mail-in/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    mailboxes::delete(state.db(), authed.actor(), id).await?;
    Ok(redirect_with_flash(
        paths::ADMIN_MAIL_IN,
        Flash::Deleted,
        authed.visitor.secure,
    ))
}

fn trigger_key(code: &str) -> &'static str {
    match code {
        "schedule" => "mail-fetch-trigger-schedule",
        "manual" => "mail-fetch-trigger-manual",
        _ => "mail-fetch-trigger-command",
    }
}

/// `GET /admin/mail-in/fetches`.
pub async fn fetches(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let rows = history::fetches(state.db(), LISTED).await?;
    let content = html! {
        (tabs(visitor, paths::ADMIN_MAIL_IN))
        p { a href=(paths::ADMIN_MAIL_IN) { "← " (lang.t("mail-in-title")) } }
        @if rows.is_empty() {
            p.empty { (lang.t("mail-fetches-none")) }
        } @else {
            div.table-wrap {
                table.data-table #fetches {
                    thead { tr {
                        th { (lang.t("mail-fetch-when")) }
                        th { (lang.t("mailbox-name")) }
                        th { (lang.t("mail-fetch-trigger")) }
                        th.num { (lang.t("mail-fetch-read")) }
                        th.num { (lang.t("mail-fetch-tickets")) }
                        th.num { (lang.t("mail-fetch-replies")) }
                        th.num { (lang.t("mail-fetch-ignored")) }
                        th.num { (lang.t("mail-fetch-rejected")) }
                        th.num { (lang.t("mail-fetch-errors")) }
                        th.num { (lang.t("mail-fetch-duration")) }
                    } }
                    tbody {
                        @for f in &rows {
                            tr {
                                td { (format_datetime(lang, f.started_at)) }
                                td {
                                    (f.mailbox)
                                    @if !f.failure.is_empty() {
                                        " " span.badge.badge-error { (lang.t(mail_in::failure_key(&f.failure))) }
                                    }
                                }
                                td { (lang.t(trigger_key(&f.trigger))) }
                                td.num { (f.figures.read) }
                                td.num { (f.figures.tickets) }
                                td.num { (f.figures.replies) }
                                td.num { (f.figures.ignored) }
                                td.num { (f.figures.rejected) }
                                td.num { (f.figures.errors) }
                                td.num { (msg("net-run-seconds").arg("seconds", f.finished_at - f.started_at).render(lang)) }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(visitor, &lang.t("mail-fetches-title"), content).into_response())
}

fn reason_key(code: &str) -> &'static str {
    match code {
        "too-large" => "mail-rejected-too-large",
        "no-sender" => "mail-rejected-no-sender",
        _ => "mail-rejected-not-a-mail",
    }
}

fn rejected_view(visitor: &Visitor, rows: &[history::Rejected], count: i64) -> Markup {
    let lang: Lang = visitor.lang;
    let content = html! {
        (tabs(visitor, paths::ADMIN_MAIL_IN))
        p { a href=(paths::ADMIN_MAIL_IN) { "← " (lang.t("mail-in-title")) } }
        p.hint { (lang.t("mail-rejected-help")) }
        @if rows.is_empty() {
            p.empty { (lang.t("mail-rejected-none")) }
        } @else {
            p { (msg("mail-rejected-count").arg("count", count).render(lang)) }
            div.table-wrap {
                table.data-table #rejected {
                    thead { tr {
                        th { (lang.t("mail-fetch-when")) }
                        th { (lang.t("mail-rejected-sender")) }
                        th { (lang.t("mail-rejected-subject")) }
                        th { (lang.t("mail-rejected-reason")) }
                        th.num { (lang.t("mail-rejected-size")) }
                        th { (lang.t("mailbox-name")) }
                        th { span.visually-hidden { (lang.t("col-actions")) } }
                    } }
                    tbody {
                        @for r in rows {
                            tr {
                                td { (format_datetime(lang, r.received_at)) }
                                td { (r.sender) }
                                td { (r.subject) }
                                td { (lang.t(reason_key(&r.reason))) }
                                td.num { (format_bytes(lang, u64::try_from(r.size).unwrap_or(0))) }
                                td { (r.mailbox.as_deref().unwrap_or("—")) }
                                td.actions {
                                    a.button.button-small href=(paths::fill(paths::ADMIN_MAIL_REJECTED_RAW, &[&r.id])) { (lang.t("mail-rejected-download")) }
                                    " "
                                    (action_button(
                                        visitor,
                                        &paths::fill(paths::ADMIN_MAIL_REJECTED_DELETE, &[&r.id]),
                                        &lang.t("action-delete"),
                                        "button-danger",
                                        Some(&lang.t("mail-rejected-delete-confirm")),
                                    ))
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    layout::page(visitor, &lang.t("mail-rejected-title"), content)
}

/// `GET /admin/mail-in/rejected`.
pub async fn rejected(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let (rows, count) = history::rejected(state.db(), LISTED).await?;
    Ok(rejected_view(&authed.visitor, &rows, count).into_response())
}

/// `GET /admin/mail-in/rejected/{id}`: the raw mail, as a file to download.
pub async fn rejected_raw(
    State(state): State<AppState>,
    _authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let raw = history::rejected_raw(state.db(), id).await?;
    let mut response = raw.into_response();
    let h = response.headers_mut();
    // Served as a file, never shown: its content is whatever a stranger sent.
    h.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"rejected-{id}.eml\"")) {
        h.insert(CONTENT_DISPOSITION, v);
    }
    h.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}

/// `POST /admin/mail-in/rejected/{id}/delete`.
pub async fn rejected_delete(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    history::forget_rejected(state.db(), id).await?;
    Ok(redirect_with_flash(
        paths::ADMIN_MAIL_REJECTED,
        Flash::Deleted,
        authed.visitor.secure,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_and_reason_has_its_own_words() {
        for code in [
            "name-not-found",
            "refused",
            "timeout",
            "tls",
            "login-refused",
            "no-such-folder",
            "busy",
            "storage",
        ] {
            assert_ne!(
                mail_in::failure_key(code),
                "mail-in-failure-protocol",
                "{code}"
            );
        }
        for code in ["too-large", "no-sender"] {
            assert_ne!(reason_key(code), "mail-rejected-not-a-mail");
        }
    }
}
