//! Showing and taking the intranet form. Showing it signs the time into it; taking it checks,
//! in one transaction, the origin, the trap field, the time, the fields, the per-address limit
//! and the requester (found by address, or made), then opens the ticket as a mailed-in one is
//! (its technician by the usual rules, the acknowledgement mail to its requester, the thread,
//! the webhooks) and counts the form against its address.

use rusqlite::{Connection, params};

use crate::db::Db;
use crate::domain::error::{DomainError, FieldErrors};
use crate::domain::ids::TicketId;
use crate::domain::mail::address;
use crate::domain::run;
use crate::domain::settings::Settings;
use crate::domain::tickets::from_mail::{self, NewTicket, Source};
use crate::domain::tickets::values::{MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
use crate::domain::token;
use crate::domain::users::by_address::{self, Account};
use crate::i18n::{Lang, msg};

use super::config::{Config, choices, read};
use super::{NAME_MAX, TOKEN_MAX_AGE, WINDOW_SECS};

/// The form as shown: its fields, its choices, its signed time, and who may frame it.
#[derive(Debug, Clone)]
pub struct FormView {
    pub ask_name: bool,
    pub ask_category: bool,
    pub ask_type: bool,
    pub categories: Vec<(i64, String)>,
    pub types: Vec<(i64, String)>,
    /// The signed time it is shown at, sent back with it.
    pub token: String,
    /// The origins allowed to frame it.
    pub origins: Vec<String>,
}

/// A form as sent.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    pub name: String,
    pub mail: String,
    pub title: String,
    pub description: String,
    pub category: String,
    pub kind: String,
    /// The field people do not see and robots fill in.
    pub trap: String,
    pub token: String,
    /// The `Origin` the browser sent, if any.
    pub origin: Option<String>,
    /// This server's own origin, as the request reached it.
    pub own_origin: String,
    /// The sender's address.
    pub ip: String,
}

/// Why a form was not taken (besides its fields, which come back as field errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Posted from a page of an origin not allowed.
    Origin,
    /// The trap field was filled in.
    Robot,
    /// Its signed time is missing, wrong or too old: shown again, to be sent once more.
    Stale,
    /// Sent sooner after it was shown than a person could.
    TooQuick,
    /// The address sent its hour's share; the next form is taken in `retry_after` seconds.
    TooMany { retry_after: i64 },
}

/// What became of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Opened(TicketId),
    Refused(Refusal),
}

fn sign(config: &Config, at: i64) -> String {
    format!(
        "{at}.{}",
        token::hmac_sha256_hex(&config.key, &format!("intranet-form:{at}"))
    )
}

/// When the form carrying `typed` was shown, if its signature holds.
fn shown_at(config: &Config, typed: &str) -> Option<i64> {
    let (at, _) = typed.split_once('.')?;
    let at: i64 = at.parse().ok()?;
    token::constant_time_eq(&sign(config, at), typed).then_some(at)
}

/// The form to show at `now` in `lang`; not found while it is off.
pub async fn form(db: &Db, lang: Lang, now: i64) -> Result<FormView, DomainError> {
    run::read(db, move |c| {
        let config = read(c)?;
        if !config.enabled {
            return Err(DomainError::NotFound);
        }
        view(c, &config, lang, now)
    })
    .await
}

fn view(conn: &Connection, config: &Config, lang: Lang, now: i64) -> Result<FormView, DomainError> {
    Ok(FormView {
        ask_name: config.ask_name,
        ask_category: config.ask_category,
        ask_type: config.ask_type,
        categories: if config.ask_category {
            choices(conn, "categories", lang, None)?
        } else {
            Vec::new()
        },
        types: if config.ask_type {
            choices(conn, "types", lang, None)?
        } else {
            Vec::new()
        },
        token: sign(config, now),
        origins: config.origins.clone(),
    })
}

/// The entry chosen in `field` among `offered`, or none; a choice not offered is an error.
fn chosen(
    errors: &mut FieldErrors,
    field: &'static str,
    typed: &str,
    offered: &[(i64, String)],
) -> Option<i64> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    match typed.parse::<i64>() {
        Ok(id) if offered.iter().any(|(o, _)| *o == id) => Some(id),
        _ => {
            errors.add(field, msg("error-unknown-choice"));
            None
        }
    }
}

