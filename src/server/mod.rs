//! Serving an already-bound listener until a shutdown future resolves.
//!
//! On shutdown, new connections are refused, requests in flight finish (for at most
//! [`DRAIN_TIMEOUT`]), then the database write-ahead log is checkpointed so the file is whole.
//! Connections are served within [`connections::Limits`] (timeouts and caps).

pub mod connections;
mod stall;

pub use connections::Limits;

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::app::App;
use crate::jobs::supervisor::{Run, Supervisor};
use crate::web;

/// How long in-flight requests may take to finish once shutdown has begun.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

/// How often the query planner's statistics are refreshed while serving.
const STATISTICS_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// How often free memory goes back to the system (see `gestdesk_allocator::give_back_due`),
/// from the database checkpoint's job, which runs more often.
const GIVE_BACK_EVERY: Duration = Duration::from_secs(1);

/// Starts every background job of a serving instance under one supervisor.
fn start_jobs(
    app: &App,
    hub: &crate::live::Hub,
    store: &crate::domain::files::Store,
) -> Supervisor {
    use crate::jobs::{
        asset_imports, backups, discovery, outbox, ping_all, search_index, uploads, validations,
        webhooks,
    };
    let mut jobs = Supervisor::new();
    let db = app.db().clone();
    // What a "Move from GestSup" was sent before the server stopped is of no more use.
    crate::gestsup::moving::sweep(app.config().data_dir());
    jobs.run("live updates", |_| hub.watcher(db.clone()));
    let mail_db = db.clone();
    jobs.run_bounded("mail outbox", outbox::STOP_WAIT, move |stopped| {
        outbox::run(mail_db, stopped)
    });
    let hook_db = db.clone();
    jobs.run_bounded("webhooks", webhooks::STOP_WAIT, move |stopped| {
        webhooks::run(hook_db, stopped)
    });
    let checkpoint_db = db.clone();
    let mut last_give_back = std::time::Instant::now();
    jobs.every(
        "database checkpoint",
        crate::db::CHECKPOINT_EVERY,
        crate::db::CHECKPOINT_EVERY,
        move |run| {
            let db = checkpoint_db.clone();
            // Free memory goes back to the system here once a second, whichever thread freed
            // it (the allocator's delayed purges alone fall behind under load); off the async
            // workers, as trimming walks the C library's arenas.
            let give_back = last_give_back.elapsed() >= GIVE_BACK_EVERY;
            if give_back {
                last_give_back = std::time::Instant::now();
            }
            // Asked from the system page, it copies whatever the log holds.
            let copy = db.written_since_checkpoint() || matches!(run, Run::Now);
            async move {
                if !give_back && !copy {
                    return Ok(String::new());
                }
                let work = move || {
                    if give_back {
                        gestdesk_allocator::give_back_due();
                    }
                    if copy {
                        db.checkpoint_passive_blocking()
                    } else {
                        Ok(())
                    }
                };
                match tokio::task::spawn_blocking(work).await {
                    Ok(Ok(())) => Ok(String::new()),
                    Ok(Err(e)) => Err(format!("could not copy the log into the database: {e}")),
                    Err(e) => Err(format!("could not copy the log into the database: {e}")),
                }
            }
        },
    );
    let search_db = db.clone();
    jobs.every(
        "search index",
        Duration::ZERO,
        search_index::EVERY,
        move |_run| {
            let db = search_db.clone();
            async move { search_index::run(&db).await }
        },
    );
    let backup_app = app.clone();
    jobs.every(
        "backups",
        Duration::ZERO,
        backups::CHECK_EVERY,
        move |run| {
            let app = backup_app.clone();
            async move { backups::check(&app, run).await }
        },
    );
    let (upload_db, upload_store) = (db.clone(), store.clone());
    jobs.every(
        "stale uploads",
        Duration::ZERO,
        uploads::EVERY,
        move |_run| {
            let (db, store) = (upload_db.clone(), upload_store.clone());
            async move { uploads::clean(&db, &store).await }
        },
    );
    let validation_db = db.clone();
    jobs.every(
        "requester validation",
        Duration::ZERO,
        validations::EVERY,
        move |_run| {
            let db = validation_db.clone();
            async move { validations::run_due(&db).await }
        },
    );
    let (import_db, data_dir) = (db.clone(), app.config().data_dir().to_owned());
    jobs.every(
        "asset import folder",
        Duration::ZERO,
        asset_imports::EVERY,
        move |_run| {
            let (db, dir) = (import_db.clone(), data_dir.clone());
            async move { asset_imports::run(&db, &dir).await }
        },
    );
    let ping_db = db.clone();
    jobs.every(
        "ping of every asset",
        ping_all::CHECK_EVERY,
        ping_all::CHECK_EVERY,
        move |run| {
            let db = ping_db.clone();
            async move { ping_all::check(&db, run).await }
        },
    );
    let (fetch_db, fetch_store) = (db.clone(), store.clone());
    jobs.every(
        "mail fetch",
        Duration::ZERO,
        crate::mail_in::CHECK_EVERY,
        move |run| {
            let (db, store) = (fetch_db.clone(), fetch_store.clone());
            async move { crate::mail_in::fetch_due(&db, &store, run).await }
        },
    );
    let directory_db = db.clone();
    jobs.every(
        "directory synchronisation",
        crate::directory_sync::CHECK_EVERY,
        crate::directory_sync::CHECK_EVERY,
        move |run| {
            let db = directory_db.clone();
            async move { crate::directory_sync::run_due(&db, run).await }
        },
    );
    let scan_db = db.clone();
    jobs.every(
        "network discovery",
        discovery::CHECK_EVERY,
        discovery::CHECK_EVERY,
        move |run| {
            let db = scan_db.clone();
            async move { discovery::check(&db, run).await }
        },
    );
    // Opening the database has just refreshed them.
    jobs.every(
        "query statistics",
        STATISTICS_EVERY,
        STATISTICS_EVERY,
        move |_run| {
            let db = db.clone();
            async move {
                match tokio::task::spawn_blocking(move || db.optimize_blocking()).await {
                    Ok(Ok(())) => Ok(String::new()),
                    Ok(Err(e)) => Err(format!("could not refresh query statistics: {e}")),
                    Err(e) => Err(format!("could not refresh query statistics: {e}")),
                }
            }
        },
    );
    jobs
}

