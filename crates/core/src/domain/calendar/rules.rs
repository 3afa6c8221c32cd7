//! What an intervention form must hold: a start day and time, an end (the same day when left
//! empty), or whole days; an end after the start, at most [`MAX_DAYS`] later; a note of at most
//! [`NOTE_MAX`] characters. Every mistake is reported on its field at once.

use jiff::ToSpan;
use jiff::civil::{Date, Time};

use super::MAX_DAYS;
use super::period::day_start;
use crate::domain::FieldErrors;
use crate::i18n::msg;

/// The longest note, in characters.
pub const NOTE_MAX: usize = 2000;

/// The intervention form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// The technician's id as typed (empty: the ticket's technician).
    pub technician: String,
    pub start_date: String,
    pub start_time: String,
    pub end_date: String,
    pub end_time: String,
    pub all_day: bool,
    pub note: String,
}

/// A checked intervention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub technician: Option<i64>,
    pub starts_at: i64,
    pub ends_at: i64,
    pub all_day: bool,
    pub note: String,
}

fn date(text: &str) -> Option<Date> {
    text.trim().parse().ok()
}

fn time(text: &str) -> Option<Time> {
    text.trim().parse().ok()
}

fn at(day: Date, t: Time) -> Option<i64> {
    day.to_datetime(t)
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .ok()
        .map(|z| z.timestamp().as_second())
}

impl Draft {
    /// Checks the form; the technician is checked against the database by the use case.
    pub fn check(&self) -> Result<Planned, FieldErrors> {
        let mut errors = FieldErrors::new();
        let technician = match self.technician.trim() {
            "" => None,
            t => match t.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.add("technician", msg("calendar-error-technician"));
                    None
                }
            },
        };
        let start_day = date(&self.start_date);
        if start_day.is_none() {
            errors.add("start_date", msg("error-date"));
        }
        let end_day = if self.end_date.trim().is_empty() {
            start_day
        } else {
            let d = date(&self.end_date);
            if d.is_none() {
                errors.add("end_date", msg("error-date"));
            }
            d
        };
        let note = self.note.trim().replace("\r\n", "\n");
        if note.chars().count() > NOTE_MAX {
            errors.add("note", msg("error-too-long").arg("max", NOTE_MAX));
        }
        if note
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        {
            errors.add("note", msg("error-invalid-characters"));
        }
        let times = if self.all_day {
            match (start_day, end_day) {
                (Some(s), Some(e)) => {
                    Some((day_start(s), day_start(e.checked_add(1.day()).unwrap_or(e))))
                }
                _ => None,
            }
        } else {
            let st = time(&self.start_time);
            if st.is_none() {
                errors.add("start_time", msg("calendar-error-time"));
            }
            let et = time(&self.end_time);
            if et.is_none() {
                errors.add("end_time", msg("calendar-error-time"));
            }
            match (start_day, st, end_day, et) {
                (Some(sd), Some(st), Some(ed), Some(et)) => at(sd, st).zip(at(ed, et)),
                _ => None,
            }
        };
        if let Some((starts_at, ends_at)) = times {
            if ends_at <= starts_at {
                errors.add("end_time", msg("calendar-error-end-before-start"));
            } else if ends_at - starts_at > MAX_DAYS * 86_400 + 3_600 {
                errors.add(
                    "end_date",
                    msg("calendar-error-too-long").arg("days", MAX_DAYS),
                );
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let (starts_at, ends_at) = times.unwrap_or_default();
        Ok(Planned {
            technician,
            starts_at,
            ends_at,
            all_day: self.all_day,
            note,
        })
    }

    /// The form filled from a stored intervention.
    pub fn of(technician: i64, starts_at: i64, ends_at: i64, all_day: bool, note: &str) -> Draft {
        let local = |t: i64| {
            jiff::Timestamp::from_second(t)
                .map(|t| jiff::tz::TimeZone::system().to_datetime(t))
                .unwrap_or_default()
        };
        let (s, e) = (local(starts_at), local(ends_at));
        // An all-day intervention ends at the midnight after its last day.
        let last = if all_day {
            e.date().checked_sub(1.day()).unwrap_or(e.date())
        } else {
            e.date()
        };
        Draft {
            technician: technician.to_string(),
            start_date: s.date().to_string(),
            start_time: s.time().strftime("%H:%M").to_string(),
            end_date: last.to_string(),
            end_time: e.time().strftime("%H:%M").to_string(),
            all_day,
            note: note.to_owned(),
        }
    }

    /// A new form: the next full hour, for an hour, for `technician`.
    pub fn starting(now: i64, technician: Option<i64>) -> Draft {
        let next_hour = now - now.rem_euclid(3600) + 3600;
        let mut d = Draft::of(0, next_hour, next_hour + 3600, false, "");
        d.technician = technician.map(|t| t.to_string()).unwrap_or_default();
        d
    }
}

