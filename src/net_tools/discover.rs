//! Network discovery as pages, the schedule and `gestdesk net scan` run it: every address of
//! a declared network probed at the configured rate, then, for the hosts that answered, their
//! MAC addresses from the kernel's neighbour table, their NetBIOS names and their DNS names,
//! all handed to the domain, which matches them to the inventory in one transaction. Scans in
//! progress are listed (addresses done / total) and can be stopped; a second scan of a network
//! being scanned waits for the first to end.

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use crate::db::{Db, DbError};
use crate::domain::assets::discovery::{self, Host, Network, Outcome, Probed};
use crate::domain::settings::Settings;
use crate::domain::{Actor, DomainError, FieldErrors, clock};
use crate::net::probe::{self, Progress};
use crate::net::{dns, nbns, neighbours};

/// A scan in progress (or waiting for its network's turn).
#[derive(Debug, Clone)]
pub struct Running {
    pub network: String,
    pub network_id: i64,
    pub dry_run: bool,
    pub progress: Arc<Progress>,
    /// Another scan of this network runs first.
    pub waiting: Arc<std::sync::atomic::AtomicBool>,
}

type Key = (PathBuf, i64);

#[derive(Default)]
struct Registry {
    running: Vec<(PathBuf, Running)>,
    turns: HashMap<Key, Arc<tokio::sync::Mutex<()>>>,
}

fn registry() -> &'static Mutex<Registry> {
    static REGISTRY: OnceLock<Mutex<Registry>> = OnceLock::new();
    REGISTRY.get_or_init(|| Mutex::new(Registry::default()))
}

fn lock() -> std::sync::MutexGuard<'static, Registry> {
    registry().lock().unwrap_or_else(|e| e.into_inner())
}

/// The scans of `db` in progress or waiting.
pub fn running(db: &Db) -> Vec<Running> {
    lock()
        .running
        .iter()
        .filter(|(p, _)| p == db.path())
        .map(|(_, r)| r.clone())
        .collect()
}

/// Asks the scans of network `network_id` of `db` to stop; whether one was running.
pub fn stop(db: &Db, network_id: i64) -> bool {
    let reg = lock();
    let mut found = false;
    for (_, r) in reg
        .running
        .iter()
        .filter(|(p, r)| p == db.path() && r.network_id == network_id)
    {
        r.progress.stop();
        found = true;
    }
    found
}

/// Removes its scan from the list when the scan ends, however it ends.
struct Listed(PathBuf, Arc<Progress>);

impl Drop for Listed {
    fn drop(&mut self) {
        lock()
            .running
            .retain(|(p, r)| !(p == &self.0 && Arc::ptr_eq(&r.progress, &self.1)));
    }
}

/// A scan listed (so that the page shows it at once), not yet run.
pub struct Enlisted {
    progress: Arc<Progress>,
    waiting: Arc<std::sync::atomic::AtomicBool>,
    turn: Arc<tokio::sync::Mutex<()>>,
    _listed: Listed,
}

/// Lists a scan of `network` on `db`, waiting for its turn; it leaves the list when dropped.
fn enlist(db: &Db, network: &Network, dry_run: bool) -> Enlisted {
    let progress = Arc::new(Progress::default());
    let waiting = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let key: Key = (db.path().to_owned(), network.id);
    let turn = {
        let mut reg = lock();
        reg.running.push((
            key.0.clone(),
            Running {
                network: network.name.clone(),
                network_id: network.id,
                dry_run,
                progress: Arc::clone(&progress),
                waiting: Arc::clone(&waiting),
            },
        ));
        Arc::clone(reg.turns.entry(key.clone()).or_default())
    };
    Enlisted {
        _listed: Listed(key.0, Arc::clone(&progress)),
        progress,
        waiting,
        turn,
    }
}

fn refused(network: &Network) -> Result<(), DomainError> {
    match network.refused.clone() {
        Some(why) => {
            let mut errors = FieldErrors::new();
            errors.add("network", why);
            Err(DomainError::Invalid(errors))
        }
        None => Ok(()),
    }
}

/// Discovers `network` as `actor` (none: the server itself); a dry run only says what would
/// change. Waits while another scan of the same network runs.
pub async fn discover(
    db: &Db,
    actor: Option<&Actor>,
    network: Network,
    dry_run: bool,
) -> Result<Outcome, DomainError> {
    refused(&network)?;
    let enlisted = enlist(db, &network, dry_run);
    run(db, actor, network, dry_run, enlisted).await
}

/// Starts the discovery of `network` in the background, listed at once (a page shown right
/// after already shows it, running or waiting for its turn).
pub fn start(
    db: Db,
    actor: Option<Actor>,
    network: Network,
) -> Result<tokio::task::JoinHandle<Result<Outcome, DomainError>>, DomainError> {
    refused(&network)?;
    let enlisted = enlist(&db, &network, false);
    Ok(tokio::spawn(async move {
        run(&db, actor.as_ref(), network, false, enlisted).await
    }))
}

async fn run(
    db: &Db,
    actor: Option<&Actor>,
    network: Network,
    dry_run: bool,
    enlisted: Enlisted,
) -> Result<Outcome, DomainError> {
    let Enlisted {
        progress,
        waiting,
        turn,
        _listed,
    } = enlisted;
    let _turn = turn.lock().await;
    waiting.store(false, std::sync::atomic::Ordering::Relaxed);
    let settings = db
        .read(|c| Settings::load(c).map_err(DbError::from))
        .await?;
    let plan = super::plan(&settings);
    let started_at = clock::now();
    let addrs = network.addresses();
    let found = probe::probe(&addrs, &plan, &progress).await;
    let mut alive: Vec<Ipv4Addr> = found.answers.keys().copied().collect();
    alive.sort_unstable();
    let (netbios, names) = tokio::join!(
        nbns::names(&alive, plan.timeout),
        dns::names(&alive, plan.timeout)
    );
    // Probing filled the kernel's neighbour table with the MACs of the hosts on this segment.
    let macs = neighbours::table();
    let hosts: Vec<Host> = alive
        .iter()
        .map(|ip| Host {
            ip: *ip,
            mac: macs.get(ip).cloned(),
            netbios: netbios.get(ip).cloned(),
            dns: names.get(ip).cloned(),
        })
        .collect();
    let stopped = progress.stop.load(std::sync::atomic::Ordering::Relaxed);
    discovery::settle(
        db,
        actor,
        Probed {
            network,
            hosts,
            method: found.method.code().to_owned(),
            started_at,
            probed: addrs.len(),
            stopped,
            dry_run,
        },
    )
    .await
}
