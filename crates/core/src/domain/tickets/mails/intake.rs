//! One incoming mail handled (what `mail::inbound` read of it becomes here, among tickets): read, then ignored (automatic, from Gestdesk's own address, from
//! an excluded address, or from an unknown sender when the settings refuse them), added to the
//! thread of the ticket it answers (when its sender is a party of that ticket), turned into a
//! new ticket, or kept aside as a rejected mail when it cannot be read. Whatever it becomes is
//! recorded under its key (its Message-ID, else the digest of its bytes) in the transaction
//! that writes it, so that a mail read twice — a crash before the server marked it, or the
//! same mail in two mailboxes — is handled once. Its files are checked and stored before that
//! transaction, and removed again when it does not commit.

use rusqlite::{Transaction, params};

use crate::db::Db;
use crate::domain::files::{Store, check_name, content_type_for, keep_checked};
use crate::domain::mail::inbound::mailboxes::Mailbox;
use crate::domain::mail::inbound::read::digest;
use crate::domain::mail::inbound::{Inbound, Part, Unreadable, quotes, read, thread};
use crate::domain::settings::mail_registry as keys;
use crate::domain::settings::{self, Settings};
use crate::domain::tickets::from_mail::{self, NewTicket, Source};
use crate::domain::tickets::thread::{self as ticket_thread, Event};
use crate::domain::users::by_address::{self, Account};
use crate::domain::{DomainError, clock};
use crate::i18n::{Msg, msg};

/// A mail as the server gave it.
#[derive(Debug, Clone)]
pub enum Raw {
    /// Whole.
    Whole(Vec<u8>),
    /// Too large to read whole: its header and its size.
    TooLarge { header: Vec<u8>, size: usize },
}

/// What became of a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// A new ticket.
    Ticket(i64),
    /// A reply in a ticket's thread.
    Reply(i64),
    /// Nothing, for this reason (a stable code).
    Ignored(&'static str),
    /// Handled before.
    Duplicate,
    /// Kept aside in the rejected mails, for this reason.
    Rejected(&'static str),
}

/// A file of the mail, checked and stored, waiting for its ticket.
#[derive(Debug, Clone)]
struct Stored {
    storage_name: String,
    name: String,
    content_type: String,
    size: i64,
    sha256: String,
}

/// A file of the mail that was refused, and why.
#[derive(Debug, Clone)]
struct Refused {
    why: Msg,
}

/// Handles one mail of `mailbox`.
pub async fn take(
    db: &Db,
    store: &Store,
    settings: &Settings,
    mailbox: &Mailbox,
    raw: Raw,
) -> Result<Taken, DomainError> {
    let (read, raw) = tokio::task::spawn_blocking(move || {
        let read = match &raw {
            Raw::Whole(bytes) => read(bytes),
            Raw::TooLarge { size, .. } => Err(Unreadable::TooLarge(*size)),
        };
        (read, raw)
    })
    .await
    .map_err(|e| DomainError::Storage(crate::db::DbError::Task(e.to_string())))?;
    let mail = match read {
        Ok(mail) => mail,
        Err(why) => return reject(db, mailbox.id, raw, why).await,
    };
    let key = mail.key();
    if handled(db, key.clone()).await? {
        return Ok(Taken::Duplicate);
    }
    if let Some(reason) = ignored_because(settings, mailbox, &mail) {
        return ignore(db, mailbox.id, &mail, reason).await;
    }
    let (stored, refused) = store_files(store, settings, &mail).await;
    let names: Vec<String> = stored.iter().map(|s| s.storage_name.clone()).collect();
    let settings = settings.clone();
    let (mailbox_id, category, service) = (mailbox.id, mailbox.category_id, mailbox.service_id);
    let written = db
        .write(move |tx| {
            write(
                tx,
                &settings,
                (mailbox_id, category, service),
                &mail,
                &stored,
                &refused,
            )
        })
        .await;
    if !matches!(written, Ok(Taken::Ticket(_) | Taken::Reply(_))) {
        for name in names {
            let _ = std::fs::remove_file(store.path(&name));
        }
    }
    written
}

/// Whether a mail under `key` was handled already.
async fn handled(db: &Db, key: String) -> Result<bool, DomainError> {
    db.read(move |c| {
        Ok(
            c.prepare_cached("SELECT EXISTS (SELECT 1 FROM mails_handled WHERE key = ?1)")?
                .query_row([key], |r| r.get(0))?,
        )
    })
    .await
}

/// Why `mail` must not become a ticket nor a reply, if it must not.
fn ignored_because(settings: &Settings, mailbox: &Mailbox, mail: &Inbound) -> Option<&'static str> {
    if let Some(auto) = mail.automatic {
        return Some(auto.code());
    }
    let own = settings.raw(keys::SMTP_FROM).trim();
    if !own.is_empty() && own.eq_ignore_ascii_case(&mail.from) {
        return Some("own-address");
    }
    if mailbox.excludes(&mail.from) {
        return Some("excluded");
    }
    None
}

