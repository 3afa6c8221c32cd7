//! The statistics' one read: the tickets passing the filter, the thread since the period's
//! start, the survey ratings and the names, handed to [`super::tally`]; and the filtered
//! tickets for the export.

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use rusqlite::{Connection, params};

use super::filter::{self, Filter, by_id, listed};
use super::tally::{
    self, Granularity, Input, Reply, Resolution, Share, StateChange, TicketRow, TicketStats,
};
use crate::db::Db;
use crate::domain::availability::Period;
use crate::domain::calendar::period::day_start;
use crate::domain::tickets::states;
use crate::domain::{DomainError, clock, run};
use crate::i18n::Lang;

/// The start of each interval of `period` at `g`.
pub fn starts(period: &Period, g: Granularity) -> Vec<i64> {
    let mut out = vec![day_start(period.first)];
    let next = |d: Date| -> Option<Date> {
        match g {
            Granularity::Day => d.tomorrow().ok(),
            Granularity::Week => {
                let mut n = d.tomorrow().ok()?;
                while n.weekday() != Weekday::Monday {
                    n = n.tomorrow().ok()?;
                }
                Some(n)
            }
            Granularity::Month => d.first_of_month().checked_add(1.month()).ok(),
        }
    };
    let mut d = period.first;
    while let Some(n) = next(d) {
        if n > period.last || out.len() > 800 {
            break;
        }
        out.push(day_start(n));
        d = n;
    }
    out
}

/// The granularity that suits `period`.
pub fn granularity(period: &Period) -> Granularity {
    let days = (period.last - period.first).get_days() as i64 + 1;
    Granularity::for_days(days)
}

/// The tickets passing `f` (any date), each with its requester's company.
fn filtered(conn: &Connection, f: &Filter) -> rusqlite::Result<Vec<TicketRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.created_at, t.resolved_at, t.state_id, t.technician_id, t.category_id,
                t.service_id, t.priority_id, t.criticality_id, t.requester_id,
                t.time_spent_minutes
         FROM tickets t INDEXED BY tickets_statistics
         WHERE t.deleted = 0 AND t.is_template = 0
           AND (?1 IS NULL OR t.technician_id = ?1)
           AND (?2 IS NULL OR t.tech_group_id = ?2
                OR t.technician_id IN (SELECT user_id FROM group_members WHERE group_id = ?2))
           AND (?3 IS NULL OR t.service_id = ?3)
           AND (?4 IS NULL OR t.requester_id IN (SELECT id FROM users WHERE company_id = ?4))
           AND (?5 IS NULL OR t.agency_id = ?5)
           AND (?6 IS NULL OR t.type_id = ?6)
           AND (?7 IS NULL OR t.criticality_id = ?7)
           AND (?8 IS NULL OR t.priority_id = ?8)
           AND (?9 IS NULL OR t.category_id = ?9)",
    )?;
    // Each requester's company, from the users (far fewer than the tickets).
    let companies: HashMap<i64, i64> = conn
        .prepare_cached("SELECT id, company_id FROM users WHERE company_id IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let v = f.values();
    // As many as the highest number, at most: the rows are read into a list sized once.
    let top: i64 = conn.query_row("SELECT COALESCE(max(id), 0) FROM tickets", [], |r| r.get(0))?;
    let mut out = Vec::with_capacity(usize::try_from(top).unwrap_or(0).min(2_000_000));
    let rows = stmt.query_map(
        params![v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]],
        |r| {
            let state: i64 = r.get(3)?;
            let requester: Option<i64> = r.get(9)?;
            Ok(TicketRow {
                id: r.get(0)?,
                created_at: r.get(1)?,
                resolved_at: r.get(2)?,
                state,
                closed: states::is_closed(state),
                technician: r.get(4)?,
                category: r.get(5)?,
                service: r.get(6)?,
                company: requester.and_then(|u| companies.get(&u).copied()),
                priority: r.get(7)?,
                criticality: r.get(8)?,
                requester,
                time_spent_minutes: r.get(10)?,
            })
        },
    )?;
    for row in rows {
        out.push(row?);
    }
    Ok(out)
}

/// The state changes from `since` on, oldest first.
fn changes(conn: &Connection, since: i64) -> rusqlite::Result<Vec<StateChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ticket_id, created_at, state_from_id, state_id
         FROM thread_entries INDEXED BY thread_entries_state_changes
         WHERE kind = 'state' AND created_at >= ?1 ORDER BY created_at",
    )?;
    stmt.query_map([since], |r| {
        Ok(StateChange {
            ticket: r.get(0)?,
            at: r.get(1)?,
            from: r.get(2)?,
            to: r.get::<_, Option<i64>>(3)?.unwrap_or(0),
        })
    })?
    .collect()
}

