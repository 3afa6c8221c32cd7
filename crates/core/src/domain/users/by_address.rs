//! Accounts found by mail address, for what reaches the helpdesk from people who do not log in
//! (incoming mail, the intranet form): the account an address belongs to, and a requester
//! account made for an address no account has.

use rusqlite::{OptionalExtension, Transaction, params};

/// What an address belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Account {
    /// An enabled account (the first, when several share the address).
    Enabled(i64),
    /// Only a disabled account.
    Disabled,
    /// No account.
    None,
}

/// The account with address `address` (any case).
pub fn account_of(tx: &Transaction<'_>, address: &str) -> rusqlite::Result<Account> {
    let found: Option<(i64, bool)> = tx
        .prepare_cached(
            "SELECT id, disabled FROM users WHERE mail = ?1 COLLATE NOCASE
             ORDER BY disabled, id LIMIT 1",
        )?
        .query_row([address], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(match found {
        Some((id, false)) => Account::Enabled(id),
        Some((_, true)) => Account::Disabled,
        None => Account::None,
    })
}

/// Makes a requester account for `address`: a user, the address as login (numbered when the
/// login is taken), `name` split into first and last names, no password (they may ask for one).
pub fn make_requester(
    tx: &Transaction<'_>,
    address: &str,
    name: Option<&str>,
    now: i64,
) -> rusqlite::Result<i64> {
    let name = crate::domain::text::visible(name.unwrap_or_default());
    let (first, last) = match name.trim().rsplit_once(' ') {
        Some((f, l)) => (f.trim().to_owned(), l.trim().to_owned()),
        None if name.trim().is_empty() => (String::new(), address.to_owned()),
        None => (String::new(), name.trim().to_owned()),
    };
    let mut login = address.to_owned();
    let mut n = 1;
    while tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM users WHERE login = ?1)")?
        .query_row([&login], |r| r.get::<_, bool>(0))?
    {
        n += 1;
        login = format!("{address}-{n}");
    }
    tx.execute(
        "INSERT INTO users (login, firstname, lastname, profile_id, mail, created_at, updated_at)
         VALUES (?1, ?2, ?3, 2, ?4, ?5, ?5)",
        params![login, first, last, address, now],
    )?;
    let id = tx.last_insert_rowid();
    tracing::info!("account {login:?} made for {address}");
    Ok(id)
}
