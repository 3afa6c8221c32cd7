//! Groups of users and of technicians: a ticket can be asked by a user group or given to a
//! technician group, shown as `[G] name` in choice lists.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::db::Db;
use crate::domain::events::{self, EventKind};
use crate::domain::ids::{GroupId, UserId};
use crate::domain::profiles::Profile;
use crate::domain::users::rules::check_name;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;

/// The two kinds of groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    User,
    Technician,
}

impl GroupKind {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            GroupKind::User => "user",
            GroupKind::Technician => "technician",
        }
    }

    /// The kind with code `code`.
    pub fn from_code(code: &str) -> Option<GroupKind> {
        match code {
            "user" => Some(GroupKind::User),
            "technician" => Some(GroupKind::Technician),
            _ => None,
        }
    }
}

/// A group with its member count.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub kind: GroupKind,
    pub members: i64,
}

/// A member of a group.
#[derive(Debug, Clone)]
pub struct Member {
    pub user_id: UserId,
    pub name: String,
    pub login: String,
    pub disabled: bool,
}

fn group_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<Group> {
    let kind: String = r.get(2)?;
    Ok(Group {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: GroupKind::from_code(&kind).unwrap_or(GroupKind::User),
        members: r.get(3)?,
    })
}

const GROUP_COLUMNS: &str = "g.id, g.name, g.kind, \
     (SELECT count(*) FROM group_members m WHERE m.group_id = g.id)";

/// The groups of one kind, by name.
pub fn list(conn: &Connection, kind: GroupKind) -> rusqlite::Result<Vec<Group>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {GROUP_COLUMNS} FROM groups g WHERE g.kind = ?1 ORDER BY g.name COLLATE NOCASE, g.id"
    ))?;
    let rows = stmt.query_map([kind.code()], group_from)?;
    rows.collect()
}

/// One group.
pub fn get(conn: &Connection, id: GroupId) -> rusqlite::Result<Option<Group>> {
    conn.prepare_cached(&format!(
        "SELECT {GROUP_COLUMNS} FROM groups g WHERE g.id = ?1"
    ))?
    .query_row([id], group_from)
    .optional()
}

/// The members of group `id`, by name.
pub fn members(conn: &Connection, id: GroupId) -> rusqlite::Result<Vec<Member>> {
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, u.display_name, u.login, u.disabled
         FROM group_members m JOIN users u ON u.id = m.user_id
         WHERE m.group_id = ?1
         ORDER BY u.display_name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Member {
            user_id: r.get(0)?,
            name: r.get(1)?,
            login: r.get(2)?,
            disabled: r.get(3)?,
        })
    })?;
    rows.collect()
}

/// The groups user `user` belongs to.
pub fn of_user(conn: &Connection, user: UserId) -> rusqlite::Result<Vec<Group>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {GROUP_COLUMNS} FROM groups g JOIN group_members gm ON gm.group_id = g.id
         WHERE gm.user_id = ?1 ORDER BY g.kind, g.name COLLATE NOCASE"
    ))?;
    let rows = stmt.query_map([user], group_from)?;
    rows.collect()
}

fn check_group_name(
    tx: &Transaction<'_>,
    name: &str,
    kind: GroupKind,
    except: Option<GroupId>,
) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    check_name("name", name, true, &mut errors);
    if errors.is_empty() {
        let taken: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM groups WHERE kind = ?1 AND name = ?2 COLLATE NOCASE AND id IS NOT ?3)",
            params![kind.code(), name, except],
            |r| r.get(0),
        )?;
        if taken {
            errors.add("name", msg("error-duplicate"));
        }
    }
    errors.into_result()
}

/// Creates a group; returns its id.
pub async fn create(
    db: &Db,
    name: String,
    kind: GroupKind,
    by: UserId,
) -> Result<GroupId, DomainError> {
    let name = name.trim().to_owned();
    db.write(move |tx| {
        check_group_name(tx, &name, kind, None)?;
        tx.execute(
            "INSERT INTO groups (name, kind) VALUES (?1, ?2)",
            params![name, kind.code()],
        )?;
        let id = GroupId(tx.last_insert_rowid());
        events::record(
            tx,
            EventKind::GroupChanged,
            &format!("group {name} created"),
            Some(by),
            "",
        )?;
        Ok(id)
    })
    .await
}

