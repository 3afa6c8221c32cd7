//! What a mail about a ticket says, in the recipient's language: the summary, the
//! description, the visible replies in the order the settings ask, the attachments' names and
//! the link, in the look every mail has ([`compose::look`]).

use rusqlite::{Connection, OptionalExtension};

use crate::domain::mail::compose::{self, Signature};
use crate::domain::mail::templates::{self, Body, Content, Entry, Typed};
use crate::domain::rendered::{self, Text};
use crate::domain::settings::Settings;
use crate::domain::settings::mail_registry as keys;
use crate::i18n::{self, Lang};

/// A ticket as mails describe it.
#[derive(Debug, Clone, Default)]
pub struct TicketFacts {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// The description's kept HTML, when there is a current one.
    pub description_html: Option<String>,
    pub requester: String,
    pub technician: String,
    pub tech_phone: String,
    pub category: String,
    pub subcategory: String,
    pub state: String,
    pub priority: String,
    /// The asset the ticket is about (GestSup's `#ticket_asset#`), with its first address.
    pub asset: String,
    pub created_at: i64,
}

fn listed(name: Option<String>, key: Option<String>, lang: Lang) -> String {
    name.filter(|n| !n.is_empty())
        .or_else(|| key.map(|k| lang.t(&k)))
        .unwrap_or_default()
}

/// Reads ticket `id` with the names of what it points to, in `lang`.
pub fn facts(conn: &Connection, id: i64, lang: Lang) -> rusqlite::Result<Option<TicketFacts>> {
    conn.prepare_cached(&format!(
        "SELECT t.id, t.title, t.description, r.display_name, u.display_name, g.name, u.phone,
                c.name, c.name_key, sc.name, sc.name_key, s.name, s.name_key,
                p.name, p.name_key, t.created_at, h.html, a.name,
                (SELECT i.ip FROM asset_ifaces i WHERE i.asset_id = a.id AND i.ip <> ''
                 ORDER BY i.position LIMIT 1)
         FROM tickets t
         {}
         LEFT JOIN users r ON r.id = t.requester_id
         LEFT JOIN users u ON u.id = t.technician_id
         LEFT JOIN groups g ON g.id = t.tech_group_id
         LEFT JOIN categories c ON c.id = t.category_id
         LEFT JOIN subcategories sc ON sc.id = t.subcategory_id
         LEFT JOIN ticket_states s ON s.id = t.state_id
         LEFT JOIN priorities p ON p.id = t.priority_id
         LEFT JOIN assets a ON a.id = t.asset_id AND a.deleted = 0
         WHERE t.id = ?1",
        rendered::join(Text::Description, "h", "t.id")
    ))?
    .query_row([id], |r| {
        let group: Option<String> = r.get(5)?;
        let technician = match group {
            Some(g) => format!("[G] {g}"),
            None => r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        };
        Ok(TicketFacts {
            id: r.get(0)?,
            title: r.get(1)?,
            description: r.get(2)?,
            description_html: r.get(16)?,
            requester: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
            technician,
            tech_phone: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
            category: listed(r.get(7)?, r.get(8)?, lang),
            subcategory: listed(r.get(9)?, r.get(10)?, lang),
            state: listed(r.get(11)?, r.get(12)?, lang),
            priority: listed(r.get(13)?, r.get(14)?, lang),
            asset: match (
                r.get::<_, Option<String>>(17)?,
                r.get::<_, Option<String>>(18)?,
            ) {
                (Some(name), Some(ip)) => format!("{name} ({ip})"),
                (Some(name), None) => name,
                _ => String::new(),
            },
            created_at: r.get(15)?,
        })
    })
    .optional()
}

/// The visible text replies of `ticket`, oldest first.
fn replies(conn: &Connection, ticket: i64, lang: Lang) -> rusqlite::Result<Vec<Entry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.display_name, e.created_at, e.body, h.html
         FROM thread_entries e LEFT JOIN users a ON a.id = e.author_id
         {}
         WHERE e.ticket_id = ?1 AND e.kind = 'text' AND e.private = 0
         ORDER BY e.created_at, e.id",
        rendered::join(Text::Entry, "h", "e.id")
    ))?;
    stmt.query_map([ticket], |r| {
        let markdown: String = r.get(2)?;
        Ok(Entry {
            author: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
            when: i18n::format_datetime(lang, r.get(1)?),
            body: Typed {
                html: rendered::or_render(r.get(3)?, &markdown),
                markdown,
            },
        })
    })?
    .collect()
}

