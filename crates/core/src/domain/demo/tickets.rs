//! Sample tickets: each one a small story (opened, assigned, answered, perhaps closed) whose
//! end depends on its age, recorded through the same thread events the product records.

use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use rand::RngExt;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rusqlite::{Transaction, params};
use sha2::{Digest, Sha256};

use crate::domain::DomainError;
use crate::domain::files::content_type_for;
use crate::domain::tickets::states::{
    self, IN_PROGRESS, REJECTED, RESOLVED, UNASSIGNED, WAITING, WAITING_USER,
};
use crate::domain::tickets::thread::{self, Event};
use crate::domain::tickets::{repo, values::Values};
use crate::domain::users::choices::Who;

use super::people::Org;
use super::words::Words;

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
/// Tickets are spread over this long before now.
const SPAN: i64 = 730 * DAY;

/// What was written.
#[derive(Debug, Default)]
pub struct Made {
    pub tickets: usize,
    pub entries: usize,
    pub attachments: usize,
}

fn weighted<T: Copy>(rng: &mut StdRng, table: &[(T, u32)]) -> T {
    let total: u32 = table.iter().map(|(_, w)| w).sum();
    let mut pick = rng.random_range(0..total.max(1));
    for (value, weight) in table {
        if pick < *weight {
            return *value;
        }
        pick -= weight;
    }
    table[0].0
}

/// Where a ticket of this age has got to.
fn final_state(rng: &mut StdRng, age: i64) -> i64 {
    if age > 30 * DAY {
        weighted(
            rng,
            &[
                (RESOLVED, 88),
                (REJECTED, 6),
                (WAITING_USER, 3),
                (IN_PROGRESS, 3),
            ],
        )
    } else if age > 2 * DAY {
        weighted(
            rng,
            &[
                (RESOLVED, 45),
                (IN_PROGRESS, 25),
                (WAITING_USER, 12),
                (WAITING, 10),
                (UNASSIGNED, 5),
                (REJECTED, 3),
            ],
        )
    } else {
        weighted(
            rng,
            &[
                (UNASSIGNED, 25),
                (WAITING, 30),
                (IN_PROGRESS, 30),
                (WAITING_USER, 5),
                (RESOLVED, 10),
            ],
        )
    }
}

/// One item of a sample list (never empty: `choose` only fails on an empty slice).
fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    items.choose(rng).unwrap_or(&items[0])
}

