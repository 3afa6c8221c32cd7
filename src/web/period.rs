//! The period a report covers, as its address asks it (`period` = month, quarter, year, the
//! 30 days or 12 months up to `date`, or custom from `from` to `to`; `date` within it), with
//! the fields that choose it. Shared by
//! the availability report, the survey answers and the statistics.

use maud::{Markup, html};

use crate::domain::FieldErrors;
use crate::domain::availability::{Period, PeriodKind};
use crate::domain::calendar::period::date_of;
use crate::domain::clock;
use crate::i18n::{Lang, format_date, month_name};

/// The period asked in the address, and what was typed for a custom one.
#[derive(Debug, Clone)]
pub struct Asked {
    pub kind: PeriodKind,
    pub date: String,
    pub from: String,
    pub to: String,
}

/// The period fields of the query `pairs`.
pub fn asked(pairs: &[(String, String)]) -> Asked {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map_or(String::new(), |(_, v)| v.chars().take(20).collect())
    };
    Asked {
        kind: PeriodKind::from_code(&get("period")),
        date: get("date"),
        from: get("from"),
        to: get("to"),
    }
}

/// The period `a` asks for (the one holding today by default).
pub fn period_of(a: &Asked) -> Result<Period, FieldErrors> {
    let anchor = a.date.parse().unwrap_or_else(|_| date_of(clock::now()));
    Period::of(a.kind, anchor, &a.from, &a.to)
}

/// `p` in words: "June 2025", "Q2 2025", "2025", or its first and last days.
pub fn heading(lang: Lang, p: &Period) -> String {
    match p.kind {
        PeriodKind::Month => format!("{} {}", month_name(lang, p.first.month()), p.first.year()),
        PeriodKind::Quarter => lang.t_args(
            "availability-quarter",
            &[
                ("quarter", &((p.first.month() - 1) / 3 + 1).to_string()),
                ("year", &p.first.year().to_string()),
            ],
        ),
        PeriodKind::Year => p.first.year().to_string(),
        PeriodKind::Last30Days | PeriodKind::Last12Months | PeriodKind::Custom => {
            let (from, to) = p.bounds();
            format!(
                "{} – {}",
                format_date(lang, from),
                format_date(lang, to - 1)
            )
        }
    }
}

/// The fields that choose the period (to sit in a `GET` form).
pub fn fields(lang: Lang, a: &Asked, errors: &FieldErrors) -> Markup {
    let error = |f: &str| errors.get(f).map(|m| m.render(lang));
    html! {
        div.field {
            label for="f-period" { (lang.t("availability-period")) }
            select #f-period name="period" {
                @for k in PeriodKind::ALL {
                    option value=(k.code()) selected[k == a.kind] {
                        (lang.t(match k {
                            PeriodKind::Month => "availability-period-month",
                            PeriodKind::Quarter => "availability-period-quarter",
                            PeriodKind::Year => "availability-period-year",
                            PeriodKind::Last30Days => "availability-period-30-days",
                            PeriodKind::Last12Months => "availability-period-12-months",
                            PeriodKind::Custom => "availability-period-custom",
                        }))
                    }
                }
            }
        }
        div.field {
            label for="f-date" { (lang.t("availability-within")) }
            input #f-date type="date" name="date" value=(a.date);
        }
        div.field.has-error[error("from").is_some()] {
            label for="f-from" { (lang.t("availability-from")) }
            input #f-from type="date" name="from" value=(a.from) aria-invalid=[error("from").map(|_| "true")];
            @if let Some(m) = error("from") { p.field-error { (m) } }
        }
        div.field.has-error[error("to").is_some()] {
            label for="f-to" { (lang.t("availability-to")) }
            input #f-to type="date" name="to" value=(a.to) aria-invalid=[error("to").map(|_| "true")];
            @if let Some(m) = error("to") { p.field-error { (m) } }
        }
    }
}

/// A bar that chooses the period of the report at `action`.
pub fn bar(lang: Lang, action: &str, a: &Asked, errors: &FieldErrors) -> Markup {
    html! {
        form.availability-bar.report-bar method="get" action=(action) {
            (fields(lang, a, errors))
            button.button type="submit" { (lang.t("calendar-show")) }
        }
    }
}

/// `a` as query pairs for a link (dates only: digits and dashes, nothing to encode).
pub fn query(a: &Asked) -> String {
    let enc = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_digit() || *c == '-')
            .collect()
    };
    format!(
        "period={}&date={}&from={}&to={}",
        a.kind.code(),
        enc(&a.date),
        enc(&a.from),
        enc(&a.to)
    )
}
