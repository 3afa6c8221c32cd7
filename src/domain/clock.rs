//! Wall-clock time as stored in the database: whole seconds since the Unix epoch, UTC.

/// The current time in seconds since the Unix epoch.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}
