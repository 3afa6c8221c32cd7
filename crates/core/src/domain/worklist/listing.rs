//! One page of a ticket list: the view's condition, column filters and a search, sorted by the
//! reader's order or a column, counted and paged. The page's numbers come first from lean
//! queries over indexes; the columns of those few rows are read afterwards.

use super::rows::{Marks, details};
use crate::domain::rights::names as right;
use std::collections::HashMap;

use rusqlite::Connection;
use rusqlite::types::Value as SqlValue;

use crate::db::Memo;
use crate::domain::clock;
use crate::domain::tickets::states;
use crate::domain::users::choices::Who;
use crate::domain::users::search::like_pattern;
use crate::i18n::{Lang, Msg, msg};

use super::by_name;
use super::columns::{Column, FilterKind, Join};
use super::count_cache;
use super::counters;
use super::kept_searches;
use super::plan;
use super::reader::Reader;
use super::scope::{Scope, StateSel, View};
use super::search;
use super::wide_search;

/// A column filter as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub column: Column,
    pub value: String,
}

/// How a list is sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sort {
    /// One of the named orders (`state`, `created_desc`...).
    Order(String),
    /// By a column; `true` for descending.
    By(Column, bool),
}

/// What to list.
#[derive(Debug, Clone)]
pub struct ListRequest {
    pub view: View,
    pub filters: Vec<Filter>,
    pub search: String,
    pub sort: Sort,
    /// 1-based; out-of-range pages show the last one.
    pub page: i64,
    pub per_page: i64,
}

/// The colour of a ticket's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberColour {
    /// Not read by its technician.
    Unread,
    /// Read, but no reply from the technician yet.
    Unanswered,
    /// A technician's text reply today.
    Advanced,
    Other,
}

/// A label with its colour (states, priorities, criticalities).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    pub label: String,
    pub color: String,
}

/// One line of the list.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: i64,
    pub title: String,
    pub type_name: Option<String>,
    pub technician: Option<String>,
    pub requester: Option<String>,
    pub company: Option<String>,
    pub service: Option<String>,
    /// The requester's service.
    pub sender_service: Option<String>,
    pub agency: Option<String>,
    pub place: Option<String>,
    pub asset: Option<String>,
    pub category: Option<String>,
    pub subcategory: Option<String>,
    pub created_at: i64,
    pub hope_date: Option<String>,
    pub resolved_at: Option<i64>,
    pub modified_at: i64,
    pub time_spent_minutes: i64,
    pub billable: bool,
    pub priority: Option<Badge>,
    pub criticality: Option<Badge>,
    pub state: Badge,
    pub colour: NumberColour,
    /// Opened today, or in the activity period.
    pub new_in_period: bool,
    /// The hoped date has passed on an open ticket.
    pub overdue: bool,
    /// The hoped date is mandatory for the reader and missing on an open ticket.
    pub hope_missing: bool,
    pub attachments: bool,
    /// Resolved, waiting for its requester to accept the resolution.
    pub awaiting_validation: bool,
    /// The numbers behind the names, for exports.
    pub ids: RowIds,
}

/// The numbers of what a row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RowIds {
    pub state: i64,
    pub requester: Option<i64>,
    pub technician: Option<i64>,
    pub category: Option<i64>,
    pub subcategory: Option<i64>,
    pub priority: Option<i64>,
    pub criticality: Option<i64>,
}

/// A page of the list.
#[derive(Debug, Clone)]
pub struct ListPage {
    pub rows: Vec<Row>,
    /// The tickets of the list; with `more`, those found so far (the list holds more).
    pub total: i64,
    pub more: bool,
    pub page: i64,
    pub pages: i64,
    /// Filters that could not be read, with why (they were left out).
    pub problems: Vec<(Column, Msg)>,
}

/// The full condition of a request, the joins it needs, and the filters left out.
struct Condition {
    sql: String,
    values: Vec<SqlValue>,
    joins: Vec<Join>,
    problems: Vec<(Column, Msg)>,
    /// The search's FTS query, and the condition without it.
    search: Option<(String, String, Vec<SqlValue>)>,
}