/// Records `mail` as handled, with nothing done but `outcome`; false when it was already.
fn record(
    tx: &Transaction<'_>,
    key: &str,
    mailbox: i64,
    mail: Option<&Inbound>,
    outcome: &str,
    reason: &str,
) -> rusqlite::Result<bool> {
    let n = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO mails_handled (key, mailbox_id, outcome, reason, sender,
                 message_id, handled_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            key,
            mailbox,
            outcome,
            reason,
            mail.map_or("", |m| m.from.as_str()),
            mail.and_then(|m| m.message_id.as_deref()).unwrap_or(""),
            clock::now()
        ])?;
    Ok(n == 1)
}

/// Sets what a recorded mail became.
fn became(
    tx: &Transaction<'_>,
    key: &str,
    outcome: &str,
    reason: &str,
    ticket: Option<i64>,
    entry: Option<i64>,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE mails_handled SET outcome = ?2, reason = ?3, ticket_id = ?4, thread_entry_id = ?5
         WHERE key = ?1",
    )?
    .execute(params![key, outcome, reason, ticket, entry])?;
    Ok(())
}

async fn ignore(
    db: &Db,
    mailbox: i64,
    mail: &Inbound,
    reason: &'static str,
) -> Result<Taken, DomainError> {
    let mail = mail.clone();
    db.write(move |tx| {
        Ok(
            if record(tx, &mail.key(), mailbox, Some(&mail), "ignored", reason)? {
                tracing::info!("mail from {} ignored ({reason})", mail.from);
                Taken::Ignored(reason)
            } else {
                Taken::Duplicate
            },
        )
    })
    .await
}

/// What a rejected mail is listed with: its sender and subject when its header tells them.
fn glimpse(bytes: &[u8]) -> (Option<String>, String, String) {
    let Some(m) = mail_parser::MessageParser::default().parse_headers(bytes) else {
        return (None, String::new(), String::new());
    };
    let sender = m
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(|a| a.trim().to_lowercase())
        .unwrap_or_default();
    let subject: String = m
        .subject()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(300)
        .collect();
    (m.message_id().map(str::to_owned), sender, subject)
}

async fn reject(db: &Db, mailbox: i64, raw: Raw, why: Unreadable) -> Result<Taken, DomainError> {
    let reason: &'static str = match why {
        Unreadable::TooLarge(_) => "too-large",
        Unreadable::NotAMail => "not-a-mail",
        Unreadable::NoSender => "no-sender",
    };
    let (bytes, size) = match raw {
        Raw::Whole(b) => {
            let n = b.len();
            (b, n)
        }
        Raw::TooLarge { header, size } => (header, size),
    };
    db.write(move |tx| {
        let (message_id, sender, subject) = glimpse(&bytes);
        let key = message_id
            .clone()
            .unwrap_or_else(|| format!("sha256:{}", digest(&bytes)));
        if !record(tx, &key, mailbox, None, "rejected", reason)? {
            return Ok(Taken::Duplicate);
        }
        tx.execute(
            "UPDATE mails_handled SET sender = ?2, message_id = ?3 WHERE key = ?1",
            params![key, sender, message_id.unwrap_or_default()],
        )?;
        tx.execute(
            "INSERT INTO mail_rejects (mailbox_id, received_at, sender, subject, reason, size, raw)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                mailbox,
                clock::now(),
                sender,
                subject,
                reason,
                size as i64,
                bytes
            ],
        )?;
        tracing::warn!("mail from {sender:?} kept aside as rejected ({reason}, {size} bytes)");
        Ok(Taken::Rejected(reason))
    })
    .await
}

/// A name for a file the mail did not name: its type's usual extension.
fn file_name(part: &Part, n: usize) -> String {
    let name = part.name.trim();
    if !name.is_empty() && name != format!("part.{}", ext_of(&part.content_type)) {
        return name.to_owned();
    }
    format!(
        "{}-{n}.{}",
        if part.inline { "image" } else { "file" },
        ext_of(&part.content_type)
    )
}

fn ext_of(content_type: &str) -> &str {
    match content_type {
        "image/jpeg" => "jpg",
        "text/plain" => "txt",
        "application/pdf" => "pdf",
        t => t
            .rsplit('/')
            .next()
            .filter(|s| s.chars().all(|c| c.is_ascii_alphanumeric()) && s.len() <= 8)
            .unwrap_or("bin"),
    }
}

