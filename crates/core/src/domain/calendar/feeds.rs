//! Each technician's private calendar feed: an address holding a long random secret, whose
//! SHA-256 alone is stored. Reading it needs no login (calendar programs have none); making a
//! new one replaces the old, and removing it stops it. The feed holds the owner's interventions
//! from three months back to a year ahead and their open reminders.

use super::ics::{self, Event, Method};
use super::repo;
use crate::db::Db;
use crate::domain::token::{random_hex, sha256_hex};
use crate::domain::{Actor, DomainError, clock, run};
use crate::i18n::Lang;

/// How far back and ahead a feed reaches, in seconds.
const BACK: i64 = 92 * 86_400;
const AHEAD: i64 = 366 * 86_400;

/// Gives `actor` a new feed, replacing any other; returns its secret, shown once.
pub async fn new_feed(db: &Db, actor: &Actor) -> Result<String, DomainError> {
    let me = actor.id().0;
    let secret = random_hex(32);
    let hash = sha256_hex(&secret);
    run::write(db, move |tx| {
        Ok(repo::set_feed(tx, me, &hash, clock::now())?)
    })
    .await?;
    Ok(secret)
}

/// Removes `actor`'s feed; its address stops working at once.
pub async fn revoke_feed(db: &Db, actor: &Actor) -> Result<(), DomainError> {
    let me = actor.id().0;
    run::write(db, move |tx| {
        if repo::drop_feed(tx, me)? {
            Ok(())
        } else {
            Err(DomainError::NotFound)
        }
    })
    .await
}

/// The iCalendar text of the feed whose secret is `secret`, in `lang`; not found for a wrong,
/// replaced or removed secret, or an owner disabled or no longer holding `planning`.
pub async fn feed(
    db: &Db,
    settings: &crate::domain::settings::Settings,
    secret: String,
    lang: Lang,
) -> Result<String, DomainError> {
    // A secret is 64 hexadecimal digits: anything else is not looked up.
    if secret.len() != 64 || !secret.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(DomainError::NotFound);
    }
    let hash = sha256_hex(&secret.to_ascii_lowercase());
    let settings = settings.clone();
    let now = clock::now();
    // Read like any page; the time it was read is written at most once an hour, so that
    // calendar programs polling it do not queue for the writer.
    let (text, owner, last_read) = run::read(db, move |tx| {
        let (owner, name, last_read) = repo::feed_owner(tx, &hash)?.ok_or(DomainError::NotFound)?;
        let viewer = crate::domain::tickets::visibility::Viewer {
            user: owner,
            all: true,
            ..Default::default()
        };
        let entries = repo::entries(tx, &viewer, lang, now - BACK, now + AHEAD, Some(owner))?;
        let events: Vec<Event> = entries
            .iter()
            .map(|e| {
                let title = e.title.clone().unwrap_or_default();
                match e.kind {
                    super::EntryKind::Intervention {
                        id,
                        version,
                        all_day,
                    } => {
                        let stored = repo::Stored {
                            id: id.0,
                            ticket_id: e.ticket_id,
                            technician_id: owner,
                            starts_at: e.starts_at,
                            ends_at: e.ends_at,
                            all_day,
                            note: e.note.clone(),
                            version,
                        };
                        let mut ev = super::mails::event(&settings, &stored, &title, lang, now);
                        ev.description = e.note.clone();
                        ev
                    }
                    super::EntryKind::Reminder { id } => Event {
                        uid: format!("reminder-{id}@{}", super::mails::host(&settings)),
                        sequence: 0,
                        starts_at: e.starts_at,
                        ends_at: e.ends_at,
                        all_day: false,
                        summary: format!(
                            "{} #{} {title}",
                            lang.t("calendar-reminder"),
                            e.ticket_id
                        ),
                        description: e.note.clone(),
                        url: crate::domain::tickets::mails::content::ticket_link(
                            &settings,
                            e.ticket_id,
                        ),
                        cancelled: false,
                        stamp: now,
                    },
                }
            })
            .collect();
        Ok((
            ics::calendar(Method::Publish, &name, &events),
            owner,
            last_read,
        ))
    })
    .await?;
    if last_read.is_none_or(|at| at < now - 3600) {
        run::write(db, move |tx| Ok(repo::feed_read(tx, owner, now)?)).await?;
    }
    Ok(text)
}