/// Takes a form sent at `now`.
pub async fn submit(db: &Db, sub: Submission, now: i64) -> Result<Outcome, DomainError> {
    run::write(db, move |tx| {
        let config = read(tx)?;
        if !config.enabled {
            return Err(DomainError::NotFound);
        }
        let refused = |r| Ok(Outcome::Refused(r));
        if let Some(origin) = sub.origin.as_deref()
            && origin != sub.own_origin
            && !config.origins.iter().any(|o| o == origin)
        {
            return refused(Refusal::Origin);
        }
        if !sub.trap.is_empty() {
            return refused(Refusal::Robot);
        }
        let Some(shown) = shown_at(&config, sub.token.trim()) else {
            return refused(Refusal::Stale);
        };
        if shown > now || now - shown > TOKEN_MAX_AGE {
            return refused(Refusal::Stale);
        }
        if now - shown < config.min_seconds {
            return refused(Refusal::TooQuick);
        }

        let lang = Lang::En;
        let mut errors = FieldErrors::new();
        let name = crate::domain::text::visible(sub.name.trim());
        if config.ask_name && name.chars().count() > NAME_MAX {
            errors.add("name", msg("intranet-name-long").arg("max", NAME_MAX));
        }
        let mail = sub.mail.trim().to_owned();
        if mail.is_empty() {
            errors.add("mail", msg("intranet-mail-required"));
        } else if !address::is_valid(&mail) {
            errors.add("mail", msg("intranet-mail-invalid"));
        }
        let title = crate::domain::text::visible(sub.title.trim());
        if title.is_empty() {
            errors.add("title", msg("intranet-title-required"));
        } else if title.chars().count() > MAX_TITLE_CHARS {
            errors.add(
                "title",
                msg("intranet-title-long").arg("max", MAX_TITLE_CHARS),
            );
        }
        if sub.description.chars().count() > MAX_DESCRIPTION_CHARS {
            errors.add(
                "description",
                msg("intranet-description-long").arg("max", MAX_DESCRIPTION_CHARS),
            );
        }
        let category = if config.ask_category {
            let offered = choices(tx, "categories", lang, None)?;
            chosen(&mut errors, "category", &sub.category, &offered).or(config.category_id)
        } else {
            config.category_id
        };
        let kind = if config.ask_type {
            let offered = choices(tx, "types", lang, None)?;
            chosen(&mut errors, "kind", &sub.kind, &offered)
        } else {
            None
        };
        let account = if errors.is_empty() {
            by_address::account_of(tx, &mail)?
        } else {
            Account::None
        };
        if errors.is_empty()
            && (account == Account::Disabled
                || (account == Account::None && !config.create_requesters))
        {
            errors.add("mail", msg("intranet-mail-unknown"));
        }
        errors.into_result()?;

        // The limit counts the forms this address had taken within the last hour.
        let (taken, oldest): (i64, Option<i64>) = tx
            .prepare_cached(
                "SELECT count(*), min(at) FROM intranet_submissions WHERE ip = ?1 AND at > ?2",
            )?
            .query_row(params![sub.ip, now - WINDOW_SECS], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        if taken >= config.per_hour {
            let retry_after = oldest.map_or(WINDOW_SECS, |o| o + WINDOW_SECS - now).max(1);
            return refused(Refusal::TooMany { retry_after });
        }

        let requester = match account {
            Account::Enabled(id) => id,
            _ => by_address::make_requester(
                tx,
                &mail,
                (config.ask_name && !name.is_empty()).then_some(name.as_str()),
                now,
            )?,
        };
        let settings = Settings::load(tx)?;
        let (ticket, _) = from_mail::open(
            tx,
            &settings,
            &NewTicket {
                requester,
                subject: &title,
                body: sub.description.trim(),
                category_id: category,
                service_id: config.service_id,
                type_id: kind,
                source: Source::IntranetForm,
            },
            now,
        )?;
        tx.prepare_cached(
            "INSERT INTO intranet_submissions (ip, at, ticket_id) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![sub.ip, now, ticket])?;
        tx.prepare_cached("DELETE FROM intranet_submissions WHERE at < ?1")?
            .execute([now - WINDOW_SECS])?;
        Ok(Outcome::Opened(TicketId(ticket)))
    })
    .await
}
