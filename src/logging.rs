//! Logging: to standard error, and for the server also to a daily file in the data directory
//! (the last 14 days are kept).

use std::path::Path;

pub use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer, fmt};

/// Lines waiting for the file writer's thread; past this many, new lines are dropped (and
/// still go to standard error). The queue is allocated whole when logging starts: the
/// library's default of 128,000 lines held 4 MB of a fresh server's 14 MB of allocated
/// memory, for a log that writes a few lines a minute.
const QUEUED_LINES: usize = 4_096;

/// Migrations are logged once, by Gestdesk (the migration library's own lines are left out).
const DEFAULT_FILTER: &str = "info,tower_http=warn,hyper=warn,refinery_core=warn";

/// Colour codes only on a terminal: a service's journal or a file gets plain lines.
fn stderr_layer<S>()
-> fmt::Layer<S, fmt::format::DefaultFields, fmt::format::Format, fn() -> std::io::Stderr>
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
{
    use std::io::IsTerminal;
    fmt::layer()
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr as fn() -> std::io::Stderr)
}

/// Logs to standard error only, at `default` level unless `RUST_LOG` says otherwise.
pub fn init_stderr(default: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let _ = tracing_subscriber::registry()
        .with(stderr_layer().with_filter(filter))
        .try_init();
}

/// Logs to standard error and to `logs_dir/gestdesk.<date>.log`. Keep the guard alive while
/// the server runs: dropping it flushes the file.
pub fn init_server(logs_dir: &Path) -> Option<WorkerGuard> {
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("gestdesk")
        .filename_suffix("log")
        .max_log_files(14)
        .build(logs_dir);
    let env =
        || EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    match appender {
        Ok(appender) => {
            let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
                .buffered_lines_limit(QUEUED_LINES)
                .finish(appender);
            let _ = tracing_subscriber::registry()
                .with(stderr_layer().with_filter(env()))
                .with(
                    fmt::layer()
                        .with_ansi(false)
                        .with_writer(writer)
                        .with_filter(env()),
                )
                .try_init();
            Some(guard)
        }
        Err(e) => {
            init_stderr(DEFAULT_FILTER);
            tracing::warn!("log file disabled: {e}");
            None
        }
    }
}
