//! Choice lists of people: requesters (users, then `[G]` user groups) and technicians
//! (technicians and administrators, then `[G]` technician groups).

use rusqlite::Connection;

use crate::domain::profiles::Profile;

use super::record::list_name;

/// What a choice points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    let mut stmt = conn.prepare_cached(
        "SELECT id, firstname, lastname, login, profile_id FROM users WHERE disabled = 0
         ORDER BY lastname COLLATE NOCASE, firstname COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, first, last, login, profile) = row?;
        let wanted = profiles.is_none_or(|ps| ps.iter().any(|p| p.id() == profile));
        if wanted {
            out.push(Choice {
                who: Who::User(id),
                label: list_name(&first, &last, &login),
            });
        }
    }
    Ok(out)
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
