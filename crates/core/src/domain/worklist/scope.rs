//! Views of the ticket list: whose tickets (the scope) and which states, their codes in
//! addresses, who may open them, and the SQL condition each stands for.

use crate::domain::rights::names as right;
use rusqlite::types::Value as SqlValue;

use crate::domain::clock;
use crate::domain::tickets::states;

use super::reader::Reader;

/// Whose tickets a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Assigned to the reader (technicians) or asked by them (everyone).
    Your,
    /// Every ticket the reader may see.
    All,
    /// A technician group of the reader.
    TechGroup(i64),
    /// A user group of the reader (`side_group`).
    UserGroup(i64),
    /// The reader's company.
    Company,
    /// One of the reader's services.
    Service(i64),
    /// One of the reader's agencies.
    Agency(i64),
    /// One of the reader's personal views (a category or subcategory).
    Personal(i64),
    /// The tickets the reader observes (themselves or through a technician group).
    Observed,
    /// Created, closed or advanced in a period (start inclusive, end exclusive).
    Activity { from: i64, to: i64 },
}

/// Which states a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StateSel {
    Any,
    /// Waiting and in progress (what a technician is working through).
    Active,
    /// Waiting, in progress and waiting for user (the states marked "meta").
    Meta,
    /// Not read yet by their technician (the reader).
    Unread,
    /// Every state but resolved and rejected (what the menu counts for shared and personal
    /// views).
    Open,
    One(i64),
}

/// A view: a scope and a state selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct View {
    pub scope: Scope,
    pub state: StateSel,
}

fn id_after(code: &str, prefix: &str) -> Option<i64> {
    code.strip_prefix(prefix)?
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
}

impl Scope {
    /// The scope of an address code (`your`, `all`, `group-3`...); activity has its own page.
    pub fn parse(code: &str) -> Option<Scope> {
        match code {
            "your" => Some(Scope::Your),
            "all" => Some(Scope::All),
            "company" => Some(Scope::Company),
            "observed" => Some(Scope::Observed),
            _ => id_after(code, "group-")
                .map(Scope::TechGroup)
                .or_else(|| id_after(code, "users-").map(Scope::UserGroup))
                .or_else(|| id_after(code, "service-").map(Scope::Service))
                .or_else(|| id_after(code, "agency-").map(Scope::Agency))
                .or_else(|| id_after(code, "personal-").map(Scope::Personal)),
        }
    }

    /// The code of the scope in addresses.
    pub fn code(&self) -> String {
        match self {
            Scope::Your => "your".to_owned(),
            Scope::All => "all".to_owned(),
            Scope::Company => "company".to_owned(),
            Scope::TechGroup(id) => format!("group-{id}"),
            Scope::UserGroup(id) => format!("users-{id}"),
            Scope::Service(id) => format!("service-{id}"),
            Scope::Agency(id) => format!("agency-{id}"),
            Scope::Personal(id) => format!("personal-{id}"),
            Scope::Observed => "observed".to_owned(),
            Scope::Activity { .. } => "activity".to_owned(),
        }
    }

    /// Whether `r` may open this scope. Personal views are checked against the database by
    /// the list itself (they must be the reader's own).
    pub fn allowed(&self, r: &Reader) -> bool {
        match self {
            Scope::Your => r.has(right::SIDE_YOUR) || !r.technician,
            Scope::All => r.has(right::SIDE_ALL),
            Scope::TechGroup(g) => {
                r.has(right::SIDE_YOUR_TECH_GROUP) && r.tech_groups.iter().any(|n| n.id == *g)
            }
            Scope::UserGroup(g) => {
                r.has(right::SIDE_GROUP) && r.user_groups.iter().any(|n| n.id == *g)
            }
            Scope::Company => r.has(right::SIDE_COMPANY) && r.company.is_some(),
            Scope::Service(s) => {
                r.has(right::SIDE_ALL_SERVICE_DISP) && r.services.iter().any(|n| n.id == *s)
            }
            Scope::Agency(a) => {
                r.has(right::SIDE_ALL_AGENCY_DISP) && r.agencies.iter().any(|n| n.id == *a)
            }
            Scope::Personal(_) => r.has(right::SIDE_VIEW),
            Scope::Observed => {
                r.has(right::SIDE_YOUR_OBSERVER)
                    && r.settings.flag(crate::domain::settings::TICKET_OBSERVER)
            }
            Scope::Activity { .. } => r.has(right::USERBAR),
        }
    }

