//! The memory allocator of Gestdesk's binaries.
//!
//! A page builds and drops a few thousand small strings (rows, escaped text, translated
//! labels). With the system's allocator, allocating and freeing them took 12–19% of a page's
//! CPU, and more when both cores served at once (threads contending for its arenas). mimalloc
//! keeps that cost per thread.
//!
//! By default mimalloc gives memory that became free back to the system only a second later,
//! and only when the thread that freed it allocates again: under the 200-person load
//! benchmark the server's allocated memory then grew without end (34 MB to 115 MB in five
//! minutes). [`give_back_at_once`] makes it give freed pages back at once; the same load then
//! stays near 70 MB, and the CPU per page is unchanged.
//!
//! ```text
//! #[global_allocator]
//! static ALLOCATOR: gestdesk_allocator::Allocator = gestdesk_allocator::Allocator;
//!
//! fn main() {
//!     gestdesk_allocator::give_back_at_once();
//! }
//! ```

pub use mimalloc::MiMalloc as Allocator;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e`, `mimalloc.h`; the C
/// library's version is pinned by the lock file, and [`purge_delay`] reads it back in the
/// tests).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Gives memory that became free back to the system at once (mimalloc's purge delay 0),
/// instead of a second later. Call it first thing in `main`; later calls change nothing.
#[allow(unsafe_code)]
pub fn give_back_at_once() {
    // SAFETY: `mi_option_set` writes one integer of mimalloc's option table; it takes no
    // pointer and is safe to call from any thread at any time (mimalloc reads options
    // atomically). `PURGE_DELAY` is a valid option index of the bundled mimalloc.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
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
    fn freed_memory_goes_back_at_once() {
        // mimalloc's own default, a second, proves that the index is its purge delay.
        assert_eq!(purge_delay(), 1000);
        give_back_at_once();
        assert_eq!(purge_delay(), 0);
    }
}
