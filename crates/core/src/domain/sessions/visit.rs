//! Who is asking: everything the start of a request needs about its visitor, read in one go
//! from the session token: the settings, the session and its user, the [`Actor`], and what the
//! page frame shows them (reminders, limits, their company's message, the list reader).

use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension};

use crate::db::{Db, Memo};
use crate::domain::DomainError;
use crate::domain::actor::Actor;
use crate::domain::settings::{self, Settings};
use crate::domain::tickets::{limits, reminders};
use crate::domain::worklist::counters::{self, Summary};
use crate::domain::worklist::reader::Reader;
use crate::domain::{rights, run};

use super::{Lifetime, Lookup};

/// A signed-in visitor.
#[derive(Debug, Clone)]
pub struct Signed {
    pub actor: Actor,
    pub token_hash: String,
    pub csrf: String,
    /// Whether the session's last-seen time is due for a refresh.
    pub needs_touch: bool,
}

/// What the session token turned out to be.
#[derive(Debug, Clone)]
pub enum Session {
    Signed(Box<Signed>),
    /// Idle for too long: already ended.
    Expired,
    /// No token, or one nobody knows.
    None,
}

/// The visitor of one request.
#[derive(Debug, Clone)]
pub struct Visit {
    pub settings: Arc<Settings>,
    pub session: Session,
    /// Reminders due for a signed-in technician, and when their next one falls due.
    pub due_reminders: i64,
    pub next_reminder: Option<i64>,
    /// The message the user's company shows its users, when asked for.
    pub company_message: Option<String>,
    /// Tickets the user may still open, when a ticket limit applies.
    pub tickets_left: Option<i64>,
    /// Hours of work the user's company has left, when an hour limit applies.
    pub hours_left: Option<f64>,
    /// The user as a reader of ticket lists, and the ticket change number it was read at.
    pub reader: Option<(Arc<Reader>, i64)>,
}

/// Reads the visitor holding session `token` (if any) at `now`; `company_page` says whether the
/// page shows the company message. An expired session is ended and its refresh is written when
/// due, so that the caller only reads the outcome.
pub async fn visit(
    db: &Db,
    token: Option<String>,
    now: i64,
    company_page: bool,
) -> Result<Visit, DomainError> {
    let (visit, expired, touch) = db
        .read_here(|c| read(c, db.memo(), token.as_deref(), now, company_page))
        .await?;
    if let Some(hash) = expired
        && let Err(e) = run::write(db, move |tx| Ok(super::end(tx, &hash)?)).await
    {
        tracing::warn!("could not end an expired session: {e}");
    }
    if let Some(hash) = touch
        && let Err(e) = run::write(db, move |tx| Ok(super::touch(tx, &hash, now)?)).await
    {
        tracing::warn!("could not refresh session: {e}");
    }
    Ok(visit)
}

/// The visit, the hash of an expired session to end, and the hash of a session to refresh.
type Read = (Visit, Option<String>, Option<String>);

fn read(
    c: &Connection,
    memo: &Memo,
    token: Option<&str>,
    now: i64,
    company_page: bool,
) -> Result<Read, DomainError> {
    let settings = memo.get(c, "settings", Settings::load)?;
    let lookup = match token {
        Some(tok) if !tok.is_empty() => {
            super::lookup(c, tok, now, Lifetime::from_settings(&settings))?
        }
        _ => Lookup::Missing,
    };
    let mut visit = Visit {
        settings: settings.clone(),
        session: Session::None,
        due_reminders: 0,
        next_reminder: None,
        company_message: None,
        tickets_left: None,
        hours_left: None,
        reader: None,
    };
    let active = match lookup {
        Lookup::Active(active) => active,
        Lookup::Expired { token_hash } => {
            visit.session = Session::Expired;
            return Ok((visit, Some(token_hash), None));
        }
        Lookup::Missing => return Ok((visit, None, None)),
    };
    let needs_touch = active.needs_touch(now);
    let super::ActiveSession {
        token_hash,
        csrf,
        last_seen_at: _,
        user,
    } = *active;
    let actor = Actor {
        rights: (*memo.get(c, &format!("rights {}", user.profile.id()), |c| {
            rights::for_profile(c, user.profile)
        })?)
        .clone(),
        user,
        settings: settings.clone(),
    };
    let me = actor.user.id.0;
    // Kept with the reference tables, whose change number also counts the user's groups,
    // services, agencies, saved views and list preferences.
    let reader = memo.get(c, &format!("reader {me}"), |c| Reader::load(c, &actor))?;
    visit.reader = Some((reader, counters::generation(c)?));
    if actor.is_technician() {
        (visit.due_reminders, visit.next_reminder) = reminders::due_count(c, me, now)?;
    }
    if settings.flag(settings::USER_LIMIT_TICKET) || settings.flag(settings::COMPANY_LIMIT_TICKET) {
        visit.tickets_left = limits::remaining(c, me, &settings, now)?.map(|r| r.left());
    }
    visit.hours_left = limits::hours_remaining(c, me, &settings, now)?.map(|h| h.left_hours());
    if company_page {
        // The user's company and its message are reference tables.
        visit.company_message = (*memo.get(c, &format!("company message {me}"), |c| {
            company_message(c, me)
        })?)
        .clone();
    }
    let touch = needs_touch.then(|| token_hash.clone());
    visit.session = Session::Signed(Box::new(Signed {
        actor,
        token_hash,
        csrf,
        needs_touch,
    }));
    Ok((visit, None, touch))
}

