//! Times in the API: RFC 3339 in UTC (`2026-12-06T21:10:00Z`), what every JSON client reads.

/// `unix` seconds as RFC 3339 in UTC.
pub fn rfc3339(unix: i64) -> String {
    jiff::Timestamp::from_second(unix)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_rfc3339_in_utc() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(1_796_594_400), "2026-12-06T22:00:00Z");
    }
}
