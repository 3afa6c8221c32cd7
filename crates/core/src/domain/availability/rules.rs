//! The arithmetic of availability, apart from any storage: a period (a month, a quarter, a year
//! or two chosen days), the windows of the incidents that hit a service clipped to it, merged
//! where they overlap, and the rate that leaves: the time the service was available over the
//! period (up to now, for a period not over yet).

use jiff::ToSpan;
use jiff::civil::Date;

use crate::domain::calendar::period::day_start;
use crate::domain::{FieldErrors, clock};
use crate::i18n::msg;

/// How a period was chosen: the calendar month, quarter or year holding a day, the 30 days or
/// 12 months up to a day, or two chosen days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
    Last30Days,
    Last12Months,
    Custom,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 6] = [
        PeriodKind::Month,
        PeriodKind::Quarter,
        PeriodKind::Year,
        PeriodKind::Last30Days,
        PeriodKind::Last12Months,
        PeriodKind::Custom,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Year => "year",
            PeriodKind::Last30Days => "30-days",
            PeriodKind::Last12Months => "12-months",
            PeriodKind::Custom => "custom",
        }
    }

    /// Reads an address's code; the year for anything else.
    pub fn from_code(code: &str) -> PeriodKind {
        PeriodKind::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .unwrap_or(PeriodKind::Year)
    }
}

/// The days a figure covers: from the local start of `first` to that of the day after `last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub kind: PeriodKind,
    pub first: Date,
    pub last: Date,
}

impl Period {
    /// The period of `kind` holding `anchor`, or from `first` to `last` for a custom one.
    pub fn of(
        kind: PeriodKind,
        anchor: Date,
        first: &str,
        last: &str,
    ) -> Result<Period, FieldErrors> {
        let (first, last) = match kind {
            PeriodKind::Month => (anchor.first_of_month(), anchor.last_of_month()),
            PeriodKind::Quarter => {
                let month = (anchor.month() - 1) / 3 * 3 + 1;
                let start = Date::new(anchor.year(), month, 1).unwrap_or(anchor);
                let end = start
                    .checked_add(3.months())
                    .and_then(|d| d.checked_sub(1.day()))
                    .unwrap_or(start);
                (start, end)
            }
            PeriodKind::Year => (
                Date::new(anchor.year(), 1, 1).unwrap_or(anchor),
                Date::new(anchor.year(), 12, 31).unwrap_or(anchor),
            ),
            PeriodKind::Last30Days => (anchor.checked_sub(29.days()).unwrap_or(anchor), anchor),
            PeriodKind::Last12Months => (
                anchor
                    .checked_sub(1.year())
                    .and_then(|d| d.tomorrow())
                    .unwrap_or(anchor),
                anchor,
            ),
            PeriodKind::Custom => {
                let mut errors = FieldErrors::new();
                let from: Option<Date> = first.trim().parse().ok();
                let to: Option<Date> = last.trim().parse().ok();
                if from.is_none() {
                    errors.add("from", msg("error-date"));
                }
                if to.is_none() {
                    errors.add("to", msg("error-date"));
                }
                match (from, to) {
                    (Some(f), Some(t)) if t < f => {
                        errors.add("to", msg("availability-error-order"));
                        return Err(errors);
                    }
                    (Some(f), Some(t)) if (t - f).get_days() > 3660 => {
                        errors.add("to", msg("availability-error-too-long"));
                        return Err(errors);
                    }
                    (Some(f), Some(t)) => (f, t),
                    _ => return Err(errors),
                }
            }
        };
        Ok(Period { kind, first, last })
    }

    /// Its start and end in Unix seconds (the end: the start of the day after the last).
    pub fn bounds(&self) -> (i64, i64) {
        let after = self.last.tomorrow().unwrap_or(self.last);
        (day_start(self.first), day_start(after))
    }

    /// Its months, each as a period of its own (cut to this one).
    pub fn months(&self) -> Vec<Period> {
        let mut out = Vec::new();
        let mut start = self.first;
        while start <= self.last && out.len() < 130 {
            let end = start.last_of_month().min(self.last);
            out.push(Period {
                kind: PeriodKind::Month,
                first: start,
                last: end,
            });
            match end.tomorrow() {
                Ok(next) => start = next,
                Err(_) => break,
            }
        }
        out
    }
}

/// One incident's unavailability: from `start` to `end` (`None`: not over), planned or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: i64,
    pub end: Option<i64>,
    pub planned: bool,
}

/// What a service's incidents come to over a period.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    /// The seconds of the period counted (up to now, for a period not over).
    pub counted: i64,
    /// Seconds unavailable (overlaps counted once), and how many of them unplanned.
    pub down: i64,
    pub unplanned: i64,
    /// Incidents that fell in the period.
    pub incidents: usize,
    pub planned_incidents: usize,
}

impl Figures {
    /// Seconds of planned unavailability (those not also unplanned).
    pub fn planned(&self) -> i64 {
        self.down - self.unplanned
    }

    /// The rate in percent (100 for a period not begun).
    pub fn rate(&self) -> f64 {
        if self.counted <= 0 {
            100.0
        } else {
            (self.counted - self.down) as f64 * 100.0 / self.counted as f64
        }
    }
}

