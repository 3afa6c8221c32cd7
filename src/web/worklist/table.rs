//! The ticket table: sortable headers, a filter under each, the rows with their number colour,
//! markers and paperclip (each with a tooltip), and the pages.

use maud::{Markup, html};

use crate::domain::worklist::choices::FilterChoices;
use crate::domain::worklist::columns::{Column, FilterKind};
use crate::domain::worklist::listing::{Badge, ListPage, NumberColour, Row};
use crate::i18n::{Lang, format_date, format_datetime, format_day, format_decimal};
use crate::web::paths::{self, fill};
use crate::web::ui::{icons, nav};

use crate::web::list_query::ListQuery;

/// What the table shows.
pub struct Table<'a> {
    pub lang: Lang,
    pub base: &'a str,
    pub query: &'a ListQuery,
    pub columns: &'a [Column],
    pub page: &'a ListPage,
    pub choices: &'a FilterChoices,
    /// Whether created dates show their hour (`dashboard_col_date_create_hour`).
    pub with_hour: bool,
    /// Whether the "new" marker means "in the period" (activity) rather than "today".
    pub period: bool,
    /// Whether rows can be selected for an action on several tickets.
    pub bulk: bool,
}

fn colour_class(c: NumberColour) -> (&'static str, &'static str) {
    match c {
        NumberColour::Unread => ("num num-unread", "list-num-unread"),
        NumberColour::Unanswered => ("num num-unanswered", "list-num-unanswered"),
        NumberColour::Advanced => ("num num-advanced", "list-num-advanced"),
        NumberColour::Other => ("num num-other", "list-num-other"),
    }
}

fn badge(b: Option<&Badge>) -> Markup {
    html! {
        @if let Some(b) = b {
            span.dot-badge {
                span.dot style=(format!("background:{}", safe_color(&b.color))) {}
                (b.label)
            }
        }
    }
}

/// A `#rrggbb` colour, or grey for anything else (colours come from lists admins edit).
pub(crate) fn safe_color(c: &str) -> &str {
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit());
    if ok { c } else { "#999999" }
}

fn number_cell(t: &Table<'_>, row: &Row) -> Markup {
    let lang = t.lang;
    let (class, tip) = colour_class(row.colour);
    html! {
        td.col-number {
            a class=(class) href=(fill(paths::TICKET, &[&row.id])) title=(lang.t(tip)) { (row.id) }
            @if row.new_in_period {
                span.mark.mark-new title=(lang.t(if t.period { "list-mark-new-period" } else { "list-mark-new" })) {
                    span.visually-hidden { (lang.t(if t.period { "list-mark-new-period" } else { "list-mark-new" })) }
                }
            }
            @if row.overdue {
                span.mark.mark-overdue title=(lang.t("list-mark-overdue")) {
                    (icons::icon(icons::CLOCK))
                    span.visually-hidden { (lang.t("list-mark-overdue")) }
                }
            }
            @if row.hope_missing {
                span.mark.mark-hope-missing title=(lang.t("list-mark-hope-missing")) {
                    (icons::icon(icons::WARNING))
                    span.visually-hidden { (lang.t("list-mark-hope-missing")) }
                }
            }
            @if row.attachments {
                span.mark.mark-attachment title=(lang.t("list-mark-attachment")) {
                    (icons::icon(icons::PAPERCLIP))
                    span.visually-hidden { (lang.t("list-mark-attachment")) }
                }
            }
        }
    }
}

fn text(value: Option<&String>) -> Markup {
    html! { @if let Some(v) = value { (v) } }
}

/// What every cell of a column repeats: its class and its label (shown before the value on a
/// phone), made once per table rather than once per row.
struct Head {
    column: Column,
    class: String,
    label: String,
}

impl Head {
    fn of(lang: Lang, column: Column) -> Head {
        Head {
            column,
            class: format!("col-{}", column.code()),
            label: lang.t(column.label()),
        }
    }
}

fn cell(t: &Table<'_>, row: &Row, head: &Head) -> Markup {
    let lang = t.lang;
    let c = head.column;
    let body = match c {
        Column::Number => return number_cell(t, row),
        Column::Title => html! {
            a.ticket-title href=(fill(paths::TICKET, &[&row.id])) { (row.title) }
        },
        Column::Type => text(row.type_name.as_ref()),
        Column::Technician => text(row.technician.as_ref()),
        Column::Requester => text(row.requester.as_ref()),
        Column::Company => text(row.company.as_ref()),
        Column::Service => text(row.service.as_ref()),
        Column::SenderService => text(row.sender_service.as_ref()),
        Column::TimeSpent => html! {
            @if row.time_spent_minutes > 0 {
                (lang.t_args("bar-hours", &[("hours", &format_decimal(lang, row.time_spent_minutes as f64 / 60.0))]))
            }
        },
        Column::Billable => html! {
            @if row.billable { (lang.t("choice-yes")) }
        },
        Column::Agency => text(row.agency.as_ref()),
        Column::Place => text(row.place.as_ref()),
        Column::Asset => text(row.asset.as_ref()),
        Column::Category => text(row.category.as_ref()),
        Column::Subcategory => text(row.subcategory.as_ref()),
        Column::Created => html! {
            (if t.with_hour { format_datetime(lang, row.created_at) } else { format_date(lang, row.created_at) })
        },
        Column::HopeDate => html! {
            @if let Some(d) = &row.hope_date { (format_day(lang, d)) }
        },
        Column::ResolvedAt => html! {
            @if let Some(at) = row.resolved_at { (format_date(lang, at)) }
        },
        Column::Modified => html! { (format_datetime(lang, row.modified_at)) },
        Column::Priority => badge(row.priority.as_ref()),
        Column::Criticality => badge(row.criticality.as_ref()),
        Column::State => html! {
            (badge(Some(&row.state)))
            @if row.awaiting_validation {
                " " span.validation-mark { (lang.t("validation-mark")) }
            }
        },
    };
    // Values that may be cut on screen keep their whole text on hover.
    let whole = match c {
        Column::Technician => row.technician.as_deref(),
        Column::Requester => row.requester.as_deref(),
        Column::Company => row.company.as_deref(),
        Column::Category => row.category.as_deref(),
        Column::Subcategory => row.subcategory.as_deref(),
        Column::Service => row.service.as_deref(),
        _ => None,
    };
    html! {
        td class=(head.class) data-label=(head.label) title=[whole] {
            @if whole.is_some() { span.cut { (body) } } @else { (body) }
        }
    }
}

