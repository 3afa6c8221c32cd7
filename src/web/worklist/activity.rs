//! The activity view (`/activity`): tickets opened, closed or advanced today or over a chosen
//! period, with the three counters.

use crate::domain::rights::names as right;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::clock;
use crate::domain::worklist::activity::Counts;
use crate::domain::worklist::columns::Column;
use crate::domain::worklist::scope::{Scope, StateSel, View};
use crate::i18n::msg;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::layout;

use super::page::load;
use super::table::{self, Table};
use crate::web::list_query::{ListQuery, pairs};

/// The period asked for: days `from` to `to` (inclusive, `YYYY-MM-DD`), today by default; a day
/// that is not a date is replaced by today with a message.
fn period(pairs: &[(String, String)], now: i64) -> (String, String, Option<crate::i18n::Msg>) {
    let today = clock::date_text(now);
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let mut problem = None;
    let mut day = |k: &str, fallback: &str| match get(k) {
        Some(d) if clock::date_start(&d).is_some() => d,
        Some(_) => {
            problem = Some(msg("error-date"));
            fallback.to_owned()
        }
        None => fallback.to_owned(),
    };
    let from = day("from", &today);
    let to = day("to", &today);
    if to < from {
        (to, from, problem)
    } else {
        (from, to, problem)
    }
}

/// `GET /activity`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let reader = visitor.reader.clone().ok_or(WebError::Forbidden)?;
    let pairs = pairs(raw.as_deref());
    let (from, to, problem) = period(&pairs, clock::now());
    let start = clock::date_start(&from).unwrap_or_else(|| clock::day_start(clock::now()));
    let end = clock::date_start(&to)
        .map(|d| clock::day_start(d + 30 * 3600))
        .unwrap_or(start + 86_400);
    let mut q = ListQuery::read(&pairs, &reader);
    q.view = View {
        scope: Scope::Activity {
            from: start,
            to: end,
        },
        state: StateSel::Any,
    };
    q.extra = vec![
        ("from".to_owned(), from.clone()),
        ("to".to_owned(), to.clone()),
    ];
    let r = reader.clone();
    let counts: Counts =
        crate::domain::worklist::use_cases::activity(state.db(), r, start, end).await?;
    let loaded = load(&state, reader.clone(), &q, lang, None).await?;
    let columns = Column::visible(&reader);
    let counter = |n: i64, label: &str, help: &str| {
        html! {
            div.counter title=(lang.t(help)) {
                span.counter-value { (n) }
                span.counter-label { (lang.t(label)) }
                span.visually-hidden { " — " (lang.t(help)) }
            }
        }
    };
    let content = html! {
        form.inline-add.period-form method="get" action=(paths::ACTIVITY) {
            div.field {
                label for="activity-from" { (lang.t("activity-from")) }
                input #activity-from type="date" name="from" value=(from);
            }
            div.field {
                label for="activity-to" { (lang.t("activity-to")) }
                input #activity-to type="date" name="to" value=(to);
            }
            button.button type="submit" { (lang.t("activity-show")) }
        }
        @if let Some(p) = &problem {
            div.alert.alert-warning role="status" { (p.render(lang)) }
        }
        div #activity-live data-live-region {
            div.counters {
                (counter(counts.opened, "activity-opened", "activity-opened-help"))
                (counter(counts.closed, "activity-closed", "activity-closed-help"))
                (counter(counts.advanced, "activity-advanced", "activity-advanced-help"))
            }
            (table::render(&Table {
                lang,
                base: paths::ACTIVITY,
                query: &q,
                columns: &columns,
                page: &loaded.page,
                choices: &loaded.choices,
                with_hour: reader.has(right::DASHBOARD_COL_DATE_CREATE_HOUR),
                period: true,
                bulk: false,
            }))
        }
    };
    Ok(layout::page(visitor, &lang.t("activity-title"), content).into_response())
}

#[cfg(test)]
mod tests {
    use super::period;

    fn p(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn periods_default_to_today_and_come_in_order() {
        let now = 1_767_300_000;
        let today = crate::domain::clock::date_text(now);
        assert_eq!(period(&p(&[]), now), (today.clone(), today.clone(), None));
        let (from, to, problem) = period(&p(&[("from", "2026-03-10"), ("to", "2026-03-01")]), now);
        assert_eq!(
            (from.as_str(), to.as_str(), problem),
            ("2026-03-01", "2026-03-10", None)
        );
        let (from, _, problem) = period(&p(&[("from", "yesterday")]), now);
        assert_eq!(from, today);
        assert!(problem.is_some());
    }
}
