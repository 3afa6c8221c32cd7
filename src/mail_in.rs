//! Incoming mail as pages, the job and `gestdesk mail-fetch` use it: each mailbox's settings
//! turned into the IMAP adapter's configuration, the "Test" button's check, and a fetch: the
//! unread mails read one by one, each handled by the domain ([`intake::take`]) in its own
//! transaction and only then marked, moved or deleted on the server, so that a fetch stopped
//! anywhere loses nothing and handles nothing twice. One fetch per mailbox runs at a time in a
//! server; each is recorded with its figures.

use crate::jobs::supervisor::Run;
use std::time::Duration;

use crate::db::{Db, DbError};
use crate::domain::files::Store;
use crate::domain::mail::inbound::history::{self, Figures, Trigger};
use crate::domain::mail::inbound::mailboxes::{self, After, Mailbox, Security};
use crate::domain::settings::Settings;
use crate::domain::tickets::mails::intake::{self, Raw, Taken};
use crate::domain::{DomainError, clock};
use crate::mail::imap::{self, ImapConfig, ImapError};
use crate::turn::Turn;

/// How often the job looks for a mailbox that is due.
pub const CHECK_EVERY: Duration = Duration::from_secs(20);

/// How long each step with the server may take.
const STEP_TIMEOUT: Duration = Duration::from_secs(30);

/// The IMAP adapter's configuration of `m`.
pub fn config(m: &Mailbox) -> ImapConfig {
    ImapConfig {
        host: m.host.clone(),
        port: m.port,
        security: match m.security {
            Security::None => imap::Security::None,
            Security::StartTls => imap::Security::StartTls,
            Security::Tls => imap::Security::Tls,
        },
        login: m.login.clone(),
        password: m.password.clone(),
        folder: m.folder.clone(),
        accept_invalid_certs: m.accept_invalid_certs,
        timeout: STEP_TIMEOUT,
    }
}

/// The adapter's view of what to do with a handled mail.
fn after(m: &Mailbox) -> imap::After {
    match &m.after {
        After::MarkRead => imap::After::MarkRead,
        After::MoveTo(f) => imap::After::MoveTo(f.clone()),
        After::Delete => imap::After::Delete,
    }
}

/// A stable code for what failed (stored in the fetch history, translated by the pages).
pub fn failure_code(e: &ImapError) -> &'static str {
    match e {
        ImapError::NameNotFound(_) => "name-not-found",
        ImapError::Refused(_) => "refused",
        ImapError::Timeout => "timeout",
        ImapError::Tls(_) => "tls",
        ImapError::LoginRefused(_) => "login-refused",
        ImapError::NoSuchFolder(_) => "no-such-folder",
        ImapError::Protocol(_) => "protocol",
    }
}

/// The translation key saying what failed, by its code.
pub fn failure_key(code: &str) -> &'static str {
    match code {
        "name-not-found" => "mail-in-failure-name-not-found",
        "refused" => "mail-in-failure-refused",
        "timeout" => "mail-in-failure-timeout",
        "tls" => "mail-in-failure-tls",
        "login-refused" => "mail-in-failure-login-refused",
        "no-such-folder" => "mail-in-failure-no-such-folder",
        "busy" => "mail-in-failure-busy",
        "storage" => "mail-in-failure-storage",
        _ => "mail-in-failure-protocol",
    }
}

/// The "Test" button: logs in, opens the folder and counts the unread mails.
pub async fn test(m: &Mailbox) -> Result<usize, ImapError> {
    let mut session = imap::open(&config(m)).await?;
    let waiting = session.unseen().await;
    session.close().await;
    Ok(waiting?.len())
}

/// What one fetch did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Its entry in the fetch history (none when it did not run: another was running).
    pub id: Option<i64>,
    pub mailbox: String,
    pub figures: Figures,
    /// What stopped it (a code for [`failure_key`]), if anything did.
    pub failure: Option<String>,
    pub took: Duration,
}

/// Reads the unread mails of `mailbox` and handles each. Refused while another fetch of the
/// same mailbox runs in this process.
pub async fn fetch(
    db: &Db,
    store: &Store,
    mailbox: &Mailbox,
    trigger: Trigger,
) -> Result<Fetched, DomainError> {
    let started = std::time::Instant::now();
    let started_at = clock::now();
    let Some(_turn) = Turn::take("mail fetch", db, mailbox.id) else {
        return Ok(Fetched {
            id: None,
            mailbox: mailbox.name.clone(),
            figures: Figures::default(),
            failure: Some("busy".to_owned()),
            took: started.elapsed(),
        });
    };
    let settings = db
        .read(|c| Settings::load(c).map_err(DbError::from))
        .await?;
    let mut figures = Figures::default();
    let failure = match run(db, store, &settings, mailbox, &mut figures).await {
        Ok(()) => None,
        Err(Stop::Server(e)) => {
            tracing::warn!("fetching mailbox {:?}: {e}", mailbox.name);
            Some(failure_code(&e).to_owned())
        }
        Err(Stop::Domain(e)) => {
            tracing::error!("fetching mailbox {:?}: {e}", mailbox.name);
            Some("storage".to_owned())
        }
    };
    let finished_at = clock::now();
    let id = history::record(
        db,
        (mailbox.id, mailbox.name.clone()),
        trigger,
        started_at,
        finished_at,
        figures.clone(),
        failure.clone().unwrap_or_default(),
    )
    .await?;
    let fetched = Fetched {
        id: Some(id),
        mailbox: mailbox.name.clone(),
        figures,
        failure,
        took: started.elapsed(),
    };
    tracing::info!(
        "mailbox {:?}: {} read, {} tickets, {} replies, {} ignored, {} rejected, {} errors in {:.1} s",
        fetched.mailbox,
        fetched.figures.read,
        fetched.figures.tickets,
        fetched.figures.replies,
        fetched.figures.ignored,
        fetched.figures.rejected,
        fetched.figures.errors,
        fetched.took.as_secs_f64()
    );
    Ok(fetched)
}