fn add_joins(joins: &mut Vec<Join>, more: &[Join]) {
    for j in more {
        if !joins.contains(j) {
            joins.push(*j);
        }
    }
}

pub(super) fn join_sql(joins: &[Join]) -> String {
    let mut sorted = joins.to_vec();
    // Requester before company (the company join reads the requester).
    sorted.sort();
    sorted.iter().map(|j| j.sql()).collect::<Vec<_>>().join(" ")
}

/// The SQL of one filter, or why it cannot be used.
fn filter_sql(f: &Filter) -> Result<Option<(String, Vec<SqlValue>)>, Msg> {
    let v = f.value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let text = |sql: &str, n: usize| {
        let p = SqlValue::Text(like_pattern(&v.chars().take(100).collect::<String>()));
        Ok(Some((sql.to_owned(), vec![p; n])))
    };
    match (f.column.filter_kind(), f.column) {
        (FilterKind::None, _) => Ok(None),
        (FilterKind::Number, _) => v
            .trim_start_matches('#')
            .parse::<i64>()
            .map(|n| Some(("t.id = ?".to_owned(), vec![SqlValue::Integer(n)])))
            .map_err(|_| msg("error-ticket-number")),
        (FilterKind::Text, Column::Title) => text("t.title LIKE ? ESCAPE '\\'", 1),
        (FilterKind::Text, Column::Company) => text("co.name LIKE ? ESCAPE '\\'", 1),
        (FilterKind::Text, Column::Asset) => text("aa.name LIKE ? ESCAPE '\\'", 1),
        (FilterKind::Text, _) => text(
            "(ru.firstname || ' ' || ru.lastname LIKE ? ESCAPE '\\'
              OR ru.lastname || ' ' || ru.firstname LIKE ? ESCAPE '\\'
              OR ru.login LIKE ? ESCAPE '\\' OR ug.name LIKE ? ESCAPE '\\')",
            4,
        ),
        (FilterKind::Day, Column::HopeDate) => clock::date_start(v)
            .map(|_| {
                Some((
                    "t.hope_date = ?".to_owned(),
                    vec![SqlValue::Text(v.to_owned())],
                ))
            })
            .ok_or_else(|| msg("error-date")),
        (FilterKind::Day, c) => {
            let start = clock::date_start(v).ok_or_else(|| msg("error-date"))?;
            let end = clock::day_start(start + 30 * 3600);
            let end = if end > start { end } else { start + 86_400 };
            let col = match c {
                Column::ResolvedAt => "t.resolved_at",
                Column::Modified => "t.modified_at",
                _ => "t.created_at",
            };
            Ok(Some((
                format!("{col} >= ? AND {col} < ?"),
                vec![SqlValue::Integer(start), SqlValue::Integer(end)],
            )))
        }
        (FilterKind::Choice(_), Column::Technician) => match v {
            "none" => Ok(Some((
                "t.technician_id IS NULL AND t.tech_group_id IS NULL".to_owned(),
                Vec::new(),
            ))),
            _ => match Who::parse(v) {
                Some(Who::User(id)) => Ok(Some((
                    "t.technician_id = ?".to_owned(),
                    vec![SqlValue::Integer(id)],
                ))),
                Some(Who::Group(id)) => Ok(Some((
                    "t.tech_group_id = ?".to_owned(),
                    vec![SqlValue::Integer(id)],
                ))),
                None => Err(msg("error-unknown-choice")),
            },
        },
        (FilterKind::Choice(_), c) => {
            let col = match c {
                Column::Type => "t.type_id",
                Column::Service => "t.service_id",
                Column::SenderService => "t.sender_service_id",
                Column::Agency => "t.agency_id",
                Column::Place => "t.place_id",
                Column::Category => "t.category_id",
                Column::Subcategory => "t.subcategory_id",
                Column::Priority => "t.priority_id",
                Column::Criticality => "t.criticality_id",
                _ => "t.state_id",
            };
            if v == "none" && c != Column::State {
                return Ok(Some((format!("{col} IS NULL"), Vec::new())));
            }
            v.parse::<i64>()
                .ok()
                .filter(|n| *n > 0)
                .map(|n| Some((format!("{col} = ?"), vec![SqlValue::Integer(n)])))
                .ok_or_else(|| msg("error-unknown-choice"))
        }
    }
}