/// HTTPS as the settings ask (or with the self-signed certificate when `--https` asks and the
/// settings do not). A certificate of one's own that cannot be used gives way to the self-signed
/// one rather than to plain HTTP, and says so in the log.
async fn start_tls(app: &App) -> crate::tls::Tls {
    use crate::domain::settings::{HTTPS_HSTS, HTTPS_MODE, Settings};
    use crate::tls::{Mode, Tls};
    let tls = Tls::off(app.config().data_dir());
    let settings = app
        .db()
        .read(|c| Settings::load(c).map_err(crate::db::DbError::from))
        .await;
    let (mut mode, hsts) = match &settings {
        Ok(s) => (Mode::from_code(s.raw(HTTPS_MODE)), s.flag(HTTPS_HSTS)),
        Err(e) => {
            tracing::error!("could not read the HTTPS settings: {e}");
            (Mode::Off, false)
        }
    };
    if mode == Mode::Off && app.config().https {
        mode = Mode::SelfSigned;
    }
    if mode == Mode::Off {
        return tls;
    }
    let t = tls.clone();
    let applied = tokio::task::spawn_blocking(move || match t.apply(mode, hsts, false) {
        Err(e) if mode == Mode::Own => {
            tracing::error!(
                "HTTPS with your own certificate failed ({e}); using the self-signed one"
            );
            t.apply(Mode::SelfSigned, hsts, false)
        }
        other => other,
    })
    .await;
    match applied {
        Ok(Ok(())) => {
            if let Some(info) = tls.info() {
                tracing::info!(fingerprint = %info.fingerprint, "serving HTTPS");
            }
        }
        Ok(Err(e)) => tracing::error!("HTTPS could not start, serving plain HTTP: {e}"),
        Err(e) => tracing::error!("HTTPS could not start, serving plain HTTP: {e}"),
    }
    tls
}

/// Serves `app` on `listener` until `shutdown` resolves, then closes the database cleanly.
pub async fn serve(
    app: App,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_within(app, listener, Limits::for_this_system(), shutdown).await
}

/// [`serve`] with connections held to `limits`.
pub async fn serve_within(
    app: App,
    listener: TcpListener,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Held while serving: a restore needs the data directory to itself.
    let lock = crate::app::DataLock::acquire(app.config()).map_err(|e| {
        if e.kind() == std::io::ErrorKind::WouldBlock {
            std::io::Error::other(format!(
                "another Gestdesk is already serving {}",
                app.config().data_dir().display()
            ))
        } else {
            e
        }
    })?;
    run(app, lock, listener, limits, shutdown).await
}

