//! Wall-clock time as stored in the database: whole seconds since the Unix epoch, UTC.

/// The current time in seconds since the Unix epoch.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// The start (local midnight, in the server's time zone) of the day holding `at`.
pub fn day_start(at: i64) -> i64 {
    let tz = jiff::tz::TimeZone::system();
    jiff::Timestamp::from_second(at)
        .ok()
        .and_then(|t| tz.to_datetime(t).date().to_zoned_datetime(tz).ok())
        .map_or(at - at.rem_euclid(86_400), |z| z.timestamp().as_second())
}

/// The start of local day `date` (`YYYY-MM-DD`), if it is a date.
pub fn date_start(date: &str) -> Option<i64> {
    let d: jiff::civil::Date = date.trim().parse().ok()?;
    d.to_zoned_datetime(jiff::tz::TimeZone::system())
        .ok()
        .map(|z| z.timestamp().as_second())
}

/// Local day `at` falls on, as `YYYY-MM-DD`.
pub fn date_text(at: i64) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| {
            jiff::tz::TimeZone::system()
                .to_datetime(t)
                .date()
                .to_string()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_start_at_local_midnight() {
        let start = day_start(1_767_300_000);
        assert!(start <= 1_767_300_000 && 1_767_300_000 - start < 86_400);
        assert_eq!(day_start(start), start);
        assert_eq!(date_start(&date_text(start)), Some(start));
        assert_eq!(date_start("not a date"), None);
    }
}
