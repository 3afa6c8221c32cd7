//! Everything the ticket page shows, read in one go for the acting user: the ticket (not found
//! when they do not see it), its choice lists, thread, files, reminders, the procedures filed
//! under its category, its description's HTML and where the requester's validation stands.

use crate::db::Db;
use crate::domain::ids::TicketId;
use crate::domain::procedures;
use crate::domain::rights::names as right;
use crate::domain::settings::FUNCTION_PROCEDURES;
use crate::domain::{Actor, DomainError, rendered, run};
use crate::i18n::Lang;
use crate::markdown::{self, SafeHtml};

use super::attachments::{self, Attachment};
use super::fields::TechnicianOffer;
use super::observers;
use super::options::{PersonLabels, TicketOptions};
use super::reminders::{self, Reminder};
use super::repo::{self, TicketRow};
use super::thread::{self, EntryView};
use super::validation;

/// The ticket page's data.
#[derive(Debug, Clone)]
pub struct TicketPage {
    pub row: TicketRow,
    pub options: TicketOptions,
    /// The thread, when the actor may see it.
    pub entries: Vec<EntryView>,
    pub files: Vec<Attachment>,
    pub reminders: Vec<Reminder>,
    /// The interventions planned on the ticket, when the calendar is on and the actor holds
    /// `ticket_calendar`, and the technicians they may be planned for.
    pub interventions: Vec<crate::domain::calendar::Intervention>,
    pub planners: std::sync::Arc<Vec<crate::domain::calendar::Technician>>,
    /// The ticket's unavailability, when it counts for availability and the actor sees it.
    pub availability: Option<crate::domain::availability::TicketWindow>,
    /// Files the actor sent with an earlier attempt of the form (`pending` tokens).
    pub pending: Vec<Attachment>,
    /// Procedures filed under the ticket's category that the actor may read.
    pub procedures: Vec<(i64, String)>,
    /// The description as HTML.
    pub description_html: SafeHtml,
    /// Where the requester's validation of the resolution stands, if it was asked.
    pub validation: Option<validation::Status>,
    /// The observers, when the actor sees them.
    pub observers: Option<Observers>,
    /// The ticket this one was merged into.
    pub merged_into: Option<i64>,
    /// Whether the actor may change the ticket (see [`Actor::may_change`]).
    pub may_change: bool,
    /// The requester's service when the ticket was opened, for holders of
    /// `ticket_sender_service_disp`.
    pub sender_service: Option<String>,
    /// The first address of the ticket's asset, for the remote control link (the VNC switch).
    pub asset_address: Option<String>,
}

/// The observers of a ticket as its page shows them.
#[derive(Debug, Clone)]
pub struct Observers {
    pub list: Vec<observers::Observer>,
    /// Whether the actor may add and remove observers.
    pub may_change: bool,
    /// Who may be added besides the users of the requester list (technician groups, for
    /// technicians).
    pub groups: Vec<crate::domain::users::choices::Choice>,
}

fn observers_for(
    c: &rusqlite::Connection,
    actor: &Actor,
    ticket: i64,
    changeable: bool,
) -> rusqlite::Result<Option<Observers>> {
    use crate::domain::users::choices::{self, Who};
    if !observers::enabled(actor) {
        return Ok(None);
    }
    let mut list = observers::list(c, ticket)?;
    // An observer without the display right still sees that they observe (and may stop).
    if !observers::shown_to(actor) {
        list.retain(|o| o.who == Who::User(actor.id().0));
        if list.is_empty() {
            return Ok(None);
        }
    }
    let may_change = observers::may_change(actor) && changeable;
    let groups = if may_change && actor.is_technician() {
        choices::technician_groups(c)?
    } else {
        Vec::new()
    };
    Ok(Some(Observers {
        list,
        may_change,
        groups,
    }))
}

