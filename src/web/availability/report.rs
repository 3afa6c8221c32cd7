//! `GET /availability`: per monitored service, over a month, a quarter, a year or chosen days,
//! the rate against its target (with a mark that does not rely on colour), the downtime
//! planned and unplanned, the incidents, a monthly chart with its figures, and the tickets
//! behind them; `GET /availability/export.csv` the same figures as CSV.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::FieldErrors;
use crate::domain::availability::{self, Condition, Period, Report};
use crate::domain::rights::names as right;
use crate::i18n::{format_datetime, month_name};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths::{self, fill};
use crate::web::period;
use crate::web::state::AppState;
use crate::web::ui::layout;
use crate::web::visitor::Visitor;
use crate::web::worklist::export::{attachment, head, line};
use crate::web::worklist::query_pairs;

use super::chart::{bars, percent};

/// Seconds as hours and minutes: `3 h 05`.
fn duration(seconds: i64) -> String {
    let minutes = (seconds + 30) / 60;
    format!("{} h {:02}", minutes / 60, minutes % 60)
}

fn body(visitor: &Visitor, a: &period::Asked, r: &Report) -> Markup {
    let lang = visitor.lang;
    let month_label = |p: &Period| {
        let name = month_name(lang, p.first.month());
        let short: String = name.chars().take(3).collect();
        if r.period.first.year() == r.period.last.year() {
            short
        } else {
            format!("{short} {}", p.first.year() % 100)
        }
    };
    html! {
        h2.availability-heading { (period::heading(lang, &r.period)) }
        @if r.condition == Condition::Unset {
            div.alert.alert-warning role="status" { (lang.t("availability-no-condition")) }
        }
        @if r.services.is_empty() {
            p.muted { (lang.t("availability-none-monitored")) }
        } @else {
            p.hint { (lang.t("availability-how")) }
            div.table-scroll {
                table.data-table.availability-table {
                    caption.visually-hidden { (lang.t("availability-title")) }
                    thead {
                        tr {
                            th scope="col" { (lang.t("availability-service")) }
                            th scope="col" { (lang.t("availability-rate")) }
                            th scope="col" { (lang.t("availability-target")) }
                            th scope="col" { (lang.t("availability-downtime")) }
                            th scope="col" { (lang.t("availability-unplanned")) }
                            th scope="col" { (lang.t("availability-planned")) }
                            th scope="col" { (lang.t("availability-incidents")) }
                        }
                    }
                    tbody {
                        @for s in &r.services {
                            @let met = s.target.map(|t| s.figures.rate() >= t);
                            tr {
                                th scope="row" { a href=(format!("#service-{}", s.subcategory_id)) { (s.label) } }
                                td.number { (percent(lang, s.figures.rate())) }
                                td {
                                    @match (s.target, met) {
                                        (Some(t), Some(true)) => span.target-met { "✔ " (percent(lang, t)) " " span.visually-hidden { (lang.t("availability-met")) } },
                                        (Some(t), _) => span.target-missed { "✘ " (percent(lang, t)) " " span.visually-hidden { (lang.t("availability-missed")) } },
                                        _ => span.muted { "—" },
                                    }
                                }
                                td.number { (duration(s.figures.down)) }
                                td.number { (duration(s.figures.unplanned)) }
                                td.number { (duration(s.figures.planned())) }
                                td.number { (s.figures.incidents) }
                            }
                        }
                    }
                }
            }
            p { a.button.button-secondary href=(format!("{}?{}", paths::AVAILABILITY_CSV, period::query(a))) download { (lang.t("availability-export")) } }
            @for s in &r.services {
                section.panel.availability-service id=(format!("service-{}", s.subcategory_id)) {
                    h3 { (s.label) }
                    @let title = lang.t_args("availability-chart-title", &[("service", &s.label)]);
                    div.chart-and-figures {
                        (bars(lang, &title, &s.months, s.target, month_label))
                        table.data-table.chart-figures {
                            caption.visually-hidden { (title) }
                            thead { tr { th scope="col" { (lang.t("availability-month")) } th scope="col" { (lang.t("availability-rate")) } th scope="col" { (lang.t("availability-downtime")) } } }
                            tbody {
                                @for (p, f) in &s.months {
                                    tr { th scope="row" { (month_name(lang, p.first.month())) " " (p.first.year()) } td.number { (percent(lang, f.rate())) } td.number { (duration(f.down)) } }
                                }
                            }
                        }
                    }
                    details {
                        summary { (lang.t_args("availability-tickets", &[("count", &s.incidents.len().to_string())])) }
                        @if s.incidents.is_empty() {
                            p.muted { (lang.t("availability-no-incident")) }
                        } @else {
                            ul.item-list {
                                @for i in &s.incidents {
                                    li {
                                        a href=(fill(paths::TICKET, &[&i.ticket_id])) { "#" (i.ticket_id) " " (i.title) }
                                        " · " (format_datetime(lang, i.window.start)) " – "
                                        @match i.window.end {
                                            Some(e) => (format_datetime(lang, e)),
                                            None => (lang.t("availability-ongoing")),
                                        }
                                        @if i.window.planned { " · " (lang.t("availability-planned-one")) }
                                        @if i.dependency { " · " (lang.t("availability-dependency")) }
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

/// `GET /availability`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let a = period::asked(&query_pairs(raw.as_deref()));
    let (status, inner) = match period::period_of(&a) {
        Ok(period) => {
            let r = availability::report(state.db(), authed.actor(), lang, period).await?;
            (StatusCode::OK, body(visitor, &a, &r))
        }
        Err(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            html! { (period::bar(lang, paths::AVAILABILITY, &a, &errors)) },
        ),
    };
    let errors = FieldErrors::new();
    let content = html! {
        @if status == StatusCode::OK { (period::bar(lang, paths::AVAILABILITY, &a, &errors)) }
        (inner)
        @if authed.actor().has(right::ADMIN) {
            p { a href=(paths::ADMIN_AVAILABILITY) { (lang.t("availability-settings-link")) } }
        }
    };
    Ok((
        status,
        layout::page(visitor, &lang.t("availability-title"), content),
    )
        .into_response())
}

/// `GET /availability/export.csv`: one line per service.
pub async fn csv(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let lang = authed.visitor.lang;
    let a = period::asked(&query_pairs(raw.as_deref()));
    let period = period::period_of(&a).map_err(crate::domain::DomainError::Invalid)?;
    let r = availability::report(state.db(), authed.actor(), lang, period).await?;
    let settings = authed.visitor.settings.clone();
    let sep = settings.raw(crate::domain::settings::CSV_SEPARATOR);
    let keys = [
        "availability-service",
        "availability-from",
        "availability-to",
        "availability-rate",
        "availability-target",
        "availability-downtime-minutes",
        "availability-unplanned-minutes",
        "availability-planned-minutes",
        "availability-incidents",
    ];
    let mut out = head(lang, &keys, sep);
    for s in &r.services {
        let f = &s.figures;
        let values = [
            s.label.clone(),
            r.period.first.to_string(),
            r.period.last.to_string(),
            format!("{:.3}", f.rate()),
            s.target.map(|t| format!("{t:.3}")).unwrap_or_default(),
            ((f.down + 30) / 60).to_string(),
            ((f.unplanned + 30) / 60).to_string(),
            ((f.planned() + 30) / 60).to_string(),
            f.incidents.to_string(),
        ];
        out.push_str(&line(&values, sep));
    }
    Ok(attachment(out, "availability"))
}