fn condition(r: &Reader, req: &ListRequest) -> Condition {
    let (mut sql, mut values) = req.view.condition(r);
    let mut joins = Vec::new();
    let mut problems = Vec::new();
    for f in &req.filters {
        match filter_sql(f) {
            Ok(Some((s, v))) => {
                sql.push_str(" AND ");
                sql.push_str(&s);
                values.extend(v);
                // Only names typed are read from the joined tables; choices are numbers of
                // the ticket's own columns (and without joins, the counts can be kept).
                if f.column.filter_kind() == FilterKind::Text {
                    add_joins(&mut joins, f.column.joins());
                }
            }
            Ok(None) => {}
            Err(m) => problems.push((f.column, m)),
        }
    }
    // Searching is the `search` right's; without it the words typed are left out.
    let search = if r.has(crate::domain::rights::names::SEARCH) {
        search::fts_query(&req.search, r.has(right::TICKET_THREAD_PRIVATE))
    } else {
        None
    };
    let mut searched = None;
    if let Some(q) = search {
        searched = Some((q.clone(), sql.clone(), values.clone()));
        sql.push_str(" AND ");
        sql.push_str(search::CONDITION);
        values.push(SqlValue::Text(q));
    }
    Condition {
        sql,
        values,
        joins,
        problems,
        search: searched,
    }
}

/// `ORDER BY` terms for a column, ascending or descending, empty values last either way.
pub(super) fn column_order(c: Column, desc: bool) -> String {
    let terms: Vec<String> = c.sort_terms().iter().map(|t| t.sql(desc)).collect();
    format!(
        "{}, t.id {}",
        terms.join(", "),
        if desc { "DESC" } else { "ASC" }
    )
}

/// The `ORDER BY` and joins of a named order (`state` here serves searches; lists without one
/// read state by state).
fn named_order(code: &str) -> (String, Vec<Join>) {
    match code {
        "created_asc" => ("t.created_at, t.id".to_owned(), Vec::new()),
        "number_desc" => ("t.id DESC".to_owned(), Vec::new()),
        "modified_desc" => ("t.modified_at DESC, t.id DESC".to_owned(), Vec::new()),
        "priority" => (
            "pr.position IS NULL, pr.position, t.created_at".to_owned(),
            vec![Join::Priority],
        ),
        "criticality" => (
            "cr.position IS NULL, cr.position, t.created_at".to_owned(),
            vec![Join::Criticality],
        ),
        "state" => (
            "st.position, st.id, pr.position IS NULL, pr.position, cr.position IS NULL, cr.position, t.created_at, t.id"
                .to_owned(),
            vec![Join::State, Join::Priority, Join::Criticality],
        ),
        "hope_date" => (
            "t.hope_date IS NULL, t.hope_date, t.created_at".to_owned(),
            Vec::new(),
        ),
        _ => ("t.created_at DESC, t.id DESC".to_owned(), Vec::new()),
    }
}

fn ids(conn: &Connection, sql: &str, values: Vec<SqlValue>) -> rusqlite::Result<Vec<i64>> {
    plan::rows(conn, sql, values, |r| r.get(0))
}

/// Whether `r` sees many tickets: their lists are planned with their values (see `plan`).
pub(super) fn wide(r: &Reader) -> bool {
    r.technician || r.viewer.all
}

/// Plans the list queries of condition `c` for `r` with their values while kept: only when
/// `r` sees many tickets and `c` holds values (a person, a group, a filter). A condition
/// without values (every ticket `r` may see, when that is every ticket) is the same text for
/// everyone, and its pages are best read by the same indexes whatever the page: its
/// statements stay bound and kept (planning its six groups of a state at every page took a
/// fifth of the list's time).
fn planning(r: &Reader, c: &Condition) -> plan::Planning {
    plan::Planning::start(wide(r) && !c.values.is_empty())
}

/// Page `page` of `per_page` over `total` rows, clamped: (page, pages, offset).
fn paging(total: i64, page: i64, per_page: i64) -> (i64, i64, i64) {
    let per_page = per_page.max(1);
    let pages = ((total + per_page - 1) / per_page).max(1);
    let page = page.clamp(1, pages);
    (page, pages, (page - 1) * per_page)
}

