//! The statistics as figures: each with its anchor (also its export's name), title, columns,
//! rows and the chart that draws it. The page and the CSV export are made from the same
//! figures, so that they never disagree.

use maud::{Markup, html};

use crate::domain::statistics::{AssetStats, Bucket, Granularity, Resolution, Share, TicketStats};
use crate::i18n::{Lang, format_date, month_name};
use crate::web::ui::charts;

/// What a column's figures are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    /// Minutes of work, shown as hours.
    Minutes,
    /// A duration in seconds.
    Seconds,
    /// A rating from 0 to 100.
    Rating,
}

/// How a figure is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Draw {
    /// Horizontal bars of the first column.
    Bars,
    /// Lines over time, one per column.
    Lines,
}

/// One figure of the page.
#[derive(Debug, Clone)]
pub struct Figure {
    pub key: &'static str,
    pub title: String,
    pub first: String,
    pub columns: Vec<(String, Unit)>,
    /// Each row's label and its value per column (`None`: nothing to show).
    pub rows: Vec<(String, Vec<Option<f64>>)>,
    pub draw: Draw,
}

/// `seconds` as days and hours, or hours and minutes.
pub fn duration(lang: Lang, seconds: f64) -> String {
    let s = seconds.max(0.0) as i64;
    if s >= 86_400 {
        lang.t_args(
            "stat-duration-days",
            &[
                ("days", &(s / 86_400).to_string()),
                ("hours", &(s % 86_400 / 3_600).to_string()),
            ],
        )
    } else {
        let minutes = (s + 30) / 60;
        format!("{} h {:02}", minutes / 60, minutes % 60)
    }
}

/// A figure as the page shows it.
pub fn shown(lang: Lang, unit: Unit, value: f64) -> String {
    match unit {
        Unit::Count => format!("{value:.0}"),
        Unit::Minutes => duration(lang, value * 60.0),
        Unit::Seconds => duration(lang, value),
        Unit::Rating => match lang {
            Lang::En => format!("{value:.0}%"),
            _ => format!("{value:.0} %"),
        },
    }
}

/// A figure as the export writes it: whole numbers (minutes, seconds), ratings to a tenth.
pub fn raw(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Rating => format!("{value:.1}"),
        _ => format!("{value:.0}"),
    }
}

fn shares(
    lang: Lang,
    key: &'static str,
    title: &str,
    first: &str,
    unit: Unit,
    list: &[Share],
) -> Figure {
    Figure {
        key,
        title: lang.t(title),
        first: lang.t(first),
        columns: vec![(
            lang.t(if unit == Unit::Count {
                "stat-tickets"
            } else {
                "stat-time-spent"
            }),
            unit,
        )],
        rows: list
            .iter()
            .map(|s| (s.label.clone(), vec![Some(s.value)]))
            .collect(),
        draw: Draw::Bars,
    }
}

fn durations(
    lang: Lang,
    key: &'static str,
    title: &str,
    first: &str,
    list: &[Resolution],
) -> Figure {
    Figure {
        key,
        title: lang.t(title),
        first: lang.t(first),
        columns: vec![
            (lang.t("stat-mean"), Unit::Seconds),
            (lang.t("stat-median"), Unit::Seconds),
            (lang.t("stat-tickets"), Unit::Count),
        ],
        rows: list
            .iter()
            .map(|r| {
                (
                    r.label.clone(),
                    vec![
                        Some(r.mean as f64),
                        Some(r.median as f64),
                        Some(r.count as f64),
                    ],
                )
            })
            .collect(),
        draw: Draw::Bars,
    }
}

/// An interval's label: its day, "week of" its first day, or its month.
fn bucket_label(lang: Lang, g: Granularity, b: &Bucket, many_years: bool) -> String {
    let d = crate::domain::calendar::period::date_of(b.start);
    let short: String = month_name(lang, d.month()).chars().take(3).collect();
    match g {
        Granularity::Day | Granularity::Week if many_years => format_date(lang, b.start),
        Granularity::Day | Granularity::Week => format!("{} {short}", d.day()),
        Granularity::Month if many_years => format!("{short} {}", d.year()),
        Granularity::Month => short,
    }
}