    /// The condition on tickets `t` (besides what the reader may see).
    pub fn condition(&self, r: &Reader) -> (String, Vec<SqlValue>) {
        let me = SqlValue::Integer(r.user);
        match *self {
            // With statistics read from whole indexes, SQLite reads each side of the OR from
            // its own index together with the state (a union built the set of every ticket a
            // busy technician ever had first: 150,000 at a million tickets).
            Scope::Your if r.technician => (
                "(t.technician_id = ? OR t.requester_id = ?)".to_owned(),
                vec![me.clone(), me],
            ),
            Scope::Your => {
                let mut sql = "(t.requester_id = ?".to_owned();
                let mut values = vec![me];
                for g in &r.viewer.groups {
                    sql.push_str(" OR t.user_group_id = ?");
                    values.push(SqlValue::Integer(*g));
                }
                sql.push(')');
                (sql, values)
            }
            Scope::All => ("1".to_owned(), Vec::new()),
            Scope::TechGroup(g) => ("t.tech_group_id = ?".to_owned(), vec![SqlValue::Integer(g)]),
            Scope::UserGroup(g) => ("t.user_group_id = ?".to_owned(), vec![SqlValue::Integer(g)]),
            Scope::Company => (
                "t.requester_id IN (SELECT id FROM users WHERE company_id = ?)".to_owned(),
                vec![SqlValue::Integer(r.company.as_ref().map_or(0, |c| c.id))],
            ),
            Scope::Service(s) => ("t.service_id = ?".to_owned(), vec![SqlValue::Integer(s)]),
            Scope::Agency(a) => ("t.agency_id = ?".to_owned(), vec![SqlValue::Integer(a)]),
            Scope::Personal(v) => (
                "EXISTS (SELECT 1 FROM personal_views v WHERE v.id = ? AND v.user_id = ?
                     AND (v.subcategory_id = t.subcategory_id
                          OR (v.subcategory_id IS NULL AND v.category_id = t.category_id)))"
                    .to_owned(),
                vec![SqlValue::Integer(v), me],
            ),
            Scope::Observed => (
                format!(
                    "t.id IN ({})",
                    crate::domain::tickets::observers::OBSERVED_BY
                ),
                vec![me.clone(), me],
            ),
            Scope::Activity { from, to } => {
                let now = clock::now();
                let (advanced, mut values) = super::activity::advanced(from, to, now);
                let (f, t) = (SqlValue::Integer(from), SqlValue::Integer(to));
                let mut all = vec![
                    f.clone(),
                    t.clone(),
                    f,
                    t,
                    SqlValue::Integer(states::RESOLVED),
                    SqlValue::Integer(states::REJECTED),
                ];
                all.append(&mut values);
                let (opened, closed) = (
                    "t.created_at >= ? AND t.created_at < ?",
                    "t.resolved_at >= ? AND t.resolved_at < ? AND t.state_id IN (?, ?)",
                );
                // Up to now, each part is read from its index together with the rest of the
                // list's condition; a period that has ended reads the replies of the period
                // once, into one set with the others.
                let sql = if to > now {
                    format!("(({opened}) OR ({closed}) OR {advanced})")
                } else {
                    format!(
                        "t.id IN (SELECT t.id FROM tickets t WHERE {opened}
                                  UNION SELECT t.id FROM tickets t WHERE {closed}
                                  UNION SELECT t.id FROM tickets t WHERE {advanced})"
                    )
                };
                (sql, all)
            }
        }
    }
}

impl StateSel {
    /// The state selection of an address code (`meta`, `unread`, a state id; empty for any).
    pub fn parse(code: &str) -> Option<StateSel> {
        match code {
            "" | "all" => Some(StateSel::Any),
            "meta" => Some(StateSel::Meta),
            "active" => Some(StateSel::Active),
            "unread" => Some(StateSel::Unread),
            "open" => Some(StateSel::Open),
            _ => code
                .parse::<i64>()
                .ok()
                .filter(|n| *n > 0)
                .map(StateSel::One),
        }
    }