/// Whether the counts of `c` may be kept until tickets change: searches read the thread, and
/// filters joined to names read tables whose edits are not ticket changes.
fn cacheable(c: &Condition, req: &ListRequest) -> bool {
    req.search.is_empty() && c.joins.is_empty()
}

/// The list's tickets by state. When nothing but the view narrows the list, they are the view
/// scope's counts (the ones the menu shows, counted once for both) kept to the view's states.
fn counts_by_state(
    conn: &Connection,
    r: &Reader,
    c: &Condition,
    req: &ListRequest,
) -> rusqlite::Result<HashMap<i64, i64>> {
    let plain = cacheable(c, req)
        && req.filters.is_empty()
        && req.view.state != StateSel::Unread
        && !matches!(req.view.scope, Scope::Activity { .. });
    if plain {
        // The states the view keeps; `None` for every state.
        let kept: Option<Vec<i64>> = match req.view.state {
            StateSel::One(s) => Some(vec![s]),
            StateSel::Active => Some(vec![states::WAITING, states::IN_PROGRESS]),
            StateSel::Meta => Some(ids(
                conn,
                "SELECT id FROM ticket_states WHERE is_meta = 1",
                Vec::new(),
            )?),
            StateSel::Open => Some(ids(
                conn,
                "SELECT id FROM ticket_states WHERE id NOT IN (?1, ?2)",
                vec![
                    rusqlite::types::Value::Integer(states::RESOLVED),
                    rusqlite::types::Value::Integer(states::REJECTED),
                ],
            )?),
            StateSel::Any | StateSel::Unread => None,
        };
        let all = counters::scope_counts(conn, r, req.view.scope)?;
        return Ok(all
            .iter()
            .filter(|(s, _)| kept.as_ref().is_none_or(|k| k.contains(s)))
            .map(|(s, n)| (*s, *n))
            .collect());
    }
    let from_where = format!("FROM tickets t {} WHERE {}", join_sql(&c.joins), c.sql);
    if cacheable(c, req) {
        Ok((*count_cache::per_state(conn, &from_where, &c.values)?).clone())
    } else {
        count_cache::count(conn, &from_where, &c.values)
    }
}

/// The page's numbers in the `state` order (state, priority, criticality, date): counted per
/// state, then read state by state so that each read walks one state's index.
fn state_order_ids(
    conn: &Connection,
    memo: &Memo,
    r: &Reader,
    c: &Condition,
    req: &ListRequest,
) -> rusqlite::Result<(Vec<i64>, i64, i64, i64)> {
    let counts = counts_by_state(conn, r, c, req)?;
    let total: i64 = counts.values().sum();
    let (page, pages, mut offset) = paging(total, req.page, req.per_page);
    let order = memo.get(conn, "states in order", |conn| {
        ids(
            conn,
            "SELECT id FROM ticket_states ORDER BY position, id",
            Vec::new(),
        )
    })?;
    let mut out = Vec::new();
    for &state in order.iter() {
        let n = counts.get(&state).copied().unwrap_or(0);
        if offset >= n {
            offset -= n;
            continue;
        }
        let wanted = req.per_page - i64::try_from(out.len()).unwrap_or(0);
        if wanted <= 0 {
            break;
        }
        out.extend(state_slice(
            conn,
            memo,
            c,
            cacheable(c, req),
            state,
            offset,
            wanted,
        )?);
        offset = 0;
    }
    Ok((out, total, page, pages))
}