fn header(t: &Table<'_>, c: Column) -> Markup {
    let lang = t.lang;
    let sorted = t.query.sort.filter(|(col, _)| *col == c);
    let aria = sorted.map(|(_, desc)| if desc { "descending" } else { "ascending" });
    html! {
        th scope="col" class=(format!("col-{}", c.code())) aria-sort=[aria] {
            a href=(t.query.sorted_by(c).href(t.base)) title=(lang.t("list-sort-by")) {
                (lang.t(c.label()))
                @match sorted {
                    Some((_, true)) => span.sort-mark aria-hidden="true" { " ▼" },
                    Some((_, false)) => span.sort-mark aria-hidden="true" { " ▲" },
                    None => {},
                }
            }
        }
    }
}

fn filter(t: &Table<'_>, c: Column) -> Markup {
    let lang = t.lang;
    let name = format!("f_{}", c.code());
    let id = format!("filter-{}", c.code());
    let value = t.query.filter(c);
    let label = lang.t_args("list-filter-label", &[("column", &lang.t(c.label()))]);
    html! {
        td class=(format!("col-{}", c.code())) data-label=(lang.t(c.label())) {
            label.visually-hidden for=(id) { (label) }
            @match c.filter_kind() {
                FilterKind::Choice(_) => {
                    select id=(id) name=(name) form="list-filters" data-autosubmit {
                        option value="" { (lang.t("list-filter-any")) }
                        @if c != Column::State {
                            option value="none" selected[value == "none"] { (lang.t("choice-none")) }
                        }
                        @for (v, l) in t.choices.get(&c).map(Vec::as_slice).unwrap_or(&[]) {
                            option value=(v) selected[v == value] { (l) }
                        }
                    }
                }
                FilterKind::Day => {
                    input id=(id) type="date" name=(name) value=(value) form="list-filters" data-autosubmit;
                }
                FilterKind::None => {}
                FilterKind::Number => {
                    input id=(id) type="text" inputmode="numeric" name=(name) value=(value) size="5" form="list-filters";
                }
                FilterKind::Text => {
                    input id=(id) type="search" name=(name) value=(value) form="list-filters" placeholder=(lang.t(c.label()));
                }
            }
        }
    }
}

/// The table with its filters and pages.
pub fn render(t: &Table<'_>) -> Markup {
    let lang = t.lang;
    let page = t.page;
    let heads: Vec<Head> = t.columns.iter().map(|c| Head::of(lang, *c)).collect();
    html! {
        @for (column, problem) in &page.problems {
            div.alert.alert-warning role="status" {
                (lang.t_args("list-filter-ignored", &[("column", &lang.t(column.label())), ("problem", &problem.render(lang))]))
            }
        }
        form #list-filters method="get" action=(t.base) {
            @for (k, v) in t.query.kept_fields() {
                input type="hidden" name=(k) value=(v);
            }
            @if !t.query.search.is_empty() {
                input type="hidden" name="q" value=(t.query.search);
            }
            button.visually-hidden type="submit" { (lang.t("list-filter-apply")) }
        }
        div.table-scroll {
            table.data-table.ticket-table {
                caption.visually-hidden { (lang.t("list-caption")) }
                thead {
                    tr {
                        @if t.bulk { (super::bulk::header_select(lang)) }
                        @for c in t.columns { (header(t, *c)) }
                    }
                    tr.filter-row {
                        @if t.bulk { td.col-select {} }
                        @for c in t.columns { (filter(t, *c)) }
                    }
                }
                tbody {
                    @if page.rows.is_empty() {
                        tr { td.empty colspan=(t.columns.len() + usize::from(t.bulk)) { (lang.t("list-empty")) } }
                    }
                    @for row in &page.rows {
                        tr data-ticket=(row.id) {
                            @if t.bulk { (super::bulk::row_select(lang, row.id)) }
                            @for head in &heads { (cell(t, row, head)) }
                        }
                    }
                }
            }
        }
        div.list-footer {
            span.muted {
                @if page.more {
                    (lang.t_args("list-count-more", &[("count", &page.total.to_string())]))
                } @else {
                    (lang.t_args("list-count", &[("count", &page.total.to_string())]))
                }
            }
            (nav::pager(lang, page.page, page.pages, |p| t.query.with_page(p).href(t.base)))
        }
    }
}
