//! How the calendar looks: the bar that changes the period, the view and the technician; the
//! week and day grid (whole days on top, then one row per working hour, with rows before and
//! after only when something falls there); the month as whole weeks (a list of days on a phone);
//! and each entry with its time, ticket, technician, state colour and conflict mark, and the
//! plain form that moves it (which the page script also fills after a drag).

use jiff::civil::Date;
use maud::{Markup, html};

use crate::domain::calendar::period::{date_of, day_start};
use crate::domain::calendar::{CalendarPage, Entry, EntryKind, Shown, View};
use crate::i18n::{Lang, format_date, format_span, format_time};
use crate::web::paths::{self, fill};
use crate::web::ui::form::csrf_field;
use crate::web::ui::icons;
use crate::web::visitor::Visitor;

/// The calendar's address for `view` around `date` showing `tech` (`all` or a user id), with
/// the intervention just moved.
pub fn address(
    view: &str,
    date: &str,
    tech: &str,
    moved: Option<crate::domain::ids::InterventionId>,
) -> String {
    let view = View::from_code(view).code();
    let date: String = date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .take(10)
        .collect();
    let tech: String = tech
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(20)
        .collect();
    let mut out = format!("{}?view={view}", paths::CALENDAR);
    if !date.is_empty() {
        out.push_str(&format!("&date={date}"));
    }
    if !tech.is_empty() {
        out.push_str(&format!("&tech={tech}"));
    }
    if let Some(id) = moved {
        out.push_str(&format!("&moved={id}"));
    }
    out
}

/// A move the calendar refused, shown on the entry's form.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub id: crate::domain::ids::InterventionId,
    pub date: String,
    pub time: String,
    pub message: crate::i18n::Msg,
}

/// A colour from the database, used in a style only when it is a plain `#rgb` / `#rrggbb`.
fn safe_color(color: &str) -> Option<&str> {
    let hex = color.strip_prefix('#')?;
    (matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())).then_some(color)
}

fn weekday_name(lang: Lang, date: Date) -> String {
    crate::i18n::weekday_name(lang, date.weekday())
}

fn month_name(lang: Lang, date: Date) -> String {
    crate::i18n::month_name(lang, date.month())
}

fn view_label(view: View) -> &'static str {
    match view {
        View::Day => "calendar-view-day",
        View::Week => "calendar-view-week",
        View::Month => "calendar-view-month",
    }
}

/// The title of the period shown.
pub fn heading(lang: Lang, page: &CalendarPage) -> String {
    let p = &page.period;
    match p.view {
        View::Day => format!(
            "{} {}",
            weekday_name(lang, p.anchor),
            format_date(lang, p.from)
        ),
        View::Week => format!(
            "{} – {}",
            format_date(lang, p.from),
            format_date(lang, p.to - 1)
        ),
        View::Month => format!("{} {}", month_name(lang, p.anchor), p.anchor.year()),
    }
}

/// The bar above the calendar.
fn toolbar(lang: Lang, page: &CalendarPage) -> Markup {
    let p = &page.period;
    let tech = page.shown.code();
    let view = p.view.code();
    let today = date_of(crate::domain::clock::now()).to_string();
    html! {
        div.calendar-bar {
            nav.calendar-steps aria-label=(lang.t("calendar-steps")) {
                a.button.button-secondary href=(address(view, &p.previous.to_string(), &tech, None)) rel="prev" {
                    "‹ " (lang.t("calendar-previous"))
                }
                a.button.button-secondary href=(address(view, &today, &tech, None)) { (lang.t("calendar-today")) }
                a.button.button-secondary href=(address(view, &p.next.to_string(), &tech, None)) rel="next" {
                    (lang.t("calendar-next")) " ›"
                }
            }
            nav.calendar-views aria-label=(lang.t("calendar-views")) {
                @for v in View::ALL {
                    a.button.button-secondary[v != p.view] href=(address(v.code(), &p.anchor.to_string(), &tech, None))
                        aria-current=[(v == p.view).then_some("page")] {
                        (lang.t(view_label(v)))
                    }
                }
            }
            form.calendar-pick method="get" action=(paths::CALENDAR) {
                input type="hidden" name="view" value=(view);
                div.field {
                    label for="f-cal-tech" { (lang.t("calendar-technician")) }
                    select #f-cal-tech name="tech" {
                        option value="all" selected[page.shown == Shown::All] { (lang.t("calendar-all-technicians")) }
                        @for t in &page.technicians {
                            option value=(t.id) selected[page.shown == Shown::One(t.id)] { (t.name) }
                        }
                    }
                }
                div.field {
                    label for="f-cal-date" { (lang.t("calendar-date")) }
                    input #f-cal-date type="date" name="date" value=(p.anchor.to_string());
                }
                button.button type="submit" { (lang.t("calendar-show")) }
            }
        }
    }
}