/// Ticket `id` as its page shows it to `actor`.
pub async fn load(
    db: &Db,
    actor: &Actor,
    lang: Lang,
    id: TicketId,
    pending: Vec<String>,
) -> Result<TicketPage, DomainError> {
    let actor = actor.clone();
    let memo_of = db.clone();
    run::read(db, move |c| {
        let me = actor.id().0;
        let viewer = actor.viewer(c)?;
        let row = repo::get_visible(c, &viewer, id)?.ok_or(DomainError::NotFound)?;
        let changeable = actor.may_change(&viewer, &row);
        let description_html = rendered::kept(c, rendered::Text::Description, id)?
            .unwrap_or_else(|| markdown::render_html(&row.values.description));
        let procedures = match row.values.category_id {
            Some(category) if actor.settings.flag(FUNCTION_PROCEDURES) => {
                let reader = procedures::Reader::of(c, &actor)?;
                procedures::repo::for_ticket(c, &reader, category, row.values.subcategory_id)?
            }
            _ => Vec::new(),
        };
        Ok(TicketPage {
            observers: observers_for(c, &actor, id.0, changeable)?,
            merged_into: super::merge::merged_into(c, id.0)?,
            may_change: changeable,
            sender_service: if actor.has(right::TICKET_SENDER_SERVICE_DISP) {
                repo::sender_service(c, id.0)?
            } else {
                None
            },
            validation: validation::status(c, &actor.settings, id.0)?,
            asset_address: match row.values.asset_id {
                Some(asset)
                    if actor
                        .settings
                        .flag(crate::domain::settings::FUNCTION_ASSET_VNC) =>
                {
                    super::asset_field::first_address(c, asset)?
                }
                _ => None,
            },
            procedures,
            description_html,
            options: {
                let mut o = TicketOptions::load(
                    c,
                    memo_of.memo(),
                    lang,
                    &row.values,
                    PersonLabels::of(&actor.rights),
                    TechnicianOffer::of(&actor.rights),
                )?;
                super::service_limits::narrow(c, &actor, &row.values, &mut o)?;
                super::asset_field::fill(c, &actor, &row.values, &mut o)?;
                o
            },
            entries: thread::for_reader(c, &actor, &viewer, id.0, lang)?,
            files: attachments::list(c, id.0)?,
            reminders: reminders::of_ticket(c, id.0)?,
            interventions: crate::domain::calendar::of_ticket(c, &actor, &viewer, id)?,
            planners: crate::domain::calendar::planners(c, memo_of.memo(), &actor)?,
            availability: crate::domain::availability::ticket_window(c, &actor, lang, id)?,
            pending: attachments::pending(c, me, &pending)?,
            row,
        })
    })
    .await
}

/// What the new-ticket form shows besides the typed fields.
#[derive(Debug, Clone)]
pub struct NewTicketPage {
    pub options: TicketOptions,
    /// Files the actor sent with an earlier attempt of the form.
    pub pending: Vec<Attachment>,
    /// Tickets the actor may still open, when a limit applies.
    pub left: Option<i64>,
    /// Hours their company has left, when an hour limit applies.
    pub hours: Option<super::limits::HoursLeft>,
}

/// The new-ticket form of `actor` showing `values`.
pub async fn new_ticket(
    db: &Db,
    actor: &Actor,
    lang: Lang,
    values: &super::values::Values,
    pending: Vec<String>,
) -> Result<NewTicketPage, DomainError> {
    let (v, me, labels, settings) = (
        values.clone(),
        actor.id().0,
        PersonLabels::of(&actor.rights),
        actor.settings.clone(),
    );
    let offer = TechnicianOffer::of(&actor.rights);
    let actor = actor.clone();
    let memo_of = db.clone();
    run::read(db, move |c| {
        let now = crate::domain::clock::now();
        let mut options = TicketOptions::load(c, memo_of.memo(), lang, &v, labels, offer)?;
        super::service_limits::narrow(c, &actor, &v, &mut options)?;
        super::asset_field::fill(c, &actor, &v, &mut options)?;
        Ok(NewTicketPage {
            options,
            pending: attachments::pending(c, me, &pending)?,
            left: super::limits::remaining(c, me, &settings, now)?.map(|r| r.left()),
            hours: super::limits::hours_remaining(c, me, &settings, now)?,
        })
    })
    .await
}

/// The values a new ticket starts from: template `template` (for holders of the template
/// right) or a copy of ticket `copy` (which `actor` must see); none otherwise.
pub async fn new_ticket_source(
    db: &Db,
    actor: &Actor,
    template: Option<i64>,
    copy: Option<i64>,
) -> Result<Option<super::values::Values>, DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| match (template, copy) {
        (Some(t), _) if actor.has(right::TICKET_TEMPLATE) => {
            Ok(super::options::template_source(c, t)?)
        }
        (None, Some(id)) => {
            let viewer = actor.viewer(c)?;
            Ok(repo::get_visible(c, &viewer, TicketId(id))?.map(|r| r.values))
        }
        _ => Ok(None),
    })
    .await
}

/// How many new files a ticket form of `actor` may bring (see [`super::upload_room`]).
pub async fn upload_room(
    db: &Db,
    actor: &Actor,
    ticket: Option<TicketId>,
) -> Result<Option<i64>, DomainError> {
    let ticket = ticket.map(|t| t.0);
    // A few indexed rows at most: read on this thread rather than handed to the blocking pool.
    db.read_here(|c| super::upload_room(c, actor, ticket)).await
}
