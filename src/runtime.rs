//! The async runtime every Gestdesk binary serves from: the headless server (`gestdesk`) and
//! the desktop app, which hands it to its window's framework.
//!
//! Blocking work (database reads and writes, password hashing, Markdown, files) runs on at
//! most [`MAX_BLOCKING_THREADS`] threads, queueing beyond. Each thread keeps its own allocator
//! heap: under the 200-person load benchmark tokio's default limit (512) let the pool reach 48
//! threads and allocated memory reach 127–135 MB in three runs of seven; with 16: 23 threads,
//! 68 MB. Reads and writes take their turns before asking for a thread (`gestdesk::db`), and
//! no blocking task waits for another, so a full pool only delays.

/// Threads for blocking work.
pub const MAX_BLOCKING_THREADS: usize = 16;

/// A multi-threaded runtime (one worker per core) with timers and sockets, and blocking work
/// bounded as above.
///
/// # Errors
///
/// When the system refuses the runtime's threads or its event queue.
pub fn build() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(MAX_BLOCKING_THREADS)
        .enable_all()
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocking_work_beyond_the_limit_waits_for_a_thread() {
        let runtime = build().expect("a runtime on this machine");
        let running = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let most = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        runtime.block_on(async {
            let tasks: Vec<_> = (0..MAX_BLOCKING_THREADS * 2)
                .map(|_| {
                    let (running, most) = (running.clone(), most.clone());
                    tokio::task::spawn_blocking(move || {
                        use std::sync::atomic::Ordering::SeqCst;
                        let now = running.fetch_add(1, SeqCst) + 1;
                        most.fetch_max(now, SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        running.fetch_sub(1, SeqCst);
                    })
                })
                .collect();
            for task in tasks {
                task.await.expect("the task ran");
            }
        });
        let most = most.load(std::sync::atomic::Ordering::SeqCst);
        assert!(most <= MAX_BLOCKING_THREADS, "{most} at once");
        assert!(most > 1, "blocking work still runs side by side");
    }
}
