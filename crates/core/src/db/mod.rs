//! The database handle: a small pool of SQLite connections for reads, and one connection of its
//! own for the writer (one write at a time), so that a write never waits for a reader to hand a
//! connection back.
//!
//! Every connection gets the same pragmas ([`init_connection`]): WAL journal, foreign keys, a busy
//! timeout and `synchronous=NORMAL`. Opening a database checks that the file is Gestdesk's before
//! anything is written, then runs the embedded migrations.

mod memo;
mod migrate;
mod open;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use r2d2::PooledConnection;
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use memo::{Memo, generations, reference_generation};
pub use migrate::{latest_schema_version, schema_version};

/// SQLite's `application_id` header field for Gestdesk databases ("GDSK").
pub const APPLICATION_ID: i32 = 0x4744_534B;

/// How many connections the read pool keeps open.
const POOL_SIZE: u32 = 8;

/// A failure of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("{path} is not a SQLite database; Gestdesk will not touch it")]
    NotSqlite { path: PathBuf },
    #[error(
        "{path} is a database of another application (application id {id:#x}); Gestdesk will not touch it"
    )]
    NotGestdesk { path: PathBuf, id: i32 },
    #[error(
        "{path} was written by a newer Gestdesk (schema {found}, this one knows up to {known}); install the newer version"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("cannot open database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("database migration failed: {0}")]
    Migration(#[from] refinery::Error),
    #[error("the schema update left {0} references to missing rows (see PRAGMA foreign_key_check)")]
    BrokenReferences(i64),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("no database connection available: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("database task failed: {0}")]
    Task(String),
}

/// A cheap-to-clone handle on the database.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    /// Connections for reads.
    pool: r2d2::Pool<SqliteConnectionManager>,
    /// The writers' connection. Its lock serialises writers, so that they queue here instead of
    /// spinning on SQLITE_BUSY; under a heavy read load a shared pool made writers wait for a
    /// reader's connection while holding the write turn (saves took seconds).
    writer: Mutex<Connection>,
    path: PathBuf,
    /// What reads keep from the reference tables.
    memo: Memo,
    /// Turns to read and to write, taken before a blocking thread is asked for: as many reads
    /// as the pool has connections, one write. Without them, 200 people at once made the
    /// runtime start a blocking thread per waiting request (hundreds, each with its own
    /// allocator arena: 1.3 GB resident) only to wait there for a connection.
    read_turns: Arc<tokio::sync::Semaphore>,
    /// Whether an async worker is running a read itself (see [`Db::read`]).
    reading_here: AtomicBool,
    write_turns: Arc<tokio::sync::Semaphore>,
    /// Writes committed through this handle (from 1, so that the first checkpoint always
    /// runs: the log may hold an earlier run's writes), and their number when the last
    /// checkpoint began (see [`Db::written_since_checkpoint`]).
    writes: AtomicU64,
    copied_writes: AtomicU64,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("path", &self.inner.path)
            .finish()
    }
}

/// Refreshes the statistics SQLite plans queries with, where tables changed much since the last
/// time (SQLite reads a table again once its size changed about tenfold). Without statistics,
/// SQLite may walk every ticket of a state to find a technician's few. The whole of each index
/// is read: a sample of 10,000 rows saw one ticket in 100 behind any value of a column that all
/// million tickets share, and the planner then preferred that column's index to the one a
/// condition needed (a day's new tickets were counted by walking every ticket: 480 ms instead
/// of 2). Reading a million tickets' indexes takes about two seconds, once per tenfold growth.
const OPTIMIZE: &str = "PRAGMA analysis_limit = 0; PRAGMA optimize = 0x10002;";

/// How often a serving instance copies the write-ahead log into the database file (see
/// [`Db::checkpoint_passive_blocking`]); a run with nothing to copy only reads the log's
/// header. Often enough that the log stays under [`WRITER_CHECKPOINT_PAGES`] however fast
/// tickets come: a new ticket adds 32–47 pages to it, and at a second between runs the
/// benchmark's 1,300–2,000 tickets a second passed that size several times a second. The
/// writer then made the copy, and waited for the disk twice, inside its turn: every other
/// writer waited too (creating a ticket cost 0.62 ms of CPU at one connection, 0.49 ms with
/// the copy here, and 16 connections created 23% more tickets a second).
pub const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(100);

/// Past this many pages in the write-ahead log, the writer copies it into the file itself.
const WRITER_CHECKPOINT_PAGES: u32 = 10_000;

