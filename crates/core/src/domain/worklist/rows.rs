//! The rows of a ticket list page: one query reads the shown tickets with every name they
//! point to, in the reader's language, with the marks the list shows.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::domain::tickets::states;
use crate::i18n::Lang;

use super::listing::*;

fn name(name: Option<String>, key: Option<String>, lang: Lang) -> Option<String> {
    name.filter(|n| !n.is_empty())
        .or_else(|| key.map(|k| lang.t(&k)))
}

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

const DETAILS: &str = "SELECT t.id, t.title, t.created_at, t.hope_date, t.resolved_at, t.modified_at,
        t.tech_read, t.technician_id IS NOT NULL OR t.tech_group_id IS NOT NULL, t.last_tech_reply_at,
        ty.name, ty.name_key, te.display_name, tg.name, ru.display_name, ug.name,
        co.name, sv.name, ag.name, pl.name, ca.name, ca.name_key, sc.name, sc.name_key,
        pr.name, pr.name_key, pr.color, cr.name, cr.name_key, cr.color,
        st.name, st.name_key, st.color, t.state_id,
        EXISTS (SELECT 1 FROM attachments a WHERE a.ticket_id = t.id),
        t.requester_id, t.technician_id, t.category_id, t.subcategory_id, t.priority_id,
        t.criticality_id, ss.name, t.time_spent_minutes,
        t.validation_asked_at IS NOT NULL AND t.validation_answered_at IS NULL, t.billable,
        NULLIF(te.lastname, ''), NULLIF(ru.lastname, ''), aa.name
    FROM tickets t
    LEFT JOIN ticket_types ty ON ty.id = t.type_id
    LEFT JOIN users te ON te.id = t.technician_id
    LEFT JOIN groups tg ON tg.id = t.tech_group_id
    LEFT JOIN users ru ON ru.id = t.requester_id
    LEFT JOIN groups ug ON ug.id = t.user_group_id
    LEFT JOIN companies co ON co.id = ru.company_id
    LEFT JOIN services sv ON sv.id = t.service_id
    LEFT JOIN services ss ON ss.id = t.sender_service_id
    LEFT JOIN agencies ag ON ag.id = t.agency_id
    LEFT JOIN places pl ON pl.id = t.place_id
    LEFT JOIN assets aa ON aa.id = t.asset_id
    LEFT JOIN categories ca ON ca.id = t.category_id
    LEFT JOIN subcategories sc ON sc.id = t.subcategory_id
    LEFT JOIN priorities pr ON pr.id = t.priority_id
    LEFT JOIN criticalities cr ON cr.id = t.criticality_id
    JOIN ticket_states st ON st.id = t.state_id
    WHERE t.id IN (SELECT value FROM json_each(?1))";

pub(super) fn details(
    conn: &Connection,
    found: &[i64],
    lang: Lang,
    marks: &Marks,
) -> rusqlite::Result<Vec<Row>> {
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
            let state_id: i64 = r.get(32)?;
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
            let badge = |n: Option<String>, k: Option<String>, c: Option<String>| {
                name(n, k, lang).map(|label| Badge {
                    label,
                    color: c.unwrap_or_default(),
                })
            };
            let row = Row {
                id,
                title: r.get(1)?,
                type_name: name(r.get(9)?, r.get(10)?, lang),
                technician: person(
                    if marks.first_names {
                        r.get(11)?
                    } else {
                        r.get::<_, Option<String>>(44)?.or(r.get(11)?)
                    },
                    r.get(12)?,
                ),
                requester: person(
                    if marks.first_names {
                        r.get(13)?
                    } else {
                        r.get::<_, Option<String>>(45)?.or(r.get(13)?)
                    },
                    r.get(14)?,
                ),
                company: r.get(15)?,
                service: r.get(16)?,
                sender_service: r.get(40)?,
                agency: r.get(17)?,
                place: r.get(18)?,
                asset: r.get(46)?,
                category: name(r.get(19)?, r.get(20)?, lang),
                subcategory: name(r.get(21)?, r.get(22)?, lang),
                created_at,
                overdue: open
                    && hope_date
                        .as_deref()
                        .is_some_and(|d| d < marks.today.as_str()),
                hope_missing: open && marks.hope_mandatory && hope_date.is_none(),
                hope_date,
                resolved_at: r.get(4)?,
                modified_at: r.get(5)?,
                time_spent_minutes: r.get(41)?,
                billable: r.get(43)?,
                priority: badge(r.get(23)?, r.get(24)?, r.get(25)?),
                criticality: badge(r.get(26)?, r.get(27)?, r.get(28)?),
                state: badge(r.get(29)?, r.get(30)?, r.get(31)?).unwrap_or(Badge {
                    label: String::new(),
                    color: String::new(),
                }),
                colour,
                new_in_period: created_at >= marks.period_start,
                attachments: r.get(33)?,
                awaiting_validation: r.get(42)?,
                ids: RowIds {
                    state: state_id,
                    requester: r.get(34)?,
                    technician: r.get(35)?,
                    category: r.get(36)?,
                    subcategory: r.get(37)?,
                    priority: r.get(38)?,
                    criticality: r.get(39)?,
                },
            };
            Ok((id, row))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found.iter().filter_map(|id| rows.remove(id)).collect())
}
