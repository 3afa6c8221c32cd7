//! Live updates: a watcher notices every ticket change in the database (whoever made it: the
//! web, the command line, another process) and tells the connected browsers, which refresh what
//! they show. New tickets are announced with whether a requester sent them and whether anyone
//! has them yet (technicians hear a sound for those).

use std::sync::Arc;
use std::time::Duration;

use rusqlite::OptionalExtension;
use tokio::sync::{Notify, broadcast, watch};

use crate::db::{Db, DbError};
use crate::domain::profiles::Profile;
use crate::domain::worklist::counters;

/// How often the database is looked at when nothing nudged the watcher.
const POLL: Duration = Duration::from_millis(500);

/// What browsers are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Something about tickets changed; the number orders changes.
    Tickets { generation: i64 },
    /// Sessions may have ended (a logout, a password change, an account disabled, rights
    /// changed): each stream checks its own at once.
    Sessions,
    /// A new ticket.
    NewTicket {
        id: i64,
        /// Sent in by a requester (not typed by a technician).
        by_requester: bool,
        /// Nobody has it yet.
        unassigned: bool,
    },
}

/// The hub browsers subscribe to.
#[derive(Clone)]
pub struct Hub {
    sender: broadcast::Sender<Change>,
    nudge: Arc<Notify>,
    closed: watch::Receiver<bool>,
    close: Arc<watch::Sender<bool>>,
}

impl std::fmt::Debug for Hub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hub")
            .field("receivers", &self.sender.receiver_count())
            .finish()
    }
}

impl Default for Hub {
    fn default() -> Self {
        Self::new()
    }
}

impl Hub {
    /// A hub; nothing is sent until [`Hub::watcher`] runs.
    pub fn new() -> Hub {
        let (sender, _) = broadcast::channel(256);
        let (close, closed) = watch::channel(false);
        Hub {
            sender,
            nudge: Arc::new(Notify::new()),
            closed,
            close: Arc::new(close),
        }
    }

    /// The watcher that tells subscribers what changed in `db`, until [`Hub::close`].
    pub fn watcher(&self, db: Db) -> impl std::future::Future<Output = ()> + Send + 'static {
        watch_changes(db, self.clone())
    }

    /// A new subscription.
    pub fn subscribe(&self) -> broadcast::Receiver<Change> {
        self.sender.subscribe()
    }

    /// Makes the watcher look now (after a change made by this process).
    pub fn nudge(&self) {
        self.nudge.notify_one();
    }

    /// Tells every stream to check its session now (after this process ended sessions or
    /// changed who may see what). Streams also check on their own every few seconds.
    pub fn sessions_changed(&self) {
        let _ = self.sender.send(Change::Sessions);
    }

    /// Ends the watcher and every subscription (server shutdown).
    pub fn close(&self) {
        let _ = self.close.send(true);
    }

    /// Resolves once the hub is closed.
    pub async fn closed(&self) {
        let mut rx = self.closed.clone();
        while !*rx.borrow() {
            if rx.changed().await.is_err() {
                return;
            }
        }
    }
}

/// The newest ticket number and the current generation.
fn position(c: &rusqlite::Connection) -> Result<(i64, i64), DbError> {
    let generation = counters::generation(c)?;
    let last: Option<i64> = c
        .query_row("SELECT max(id) FROM tickets", [], |r| r.get(0))
        .optional()?
        .flatten();
    Ok((generation, last.unwrap_or(0)))
}

/// New tickets after `after`: number, sent in by a requester, unassigned.
fn new_tickets(c: &rusqlite::Connection, after: i64) -> Result<Vec<(i64, bool, bool)>, DbError> {
    let mut stmt = c.prepare_cached(&format!(
        "SELECT t.id, COALESCE(u.profile_id NOT IN ({}, {}), 0),
                t.technician_id IS NULL AND t.tech_group_id IS NULL
         FROM tickets t LEFT JOIN users u ON u.id = t.creator_id
         WHERE t.id > ?1 ORDER BY t.id LIMIT 100",
        Profile::Technician.id(),
        Profile::Administrator.id()
    ))?;
    let rows = stmt.query_map([after], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

async fn watch_changes(db: Db, hub: Hub) {
    let (mut generation, mut last) = match db.read(position).await {
        Ok(p) => p,
        Err(e) => {
            tracing::error!("live updates are off: {e}");
            return;
        }
    };
    let mut closed = hub.closed.clone();
    loop {
        tokio::select! {
            _ = closed.changed() => return,
            () = hub.nudge.notified() => {},
            () = tokio::time::sleep(POLL) => {},
        }
        if *closed.borrow() {
            return;
        }
        let now = match db.read(position).await {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!("live updates: {e}");
                continue;
            }
        };
        if now.0 == generation {
            continue;
        }
        if now.1 > last {
            match db.read(move |c| new_tickets(c, last)).await {
                Ok(list) => {
                    for (id, by_requester, unassigned) in list {
                        let _ = hub.sender.send(Change::NewTicket {
                            id,
                            by_requester,
                            unassigned,
                        });
                    }
                }
                Err(e) => tracing::warn!("live updates: {e}"),
            }
        }
        (generation, last) = now;
        let _ = hub.sender.send(Change::Tickets { generation });
    }
}