/// Renames group `id`.
pub async fn rename(db: &Db, id: GroupId, name: String, by: UserId) -> Result<(), DomainError> {
    let name = name.trim().to_owned();
    db.write(move |tx| {
        let group = get(tx, id)?.ok_or(DomainError::NotFound)?;
        check_group_name(tx, &name, group.kind, Some(id))?;
        tx.execute(
            "UPDATE groups SET name = ?2 WHERE id = ?1",
            params![id, name],
        )?;
        events::record(
            tx,
            EventKind::GroupChanged,
            &format!("group {} renamed to {name}", group.name),
            Some(by),
            "",
        )?;
        Ok(())
    })
    .await
}

/// Deletes group `id`, unless tickets or categories still point to it.
pub async fn delete(db: &Db, id: GroupId, by: UserId) -> Result<(), DomainError> {
    db.write(move |tx| {
        let group = get(tx, id)?.ok_or(DomainError::NotFound)?;
        let used: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM tickets WHERE user_group_id = ?1 OR tech_group_id = ?1)
                  + (SELECT count(*) FROM categories WHERE tech_group_id = ?1)
                  + (SELECT count(*) FROM subcategories WHERE tech_group_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if used > 0 {
            return Err(DomainError::Conflict(
                msg("error-group-in-use").arg("count", used),
            ));
        }
        tx.execute("DELETE FROM groups WHERE id = ?1", [id])?;
        events::record(
            tx,
            EventKind::GroupChanged,
            &format!("group {} deleted", group.name),
            Some(by),
            "",
        )?;
        Ok(())
    })
    .await
}

/// Adds user `user` to group `id`. A technician group only takes technicians and
/// administrators.
pub async fn add_member(db: &Db, id: GroupId, user: UserId, by: UserId) -> Result<(), DomainError> {
    db.write(move |tx| {
        let group = get(tx, id)?.ok_or(DomainError::NotFound)?;
        let found: Option<(i64, bool)> = tx
            .query_row(
                "SELECT profile_id, disabled FROM users WHERE id = ?1",
                [user],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let mut errors = FieldErrors::new();
        match found {
            Some((_, true)) | None => errors.add("user", msg("error-unknown-choice")),
            Some((profile, false)) => {
                let staff = matches!(
                    Profile::from_id(profile),
                    Some(Profile::Technician | Profile::Administrator)
                );
                if group.kind == GroupKind::Technician && !staff {
                    errors.add("user", msg("error-not-a-technician"));
                }
            }
        }
        errors.into_result()?;
        tx.execute(
            "INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?1, ?2)",
            params![id, user],
        )?;
        events::record(
            tx,
            EventKind::GroupChanged,
            &format!("user {user} added to group {}", group.name),
            Some(by),
            "",
        )?;
        Ok(())
    })
    .await
}

/// Removes user `user` from group `id`.
pub async fn remove_member(
    db: &Db,
    id: GroupId,
    user: UserId,
    by: UserId,
) -> Result<(), DomainError> {
    db.write(move |tx| {
        let group = get(tx, id)?.ok_or(DomainError::NotFound)?;
        let n = tx.execute(
            "DELETE FROM group_members WHERE group_id = ?1 AND user_id = ?2",
            params![id, user],
        )?;
        if n == 0 {
            return Err(DomainError::NotFound);
        }
        events::record(
            tx,
            EventKind::GroupChanged,
            &format!("user {user} removed from group {}", group.name),
            Some(by),
            "",
        )?;
        Ok(())
    })
    .await
}

/// The groups of `kind`.
pub async fn all_of(db: &crate::db::Db, kind: GroupKind) -> Result<Vec<Group>, DomainError> {
    crate::domain::run::read(db, move |c| Ok(list(c, kind)?)).await
}

/// A group with its members and the people who could join it.
#[derive(Debug, Clone)]
pub struct Detail {
    pub group: Group,
    pub members: Vec<Member>,
    /// Value and label of each user of the group's kind not yet in it.
    pub candidates: Vec<(String, String)>,
}

/// Group `id` with its members and candidates.
pub async fn detail(db: &crate::db::Db, id: GroupId) -> Result<Detail, DomainError> {
    use crate::domain::users::choices::{self, Who};
    crate::domain::run::read(db, move |c| {
        let group = get(c, id)?.ok_or(DomainError::NotFound)?;
        let members = members(c, id)?;
        let people = match group.kind {
            GroupKind::User => choices::requesters(c)?,
            GroupKind::Technician => choices::technicians(c)?,
        };
        let candidates = people
            .into_iter()
            .filter_map(|ch| match ch.who {
                Who::User(uid) if !members.iter().any(|m| m.user_id.0 == uid) => {
                    Some((uid.to_string(), ch.label))
                }
                _ => None,
            })
            .collect();
        Ok(Detail {
            group,
            members,
            candidates,
        })
    })
    .await
}
