//! The counters around the lists: the left menu's views with their ticket counts, and the user
//! bar (resolved tickets; for technicians what is to handle, the workload and new tickets).
//! Every count follows the reader's visibility rules, since it runs the views' own conditions.

use crate::domain::rights::names as right;
use std::collections::HashMap;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params_from_iter};

use crate::domain::tickets::states;

use super::count_cache;
use super::kept_counts;
use super::reader::Reader;
use super::scope::{Scope, StateSel, View};

/// What a menu entry is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// "To handle".
    Meta,
    /// Every state.
    AllStates,
    /// Not read yet.
    Unread,
    /// A state, by its stored name or translation key.
    State {
        name: Option<String>,
        key: Option<String>,
    },
    /// A group, company, service, agency or personal view.
    Named(String),
    /// The tickets the reader observes.
    Observed,
}

/// One entry of the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub view: View,
    pub label: Label,
    pub count: i64,
}

/// What a menu section is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Title {
    Your,
    All,
    Shared,
    Personal,
}

/// A section of the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: Title,
    pub entries: Vec<Entry>,
}

/// The user bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Bar {
    /// Resolved tickets: asked by the reader, or handled by them for technicians.
    pub resolved: i64,
    /// For technicians with `userbar`: the rest.
    pub tech: Option<TechBar>,
}

/// The technician's part of the user bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TechBar {
    /// Waiting and in progress.
    pub active: i64,
    /// Waiting, in progress and waiting for user.
    pub to_handle: i64,
    /// Estimated minutes not yet spent on open tickets.
    pub workload_minutes: i64,
    /// Tickets nobody has yet (the red bell).
    pub unassigned: i64,
}

/// Everything the page frame shows about tickets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub sections: Vec<Section>,
    pub bar: Bar,
}

/// A state as the menu lists it.
struct StateRow {
    id: i64,
    name: Option<String>,
    key: Option<String>,
    meta: bool,
}

fn states_in_order(conn: &Connection) -> rusqlite::Result<Vec<StateRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, name_key, is_meta FROM ticket_states WHERE hidden = 0 ORDER BY position, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(StateRow {
            id: r.get(0)?,
            name: r.get(1)?,
            key: r.get(2)?,
            meta: r.get(3)?,
        })
    })?;
    rows.collect()
}

/// The tickets of `scope` in every state, by state, as `r` sees them. For readers who see
/// every ticket, all tickets, their own and their groups' come from the counts the database
/// keeps on every write ([`kept_counts`]); other counts are kept until tickets change. Shared
/// by the menu and the lists.
pub fn scope_counts(
    conn: &Connection,
    r: &Reader,
    scope: Scope,
) -> rusqlite::Result<count_cache::Counts> {
    let _planning = super::plan::Planning::start(super::listing::wide(r));
    if r.viewer.all {
        // Exact at every moment, and remembered until tickets change all the same (a page then
        // reads no counts at all).
        match scope {
            Scope::All => {
                return count_cache::remembered(conn, "kept:all".to_owned(), || {
                    kept_counts::every(conn)
                });
            }
            Scope::Your if r.technician => {
                return count_cache::remembered(conn, format!("kept:own:{}", r.user), || {
                    kept_counts::own(conn, r.user)
                });
            }
            Scope::TechGroup(g) => {
                return count_cache::remembered(conn, format!("kept:group:{g}"), || {
                    kept_counts::tech_group(conn, g)
                });
            }
            _ => {}
        }
    }
    let view = View {
        scope,
        state: StateSel::Any,
    };
    let (cond, values) = view.condition(r);
    count_cache::per_state(conn, &format!("FROM tickets t WHERE {cond}"), &values)
}

fn count(conn: &Connection, r: &Reader, view: View) -> rusqlite::Result<i64> {
    let (cond, values) = view.condition(r);
    conn.prepare_cached(&format!("SELECT count(*) FROM tickets t WHERE {cond}"))?
        .query_row(params_from_iter(values), |r| r.get(0))
}

fn open_count(counts: &HashMap<i64, i64>) -> i64 {
    counts
        .iter()
        .filter(|(s, _)| !states::is_closed(**s))
        .map(|(_, n)| n)
        .sum()
}

/// A section with an entry per state (and "to handle", "all").
fn per_state(
    scope: Scope,
    counts: &HashMap<i64, i64>,
    list: &[StateRow],
    meta: bool,
) -> Vec<Entry> {
    let mut entries = Vec::new();
    if meta {
        entries.push(Entry {
            view: View {
                scope,
                state: StateSel::Meta,
            },
            label: Label::Meta,
            count: list
                .iter()
                .filter(|s| s.meta)
                .map(|s| counts.get(&s.id).copied().unwrap_or(0))
                .sum(),
        });
    }
    for s in list {
        entries.push(Entry {
            view: View {
                scope,
                state: StateSel::One(s.id),
            },
            label: Label::State {
                name: s.name.clone(),
                key: s.key.clone(),
            },
            count: counts.get(&s.id).copied().unwrap_or(0),
        });
    }
    entries.push(Entry {
        view: View {
            scope,
            state: StateSel::Any,
        },
        label: Label::AllStates,
        count: counts.values().sum(),
    });
    entries
}