enum Stop {
    Server(ImapError),
    Domain(DomainError),
}

async fn run(
    db: &Db,
    store: &Store,
    settings: &Settings,
    mailbox: &Mailbox,
    figures: &mut Figures,
) -> Result<(), Stop> {
    let mut session = imap::open(&config(mailbox)).await.map_err(Stop::Server)?;
    let outcome = handle_all(db, store, settings, mailbox, &mut session, figures).await;
    session.close().await;
    outcome
}

async fn handle_all(
    db: &Db,
    store: &Store,
    settings: &Settings,
    mailbox: &Mailbox,
    session: &mut imap::Mailbox,
    figures: &mut Figures,
) -> Result<(), Stop> {
    let uids = session.unseen().await.map_err(Stop::Server)?;
    let sizes = session.sizes(&uids).await.map_err(Stop::Server)?;
    let limit = crate::domain::mail::inbound::read::MAX_BYTES as u64;
    let post = after(mailbox);
    for uid in uids {
        let size = sizes.iter().find(|(u, _)| *u == uid).map_or(0, |(_, s)| *s);
        let raw = if size > limit {
            let header = session.header(uid).await.map_err(Stop::Server)?;
            Raw::TooLarge {
                header: header.unwrap_or_default(),
                size: usize::try_from(size).unwrap_or(usize::MAX),
            }
        } else {
            match session.raw(uid).await.map_err(Stop::Server)? {
                Some(bytes) => Raw::Whole(bytes),
                // Gone meanwhile (another client moved it).
                None => continue,
            }
        };
        figures.read += 1;
        match intake::take(db, store, settings, mailbox, raw).await {
            Ok(Taken::Ticket(_)) => figures.tickets += 1,
            Ok(Taken::Reply(_)) => figures.replies += 1,
            Ok(Taken::Ignored(_) | Taken::Duplicate) => figures.ignored += 1,
            Ok(Taken::Rejected(_)) => figures.rejected += 1,
            Err(e @ (DomainError::Storage(_) | DomainError::Files(_))) => {
                // The database or the disk failed: the mail stays unread for the next fetch.
                figures.errors += 1;
                return Err(Stop::Domain(e));
            }
            Err(e) => {
                tracing::warn!("mail {uid} of {:?} not handled: {e}", mailbox.name);
                figures.errors += 1;
                continue;
            }
        }
        // Only now that what it became is committed.
        if let Err(e) = session.settle(uid, &post).await {
            tracing::warn!("mail {uid} of {:?} could not be settled: {e}", mailbox.name);
            figures.errors += 1;
            if matches!(e, ImapError::Timeout | ImapError::Protocol(_)) {
                return Err(Stop::Server(e));
            }
        }
    }
    Ok(())
}

/// Whether `mailbox` is due at `now`: enabled, and its interval passed since `last`.
pub fn due(mailbox: &Mailbox, now: i64, last: Option<i64>) -> bool {
    mailbox.enabled && last.is_none_or(|at| now - at >= mailbox.interval_minutes * 60)
}

/// The job: fetches every mailbox that is due, or every enabled one when asked now. Says what
/// it did.
pub async fn fetch_due(db: &Db, store: &Store, run: Run) -> Result<String, String> {
    let boxes = db
        .read(|c| {
            let mut out = Vec::new();
            for m in mailboxes::all(c)? {
                let last = history::last_fetch(c, m.id)?;
                out.push((m, last));
            }
            Ok(out)
        })
        .await
        .map_err(|e: DomainError| e.to_string())?;
    let now = clock::now();
    let mut said = Vec::new();
    for (m, last) in boxes {
        let wanted = match run {
            Run::Scheduled => due(&m, now, last),
            Run::Now => m.enabled,
        };
        if !wanted {
            continue;
        }
        let trigger = match run {
            Run::Scheduled => Trigger::Schedule,
            Run::Now => Trigger::Manual,
        };
        match fetch(db, store, &m, trigger).await {
            Ok(f) => said.push(format!(
                "{}: {} read, {} tickets, {} replies{}",
                f.mailbox,
                f.figures.read,
                f.figures.tickets,
                f.figures.replies,
                f.failure.map(|c| format!(" ({c})")).unwrap_or_default()
            )),
            Err(e) => return Err(format!("{}: {e}", m.name)),
        }
    }
    Ok(said.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mailbox_is_due_once_its_interval_has_passed() {
        let mut m = mailboxes::read_form(
            &[
                ("name", "Support"),
                ("host", "imap.example.com"),
                ("login", "support"),
                ("port", "993"),
                ("security", "tls"),
                ("interval_minutes", "5"),
                ("enabled", "1"),
            ]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
            None,
        )
        .expect("valid");
        assert!(due(&m, 1_000, None));
        assert!(!due(&m, 1_000, Some(1_000 - 299)));
        assert!(due(&m, 1_000, Some(1_000 - 300)));
        m.enabled = false;
        assert!(!due(&m, 1_000, None));
    }
}