/// The replies from `since` on, oldest first.
fn replies(conn: &Connection, since: i64) -> rusqlite::Result<Vec<Reply>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ticket_id, created_at, author_id, private
         FROM thread_entries INDEXED BY thread_entries_replies
         WHERE kind = 'text' AND created_at >= ?1 ORDER BY created_at",
    )?;
    stmt.query_map([since], |r| {
        Ok(Reply {
            ticket: r.get(0)?,
            at: r.get(1)?,
            author: r.get(2)?,
            public: !r.get::<_, bool>(3)?,
        })
    })?
    .collect()
}

/// The survey ratings given in `[from, to)`: ticket, when, and the rating as a share of its
/// scale (0..100).
fn ratings(conn: &Connection, from: i64, to: i64) -> rusqlite::Result<Vec<(i64, i64, f64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.ticket_id, i.answered_at, a.answer, q.scale
         FROM survey_invitations i
         JOIN survey_answers a ON a.invitation_id = i.id
         JOIN survey_questions q ON q.id = a.question_id AND q.kind = 'scale'
         WHERE i.answered_at >= ?1 AND i.answered_at < ?2",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (ticket, at, answer, scale) = row?;
        if let Ok(n) = answer.parse::<f64>()
            && scale > 1
        {
            out.push((ticket, at, (n - 1.0) / (scale as f64 - 1.0) * 100.0));
        }
    }
    Ok(out)
}

fn name_shares(list: &mut [Share], names: &HashMap<i64, String>, none: &str) {
    for s in list {
        s.label =
            s.id.and_then(|id| names.get(&id).cloned())
                .unwrap_or_else(|| none.to_owned());
    }
}

fn name_durations(list: &mut [Resolution], names: &HashMap<i64, String>, none: &str) {
    for s in list {
        s.label =
            s.id.and_then(|id| names.get(&id).cloned())
                .unwrap_or_else(|| none.to_owned());
    }
}

/// `list` in the order of the list's entries (`order`: ids in order), none last.
fn in_list_order(list: &mut [Share], order: &[(i64, String)]) {
    let rank = |id: Option<i64>| {
        id.and_then(|i| order.iter().position(|(o, _)| *o == i))
            .unwrap_or(usize::MAX)
    };
    list.sort_by_key(|s| rank(s.id));
}

fn users(conn: &Connection) -> rusqlite::Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare_cached("SELECT id, display_name FROM users")?;
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// The names the figures are given.
struct Names {
    people: HashMap<i64, String>,
    states: Vec<(i64, String)>,
    categories: Vec<(i64, String)>,
    priorities: Vec<(i64, String)>,
    criticalities: Vec<(i64, String)>,
    services: HashMap<i64, String>,
    companies: HashMap<i64, String>,
}

fn names(conn: &Connection, lang: Lang) -> rusqlite::Result<Names> {
    Ok(Names {
        people: users(conn)?,
        states: listed(conn, filter::STATES, lang)?,
        categories: listed(conn, filter::CATEGORIES, lang)?,
        priorities: listed(conn, filter::PRIORITIES, lang)?,
        criticalities: listed(conn, filter::CRITICALITIES, lang)?,
        services: by_id(&listed(conn, "SELECT id, name, NULL FROM services", lang)?),
        companies: by_id(&listed(conn, "SELECT id, name, NULL FROM companies", lang)?),
    })
}

/// Gives `s`'s figures their names in `lang`.
fn name(s: &mut TicketStats, n: &Names, lang: Lang) {
    let none = lang.t("stat-none");
    let (states, categories) = (by_id(&n.states), by_id(&n.categories));
    for list in [
        &mut s.by_technician,
        &mut s.open_by_technician,
        &mut s.top_requesters,
        &mut s.top_time,
    ] {
        name_shares(list, &n.people, &none);
    }
    name_shares(&mut s.by_state, &states, &none);
    name_shares(&mut s.time_by_state, &states, &none);
    in_list_order(&mut s.time_by_state, &n.states);
    name_shares(&mut s.by_category, &categories, &none);
    name_shares(&mut s.workload_by_category, &categories, &none);
    name_shares(&mut s.by_service, &n.services, &none);
    name_shares(&mut s.by_company, &n.companies, &none);
    name_shares(&mut s.by_priority, &by_id(&n.priorities), &none);
    in_list_order(&mut s.by_priority, &n.priorities);
    name_shares(&mut s.by_criticality, &by_id(&n.criticalities), &none);
    in_list_order(&mut s.by_criticality, &n.criticalities);
    name_durations(&mut s.resolution_by_technician, &n.people, &none);
    name_durations(&mut s.resolution_by_category, &categories, &none);
    name_durations(&mut s.first_response_by_technician, &n.people, &none);
    if let Some(r) = s.first_response.as_mut() {
        r.label = lang.t("stat-all-tickets");
    }
}

