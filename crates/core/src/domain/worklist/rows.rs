//! The rows of a ticket list page: one query reads the shown tickets with every name they
//! point to, in the reader's language, with the marks the list shows.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::db::Memo;
use crate::domain::tickets::states;
use crate::i18n::Lang;

use super::listing::*;
use super::row_labels::{RowLabels, find};

/// The person's name as shown, else the group's as "[G] name".
fn person(name: Option<String>, group: Option<String>) -> Option<String> {
    match (name, group) {
        (Some(n), _) => Some(n),
        (_, Some(g)) => Some(format!("[G] {g}")),
        _ => None,
    }
}

/// What the markers are measured against.
pub(super) struct Marks {
    pub(super) day_start: i64,
    pub(super) period_start: i64,
    pub(super) today: String,
    pub(super) hope_mandatory: bool,
    /// Whether people show with their first name (`dashboard_firstname`); else by their last
    /// name (their whole name when they have none).
    pub(super) first_names: bool,
}

/// The shown tickets with what changes with them: their requester and technician (a user's
/// name may change without the reference tables moving) and their asset. The names of the
/// reference tables come from [`RowLabels`].
const DETAILS: &str = "SELECT t.id, t.title, t.created_at, t.hope_date, t.resolved_at, t.modified_at,
        t.tech_read, t.technician_id IS NOT NULL OR t.tech_group_id IS NOT NULL, t.last_tech_reply_at,
        t.type_id, te.display_name, t.tech_group_id, ru.display_name, t.user_group_id,
        ru.company_id, t.service_id, t.agency_id, t.place_id, t.state_id,
        EXISTS (SELECT 1 FROM attachments a WHERE a.ticket_id = t.id),
        t.requester_id, t.technician_id, t.category_id, t.subcategory_id, t.priority_id,
        t.criticality_id, t.sender_service_id, t.time_spent_minutes,
        t.validation_asked_at IS NOT NULL AND t.validation_answered_at IS NULL, t.billable,
        NULLIF(te.lastname, ''), NULLIF(ru.lastname, ''), aa.name
    FROM tickets t
    LEFT JOIN users te ON te.id = t.technician_id
    LEFT JOIN users ru ON ru.id = t.requester_id
    LEFT JOIN assets aa ON aa.id = t.asset_id
    WHERE t.id IN (SELECT value FROM json_each(?1))";

pub(super) fn details(
    conn: &Connection,
    memo: &Memo,
    found: &[i64],
    lang: Lang,
    marks: &Marks,
) -> rusqlite::Result<Vec<Row>> {
    let labels = RowLabels::of(conn, memo, lang)?;
    let list = serde_json::to_string(found).unwrap_or_else(|_| "[]".to_owned());
    let mut stmt = conn.prepare_cached(DETAILS)?;
    let mut rows: HashMap<i64, Row> = stmt
        .query_map([list], |r| {
            let id: i64 = r.get(0)?;
            let created_at: i64 = r.get(2)?;
            let hope_date: Option<String> = r.get(3)?;
            let tech_read: bool = r.get(6)?;
            let assigned: bool = r.get(7)?;
            let last_reply: Option<i64> = r.get(8)?;
            let state_id: i64 = r.get(18)?;
            let open = !states::is_closed(state_id);
            let colour = if !tech_read {
                NumberColour::Unread
            } else if assigned && last_reply.is_none() {
                NumberColour::Unanswered
            } else if last_reply.is_some_and(|at| at >= marks.day_start) {
                NumberColour::Advanced
            } else {
                NumberColour::Other
            };
            let category = r.get(22)?;
            let subcategory = r.get(23)?;
            let priority = r.get(24)?;
            let criticality = r.get(25)?;
            let row = Row {
                id,
                title: r.get(1)?,
                type_name: find(&labels.types, r.get(9)?),
                technician: person(
                    if marks.first_names {
                        r.get(10)?
                    } else {
                        r.get::<_, Option<String>>(30)?.or(r.get(10)?)
                    },
                    find(&labels.groups, r.get(11)?),
                ),
                requester: person(
                    if marks.first_names {
                        r.get(12)?
                    } else {
                        r.get::<_, Option<String>>(31)?.or(r.get(12)?)
                    },
                    find(&labels.groups, r.get(13)?),
                ),
                company: find(&labels.companies, r.get(14)?),
                service: find(&labels.services, r.get(15)?),
                sender_service: find(&labels.services, r.get(26)?),
                agency: find(&labels.agencies, r.get(16)?),
                place: find(&labels.places, r.get(17)?),
                asset: r.get(32)?,
                category: find(&labels.categories, category),
                subcategory: find(&labels.subcategories, subcategory),
                created_at,
                overdue: open
                    && hope_date
                        .as_deref()
                        .is_some_and(|d| d < marks.today.as_str()),
                hope_missing: open && marks.hope_mandatory && hope_date.is_none(),
                hope_date,
                resolved_at: r.get(4)?,
                modified_at: r.get(5)?,
                time_spent_minutes: r.get(27)?,
                billable: r.get(29)?,
                priority: find(&labels.priorities, priority),
                criticality: find(&labels.criticalities, criticality),
                state: find(&labels.states, Some(state_id)).unwrap_or(Badge {
                    label: String::new(),
                    color: String::new(),
                }),
                colour,
                new_in_period: created_at >= marks.period_start,
                attachments: r.get(19)?,
                awaiting_validation: r.get(28)?,
                ids: RowIds {
                    state: state_id,
                    requester: r.get(20)?,
                    technician: r.get(21)?,
                    category,
                    subcategory,
                    priority,
                    criticality,
                },
            };
            Ok((id, row))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found.iter().filter_map(|id| rows.remove(id)).collect())
}