/// Prepared statements kept per connection: a list page alone runs a few dozen distinct ones,
/// and preparing costs more than running most of them.
const STATEMENT_CACHE: usize = 256;

/// Applies the per-connection pragmas. Temporary data (sorts, statement journals of writes that
/// fire triggers) stays in memory instead of going through temporary files. The database file
/// is read through a memory map (up to 1 GiB): every pooled connection reads the same pages the
/// system already holds, instead of copying them into its own page cache.
///
/// The map has a cost on writes: after any write, each other connection unmaps the whole file
/// at its next read and faults its pages in again (opening a ticket costs 10–17% more CPU than
/// without the map). Without it, a search for a name not asked before costs 30% more, the
/// slowest page at a million tickets 34 → 48 ms, and the page caches (C allocations) 25 MB
/// more under the 200-person load: the map stays.
pub fn init_connection(conn: &mut Connection) -> Result<(), rusqlite::Error> {
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // Plans follow the statement's text, never its bound values. Otherwise, with the value
    // samples `ANALYZE` keeps (STAT4), every statement whose parameter met an indexed column
    // or a `LIMIT` was compiled again at each run, since binding a new value expires it: a
    // third of a list page's time went into compiling statements the cache already held.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    conn.trace_v2(
        rusqlite::trace::TraceEventCodes::SQLITE_TRACE_PROFILE,
        Some(log_slow_statement),
    );
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA foreign_keys = ON;
         PRAGMA busy_timeout = 5000;
         PRAGMA synchronous = NORMAL;
         PRAGMA temp_store = MEMORY;
         PRAGMA mmap_size = 1073741824;",
    )
}

/// Runs `f` on `conn` in one read transaction (see [`Db::read_blocking`]).
fn read_in<T, E>(conn: &Connection, f: impl FnOnce(&Connection) -> Result<T, E>) -> Result<T, E>
where
    E: From<DbError>,
{
    let snapshot = Snapshot::begin(conn)?;
    let reading = memo::Reading::start();
    let value = f(conn);
    drop(reading);
    let value = value?;
    snapshot.end()?;
    Ok(value)
}

/// The one place for a read run on an async worker, held while it runs; released even if the
/// read panics.
struct HereTurn<'a>(&'a AtomicBool);

impl<'a> HereTurn<'a> {
    fn take(flag: &'a AtomicBool) -> Option<Self> {
        // Built only when taken: one made and dropped here would free the turn of the read
        // that holds it.
        (!flag.swap(true, Ordering::AcqRel)).then(|| HereTurn(flag))
    }
}

impl Drop for HereTurn<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

/// A read transaction on a pooled connection, begun and ended by statements kept in the
/// connection's cache (rusqlite's `Transaction` compiles `BEGIN` and `COMMIT` anew each time,
/// a few times per page). Dropped without [`Snapshot::end`] (a failed read, a panic), it ends
/// the transaction all the same, so that no connection goes back to the pool inside one.
struct Snapshot<'c> {
    conn: &'c Connection,
    open: bool,
}

impl<'c> Snapshot<'c> {
    fn begin(conn: &'c Connection) -> Result<Self, DbError> {
        conn.prepare_cached("BEGIN DEFERRED")?.execute([])?;
        Ok(Snapshot { conn, open: true })
    }

    /// Ends the transaction; nothing was written, so this only releases the snapshot.
    fn end(mut self) -> Result<(), DbError> {
        self.open = false;
        self.conn.prepare_cached("COMMIT")?.execute([])?;
        Ok(())
    }
}