/// Whether `e` is drawn as a whole-days bar rather than at its hour.
fn spans_days(e: &Entry) -> bool {
    matches!(e.kind, EntryKind::Intervention { all_day: true, .. })
        || date_of(e.starts_at) != date_of(e.ends_at - 1)
}

/// Whether `e` covers day `d` (from its local start `from` to the next midnight `to`).
fn covers(e: &Entry, from: i64, to: i64) -> bool {
    e.starts_at < to && e.ends_at > from
}

struct Ctx<'a> {
    visitor: &'a Visitor,
    page: &'a CalendarPage,
    refusal: Option<&'a Refusal>,
}

/// One entry.
fn entry(ctx: &Ctx<'_>, e: &Entry, compact: bool) -> Markup {
    let lang = ctx.visitor.lang;
    let page = ctx.page;
    let color = safe_color(&e.state_color).unwrap_or("#888888");
    let tech_color = format!("hsl({} 60% 42%)", (e.technician_id * 47).rem_euclid(360));
    let style = if page.tech_colors {
        format!("--entry-color:{color};--tech-color:{tech_color}")
    } else {
        format!("--entry-color:{color}")
    };
    let (intervention, version, all_day) = match e.kind {
        EntryKind::Intervention {
            id,
            version,
            all_day,
        } => (Some(id), version, all_day),
        EntryKind::Reminder { .. } => (None, 0, false),
    };
    let movable = page.may_move && e.title.is_some() && intervention.is_some();
    let when = if all_day || spans_days(e) {
        format_span(lang, e.starts_at, e.ends_at, all_day)
    } else {
        format!(
            "{} – {}",
            format_time(lang, e.starts_at),
            format_time(lang, e.ends_at)
        )
    };
    let refused = ctx.refusal.filter(|r| Some(r.id) == intervention);
    html! {
        div.cal-entry.cal-reminder[intervention.is_none()].cal-conflict[e.conflict]
            style=(style) data-intervention=[intervention] draggable=[movable.then_some("true")] {
            span.cal-time {
                @if intervention.is_none() { (icons::icon(icons::BELL)) " " }
                (when)
            }
            " "
            @match &e.title {
                Some(title) => a.cal-title href=(fill(paths::TICKET, &[&e.ticket_id])) title=(e.state) { "#" (e.ticket_id) " " (title) },
                None => span.cal-title.muted { (lang.t("calendar-busy")) },
            }
            @if page.shown == Shown::All || compact {
                " " span.cal-tech { (e.technician) }
            }
            @if e.conflict {
                " " span.cal-conflict-mark title=(lang.t("calendar-conflict-mark")) {
                    (icons::icon(icons::WARNING)) span.visually-hidden { (lang.t("calendar-conflict-mark")) }
                }
            }
            @if !compact && !e.note.is_empty() {
                span.cal-note { (e.note) }
            }
            @if let (true, Some(id)) = (movable, intervention) {
                details.cal-move open[refused.is_some()] {
                    summary { (lang.t("calendar-move")) }
                    form method="post" action=(fill(paths::INTERVENTION_MOVE, &[&id])) novalidate {
                        (csrf_field(ctx.visitor))
                        input type="hidden" name="version" value=(version);
                        input type="hidden" name="view" value=(page.period.view.code());
                        input type="hidden" name="tech" value=(page.shown.code());
                        input type="hidden" name="date" value=(page.period.anchor.to_string());
                        @if let Some(r) = refused {
                            p.field-error role="alert" { (r.message.render(lang)) }
                        }
                        @let date = refused.map_or_else(|| date_of(e.starts_at).to_string(), |r| r.date.clone());
                        // The form's own format (HH:MM), whatever the reader's language.
                        @let time = refused.map_or_else(
                            || crate::domain::calendar::Draft::of(0, e.starts_at, e.ends_at, false, "").start_time,
                            |r| r.time.clone(),
                        );
                        label { (lang.t("calendar-start-date")) " " input type="date" name="start_date" value=(date) required; }
                        @if !all_day {
                            label { (lang.t("calendar-start-time")) " " input type="time" name="start_time" value=(time) required; }
                        }
                        label {
                            (lang.t("calendar-technician")) " "
                            select name="technician" {
                                @for t in &page.technicians {
                                    option value=(t.id) selected[t.id == e.technician_id] { (t.name) }
                                }
                            }
                        }
                        button.button type="submit" { (lang.t("calendar-move")) }
                    }
                }
            }
        }
    }
}