fn over_time(
    lang: Lang,
    s: &TicketStats,
    key: &'static str,
    title: &str,
    columns: Vec<(String, Unit)>,
    values: &dyn Fn(&Bucket) -> Vec<Option<f64>>,
) -> Figure {
    let g = s.granularity.unwrap_or(Granularity::Day);
    let years: std::collections::HashSet<i16> = s
        .buckets
        .iter()
        .map(|b| crate::domain::calendar::period::date_of(b.start).year())
        .collect();
    Figure {
        key,
        title: lang.t(title),
        first: lang.t(match g {
            Granularity::Day => "stat-day",
            Granularity::Week => "stat-week",
            Granularity::Month => "stat-month",
        }),
        columns,
        rows: s
            .buckets
            .iter()
            .map(|b| (bucket_label(lang, g, b, years.len() > 1), values(b)))
            .collect(),
        draw: Draw::Lines,
    }
}

/// The tickets' figures, in the page's order; `by_states`: the time per state is shown
/// (right `stat_ticket_time_by_states`); `surveys`: satisfaction is shown.
pub fn tickets(lang: Lang, s: &TicketStats, by_states: bool, surveys: bool) -> Vec<Figure> {
    let count = |k: &str| (lang.t(k), Unit::Count);
    let mut out = vec![
        over_time(
            lang,
            s,
            "over-time",
            "stat-over-time",
            vec![
                count("stat-opened"),
                count("stat-closed"),
                count("stat-advanced"),
            ],
            &|b| {
                vec![
                    Some(b.opened as f64),
                    Some(b.closed as f64),
                    Some(b.advanced as f64),
                ]
            },
        ),
        over_time(
            lang,
            s,
            "replies",
            "stat-replies-over-time",
            vec![count("stat-replies")],
            &|b| vec![Some(b.entries as f64)],
        ),
        shares(
            lang,
            "by-technician",
            "stat-by-technician",
            "stat-technician",
            Unit::Count,
            &s.by_technician,
        ),
        shares(
            lang,
            "by-state",
            "stat-by-state",
            "stat-state",
            Unit::Count,
            &s.by_state,
        ),
        shares(
            lang,
            "by-category",
            "stat-by-category",
            "stat-category",
            Unit::Count,
            &s.by_category,
        ),
        shares(
            lang,
            "by-service",
            "stat-by-service",
            "stat-service",
            Unit::Count,
            &s.by_service,
        ),
        shares(
            lang,
            "by-company",
            "stat-by-company",
            "stat-company",
            Unit::Count,
            &s.by_company,
        ),
        shares(
            lang,
            "workload",
            "stat-workload-by-category",
            "stat-category",
            Unit::Minutes,
            &s.workload_by_category,
        ),
        shares(
            lang,
            "open-now",
            "stat-open-by-technician",
            "stat-technician",
            Unit::Count,
            &s.open_by_technician,
        ),
        durations(
            lang,
            "resolution-technician",
            "stat-resolution-by-technician",
            "stat-technician",
            &s.resolution_by_technician,
        ),
        durations(
            lang,
            "resolution-category",
            "stat-resolution-by-category",
            "stat-category",
            &s.resolution_by_category,
        ),
        shares(
            lang,
            "by-priority",
            "stat-by-priority",
            "stat-priority",
            Unit::Count,
            &s.by_priority,
        ),
        shares(
            lang,
            "by-criticality",
            "stat-by-criticality",
            "stat-criticality",
            Unit::Count,
            &s.by_criticality,
        ),
        shares(
            lang,
            "top-requesters",
            "stat-top-requesters",
            "stat-requester",
            Unit::Count,
            &s.top_requesters,
        ),
        shares(
            lang,
            "top-time",
            "stat-top-time",
            "stat-requester",
            Unit::Minutes,
            &s.top_time,
        ),
        durations(
            lang,
            "first-response",
            "stat-first-response-by-technician",
            "stat-technician",
            &s.first_response_by_technician,
        ),
    ];
    if by_states {
        let mut f = shares(
            lang,
            "time-by-state",
            "stat-time-by-state",
            "stat-state",
            Unit::Seconds,
            &s.time_by_state,
        );
        f.columns = vec![(lang.t("stat-time"), Unit::Seconds)];
        f.rows.push((
            lang.t("stat-total"),
            vec![Some(s.total_time_in_states as f64)],
        ));
        out.push(f);
    }
    if surveys {
        out.push(over_time(
            lang,
            s,
            "satisfaction",
            "stat-satisfaction",
            vec![(lang.t("stat-rating"), Unit::Rating)],
            &|b| vec![b.satisfaction],
        ));
    }
    out
}

