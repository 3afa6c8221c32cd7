//! Which days a calendar view covers: a day, the week holding it (from the first day of the week
//! the settings choose), or the whole weeks that hold its month; with the local times they start
//! and end at, and the days before and after.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;

/// How much of the calendar a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Day,
    Week,
    Month,
}

impl View {
    /// Every view, in the order offered.
    pub const ALL: [View; 3] = [View::Day, View::Week, View::Month];

    /// The code in addresses.
    pub fn code(self) -> &'static str {
        match self {
            View::Day => "day",
            View::Week => "week",
            View::Month => "month",
        }
    }

    /// Reads an address's code; the week for anything else.
    pub fn from_code(code: &str) -> View {
        View::ALL
            .into_iter()
            .find(|v| v.code() == code)
            .unwrap_or(View::Week)
    }
}

/// The first day of the week (the `planning_week_start` setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekStart {
    Monday,
    Sunday,
    Saturday,
}

impl WeekStart {
    /// The setting's values with their translation keys.
    pub const CHOICES: &'static [(&'static str, &'static str)] = &[
        ("monday", "calendar-week-start-monday"),
        ("sunday", "calendar-week-start-sunday"),
        ("saturday", "calendar-week-start-saturday"),
    ];

    /// Reads the setting's value; Monday for anything else.
    pub fn from_code(code: &str) -> WeekStart {
        match code {
            "sunday" => WeekStart::Sunday,
            "saturday" => WeekStart::Saturday,
            _ => WeekStart::Monday,
        }
    }

    fn weekday(self) -> Weekday {
        match self {
            WeekStart::Monday => Weekday::Monday,
            WeekStart::Sunday => Weekday::Sunday,
            WeekStart::Saturday => Weekday::Saturday,
        }
    }
}

/// The days one view covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub view: View,
    /// The day asked for.
    pub anchor: Date,
    /// Every day shown, in order (whole weeks for a month).
    pub days: Vec<Date>,
    /// The local start of the first day and of the day after the last, in Unix seconds.
    pub from: i64,
    pub to: i64,
    /// The day the previous and the next page show.
    pub previous: Date,
    pub next: Date,
}

/// The start of local day `date` in Unix seconds (the day's first existing moment when a clock
/// change skips midnight).
pub fn day_start(date: Date) -> i64 {
    date.to_zoned_datetime(TimeZone::system())
        .map(|z| z.timestamp().as_second())
        .unwrap_or_else(|_| {
            // Outside the supported range: only reachable with a date the parser refused.
            0
        })
}

/// The local day holding `at`.
pub fn date_of(at: i64) -> Date {
    jiff::Timestamp::from_second(at)
        .map(|t| TimeZone::system().to_datetime(t).date())
        .unwrap_or_default()
}

fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(days.days()).unwrap_or(date)
}

fn week_of(date: Date, start: WeekStart) -> Date {
    let back = i64::from(date.weekday().since(start.weekday()));
    add_days(date, -back)
}

impl Period {
    /// The period of `view` holding `anchor`, weeks starting on `start`.
    pub fn of(view: View, anchor: Date, start: WeekStart) -> Period {
        let (first, count, previous, next) = match view {
            View::Day => (anchor, 1, add_days(anchor, -1), add_days(anchor, 1)),
            View::Week => (
                week_of(anchor, start),
                7,
                add_days(anchor, -7),
                add_days(anchor, 7),
            ),
            View::Month => {
                let first_of_month = anchor.first_of_month();
                let first = week_of(first_of_month, start);
                let last = week_of(anchor.last_of_month(), start);
                let weeks = (last - first).get_days() / 7 + 1;
                let previous = add_days(first_of_month, -1).first_of_month();
                let next = add_days(anchor.last_of_month(), 1);
                (first, i64::from(weeks) * 7, previous, next)
            }
        };
        let days: Vec<Date> = (0..count).map(|i| add_days(first, i)).collect();
        let last = days.last().copied().unwrap_or(first);
        Period {
            view,
            anchor,
            from: day_start(first),
            to: day_start(add_days(last, 1)),
            days,
            previous,
            next,
        }
    }

    /// Whether `date` is in the month asked for (a month view also shows the days around it).
    pub fn in_month(&self, date: Date) -> bool {
        date.year() == self.anchor.year() && date.month() == self.anchor.month()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_week_starts_on_the_chosen_day() {
        // Thursday 10 December 2026.
        let p = Period::of(View::Week, date(2026, 12, 10), WeekStart::Monday);
        assert_eq!(p.days.first(), Some(&date(2026, 12, 7)));
        assert_eq!(p.days.last(), Some(&date(2026, 12, 13)));
        let p = Period::of(View::Week, date(2026, 12, 10), WeekStart::Sunday);
        assert_eq!(p.days.first(), Some(&date(2026, 12, 6)));
        let p = Period::of(View::Week, date(2026, 12, 12), WeekStart::Saturday);
        assert_eq!(p.days.first(), Some(&date(2026, 12, 12)));
        assert_eq!(p.previous, date(2026, 12, 5));
        assert_eq!(p.next, date(2026, 12, 19));
        assert!(p.to > p.from);
    }

    #[test]
    fn a_month_covers_whole_weeks() {
        let p = Period::of(View::Month, date(2026, 2, 14), WeekStart::Monday);
        // February 2026 runs from Sunday 1st to Saturday 28th.
        assert_eq!(p.days.first(), Some(&date(2026, 1, 26)));
        assert_eq!(p.days.last(), Some(&date(2026, 3, 1)));
        assert_eq!(p.days.len() % 7, 0);
        assert_eq!(p.previous, date(2026, 1, 1));
        assert_eq!(p.next, date(2026, 3, 1));
        assert!(p.in_month(date(2026, 2, 1)) && !p.in_month(date(2026, 3, 1)));
    }

    #[test]
    fn a_day_is_one_day() {
        let p = Period::of(View::Day, date(2026, 12, 31), WeekStart::Monday);
        assert_eq!(p.days, vec![date(2026, 12, 31)]);
        assert_eq!(p.next, date(2027, 1, 1));
        assert_eq!(View::from_code("nonsense"), View::Week);
    }
}
