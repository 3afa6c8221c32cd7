//! The one place background work starts and stops. Each job is registered by name, either as
//! periodic work (run now or after a first delay, then every period) or as a task that runs
//! until told to stop. One stop signal reaches them all; [`Supervisor::shutdown`] sends it and
//! waits for each job (a round in progress finishes), aborting one registered with a time
//! limit that overstays it. Every job
//! reports its schedule, last run, duration, result and next run on the [`Board`], for a
//! system page to show.

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

use crate::domain::clock;

/// The stop signal a job watches: `true` once the server stops.
pub type Stopped = watch::Receiver<bool>;

/// When a job runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schedule {
    /// Every period.
    Every(Duration),
    /// All the time, until stopped.
    Continuous,
}

/// Why a periodic job runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    /// Its time came: work that is done only when due waits for it.
    Scheduled,
    /// An administrator asked for it: due or not, it works (unless switched off).
    Now,
}

/// What a job last did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub schedule: Schedule,
    /// When the last run started (Unix seconds).
    pub last_started_at: Option<i64>,
    pub last_duration: Option<Duration>,
    /// What the last run says it did, or why it failed.
    pub last_result: Option<Result<String, String>>,
    /// When the next run starts (Unix seconds), for periodic jobs.
    pub next_at: Option<i64>,
    pub runs: u64,
}

impl Report {
    fn new(schedule: Schedule) -> Report {
        Report {
            schedule,
            last_started_at: None,
            last_duration: None,
            last_result: None,
            next_at: None,
            runs: 0,
        }
    }
}

/// Every job's report, by name, and how to wake the periodic ones.
#[derive(Debug, Clone, Default)]
pub struct Board(Arc<Mutex<BTreeMap<&'static str, Entry>>>);

/// A job on the board.
#[derive(Debug)]
struct Entry {
    report: Report,
    /// Wakes a periodic job before its time.
    wake: Option<Arc<Notify>>,
}

/// Why a job was not started at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunNowError {
    /// No job has that name.
    Unknown,
    /// It runs all the time: there is nothing to start.
    Continuous,
    /// A run is in progress.
    Running,
}

impl Board {
    fn entries(&self) -> std::sync::MutexGuard<'_, BTreeMap<&'static str, Entry>> {
        // A job that panicked while holding the lock leaves the map as it was: still readable.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn update(&self, name: &'static str, f: impl FnOnce(&mut Report)) {
        if let Some(e) = self.entries().get_mut(name) {
            f(&mut e.report);
        }
    }

    fn add(&self, name: &'static str, schedule: Schedule, wake: Option<Arc<Notify>>) {
        self.entries().insert(
            name,
            Entry {
                report: Report::new(schedule),
                wake,
            },
        );
    }

    /// The reports, by job name.
    pub fn reports(&self) -> Vec<(&'static str, Report)> {
        self.entries()
            .iter()
            .map(|(k, v)| (*k, v.report.clone()))
            .collect()
    }

    /// Starts the periodic job `name` now rather than at its next time.
    pub fn run_now(&self, name: &str) -> Result<(), RunNowError> {
        let map = self.entries();
        let entry = map.get(name).ok_or(RunNowError::Unknown)?;
        let wake = entry.wake.as_ref().ok_or(RunNowError::Continuous)?;
        // Between its start and its end a run has no next time.
        if entry.report.last_started_at.is_some() && entry.report.next_at.is_none() {
            return Err(RunNowError::Running);
        }
        wake.notify_one();
        Ok(())
    }
}

/// The running jobs.
#[derive(Debug)]
pub struct Supervisor {
    stop: watch::Sender<bool>,
    tasks: Vec<Task>,
    board: Board,
}

/// A running job, and how long a stop may wait for it (`None`: as long as it takes).
#[derive(Debug)]
struct Task {
    name: &'static str,
    handle: JoinHandle<()>,
    limit: Option<Duration>,
}

impl Default for Supervisor {
    fn default() -> Self {
        Self::new()
    }
}

impl Supervisor {
    /// A supervisor with no job yet.
    pub fn new() -> Supervisor {
        let (stop, _) = watch::channel(false);
        Supervisor {
            stop,
            tasks: Vec::new(),
            board: Board::default(),
        }
    }

    /// The reports of the jobs.
    pub fn board(&self) -> Board {
        self.board.clone()
    }

    /// Runs `work` after `first` and then every `every`, until stopped, or at once when
    /// [`Board::run_now`] asks; each run's result (what it did, or why it failed) is reported,
    /// and a failure logged.
    pub fn every<F, Fut>(
        &mut self,
        name: &'static str,
        first: Duration,
        every: Duration,
        mut work: F,
    ) where
        F: FnMut(Run) -> Fut + Send + 'static,
        Fut: Future<Output = Result<String, String>> + Send,
    {
        let wake = Arc::new(Notify::new());
        self.board
            .add(name, Schedule::Every(every), Some(wake.clone()));
        let board = self.board.clone();
        let mut stopped = self.stop.subscribe();
        let task = tokio::spawn(async move {
            let mut wait = first;
            loop {
                board.update(name, |r| r.next_at = Some(clock::now() + secs(wait)));
                let run = tokio::select! {
                    () = tokio::time::sleep(wait) => Run::Scheduled,
                    () = wake.notified() => Run::Now,
                    _ = stopped.changed() => break,
                };
                if *stopped.borrow() {
                    break;
                }
                let started = Instant::now();
                board.update(name, |r| {
                    r.last_started_at = Some(clock::now());
                    r.next_at = None;
                });
                let result = work(run).await;
                if let Err(e) = &result {
                    tracing::warn!("{name}: {e}");
                }
                board.update(name, |r| {
                    r.last_duration = Some(started.elapsed());
                    r.last_result = Some(result);
                    r.runs += 1;
                });
                wait = every;
            }
        });
        self.tasks.push(Task {
            name,
            handle: task,
            limit: None,
        });
    }

