//! Administration > Settings > Mail: the SMTP connector, the automatic mails and what mails look
//! like, plus the "Send a test mail" button, which talks to the server at once and reports its
//! answer or the exact failure.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::FieldErrors;
use crate::domain::mail::compose;
use crate::domain::settings::{Section, Settings};
use crate::i18n::msg;
use crate::mail::smtp::{self, Outgoing};
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{Input, csrf_field, form_error};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

use super::settings::{current_values, fieldsets, save_sections_or_reshow, tabs};

const SECTIONS: [(Section, &str); 3] = [
    (Section::Smtp, "settings-section-smtp"),
    (Section::MailAuto, "settings-section-mail-auto"),
    (Section::MailContent, "settings-section-mail-content"),
];

/// What the test button got.
enum Tested {
    Nothing,
    Answer(String),
    Failure(String),
}

fn view(
    visitor: &Visitor,
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    test_to: &str,
    tested: &Tested,
    queued: i64,
) -> Markup {
    let lang = visitor.lang;
    let content = html! {
        (tabs(visitor, paths::ADMIN_MAIL))
        @if visitor.settings.raw(crate::domain::settings::SERVER_URL).trim().is_empty() {
            p.alert.alert-warning #server-url-missing role="status" {
                (lang.t("mail-server-url-missing")) " "
                a href=(format!("{}#f-server_url", paths::ADMIN_SETTINGS)) { (lang.t("mail-server-url-set")) }
            }
        }
        @if queued > 0 {
            p.alert.alert-info {
                a href=(format!("{}?state=queued", paths::ADMIN_OUTBOX)) {
                    (msg("mail-outbox-waiting").arg("count", queued).render(lang))
                }
            }
        }
        section.panel #test {
            h2 { (lang.t("mail-test-title")) }
            p.hint { (lang.t("mail-test-help")) }
            @match tested {
                Tested::Nothing => {},
                Tested::Answer(a) => {
                    div.alert.alert-success role="status" {
                        (lang.t("mail-test-sent")) " " code { (a) }
                    }
                },
                Tested::Failure(f) => {
                    div.alert.alert-error role="alert" { (f) }
                },
            }
            form.inline-add method="post" action=(paths::ADMIN_MAIL_TEST) novalidate {
                (csrf_field(visitor))
                (Input::text("to", msg("mail-test-to"), test_to).kind("email").render(lang, errors))
                button.button type="submit" { (lang.t("mail-test-send")) }
            }
        }
        (form_error(lang, (!errors.is_empty() && errors.get("to").is_none()).then(|| msg("form-has-errors")).as_ref()))
        form.stack method="post" action=(paths::ADMIN_MAIL) novalidate {
            (csrf_field(visitor))
            (fieldsets(visitor, &SECTIONS, values, errors))
            div.form-actions {
                button.button.button-primary type="submit" { (lang.t("action-save")) }
            }
        }
    };
    layout::page(visitor, &lang.t("mail-settings-title"), content)
}

async fn queued(state: &AppState) -> Result<i64, WebError> {
    Ok(crate::domain::mail::outbox::queued(state.db()).await?)
}

/// `GET /admin/mail`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let waiting = queued(&state).await?;
    Ok(view(
        visitor,
        &current_values(visitor),
        &FieldErrors::new(),
        &authed.session.actor.user.mail,
        &Tested::Nothing,
        waiting,
    )
    .into_response())
}

/// `POST /admin/mail`.
pub async fn save(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let (st, visitor, me) = (&state, &authed.visitor, &authed.session.actor.user.mail);
    save_sections_or_reshow(
        st,
        &authed,
        &form,
        &SECTIONS,
        paths::ADMIN_MAIL,
        |map, errors| async move {
            let waiting = queued(st).await?;
            Ok(view(visitor, &map, &errors, me, &Tested::Nothing, waiting))
        },
    )
    .await
}

/// `POST /admin/mail/test`: sends the test mail now with the saved settings.
pub async fn test(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let typed = form.get("to").trim().to_owned();
    let mut errors = FieldErrors::new();
    let tested = match crate::domain::mail::address::check(&typed) {
        Err(m) => {
            errors.add("to", m);
            Tested::Nothing
        }
        Ok(to) => {
            let settings: Settings = (*visitor.settings).clone();
            let cfg = crate::mail_settings::smtp_config(&settings);
            let (subject, body) = compose::test_body(&settings, lang);
            let recipients = vec![to];
            let outgoing = Outgoing {
                author_addr: authed.session.actor.user.mail.trim(),
                to: &recipients,
                cc: &[],
                subject: &subject,
                html: &body.html,
                text: &body.text,
                message_id: &format!("gestdesk.test.{}", crate::domain::token::random_hex(8)),
                calendar: "",
            };
            match smtp::send_now(&cfg, &outgoing).await {
                Ok(answer) => {
                    tracing::info!("test mail sent to {}: {answer}", recipients.join(", "));
                    Tested::Answer(answer)
                }
                Err(e) => {
                    tracing::warn!("test mail failed: {e}");
                    Tested::Failure(e.message().render(lang))
                }
            }
        }
    };
    let status = match tested {
        Tested::Answer(_) => StatusCode::OK,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let waiting = queued(&state).await?;
    Ok((
        status,
        view(
            visitor,
            &current_values(visitor),
            &errors,
            &typed,
            &tested,
            waiting,
        ),
    )
        .into_response())
}
