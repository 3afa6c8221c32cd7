//! Pinging assets: their interfaces probed at the configured rate, each answer kept, and what
//! was found returned for the page or the command to show.

use std::sync::Arc;
use std::time::Duration;

use crate::db::Db;
use crate::domain::assets::network::{self, Answer, Ping, Target, Which};
use crate::domain::settings::Settings;
use crate::domain::settings::network_registry as keys;
use crate::domain::{Actor, DomainError, clock};
use crate::net::probe::{self, Method, Plan, Progress};

/// What a ping found.
#[derive(Debug, Clone)]
pub struct PingReport {
    pub method: Method,
    /// Each interface reached, with its round-trip time when it answered.
    pub results: Vec<(Target, Option<Duration>)>,
    pub took: Duration,
}

impl PingReport {
    /// How many interfaces answered.
    pub fn answered(&self) -> usize {
        self.results.iter().filter(|(_, rtt)| rtt.is_some()).count()
    }
}

/// How fast and how long to probe, from the settings.
pub fn plan(settings: &Settings) -> Plan {
    Plan {
        rate_per_second: u32::try_from(settings.number(keys::PING_RATE)).unwrap_or(500),
        timeout: Duration::from_millis(
            u64::try_from(settings.number(keys::PING_TIMEOUT_MS)).unwrap_or(1_000),
        ),
        tcp_ports: Vec::new(),
    }
}

/// Pings the interfaces of `which` that `actor` sees (none: every asset, for the schedule and
/// the command line) and keeps what each did.
pub async fn ping(db: &Db, actor: Option<&Actor>, which: Which) -> Result<PingReport, DomainError> {
    ping_as(db, actor, actor, which).await
}

/// [`ping`] of the interfaces `seer` sees, recorded as asked by `author`.
pub(super) async fn ping_as(
    db: &Db,
    seer: Option<&Actor>,
    author: Option<&Actor>,
    which: Which,
) -> Result<PingReport, DomainError> {
    let every = which == Which::Every;
    // Nobody stops a ping: its stop switch stays off.
    let progress = Arc::new(Progress::default());
    let targets = network::ping_targets(db, seer, which).await?;
    let settings = db
        .read(|c| Settings::load(c).map_err(crate::db::DbError::from))
        .await?;
    let plan = plan(&settings);
    let started_at = clock::now();
    let started = std::time::Instant::now();
    let addrs: Vec<_> = targets.iter().map(|t| t.ip).collect();
    let found = probe::probe(&addrs, &plan, &progress).await;
    let took = started.elapsed();
    let answers = targets
        .iter()
        .map(|t| Answer {
            iface: t.iface,
            answered: found.answers.contains_key(&t.ip),
        })
        .collect();
    if !targets.is_empty() {
        network::record_pings(
            db,
            Ping {
                answers,
                method: found.method.code().to_owned(),
                started_at,
                finished_at: clock::now(),
                author: author.map(|a| a.id().0),
                every,
            },
        )
        .await?;
    }
    let results = targets
        .into_iter()
        .map(|t| {
            let rtt = found.answers.get(&t.ip).copied();
            (t, rtt)
        })
        .collect();
    Ok(PingReport {
        method: found.method,
        results,
        took,
    })
}