/// Every figure of the tickets' statistics over `period` for the tickets passing `f`, named
/// in `lang`; `surveys`: whether survey ratings are read.
///
/// The thread's entries since the period began are read on one connection while the tickets,
/// ratings and names are read on another, so that a long report uses both cores; each half is
/// its own read transaction (a change committed between them may show in one half only).
pub async fn tickets(
    db: &Db,
    lang: Lang,
    period: Period,
    f: Filter,
    surveys: bool,
) -> Result<TicketStats, DomainError> {
    let (from, to) = period.bounds();
    let thread = db.read_beside(move |conn| -> Result<_, DomainError> {
        Ok((changes(conn, from)?, replies(conn, from)?))
    });
    let main = run::read(db, move |conn| {
        let tickets = filtered(conn, &f)?;
        let ratings = if surveys {
            ratings(conn, from, to)?
        } else {
            Vec::new()
        };
        Ok((tickets, ratings, names(conn, lang)?))
    });
    let (thread, main) = tokio::join!(thread, main);
    let ((changes, replies), (tickets, ratings, names)) = (thread?, main?);
    let counted = tokio::task::spawn_blocking(move || {
        let g = granularity(&period);
        let input = Input {
            from,
            to,
            now: clock::now(),
            starts: starts(&period, g),
            changes,
            replies,
            ratings,
            tickets,
            closed_states: vec![states::RESOLVED, states::REJECTED],
        };
        let mut s = tally::tally(&input);
        s.granularity = Some(g);
        name(&mut s, &names, lang);
        s
    })
    .await;
    counted.map_err(|e| DomainError::Storage(crate::db::DbError::Task(e.to_string())))
}

/// A ticket of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    pub id: i64,
    pub title: String,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    pub state: String,
    pub technician: String,
    pub requester: String,
    pub category: String,
    pub service: String,
    pub priority: String,
    pub criticality: String,
    pub time_spent_minutes: i64,
}

/// The tickets opened over `period` that pass `f`, oldest first, named in `lang`.
pub async fn ticket_rows(
    db: &Db,
    lang: Lang,
    period: Period,
    f: Filter,
) -> Result<Vec<ExportRow>, DomainError> {
    run::read(db, move |conn| {
        let (from, to) = period.bounds();
        let mut rows: Vec<TicketRow> = filtered(conn, &f)?
            .into_iter()
            .filter(|t| t.created_at >= from && t.created_at < to)
            .collect();
        rows.sort_by_key(|t| (t.created_at, t.id));
        let people = users(conn)?;
        let states_ = by_id(&listed(conn, filter::STATES, lang)?);
        let categories = by_id(&listed(conn, filter::CATEGORIES, lang)?);
        let priorities = by_id(&listed(conn, filter::PRIORITIES, lang)?);
        let criticalities = by_id(&listed(conn, filter::CRITICALITIES, lang)?);
        let services = by_id(&listed(conn, "SELECT id, name, NULL FROM services", lang)?);
        let mut titles = conn.prepare_cached("SELECT title FROM tickets WHERE id = ?1")?;
        let name = |map: &HashMap<i64, String>, id: Option<i64>| {
            id.and_then(|i| map.get(&i).cloned()).unwrap_or_default()
        };
        let mut out = Vec::with_capacity(rows.len());
        for t in rows {
            out.push(ExportRow {
                id: t.id,
                title: titles.query_row([t.id], |r| r.get(0))?,
                created_at: t.created_at,
                resolved_at: t.resolved_at,
                state: name(&states_, Some(t.state)),
                technician: name(&people, t.technician),
                requester: name(&people, t.requester),
                category: name(&categories, t.category),
                service: name(&services, t.service),
                priority: name(&priorities, t.priority),
                criticality: name(&criticalities, t.criticality),
                time_spent_minutes: t.time_spent_minutes,
            });
        }
        Ok(out)
    })
    .await
}