/// The total length of the union of `spans` (each `start < end`).
fn union_length(mut spans: Vec<(i64, i64)>) -> i64 {
    spans.sort_unstable();
    let mut total = 0;
    let mut current: Option<(i64, i64)> = None;
    for (s, e) in spans {
        match current {
            Some((cs, ce)) if s <= ce => current = Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs;
                current = Some((s, e));
            }
            None => current = Some((s, e)),
        }
    }
    if let Some((cs, ce)) = current {
        total += ce - cs;
    }
    total
}

/// The figures of `windows` over `from..to`, counted up to `now`.
pub fn figures(windows: &[Window], from: i64, to: i64, now: i64) -> Figures {
    let to = to.min(now);
    let mut out = Figures {
        counted: (to - from).max(0),
        ..Figures::default()
    };
    if out.counted == 0 {
        return out;
    }
    let clip = |w: &Window| {
        let s = w.start.max(from);
        let e = w.end.unwrap_or(now).min(to);
        (s < e).then_some((s, e))
    };
    let mut all = Vec::new();
    let mut unplanned = Vec::new();
    for w in windows {
        if let Some(span) = clip(w) {
            all.push(span);
            out.incidents += 1;
            if w.planned {
                out.planned_incidents += 1;
            } else {
                unplanned.push(span);
            }
        }
    }
    out.down = union_length(all);
    out.unplanned = union_length(unplanned);
    out
}

/// The figures of `windows` over `period`, now.
pub fn over(windows: &[Window], period: &Period) -> Figures {
    let (from, to) = period.bounds();
    figures(windows, from, to, clock::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3600;

    #[test]
    fn rolling_periods_end_on_their_day() {
        let day = jiff::civil::date(2025, 6, 30);
        let p = Period::of(PeriodKind::Last30Days, day, "", "").expect("period");
        assert_eq!((p.first, p.last), (jiff::civil::date(2025, 6, 1), day));
        let p = Period::of(PeriodKind::Last12Months, day, "", "").expect("period");
        assert_eq!((p.first, p.last), (jiff::civil::date(2024, 7, 1), day));
        let leap = jiff::civil::date(2024, 2, 29);
        let p = Period::of(PeriodKind::Last12Months, leap, "", "").expect("period");
        assert_eq!(p.first, jiff::civil::date(2023, 3, 1));
    }

    fn w(start: i64, end: i64, planned: bool) -> Window {
        Window {
            start,
            end: Some(end),
            planned,
        }
    }

    #[test]
    fn overlapping_incidents_count_once_and_the_period_cuts_them() {
        // A 100-hour period; incidents 10-20 and 15-25 (overlap: 15 hours down), a planned one
        // 50-52, one from before the period to hour 2, one running past its end from hour 99.
        let windows = [
            w(10 * H, 20 * H, false),
            w(15 * H, 25 * H, false),
            w(50 * H, 52 * H, true),
            w(-5 * H, 2 * H, false),
            w(99 * H, 130 * H, false),
            w(200 * H, 210 * H, false),
        ];
        let f = figures(&windows, 0, 100 * H, 1_000 * H);
        assert_eq!(f.counted, 100 * H);
        assert_eq!(f.down, (15 + 2 + 2 + 1) * H);
        assert_eq!(f.unplanned, 18 * H);
        assert_eq!(f.planned(), 2 * H);
        assert_eq!((f.incidents, f.planned_incidents), (5, 1));
        assert!((f.rate() - 80.0).abs() < 1e-9);
    }

    #[test]
    fn a_period_not_over_counts_up_to_now_and_an_open_incident_runs_to_now() {
        let open = Window {
            start: 90 * H,
            end: None,
            planned: false,
        };
        let f = figures(&[open], 0, 1_000 * H, 100 * H);
        assert_eq!(f.counted, 100 * H);
        assert_eq!(f.down, 10 * H);
        assert!((f.rate() - 90.0).abs() < 1e-9);
        assert_eq!(figures(&[open], 200 * H, 300 * H, 100 * H).rate(), 100.0);
    }

    #[test]
    fn planned_time_that_is_also_unplanned_counts_as_unplanned() {
        let f = figures(
            &[w(0, 10 * H, true), w(5 * H, 20 * H, false)],
            0,
            100 * H,
            100 * H,
        );
        assert_eq!((f.down, f.unplanned, f.planned()), (20 * H, 15 * H, 5 * H));
    }

    #[test]
    fn periods_are_months_quarters_years_or_chosen_days() {
        let d: Date = "2026-05-17".parse().expect("date");
        let q = Period::of(PeriodKind::Quarter, d, "", "").expect("quarter");
        assert_eq!(
            (q.first.to_string(), q.last.to_string()),
            ("2026-04-01".into(), "2026-06-30".into())
        );
        let y = Period::of(PeriodKind::Year, d, "", "").expect("year");
        assert_eq!(y.months().len(), 12);
        let m = Period::of(PeriodKind::Month, d, "", "").expect("month");
        assert_eq!(m.last.to_string(), "2026-05-31");
        let c = Period::of(PeriodKind::Custom, d, "2026-01-15", "2026-03-02").expect("custom");
        let months = c.months();
        assert_eq!(months.len(), 3);
        assert_eq!(months[0].first.to_string(), "2026-01-15");
        assert_eq!(months[2].last.to_string(), "2026-03-02");
        assert!(Period::of(PeriodKind::Custom, d, "2026-03-02", "2026-01-15").is_err());
        assert!(Period::of(PeriodKind::Custom, d, "yesterday", "").is_err());
    }
}
