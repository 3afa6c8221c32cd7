//! The acting user ([`Actor`]) as a reader of ticket lists: what they may see, and the groups,
//! company, services and agencies their views are built from.

use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension};

use crate::domain::actor::Actor;
use crate::domain::rights::RightSet;
use crate::domain::settings::{self, Settings};
use crate::domain::tickets::visibility::Viewer;

/// A named thing a view is built on (a technician group, a service, an agency, a personal view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

/// The person reading lists.
#[derive(Debug, Clone)]
pub struct Reader {
    pub user: i64,
    pub technician: bool,
    pub rights: RightSet,
    pub settings: Arc<Settings>,
    pub viewer: Viewer,
    /// Their technician groups.
    pub tech_groups: Vec<Named>,
    /// Their user groups, when the menu lists them (`side_group`).
    pub user_groups: Vec<Named>,
    /// Their company, when company views are on.
    pub company: Option<Named>,
    /// Their services, when service partitioning is on.
    pub services: Vec<Named>,
    /// Their agencies, when agencies are on.
    pub agencies: Vec<Named>,
    /// Their personal views.
    pub personal: Vec<Named>,
    /// Their own default state at login and sort order, if set.
    pub default_state: Option<String>,
    pub order: Option<String>,
}

fn named(conn: &Connection, sql: &str, user: i64) -> rusqlite::Result<Vec<Named>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([user], |r| {
        Ok(Named {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    rows.collect()
}

impl Reader {
    /// Loads what `actor` reads ticket lists with.
    pub fn load(conn: &Connection, actor: &Actor) -> rusqlite::Result<Reader> {
        let (user, rights, s) = (actor.user.id.0, &actor.rights, &*actor.settings);
        let viewer = Viewer::load(conn, user, rights, s)?;
        let tech_groups = named(
            conn,
            "SELECT g.id, g.name FROM group_members m JOIN groups g ON g.id = m.group_id
             WHERE m.user_id = ?1 AND g.kind = 'technician' AND g.disabled = 0
             ORDER BY g.name COLLATE NOCASE",
            user,
        )?;
        let user_groups = if rights.has(crate::domain::rights::names::SIDE_GROUP) {
            named(
                conn,
                "SELECT g.id, g.name FROM group_members m JOIN groups g ON g.id = m.group_id
                 WHERE m.user_id = ?1 AND g.kind = 'user' AND g.disabled = 0
                 ORDER BY g.name COLLATE NOCASE",
                user,
            )?
        } else {
            Vec::new()
        };
        let company = if s.flag(settings::USER_COMPANY_VIEW) {
            conn.query_row(
                "SELECT c.id, c.name FROM users u JOIN companies c ON c.id = u.company_id
                 WHERE u.id = ?1",
                [user],
                |r| {
                    Ok(Named {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    })
                },
            )
            .optional()?
        } else {
            None
        };
        let services = if s.flag(settings::USER_LIMIT_SERVICE) {
            named(
                conn,
                "SELECT s.id, s.name FROM user_services us JOIN services s ON s.id = us.service_id
                 WHERE us.user_id = ?1 AND s.disabled = 0 ORDER BY s.name COLLATE NOCASE",
                user,
            )?
        } else {
            Vec::new()
        };
        let agencies = if s.flag(settings::USER_AGENCY) {
            named(
                conn,
                "SELECT a.id, a.name FROM user_agencies ua JOIN agencies a ON a.id = ua.agency_id
                 WHERE ua.user_id = ?1 AND a.disabled = 0 ORDER BY a.name COLLATE NOCASE",
                user,
            )?
        } else {
            Vec::new()
        };
        let personal = named(
            conn,
            "SELECT id, name FROM personal_views WHERE user_id = ?1 ORDER BY name COLLATE NOCASE, id",
            user,
        )?;
        let (default_state, order) = conn
            .prepare_cached("SELECT default_ticket_state, ticket_order FROM users WHERE id = ?1")?
            .query_row([user], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(Reader {
            user,
            technician: actor.is_technician(),
            rights: rights.clone(),
            settings: actor.settings.clone(),
            viewer,
            tech_groups,
            user_groups,
            company,
            services,
            agencies,
            personal,
            default_state,
            order,
        })
    }

    /// Whether `right` is granted.
    pub fn has(&self, right: crate::domain::rights::Right) -> bool {
        self.rights.has(right)
    }

    /// Whether the "to handle" meta-state is offered.
    pub fn meta_on(&self) -> bool {
        self.settings.flag(settings::META_STATE)
    }

    /// The sort order lists start with: the reader's own, else the global one.
    pub fn order(&self) -> String {
        self.order
            .clone()
            .filter(|o| crate::domain::users::preferences::is_order(o))
            .unwrap_or_else(|| self.settings.raw(settings::TICKET_ORDER).to_owned())
    }
}
