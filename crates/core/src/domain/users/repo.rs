//! SQL for user accounts.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use crate::domain::clock;
use crate::domain::ids::UserId;
use crate::domain::profiles::Profile;

use super::User;

const USER_COLUMNS: &str = "id, login, firstname, lastname, mail, profile_id, language, theme, \
     disabled, must_change_password, last_login_at, display_name";

fn user_from_row(row: &Row<'_>) -> Result<User, rusqlite::Error> {
    let profile_id: i64 = row.get(5)?;
    Ok(User {
        id: UserId(row.get(0)?),
        login: row.get(1)?,
        firstname: row.get(2)?,
        lastname: row.get(3)?,
        mail: row.get(4)?,
        // The column references `profiles`, which only holds the five known ids.
        profile: Profile::from_id(profile_id).unwrap_or(Profile::User),
        language: row.get(6)?,
        theme: row.get(7)?,
        disabled: row.get(8)?,
        must_change_password: row.get(9)?,
        last_login_at: row.get(10)?,
        name: row.get(11)?,
    })
}

/// How many accounts exist (enabled or not).
pub fn count(conn: &Connection) -> Result<i64, rusqlite::Error> {
    conn.query_row("SELECT count(*) FROM users", [], |r| r.get(0))
}

/// The account with id `id`.
pub fn get(conn: &Connection, id: UserId) -> Result<Option<User>, rusqlite::Error> {
    conn.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"))?
        .query_row([id.0], user_from_row)
        .optional()
}

/// The account holding the session whose token hashes to `token_hash`, with that session's
/// CSRF token, last-seen and opening times: one read for the start of every request.
pub fn by_session(
    conn: &Connection,
    token_hash: &str,
) -> Result<Option<(User, String, i64, i64)>, rusqlite::Error> {
    conn.prepare_cached(&format!(
        "SELECT {USER_COLUMNS}, s.csrf_token, s.last_seen_at, s.created_at
         FROM sessions s JOIN users ON users.id = s.user_id WHERE s.token_hash = ?1"
    ))?
    .query_row([token_hash], |r| {
        Ok((user_from_row(r)?, r.get(12)?, r.get(13)?, r.get(14)?))
    })
    .optional()
}

/// The account with login `login` (case-insensitive).
pub fn by_login(conn: &Connection, login: &str) -> Result<Option<User>, rusqlite::Error> {
    conn.prepare_cached(&format!(
        "SELECT {USER_COLUMNS} FROM users WHERE login = ?1"
    ))?
    .query_row([login], user_from_row)
    .optional()
}

/// The account with login `login` (case-insensitive) and its password hash.
pub fn get_with_hash_by_login(
    conn: &Connection,
    login: &str,
) -> Result<Option<(User, Option<String>)>, rusqlite::Error> {
    conn.prepare_cached(&format!(
        "SELECT {USER_COLUMNS}, password_hash FROM users WHERE login = ?1"
    ))?
    .query_row([login], |row| Ok((user_from_row(row)?, row.get(12)?)))
    .optional()
}

/// The password hash of account `id`.
pub fn password_hash(conn: &Connection, id: UserId) -> Result<Option<String>, rusqlite::Error> {
    Ok(conn
        .query_row(
            "SELECT password_hash FROM users WHERE id = ?1",
            [id.0],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// The fields of a new account.
pub struct NewUserRow<'a> {
    pub login: &'a str,
    pub firstname: &'a str,
    pub lastname: &'a str,
    pub mail: &'a str,
    pub profile: Profile,
    pub password_hash: &'a str,
    pub language: Option<&'a str>,
    pub must_change_password: bool,
}

/// Inserts an account; fails with a constraint error when the login is taken.
pub fn insert(tx: &Transaction<'_>, new: &NewUserRow<'_>) -> Result<UserId, rusqlite::Error> {
    let now = clock::now();
    tx.execute(
        "INSERT INTO users (login, password_hash, firstname, lastname, mail, profile_id, language,
                            must_change_password, password_changed_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9)",
        params![
            new.login,
            new.password_hash,
            new.firstname,
            new.lastname,
            new.mail,
            new.profile.id(),
            new.language,
            new.must_change_password,
            now
        ],
    )?;
    Ok(UserId(tx.last_insert_rowid()))
}

/// Whether a login is taken (case-insensitive).
pub fn login_exists(conn: &Connection, login: &str) -> Result<bool, rusqlite::Error> {
    conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM users WHERE login = ?1)",
        [login],
        |r| r.get(0),
    )
}

/// Replaces the password hash and sets or clears "must change password".
pub fn set_password(
    tx: &Transaction<'_>,
    id: UserId,
    hash: &str,
    must_change: bool,
) -> Result<(), rusqlite::Error> {
    let now = clock::now();
    tx.execute(
        "UPDATE users SET password_hash = ?2, must_change_password = ?3, password_changed_at = ?4,
                          updated_at = ?4
         WHERE id = ?1",
        params![id.0, hash, must_change, now],
    )?;
    Ok(())
}

/// Replaces the hash of account `id` by `hash` of the same password (an older hash upgraded at
/// login): nothing else changes.
pub fn replace_hash(tx: &Transaction<'_>, id: UserId, hash: &str) -> Result<(), rusqlite::Error> {
    tx.execute(
        "UPDATE users SET password_hash = ?2 WHERE id = ?1",
        params![id.0, hash],
    )?;
    Ok(())
}

/// Records a successful login.
pub fn set_last_login(tx: &Transaction<'_>, id: UserId, at: i64) -> Result<(), rusqlite::Error> {
    tx.execute(
        "UPDATE users SET last_login_at = ?2 WHERE id = ?1",
        params![id.0, at],
    )?;
    Ok(())
}