    /// [`Supervisor::run`] for a job a stop waits for at most `limit`, then aborts.
    pub fn run_bounded<F, Fut>(&mut self, name: &'static str, limit: Duration, job: F)
    where
        F: FnOnce(Stopped) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        self.run(name, job);
        if let Some(task) = self.tasks.last_mut() {
            task.limit = Some(limit);
        }
    }

    /// Runs `job` until it returns; it is handed the stop signal and must return soon after.
    pub fn run<F, Fut>(&mut self, name: &'static str, job: F)
    where
        F: FnOnce(Stopped) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        self.board.add(name, Schedule::Continuous, None);
        self.board
            .update(name, |r| r.last_started_at = Some(clock::now()));
        let board = self.board.clone();
        let work = job(self.stop.subscribe());
        let task = tokio::spawn(async move {
            let started = Instant::now();
            work.await;
            board.update(name, |r| {
                r.last_duration = Some(started.elapsed());
                r.last_result = Some(Ok(String::new()));
                r.runs += 1;
            });
        });
        self.tasks.push(Task {
            name,
            handle: task,
            limit: None,
        });
    }

    /// Tells every job to stop and waits for each; one with a time limit still running after
    /// it is aborted (and said so in the log).
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        for mut task in self.tasks {
            match task.limit {
                Some(limit) => {
                    if tokio::time::timeout(limit, &mut task.handle).await.is_err() {
                        tracing::warn!("{} still running after {limit:?}; stopping it", task.name);
                        task.handle.abort();
                    }
                }
                None => {
                    let _ = task.handle.await;
                }
            }
        }
    }
}

fn secs(d: Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

/// Sleeps for `wait`, or less when `stopped` says to stop; answers whether to stop. For a
/// task that loops on its own (the outbox, the webhooks) between two rounds of work.
pub async fn pause(stopped: &mut tokio::sync::watch::Receiver<bool>, wait: Duration) -> bool {
    if *stopped.borrow() {
        return true;
    }
    tokio::select! {
        () = tokio::time::sleep(wait) => *stopped.borrow(),
        _ = stopped.changed() => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[tokio::test]
    async fn periodic_jobs_report_their_runs_and_all_stop_on_one_signal() {
        let mut jobs = Supervisor::new();
        let runs = Arc::new(AtomicU32::new(0));
        let counted = runs.clone();
        jobs.every(
            "count",
            Duration::ZERO,
            Duration::from_millis(10),
            move |_| {
                let counted = counted.clone();
                async move {
                    let n = counted.fetch_add(1, Ordering::SeqCst) + 1;
                    if n == 2 {
                        Err("second run failed".to_owned())
                    } else {
                        Ok(format!("run {n}"))
                    }
                }
            },
        );
        jobs.run("loop", |mut stopped| async move {
            while !*stopped.borrow() {
                if stopped.changed().await.is_err() {
                    break;
                }
            }
        });
        let board = jobs.board();
        while runs.load(Ordering::SeqCst) < 3 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        jobs.shutdown().await;
        let reports = board.reports();
        let names: Vec<&str> = reports.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["count", "loop"]);
        let count = &reports[0].1;
        assert_eq!(count.schedule, Schedule::Every(Duration::from_millis(10)));
        assert!(count.runs >= 3);
        assert!(count.last_started_at.is_some() && count.last_duration.is_some());
        // The loop ended because of the signal, and says so by having run once.
        assert_eq!(reports[1].1.runs, 1);
    }

    #[tokio::test]
    async fn run_now_starts_a_periodic_job_before_its_time() {
        let mut jobs = Supervisor::new();
        let runs = Arc::new(AtomicU32::new(0));
        let counted = runs.clone();
        jobs.every(
            "daily",
            Duration::from_secs(3600),
            Duration::from_secs(3600),
            move |run| {
                let counted = counted.clone();
                async move {
                    assert_eq!(run, Run::Now);
                    counted.fetch_add(1, Ordering::SeqCst);
                    Ok(String::new())
                }
            },
        );
        jobs.run("loop", |_| async {});
        let board = jobs.board();
        assert_eq!(board.run_now("nothing"), Err(RunNowError::Unknown));
        assert_eq!(board.run_now("loop"), Err(RunNowError::Continuous));
        // The task may not have reached its wait yet: the wake is kept until it does.
        assert_eq!(board.run_now("daily"), Ok(()));
        while runs.load(Ordering::SeqCst) < 1 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        jobs.shutdown().await;
        assert_eq!(runs.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_job_that_overstays_is_aborted_at_the_limit() {
        let mut jobs = Supervisor::new();
        jobs.run_bounded("stubborn", Duration::from_millis(50), |_stopped| async {
            tokio::time::sleep(Duration::from_secs(3600)).await;
        });
        let started = Instant::now();
        jobs.shutdown().await;
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
