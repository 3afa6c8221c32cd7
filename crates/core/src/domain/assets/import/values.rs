//! The list values and people an import line names, found by name (case and accents folded,
//! built-in names in every language), and the list values it adds when none has that name:
//! created inside a savepoint opened for the line by its first addition, so that a refused
//! line adds nothing. (Only such lines open one: a savepoint makes the search index write out
//! what it holds, which a savepoint per line would make the import's main cost.)

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};

use crate::domain::lists::{self, repo as lists_repo};
use crate::domain::text::folded;
use crate::i18n::Lang;

/// A list an import may add values to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Type,
    Manufacturer,
    Model,
    State,
    Location,
    Service,
    Role,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Type,
        Kind::Manufacturer,
        Kind::Model,
        Kind::State,
        Kind::Location,
        Kind::Service,
        Kind::Role,
    ];

    /// The code of the list (as Administration > Lists names it).
    pub fn list_code(self) -> &'static str {
        match self {
            Kind::Type => "asset-types",
            Kind::Manufacturer => "asset-manufacturers",
            Kind::Model => "asset-models",
            Kind::State => "asset-states",
            Kind::Location => "asset-locations",
            Kind::Service => "services",
            Kind::Role => "iface-roles",
        }
    }

    /// The translation key of the list's title.
    pub fn title_key(self) -> &'static str {
        lists::find(self.list_code()).map_or("", |d| d.title)
    }

    fn table(self) -> &'static str {
        lists::find(self.list_code()).map_or("", |d| d.table)
    }
}

/// What a new model takes from its line.
#[derive(Debug, Clone, Copy, Default)]
pub struct ModelFacts {
    pub type_id: Option<i64>,
    pub manufacturer_id: Option<i64>,
    pub has_ip: bool,
}

/// The names known so far, by list, and the people looked up.
#[derive(Debug, Default)]
pub struct Known {
    names: HashMap<(Kind, String), i64>,
    /// Values added by the line being read, forgotten if it is refused.
    added_by_line: Vec<(Kind, String, String)>,
    /// Whether the line being read opened its savepoint.
    in_savepoint: bool,
    /// Values added by accepted lines, in order, as typed.
    pub added: Vec<(Kind, String)>,
    people: HashMap<String, Option<i64>>,
}

impl Known {
    /// Every list's names as they are now.
    pub fn load(tx: &Transaction<'_>) -> rusqlite::Result<Self> {
        let mut known = Known::default();
        for kind in Kind::ALL {
            let Some(def) = lists::find(kind.list_code()) else {
                continue;
            };
            for entry in lists_repo::entries(tx, def)? {
                for lang in Lang::ALL {
                    let name = folded(&lists_repo::display_name(def, &entry, lang));
                    if !name.is_empty() {
                        known.names.entry((kind, name)).or_insert(entry.id);
                    }
                }
            }
        }
        Ok(known)
    }

    /// The id of `typed` in list `kind` (not models: [`Known::model`]), added when it has
    /// none; none for an empty cell.
    pub fn id(
        &mut self,
        tx: &Transaction<'_>,
        kind: Kind,
        typed: &str,
    ) -> rusqlite::Result<Option<i64>> {
        self.find_or_add(tx, kind, typed, ModelFacts::default())
    }

    /// The id of model `typed`, added with what `facts` say when there is none.
    pub fn model(
        &mut self,
        tx: &Transaction<'_>,
        typed: &str,
        facts: ModelFacts,
    ) -> rusqlite::Result<Option<i64>> {
        self.find_or_add(tx, Kind::Model, typed, facts)
    }

    fn find_or_add(
        &mut self,
        tx: &Transaction<'_>,
        kind: Kind,
        typed: &str,
        model: ModelFacts,
    ) -> rusqlite::Result<Option<i64>> {
        let typed = typed.trim();
        let key = folded(typed);
        if key.is_empty() {
            return Ok(None);
        }
        if let Some(id) = self.names.get(&(kind, key.clone())) {
            return Ok(Some(*id));
        }
        let table = kind.table();
        if !self.in_savepoint {
            tx.execute_batch("SAVEPOINT import_line")?;
            self.in_savepoint = true;
        }
        match kind {
            Kind::Model => {
                tx.prepare_cached(
                    "INSERT INTO asset_models (type_id, manufacturer_id, name, has_ip)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![
                    model.type_id,
                    model.manufacturer_id,
                    typed,
                    model.has_ip
                ])?;
            }
            Kind::State => {
                tx.prepare_cached(
                    "INSERT INTO asset_states (position, name)
                     VALUES ((SELECT COALESCE(max(position), 0) + 1 FROM asset_states), ?1)",
                )?
                .execute([typed])?;
            }
            _ => {
                tx.prepare_cached(&format!("INSERT INTO {table} (name) VALUES (?1)"))?
                    .execute([typed])?;
            }
        }
        let id = tx.last_insert_rowid();
        self.names.insert((kind, key.clone()), id);
        self.added_by_line.push((kind, key, typed.to_owned()));
        Ok(Some(id))
    }

    /// The line was accepted: what it added stays.
    pub fn keep_line(&mut self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        if std::mem::take(&mut self.in_savepoint) {
            tx.execute_batch("RELEASE import_line")?;
        }
        for (kind, _, typed) in self.added_by_line.drain(..) {
            self.added.push((kind, typed));
        }
        Ok(())
    }

    /// The line was refused: what it added is undone and forgotten. (A refused line writes
    /// nothing else: its asset is written only once every check passed.)
    pub fn forget_line(&mut self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        if std::mem::take(&mut self.in_savepoint) {
            tx.execute_batch("ROLLBACK TO import_line; RELEASE import_line")?;
        }
        for (kind, key, _) in self.added_by_line.drain(..) {
            self.names.remove(&(kind, key));
        }
        Ok(())
    }

    /// The account whose login or mail address is `typed`; none when there is none (or
    /// several share that address).
    pub fn person(&mut self, tx: &Transaction<'_>, typed: &str) -> rusqlite::Result<Option<i64>> {
        let key = typed.trim().to_lowercase();
        if let Some(found) = self.people.get(&key) {
            return Ok(*found);
        }
        let by_login: Option<i64> = tx
            .prepare_cached("SELECT id FROM users WHERE login = ?1 COLLATE NOCASE LIMIT 1")?
            .query_row([&key], |r| r.get(0))
            .optional()?;
        let found = match by_login {
            Some(id) => Some(id),
            None => {
                let mut stmt = tx.prepare_cached(
                    "SELECT id FROM users WHERE mail = ?1 COLLATE NOCASE AND mail <> '' LIMIT 2",
                )?;
                let ids = stmt
                    .query_map([&key], |r| r.get::<_, i64>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                if ids.len() == 1 {
                    ids.first().copied()
                } else {
                    None
                }
            }
        };
        self.people.insert(key, found);
        Ok(found)
    }
}