/// Checks and stores the files of `mail` (the same checks as an upload: name, content, archive
/// bombs, size, count); a refused file is named with its reason.
async fn store_files(
    store: &Store,
    settings: &Settings,
    mail: &Inbound,
) -> (Vec<Stored>, Vec<Refused>) {
    if mail.parts.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let max_bytes = settings.number(settings::ATTACHMENT_MAX_MB).max(1) * 1024 * 1024;
    let max_count = usize::try_from(settings.number(settings::ATTACHMENT_MAX_COUNT).max(1))
        .unwrap_or(usize::MAX);
    let parts = mail.parts.clone();
    let store = store.clone();
    tokio::task::spawn_blocking(move || {
        let (mut stored, mut refused) = (Vec::new(), Vec::new());
        for (i, part) in parts.iter().enumerate() {
            let sent = file_name(part, i + 1);
            let checked = check_name(&sent)
                .and_then(|name| {
                    if stored.len() >= max_count {
                        return Err(msg("error-attachment-count").arg("max", max_count));
                    }
                    if part.bytes.len() as i64 > max_bytes {
                        return Err(
                            msg("error-attachment-size").arg("max", max_bytes / 1024 / 1024)
                        );
                    }
                    Ok(name)
                })
                .and_then(|name| keep(&store, name, &part.bytes));
            match checked {
                Ok(s) => stored.push(s),
                Err(why) => refused.push(Refused {
                    why: why.arg("name", crate::domain::text::visible(&sent)),
                }),
            }
        }
        (stored, refused)
    })
    .await
    .unwrap_or_default()
}

/// Writes `bytes` where uploads are received, then keeps them like an upload (content and
/// archive checks, a generated name).
fn keep(store: &Store, name: String, bytes: &[u8]) -> Result<Stored, Msg> {
    let temp = store
        .temp_path()
        .map_err(|_| msg("error-attachment-read"))?;
    if std::fs::write(&temp, bytes).is_err() {
        let _ = std::fs::remove_file(&temp);
        return Err(msg("error-attachment-read"));
    }
    let kept = keep_checked(store, &temp)?;
    Ok(Stored {
        content_type: content_type_for(&name),
        size: kept.size,
        sha256: kept.sha256,
        storage_name: kept.storage_name,
        name,
    })
}

/// Links the stored files to `ticket` and lists the refused ones in its thread.
fn attach(
    tx: &Transaction<'_>,
    settings: &Settings,
    ticket: i64,
    uploader: Option<i64>,
    stored: &[Stored],
    refused: &[Refused],
    now: i64,
) -> rusqlite::Result<()> {
    for f in stored {
        tx.prepare_cached(
            "INSERT INTO attachments (storage_name, ticket_id, filename, content_type, size,
                 sha256, uploaded_by, uploaded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            f.storage_name,
            ticket,
            f.name,
            f.content_type,
            f.size,
            f.sha256,
            uploader,
            now
        ])?;
        let event = Event::Attachment {
            name: f.name.clone(),
        };
        match uploader {
            Some(u) => ticket_thread::record(tx, ticket, u, now, event)?,
            None => ticket_thread::record_by_system(tx, ticket, now, event)?,
        };
    }
    if !refused.is_empty() {
        let lang = settings.default_lang();
        let mut body = msg("mail-in-files-refused").render(lang);
        for r in refused {
            body.push_str(&format!("\n- {}", r.why.render(lang)));
        }
        ticket_thread::record_by_system(
            tx,
            ticket,
            now,
            Event::Text {
                body,
                private: true,
                html: None,
            },
        )?;
    }
    Ok(())
}

/// Writes the refusal reply to an unknown sender.
fn refuse(
    tx: &Transaction<'_>,
    settings: &Settings,
    mail: &Inbound,
    now: i64,
) -> rusqlite::Result<()> {
    if !settings.flag(keys::SMTP_ENABLED) {
        return Ok(());
    }
    let lang = settings.default_lang();
    let (subject, body) = crate::domain::mail::compose::refused_body(settings, lang, &mail.subject);
    let sender = crate::domain::tickets::mails::notify::sender_for(
        tx,
        &crate::domain::tickets::mails::notify::Cause {
            user_id: 0,
            technician: false,
            mail: String::new(),
        },
        None,
    )?;
    crate::domain::mail::outbox::enqueue(
        tx,
        &crate::domain::mail::outbox::NewMail {
            kind: crate::domain::mail::outbox::MailKind::MailRefused,
            ticket_id: None,
            thread_entry_id: None,
            author_addr: sender,
            to: vec![mail.from.clone()],
            cc: Vec::new(),
            subject,
            html: body.html,
            text: body.text,
            calendar: String::new(),
        },
        now,
    )?;
    Ok(())
}