fn attachment_names(conn: &Connection, ticket: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT filename FROM attachments WHERE ticket_id = ?1 ORDER BY id")?;
    stmt.query_map([ticket], |r| r.get(0))?.collect()
}

/// The address of ticket `id` for someone reading a mail, when the server's address is set.
pub fn ticket_link(settings: &Settings, id: i64) -> Option<String> {
    let base = settings.raw(crate::domain::settings::SERVER_URL);
    (!base.is_empty()).then(|| format!("{base}/tickets/{id}"))
}

/// The subject of a mail about `facts`: `[#12] <what>: <title>`, the number first so that
/// replies can be matched to their ticket.
pub fn subject(facts: &TicketFacts, what: &str) -> String {
    let title: String = facts.title.chars().filter(|c| !c.is_control()).collect();
    format!("[#{}] {what}: {title}", facts.id)
}

/// Whether some mailbox is read, so that replies to mails come back as replies.
fn reads_mail(conn: &Connection) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM mailboxes WHERE enabled = 1)")?
        .query_row([], |r| r.get(0))
}

/// The body of a mail about `facts`, headed `heading`, with an optional typed `message`.
pub fn ticket_body(
    conn: &Connection,
    settings: &Settings,
    facts: &TicketFacts,
    heading: &str,
    message: Option<&str>,
    lang: Lang,
) -> rusqlite::Result<Body> {
    let t = |k: &str| lang.t(k);
    let mut rows = vec![
        (t("ticket-field-title"), facts.title.clone()),
        (t("ticket-field-requester"), facts.requester.clone()),
        (t("ticket-field-technician"), facts.technician.clone()),
        (t("ticket-field-category"), {
            if facts.subcategory.is_empty() {
                facts.category.clone()
            } else {
                format!("{} / {}", facts.category, facts.subcategory)
            }
        }),
        (t("ticket-field-asset"), facts.asset.clone()),
        (t("ticket-field-priority"), facts.priority.clone()),
        (t("ticket-field-state"), facts.state.clone()),
        (
            t("ticket-field-created"),
            i18n::format_datetime(lang, facts.created_at),
        ),
    ];
    rows.retain(|(_, v)| !v.trim().is_empty());
    let mut entries = replies(conn, facts.id, lang)?;
    if settings.flag(keys::MAIL_ORDER) {
        entries.reverse();
    }
    let files = attachment_names(conn, facts.id)?;
    let link = settings
        .flag(keys::MAIL_LINK)
        .then(|| ticket_link(settings, facts.id))
        .flatten()
        .map(|href| (t("mail-link"), href));
    let content = Content {
        heading: heading.to_owned(),
        message: message.map(str::to_owned),
        facts: rows,
        description: (!facts.description.trim().is_empty()).then(|| {
            let text = Typed {
                markdown: facts.description.clone(),
                html: rendered::or_render(facts.description_html.clone(), &facts.description),
            };
            (t("ticket-field-description"), text)
        }),
        thread: (!entries.is_empty()).then(|| (t("ticket-thread"), entries)),
        attachments: (!files.is_empty()).then(|| (t("ticket-attachments"), files)),
        link,
        lang: lang.code(),
        marker: reads_mail(conn)?.then(|| lang.t(crate::domain::mail::inbound::quotes::MARKER_KEY)),
    };
    Ok(templates::render(
        &content,
        &compose::look(settings, Some(&signature(settings, facts)), lang),
    ))
}

/// The technician of `facts` and the ticket's address, for the administrators' texts.
pub fn signature(settings: &Settings, facts: &TicketFacts) -> Signature {
    Signature {
        name: facts.technician.clone(),
        phone: facts.tech_phone.clone(),
        link: ticket_link(settings, facts.id),
    }
}
