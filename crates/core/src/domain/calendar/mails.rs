//! The mail that tells a ticket's requester about an intervention planned, changed or removed
//! on it (when the `planning_ics` setting is on), in their language, with the intervention as
//! an iCalendar invitation so that it lands in their calendar and follows its changes.

use rusqlite::Transaction;

use super::ics::{self, Event, Method};
use super::repo::Stored;
use crate::domain::Actor;
use crate::domain::settings::{CALENDAR_MAIL, SERVER_URL, Settings};
use crate::domain::tickets::mails::content::ticket_link;
use crate::domain::tickets::mails::notify::{self, Cause};
use crate::i18n::{Lang, format_span, msg};

/// What happened to the intervention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Planned,
    Changed,
    Removed,
}

/// The host part of the server's address, for the events' ids.
pub fn host(settings: &Settings) -> String {
    let url = settings.raw(SERVER_URL);
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', ':']).next().unwrap_or("");
    if host.is_empty() {
        "gestdesk.invalid".to_owned()
    } else {
        host.to_owned()
    }
}

/// The iCalendar event of intervention `s`.
pub fn event(settings: &Settings, s: &Stored, title: &str, lang: Lang, now: i64) -> Event {
    Event {
        uid: format!("intervention-{}@{}", s.id, host(settings)),
        sequence: s.version,
        starts_at: s.starts_at,
        ends_at: s.ends_at,
        all_day: s.all_day,
        summary: format!("#{} {title}", s.ticket_id),
        description: lang.t("calendar-event-description"),
        url: ticket_link(settings, s.ticket_id),
        cancelled: false,
        stamp: now,
    }
}

/// Writes the mail about `change` to `s` (its technician `technician`) to the requester.
pub fn tell_requester(
    tx: &Transaction<'_>,
    actor: &Actor,
    s: &Stored,
    technician: &str,
    change: Change,
    now: i64,
) -> rusqlite::Result<bool> {
    let settings = &actor.settings;
    if !settings.flag(CALENDAR_MAIL) {
        return Ok(false);
    }
    let title = super::repo::ticket_title(tx, s.ticket_id)?;
    let cause = Cause {
        user_id: actor.id().0,
        technician: actor.is_technician(),
        mail: actor.user.mail.clone(),
    };
    let key = match change {
        Change::Planned => "mail-intervention-planned",
        Change::Changed => "mail-intervention-changed",
        Change::Removed => "mail-intervention-removed",
    };
    let message = |lang: Lang| {
        msg(key)
            .arg("technician", technician)
            .arg("when", format_span(lang, s.starts_at, s.ends_at, s.all_day))
            .render(lang)
    };
    let calendar = |lang: Lang| {
        let mut e = event(settings, s, &title, lang, now);
        let method = if change == Change::Removed {
            e.cancelled = true;
            // A cancellation must come after every version the requester received.
            e.sequence += 1;
            Method::Cancel
        } else {
            Method::Publish
        };
        ics::calendar(method, &title, &[e])
    };
    notify::intervention(tx, settings, s.ticket_id, &cause, &message, &calendar, now)
}