/// [`serve`] for a caller that took the data folder's lock already (to say so before anything
/// else).
pub async fn serve_locked(
    app: App,
    lock: crate::app::DataLock,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    run(app, lock, listener, Limits::for_this_system(), shutdown).await
}

async fn run(
    app: App,
    _lock: crate::app::DataLock,
    listener: TcpListener,
    mut limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let local = listener.local_addr()?;
    if app.config().behind_proxy {
        // Every connection comes from the proxy: only the total applies.
        limits.per_address = limits.total;
    }
    // Only the process holding the lock may decide that a file without a row is a leftover.
    let store = crate::domain::files::Store::new(&app.config().attachments_dir());
    match crate::domain::files::reconcile(app.db(), &store).await {
        Ok(r) if r != Default::default() => tracing::warn!(
            "attachments reconciled after an unclean stop: {} stray file(s), {} lost record(s)",
            r.stray_files,
            r.lost_rows
        ),
        Ok(_) => {}
        Err(e) => tracing::warn!("could not check the attachments: {e}"),
    }
    let tls = start_tls(&app).await;
    let hub = crate::live::Hub::new();
    let jobs = start_jobs(&app, &hub, &store);
    let state = web::AppState::new(app.clone(), local, hub.clone(), jobs.board(), tls.clone());
    let router = web::router(state);

    let (signalled_tx, signalled_rx) = oneshot::channel::<()>();
    let shutdown = async move {
        shutdown.await;
        tracing::info!("shutting down: finishing requests in flight");
        // Live-update streams end here, so that their connections can close.
        hub.close();
        let _ = signalled_tx.send(());
    };
    let server = connections::serve(listener, router, limits, tls, shutdown);

    let drain_limit = async move {
        if signalled_rx.await.is_ok() {
            tokio::time::sleep(DRAIN_TIMEOUT).await;
        } else {
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        () = server => {},
        () = drain_limit => tracing::warn!("requests still running after {DRAIN_TIMEOUT:?}; stopping anyway"),
    }

    // Mails being sent finish and are recorded, and a backup being written is finished, before
    // the database closes.
    jobs.shutdown().await;
    let db = app.db().clone();
    match tokio::task::spawn_blocking(move || db.checkpoint_blocking()).await {
        Ok(Ok(())) => tracing::info!("database closed cleanly"),
        Ok(Err(e)) => tracing::error!("database checkpoint failed: {e}"),
        Err(e) => tracing::error!("database checkpoint task failed: {e}"),
    }
    Ok(())
}

/// Resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM. The handlers are installed when this is
/// called, not when the future is first polled: a signal sent as soon as the server says it is
/// running stops it gracefully.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let interrupt = signal(SignalKind::interrupt());
        let terminate = signal(SignalKind::terminate());
        async move {
            match (interrupt, terminate) {
                (Ok(mut i), Ok(mut t)) => {
                    tokio::select! {
                        _ = i.recv() => {},
                        _ = t.recv() => {},
                    }
                }
                _ => {
                    if tokio::signal::ctrl_c().await.is_err() {
                        std::future::pending::<()>().await;
                    }
                }
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        }
    }
}

/// A server running on a background task, for the desktop shell and tests.
#[derive(Debug)]
pub struct ServerHandle {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
}

impl ServerHandle {
    /// Starts serving `app` on `listener` in the background.
    pub fn spawn(app: App, listener: TcpListener) -> std::io::Result<Self> {
        Self::spawn_within(app, listener, Limits::for_this_system())
    }

    /// [`ServerHandle::spawn`] with connections held to `limits`.
    pub fn spawn_within(app: App, listener: TcpListener, limits: Limits) -> std::io::Result<Self> {
        let addr = listener.local_addr()?;
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve_within(app, listener, limits, async move {
            let _ = stopped.await;
        }));
        Ok(Self {
            addr,
            stop: Some(stop),
            task,
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops the server gracefully and waits until the database is closed.
    pub async fn shutdown(mut self) -> std::io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match (&mut self.task).await {
            Ok(result) => result,
            Err(e) => Err(std::io::Error::other(e)),
        }
    }
}