/// Tickets `offset..offset + wanted` of state `state` in the order within a state (priority,
/// criticality, opening date): counted by priority and criticality, then read group by group,
/// each in opening order from the index by state, priority, criticality and date, instead of
/// sorting every ticket of the state (a million tickets hold 860,000 resolved ones: 575 ms for
/// their first page, 2.8 s for a deep one). Groups whose priority and criticality stand at the
/// same places are read together, so that the order is the one of the positions alone.
fn state_slice(
    conn: &Connection,
    memo: &Memo,
    c: &Condition,
    keep: bool,
    state: i64,
    mut offset: i64,
    wanted: i64,
) -> rusqlite::Result<Vec<i64>> {
    // Kept with the reference tables they are read from.
    let positions = |sql: &'static str| {
        memo.get(conn, sql, |conn| -> rusqlite::Result<HashMap<i64, i64>> {
            let mut stmt = conn.prepare_cached(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect()
        })
    };
    let priorities = positions("SELECT id, position FROM priorities")?;
    let criticalities = positions("SELECT id, position FROM criticalities")?;
    let joins = join_sql(&c.joins);
    let mut values = c.values.clone();
    values.push(SqlValue::Integer(state));
    type Group = (Option<i64>, Option<i64>, i64);
    let sql = format!(
        "SELECT t.priority_id, t.criticality_id, count(*) FROM tickets t {joins}
         WHERE {} AND t.state_id = ? GROUP BY t.priority_id, t.criticality_id",
        c.sql
    );
    let count = || -> rusqlite::Result<Vec<Group>> {
        plan::rows(conn, &sql, values.clone(), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
    };
    // Kept until tickets change, as the counts by state (the resolved state of a million
    // tickets takes 70 ms to count this way).
    let mut groups: Vec<Group> = if keep {
        (*count_cache::remembered(conn, format!("groups {sql}\u{1f}{values:?}"), count)?).clone()
    } else {
        count()?
    };
    // The list's order: a priority (then a criticality) without a place comes last.
    let place = |(p, k, _): &Group| {
        let p = p.and_then(|id| priorities.get(&id).copied());
        let k = k.and_then(|id| criticalities.get(&id).copied());
        (p.is_none(), p, k.is_none(), k)
    };
    groups.sort_by_key(place);
    let mut out = Vec::new();
    let mut rest = groups.as_slice();
    while let Some(first) = rest.first() {
        let together = rest.iter().take_while(|g| place(g) == place(first)).count();
        let (bucket, after) = rest.split_at(together);
        rest = after;
        let n: i64 = bucket.iter().map(|g| g.2).sum();
        if offset >= n {
            offset -= n;
            continue;
        }
        let left = wanted - i64::try_from(out.len()).unwrap_or(0);
        if left <= 0 {
            break;
        }
        let pairs =
            vec!["(t.priority_id IS ? AND t.criticality_id IS ?)"; bucket.len()].join(" OR ");
        let mut these = values.clone();
        for (p, k, _) in bucket {
            these.push(p.map_or(SqlValue::Null, SqlValue::Integer));
            these.push(k.map_or(SqlValue::Null, SqlValue::Integer));
        }
        these.extend([SqlValue::Integer(left), SqlValue::Integer(offset)]);
        out.extend(ids(
            conn,
            &format!(
                "SELECT t.id FROM tickets t {joins} WHERE {} AND t.state_id = ? AND ({pairs})
                 ORDER BY t.created_at, t.id LIMIT ? OFFSET ?",
                c.sql
            ),
            these,
        )?);
        offset = 0;
    }
    Ok(out)
}

/// Lists shorter than this are sorted whole, whatever the order.
const SORT_WHOLE_BELOW: i64 = 5_000;

/// The page's numbers for any other order.
fn ordered_ids(
    conn: &Connection,
    memo: &Memo,
    r: &Reader,
    c: &Condition,
    req: &ListRequest,
) -> rusqlite::Result<(Vec<i64>, i64, i64, i64)> {
    let (order, extra) = match &req.sort {
        Sort::By(col, desc) => (column_order(*col, *desc), col.joins().to_vec()),
        Sort::Order(code) => named_order(code),
    };
    let mut joins = c.joins.clone();
    add_joins(&mut joins, &extra);
    if !req.search.is_empty() {
        // Every match in the list's order, read once until tickets change: its number is the
        // count and each page a slice (a count and a sorted page each looked every match up).
        let sql = format!(
            "SELECT t.id FROM tickets t {} WHERE {} ORDER BY {order}",
            join_sql(&joins),
            c.sql
        );
        let all =
            kept_searches::ordered(conn, &sql, &c.values, || ids(conn, &sql, c.values.clone()))?;
        let total = i64::try_from(all.len()).unwrap_or(i64::MAX);
        let (page, pages, offset) = paging(total, req.page, req.per_page);
        let found = all
            .iter()
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(usize::try_from(req.per_page).unwrap_or(0))
            .copied()
            .collect();
        return Ok((found, total, page, pages));
    }
    let total: i64 = if cacheable(c, req) {
        counts_by_state(conn, r, c, req)?.values().sum()
    } else {
        let sql = format!(
            "SELECT count(*) FROM tickets t {} WHERE {}",
            join_sql(&c.joins),
            c.sql
        );
        plan::one(conn, &sql, c.values.clone(), |r| r.get(0))?
    };
    let (page, pages, offset) = paging(total, req.page, req.per_page);
    // A long list sorted by a name: read name by name rather than joined and sorted whole
    // (a search matches few tickets and reads them all at once).
    if let Sort::By(col, desc) = req.sort
        && total > SORT_WHOLE_BELOW
        && req.search.is_empty()
        && let Some(found) = by_name::page(
            conn,
            memo,
            &join_sql(&c.joins),
            &c.sql,
            &c.values,
            col,
            desc,
            total,
            offset,
            req.per_page,
        )?
    {
        return Ok((found, total, page, pages));
    }
    let mut values = c.values.clone();
    values.extend([SqlValue::Integer(req.per_page), SqlValue::Integer(offset)]);
    let found = ids(
        conn,
        &format!(
            "SELECT t.id FROM tickets t {} WHERE {} ORDER BY {order} LIMIT ? OFFSET ?",
            join_sql(&joins),
            c.sql
        ),
        values,
    )?;
    Ok((found, total, page, pages))
}

/// The numbers of page `req.page` of the list, with the total, the page (clamped) and the
/// number of pages.
fn page_ids(
    conn: &Connection,
    memo: &Memo,
    r: &Reader,
    c: &Condition,
    req: &ListRequest,
) -> rusqlite::Result<(Vec<i64>, i64, i64, i64)> {
    Ok(searched_page_ids(conn, memo, r, c, req)?.0)
}

/// A page's numbers, the list's total, the page (clamped) and the number of pages.
type PageIds = (Vec<i64>, i64, i64, i64);

/// [`page_ids`], and whether the list holds more tickets than counted (a search for words of
/// a large share of the tickets, read in the list's order up to a bound).
fn searched_page_ids(
    conn: &Connection,
    memo: &Memo,
    r: &Reader,
    c: &Condition,
    req: &ListRequest,
) -> rusqlite::Result<(PageIds, bool)> {
    if let Some((query, sql, values)) = &c.search {
        let plain = Condition {
            sql: sql.clone(),
            values: values.clone(),
            joins: c.joins.clone(),
            problems: Vec::new(),
            search: None,
        };
        let mut unsearched = req.clone();
        unsearched.search = String::new();
        let read = |page: i64, per_page: i64| {
            let mut one = unsearched.clone();
            one.page = page;
            one.per_page = per_page;
            unsearched_page_ids(conn, memo, r, &plain, &one).map(|(ids, _, _, pages)| (ids, pages))
        };
        if let Some(found) = wide_search::first_matches(conn, query, wide_search::BOUNDS, read)? {
            let more = found.more;
            let total = i64::try_from(found.ids.len()).unwrap_or(i64::MAX);
            let (page, pages, offset) = paging(total, req.page, req.per_page);
            let ids = found
                .ids
                .iter()
                .skip(usize::try_from(offset).unwrap_or(usize::MAX))
                .take(usize::try_from(req.per_page).unwrap_or(0))
                .copied()
                .collect();
            return Ok(((ids, total, page, pages), more));
        }
    }
    Ok((unsearched_page_ids(conn, memo, r, c, req)?, false))
}

/// The numbers of a page, the search (if any) read with the rest of the condition.
fn unsearched_page_ids(
    conn: &Connection,
    memo: &Memo,
    r: &Reader,
    c: &Condition,
    req: &ListRequest,
) -> rusqlite::Result<(Vec<i64>, i64, i64, i64)> {
    match &req.sort {
        // A search matches few tickets: one sorted read of the matches beats a read per state
        // (each of which would run the search again).
        Sort::Order(code) if code == "state" && req.search.is_empty() => {
            state_order_ids(conn, memo, r, c, req)
        }
        _ => ordered_ids(conn, memo, r, c, req),
    }
}

/// A ticket's place in a list: the tickets before and after it, and the page it is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Neighbours {
    pub previous: Option<i64>,
    pub next: Option<i64>,
    /// The page of the list the ticket is on (it may have moved to the page before or after).
    pub page: i64,
}

