//! Forgotten passwords: a single-use, expiring link mailed to the account's address.
//!
//! Asking answers the same whether the account exists or not, and is throttled per account and
//! per address (counted inside the write that records the request). Only the SHA-256 of the
//! link's token is stored; a newer request kills the older links; using one sets the password,
//! ends every session of the account and lifts its login lock.

use rusqlite::{OptionalExtension, Transaction, params};

use crate::db::Db;
use crate::domain::events::{self, EventKind};
use crate::domain::ids::UserId;
use crate::domain::mail::outbox::{self, MailKind, NewMail};
use crate::domain::settings::Settings;
use crate::domain::settings::mail_registry as mail_keys;
use crate::domain::users::{password, repo, rules};
use crate::domain::{DomainError, FieldErrors, clock, sessions, token};
use crate::i18n::{Lang, msg};

/// How long a link works.
pub const LINK_MINUTES: i64 = 60;
/// Requests per account per hour.
const PER_ACCOUNT: i64 = 3;
/// Requests per address per hour, whatever account they name.
const PER_ADDRESS: i64 = 10;

/// The path of a reset link.
pub fn path(token: &str) -> String {
    format!("/password/reset/{token}")
}

/// An account a reset link can be mailed for.
struct Account {
    id: i64,
    login: String,
    mail: String,
    language: Option<String>,
}

/// The account a request names: by login, else by mail address (active accounts with a
/// password and an address to write to).
fn account(tx: &Transaction<'_>, who: &str) -> rusqlite::Result<Option<Account>> {
    tx.query_row(
        "SELECT id, login, mail, language FROM users
         WHERE (login = ?1 COLLATE NOCASE OR lower(trim(mail)) = lower(?1))
           AND disabled = 0 AND password_hash IS NOT NULL AND trim(mail) <> ''
         ORDER BY login = ?1 COLLATE NOCASE DESC, id LIMIT 1",
        [who.trim()],
        |r| {
            Ok(Account {
                id: r.get(0)?,
                login: r.get(1)?,
                mail: r.get(2)?,
                language: r.get(3)?,
            })
        },
    )
    .optional()
}

/// Asks for a reset link for `who` (a login or a mail address) from address `ip`; the link
/// starts with `base` (the server's address). Always answers `Ok`: whether a mail went out is
/// not told.
pub async fn request(db: &Db, who: String, ip: String, base: String) -> Result<(), DomainError> {
    let who: String = who.chars().take(200).collect();
    db.write(move |tx| {
        let now = clock::now();
        let hour_ago = now - 3600;
        let from_address: i64 = tx.query_row(
            "SELECT count(*) FROM password_resets WHERE ip = ?1 AND created_at > ?2",
            params![ip, hour_ago],
            |r| r.get(0),
        )?;
        // Past the address's allowance nothing more is written: the table stays small however
        // often the form is sent.
        if from_address >= PER_ADDRESS {
            return Ok(());
        }
        // Requests a day old are no longer counted and their links are dead.
        tx.execute(
            "DELETE FROM password_resets WHERE created_at < ?1 AND expires_at < ?2",
            params![now - 86_400, now],
        )?;
        let settings = Settings::load(tx)?;
        let found = account(tx, &who)?;
        let user_id = found.as_ref().map(|f| f.id);
        let token = token::random_hex(32);
        // Every request within the allowance is counted, known account or not.
        tx.execute(
            "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at, ip)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![token::sha256_hex(&token), user_id, now, now, ip],
        )?;
        if !settings.flag(mail_keys::SMTP_ENABLED) {
            return Ok(());
        }
        let Some(Account {
            id,
            login,
            mail,
            language,
        }) = found
        else {
            return Ok(());
        };
        let for_account: i64 = tx.query_row(
            "SELECT count(*) FROM password_resets WHERE user_id = ?1 AND created_at > ?2",
            params![id, hour_ago],
            |r| r.get(0),
        )?;
        if for_account > PER_ACCOUNT {
            return Ok(());
        }
        // The older links die; this one lives an hour.
        tx.execute(
            "UPDATE password_resets SET expires_at = ?2
             WHERE user_id = ?1 AND used_at IS NULL AND token_hash <> ?3",
            params![id, now, token::sha256_hex(&token)],
        )?;
        tx.execute(
            "UPDATE password_resets SET expires_at = ?2 WHERE token_hash = ?1",
            params![token::sha256_hex(&token), now + LINK_MINUTES * 60],
        )?;
        let lang = language
            .as_deref()
            .and_then(Lang::from_code)
            .or_else(|| Lang::from_code(settings.raw(crate::domain::settings::DEFAULT_LANGUAGE)))
            .unwrap_or_default();
        let url = format!("{}{}", base.trim_end_matches('/'), path(&token));
        let (subject, body) =
            crate::domain::mail::compose::password_reset_body(&settings, lang, &url, LINK_MINUTES);
        let sender = crate::domain::tickets::mails::notify::sender_for(
            tx,
            &crate::domain::tickets::mails::notify::Cause {
                user_id: id,
                technician: false,
                mail: String::new(),
            },
            None,
        )?;
        outbox::enqueue(
            tx,
            &NewMail {
                kind: MailKind::PasswordReset,
                ticket_id: None,
                thread_entry_id: None,
                author_addr: sender,
                to: vec![mail.trim().to_owned()],
                cc: Vec::new(),
                subject,
                html: body.html,
                text: body.text,
                calendar: String::new(),
            },
            now,
        )?;
        events::record(
            tx,
            EventKind::PasswordReset,
            &format!("reset link mailed for {login}"),
            Some(UserId(id)),
            &ip,
        )?;
        Ok(())
    })
    .await
}

