//! The calendar's use cases, each one transaction: plan, change, move and remove an
//! intervention of a ticket the actor sees (recorded in the ticket's thread and mailed to its
//! requester), and read a period of the calendar.

use jiff::civil::Date;

use super::mails::{self, Change};
use super::period::{Period, View, WeekStart};
use super::repo::{self, Stored};
use super::rules::{Draft, Planned};
use super::{Conflict, Entry, Intervention, MAX_PER_TICKET, Technician};
use crate::db::Db;
use crate::domain::ids::{InterventionId, TicketId};
use crate::domain::rights::names as right;
use crate::domain::settings::{CALENDAR_DAY_END, CALENDAR_DAY_START, CALENDAR_WEEK_START};
use crate::domain::tickets::repo as tickets;
use crate::domain::tickets::thread::{self, Event, Kind};
use crate::domain::users::choices::Who;
use crate::domain::{Actor, DomainError, FieldErrors, clock, run};
use crate::i18n::{Lang, msg};

fn invalid(field: &'static str, key: &'static str) -> DomainError {
    let mut errors = FieldErrors::new();
    errors.add(field, msg(key));
    DomainError::Invalid(errors)
}

/// The technician `planned` names, else the ticket's; checked to be an active technician.
fn technician_of(
    tx: &rusqlite::Connection,
    planned: &Planned,
    ticket_technician: Option<Who>,
) -> Result<i64, DomainError> {
    let id = match (planned.technician, ticket_technician) {
        (Some(t), _) => t,
        (None, Some(Who::User(t))) => t,
        (None, _) => return Err(invalid("technician", "calendar-error-no-technician")),
    };
    if !repo::is_technician(tx, id)? {
        return Err(invalid("technician", "calendar-error-technician"));
    }
    Ok(id)
}

fn record(
    tx: &rusqlite::Transaction<'_>,
    actor: &Actor,
    s: &Stored,
    kind: Kind,
    now: i64,
) -> rusqlite::Result<()> {
    thread::record(
        tx,
        s.ticket_id,
        actor.id().0,
        now,
        Event::Intervention {
            kind,
            technician: s.technician_id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            all_day: s.all_day,
        },
    )?;
    Ok(())
}

fn name_of(tx: &rusqlite::Connection, user: i64) -> rusqlite::Result<String> {
    tx.prepare_cached("SELECT display_name FROM users WHERE id = ?1")?
        .query_row([user], |r| r.get(0))
}

/// Plans an intervention on ticket `ticket` (which `actor` must see) from `draft`; returns its
/// id and the technician's other interventions at that time.
pub async fn plan(
    db: &Db,
    actor: &Actor,
    ticket: TicketId,
    draft: Draft,
) -> Result<(InterventionId, Vec<Conflict>), DomainError> {
    let actor = actor.clone();
    run::write(db, move |tx| {
        let viewer = actor.viewer(tx)?;
        let row = tickets::get_visible(tx, &viewer, ticket)?.ok_or(DomainError::NotFound)?;
        let planned = draft.check().map_err(DomainError::Invalid)?;
        let technician = technician_of(tx, &planned, row.values.technician)?;
        if repo::count_of_ticket(tx, ticket.0)? >= MAX_PER_TICKET {
            return Err(DomainError::Conflict(
                msg("calendar-too-many").arg("max", MAX_PER_TICKET),
            ));
        }
        let now = clock::now();
        let id = repo::insert(tx, ticket.0, technician, &planned, actor.id().0, now)?;
        let stored = repo::get(tx, id)?.ok_or(DomainError::NotFound)?;
        record(tx, &actor, &stored, Kind::InterventionPlanned, now)?;
        mails::tell_requester(
            tx,
            &actor,
            &stored,
            &name_of(tx, technician)?,
            Change::Planned,
            now,
        )?;
        Ok((InterventionId(id), repo::conflicts_of(tx, &viewer, id)?))
    })
    .await
}

/// What the planning form of ticket `ticket` shows: its title and the technicians to choose
/// from; not found when `actor` does not see it.
pub async fn plan_form(
    db: &Db,
    actor: &Actor,
    ticket: TicketId,
) -> Result<(String, std::sync::Arc<Vec<Technician>>), DomainError> {
    let actor = actor.clone();
    let memo_of = db.clone();
    run::read(db, move |c| {
        let viewer = actor.viewer(c)?;
        let row = tickets::get_visible(c, &viewer, ticket)?.ok_or(DomainError::NotFound)?;
        Ok((
            row.values.title.clone(),
            planners(c, memo_of.memo(), &actor)?,
        ))
    })
    .await
}

