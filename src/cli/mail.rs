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
