//! Who sees which tickets. Staff holding `side_all` see every ticket, unless
//! `dashboard_service_only` (with service partitioning) or `dashboard_agency_only` (with
//! agencies) keeps them to their services' or agencies' tickets and those they handle; anyone
//! else sees the
//! tickets they asked for (themselves or through one of their user groups), plus their
//! company's when that policy is on and they hold `side_company`, plus their services' when
//! service partitioning is on and they hold `side_all_service_disp`, their agencies' when
//! agencies are on and they hold `side_all_agency_disp`, plus those they observe
//! (themselves or through a group) while observers are on. The same rule is one SQL
//! condition, used by every query that reads tickets for someone, so that a guessed number
//! answers "not found".

use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use rusqlite::Connection;
use rusqlite::types::Value as SqlValue;

use crate::domain::rights::RightSet;
use crate::domain::settings::{self, Settings};

/// What one person may see.
#[derive(Debug, Clone, Default)]
pub struct Viewer {
    pub user: i64,
    /// Every ticket.
    pub all: bool,
    /// Their user groups.
    pub groups: Vec<i64>,
    /// Their company, when they see its tickets.
    pub company: Option<i64>,
    /// Their services, when they see those tickets.
    pub services: Vec<i64>,
    /// Their agencies, when they see those tickets.
    pub agencies: Vec<i64>,
    /// Kept to their services or agencies: the tickets they handle stay theirs.
    pub handles: bool,
    /// Whether they see entries hidden from requesters.
    pub private_entries: bool,
    /// Whether they see the tickets they observe.
    pub observed: bool,
}

impl Viewer {
    /// The viewer for `user`.
    pub fn load(
        conn: &Connection,
        user: i64,
        rights: &RightSet,
        s: &Settings,
    ) -> rusqlite::Result<Viewer> {
        let service_only =
            s.flag(settings::USER_LIMIT_SERVICE) && rights.has(right::DASHBOARD_SERVICE_ONLY);
        let agency_only = s.flag(settings::USER_AGENCY) && rights.has(right::DASHBOARD_AGENCY_ONLY);
        let all = rights.has(right::SIDE_ALL) && !service_only && !agency_only;
        let groups = ids(
            conn,
            "SELECT m.group_id FROM group_members m JOIN groups g ON g.id = m.group_id
             WHERE m.user_id = ?1 AND g.kind = 'user'",
            user,
        )?;
        let company = if s.flag(settings::USER_COMPANY_VIEW) && rights.has(right::SIDE_COMPANY) {
            conn.query_row("SELECT company_id FROM users WHERE id = ?1", [user], |r| {
                r.get::<_, Option<i64>>(0)
            })?
        } else {
            None
        };
        let services = if s.flag(settings::USER_LIMIT_SERVICE)
            && (rights.has(right::SIDE_ALL_SERVICE_DISP) || service_only)
        {
            ids(
                conn,
                "SELECT service_id FROM user_services WHERE user_id = ?1",
                user,
            )?
        } else {
            Vec::new()
        };
        let agencies = if s.flag(settings::USER_AGENCY)
            && (rights.has(right::SIDE_ALL_AGENCY_DISP) || agency_only)
        {
            ids(
                conn,
                "SELECT agency_id FROM user_agencies WHERE user_id = ?1",
                user,
            )?
        } else {
            Vec::new()
        };
        Ok(Viewer {
            agencies,
            handles: service_only || agency_only,
            user,
            all,
            groups,
            company,
            services,
            private_entries: rights.has(right::TICKET_THREAD_PRIVATE),
            observed: s.flag(settings::TICKET_OBSERVER),
        })
    }

    /// A condition on the ticket alias `t` and its bound values.
    pub fn condition(&self) -> (String, Vec<SqlValue>) {
        if self.all {
            return ("t.deleted = 0".to_owned(), Vec::new());
        }
        let mut parts = vec!["t.requester_id = ?".to_owned()];
        let mut values = vec![SqlValue::Integer(self.user)];
        for g in &self.groups {
            parts.push("t.user_group_id = ?".to_owned());
            values.push(SqlValue::Integer(*g));
        }
        if let Some(c) = self.company {
            parts.push("t.requester_id IN (SELECT id FROM users WHERE company_id = ?)".to_owned());
            values.push(SqlValue::Integer(c));
        }
        for s in &self.services {
            parts.push("t.service_id = ?".to_owned());
            values.push(SqlValue::Integer(*s));
        }
        for a in &self.agencies {
            parts.push("t.agency_id = ?".to_owned());
            values.push(SqlValue::Integer(*a));
        }
        if self.handles {
            parts.push(
                "t.id IN (SELECT id FROM tickets WHERE technician_id = ?
                          UNION ALL SELECT t2.id FROM group_members m
                              JOIN tickets t2 ON t2.tech_group_id = m.group_id WHERE m.user_id = ?)"
                    .to_owned(),
            );
            values.push(SqlValue::Integer(self.user));
            values.push(SqlValue::Integer(self.user));
        }
        if self.observed {
            parts.push(format!("t.id IN ({})", super::observers::OBSERVED_BY));
            values.push(SqlValue::Integer(self.user));
            values.push(SqlValue::Integer(self.user));
        }
        (
            format!("t.deleted = 0 AND ({})", parts.join(" OR ")),
            values,
        )
    }

    /// Whether ticket `id` is visible.
    pub fn sees(&self, conn: &Connection, id: TicketId) -> rusqlite::Result<bool> {
        let (cond, mut values) = self.condition();
        values.push(id.into());
        conn.query_row(
            &format!("SELECT EXISTS(SELECT 1 FROM tickets t WHERE {cond} AND t.id = ?)"),
            rusqlite::params_from_iter(values),
            |r| r.get(0),
        )
    }
}

fn ids(conn: &Connection, sql: &str, user: i64) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([user], |r| r.get(0))?;
    rows.collect()
}