/// Intervention `id` with its ticket, when `actor` sees that ticket, checked against the
/// version the page showed.
fn stored_for(
    tx: &rusqlite::Transaction<'_>,
    actor: &Actor,
    id: InterventionId,
    version: Option<i64>,
) -> Result<(Stored, crate::domain::tickets::repo::TicketRow), DomainError> {
    let stored = repo::get(tx, id.0)?.ok_or(DomainError::NotFound)?;
    let viewer = actor.viewer(tx)?;
    let row = tickets::get_visible(tx, &viewer, TicketId(stored.ticket_id))?
        .ok_or(DomainError::NotFound)?;
    if version.is_some_and(|v| v != stored.version) {
        return Err(DomainError::Conflict(msg("calendar-changed-meanwhile")));
    }
    Ok((stored, row))
}

/// Changes intervention `id` to `draft`, unless it changed since the page showed `version`.
pub async fn change(
    db: &Db,
    actor: &Actor,
    id: InterventionId,
    version: Option<i64>,
    draft: Draft,
) -> Result<TicketId, DomainError> {
    let actor = actor.clone();
    run::write(db, move |tx| {
        let (mut stored, row) = stored_for(tx, &actor, id, version)?;
        let planned = draft.check().map_err(DomainError::Invalid)?;
        stored.technician_id = match planned.technician {
            Some(_) => technician_of(tx, &planned, row.values.technician)?,
            None => stored.technician_id,
        };
        stored.starts_at = planned.starts_at;
        stored.ends_at = planned.ends_at;
        stored.all_day = planned.all_day;
        stored.note = planned.note;
        save(tx, &actor, &mut stored)?;
        Ok(TicketId(stored.ticket_id))
    })
    .await
}

fn save(
    tx: &rusqlite::Transaction<'_>,
    actor: &Actor,
    stored: &mut Stored,
) -> Result<(), DomainError> {
    let now = clock::now();
    repo::update(tx, stored, now)?;
    stored.version += 1;
    record(tx, actor, stored, Kind::InterventionChanged, now)?;
    let name = name_of(tx, stored.technician_id)?;
    mails::tell_requester(tx, actor, stored, &name, Change::Changed, now)?;
    Ok(())
}

/// Moves intervention `id` to start on `date` (at `time`, unless it takes whole days), keeping
/// its length, for `technician` when given; unless it changed since the page showed `version`.
pub async fn move_to(
    db: &Db,
    actor: &Actor,
    id: InterventionId,
    version: Option<i64>,
    date: String,
    time: String,
    technician: Option<i64>,
) -> Result<(), DomainError> {
    let actor = actor.clone();
    run::write(db, move |tx| {
        let (mut stored, _) = stored_for(tx, &actor, id, version)?;
        let (starts_at, ends_at) = super::rules::moved(
            &date,
            &time,
            stored.starts_at,
            stored.ends_at,
            stored.all_day,
        )
        .map_err(DomainError::Invalid)?;
        if let Some(t) = technician {
            if !repo::is_technician(tx, t)? {
                return Err(invalid("technician", "calendar-error-technician"));
            }
            stored.technician_id = t;
        }
        stored.starts_at = starts_at;
        stored.ends_at = ends_at;
        save(tx, &actor, &mut stored)
    })
    .await
}

/// The ticket of intervention `id`, when `actor` sees it.
pub async fn ticket_of(
    db: &Db,
    actor: &Actor,
    id: InterventionId,
) -> Result<TicketId, DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| {
        let stored = repo::get(c, id.0)?.ok_or(DomainError::NotFound)?;
        let viewer = actor.viewer(c)?;
        if viewer.sees(c, TicketId(stored.ticket_id))? {
            Ok(TicketId(stored.ticket_id))
        } else {
            Err(DomainError::NotFound)
        }
    })
    .await
}

/// Removes intervention `id` (of a ticket `actor` sees); returns its ticket.
pub async fn remove(
    db: &Db,
    actor: &Actor,
    id: InterventionId,
    version: Option<i64>,
) -> Result<TicketId, DomainError> {
    let actor = actor.clone();
    run::write(db, move |tx| {
        let (stored, _) = stored_for(tx, &actor, id, version)?;
        let now = clock::now();
        repo::delete(tx, stored.id)?;
        record(tx, &actor, &stored, Kind::InterventionRemoved, now)?;
        let name = name_of(tx, stored.technician_id)?;
        mails::tell_requester(tx, &actor, &stored, &name, Change::Removed, now)?;
        Ok(TicketId(stored.ticket_id))
    })
    .await
}