/// The week or day grid.
fn grid(ctx: &Ctx<'_>) -> Markup {
    let lang = ctx.visitor.lang;
    let page = ctx.page;
    let days: Vec<(Date, i64, i64)> = page
        .period
        .days
        .iter()
        .map(|d| {
            let from = day_start(*d);
            let to = d.tomorrow().map_or(from + 86_400, day_start);
            (*d, from, to)
        })
        .collect();
    let (first, last) = page.hours;
    let hour_of = |e: &Entry| -> i8 {
        jiff::Timestamp::from_second(e.starts_at)
            .map(|t| jiff::tz::TimeZone::system().to_datetime(t).hour())
            .unwrap_or(0)
    };
    let timed = |from: i64, to: i64| {
        page.entries
            .iter()
            .filter(move |e| !spans_days(e) && e.starts_at >= from && e.starts_at < to)
    };
    let before = days
        .iter()
        .any(|(_, f, t)| timed(*f, *t).any(|e| hour_of(e) < first));
    let after = days
        .iter()
        .any(|(_, f, t)| timed(*f, *t).any(|e| hour_of(e) >= last));
    let today = date_of(crate::domain::clock::now());
    // Each row: its label, its hour (a drop target), and the first hour and the hour after the
    // last it holds.
    let mut rows: Vec<(String, Option<i8>, (i8, i8))> = Vec::new();
    if before {
        rows.push((lang.t("calendar-earlier"), None, (0, first)));
    }
    for h in first..last {
        rows.push((format!("{h:02}:00"), Some(h), (h, h + 1)));
    }
    if after {
        rows.push((lang.t("calendar-later"), None, (last, 24)));
    }
    html! {
        div.calendar-scroll {
            table.calendar-grid.calendar-days[page.period.view == View::Day] {
                caption.visually-hidden { (heading(lang, page)) }
                thead {
                    tr {
                        th scope="col" { span.visually-hidden { (lang.t("calendar-hour")) } }
                        @for (d, from, _) in &days {
                            th scope="col" aria-current=[(*d == today).then_some("date")] {
                                a href=(address("day", &d.to_string(), &page.shown.code(), None)) {
                                    (weekday_name(lang, *d)) " " (format_date(lang, *from))
                                }
                            }
                        }
                    }
                }
                tbody {
                    tr.cal-all-day {
                        th scope="row" { (lang.t("calendar-all-day")) }
                        @for (d, from, to) in &days {
                            td data-date=(d.to_string()) {
                                @for e in page.entries.iter().filter(|e| spans_days(e) && covers(e, *from, *to)) {
                                    (entry(ctx, e, false))
                                }
                            }
                        }
                    }
                    @for (label, hour, (low, high)) in &rows {
                        tr {
                            th scope="row" { (label) }
                            @for (d, from, to) in &days {
                                td data-date=(d.to_string()) data-time=[hour.map(|h| format!("{h:02}:00"))] {
                                    @for e in timed(*from, *to).filter(|e| (*low..*high).contains(&hour_of(e))) {
                                        (entry(ctx, e, false))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The month as whole weeks.
fn month(ctx: &Ctx<'_>) -> Markup {
    let lang = ctx.visitor.lang;
    let page = ctx.page;
    let today = date_of(crate::domain::clock::now());
    let weeks: Vec<&[Date]> = page.period.days.chunks(7).collect();
    html! {
        table.calendar-grid.calendar-month {
            caption.visually-hidden { (heading(lang, page)) }
            thead {
                tr {
                    @for d in weeks.first().copied().unwrap_or(&[]) {
                        th scope="col" { (weekday_name(lang, *d)) }
                    }
                }
            }
            tbody {
                @for week in &weeks {
                    tr {
                        @for d in *week {
                            @let from = day_start(*d);
                            @let to = d.tomorrow().map_or(from + 86_400, day_start);
                            @let here: Vec<&Entry> = page.entries.iter().filter(|e| covers(e, from, to)).collect();
                            td.other-month[!page.period.in_month(*d)].empty[here.is_empty()]
                                aria-current=[(*d == today).then_some("date")] data-date=(d.to_string()) {
                                a.cal-day href=(address("day", &d.to_string(), &page.shown.code(), None)) {
                                    span.cal-day-name { (weekday_name(lang, *d)) " " }
                                    (d.day())
                                    span.cal-day-month { " " (month_name(lang, *d)) }
                                }
                                @for e in here {
                                    (entry(ctx, e, true))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The whole calendar: its bar, the conflicts of the intervention just moved, and the grid.
pub fn calendar(visitor: &Visitor, page: &CalendarPage, refusal: Option<&Refusal>) -> Markup {
    let lang = visitor.lang;
    let ctx = Ctx {
        visitor,
        page,
        refusal,
    };
    html! {
        (toolbar(lang, page))
        h2.calendar-heading { (heading(lang, page)) }
        @if let Some(r) = refusal {
            div.alert.alert-error role="alert" { (r.message.render(lang)) }
        }
        @if let Some((_, conflicts)) = &page.moved {
            (super::interventions::conflicts(lang, conflicts))
        }
        div.calendar.tech-colored[page.tech_colors] data-movable[page.may_move] {
            @match page.period.view {
                View::Month => (month(&ctx)),
                View::Day | View::Week => (grid(&ctx)),
            }
        }
        @if page.entries.is_empty() {
            p.muted { (lang.t("calendar-empty")) }
        }
    }
}
