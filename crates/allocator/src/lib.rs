//! The memory allocator of Gestdesk's binaries.
//!
//! A page builds and drops a few thousand small strings (rows, escaped text, translated
//! labels). With the system's allocator, allocating and freeing them took 12–19% of a page's
//! CPU, and more when both cores served at once (threads contending for its arenas). mimalloc
//! keeps that cost per thread.
//!
//! When mimalloc gives memory that became free back to the system is a trade between memory
//! and CPU:
//!
//! - By default it waits a second, and gives it back only when a later allocation or free
//!   looks: under the 200-person load benchmark the server's allocated memory then grew
//!   without end (34 MB to 115 MB in five minutes).
//! - At once (a delay of 0), the largest buffer of a page (the page's text, 32–64 KiB) often
//!   empties its allocator page when the response is sent; the page is given back and the
//!   next request faults it in again, with a TLB shootdown on every core: 15–20% more CPU
//!   for the ticket list at one connection.
//!
//! [`give_back_soon`] waits [`PURGE_DELAY_MS`]: memory that the next requests reuse is kept.
//! [`give_back_due`], called every second by the server, gives back all that is free: the
//! delayed purges alone fell behind under load.
//!
//! SQLite, written in C, allocates its page caches with the C library's `malloc`, not through
//! Rust's allocator. Each connection empties its cache after another one writes and fills it
//! again, from whichever thread runs it; with glibc's default of one arena per thread (up to
//! eight per core), the freed pages stay spread over a dozen arenas (50 MB under the load
//! benchmark when the database was read without its memory map). On glibc,
//! [`give_back_soon`] allows two arenas, and [`give_back_due`] trims them.
//!
//! ```text
//! #[global_allocator]
//! static ALLOCATOR: gestdesk_allocator::Allocator = gestdesk_allocator::Allocator;
//!
//! fn main() {
//!     gestdesk_allocator::give_back_soon();
//! }
//! ```

pub use mimalloc::MiMalloc as Allocator;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e`, `mimalloc.h`; the C
/// library's version is pinned by the lock file, and [`purge_delay`] reads it back in the
/// tests).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long free memory stays with the process before going back to the system, in
/// milliseconds.
pub const PURGE_DELAY_MS: std::ffi::c_long = 50;

/// Gives memory that became free back to the system after [`PURGE_DELAY_MS`], instead of a
/// second later. Call it first thing in `main`; later calls change nothing.
#[allow(unsafe_code)]
pub fn give_back_soon() {
    // SAFETY: `mi_option_set` writes one integer of mimalloc's option table; it takes no
    // pointer and is safe to call from any thread at any time (mimalloc reads options
    // atomically). `PURGE_DELAY` is a valid option index of the bundled mimalloc.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, PURGE_DELAY_MS) }
    glibc::few_arenas();
}

/// Gives back the free memory of every thread, whether or not its delay has passed.
///
/// Left to themselves, mimalloc's delayed purges fell behind under load: with a 50 ms delay
/// and an unforced collection every second, the 200-person benchmark's allocated memory
/// reached 134 MB in two and a half minutes; a forced one every second kept it at 72 MB (64 MB
/// with no delay at all, at the CPU cost above). Once a second, a buffer emptied a moment
/// before goes back early at most once: one page fault.
#[allow(unsafe_code)]
pub fn give_back_due() {
    // SAFETY: `mi_collect` takes no pointer; forced, it frees what the calling thread holds
    // empty and purges every free range of the shared arenas, under mimalloc's own locks, and
    // may be called from any thread at any time.
    unsafe { libmimalloc_sys::mi_collect(true) }
    glibc::trim();
}

/// The C library's allocator, which C code (SQLite) uses.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
mod glibc {
    use std::ffi::c_int;

    /// `M_ARENA_MAX` (`malloc.h`).
    const M_ARENA_MAX: c_int = -8;
    /// Arenas for C allocations: one per core of the machines Gestdesk is meant for.
    const ARENAS: c_int = 2;

    unsafe extern "C" {
        fn mallopt(param: c_int, value: c_int) -> c_int;
        fn malloc_trim(pad: usize) -> c_int;
    }

    pub fn few_arenas() {
        // SAFETY: `mallopt` takes two integers and changes an allocator setting; glibc takes
        // its own lock. Arenas made before the call stay, later threads share these.
        unsafe {
            mallopt(M_ARENA_MAX, ARENAS);
        }
    }

    pub fn trim() {
        // SAFETY: `malloc_trim` takes an integer; it gives free pages of every arena back to
        // the system under each arena's lock, and may be called from any thread.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// Elsewhere the C library's allocator is left as it is.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod glibc {
    pub fn few_arenas() {}
    pub fn trim() {}
}

/// The purge delay in effect, in milliseconds (a C `long`).
#[allow(unsafe_code)]
pub fn purge_delay() -> std::ffi::c_long {
    // SAFETY: `mi_option_get` reads one integer of mimalloc's option table, as above.
    unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freed_memory_goes_back_after_the_short_delay() {
        // mimalloc's own default, a second, proves that the index is its purge delay.
        assert_eq!(purge_delay(), 1000);
        give_back_soon();
        assert_eq!(purge_delay(), PURGE_DELAY_MS);
        let big: Vec<u8> = vec![7; 1 << 20];
        drop(big);
        give_back_due();
    }
}
