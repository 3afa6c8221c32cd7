//! `GET /surveys`: the answers given over a period: how many invitations went out and came
//! back, each question's distribution as a chart with its figures in a table, a scale's mean,
//! and the free-text answers with their tickets; `GET /surveys/export.csv` every answer (date,
//! ticket, requester, question, answer) as CSV.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::surveys::{self, Kind, Report};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Lang, format_date, format_decimal};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths::{self, fill};
use crate::web::period::{self, Asked};
use crate::web::state::AppState;
use crate::web::ui::charts;
use crate::web::ui::layout;
use crate::web::worklist::export::{attachment, head, line, moment};
use crate::web::worklist::query_pairs;

fn share(lang: Lang, part: i64, whole: i64) -> String {
    if whole == 0 {
        return "—".to_owned();
    }
    let pct = part as f64 * 100.0 / whole as f64;
    match lang {
        Lang::En => format!("{pct:.0}%"),
        _ => format!("{pct:.0} %"),
    }
}

fn body(lang: Lang, a: &Asked, r: &Report) -> Markup {
    html! {
        h2 { (period::heading(lang, &r.period)) }
        p #survey-summary {
            (lang.t_args("survey-answers-summary", &[("sent", &r.sent.to_string()), ("answered", &r.answered.to_string())]))
        }
        p { a.button.button-secondary href=(format!("{}?{}", paths::SURVEY_ANSWERS_CSV, period::query(a))) download { (lang.t("survey-export")) } }
        @if r.questions.is_empty() {
            p.muted { (lang.t("survey-no-questions")) }
        }
        @for q in &r.questions {
            section.panel.survey-report id=(format!("question-{}", q.id)) {
                h3 {
                    (q.text)
                    @if q.removed { " " span.badge { (lang.t("survey-removed")) } }
                }
                p.muted { (lang.t_args("survey-answered-count", &[("count", &q.answered.to_string())])) }
                @if let Some(mean) = q.distribution.mean {
                    p { (lang.t_args("survey-mean", &[("mean", &format_decimal(lang, (mean * 100.0).round() / 100.0))])) }
                }
                @if q.kind == Kind::Text {
                    @if q.texts.is_empty() {
                        p.muted { (lang.t("survey-no-answer")) }
                    } @else {
                        ul.item-list.survey-texts {
                            @for (at, ticket, text) in &q.texts {
                                li {
                                    blockquote { (text) }
                                    a href=(fill(paths::TICKET, &[&ticket.to_string()])) { "#" (ticket) }
                                    " · " (format_date(lang, *at))
                                }
                            }
                        }
                    }
                } @else {
                    @let rows: Vec<(String, f64)> = q.distribution.counts.iter().map(|(l, n)| (l.clone(), *n as f64)).collect();
                    div.chart-and-figures {
                        (charts::hbars(&q.text, &rows, &|v| format!("{v:.0}")))
                        table.data-table.chart-figures {
                            caption.visually-hidden { (q.text) }
                            thead { tr { th scope="col" { (lang.t("survey-answer")) } th scope="col" { (lang.t("survey-count")) } th scope="col" { (lang.t("survey-share")) } } }
                            tbody {
                                @for (label, n) in &q.distribution.counts {
                                    tr { th scope="row" { (label) } td.number { (n) } td.number { (share(lang, *n, q.answered)) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `GET /surveys`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let a = period::asked(&query_pairs(raw.as_deref()));
    let (status, inner, errors) = match period::period_of(&a) {
        Ok(p) => {
            let r = surveys::report(state.db(), lang, p).await?;
            (StatusCode::OK, body(lang, &a, &r), FieldErrors::new())
        }
        Err(errors) => (StatusCode::UNPROCESSABLE_ENTITY, html! {}, errors),
    };
    let content = html! {
        (period::bar(lang, paths::SURVEY_ANSWERS, &a, &errors))
        (inner)
        @if authed.actor().has(crate::domain::rights::names::ADMIN) {
            p { a href=(paths::ADMIN_SURVEYS) { (lang.t("survey-settings-title")) } }
        }
    };
    Ok((
        status,
        layout::page(visitor, &lang.t("survey-answers-title"), content),
    )
        .into_response())
}

/// `GET /surveys/export.csv`: one line per answer.
pub async fn csv(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let lang = authed.visitor.lang;
    let a = period::asked(&query_pairs(raw.as_deref()));
    let p = period::period_of(&a).map_err(DomainError::Invalid)?;
    let rows = surveys::answers_csv(state.db(), lang, p).await?;
    let sep = authed
        .visitor
        .settings
        .raw(crate::domain::settings::CSV_SEPARATOR)
        .to_owned();
    let mut out = head(
        lang,
        &[
            "survey-csv-date",
            "survey-csv-ticket",
            "survey-csv-requester",
            "survey-csv-question",
            "survey-csv-answer",
        ],
        &sep,
    );
    for r in rows {
        out.push_str(&line(
            &[
                moment(r.answered_at),
                r.ticket_id.to_string(),
                r.requester,
                r.question,
                r.answer,
            ],
            &sep,
        ));
    }
    Ok(attachment(out, "survey-answers"))
}
