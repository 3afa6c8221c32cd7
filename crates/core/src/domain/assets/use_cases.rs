//! What the asset pages do, each in one call: the list, one asset with its history and tickets,
//! the form's choices, storing a new asset or a change, a note, and deleting. Every use case
//! takes the acting user and applies [`Reader`]'s rule itself.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::db::Db;
use crate::domain::lists::repo as lists_repo;
use crate::domain::rights::names as right;
use crate::domain::users::choices::{self as people, Choice, FULL_LIST_MAX, Who};
use crate::domain::{Actor, DomainError, FieldErrors, clock, run};
use crate::i18n::{Lang, msg};

use super::history::{self, Event, What};
use super::repo::{self, Found, Query};
use super::{Asset, AssetId, Reader, Typed, rules};

/// A state of assets: its name and badge colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub id: i64,
    pub name: String,
    pub color: String,
    pub blocks_ip: bool,
}

/// A model, with what it tells the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub id: i64,
    pub name: String,
    pub type_id: Option<i64>,
    pub manufacturer_id: Option<i64>,
    pub has_ip: bool,
    pub warranty_years: i64,
}

/// The names the asset pages show, by id, in the reader's language.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub types: HashMap<i64, String>,
    pub manufacturers: HashMap<i64, String>,
    pub models: HashMap<i64, String>,
    pub services: HashMap<i64, String>,
    pub locations: HashMap<i64, String>,
    pub roles: HashMap<i64, String>,
    /// Every state, in order.
    pub states: Vec<State>,
}

impl Names {
    /// Every name, in `lang`.
    pub fn load(conn: &Connection, lang: Lang) -> rusqlite::Result<Self> {
        let state_names = lists_repo::names_by_code(conn, "asset-states", lang)?;
        let mut stmt = conn.prepare_cached(
            "SELECT id, color, block_ip_search FROM asset_states ORDER BY position, id",
        )?;
        let states = stmt
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                Ok(State {
                    id,
                    name: state_names.get(&id).cloned().unwrap_or_default(),
                    color: r.get(1)?,
                    blocks_ip: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Self {
            types: lists_repo::names_by_code(conn, "asset-types", lang)?,
            manufacturers: lists_repo::names_by_code(conn, "asset-manufacturers", lang)?,
            models: lists_repo::names_by_code(conn, "asset-models", lang)?,
            services: lists_repo::names_by_code(conn, "services", lang)?,
            locations: lists_repo::names_by_code(conn, "asset-locations", lang)?,
            roles: lists_repo::names_by_code(conn, "iface-roles", lang)?,
            states,
        })
    }

    /// The name of an entry of the list a history field names.
    pub fn of_list(&self, code: &str, id: i64) -> Option<&String> {
        match code {
            "asset-types" => self.types.get(&id),
            "asset-manufacturers" => self.manufacturers.get(&id),
            "asset-models" => self.models.get(&id),
            "services" => self.services.get(&id),
            "asset-locations" => self.locations.get(&id),
            "asset-states" => self.states.iter().find(|s| s.id == id).map(|s| &s.name),
            _ => None,
        }
    }

    /// State `id`.
    pub fn state(&self, id: i64) -> Option<&State> {
        self.states.iter().find(|s| s.id == id)
    }
}

/// A page of the list with the names its rows show.
#[derive(Debug, Clone)]
pub struct Listed {
    pub found: Found,
    pub names: Names,
    /// The state listed (`None`: every state).
    pub state: Option<i64>,
}

fn first_state_in(c: &Connection) -> rusqlite::Result<Option<i64>> {
    rusqlite::OptionalExtension::optional(c.query_row(
        "SELECT id FROM asset_states WHERE disabled = 0 ORDER BY position, id LIMIT 1",
        [],
        |r| r.get(0),
    ))
}

/// The assets `actor` sees that match `query`. Every state (`query.state` none) is listed to
/// holders of `side_asset_all_state`; the others get the first state.
pub async fn list(
    db: &Db,
    actor: &Actor,
    mut query: Query,
    lang: Lang,
) -> Result<Listed, DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| {
        let reader = Reader::of(c, &actor)?;
        if query.state.is_none() && !actor.has(right::SIDE_ASSET_ALL_STATE) {
            query.state = first_state_in(c)?;
        }
        Ok(Listed {
            found: repo::search(c, &reader, &query)?,
            names: Names::load(c, lang)?,
            state: query.state,
        })
    })
    .await
}

/// Every asset `actor` sees that match `query` (for an export), in the list's order.
pub async fn all(
    db: &Db,
    actor: &Actor,
    mut query: Query,
    lang: Lang,
) -> Result<Listed, DomainError> {
    query.page = 0;
    query.per_page = i64::MAX;
    list(db, actor, query, lang).await
}