/// One line of a sample text list.
fn line(rng: &mut StdRng, items: &[&'static str]) -> &'static str {
    items.choose(rng).copied().unwrap_or(items[0])
}

/// An index into a list of `len` items, favouring the first ones: some requesters and
/// technicians are far busier than others.
fn skewed(rng: &mut StdRng, len: usize) -> usize {
    let x: f64 = rng.random();
    // Truncation is the intent: an index into the list.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let index = ((x * x) * len as f64) as usize;
    index.min(len.saturating_sub(1))
}

/// One ticket: its values and its events, each with its author.
struct Story {
    values: Values,
    creator: i64,
    events: Vec<(i64, Event)>,
    /// When the last event happened.
    last_at: i64,
    files: usize,
}

fn text(author: i64, body: &str, private: bool) -> (i64, Event) {
    (
        author,
        Event::Text {
            body: body.to_owned(),
            private,
            html: None,
        },
    )
}

/// The conversation after the ticket is taken up, up to its final `state`.
fn conversation(
    rng: &mut StdRng,
    events: &mut Vec<(i64, Event)>,
    (requester, tech): (i64, i64),
    (words, fixes): (&Words, &[&'static str]),
    state: i64,
) {
    events.push(text(tech, line(rng, words.tech_replies), false));
    for _ in 0..rng.random_range(0..3) {
        events.push(text(requester, line(rng, words.user_replies), false));
        events.push(text(tech, line(rng, words.tech_replies), false));
        if rng.random_ratio(1, 7) {
            events.push(text(tech, line(rng, words.private_notes), true));
        }
    }
    match state {
        WAITING_USER => events.push((
            tech,
            Event::State {
                from: IN_PROGRESS,
                to: WAITING_USER,
            },
        )),
        RESOLVED => {
            events.push(text(tech, line(rng, fixes), false));
            events.push((tech, Event::Closed { state }));
        }
        REJECTED => {
            events.push(text(tech, words.rejection, false));
            events.push((tech, Event::Closed { state }));
        }
        _ if rng.random_ratio(1, 3) => {
            events.push(text(requester, words.nudge, false));
        }
        _ => {}
    }
}

/// The built-in states, each given to one of the latest tickets so that every state shows.
const EVERY_STATE: [i64; 6] = [
    RESOLVED,
    REJECTED,
    WAITING_USER,
    IN_PROGRESS,
    WAITING,
    UNASSIGNED,
];

fn draw(
    rng: &mut StdRng,
    org: &Org,
    (created, forced): (i64, Option<i64>),
    now: i64,
    tz: &TimeZone,
) -> Story {
    let age = now - created;
    let drawn = final_state(rng, age);
    let state = forced.unwrap_or(drawn);
    let (category, subcategory, topic) = *pick(rng, &org.topics);

    // The requester: a user, now and then a user group.
    let (requester, requester_author, service) = if rng.random_ratio(1, 50) {
        let (group, members) = pick(rng, &org.user_groups);
        (
            Who::Group(*group),
            members.first().copied().unwrap_or(org.admin),
            None,
        )
    } else {
        let person = &org.users[skewed(rng, org.users.len())];
        (Who::User(person.id), person.id, Some(person.service))
    };
    // The technician: none while unassigned, now and then a technician group.
    let (technician, tech_author) = if state == UNASSIGNED {
        (None, org.admin)
    } else if rng.random_ratio(1, 25) {
        let (group, members) = pick(rng, &org.tech_groups);
        (
            Some(Who::Group(*group)),
            members.first().copied().unwrap_or(org.admin),
        )
    } else {
        let t = org.technicians[skewed(rng, org.technicians.len())];
        (Some(Who::User(t)), t)
    };

    // Half the tickets are typed by a technician taking a call, the rest sent in by requesters.
    let by_phone = technician.is_some() && rng.random_bool(0.55);
    let creator = if by_phone {
        tech_author
    } else {
        requester_author
    };
    let mut events = vec![(creator, Event::Opened)];
    if technician.is_some() {
        events.push((
            tech_author,
            Event::Assigned {
                from: None,
                to: technician,
            },
        ));
        if !by_phone {
            events.push((
                tech_author,
                Event::State {
                    from: UNASSIGNED,
                    to: WAITING,
                },
            ));
        }
    }
    if !matches!(state, UNASSIGNED | WAITING) {
        events.push((
            tech_author,
            Event::State {
                from: WAITING,
                to: IN_PROGRESS,
            },
        ));
        conversation(
            rng,
            &mut events,
            (requester_author, tech_author),
            (org.words, topic.fixes),
            state,
        );
    }

    let closed = states::is_closed(state);
    // The last event: the closing, or the latest activity of an open ticket; never in the
    // future, and leaving a minute per event.
    let end = if closed {
        created + rng.random_range(HOUR..age.clamp(HOUR + 1, 15 * DAY))
    } else {
        created + rng.random_range(0..=age.clamp(0, 5 * DAY))
    };
    let end = end
        .max(created + 60 * i64::try_from(events.len()).unwrap_or(0))
        .min(now)
        .max(created);
    let description = format!(
        "{}\n\n{}",
        line(rng, topic.details),
        line(rng, org.words.closings)
    )
    .trim_end()
    .to_owned();
    let hope_date = rng.random_ratio(1, 4).then(|| {
        jiff::Timestamp::from_second(created + 7 * DAY)
            .map(|t| tz.to_datetime(t).date().to_string())
            .unwrap_or_default()
    });
    let values = Values {
        requester: Some(requester),
        type_id: Some(if rng.random_ratio(3, 5) { 1 } else { 2 }),
        technician,
        category_id: Some(category),
        subcategory_id: Some(subcategory),
        place_id: rng.random_ratio(2, 5).then(|| *pick(rng, &org.places)),
        service_id: service,
        asset_id: None,
        agency_id: rng.random_ratio(1, 5).then(|| *pick(rng, &org.agencies)),
        title: line(rng, topic.titles).to_owned(),
        description,
        created_at: created,
        hope_date,
        resolved_at: closed.then_some(end),
        time_spent: if closed {
            *pick(rng, &[10, 30, 60, 180, 480])
        } else {
            0
        },
        time_hope: *pick(rng, &[0, 30, 60, 180]),
        priority_id: Some(weighted(
            rng,
            &[(1, 3), (2, 7), (3, 20), (4, 40), (5, 20), (6, 10)],
        )),
        criticality_id: Some(weighted(rng, &[(1, 5), (2, 15), (3, 50), (4, 30)])),
        state_id: state,
        billable: rng.random_ratio(1, 5),
        answer_type_id: None,
    };
    let files = if rng.random_ratio(1, 60) {
        rng.random_range(1..=2)
    } else {
        0
    };
    Story {
        values,
        creator,
        events,
        last_at: end,
        files,
    }
}

/// Stores a small sample file for `ticket`; returns its name.
fn attach(
    tx: &Transaction<'_>,
    rng: &mut StdRng,
    (dir, words): (&Path, &Words),
    (ticket, by, at): (i64, i64, i64),
    written: &mut Vec<PathBuf>,
) -> Result<String, DomainError> {
    let (name, line) = *pick(rng, words.files);
    let content = format!("{line}Ticket #{ticket}\n");
    let token: String = (0..16)
        .map(|_| format!("{:02x}", rng.random::<u8>()))
        .collect();
    let storage = format!("{}/{token}", &token[..2]);
    let path = dir.join(&storage);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&path, &content)?;
    written.push(path);
    let digest: String = Sha256::digest(content.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    tx.prepare_cached(
        "INSERT INTO attachments (storage_name, ticket_id, filename, content_type, size, sha256,
                                  uploaded_by, uploaded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        storage,
        ticket,
        name,
        content_type_for(name),
        i64::try_from(content.len()).unwrap_or(i64::MAX),
        digest,
        by,
        at
    ])?;
    Ok(name.to_owned())
}

/// Writes one story: the ticket, its files and its thread.
fn write(
    tx: &Transaction<'_>,
    rng: &mut StdRng,
    mut story: Story,
    (dir, words): (&Path, &Words),
    written: &mut Vec<PathBuf>,
    made: &mut Made,
) -> Result<(), DomainError> {
    let created = story.values.created_at;
    let end = story.last_at;
    // Event times: the opening first, the closing (if any) last, the rest in between.
    let mut times: Vec<i64> = (1..story.events.len())
        .map(|_| rng.random_range(created..=end))
        .collect();
    times.sort_unstable();
    times.insert(0, created);
    if let Some(resolved) = story.values.resolved_at
        && let Some(last) = times.last_mut()
    {
        *last = resolved.max(*last);
    }
    let tech_user = match story.values.technician {
        Some(Who::User(t)) => Some(t),
        _ => None,
    };
    let last_author = story.events.last().map(|(a, _)| *a);
    let tech_read = story.values.resolved_at.is_some() || last_author == tech_user;
    let last_at = times.last().copied().unwrap_or(created);
    let id = repo::insert(tx, &story.values, story.creator, last_at, tech_read)?;
    for _ in 0..story.files {
        let name = attach(tx, rng, (dir, words), (id, story.creator, created), written)?;
        story
            .events
            .insert(1, (story.creator, Event::Attachment { name }));
        times.insert(1, created);
        made.attachments += 1;
    }
    let mut last_tech_reply = None;
    let saves = i64::try_from(story.events.len()).unwrap_or(1) - 1;
    for ((author, event), at) in story.events.into_iter().zip(times) {
        if matches!(event, Event::Text { .. }) && Some(author) == tech_user {
            last_tech_reply = Some(at);
        }
        thread::record(tx, id, author, at, event)?;
        made.entries += 1;
    }
    tx.prepare_cached("UPDATE tickets SET version = ?2, last_tech_reply_at = ?3 WHERE id = ?1")?
        .execute(params![id, saves, last_tech_reply])?;
    made.tickets += 1;
    Ok(())
}

/// Creates `count` tickets opened over the last two years, numbered in opening order.
pub fn create(
    tx: &Transaction<'_>,
    rng: &mut StdRng,
    org: &Org,
    count: usize,
    now: i64,
    dir: &Path,
    written: &mut Vec<PathBuf>,
) -> Result<Made, DomainError> {
    let mut opened: Vec<i64> = (0..count)
        .map(|_| now - rng.random_range(0..SPAN))
        .collect();
    opened.sort_unstable();
    let tz = TimeZone::system();
    let mut made = Made::default();
    let first_forced = count.saturating_sub(EVERY_STATE.len());
    for (i, created) in opened.into_iter().enumerate() {
        let forced = i.checked_sub(first_forced).map(|k| EVERY_STATE[k]);
        let story = draw(rng, org, (created, forced), now, &tz);
        write(tx, rng, story, (dir, org.words), written, &mut made)?;
    }
    Ok(made)
}
