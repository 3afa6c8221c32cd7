//! The `gestdesk` binary: parses the command line, runs it, and turns errors into one line on
//! standard error and a non-zero exit code.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc, giving freed memory back soon (see `gestdesk_allocator`).
#[global_allocator]
static ALLOCATOR: gestdesk_allocator::Allocator = gestdesk_allocator::Allocator;

/// Threads for blocking work (see `main`).
const MAX_BLOCKING_THREADS: usize = 16;

fn main() -> ExitCode {
    gestdesk_allocator::give_back_soon();
    let cli = gestdesk::cli::Cli::parse();
    // Blocking work (database reads and writes, password hashing, Markdown, files) runs on
    // at most 16 threads, queueing beyond. Each thread keeps its own allocator heap: under the
    // 200-person load benchmark the default limit (512) let the pool reach 48 threads and
    // allocated memory reach 127–135 MB in three runs of seven; with 16: 23 threads, 68 MB.
    // Reads and writes take their turns before asking for a thread (`gestdesk::db`), and no
    // blocking task waits for another, so a full pool only delays.
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(MAX_BLOCKING_THREADS)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("gestdesk: error: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(gestdesk::cli::run(cli));
    // Work still running on blocking threads (a slow disk, a long query) does not hold the
    // process once the server has closed the database.
    runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gestdesk: error: {e}");
            ExitCode::FAILURE
        }
    }
}