/// The assets' figures.
pub fn assets(lang: Lang, a: &AssetStats) -> Vec<Figure> {
    let count = |list: &[Share]| {
        list.iter()
            .map(|s| (s.label.clone(), vec![Some(s.value)]))
            .collect::<Vec<_>>()
    };
    let figure = |key: &'static str, title: &str, first: &str, list: &[Share]| Figure {
        key,
        title: lang.t(title),
        first: lang.t(first),
        columns: vec![(lang.t("stat-assets"), Unit::Count)],
        rows: count(list),
        draw: Draw::Bars,
    };
    let mut warranties: Vec<(String, Vec<Option<f64>>)> = vec![(
        lang.t("stat-warranty-ended"),
        vec![Some(a.warranty_ended as f64)],
    )];
    warranties.extend(a.warranties.iter().map(|w| {
        (
            lang.t_args(
                "availability-quarter",
                &[
                    ("quarter", &w.quarter.to_string()),
                    ("year", &w.year.to_string()),
                ],
            ),
            vec![Some(w.ending as f64)],
        )
    }));
    vec![
        figure(
            "asset-types",
            "stat-asset-by-type",
            "stat-asset-type",
            &a.by_type,
        ),
        figure(
            "asset-models",
            "stat-asset-by-model",
            "stat-asset-model",
            &a.by_model,
        ),
        figure(
            "asset-manufacturers",
            "stat-asset-by-manufacturer",
            "stat-asset-manufacturer",
            &a.by_manufacturer,
        ),
        figure(
            "asset-states",
            "stat-asset-by-state",
            "stat-state",
            &a.by_state,
        ),
        figure(
            "asset-services",
            "stat-asset-by-service",
            "stat-service",
            &a.by_service,
        ),
        Figure {
            key: "warranties",
            title: lang.t("stat-warranties"),
            first: lang.t("stat-quarter"),
            columns: vec![(lang.t("stat-warranties-ending"), Unit::Count)],
            rows: warranties,
            draw: Draw::Bars,
        },
    ]
}

/// How many rows a chart draws; the table holds them all.
const CHART_ROWS: usize = 12;

/// A figure's chart (if it has one) and table; `print`: the tables of charts over time are
/// shown open, as paper cannot unfold them.
pub fn render(lang: Lang, f: &Figure, print: bool) -> Markup {
    let chart = match f.draw {
        Draw::Bars if !f.rows.is_empty() => {
            let unit = f.columns.first().map_or(Unit::Count, |c| c.1);
            let rows: Vec<(String, f64)> = f
                .rows
                .iter()
                .take(CHART_ROWS)
                .map(|(l, v)| (l.clone(), v.first().copied().flatten().unwrap_or(0.0)))
                .collect();
            Some(charts::hbars(&f.title, &rows, &|v| shown(lang, unit, v)))
        }
        Draw::Lines if !f.rows.is_empty() => {
            let unit = f.columns.first().map_or(Unit::Count, |c| c.1);
            let names: Vec<String> = f.columns.iter().map(|c| c.0.clone()).collect();
            let points: Vec<(String, Vec<f64>)> = f
                .rows
                .iter()
                .map(|(l, v)| (l.clone(), v.iter().map(|x| x.unwrap_or(f64::NAN)).collect()))
                .collect();
            Some(charts::lines(&f.title, &names, &points, &|v| {
                shown(lang, unit, v)
            }))
        }
        Draw::Bars | Draw::Lines => None,
    };
    let table = table(lang, f);
    html! {
        @if f.rows.is_empty() {
            p.muted { (lang.t("stat-nothing")) }
        } @else if f.draw == Draw::Lines {
            @if let Some(c) = chart { div.chart-wide { (c) } }
            details.chart-details open[print] {
                summary { (lang.t("stat-figures")) }
                (table)
            }
        } @else {
            div.chart-and-figures {
                @if let Some(c) = chart { (c) }
                (table)
            }
        }
    }
}

/// A figure's table.
fn table(lang: Lang, f: &Figure) -> Markup {
    html! {
                div.table-scroll.chart-figures {
                    table.data-table {
                        caption.visually-hidden { (f.title) }
                        thead { tr {
                            th scope="col" { (f.first) }
                            @for (name, _) in &f.columns { th scope="col" { (name) } }
                        } }
                        tbody {
                            @for (label, values) in &f.rows {
                                tr {
                                    th scope="row" { (label) }
                                    @for (i, v) in values.iter().enumerate() {
                                        td.number { @match v {
                                            Some(x) => (shown(lang, f.columns.get(i).map_or(Unit::Count, |c| c.1), *x)),
                                            None => "—",
                                        } }
                                    }
                                }
                            }
                        }
                    }
                }
    }
}
