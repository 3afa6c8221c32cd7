//! Deleting a user for good (their right to erasure): an account nothing points to is deleted;
//! one that tickets, replies or files point to is anonymised instead (name, contact data and
//! login removed, the account disabled), so that the tickets stay whole. Either way, the
//! address incoming mail kept of them is forgotten.

use rusqlite::{Connection, Transaction};

use crate::db::Db;
use crate::domain::events::{self, EventKind};
use crate::domain::ids::UserId;
use crate::domain::{DomainError, clock, sessions};
use crate::i18n::msg;

/// What deleting an account does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erasure {
    /// Nothing points to it: the account is deleted.
    Delete,
    /// Tickets (as requester, technician or creator), replies or files point to it: the
    /// account is anonymised and the tickets kept.
    Anonymise { tickets: i64 },
}

/// What deleting account `id` would do now (for the confirmation page).
pub fn plan(conn: &Connection, id: i64) -> rusqlite::Result<Erasure> {
    let (tickets, traces): (i64, i64) = conn.query_row(
        "SELECT
             (SELECT count(*) FROM tickets
              WHERE requester_id = ?1 OR technician_id = ?1 OR creator_id = ?1),
             (SELECT count(*) FROM thread_entries
              WHERE author_id = ?1 OR tech_from_id = ?1 OR tech_to_id = ?1)
           + (SELECT count(*) FROM attachments WHERE uploaded_by = ?1)",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(if tickets + traces == 0 {
        Erasure::Delete
    } else {
        Erasure::Anonymise { tickets }
    })
}

/// Removes what belongs to the person alone: name, contact data, login, password, memberships,
/// views, sessions, reminders.
fn anonymise(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE users SET login = 'deleted-' || id, password_hash = NULL, firstname = '',
             lastname = '', mail = '', phone = '', mobile = '', fax = '', function = '',
             address1 = '', address2 = '', zip = '', city = '', custom1 = '', custom2 = '',
             ldap_guid = '', planning_color = '', theme = NULL, language = NULL, disabled = 1,
             last_login_at = NULL, updated_at = ?2
         WHERE id = ?1",
        rusqlite::params![id, clock::now()],
    )?;
    tx.execute_batch(&format!(
        "DELETE FROM group_members WHERE user_id = {id};
         DELETE FROM user_services WHERE user_id = {id};
         DELETE FROM user_agencies WHERE user_id = {id};
         DELETE FROM personal_views WHERE user_id = {id};
         DELETE FROM reminders WHERE technician_id = {id};
         DELETE FROM technician_requesters WHERE user_id = {id} OR technician_id = {id};
         UPDATE categories SET technician_id = NULL WHERE technician_id = {id};
         UPDATE subcategories SET technician_id = NULL WHERE technician_id = {id};"
    ))
}

/// Forgets the address of account `id` where incoming mail kept it: the sender of the mails
/// handled, and the mails kept aside (their raw text holds it too).
fn forget_mail_traces(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE mails_handled SET sender = '' WHERE sender <> '' AND sender =
             (SELECT lower(trim(mail)) FROM users WHERE id = ?1 AND trim(mail) <> '')",
        [id],
    )?;
    tx.execute(
        "DELETE FROM mail_rejects WHERE sender <> '' AND sender =
             (SELECT lower(trim(mail)) FROM users WHERE id = ?1 AND trim(mail) <> '')",
        [id],
    )?;
    Ok(())
}

/// Deletes account `id`, or anonymises it when tickets point to it (see [`plan`]), in one
/// transaction: never oneself, never the last account able to administer.
pub async fn erase(db: &Db, id: UserId, by: UserId, ip: String) -> Result<Erasure, DomainError> {
    let id = id.0;
    if by.0 == id {
        return Err(DomainError::Conflict(msg("error-cannot-delete-self")));
    }
    db.write(move |tx| {
        let login: String = tx
            .query_row("SELECT login FROM users WHERE id = ?1", [id], |r| r.get(0))
            .map_err(|_| DomainError::NotFound)?;
        sessions::end_all_for_user(tx, UserId(id))?;
        forget_mail_traces(tx, id)?;
        let mut done = plan(tx, id)?;
        if done == Erasure::Delete {
            // Something this version does not count may still point to the account: then it
            // is anonymised rather than half deleted.
            tx.execute_batch("SAVEPOINT erase")?;
            let deleted = tx
                .execute_batch(&format!(
                    "UPDATE categories SET technician_id = NULL WHERE technician_id = {id};
                     UPDATE subcategories SET technician_id = NULL WHERE technician_id = {id};
                     DELETE FROM users WHERE id = {id};"
                ))
                .is_ok();
            if deleted {
                tx.execute_batch("RELEASE erase")?;
            } else {
                tx.execute_batch("ROLLBACK TO erase; RELEASE erase")?;
                done = Erasure::Anonymise { tickets: 0 };
            }
        }
        if matches!(done, Erasure::Anonymise { .. }) {
            anonymise(tx, id)?;
        }
        crate::domain::rights::keep_an_administrator(tx)?;
        let what = match done {
            Erasure::Delete => "deleted",
            Erasure::Anonymise { .. } => "anonymised",
        };
        events::record(
            tx,
            EventKind::UserErased,
            &format!("account {login} {what}"),
            Some(by),
            &ip,
        )?;
        Ok(done)
    })
    .await
}

/// User `id`'s name and what erasing them would change.
pub async fn preview(
    db: &crate::db::Db,
    id: UserId,
) -> Result<(String, Erasure), crate::domain::DomainError> {
    let id = id.0;
    crate::domain::run::read(db, move |c| {
        let user = crate::domain::users::repo::get(c, crate::domain::ids::UserId(id))?
            .ok_or(crate::domain::DomainError::NotFound)?;
        Ok((user.display_name(), plan(c, id)?))
    })
    .await
}