    /// The code in addresses.
    pub fn code(&self) -> String {
        match self {
            StateSel::Any => String::new(),
            StateSel::Meta => "meta".to_owned(),
            StateSel::Active => "active".to_owned(),
            StateSel::Unread => "unread".to_owned(),
            StateSel::Open => "open".to_owned(),
            StateSel::One(id) => id.to_string(),
        }
    }

    /// The condition on tickets `t`.
    pub fn condition(&self, r: &Reader) -> (String, Vec<SqlValue>) {
        match *self {
            StateSel::Any => ("1".to_owned(), Vec::new()),
            StateSel::Meta => (
                "t.state_id IN (SELECT id FROM ticket_states WHERE is_meta = 1)".to_owned(),
                Vec::new(),
            ),
            StateSel::Active => (
                "t.state_id IN (?, ?)".to_owned(),
                vec![
                    SqlValue::Integer(states::WAITING),
                    SqlValue::Integer(states::IN_PROGRESS),
                ],
            ),
            StateSel::Unread => (
                "t.technician_id = ? AND t.tech_read = 0".to_owned(),
                vec![SqlValue::Integer(r.user)],
            ),
            // The open states listed, so that each is read from the index by state.
            StateSel::Open => (
                "t.state_id IN (SELECT id FROM ticket_states WHERE id NOT IN (?, ?))".to_owned(),
                vec![
                    SqlValue::Integer(states::RESOLVED),
                    SqlValue::Integer(states::REJECTED),
                ],
            ),
            StateSel::One(id) => ("t.state_id = ?".to_owned(), vec![SqlValue::Integer(id)]),
        }
    }
}

impl View {
    /// The whole condition of the view for `r`, visibility included.
    pub fn condition(&self, r: &Reader) -> (String, Vec<SqlValue>) {
        let (seen, mut values) = r.viewer.condition();
        // "Not read yet" means tickets the reader handles: inside their own tickets already,
        // and far cheaper to find by technician than through the whole "your tickets" set.
        let (scope, v2) = if self.state == StateSel::Unread && self.scope == Scope::Your {
            ("1".to_owned(), Vec::new())
        } else {
            self.scope.condition(r)
        };
        let (state, v3) = self.state.condition(r);
        values.extend(v2);
        values.extend(v3);
        (format!("{seen} AND {scope} AND {state}"), values)
    }

    /// The view users land on after logging in: their own choice (`[scope|]state`, any view
    /// they may open), else the global one; their own tickets when the scope is not theirs.
    pub fn at_login(r: &Reader) -> View {
        let code = r
            .default_state
            .clone()
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| {
                r.settings
                    .raw(crate::domain::settings::DEFAULT_STATE)
                    .to_owned()
            });
        let (scope, state) = code.split_once('|').unwrap_or(("", code.as_str()));
        let scope = Scope::parse(scope)
            .filter(|s| s.allowed(r) && !matches!(s, Scope::Activity { .. }))
            .unwrap_or(Scope::Your);
        let state = match StateSel::parse(state) {
            Some(StateSel::Meta) if !r.meta_on() => StateSel::Any,
            Some(s) => s,
            None => StateSel::Any,
        };
        View { scope, state }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for s in [
            Scope::Your,
            Scope::All,
            Scope::Company,
            Scope::TechGroup(3),
            Scope::UserGroup(5),
            Scope::Service(2),
            Scope::Agency(9),
            Scope::Personal(4),
            Scope::Observed,
        ] {
            assert_eq!(Scope::parse(&s.code()), Some(s));
        }
        for bad in [
            "",
            "group-",
            "group-0",
            "group--1",
            "service-x",
            "everything",
        ] {
            assert_eq!(Scope::parse(bad), None, "{bad}");
        }
        for s in [
            StateSel::Any,
            StateSel::Meta,
            StateSel::Active,
            StateSel::Unread,
            StateSel::Open,
            StateSel::One(6),
        ] {
            assert_eq!(StateSel::parse(&s.code()), Some(s));
        }
        assert_eq!(StateSel::parse("-2"), None);
        assert_eq!(StateSel::parse("drop table"), None);
    }
}
