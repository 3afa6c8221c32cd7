//! `GET /statistics`: one filter bar (period, technician, technician group, service,
//! company, agency, type, criticality, priority, category) over every figure; the tickets'
//! tab and, when the asset function is on, the assets'; each figure's chart with its table and
//! export; a printable version (`print=1`). `GET /statistics/export.csv?figure=<key>` writes
//! one figure, or the filtered tickets (`figure=tickets`), as CSV.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::availability::Period;
use crate::domain::rights::names;
use crate::domain::settings::{FUNCTION_ASSETS, FUNCTION_SURVEYS};
use crate::domain::statistics::{self, Choices, Filter, filter::FIELDS};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Lang, msg};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths;
use crate::web::period::{self, Asked};
use crate::web::state::AppState;
use crate::web::ui::form::Select;
use crate::web::ui::layout;
use crate::web::worklist::export::{attachment, head, line, moment};
use crate::web::worklist::query_pairs;

use super::figures::{self, Figure, Unit, shown};

/// Which tab is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Tickets,
    Assets,
}

/// What the address asks.
struct Query {
    tab: Tab,
    asked: Asked,
    filter: Filter,
    print: bool,
    figure: String,
}

fn query(raw: Option<&str>) -> Query {
    let pairs = query_pairs(raw);
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.as_str())
    };
    Query {
        tab: if get("tab") == "assets" {
            Tab::Assets
        } else {
            Tab::Tickets
        },
        asked: period::asked(&pairs),
        filter: Filter::from_pairs(&pairs),
        print: get("print") == "1",
        figure: get("figure").chars().take(40).collect(),
    }
}

/// The address's query for the same period and filter (ids and dates: nothing to encode).
fn link_query(q: &Query, tab: Tab) -> String {
    let mut out = period::query(&q.asked);
    for (name, value) in FIELDS.iter().zip(q.filter.values()) {
        if let Some(v) = value {
            out.push_str(&format!("&{name}={v}"));
        }
    }
    if tab == Tab::Assets {
        out.push_str("&tab=assets");
    }
    out
}

fn options(list: &[(i64, String)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(i, n)| (i.to_string(), n.clone()))
        .collect()
}

/// A filter's field name, label key and entries.
type FilterList<'a> = (&'static str, &'static str, &'a [(i64, String)]);

fn filter_bar(lang: Lang, q: &Query, c: &Choices, errors: &FieldErrors) -> Markup {
    let lists: [FilterList<'_>; 9] = [
        (FIELDS[0], "stat-technician", &c.technicians),
        (FIELDS[1], "stat-tech-group", &c.tech_groups),
        (FIELDS[2], "stat-service", &c.services),
        (FIELDS[3], "stat-company", &c.companies),
        (FIELDS[4], "stat-agency", &c.agencies),
        (FIELDS[5], "stat-type", &c.types),
        (FIELDS[6], "stat-criticality", &c.criticalities),
        (FIELDS[7], "stat-priority", &c.priorities),
        (FIELDS[8], "stat-category", &c.categories),
    ];
    let values = q.filter.values();
    let none = FieldErrors::new();
    html! {
        form.report-bar.stat-bar method="get" action=(paths::STATISTICS) {
            @if q.tab == Tab::Assets { input type="hidden" name="tab" value="assets"; }
            (period::fields(lang, &q.asked, errors))
            @for (i, (name, label, list)) in lists.iter().enumerate() {
                @let opts = options(list);
                @let selected: Vec<String> = values[i].map(|v| v.to_string()).into_iter().collect();
                @if !opts.is_empty() {
                    (Select::one(name, msg(label), &opts, &selected).empty(msg("stat-any")).render(lang, &none))
                }
            }
            button.button type="submit" { (lang.t("calendar-show")) }
        }
    }
}

fn figure_section(lang: Lang, q: &Query, f: &Figure) -> Markup {
    html! {
        section.panel.stat-figure id=(f.key) {
            h2 { (f.title) }
            (figures::render(lang, f, q.print))
            @if !q.print && !f.rows.is_empty() {
                p.no-print {
                    a href=(format!("{}?{}&figure={}", paths::STATISTICS_CSV, link_query(q, q.tab), f.key)) download {
                        (lang.t("stat-export-figure"))
                    }
                }
            }
        }
    }
}

fn summary(lang: Lang, s: &statistics::TicketStats) -> Markup {
    html! {
        dl.stat-summary #stat-summary {
            div { dt { (lang.t("stat-opened")) } dd { (s.opened) } }
            div { dt { (lang.t("stat-closed")) } dd { (s.closed) } }
            div { dt { (lang.t("stat-open-now")) } dd { (s.open_now) } }
            @if let Some(r) = &s.first_response {
                div { dt { (lang.t("stat-first-response-mean")) } dd { (shown(lang, Unit::Seconds, r.mean as f64)) } }
                div { dt { (lang.t("stat-first-response-median")) } dd { (shown(lang, Unit::Seconds, r.median as f64)) } }
            }
        }
    }
}

/// Whether the assets' tab is offered: the asset function is on and the reader may see
/// assets (right `asset`), as the menu's "Assets" needs.
fn assets_shown(authed: &Authed) -> bool {
    authed.visitor.settings.flag(FUNCTION_ASSETS) && authed.actor().has(names::ASSET)
}