/// The account whose live link `token` is, if it is one.
fn live(
    tx: &rusqlite::Connection,
    token: &str,
    now: i64,
) -> rusqlite::Result<Option<(i64, String)>> {
    if token.len() != 64 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(None);
    }
    tx.query_row(
        "SELECT u.id, u.login FROM password_resets r JOIN users u ON u.id = r.user_id
         WHERE r.token_hash = ?1 AND r.used_at IS NULL AND r.expires_at > ?2 AND u.disabled = 0",
        params![token::sha256_hex(token), now],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

/// Whether `token` is a live link (for the page).
pub async fn is_live(db: &Db, token: String) -> Result<bool, DomainError> {
    db.read(move |c| Ok::<_, DomainError>(live(c, &token, clock::now())?.is_some()))
        .await
}

/// Sets a new password through link `token`: checked like any new password, the link used up,
/// every session ended and the login lock lifted, in one transaction. `Conflict` when the link
/// is dead (used, expired, replaced).
pub async fn complete(
    db: &Db,
    token: String,
    new: String,
    confirm: String,
    ip: String,
) -> Result<(), DomainError> {
    let policy = crate::domain::users::password_policy(db).await?;
    let login = {
        let token = token.clone();
        db.read(move |c| Ok::<_, DomainError>(live(c, &token, clock::now())?.map(|(_, l)| l)))
            .await?
            .ok_or_else(|| DomainError::Conflict(msg("reset-link-dead")))?
    };
    let mut errors = FieldErrors::new();
    rules::check_new_password(policy, &login, &new, &confirm, &mut errors);
    errors.into_result()?;
    let hash = password::hash(new).await?;
    db.write(move |tx| {
        let now = clock::now();
        // Checked again inside the write: a link works once, even sent twice at once.
        let (id, login) =
            live(tx, &token, now)?.ok_or_else(|| DomainError::Conflict(msg("reset-link-dead")))?;
        let user = UserId(id);
        tx.execute(
            "UPDATE password_resets SET used_at = ?2 WHERE token_hash = ?1",
            params![token::sha256_hex(&token), now],
        )?;
        tx.execute(
            "UPDATE password_resets SET expires_at = ?2 WHERE user_id = ?1 AND used_at IS NULL",
            params![id, now],
        )?;
        repo::set_password(tx, user, &hash, false)?;
        sessions::end_all_for_user(tx, user)?;
        crate::domain::auth::throttle::clear_account(tx, &login)?;
        events::record(
            tx,
            EventKind::PasswordReset,
            &format!("password of {login} set through a reset link"),
            Some(user),
            &ip,
        )?;
        Ok(())
    })
    .await
}