/// The interventions of ticket `ticket` as `actor` reads them (nothing without
/// `ticket_calendar`).
pub fn of_ticket(
    c: &rusqlite::Connection,
    actor: &Actor,
    viewer: &crate::domain::tickets::visibility::Viewer,
    ticket: TicketId,
) -> rusqlite::Result<Vec<Intervention>> {
    if !actor
        .settings
        .flag(crate::domain::settings::FUNCTION_CALENDAR)
        || !actor.has(right::TICKET_CALENDAR)
    {
        return Ok(Vec::new());
    }
    repo::of_ticket(c, viewer, ticket.0)
}

/// The technicians `actor` may plan interventions for (none without `ticket_calendar` or while
/// the calendar is off), kept in `memo` until the people change.
pub fn planners(
    c: &rusqlite::Connection,
    memo: &crate::db::Memo,
    actor: &Actor,
) -> rusqlite::Result<std::sync::Arc<Vec<Technician>>> {
    if !actor
        .settings
        .flag(crate::domain::settings::FUNCTION_CALENDAR)
        || !actor.has(right::TICKET_CALENDAR)
    {
        return Ok(std::sync::Arc::new(Vec::new()));
    }
    memo.get(c, "calendar-technicians", repo::technicians)
}

/// Whose entries a calendar page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    All,
    One(i64),
}

impl Shown {
    /// Reads the address's `tech`: `all`, a user id, or nothing (a technician's own calendar,
    /// everyone's for others).
    pub fn parse(text: &str, actor: &Actor) -> Shown {
        match text.trim() {
            "all" => Shown::All,
            t => match t.parse::<i64>() {
                Ok(id) => Shown::One(id),
                Err(_) if actor.is_technician() => Shown::One(actor.id().0),
                Err(_) => Shown::All,
            },
        }
    }

    /// The value in addresses.
    pub fn code(self) -> String {
        match self {
            Shown::All => "all".to_owned(),
            Shown::One(id) => id.to_string(),
        }
    }
}

/// What the calendar page shows.
#[derive(Debug, Clone)]
pub struct CalendarPage {
    pub period: Period,
    pub shown: Shown,
    pub entries: Vec<Entry>,
    pub technicians: Vec<Technician>,
    /// The working hours the day and week views show: first hour, hour after the last.
    pub hours: (i8, i8),
    /// The intervention just moved, with the technician's other interventions at its new time.
    pub moved: Option<(InterventionId, Vec<Conflict>)>,
    /// Whether the actor may move interventions (`ticket_calendar`).
    pub may_move: bool,
    /// Whether entries are coloured by technician (`planning_tech_color`).
    pub tech_colors: bool,
    /// Whether the actor plans from the calendar itself (`planning_direct_event` with
    /// `ticket_calendar`).
    pub may_plan_directly: bool,
    /// The actor's calendar feed, if they made one: when it was made and last read.
    pub feed: Option<(i64, Option<i64>)>,
}

/// The calendar of `shown` for `view` around `date`, as `actor` reads it.
pub async fn page(
    db: &Db,
    actor: &Actor,
    lang: Lang,
    view: View,
    date: Option<Date>,
    shown: Shown,
    moved: Option<InterventionId>,
) -> Result<CalendarPage, DomainError> {
    let actor = actor.clone();
    let memo_of = db.clone();
    run::read(db, move |c| {
        let s = &actor.settings;
        let start = WeekStart::from_code(s.raw(CALENDAR_WEEK_START));
        let date = date.unwrap_or_else(|| super::period::date_of(clock::now()));
        let period = Period::of(view, date, start);
        let first = i8::try_from(s.number(CALENDAR_DAY_START).clamp(0, 23)).unwrap_or(8);
        let last = i8::try_from(s.number(CALENDAR_DAY_END).clamp(1, 24)).unwrap_or(19);
        let hours = if last > first {
            (first, last)
        } else {
            (first, first + 1)
        };
        let viewer = actor.viewer(c)?;
        let technician = match shown {
            Shown::All => None,
            Shown::One(id) => Some(id),
        };
        let entries = repo::entries(c, &viewer, lang, period.from, period.to, technician)?;
        let moved = match moved {
            Some(id) => Some((id, repo::conflicts_of(c, &viewer, id.0)?)),
            None => None,
        };
        Ok(CalendarPage {
            entries,
            technicians: memo_of
                .memo()
                .get(c, "calendar-technicians", repo::technicians)?
                .as_ref()
                .clone(),
            hours,
            moved,
            may_move: actor.has(right::TICKET_CALENDAR),
            tech_colors: actor.has(right::PLANNING_TECH_COLOR),
            may_plan_directly: actor.has(right::PLANNING_DIRECT_EVENT)
                && actor.has(right::TICKET_CALENDAR),
            feed: repo::feed_of(c, actor.id().0)?,
            period,
            shown,
        })
    })
    .await
}
