//! Choice lists of people: requesters (users, then `[G]` user groups) and technicians
//! (technicians and administrators, then `[G]` technician groups).

use rusqlite::Connection;

use crate::domain::profiles::Profile;

/// Above this many active users, person pickers search rather than list everyone.
pub const FULL_LIST_MAX: i64 = 200;

/// What a choice points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Who {
    User(i64),
    Group(i64),
}

impl Who {
    /// The form value: `u<id>` or `g<id>`.
    pub fn value(self) -> String {
        match self {
            Who::User(id) => format!("u{id}"),
            Who::Group(id) => format!("g{id}"),
        }
    }

    /// Reads a form value.
    pub fn parse(value: &str) -> Option<Who> {
        let (kind, id) = value.trim().split_at_checked(1)?;
        let id: i64 = id.parse().ok().filter(|n| *n > 0)?;
        match kind {
            "u" => Some(Who::User(id)),
            "g" => Some(Who::Group(id)),
            _ => None,
        }
    }
}

/// One entry of a choice list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub who: Who,
    pub label: String,
}

fn users(conn: &Connection, profiles: Option<&[Profile]>) -> rusqlite::Result<Vec<Choice>> {
    // Profile ids are constants of the code, never user input.
    let only = profiles.map_or_else(String::new, |ps| {
        let ids: Vec<String> = ps.iter().map(|p| p.id().to_string()).collect();
        format!("AND profile_id IN ({})", ids.join(", "))
    });
    // With a profile filter, `+disabled` keeps SQLite on the profile index (a few technicians)
    // rather than walking every active user in name order.
    let active = if only.is_empty() {
        "disabled = 0"
    } else {
        "+disabled = 0"
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, display_name FROM users WHERE {active} {only}
         ORDER BY display_name COLLATE NOCASE, id"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok(Choice {
            who: Who::User(r.get(0)?),
            label: r.get(1)?,
        })
    })?;
    rows.collect()
}

/// The user groups (as `[G] name`) and, unless there are more than `max_users` active users,
/// the users before them; the second value tells whether users were left out.
pub fn requesters_up_to(
    conn: &Connection,
    max_users: i64,
) -> rusqlite::Result<(Vec<Choice>, bool)> {
    let active: i64 = conn
        .prepare_cached("SELECT count(*) FROM users WHERE disabled = 0")?
        .query_row([], |r| r.get(0))?;
    if active > max_users {
        return Ok((groups(conn, "user")?, true));
    }
    Ok((requesters(conn)?, false))
}

fn groups(conn: &Connection, kind: &str) -> rusqlite::Result<Vec<Choice>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM groups WHERE kind = ?1 AND disabled = 0 ORDER BY name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([kind], |r| {
        Ok(Choice {
            who: Who::Group(r.get(0)?),
            label: format!("[G] {}", r.get::<_, String>(1)?),
        })
    })?;
    rows.collect()
}

/// Active users, then user groups as `[G] name`.
pub fn requesters(conn: &Connection) -> rusqlite::Result<Vec<Choice>> {
    let mut out = users(conn, None)?;
    out.extend(groups(conn, "user")?);
    Ok(out)
}

/// Active users of `profiles` (the technician field's offer), then technician groups as
/// `[G] name`.
pub fn technicians_among(conn: &Connection, profiles: &[Profile]) -> rusqlite::Result<Vec<Choice>> {
    let mut out = users(conn, Some(profiles))?;
    out.extend(groups(conn, "technician")?);
    Ok(out)
}

/// Active technician groups as `[G] name`.
pub fn technician_groups(conn: &Connection) -> rusqlite::Result<Vec<Choice>> {
    groups(conn, "technician")
}

/// Active technicians and administrators, then technician groups as `[G] name`.
pub fn technicians(conn: &Connection) -> rusqlite::Result<Vec<Choice>> {
    let mut out = users(conn, Some(&[Profile::Technician, Profile::Administrator]))?;
    out.extend(groups(conn, "technician")?);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::Who;

    #[test]
    fn values_round_trip() {
        assert_eq!(Who::parse("u12"), Some(Who::User(12)));
        assert_eq!(Who::parse("g3"), Some(Who::Group(3)));
        assert_eq!(Who::parse(&Who::User(7).value()), Some(Who::User(7)));
        for bad in ["", "u", "x1", "u0", "u-1", "uabc", "é1"] {
            assert_eq!(Who::parse(bad), None, "{bad}");
        }
    }
}