/// Where ticket `id` stands in the list `req` (looked for on its page and the pages around it),
/// if it is there.
pub fn neighbours(
    conn: &Connection,
    memo: &Memo,
    r: &Reader,
    req: &ListRequest,
    id: i64,
) -> rusqlite::Result<Option<Neighbours>> {
    let c = condition(r, req);
    let _planning = planning(r, &c);
    let at = |page: i64| -> rusqlite::Result<(Vec<i64>, i64, i64)> {
        let mut one = req.clone();
        one.page = page;
        let (found, _, page, pages) = page_ids(conn, memo, r, &c, &one)?;
        Ok((found, page, pages))
    };
    let (mut found, mut page, pages) = at(req.page)?;
    let mut index = found.iter().position(|t| *t == id);
    for other in [page + 1, page - 1] {
        if index.is_some() || other < 1 || other > pages {
            continue;
        }
        let (ids, p, _) = at(other)?;
        if let Some(i) = ids.iter().position(|t| *t == id) {
            (found, page, index) = (ids, p, Some(i));
        }
    }
    let Some(i) = index else {
        return Ok(None);
    };
    let previous = match i.checked_sub(1) {
        Some(j) => found.get(j).copied(),
        None if page > 1 => at(page - 1)?.0.last().copied(),
        None => None,
    };
    let next = match found.get(i + 1) {
        Some(n) => Some(*n),
        None if page < pages => at(page + 1)?.0.first().copied(),
        None => None,
    };
    Ok(Some(Neighbours {
        previous,
        next,
        page,
    }))
}