impl Drop for Snapshot<'_> {
    fn drop(&mut self) {
        if self.open && !self.conn.is_autocommit() {
            // The read failed: end its transaction; a failure here leaves nothing to undo.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

/// A statement that takes longer than this is logged (its text, never its values): 100 ms, or
/// `GESTDESK_SLOW_STATEMENT_MS` milliseconds.
fn slow_statement() -> std::time::Duration {
    static SLOW: std::sync::OnceLock<std::time::Duration> = std::sync::OnceLock::new();
    *SLOW.get_or_init(|| {
        let ms = std::env::var("GESTDESK_SLOW_STATEMENT_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(100);
        std::time::Duration::from_millis(ms)
    })
}

fn log_slow_statement(event: rusqlite::trace::TraceEvent<'_>) {
    if let rusqlite::trace::TraceEvent::Profile(statement, took) = event
        && took >= slow_statement()
    {
        let sql: String = statement
            .sql()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        tracing::warn!(ms = took.as_millis(), sql, "slow database statement");
    }
}

impl Db {
    /// Opens (creating if needed) the Gestdesk database at `path` and brings its schema up to date.
    ///
    /// Refuses, without writing anything, a file that is not SQLite, a SQLite database of another
    /// application, and a database from a newer Gestdesk.
    pub fn open(path: &Path) -> Result<Self, DbError> {
        open::check_existing(path)?;
        let mut conn = open::open_connection(path)?;
        migrate::run(&mut conn, path)?;
        conn.execute_batch(OPTIMIZE)?;
        // The writer copies the log into the file itself only past this many pages (about
        // 40 MB): when nothing else does it (a command without the server, or a stalled disk).
        conn.execute_batch(&format!(
            "PRAGMA wal_autocheckpoint = {WRITER_CHECKPOINT_PAGES}"
        ))?;

        let manager = SqliteConnectionManager::file(path).with_init(init_connection);
        let pool = r2d2::Pool::builder()
            .max_size(POOL_SIZE)
            .min_idle(Some(1))
            // A pooled connection is a file handle that stays valid: testing each one handed
            // out cost a statement per database call.
            .test_on_check_out(false)
            .build(manager)?;
        Ok(Self {
            inner: Arc::new(Inner {
                pool,
                writer: Mutex::new(conn),
                path: path.to_owned(),
                memo: Memo::default(),
                read_turns: Arc::new(tokio::sync::Semaphore::new(POOL_SIZE as usize)),
                reading_here: AtomicBool::new(false),
                write_turns: Arc::new(tokio::sync::Semaphore::new(1)),
                writes: AtomicU64::new(1),
                copied_writes: AtomicU64::new(0),
            }),
        })
    }

    /// What reads keep from the reference tables (see [`Memo`]).
    pub fn memo(&self) -> &Memo {
        &self.inner.memo
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    fn conn(&self) -> Result<PooledConnection<SqliteConnectionManager>, DbError> {
        Ok(self.inner.pool.get()?)
    }

    /// The writers' connection, once it is this writer's turn. A poisoned lock only means
    /// another writer panicked: its transaction was rolled back when it was dropped.
    fn writer(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.inner
            .writer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Runs `f` on a pooled connection on the current thread, in one read transaction: every
    /// statement of `f` sees the same state of the database, and the connection takes SQLite's
    /// shared lock once instead of once per statement (a list page runs a few dozen).
    pub fn read_blocking<T, E>(&self, f: impl FnOnce(&Connection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let conn = self.conn()?;
        read_in(&conn, f)
    }

    /// Writes a compacted copy of the database to `target` (`VACUUM INTO`, which SQLite runs
    /// only outside a transaction), from a pooled connection: writers go on meanwhile.
    pub fn vacuum_into_blocking(&self, target: &str) -> Result<(), DbError> {
        let conn = self.conn()?;
        conn.execute("VACUUM INTO ?1", [target])?;
        Ok(())
    }

    /// Runs `f` in an immediate transaction on the current thread, committing when it returns `Ok`.
    pub fn write_blocking<T, E>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let mut conn = self.writer();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(DbError::from)?;
        let value = f(&tx)?;
        tx.commit().map_err(DbError::from)?;
        self.inner.writes.fetch_add(1, Ordering::Release);
        Ok(value)
    }

    /// Runs `f` on a pooled connection: on the calling task's own thread when no other read
    /// is running, else on the blocking thread pool. Alone, a read costs less CPU where it is
    /// (a page's read takes a fraction of a millisecond, the handover and the wake-up back
    /// about as much); when reads overlap, they go to the pool so that the async workers go on
    /// serving the other connections, and at most one worker is ever busy with a read.
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&Connection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let turn = self.inner.read_turns.clone().acquire_owned().await;
        if self.inner.read_turns.available_permits() + 1 == POOL_SIZE as usize
            && let Some(_here) = HereTurn::take(&self.inner.reading_here)
        {
            let value = self.read_blocking(f);
            drop(turn);
            return value;
        }
        self.read_on_pool(turn, f).await
    }

    /// Runs `f` on a pooled connection on the blocking thread pool, always: for one half of a
    /// long report that reads beside its other half (two reads of one request on both cores;
    /// each is its own read transaction).
    pub async fn read_beside<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&Connection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let turn = self.inner.read_turns.clone().acquire_owned().await;
        self.read_on_pool(turn, f).await
    }

    /// Runs `f` on the blocking thread pool, holding the read turn `turn` until it is done.
    async fn read_on_pool<T, E, F>(
        &self,
        turn: Result<tokio::sync::OwnedSemaphorePermit, tokio::sync::AcquireError>,
        f: F,
    ) -> Result<T, E>
    where
        F: FnOnce(&Connection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            db.read_blocking(f)
        })
        .await
        .map_err(|e| E::from(DbError::Task(e.to_string())))?
    }

    /// Runs `f` on a pooled connection on the calling task's own thread, without handing it to
    /// the blocking pool: for the few indexed rows every request reads first (the visitor's
    /// session), where handing the read to another thread and back cost more CPU than the read
    /// itself. The read turn is awaited first, so that taking a connection never blocks.
    ///
    /// When no other read runs and no writer holds its turn, the read runs on the writers'
    /// connection instead. SQLite drops a connection's map of the database file whenever
    /// another connection wrote since its last read, and the next read maps the file and
    /// faults its pages in again: after a write, the next read on a pooled connection unmapped
    /// 240 MB (about 6% of the CPU of opening a ticket, with the other core interrupted to
    /// forget the mapping). The writers' connection made the change itself and keeps its map.
    /// A writer that comes meanwhile waits for this one short read; when reads overlap, the
    /// pool serves them, so that writers do not queue behind them.
    pub async fn read_here<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&Connection) -> Result<T, E>,
        E: From<DbError>,
    {
        if self.inner.read_turns.available_permits() == POOL_SIZE as usize
            && let Ok(_write_turn) = self.inner.write_turns.try_acquire()
        {
            match self.inner.writer.try_lock() {
                Ok(conn) => return read_in(&conn, f),
                Err(std::sync::TryLockError::Poisoned(p)) => return read_in(&p.into_inner(), f),
                // A writer outside the turns (a command, a test): the pool, as below.
                Err(std::sync::TryLockError::WouldBlock) => {}
            }
        }
        let _turn = self.inner.read_turns.acquire().await;
        self.read_blocking(f)
    }

    /// Runs `f` in an immediate transaction on the blocking thread pool.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&Transaction<'_>) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let turn = self.inner.write_turns.clone().acquire_owned().await;
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            db.write_blocking(f)
        })
        .await
        .map_err(|e| E::from(DbError::Task(e.to_string())))?
    }

    /// Runs `f` in an immediate transaction on the calling task's own thread, once it is this
    /// writer's turn: for short writes of one request (opening a ticket), where handing the
    /// transaction to the blocking pool would keep the writers' turn through a thread switch
    /// and serialise that switch with every other writer. Long writes (imports, bulk changes)
    /// go through [`Db::write`].
    pub async fn write_here<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&Transaction<'_>) -> Result<T, E>,
        E: From<DbError>,
    {
        let _turn = self.inner.write_turns.acquire().await;
        self.write_blocking(f)
    }

    /// Checks that the database answers.
    pub fn ping_blocking(&self) -> Result<(), DbError> {
        self.read_blocking(|c| {
            c.query_row("SELECT 1", [], |_| Ok(()))
                .map_err(DbError::from)
        })
    }

    /// Refreshes the query planner's statistics where tables changed much (see [`OPTIMIZE`]).
    pub fn optimize_blocking(&self) -> Result<(), DbError> {
        self.writer().execute_batch(OPTIMIZE)?;
        Ok(())
    }

    /// Copies what the write-ahead log holds into the database file without waiting for
    /// anyone (readers and the writer go on meanwhile), from a pooled connection. A serving
    /// instance does this ten times a second ([`CHECKPOINT_EVERY`]), so that a writer never does it
    /// inside its turn: left to SQLite, every thousandth write paid for the copy of the pages
    /// the others changed, holding every other writer meanwhile.
    pub fn checkpoint_passive_blocking(&self) -> Result<(), DbError> {
        let writes = self.inner.writes.load(Ordering::Acquire);
        let conn = self.conn()?;
        conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        self.inner.copied_writes.store(writes, Ordering::Release);
        Ok(())
    }

    /// Whether a write was committed through this handle since the last checkpoint began:
    /// when none was, a checkpoint has nothing of this process to copy, and the job that runs
    /// it ten times a second skips the hand-over to a blocking thread (an idle server would
    /// otherwise wake a thread and a connection ten times a second for nothing). Writes of
    /// another process (a command) are copied with the next write of this one, or when the
    /// server stops.
    pub fn written_since_checkpoint(&self) -> bool {
        self.inner.writes.load(Ordering::Acquire)
            != self.inner.copied_writes.load(Ordering::Acquire)
    }

    /// Folds the write-ahead log back into the database file; called when the server stops.
    pub fn checkpoint_blocking(&self) -> Result<(), DbError> {
        self.writer()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new database in a temporary folder (kept while the first value lives), and a runtime
    /// to await its reads.
    fn fresh() -> (tempfile::TempDir, Db, tokio::runtime::Runtime) {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        (dir, db, runtime)
    }

    /// A read alone runs where it is asked, overlapping reads go to the blocking pool, and both
    /// see the same data; a read that fails or panics on the request's thread leaves that way
    /// open for the next one.
    #[test]
    fn reads_alone_or_overlapping_answer_the_same_and_a_failed_one_blocks_nothing() {
        let (_dir, db, runtime) = fresh();
        let count = |db: &Db| {
            let db = db.clone();
            async move {
                db.read(|c| {
                    c.query_row("SELECT count(*) FROM ticket_states", [], |r| {
                        r.get::<_, i64>(0)
                    })
                    .map_err(DbError::from)
                })
                .await
            }
        };
        runtime.block_on(async {
            let alone = count(&db).await.expect("alone");
            assert!(alone > 0);
            // Another read running (its turn held here): this one goes to the pool.
            let other = db
                .inner
                .read_turns
                .clone()
                .try_acquire_owned()
                .expect("turn");
            assert_eq!(count(&db).await.expect("overlapping"), alone);
            drop(other);
            let failed = db
                .read(|c| {
                    c.query_row("SELECT nothing FROM nowhere", [], |r| r.get::<_, i64>(0))
                        .map_err(DbError::from)
                })
                .await;
            assert!(failed.is_err());
            assert!(!db.inner.reading_here.load(Ordering::Acquire));
            assert_eq!(count(&db).await.expect("after"), alone);
        });
        // A read that panics on the request's thread gives its turn back.
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            runtime.block_on(db.read(|_| -> Result<(), DbError> { panic!("read") }))
        }));
        assert!(panicked.is_err());
        assert!(!db.inner.reading_here.load(Ordering::Acquire));
        assert!(runtime.block_on(count(&db)).expect("after a panic") > 0);
    }

    /// A short read runs on the writers' connection when it is free, else on the pool without
    /// waiting for a writer; either way it sees every committed write.
    #[test]
    fn a_short_read_never_waits_for_a_writer() {
        let (_dir, db, runtime) = fresh();
        let states = |db: &Db| {
            runtime.block_on(db.read_here(|c| {
                c.query_row("SELECT count(*) FROM ticket_states", [], |r| {
                    r.get::<_, i64>(0)
                })
                .map_err(DbError::from)
            }))
        };
        let before = states(&db).expect("alone");
        db.write_blocking(|tx| {
            tx.execute_batch(
                "INSERT INTO ticket_states (position, name, color) VALUES (99, 'Parked', '#888')",
            )
            .map_err(DbError::from)
        })
        .expect("write");
        assert_eq!(states(&db).expect("after the write"), before + 1);
        // A writer holding its connection (a command's long write): the read goes to the pool.
        let (held, release) = (std::sync::mpsc::channel(), std::sync::mpsc::channel::<()>());
        let writer = {
            let (db, held) = (db.clone(), held.0);
            let release = release.1;
            std::thread::spawn(move || {
                db.write_blocking(|_| {
                    held.send(()).expect("held");
                    release.recv().expect("released");
                    Ok::<_, DbError>(())
                })
            })
        };
        held.1.recv().expect("writer started");
        assert_eq!(states(&db).expect("beside the writer"), before + 1);
        // A writer in its turn: the same.
        let turn = db.inner.write_turns.try_acquire().expect("write turn");
        assert_eq!(states(&db).expect("beside a turn"), before + 1);
        drop(turn);
        release.0.send(()).expect("release");
        writer.join().expect("writer").expect("write");
    }

    /// The checkpoint job copies the log only after a write of this process, and always the
    /// first time (an earlier run may have left writes in the log).
    #[test]
    fn the_log_is_copied_after_writes_only() {
        let (_dir, db, _runtime) = fresh();
        assert!(db.written_since_checkpoint(), "the first checkpoint runs");
        db.checkpoint_passive_blocking().expect("checkpoint");
        assert!(!db.written_since_checkpoint());
        db.write_blocking(|tx| {
            tx.execute_batch("UPDATE ticket_states SET color = '#777' WHERE id = 1")
                .map_err(DbError::from)
        })
        .expect("write");
        assert!(db.written_since_checkpoint());
        db.checkpoint_passive_blocking().expect("checkpoint");
        assert!(!db.written_since_checkpoint());
    }
}
