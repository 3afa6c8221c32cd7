//! The `gestdesk` binary: parses the command line, runs it, and turns errors into one line on
//! standard error and a non-zero exit code.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc, giving freed memory back soon (see `gestdesk_allocator`).
#[global_allocator]
static ALLOCATOR: gestdesk_allocator::Allocator = gestdesk_allocator::Allocator;

fn main() -> ExitCode {
    gestdesk_allocator::give_back_soon();
    let cli = gestdesk::cli::Cli::parse();
    // Blocking work on a bounded number of threads (see `gestdesk::runtime`).
    let runtime = match gestdesk::runtime::build() {
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