/// One page of the list `req` for `r`, at time `now`.
pub fn list(
    conn: &Connection,
    memo: &Memo,
    r: &Reader,
    req: &ListRequest,
    lang: Lang,
    now: i64,
) -> rusqlite::Result<ListPage> {
    let c = condition(r, req);
    let _planning = planning(r, &c);
    let ((found, total, page, pages), more) = searched_page_ids(conn, memo, r, &c, req)?;
    Ok(ListPage {
        rows: rows_of(conn, memo, r, req, &found, lang, now)?,
        total,
        more,
        page,
        pages,
        problems: c.problems,
    })
}

/// The lines of tickets `found` of list `req`, as `r` sees them at `now`.
fn rows_of(
    conn: &Connection,
    memo: &Memo,
    r: &Reader,
    req: &ListRequest,
    found: &[i64],
    lang: Lang,
    now: i64,
) -> rusqlite::Result<Vec<Row>> {
    let day_start = clock::day_start(now);
    let marks = Marks {
        day_start,
        period_start: match req.view.scope {
            Scope::Activity { from, .. } => from,
            _ => day_start,
        },
        today: clock::date_text(now),
        hope_mandatory: r.has(right::TICKET_DATE_HOPE_MANDATORY),
        first_names: r.has(right::DASHBOARD_FIRSTNAME),
    };
    details(conn, memo, found, lang, &marks)
}

/// The numbers of every ticket of the list `req` (all pages), up to `limit`, for actions on a
/// whole view.
pub fn all_ids(
    conn: &Connection,
    r: &Reader,
    req: &ListRequest,
    limit: i64,
) -> rusqlite::Result<Vec<i64>> {
    let c = condition(r, req);
    let _planning = planning(r, &c);
    let mut values = c.values.clone();
    values.push(SqlValue::Integer(limit));
    ids(
        conn,
        &format!(
            "SELECT t.id FROM tickets t {} WHERE {} ORDER BY t.id LIMIT ?",
            join_sql(&c.joins),
            c.sql
        ),
        values,
    )
}