/// The figures of the asked tab.
async fn figures_of(
    state: &AppState,
    authed: &Authed,
    q: &Query,
    p: Period,
) -> Result<(Vec<Figure>, Option<statistics::TicketStats>), WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    if q.tab == Tab::Assets && assets_shown(authed) {
        let a = statistics::assets(state.db(), lang, q.filter.service).await?;
        return Ok((figures::assets(lang, &a), None));
    }
    let surveys = visitor.settings.flag(FUNCTION_SURVEYS);
    let s = statistics::tickets(state.db(), lang, p, q.filter.clone(), surveys).await?;
    let by_states = authed.actor().has(names::STAT_TICKET_TIME_BY_STATES);
    Ok((figures::tickets(lang, &s, by_states, surveys), Some(s)))
}

/// `GET /statistics`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let mut q = query(raw.as_deref());
    let assets_on = assets_shown(&authed);
    if !assets_on {
        q.tab = Tab::Tickets;
    }
    let choices = statistics::choices(state.db(), lang).await?;
    let (status, errors, body) = match period::period_of(&q.asked) {
        Ok(p) => {
            let heading = period::heading(lang, &p);
            let (figs, stats) = figures_of(&state, &authed, &q, p).await?;
            let body = html! {
                h2.stat-heading { (heading) }
                @if let Some(s) = &stats {
                    (summary(lang, s))
                    p.hint #stat-how { (lang.t("stat-how")) }
                }
                @if q.tab == Tab::Tickets && !q.print {
                    p.no-print {
                        a.button.button-secondary href=(format!("{}?{}&figure=tickets", paths::STATISTICS_CSV, link_query(&q, q.tab))) download {
                            (lang.t("stat-export-tickets"))
                        }
                        " "
                        a.button.button-secondary href=(format!("{}?{}&print=1", paths::STATISTICS, link_query(&q, q.tab))) {
                            (lang.t("stat-printable"))
                        }
                    }
                }
                @if q.tab == Tab::Assets && !q.print {
                    p.no-print {
                        a.button.button-secondary href=(paths::ASSETS_EXPORT) download { (lang.t("stat-export-assets")) }
                        " "
                        a.button.button-secondary href=(format!("{}?{}&print=1", paths::STATISTICS, link_query(&q, q.tab))) {
                            (lang.t("stat-printable"))
                        }
                    }
                }
                @for f in &figs { (figure_section(lang, &q, f)) }
            };
            (StatusCode::OK, FieldErrors::new(), body)
        }
        Err(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors, html! {}),
    };
    let title = lang.t("stat-title");
    if q.print && status == StatusCode::OK {
        return Ok(layout::print_page(visitor, &title, body).into_response());
    }
    let content = html! {
        @if assets_on {
            nav.tabs aria-label=(title) {
                a.tab href=(format!("{}?{}", paths::STATISTICS, link_query(&q, Tab::Tickets)))
                    aria-current=[(q.tab == Tab::Tickets).then_some("page")] { (lang.t("stat-tab-tickets")) }
                a.tab href=(format!("{}?{}", paths::STATISTICS, link_query(&q, Tab::Assets)))
                    aria-current=[(q.tab == Tab::Assets).then_some("page")] { (lang.t("stat-tab-assets")) }
            }
        }
        (filter_bar(lang, &q, &choices, &errors))
        (body)
    };
    Ok((status, layout::page(visitor, &title, content)).into_response())
}

/// `GET /statistics/export.csv`: one figure as CSV (its rows, the figures as plain numbers:
/// minutes, seconds, ratings out of 100), or the filtered tickets opened over the period.
pub async fn csv(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let mut q = query(raw.as_deref());
    if !assets_shown(&authed) {
        q.tab = Tab::Tickets;
    }
    let p = period::period_of(&q.asked).map_err(DomainError::Invalid)?;
    let sep = visitor
        .settings
        .raw(crate::domain::settings::CSV_SEPARATOR)
        .to_owned();
    if q.figure == "tickets" {
        let rows = statistics::ticket_rows(state.db(), lang, p, q.filter.clone()).await?;
        let keys = [
            "stat-csv-ticket",
            "stat-csv-title",
            "stat-csv-opened",
            "stat-csv-resolved",
            "stat-state",
            "stat-technician",
            "stat-requester",
            "stat-category",
            "stat-service",
            "stat-priority",
            "stat-criticality",
            "stat-csv-minutes",
        ];
        let mut out = head(lang, &keys, &sep);
        for r in rows {
            out.push_str(&line(
                &[
                    r.id.to_string(),
                    r.title,
                    moment(r.created_at),
                    r.resolved_at.map(moment).unwrap_or_default(),
                    r.state,
                    r.technician,
                    r.requester,
                    r.category,
                    r.service,
                    r.priority,
                    r.criticality,
                    r.time_spent_minutes.to_string(),
                ],
                &sep,
            ));
        }
        return Ok(attachment(out, "statistics-tickets"));
    }
    let (figs, _) = figures_of(&state, &authed, &q, p).await?;
    let f = figs
        .into_iter()
        .find(|f| f.key == q.figure)
        .ok_or(DomainError::NotFound)?;
    let mut names = vec![f.first.clone()];
    names.extend(f.columns.iter().map(|(name, unit)| match unit {
        Unit::Minutes => format!("{name} ({})", lang.t("stat-unit-minutes")),
        Unit::Seconds => format!("{name} ({})", lang.t("stat-unit-seconds")),
        Unit::Count | Unit::Rating => name.clone(),
    }));
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&names, &sep));
    for (label, values) in &f.rows {
        let mut cells = vec![label.clone()];
        cells.extend(values.iter().enumerate().map(|(i, v)| {
            v.map(|x| figures::raw(f.columns.get(i).map_or(Unit::Count, |c| c.1), x))
                .unwrap_or_default()
        }));
        out.push_str(&line(&cells, &sep));
    }
    Ok(attachment(out, &format!("statistics-{}", f.key)))
}