/// The transaction of one mail that is neither automatic nor excluded.
fn write(
    tx: &Transaction<'_>,
    settings: &Settings,
    (mailbox, category, service): (i64, Option<i64>, Option<i64>),
    mail: &Inbound,
    stored: &[Stored],
    refused: &[Refused],
) -> Result<Taken, DomainError> {
    let key = mail.key();
    if !record(tx, &key, mailbox, Some(mail), "ticket", "")? {
        return Ok(Taken::Duplicate);
    }
    let now = clock::now();
    let mut reason = "";
    if let Some((ticket, _)) = thread::ticket_of(tx, mail)? {
        match thread::may_reply(tx, ticket, &mail.from)? {
            Some(author) => {
                let body = quotes::cut(&mail.body);
                if let Some(entry) = from_mail::reply(tx, settings, ticket, author, &body, now)? {
                    attach(tx, settings, ticket, author, stored, refused, now)?;
                    became(tx, &key, "reply", "", Some(ticket), Some(entry))?;
                    return Ok(Taken::Reply(ticket));
                }
            }
            None => {
                tracing::info!(
                    "mail from {} names ticket #{ticket}, of which it is no party: a new ticket",
                    mail.from
                );
                reason = "not-a-party";
            }
        }
    }
    let requester = match by_address::account_of(tx, &mail.from)? {
        Account::Enabled(id) => id,
        Account::None
            if settings.raw(keys::MAIL_IN_UNKNOWN_SENDER) != keys::UNKNOWN_SENDER_REFUSE =>
        {
            by_address::make_requester(tx, &mail.from, mail.from_name.as_deref(), now)?
        }
        Account::None | Account::Disabled => {
            refuse(tx, settings, mail, now)?;
            became(tx, &key, "ignored", "unknown-sender", None, None)?;
            tracing::info!("mail from unknown sender {} refused", mail.from);
            return Ok(Taken::Ignored("unknown-sender"));
        }
    };
    let (ticket, opened) = from_mail::open(
        tx,
        settings,
        &NewTicket {
            requester,
            subject: &mail.subject,
            body: &mail.body,
            category_id: category,
            service_id: service,
            type_id: None,
            source: Source::Mail,
        },
        now,
    )?;
    attach(tx, settings, ticket, Some(requester), stored, refused, now)?;
    became(tx, &key, "ticket", reason, Some(ticket), Some(opened))?;
    Ok(Taken::Ticket(ticket))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_mail_too_large_to_read_is_kept_aside_with_its_header_once() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        let store = Store::new(&dir.path().join("attachments"));
        db.write_blocking(|tx| {
            tx.execute(
                "INSERT INTO mailboxes (id, name, host, port, security, login, created_at,
                     updated_at)
                 VALUES (1, 'Support', 'imap.example.test', 993, 'tls', 'support', 0, 0)",
                [],
            )
            .map_err(crate::db::DbError::from)?;
            Ok::<(), DomainError>(())
        })
        .expect("mailbox");
        let mailbox = db
            .read(|c| {
                crate::domain::mail::inbound::mailboxes::one(c, 1)
                    .map_err(crate::db::DbError::from)
                    .map_err(DomainError::from)
            })
            .await
            .expect("read")
            .expect("mailbox");
        let settings = db
            .read(|c| {
                Settings::load(c)
                    .map_err(crate::db::DbError::from)
                    .map_err(DomainError::from)
            })
            .await
            .expect("settings");
        let header = b"From: Big Scanner <scanner@example.test>\r\nSubject: Huge scan\r\n\
Message-ID: <huge-1@example.test>\r\n\r\n"
            .to_vec();
        let raw = || Raw::TooLarge {
            header: header.clone(),
            size: 40 * 1024 * 1024,
        };
        let first = take(&db, &store, &settings, &mailbox, raw())
            .await
            .expect("taken");
        assert_eq!(first, Taken::Rejected("too-large"));
        let again = take(&db, &store, &settings, &mailbox, raw())
            .await
            .expect("taken");
        assert_eq!(again, Taken::Duplicate);
        let kept: (String, String, i64, Vec<u8>) = db
            .read(|c| {
                c.query_row(
                    "SELECT sender, subject, size, raw FROM mail_rejects",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .map_err(crate::db::DbError::from)
                .map_err(DomainError::from)
            })
            .await
            .expect("kept");
        assert_eq!(
            kept,
            (
                "scanner@example.test".to_owned(),
                "Huge scan".to_owned(),
                40 * 1024 * 1024,
                header.clone()
            )
        );
    }
}