/// Every line of the list `req` (all pages, every match of a search), for exports.
pub fn all_rows(
    conn: &Connection,
    memo: &Memo,
    r: &Reader,
    req: &ListRequest,
    lang: Lang,
    now: i64,
) -> rusqlite::Result<Vec<Row>> {
    let mut everything = req.clone();
    everything.page = 1;
    everything.per_page = i64::MAX / 4;
    // Every match of a search, not the first ones a page of a wide search is bounded to.
    let c = condition(r, &everything);
    let _planning = planning(r, &c);
    let (found, ..) = unsearched_page_ids(conn, memo, r, &c, &everything)?;
    rows_of(conn, memo, r, &everything, &found, lang, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descending_keeps_empty_values_last() {
        assert_eq!(
            column_order(Column::Priority, true),
            "pr.position IS NULL, pr.position DESC, t.id DESC"
        );
        assert_eq!(column_order(Column::Number, false), "t.id, t.id ASC");
    }

    /// Reading a state group by group gives the order one sort of the whole state gives, with
    /// priorities sharing a place, tickets without priority or criticality, and any slice.
    #[test]
    fn a_state_read_by_groups_keeps_the_sorted_order() {
        let dir = tempfile::tempdir().expect("dir");
        let db = crate::db::Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        db.write_blocking(|tx| {
            // Two priorities at the same place, so that their tickets interleave by date.
            tx.execute_batch("UPDATE priorities SET position = 2 WHERE id = 3")?;
            let mut insert = tx.prepare(
                "INSERT INTO tickets (title, state_id, created_at, modified_at, priority_id,
                                      criticality_id) VALUES ('t', 2, ?1, 0, ?2, ?3)",
            )?;
            for i in 0..300_i64 {
                let priority = [None, Some(1), Some(2), Some(3), Some(4)][(i * 7 % 5) as usize];
                let criticality = [None, Some(1), Some(2), Some(3)][(i * 11 % 4) as usize];
                insert.execute(rusqlite::params![(i * 37) % 101, priority, criticality])?;
            }
            Ok::<_, crate::db::DbError>(())
        })
        .expect("tickets");
        db.read_blocking(|conn| {
            let c = Condition {
                sql: "t.deleted = 0".to_owned(),
                values: Vec::new(),
                joins: Vec::new(),
                problems: Vec::new(),
                search: None,
            };
            let sorted = ids(
                conn,
                "SELECT t.id FROM tickets t
                 LEFT JOIN priorities pr ON pr.id = t.priority_id
                 LEFT JOIN criticalities cr ON cr.id = t.criticality_id
                 WHERE t.state_id = 2 ORDER BY pr.position IS NULL, pr.position,
                 cr.position IS NULL, cr.position, t.created_at, t.id",
                Vec::new(),
            )?;
            assert_eq!(sorted.len(), 300);
            for (offset, wanted) in [(0, 300), (0, 20), (37, 20), (120, 50), (290, 20)] {
                let start = usize::try_from(offset).expect("small");
                let end = (start + usize::try_from(wanted).expect("small")).min(sorted.len());
                assert_eq!(
                    state_slice(conn, db.memo(), &c, false, 2, offset, wanted)?,
                    sorted[start..end].to_vec(),
                    "{offset} + {wanted}"
                );
            }
            Ok::<_, crate::db::DbError>(())
        })
        .expect("read");
    }

    #[test]
    fn pages_are_clamped() {
        assert_eq!(paging(0, 1, 10), (1, 1, 0));
        assert_eq!(paging(95, 3, 10), (3, 10, 20));
        assert_eq!(paging(95, 99, 10), (10, 10, 90));
        assert_eq!(paging(95, -4, 10), (1, 10, 0));
    }

    #[test]
    fn unreadable_filters_are_reported_not_used() {
        let f = |column, value: &str| Filter {
            column,
            value: value.to_owned(),
        };
        assert!(filter_sql(&f(Column::Number, "#12")).is_ok());
        assert!(filter_sql(&f(Column::Number, "twelve")).is_err());
        assert!(filter_sql(&f(Column::Created, "2026-13-45")).is_err());
        assert!(filter_sql(&f(Column::State, "'; DROP TABLE tickets")).is_err());
        assert!(matches!(filter_sql(&f(Column::Title, "  ")), Ok(None)));
    }
}
