//! Ticket limits: a number of tickets per user, or per company, over a period from a start date
//! (when those settings are on); and hour limits: hours of work per company over a period,
//! counted from the time spent on its members' tickets opened in it (`company_limit_hour`).
//! The menu shows what is left; a requester's new tickets stop at zero.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::settings::{self, Settings};

/// A limit that applies now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Remaining {
    pub max: i64,
    pub used: i64,
}

impl Remaining {
    /// How many tickets may still be opened.
    pub fn left(&self) -> i64 {
        (self.max - self.used).max(0)
    }
}

/// The `[start, end)` window of a limit, in seconds; `end` is open when `days` is 0.
/// The period a limit of `max` tickets counts over, when the limit is set and `now` is in it.
fn window(max: i64, start: Option<&str>, days: i64, now: i64) -> Option<(i64, Option<i64>)> {
    if max <= 0 {
        return None;
    }
    let date: Date = start?.parse().ok()?;
    let from = date
        .to_zoned_datetime(TimeZone::system())
        .ok()?
        .timestamp()
        .as_second();
    let to = (days > 0).then(|| from + days * 86_400);
    (now >= from && to.is_none_or(|t| now < t)).then_some((from, to))
}

fn count(
    conn: &Connection,
    sql: &str,
    id: i64,
    from: i64,
    to: Option<i64>,
) -> rusqlite::Result<i64> {
    conn.query_row(sql, params![id, from, to.unwrap_or(i64::MAX)], |r| r.get(0))
}

/// The tighter of the user's and the company's limits for `user` at `now`, if any applies.
pub fn remaining(
    conn: &Connection,
    user: i64,
    s: &Settings,
    now: i64,
) -> rusqlite::Result<Option<Remaining>> {
    let mut found: Option<Remaining> = None;
    let mut consider = |r: Remaining| {
        if found.is_none_or(|f| r.left() < f.left()) {
            found = Some(r);
        }
    };
    let row: Option<(i64, i64, Option<String>, Option<i64>)> = conn
        .query_row(
            "SELECT limit_ticket_number, limit_ticket_days, limit_ticket_date_start, company_id
             FROM users WHERE id = ?1",
            [user],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((max, days, start, company)) = row else {
        return Ok(None);
    };
    if s.flag(settings::USER_LIMIT_TICKET)
        && let Some((from, to)) = window(max, start.as_deref(), days, now)
    {
        let used = count(
            conn,
            "SELECT count(*) FROM tickets WHERE requester_id = ?1 AND deleted = 0 AND created_at >= ?2 AND created_at < ?3",
            user,
            from,
            to,
        )?;
        consider(Remaining { max, used });
    }
    if s.flag(settings::COMPANY_LIMIT_TICKET)
        && let Some(company) = company
    {
        let limit: Option<(i64, i64, Option<String>)> = conn
            .query_row(
                "SELECT limit_ticket_number, limit_ticket_days, limit_ticket_date_start FROM companies WHERE id = ?1",
                [company],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if let Some((max, days, start)) = limit
            && let Some((from, to)) = window(max, start.as_deref(), days, now)
        {
            let used = count(
                conn,
                "SELECT count(*) FROM tickets t JOIN users u ON u.id = t.requester_id
                 WHERE u.company_id = ?1 AND t.deleted = 0 AND t.created_at >= ?2 AND t.created_at < ?3",
                company,
                from,
                to,
            )?;
            consider(Remaining { max, used });
        }
    }
    Ok(found)
}

/// An hour limit that applies now, in minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursLeft {
    pub company: String,
    pub max_minutes: i64,
    pub used_minutes: i64,
}

impl HoursLeft {
    /// Minutes of work left in the period.
    pub fn left_minutes(&self) -> i64 {
        (self.max_minutes - self.used_minutes).max(0)
    }

    /// Hours left (pages write them with `i18n::format_decimal`).
    pub fn left_hours(&self) -> f64 {
        // Minutes of a period's limit fit an f64 exactly.
        #[allow(clippy::cast_precision_loss)]
        let minutes = self.left_minutes() as f64;
        minutes / 60.0
    }
}

/// The hour limit of `user`'s company at `now`, when the setting is on and one applies: the
/// time spent on the tickets its members opened in the period, against its hours.
pub fn hours_remaining(
    conn: &Connection,
    user: i64,
    s: &Settings,
    now: i64,
) -> rusqlite::Result<Option<HoursLeft>> {
    if !s.flag(settings::COMPANY_LIMIT_HOUR) {
        return Ok(None);
    }
    let limit: Option<(i64, String, i64, i64, Option<String>)> = conn
        .query_row(
            "SELECT c.id, c.name, c.limit_hour_number, c.limit_hour_days, c.limit_hour_date_start
             FROM users u JOIN companies c ON c.id = u.company_id
             WHERE u.id = ?1 AND c.disabled = 0",
            [user],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((company, name, hours, days, start)) = limit else {
        return Ok(None);
    };
    let Some((from, to)) = window(hours, start.as_deref(), days, now) else {
        return Ok(None);
    };
    let used = count(
        conn,
        "SELECT COALESCE(sum(t.time_spent_minutes), 0) FROM tickets t JOIN users u ON u.id = t.requester_id
         WHERE u.company_id = ?1 AND t.deleted = 0 AND t.created_at >= ?2 AND t.created_at < ?3",
        company,
        from,
        to,
    )?;
    Ok(Some(HoursLeft {
        company: name,
        max_minutes: hours * 60,
        used_minutes: used,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_start_at_local_midnight_and_may_stay_open() {
        let now = 1_767_300_000; // 2026-01-01 20:40 UTC
        let (from, to) = window(5, Some("2026-01-01"), 30, now).expect("window");
        assert_eq!(to, Some(from + 30 * 86_400));
        assert_eq!(
            window(5, Some("2026-01-01"), 0, now).map(|w| w.1),
            Some(None)
        );
        assert!(
            window(0, Some("2026-01-01"), 30, now).is_none(),
            "no limit set"
        );
        assert!(
            window(5, Some("2026-01-01"), 30, now + 40 * 86_400).is_none(),
            "period over"
        );
        assert!(
            window(5, Some("2026-03-01"), 30, now).is_none(),
            "not started"
        );
        assert!(window(5, None, 30, now).is_none());
        assert!(window(5, Some("garbage"), 30, now).is_none());
        assert_eq!(Remaining { max: 3, used: 5 }.left(), 0);
    }

    #[test]
    fn hours_left_never_go_below_zero() {
        let left = |max_minutes, used_minutes| HoursLeft {
            company: String::new(),
            max_minutes,
            used_minutes,
        };
        assert!((left(600, 90).left_hours() - 8.5).abs() < f64::EPSILON);
        assert!((left(600, 0).left_hours() - 10.0).abs() < f64::EPSILON);
        assert_eq!(left(60, 200).left_minutes(), 0);
        assert!(left(60, 200).left_hours().abs() < f64::EPSILON);
    }
}