/// The message `user`'s company shows its users, if it has one and is not disabled.
fn company_message(c: &Connection, user: i64) -> rusqlite::Result<Option<String>> {
    c.prepare_cached(
        "SELECT c.information_message FROM users u JOIN companies c ON c.id = u.company_id
         WHERE u.id = ?1 AND c.disabled = 0 AND trim(c.information_message) <> ''",
    )?
    .query_row([user], |r| r.get(0))
    .optional()
}

/// The menu and user bar counters of `reader`, read on the calling thread (a page being
/// rendered, which needs them only once it shows them).
pub fn frame_now(db: &Db, reader: &Reader) -> Result<Summary, DomainError> {
    db.read_blocking(|c| Ok(counters::summary(c, reader)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list reader of the visitor holding session `token`.
    async fn reader_of(db: &Db, token: &str) -> Arc<Reader> {
        let now = crate::domain::clock::now();
        let visit = visit(db, Some(token.to_owned()), now, false)
            .await
            .expect("visit");
        visit.reader.expect("signed in").0
    }

    /// The technician's groups as their visit reads them.
    async fn groups_seen(db: &Db, token: &str) -> Vec<String> {
        let reader = reader_of(db, token).await;
        reader.tech_groups.iter().map(|g| g.name.clone()).collect()
    }

    #[tokio::test]
    async fn a_technician_s_groups_are_kept_until_they_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        let token = db
            .write_blocking(|tx| {
                tx.execute_batch(
                    "INSERT INTO users (id, login, profile_id, created_at, updated_at)
                         VALUES (900, 'tech', 0, 0, 0);
                     INSERT INTO groups (id, name, kind) VALUES (901, 'Network', 'technician'),
                         (902, 'Printers', 'technician');
                     INSERT INTO group_members (group_id, user_id) VALUES (901, 900);",
                )?;
                let now = crate::domain::clock::now();
                Ok::<_, crate::db::DbError>(
                    super::super::create(tx, crate::domain::ids::UserId(900), "", "", now)?.token,
                )
            })
            .expect("seed");
        assert_eq!(groups_seen(&db, &token).await, ["Network"]);
        // Kept: the second page reads the same groups without asking the database again.
        let first = reader_of(&db, &token).await;
        let second = reader_of(&db, &token).await;
        assert!(Arc::ptr_eq(&first, &second));
        // Joining a group shows at the next page.
        db.write_blocking(|tx| {
            tx.execute(
                "INSERT INTO group_members (group_id, user_id) VALUES (902, 900)",
                [],
            )
            .map_err(crate::db::DbError::from)
        })
        .expect("join");
        assert_eq!(groups_seen(&db, &token).await, ["Network", "Printers"]);
        db.write_blocking(|tx| {
            tx.execute("DELETE FROM group_members WHERE group_id = 901", [])
                .map_err(crate::db::DbError::from)
        })
        .expect("leave");
        assert_eq!(groups_seen(&db, &token).await, ["Printers"]);
    }
}