fn menu(conn: &Connection, r: &Reader) -> rusqlite::Result<Vec<Section>> {
    let list = states_in_order(conn)?;
    let mut sections = Vec::new();
    if Scope::Your.allowed(r) {
        let counts = scope_counts(conn, r, Scope::Your)?;
        let mut entries = per_state(
            Scope::Your,
            &counts,
            &list,
            r.meta_on() && (r.has(right::SIDE_YOUR_META) || !r.technician),
        );
        // A technician's "unassigned" entry only with `side_your_not_attribute`.
        if r.technician && !r.has(right::SIDE_YOUR_NOT_ATTRIBUTE) {
            entries.retain(|e| e.view.state != StateSel::One(states::UNASSIGNED));
        }
        if r.technician && r.has(right::SIDE_YOUR_NOT_READ) {
            let unread = View {
                scope: Scope::Your,
                state: StateSel::Unread,
            };
            entries.insert(
                entries.len() - 1,
                Entry {
                    view: unread,
                    label: Label::Unread,
                    count: count(conn, r, unread)?,
                },
            );
        }
        sections.push(Section {
            title: Title::Your,
            entries,
        });
    }
    if Scope::All.allowed(r) {
        let counts = scope_counts(conn, r, Scope::All)?;
        let mut entries = per_state(
            Scope::All,
            &counts,
            &list,
            r.meta_on() && r.has(right::SIDE_ALL_META),
        );
        // The new tickets nobody has yet only with `side_all_wait`.
        if !r.has(right::SIDE_ALL_WAIT) {
            entries.retain(|e| e.view.state != StateSel::One(states::UNASSIGNED));
        }
        sections.push(Section {
            title: Title::All,
            entries,
        });
    }
    let mut shared = Vec::new();
    let mut single = |scope: Scope, label: Label| -> rusqlite::Result<()> {
        if scope.allowed(r) {
            let counts = scope_counts(conn, r, scope)?;
            shared.push(Entry {
                // The list it opens holds what is counted: the open tickets.
                view: View {
                    scope,
                    state: StateSel::Open,
                },
                label,
                count: open_count(&counts),
            });
        }
        Ok(())
    };
    single(Scope::Observed, Label::Observed)?;
    for g in &r.user_groups {
        single(
            Scope::UserGroup(g.id),
            Label::Named(format!("[G] {}", g.name)),
        )?;
    }
    for g in &r.tech_groups {
        single(
            Scope::TechGroup(g.id),
            Label::Named(format!("[G] {}", g.name)),
        )?;
    }
    if let Some(c) = &r.company {
        single(Scope::Company, Label::Named(c.name.clone()))?;
    }
    for s in &r.services {
        single(Scope::Service(s.id), Label::Named(s.name.clone()))?;
    }
    for a in &r.agencies {
        single(Scope::Agency(a.id), Label::Named(a.name.clone()))?;
    }
    if !shared.is_empty() {
        sections.push(Section {
            title: Title::Shared,
            entries: shared,
        });
    }
    if r.has(right::SIDE_VIEW) && !r.personal.is_empty() {
        let mut entries = Vec::new();
        for v in &r.personal {
            let view = View {
                scope: Scope::Personal(v.id),
                state: StateSel::Open,
            };
            entries.push(Entry {
                view,
                label: Label::Named(v.name.clone()),
                count: open_count(&*scope_counts(conn, r, view.scope)?),
            });
        }
        sections.push(Section {
            title: Title::Personal,
            entries,
        });
    }
    Ok(sections)
}

fn bar(conn: &Connection, r: &Reader) -> rusqlite::Result<Bar> {
    let me = r.user;
    if !r.technician {
        let resolved = conn
            .prepare_cached(
                "SELECT count(*) FROM tickets WHERE requester_id = ?1 AND state_id = ?2 AND deleted = 0",
            )?
            .query_row([me, states::RESOLVED], |row| row.get(0))?;
        return Ok(Bar {
            resolved,
            tech: None,
        });
    }
    // Counts from what the database keeps; the workload read from the open tickets only, state
    // by state through the workload index (0.2 ms instead of 3 ms for 15,000 tickets).
    let handled = kept_counts::handled(conn, me)?;
    let n = |s: i64| handled.get(&s).copied().unwrap_or(0);
    let resolved = n(states::RESOLVED);
    if !r.has(right::USERBAR) {
        return Ok(Bar {
            resolved,
            tech: None,
        });
    }
    let workload_minutes: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(sum(max(time_hope_minutes - time_spent_minutes, 0)), 0)
             FROM tickets WHERE technician_id = ?1 AND deleted = 0
               AND state_id IN (SELECT id FROM ticket_states WHERE id NOT IN (?2, ?3))",
        )?
        .query_row([me, states::RESOLVED, states::REJECTED], |row| row.get(0))?;
    let (seen, values) = r.viewer.condition();
    let unassigned: i64 = {
        let mut values: Vec<SqlValue> = values;
        values.push(SqlValue::Integer(states::UNASSIGNED));
        conn.prepare_cached(&format!(
            "SELECT count(*) FROM tickets t WHERE {seen} AND t.state_id = ?"
        ))?
        .query_row(params_from_iter(values), |row| row.get(0))?
    };
    Ok(Bar {
        resolved,
        tech: Some(TechBar {
            active: n(states::WAITING) + n(states::IN_PROGRESS),
            to_handle: n(states::WAITING) + n(states::IN_PROGRESS) + n(states::WAITING_USER),
            workload_minutes,
            unassigned,
        }),
    })
}

/// The menu and the user bar of `r`.
pub fn summary(conn: &Connection, r: &Reader) -> rusqlite::Result<Summary> {
    Ok(Summary {
        sections: menu(conn, r)?,
        bar: bar(conn, r)?,
    })
}

/// How many ticket changes the database has seen: equal numbers mean nothing changed.
pub fn generation(conn: &Connection) -> rusqlite::Result<i64> {
    Ok(crate::db::generations(conn)?.1)
}
