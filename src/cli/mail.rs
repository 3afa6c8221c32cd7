//! `mail-test`: a test mail through the outbox, or sent at once.

use super::*;

/// `gestdesk mail-test`.
pub(super) async fn mail_test(app: &App, to: &str, now: bool) -> Result<(), AppError> {
    let lang = cli_lang();
    if !now {
        let id = crate::domain::mail::queue_test(app.db(), to, "", lang)
            .await
            .map_err(explain)?;
        say(&lang.t_args("cli-mail-queued", &[("id", &id.to_string())]))?;
        let current = app
            .db()
            .read(|c| Settings::load(c).map_err(crate::db::DbError::from))
            .await?;
        if !current.flag(crate::domain::settings::mail_registry::SMTP_ENABLED) {
            say(&lang.t("cli-mail-connector-off"))?;
        }
        return Ok(());
    }
    let to = crate::domain::mail::address::check(to)
        .map_err(|m| AppError::Io(std::io::Error::other(m.render(lang))))?;
    let current = app
        .db()
        .read(|c| Settings::load(c).map_err(crate::db::DbError::from))
        .await?;
    let cfg = crate::mail_settings::smtp_config(&current);
    let (subject, body) = crate::domain::mail::compose::test_body(&current, lang);
    let recipients = vec![to];
    let message_id = format!("gestdesk.test.{}", crate::domain::token::random_hex(8));
    let outgoing = crate::mail::smtp::Outgoing {
        author_addr: "",
        to: &recipients,
        cc: &[],
        subject: &subject,
        html: &body.html,
        text: &body.text,
        message_id: &message_id,
        calendar: "",
    };
    match crate::mail::smtp::send_now(&cfg, &outgoing).await {
        Ok(answer) => say(&lang.t_args("cli-mail-sent", &[("answer", &answer)]))?,
        Err(e) => {
            return Err(AppError::Io(std::io::Error::other(
                e.message().render(lang),
            )));
        }
    }
    Ok(())
}

/// `gestdesk mail-fetch`: reads every enabled mailbox (or the one named) now, printing what
/// each fetch did; fails when a mailbox could not be read.
pub(super) async fn mail_fetch(app: &App, name: Option<String>) -> Result<(), AppError> {
    use crate::domain::mail::inbound::{history::Trigger, mailboxes};
    let lang = cli_lang();
    let boxes = match name {
        Some(n) => vec![
            mailboxes::named(app.db(), n.clone())
                .await
                .map_err(|e| match e {
                    DomainError::NotFound => AppError::Io(std::io::Error::other(
                        lang.t_args("cli-mailbox-unknown", &[("name", &n)]),
                    )),
                    other => explain(other),
                })?,
        ],
        None => mailboxes::list(app.db())
            .await
            .map_err(explain)?
            .into_iter()
            .filter(|m| m.enabled)
            .collect(),
    };
    if boxes.is_empty() {
        say(&lang.t("cli-mailbox-none"))?;
        return Ok(());
    }
    let store = crate::domain::files::Store::new(&app.config().attachments_dir());
    let mut failed = Vec::new();
    for m in &boxes {
        let f = crate::mail_in::fetch(app.db(), &store, m, Trigger::Command)
            .await
            .map_err(explain)?;
        say(&crate::i18n::msg("cli-mail-fetched")
            .arg("mailbox", f.mailbox.clone())
            .arg("read", f.figures.read)
            .arg("tickets", f.figures.tickets)
            .arg("replies", f.figures.replies)
            .arg("ignored", f.figures.ignored)
            .arg("rejected", f.figures.rejected)
            .arg("errors", f.figures.errors)
            .arg("seconds", format!("{:.1}", f.took.as_secs_f64()))
            .render(lang))?;
        if let Some(code) = f.failure {
            let why = lang.t(crate::mail_in::failure_key(&code));
            say(&format!("{}: {why}", f.mailbox))?;
            failed.push(f.mailbox);
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(AppError::Io(std::io::Error::other(lang.t_args(
            "cli-mail-fetch-failed",
            &[("names", &failed.join(", "))],
        ))))
    }
}
