//! Outgoing mail, whatever it is about: addresses ([`address`]), the look of every mail and the
//! mails about no ticket ([`compose`]), the bodies ([`templates`]), the outbox ([`outbox`]),
//! the connector's test mail and the outbox's commands. Mails about tickets are the tickets
//! capability's (`tickets::mails`); this module knows nothing of tickets.
//!
//! Every mail is rendered and written to the outbox in the transaction of the change that
//! causes it; the server's mail worker (`gestdesk::jobs::outbox`) sends it later, so that no
//! change ever waits on the SMTP server and no mail is lost while it is away.

pub mod address;
pub mod compose;
pub mod inbound;
pub mod outbox;
pub mod templates;

use crate::db::Db;
use crate::domain::settings::Settings;
use crate::domain::{DomainError, FieldErrors, clock};
use crate::i18n::Lang;

use outbox::{MailKind, NewMail};

/// Writes the connector's test mail to `to` in the outbox, in `lang`. `author` is the address
/// used as sender when no fixed sender is set.
pub async fn queue_test(db: &Db, to: &str, author: &str, lang: Lang) -> Result<i64, DomainError> {
    let to = address::check(to).map_err(|m| {
        let mut errors = FieldErrors::new();
        errors.add("to", m);
        DomainError::Invalid(errors)
    })?;
    let author = author.to_owned();
    db.write(move |tx| {
        let settings = Settings::load(tx)?;
        let (subject, body) = compose::test_body(&settings, lang);
        Ok(outbox::enqueue(
            tx,
            &NewMail {
                kind: MailKind::Test,
                ticket_id: None,
                thread_entry_id: None,
                author_addr: author,
                to: vec![to],
                cc: Vec::new(),
                subject,
                html: body.html,
                text: body.text,
                calendar: String::new(),
            },
            clock::now(),
        )?)
    })
    .await
}

/// Retries a mail of the outbox now.
pub async fn retry(db: &Db, id: i64) -> Result<(), DomainError> {
    db.write(move |tx| {
        if outbox::retry(tx, id, clock::now())? {
            Ok(())
        } else {
            Err(DomainError::NotFound)
        }
    })
    .await
}

/// Deletes a mail of the outbox (not while it is being sent).
pub async fn delete(db: &Db, id: i64) -> Result<(), DomainError> {
    db.write(move |tx| {
        if outbox::delete(tx, id)? {
            Ok(())
        } else {
            Err(DomainError::NotFound)
        }
    })
    .await
}