/// People, by id, that a page names.
pub type People = HashMap<i64, String>;

fn people_named(conn: &Connection, ids: &[i64]) -> rusqlite::Result<People> {
    let mut out = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT display_name FROM users WHERE id = ?1")?;
    for id in ids {
        if out.contains_key(id) {
            continue;
        }
        let name: Option<String> =
            rusqlite::OptionalExtension::optional(stmt.query_row([id], |r| r.get(0)))?;
        if let Some(name) = name {
            out.insert(*id, name);
        }
    }
    Ok(out)
}

/// One asset as its page shows it.
#[derive(Debug, Clone)]
pub struct Shown {
    pub asset: Asset,
    pub names: Names,
    /// The user, the technician and the people the history names.
    pub people: People,
    pub history: Vec<Event>,
    /// (number, title, state) of the tickets about it.
    pub tickets: Vec<(i64, String, i64)>,
    pub ticket_states: HashMap<i64, String>,
    /// The company of its user.
    pub company: Option<String>,
    pub files: Vec<crate::domain::files::Attachment>,
    /// The version of its model's picture, when the model has one.
    pub model_picture: Option<String>,
    pub may_edit: bool,
    /// Each interface's last answer and last silence, in the interfaces' order.
    pub pings: Vec<super::network::Seen>,
}

/// Asset `id`, if `actor` sees it.
pub async fn show(db: &Db, actor: &Actor, id: AssetId, lang: Lang) -> Result<Shown, DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| {
        let reader = Reader::of(c, &actor)?;
        let asset = repo::get_visible(c, &reader, id)?.ok_or(DomainError::NotFound)?;
        let history = history::list(c, id)?;
        let mut ids: Vec<i64> = asset
            .values
            .user_id
            .into_iter()
            .chain(asset.values.technician_id)
            .collect();
        for e in &history {
            if let What::Changed { field, old, new } = &e.what
                && matches!(history::field(field), Some((_, history::Kind::Person)))
            {
                ids.extend(old.parse::<i64>().ok());
                ids.extend(new.parse::<i64>().ok());
            }
        }
        Ok(Shown {
            people: people_named(c, &ids)?,
            names: Names::load(c, lang)?,
            history,
            tickets: repo::tickets(c, id, 50)?,
            ticket_states: lists_repo::names_by_code(c, "states", lang)?,
            files: super::files::list(c, id)?,
            model_picture: match asset.values.model_id {
                Some(model) => super::pictures::version(c, model)?,
                None => None,
            },
            company: match asset.values.user_id {
                Some(user) => rusqlite::OptionalExtension::optional(c.query_row(
                    "SELECT co.name FROM users u JOIN companies co ON co.id = u.company_id
                     WHERE u.id = ?1",
                    [user],
                    |r| r.get(0),
                ))?,
                None => None,
            },
            may_edit: reader.may_edit,
            pings: super::network::seen(c, id)?,
            asset,
        })
    })
    .await
}

/// Asset `id` as stored, if `actor` sees it (to fill the edit form).
pub async fn get(db: &Db, actor: &Actor, id: AssetId) -> Result<Asset, DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| {
        repo::get_visible(c, &Reader::of(c, &actor)?, id)?.ok_or(DomainError::NotFound)
    })
    .await
}

/// Every choice the asset form offers.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub types: Vec<(String, String)>,
    pub manufacturers: Vec<(String, String)>,
    pub models: Vec<Model>,
    pub states: Vec<(String, String)>,
    pub services: Vec<(String, String)>,
    pub locations: Vec<(String, String)>,
    pub roles: Vec<(String, String)>,
    /// Users as `u<id>`; only the chosen one when there are too many to list.
    pub users: Vec<(String, String)>,
    /// Whether the user picker searches rather than lists.
    pub user_search: bool,
    pub technicians: Vec<(String, String)>,
    /// Types whose assets may be virtual.
    pub virtual_types: Vec<i64>,
}

fn person_choices(list: Vec<Choice>) -> Vec<(String, String)> {
    list.into_iter()
        .filter(|c| matches!(c.who, Who::User(_)))
        .map(|c| (c.who.value(), c.label))
        .collect()
}