/// The new start and end of an intervention from `starts_at` to `ends_at` moved to start on
/// `date` (at `time`, unless it takes whole days), keeping its length (its number of days for
/// whole days, whatever the clock changes in between).
pub fn moved(
    date_text: &str,
    time_text: &str,
    starts_at: i64,
    ends_at: i64,
    all_day: bool,
) -> Result<(i64, i64), FieldErrors> {
    let mut errors = FieldErrors::new();
    let Some(day) = date(date_text) else {
        errors.add("start_date", msg("error-date"));
        return Err(errors);
    };
    if all_day {
        let days = ((ends_at - starts_at) as f64 / 86_400.0).round().max(1.0) as i64;
        let last = day.checked_add(days.days()).unwrap_or(day);
        return Ok((day_start(day), day_start(last)));
    }
    let Some(start) = time(time_text).and_then(|t| at(day, t)) else {
        errors.add("start_time", msg("calendar-error-time"));
        return Err(errors);
    };
    Ok((start, start + (ends_at - starts_at)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(sd: &str, st: &str, ed: &str, et: &str) -> Draft {
        Draft {
            start_date: sd.into(),
            start_time: st.into(),
            end_date: ed.into(),
            end_time: et.into(),
            ..Draft::default()
        }
    }

    #[test]
    fn a_move_keeps_the_length() {
        let p = draft("2026-12-08", "09:00", "", "11:30")
            .check()
            .expect("valid");
        let (s, e) = moved("2026-12-10", "14:00", p.starts_at, p.ends_at, false).expect("moved");
        assert_eq!(e - s, p.ends_at - p.starts_at);
        assert_eq!(Draft::of(1, s, e, false, "").start_time, "14:00");
        let (s, e) = moved(
            "2026-12-10",
            "",
            p.starts_at,
            p.starts_at + 2 * 86_400,
            true,
        )
        .expect("moved");
        assert_eq!(Draft::of(1, s, e, true, "").end_date, "2026-12-11");
        assert!(moved("tomorrow", "14:00", 0, 60, false).is_err());
        assert!(moved("2026-12-10", "2pm", 0, 60, false).is_err());
    }

    #[test]
    fn a_plain_intervention_is_checked() {
        let p = draft("2026-12-08", "09:00", "", "11:30")
            .check()
            .expect("valid");
        assert_eq!(p.ends_at - p.starts_at, 2 * 3600 + 1800);
        assert_eq!(p.technician, None);
    }

    #[test]
    fn every_mistake_is_reported_on_its_field() {
        let e = draft("08/12/2026", "9h", "", "")
            .check()
            .expect_err("refused");
        assert!(e.get("start_date").is_some());
        assert!(e.get("start_time").is_some());
        assert!(e.get("end_time").is_some());
        let e = draft("2026-12-08", "11:00", "2026-12-08", "10:00")
            .check()
            .expect_err("refused");
        assert!(e.get("end_time").is_some());
        let e = draft("2026-12-08", "11:00", "2027-03-08", "10:00")
            .check()
            .expect_err("refused");
        assert!(e.get("end_date").is_some());
        let mut d = draft("2026-12-08", "09:00", "", "10:00");
        d.note = "x".repeat(NOTE_MAX + 1);
        d.technician = "tech".into();
        let e = d.check().expect_err("refused");
        assert!(e.get("note").is_some() && e.get("technician").is_some());
    }

    #[test]
    fn whole_days_run_from_midnight_to_the_midnight_after() {
        let mut d = draft("2026-12-08", "", "2026-12-09", "");
        d.all_day = true;
        let p = d.check().expect("valid");
        assert_eq!(p.starts_at, day_start("2026-12-08".parse().expect("date")));
        assert_eq!(p.ends_at, day_start("2026-12-10".parse().expect("date")));
        let back = Draft::of(3, p.starts_at, p.ends_at, true, "n");
        assert_eq!(back.start_date, "2026-12-08");
        assert_eq!(back.end_date, "2026-12-09");
        assert!(back.all_day);
    }
}