/// The choices of a form showing `typed`.
pub async fn form(db: &Db, lang: Lang, typed: &Typed) -> Result<Choices, DomainError> {
    let id_of = |v: &str| v.trim().parse::<i64>().ok();
    let keep = (
        id_of(&typed.type_id),
        id_of(&typed.manufacturer),
        id_of(&typed.state),
        id_of(&typed.service),
        id_of(&typed.location),
    );
    let user = match Who::parse(&typed.user) {
        Some(Who::User(id)) => Some(id),
        _ => None,
    };
    run::read(db, move |c| {
        let (all_users, user_search) = people::requesters_up_to(c, FULL_LIST_MAX)?;
        let mut users = person_choices(all_users);
        if user_search && let Some(id) = user {
            let named = people_named(c, &[id])?;
            if let Some(name) = named.get(&id) {
                users.push((format!("u{id}"), name.clone()));
            }
        }
        let mut stmt = c.prepare_cached(
            "SELECT id, name, type_id, manufacturer_id, has_ip, warranty_years FROM asset_models
             ORDER BY name COLLATE NOCASE, id",
        )?;
        let models = stmt
            .query_map([], |r| {
                Ok(Model {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    type_id: r.get(2)?,
                    manufacturer_id: r.get(3)?,
                    has_ip: r.get(4)?,
                    warranty_years: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = c.prepare_cached("SELECT id FROM asset_types WHERE virtualization = 1")?;
        let virtual_types = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(Choices {
            types: crate::domain::tickets::options::list(c, "asset-types", lang, keep.0)?,
            manufacturers: crate::domain::tickets::options::list(
                c,
                "asset-manufacturers",
                lang,
                keep.1,
            )?,
            models,
            states: crate::domain::tickets::options::list(c, "asset-states", lang, keep.2)?,
            services: crate::domain::tickets::options::list(c, "services", lang, keep.3)?,
            locations: crate::domain::tickets::options::list(c, "asset-locations", lang, keep.4)?,
            roles: crate::domain::tickets::options::list(c, "iface-roles", lang, None)?,
            users,
            user_search,
            technicians: person_choices(people::technicians(c)?),
            virtual_types,
        })
    })
    .await
}

/// The state a new asset starts in: the first one.
pub async fn first_state(db: &Db) -> Result<Option<i64>, DomainError> {
    run::read(db, |c| Ok(first_state_in(c)?)).await
}

/// An asset form as sent: the asset changed and the version the form was based on (none for a
/// new one), and the fields.
#[derive(Debug, Clone)]
pub struct Submission {
    pub editing: Option<(AssetId, i64)>,
    pub typed: Typed,
}

/// Refused unless `reader` may change assets (`asset` without `asset_list_view_only`).
fn may_write(reader: &Reader) -> Result<(), DomainError> {
    if reader.may_edit {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// Asset `id` as `actor` may change it: forbidden when they may not change assets, not found
/// when they do not see this one. Every action on an existing asset starts here.
pub(crate) fn for_change(
    conn: &Connection,
    actor: &Actor,
    id: AssetId,
) -> Result<super::Asset, DomainError> {
    let reader = Reader::of(conn, actor)?;
    may_write(&reader)?;
    repo::get_visible(conn, &reader, id)?.ok_or(DomainError::NotFound)
}

/// Stores a new asset or a change, and records it in the history; returns its id. A change
/// based on an older version than the stored one is a conflict: nothing is overwritten.
pub async fn store(db: &Db, actor: &Actor, sent: Submission) -> Result<AssetId, DomainError> {
    let actor = actor.clone();
    let me = actor.id().0;
    run::write(db, move |tx| {
        let reader = Reader::of(tx, &actor)?;
        may_write(&reader)?;
        if sent.editing.is_none() && !actor.has(right::SIDE_ASSET_CREATE) {
            return Err(DomainError::Forbidden);
        }
        let now = clock::now();
        let today = clock::date_text(now);
        let current = match sent.editing {
            Some((id, _)) => {
                Some(repo::get_visible(tx, &reader, id)?.ok_or(DomainError::NotFound)?)
            }
            None => None,
        };
        let checked = rules::check(tx, &sent.typed, sent.editing.map(|(id, _)| id), &today)?
            .map_err(DomainError::Invalid)?;
        match (sent.editing, current) {
            (Some((id, version)), Some(now_stored)) => {
                if version != now_stored.version || !repo::update(tx, id, version, &checked, now)? {
                    return Err(DomainError::Conflict(msg("asset-conflict")));
                }
                let changes = history::changes(&now_stored, &checked);
                history::record_changes(tx, id, Some(me), now, changes)?;
                Ok(id)
            }
            _ => {
                let id = repo::insert(tx, &checked, now)?;
                history::record(tx, id, me, now, &What::Created)?;
                Ok(id)
            }
        }
    })
    .await
}

/// Longest note.
pub const MAX_NOTE: usize = 5_000;

/// Adds a free note to asset `id`'s history.
pub async fn note(db: &Db, actor: &Actor, id: AssetId, text: String) -> Result<(), DomainError> {
    let actor = actor.clone();
    let me = actor.id().0;
    run::write(db, move |tx| {
        for_change(tx, &actor, id)?;
        let body = crate::domain::text::visible(text.trim());
        let mut errors = FieldErrors::new();
        if body.is_empty() {
            errors.add("note", msg("error-required"));
        } else if body.chars().count() > MAX_NOTE {
            errors.add("note", msg("error-too-long").arg("max", MAX_NOTE));
        }
        errors.into_result()?;
        history::record(tx, id, me, clock::now(), &What::Note(body))?;
        Ok(())
    })
    .await
}

/// Deletes asset `id` (which `actor` must see, with the `asset_delete` right): it leaves the
/// list; its history and the tickets about it stay.
pub async fn delete(db: &Db, actor: &Actor, id: AssetId) -> Result<(), DomainError> {
    let actor = actor.clone();
    let me = actor.id().0;
    run::write(db, move |tx| {
        if !actor.has(right::ASSET_DELETE) {
            return Err(DomainError::Forbidden);
        }
        for_change(tx, &actor, id)?;
        let now = clock::now();
        repo::soft_delete(tx, id, now)?;
        history::record(tx, id, me, now, &What::Deleted)?;
        Ok(())
    })
    .await
}

/// A batch form as typed: the pattern of the names, where numbering starts, how many, and the
/// fields every asset of the batch shares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    pub pattern: String,
    pub start: String,
    pub count: String,
    pub common: Typed,
}

/// Creates a batch of assets in one transaction (all or none) and records each one's
/// creation; returns their ids. The common fields are checked as for one asset.
pub async fn batch(db: &Db, actor: &Actor, sent: Batch) -> Result<Vec<AssetId>, DomainError> {
    let actor = actor.clone();
    let me = actor.id().0;
    run::write(db, move |tx| {
        let reader = Reader::of(tx, &actor)?;
        may_write(&reader)?;
        if !actor.has(right::SIDE_ASSET_CREATE) {
            return Err(DomainError::Forbidden);
        }
        let mut errors = FieldErrors::new();
        let number = |field: &'static str, text: &str, errors: &mut FieldErrors| {
            let n = text.trim().parse::<i64>().ok();
            if n.is_none() {
                errors.add(field, msg("asset-error-number"));
            }
            n
        };
        let start = number("start", &sent.start, &mut errors);
        let count = number("count", &sent.count, &mut errors);
        if sent.common.model.trim().is_empty() {
            errors.add("model", msg("error-required"));
        }
        let names = match (start, count) {
            (Some(start), Some(count)) => match rules::batch_names(&sent.pattern, start, count) {
                Ok(names) => names,
                Err(m) => {
                    errors.add("pattern", m);
                    Vec::new()
                }
            },
            _ => Vec::new(),
        };
        let now = clock::now();
        let today = clock::date_text(now);
        let first = Typed {
            name: names.first().cloned().unwrap_or_else(|| "-".to_owned()),
            ..sent.common.clone()
        };
        let checked = match rules::check(tx, &first, None, &today)? {
            Ok(c) => Some(c),
            Err(more) => {
                errors.0.extend(more.0);
                None
            }
        };
        errors.into_result()?;
        let Some(checked) = checked else {
            return Err(DomainError::Invalid(FieldErrors::new()));
        };
        let mut ids = Vec::with_capacity(names.len());
        for name in names {
            let one = super::Checked {
                name,
                ..checked.clone()
            };
            let id = repo::insert(tx, &one, now)?;
            history::record(tx, id, me, now, &What::Created)?;
            ids.push(id);
        }
        Ok(ids)
    })
    .await
}

/// An asset a picker offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picked {
    pub id: AssetId,
    pub name: String,
    /// Its serial number and user, which tell assets of the same name apart.
    pub detail: String,
}

/// Up to `limit` assets matching `text` (as the list's search reads it), for the ticket's
/// asset field of `actor` (who must hold `ticket_asset`; with `ticket_asset_user_only` the
/// field lists the requester's assets and searches nothing).
pub async fn pick(
    db: &Db,
    actor: &Actor,
    text: String,
    limit: i64,
) -> Result<Vec<Picked>, DomainError> {
    if !actor.has(right::TICKET_ASSET) {
        return Err(DomainError::Forbidden);
    }
    if actor.has(right::TICKET_ASSET_USER_ONLY) {
        return Ok(Vec::new());
    }
    run::read(db, move |c| {
        let query = Query {
            text,
            per_page: limit,
            ..Query::default()
        };
        // Every asset is offered to the ticket's field, whoever's it is.
        let anyone = Reader {
            user: 0,
            company: None,
            services: Vec::new(),
            company_only: false,
            service_only: false,
            may_edit: false,
        };
        let found = repo::search(c, &anyone, &query)?;
        Ok(found
            .rows
            .into_iter()
            .map(|r| Picked {
                detail: [r.sn_manufacturer, r.user]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
                id: r.id,
                name: r.name,
            })
            .collect())
    })
    .await
}
