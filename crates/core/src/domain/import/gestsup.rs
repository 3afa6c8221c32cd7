//! A GestSup site's rows written into Gestdesk, inside one transaction the caller commits (or
//! drops, leaving the instance as it was). The rows come in two passes, in any order within a
//! pass: first the reference tables ([`Importer::reference`]: companies, services, agencies,
//! places, lists, states, groups, users), then the rest ([`Importer::bulk`]: memberships,
//! tickets with their observers, thread entries). GestSup's ids are kept (ticket numbers above
//! all), its "none" rows (id 0) and zero dates become "none" and no date, its HTML becomes
//! Markdown. A GestSup account whose login an account here already has (the administrator made
//! at set-up) becomes that account; another whose id is taken gets a new one. Everything read
//! is counted per table in the [`Report`], with each problem, and the tables this version does
//! not bring over are counted as such.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{OptionalExtension, Transaction, params};

use crate::domain::DomainError;
use crate::domain::profiles::Profile;
use crate::domain::users::{password, preferences};
use crate::i18n::{Lang, Msg, msg};

use super::html;
use super::row::Row;

/// `upload/<ticket>/<name>`, if that file exists.
fn upload_path(upload: &std::path::Path, ticket: i64, name: &str) -> Option<std::path::PathBuf> {
    let path = upload.join(ticket.to_string()).join(name);
    path.is_file().then_some(path)
}

/// What one table gave.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counted {
    pub read: usize,
    pub imported: usize,
    pub skipped: usize,
}

/// What an import did (or, dry, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Tables brought over, by GestSup name.
    pub tables: BTreeMap<String, Counted>,
    /// Tables read but not brought over by this version, with their rows.
    pub not_imported: BTreeMap<String, usize>,
    /// Each problem, with the GestSup table and row it is about.
    pub problems: Vec<(String, i64, Msg)>,
    /// GestSup accounts that became an account already here (GestSup login).
    pub merged_accounts: Vec<String>,
    /// Pictures pasted into texts, not kept in them.
    pub pasted_images: usize,
    /// Settings brought over (their keys here).
    pub settings: Vec<String>,
}

/// How many problems a report lists (the counts say the rest).
const PROBLEMS_LISTED: usize = 500;

impl Report {
    fn count(&mut self, table: &str, imported: bool) {
        let c = self.tables.entry(table.to_owned()).or_default();
        c.read += 1;
        if imported {
            c.imported += 1;
        } else {
            c.skipped += 1;
        }
    }

    /// Notes a problem with row `id` of `table`, which is not counted as imported.
    fn problem(&mut self, table: &str, id: i64, what: Msg) {
        self.note(table, id, what);
        self.count(table, false);
    }

    /// Notes a problem with row `id` of `table` (0: the table as a whole).
    fn note(&mut self, table: &str, id: i64, what: Msg) {
        if self.problems.len() < PROBLEMS_LISTED {
            self.problems.push((table.to_owned(), id, what));
        }
    }

    /// The report as text in `lang`: one line per table, then the problems.
    pub fn text(&self, lang: Lang) -> String {
        let mut out = format!("{}\n", lang.t("import-report-title"));
        for (t, c) in &self.tables {
            let line = msg("import-report-table")
                .arg("table", t.clone())
                .arg("read", c.read)
                .arg("imported", c.imported)
                .arg("left", c.skipped);
            out.push_str(&format!("  {}\n", line.render(lang)));
        }
        if !self.not_imported.is_empty() {
            out.push_str(&format!("{}\n", lang.t("import-report-not-imported")));
            for (t, n) in &self.not_imported {
                let line = msg("import-report-rows")
                    .arg("table", t.clone())
                    .arg("rows", *n);
                out.push_str(&format!("  {}\n", line.render(lang)));
            }
        }
        let mut said = |key: &'static str, value: String| {
            let line = msg(key).arg("value", value);
            out.push_str(&format!("{}\n", line.render(lang)));
        };
        if !self.merged_accounts.is_empty() {
            said("import-report-merged", self.merged_accounts.join(", "));
        }
        if !self.settings.is_empty() {
            said("import-report-settings", self.settings.join(", "));
        }
        if self.pasted_images > 0 {
            said("import-report-images", self.pasted_images.to_string());
        }
        if !self.problems.is_empty() {
            out.push_str(&format!("{}\n", lang.t("import-report-problems")));
            for (table, id, what) in &self.problems {
                let place = if *id > 0 {
                    format!("{table} {id}")
                } else {
                    table.clone()
                };
                out.push_str(&format!("  {place}: {}\n", what.render(lang)));
            }
        }
        out
    }
}

/// The ids and logins of the enabled administrators who can log in with a password (after an
/// import into an instance that had no account, those who can finish setting it up), by login.
pub fn administrators_with_password(
    conn: &rusqlite::Connection,
) -> Result<Vec<(i64, String)>, rusqlite::Error> {
    let ids = crate::domain::rights::active_administrator_ids(conn)?;
    let mut found = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT login FROM users WHERE id = ?1 AND coalesce(password_hash, '') != ''",
    )?;
    for id in ids {
        if let Some(login) = stmt.query_row([id], |r| r.get::<_, String>(0)).optional()? {
            found.push((id, login));
        }
    }
    found.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(found)
}

/// A GestSup skin as a theme here, as GestSup names them: none blue, `skin-1` black, `skin-2`
/// pink, `skin-3` grey; anything else, the site's default.
fn theme_of(skin: &str) -> Option<&'static str> {
    match skin.trim() {
        "skin-0" | "no-skin" => Some("blue"),
        "skin-1" => Some("black"),
        "skin-2" => Some("pink"),
        "skin-3" => Some("grey"),
        _ => None,
    }
}

/// GestSup's ticket order (SQL: `tstates.number, tincidents.priority, ...`) as a sort order
/// here, by its first key; anything else, the site's default.
fn order_of(sql: &str) -> Option<&'static str> {
    let first = sql
        .split(',')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let descending = first.ends_with(" desc");
    let column = first.split_whitespace().next().unwrap_or("");
    let column = column.strip_prefix("tincidents.").unwrap_or(column);
    match (column, descending) {
        ("tstates.number" | "state", _) => Some("state"),
        ("date_create", true) => Some("created_desc"),
        ("date_create", false) => Some("created_asc"),
        ("id", true) => Some("number_desc"),
        ("priority", _) => Some("priority"),
        ("criticality", _) => Some("criticality"),
        ("date_hope", _) => Some("hope_date"),
        ("date_modif", _) => Some("modified_desc"),
        _ => None,
    }
}

/// The tables of the first pass.
pub const REFERENCE_TABLES: &[&str] = &[
    "tassets_iface_role",
    "tassets_location",
    "tassets_manufacturer",
    "tassets_model",
    "tassets_network",
    "tassets_state",
    "tassets_type",
    "tcompany",
    "tservices",
    "tagencies",
    "tplaces",
    "tcategory",
    "tsubcat",
    "ttypes",
    "ttypes_answer",
    "tpriority",
    "tcriticality",
    "tstates",
    "tgroups",
    "tusers",
];

/// The tables of the second pass.
pub const BULK_TABLES: &[&str] = &[
    "tassets",
    "tassets_iface",
    "tassets_thread",
    "tattachments",
    "tavailability",
    "tavailability_dep",
    "tavailability_target",
    "tevents",
    "tparameters",
    "tprocedures",
    "trights",
    "tsurvey_answers",
    "tsurvey_questions",
    "tusers_services",
    "tusers_agencies",
    "tgroups_assoc",
    "tincidents",
    "tthreads",
    "ttemplates",
];

/// GestSup tables that hold nothing to bring over (technical, or rebuilt by Gestdesk).
const NOTHING_TO_BRING: &[&str] = &["tauth_attempts", "ttoken", "tprofiles", "ttime", "tmails"];

/// A GestSup import in progress.
pub struct Importer<'t> {
    tx: &'t Transaction<'t>,
    tz: jiff::tz::TimeZone,
    now: i64,
    report: Report,
    /// GestSup user id -> account id here.
    users: HashMap<i64, i64>,
    /// Users whose id was taken, to number once every id is known.
    renumber: Vec<(i64, Row)>,
    /// References between reference tables, set once all of them are read (GestSup's tables
    /// come in name order: categories before the services and users they name).
    links: Vec<Links>,
    /// Ids of what was brought over, to drop references to what was not.
    /// GestSup id -> id here, per kind of list (an entry already here with the same id keeps
    /// it when it has the same name, else the GestSup one gets another id).
    lists: HashMap<&'static str, HashMap<i64, i64>>,
    tickets: HashSet<i64>,
    procedures: HashSet<i64>,
    /// Assets brought over: name and serials, then their interfaces (for the search text).
    assets: HashMap<i64, AssetText>,
    /// The GestSup lists already read: the first row of one clears what Gestdesk seeded in its
    /// place (a site without the table keeps Gestdesk's).
    cleared: HashSet<String>,
    /// GestSup's `upload/` folder and the attachments' store, when files are brought over.
    files: Option<Files>,
    /// A dry run copies no file (it only looks whether each one is there).
    dry_run: bool,
    /// Attachment rows, handled once every ticket is in (`tattachments` comes first).
    attachments: Vec<Row>,
    /// Files named on tickets by older versions (`img1`..`img5`): ticket and file name.
    old_files: Vec<(i64, String)>,
    /// Calendar rows, handled once every ticket is in (`tevents` comes first).
    events: Vec<Row>,
    /// Survey answers, handled once every ticket and question is in (`tsurvey_answers` comes
    /// before `tsurvey_questions`).
    survey_answers: Vec<Row>,
    /// The site's language (`tparameters.server_language`): its survey questions' and texts'.
    site_lang: crate::i18n::Lang,
}

/// An asset's name, serials and interfaces (NetBIOS name, IP, MAC), for its search text.
type AssetText = (String, String, String, Vec<(String, String, String)>);

/// Where GestSup's files are, and where they go.
pub struct Files {
    pub upload: std::path::PathBuf,
    pub store: crate::domain::files::Store,
}

/// What a list entry of the first pass points to, in GestSup's ids.
struct Links {
    table: &'static str,
    id: i64,
    service: i64,
    technician: i64,
    group: i64,
    kind: i64,
}

fn some(id: i64) -> Option<i64> {
    (id > 0).then_some(id)
}

impl<'t> Importer<'t> {
    /// Starts an import into `tx`'s instance, which must hold no ticket. The lists Gestdesk
    /// seeds (categories, priorities...) make way for GestSup's; foreign keys are checked at
    /// commit, since GestSup's tables come in any order.
    pub fn start(
        tx: &'t Transaction<'t>,
        now: i64,
        files: Option<Files>,
        dry_run: bool,
    ) -> Result<Importer<'t>, DomainError> {
        let tickets: i64 = tx.query_row("SELECT count(*) FROM tickets", [], |r| r.get(0))?;
        if tickets > 0 {
            return Err(DomainError::Conflict(
                crate::i18n::msg("import-has-tickets").arg("count", tickets),
            ));
        }
        tx.execute_batch("PRAGMA defer_foreign_keys = ON;")?;
        Ok(Importer {
            tx,
            tz: jiff::tz::TimeZone::system(),
            now,
            report: Report::default(),
            users: HashMap::new(),
            renumber: Vec::new(),
            links: Vec::new(),
            lists: HashMap::new(),
            tickets: HashSet::new(),
            procedures: HashSet::new(),
            assets: HashMap::new(),
            cleared: HashSet::new(),
            files,
            dry_run,
            attachments: Vec::new(),
            old_files: Vec::new(),
            events: Vec::new(),
            survey_answers: Vec::new(),
            site_lang: crate::i18n::Lang::Fr,
        })
    }

    /// A GestSup date and time (its server's local time) as Unix seconds; None for an empty or
    /// zero date.
    fn time(&self, row: &Row, column: &str) -> Option<i64> {
        let text = row.get(column).text();
        let text = text.trim();
        if text.is_empty() || text.starts_with("0000") {
            return None;
        }
        let iso = if text.len() == 10 {
            format!("{text}T00:00:00")
        } else {
            text.replacen(' ', "T", 1)
        };
        let civil: jiff::civil::DateTime = iso.parse().ok()?;
        self.tz.to_timestamp(civil).ok().map(|t| t.as_second())
    }

    /// A GestSup date (`YYYY-MM-DD`), or None.
    fn date(row: &Row, column: &str) -> Option<String> {
        let text = row.get(column).text();
        let day = text.get(..10)?;
        (!day.starts_with("0000") && day.parse::<jiff::civil::Date>().is_ok())
            .then(|| day.to_owned())
    }

    /// Notes what entry `id` of `table` points to, to set once everything is read.
    fn link(&mut self, table: &'static str, id: i64, row: &Row) {
        self.links.push(Links {
            table,
            id,
            service: row.get("service").int(),
            technician: row.get("technician").int(),
            group: row.get("technician_group").int(),
            kind: row.get("type").int(),
        });
    }

    fn keep(&mut self, kind: &'static str, gestsup: i64, here: i64) {
        self.lists.entry(kind).or_default().insert(gestsup, here);
    }

    /// Like [`Self::slot`], for a list whose built-in entries are translated (`name_key`): a
    /// built-in entry with the same id is GestSup's own (they seed the same ones), kept.
    fn slot_builtin(
        &mut self,
        table: &str,
        kind: &'static str,
        id: i64,
        name: &str,
    ) -> Result<Option<i64>, DomainError> {
        let builtin: bool = self
            .tx
            .query_row(
                &format!("SELECT name_key IS NOT NULL FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(false);
        if builtin {
            self.keep(kind, id, id);
            return Ok(None);
        }
        self.slot(table, kind, id, name)
    }

    /// The id entry `id` named `name` of `table` takes here: its own when free; None when an
    /// entry here has that id and name (the same one, kept); else a new one.
    fn slot(
        &mut self,
        table: &str,
        kind: &'static str,
        id: i64,
        name: &str,
    ) -> Result<Option<i64>, DomainError> {
        let here: Option<String> = self
            .tx
            .query_row(
                &format!("SELECT name FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?;
        match here {
            None => Ok(Some(id)),
            Some(n) if n.to_lowercase() == name.to_lowercase() => {
                self.keep(kind, id, id);
                Ok(None)
            }
            Some(_) => Ok(Some(self.tx.query_row(
                &format!("SELECT max(id) + 1 FROM {table}"),
                [],
                |r| r.get(0),
            )?)),
        }
    }

    /// What GestSup's `id` of list `kind` is here, if it was brought over.
    fn list(&self, kind: &str, id: i64) -> Option<i64> {
        some(id).and_then(|id| self.lists.get(kind).and_then(|m| m.get(&id)).copied())
    }

    fn user(&self, id: i64) -> Option<i64> {
        some(id).and_then(|id| self.users.get(&id).copied())
    }

    fn group(&self, id: i64) -> Option<i64> {
        self.list("groups", id)
    }

    fn markdown(&mut self, text: &str) -> String {
        let c = html::to_markdown(text);
        self.report.pasted_images += c.images;
        c.markdown
    }

    /// A row of the first pass.
    pub fn reference(&mut self, row: Row) -> Result<(), DomainError> {
        let table = row.table.to_string();
        let id = row.get("id").int();
        if id <= 0 {
            // GestSup's "none" rows: "none" here, nothing to bring.
            return Ok(());
        }
        let name = row.get("name").text();
        let tx = self.tx;
        if self.cleared.insert(table.clone()) {
            // GestSup's list replaces the one Gestdesk seeded (subcategories go with their
            // categories).
            let seeded = match table.as_str() {
                "tcategory" => "DELETE FROM subcategories; DELETE FROM categories;",
                "tsubcat" => "DELETE FROM subcategories;",
                "tpriority" => "DELETE FROM priorities;",
                "tcriticality" => "DELETE FROM criticalities;",
                "ttypes" => "DELETE FROM ticket_types;",
                "ttypes_answer" => "DELETE FROM answer_types;",
                _ => "",
            };
            tx.execute_batch(seeded)?;
        }
        match table.as_str() {
            "tcompany" => {
                let Some(here) = self.slot("companies", "companies", id, &name)? else {
                    self.report.count(&table, true);
                    return Ok(());
                };
                tx.execute(
                    "INSERT INTO companies (id, name, address, zip, city, country, legal_status,
                        siret, vat, limit_ticket_number, limit_ticket_days, limit_ticket_date_start,
                        limit_hour_number, limit_hour_days, limit_hour_date_start, comment,
                        information_message, disabled)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                        ?17, ?18)",
                    params![
                        here,
                        name,
                        row.get("address").text(),
                        row.get("zip").text(),
                        row.get("city").text(),
                        row.get("country").text(),
                        row.get("legal_status").text(),
                        row.get("SIRET").text(),
                        row.get("TVA").text(),
                        row.get("limit_ticket_number").int(),
                        row.get("limit_ticket_days").int(),
                        Self::date(&row, "limit_ticket_date_start"),
                        row.get("limit_hour_number").int(),
                        row.get("limit_hour_days").int(),
                        Self::date(&row, "limit_hour_date_start"),
                        row.get("comment").text(),
                        row.get("information_message").text(),
                        row.get("disable").int() != 0
                    ],
                )?;
                self.keep("companies", id, here);
            }
            "tservices" | "tagencies" => {
                let (t, kind) = if table == "tservices" {
                    ("services", "services")
                } else {
                    ("agencies", "agencies")
                };
                let Some(here) = self.slot(t, kind, id, &name)? else {
                    self.report.count(&table, true);
                    return Ok(());
                };
                tx.execute(
                    &format!(
                        "INSERT INTO {t} (id, name, ldap_guid, disabled) VALUES (?1, ?2, ?3, ?4)"
                    ),
                    params![
                        here,
                        name,
                        row.get("ldap_guid").text(),
                        row.get("disable").int() != 0
                    ],
                )?;
                if table == "tagencies" {
                    tx.execute(
                        "UPDATE agencies SET mail = ?2 WHERE id = ?1",
                        params![here, row.get("mail").text()],
                    )?;
                }
                self.keep(kind, id, here);
            }
            "tplaces" => {
                let Some(here) = self.slot("places", "places", id, &name)? else {
                    self.report.count(&table, true);
                    return Ok(());
                };
                tx.execute(
                    "INSERT INTO places (id, name) VALUES (?1, ?2)",
                    params![here, name],
                )?;
                self.keep("places", id, here);
            }
            "tcategory" => {
                tx.execute(
                    "INSERT INTO categories (id, position, name) VALUES (?1, ?2, ?3)",
                    params![id, row.get("number").int(), name],
                )?;
                self.link("categories", id, &row);
                self.keep("categories", id, id);
            }
            "tsubcat" => {
                let Some(category) = self.list("categories", row.get("cat").int()) else {
                    self.report
                        .problem(&table, id, msg("import-problem-no-category"));
                    return Ok(());
                };
                tx.execute(
                    "INSERT INTO subcategories (id, category_id, name) VALUES (?1, ?2, ?3)",
                    params![id, category, name],
                )?;
                self.link("subcategories", id, &row);
                self.keep("subcategories", id, id);
            }
            "ttypes" => {
                tx.execute(
                    "INSERT INTO ticket_types (id, name, user_validation, mail)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![
                        id,
                        name,
                        row.get("user_validation").int() != 0,
                        row.get("mail").text()
                    ],
                )?;
                self.link("ticket_types", id, &row);
                self.keep("types", id, id);
            }
            "ttypes_answer" => {
                tx.execute(
                    "INSERT INTO answer_types (id, name, disabled) VALUES (?1, ?2, ?3)",
                    params![id, name, row.get("disable").int() != 0],
                )?;
                self.keep("answer_types", id, id);
            }
            "tpriority" | "tcriticality" => {
                let (t, kind) = if table == "tpriority" {
                    ("priorities", "priorities")
                } else {
                    ("criticalities", "criticalities")
                };
                let color = row.get("color").text();
                tx.execute(
                    &format!("INSERT INTO {t} (id, position, name, color) VALUES (?1, ?2, ?3, ?4)"),
                    params![
                        id,
                        row.get("number").int(),
                        name,
                        if color.is_empty() {
                            "#b0b0b0".to_owned()
                        } else {
                            color
                        }
                    ],
                )?;
                self.link(t, id, &row);
                self.keep(kind, id, id);
            }
            "tstates" => {
                let builtin: bool = tx
                    .query_row(
                        "SELECT code IS NOT NULL FROM ticket_states WHERE id = ?1",
                        [id],
                        |r| r.get(0),
                    )
                    .optional()?
                    .unwrap_or(false);
                if builtin {
                    // The built-in states keep their translated names; their order and
                    // "to handle" flag follow the site's.
                    tx.execute(
                        "UPDATE ticket_states SET position = ?2, is_meta = ?3, hidden = ?4
                         WHERE id = ?1",
                        params![
                            id,
                            row.get("number").int(),
                            row.get("meta").int() != 0,
                            row.get("hide").int() != 0
                        ],
                    )?;
                } else {
                    tx.execute(
                        "INSERT INTO ticket_states (id, position, name, description, mail_subject,
                            color, is_meta, hidden)
                         VALUES (?1, ?2, ?3, ?4, ?5, '#428bca', ?6, ?7)",
                        params![
                            id,
                            row.get("number").int(),
                            name,
                            row.get("description").text(),
                            row.get("mail_object").text(),
                            row.get("meta").int() != 0,
                            row.get("hide").int() != 0
                        ],
                    )?;
                }
                self.keep("states", id, id);
            }
            "tgroups" => {
                let Some(here) = self.slot("groups", "groups", id, &name)? else {
                    self.report.count(&table, true);
                    return Ok(());
                };
                tx.execute(
                    "INSERT INTO groups (id, name, kind, disabled) VALUES (?1, ?2, ?3, ?4)",
                    params![
                        here,
                        name,
                        if row.get("type").int() == 1 {
                            "technician"
                        } else {
                            "user"
                        },
                        row.get("disable").int() != 0
                    ],
                )?;
                self.link("groups", here, &row);
                self.keep("groups", id, here);
            }
            "tusers" => return self.account(row),
            t if t.starts_with("tassets_") => return self.asset_list(&table, id, &name, &row),
            _ => {
                *self.report.not_imported.entry(table).or_default() += 1;
                return Ok(());
            }
        }
        self.report.count(&table, true);
        Ok(())
    }

    /// An entry of one of GestSup's asset lists.
    fn asset_list(
        &mut self,
        table: &str,
        id: i64,
        name: &str,
        row: &Row,
    ) -> Result<(), DomainError> {
        let tx = self.tx;
        let disabled = row.get("disable").int() != 0;
        let (target, kind) = match table {
            "tassets_type" => ("asset_types", "asset_types"),
            "tassets_state" => ("asset_states", "asset_states"),
            "tassets_iface_role" => ("asset_iface_roles", "asset_iface_roles"),
            "tassets_manufacturer" => ("asset_manufacturers", "asset_manufacturers"),
            "tassets_model" => ("asset_models", "asset_models"),
            "tassets_location" => ("asset_locations", "asset_locations"),
            "tassets_network" => ("asset_networks", "asset_networks"),
            _ => {
                *self
                    .report
                    .not_imported
                    .entry(table.to_owned())
                    .or_default() += 1;
                return Ok(());
            }
        };
        let here = if matches!(kind, "asset_types" | "asset_states" | "asset_iface_roles") {
            self.slot_builtin(target, kind, id, name)?
        } else {
            self.slot(target, kind, id, name)?
        };
        let Some(here) = here else {
            self.report.count(table, true);
            return Ok(());
        };
        match kind {
            "asset_types" => tx.execute(
                "INSERT INTO asset_types (id, name, virtualization) VALUES (?1, ?2, ?3)",
                params![here, name, row.get("virtualization").int() != 0],
            )?,
            "asset_states" => tx.execute(
                "INSERT INTO asset_states (id, position, name, description, block_ip_search,
                    disabled) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    here,
                    row.get("order").int(),
                    name,
                    row.get("description").text(),
                    row.get("block_ip_search").int() != 0,
                    disabled
                ],
            )?,
            "asset_iface_roles" => tx.execute(
                "INSERT INTO asset_iface_roles (id, name, disabled) VALUES (?1, ?2, ?3)",
                params![here, name, disabled],
            )?,
            "asset_manufacturers" => tx.execute(
                "INSERT INTO asset_manufacturers (id, name) VALUES (?1, ?2)",
                params![here, name],
            )?,
            "asset_models" => tx.execute(
                "INSERT INTO asset_models (id, type_id, manufacturer_id, name, image, has_ip,
                    has_wifi, warranty_years) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    here,
                    self.list("asset_types", row.get("type").int()),
                    self.list("asset_manufacturers", row.get("manufacturer").int()),
                    name,
                    row.get("image").text(),
                    row.get("ip").int() != 0,
                    row.get("wifi").int() != 0,
                    row.get("warranty").int().max(0)
                ],
            )?,
            "asset_locations" => tx.execute(
                "INSERT INTO asset_locations (id, name, disabled) VALUES (?1, ?2, ?3)",
                params![here, name, disabled],
            )?,
            _ => tx.execute(
                "INSERT INTO asset_networks (id, name, network, netmask, scan, disabled)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    here,
                    name,
                    row.get("network").text(),
                    row.get("netmask").text(),
                    row.get("scan").int() != 0,
                    disabled
                ],
            )?,
        };
        self.keep(kind, id, here);
        self.report.count(table, true);
        Ok(())
    }

    fn asset(&mut self, row: &Row) -> Result<(), DomainError> {
        let id = row.get("id").int();
        if id <= 0 {
            return Ok(());
        }
        let netbios = row.get("netbios").text();
        let sn_internal = row.get("sn_internal").text();
        let sn_manufacturer = row.get("sn_manufacturer").text();
        // GestSup names an asset by its NetBIOS name.
        let name = [&netbios, &sn_internal, &sn_manufacturer]
            .into_iter()
            .find(|n| !n.trim().is_empty())
            .map_or_else(|| format!("asset {id}"), |n| n.trim().to_owned());
        let state = self
            .list("asset_states", row.get("state").int())
            .unwrap_or(1);
        self.tx
            .prepare_cached(
                "INSERT INTO assets (id, name, sn_manufacturer, sn_internal, type_id,
                    manufacturer_id, model_id, state_id, user_id, service_id, location_id, socket,
                    technician_id, purchased_on, installed_on, end_of_life_on, warranty_end,
                    description, virtual, created_at, modified_at, deleted)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?20, ?21)",
            )?
            .execute(params![
                id,
                name,
                sn_manufacturer,
                sn_internal,
                self.list("asset_types", row.get("type").int()),
                self.list("asset_manufacturers", row.get("manufacturer").int()),
                self.list("asset_models", row.get("model").int()),
                state,
                self.user(row.get("user").int()),
                self.list("services", row.get("department").int()),
                self.list("asset_locations", row.get("location").int()),
                row.get("socket").text(),
                self.user(row.get("technician").int()),
                Self::date(row, "date_stock"),
                Self::date(row, "date_install"),
                Self::date(row, "date_recycle"),
                Self::date(row, "date_end_warranty"),
                row.get("description").text(),
                row.get("virtualization").int() != 0,
                self.now,
                row.get("disable").int() != 0
            ])?;
        self.keep("assets", id, id);
        self.assets
            .insert(id, (name, sn_manufacturer, sn_internal, Vec::new()));
        self.report.count("tassets", true);
        Ok(())
    }

    fn asset_iface(&mut self, row: &Row) -> Result<(), DomainError> {
        let id = row.get("id").int();
        let asset = row.get("asset_id").int();
        let ip_typed = row.get("ip").text();
        let mac_typed = row.get("mac").text();
        let ip = crate::domain::assets::address::ip(&ip_typed).unwrap_or_default();
        let mac = crate::domain::assets::address::mac(&mac_typed).unwrap_or_default();
        let netbios = row.get("netbios").text();
        let (ok, ko) = (
            self.time(row, "date_ping_ok"),
            self.time(row, "date_ping_ko"),
        );
        let role = self.list("asset_iface_roles", row.get("role_id").int());
        let Some(entry) = self.assets.get_mut(&asset) else {
            self.report.count("tassets_iface", false);
            return Ok(());
        };
        if id <= 0 || row.get("disable").int() != 0 {
            self.report.count("tassets_iface", false);
            return Ok(());
        }
        let position = i64::try_from(entry.3.len()).unwrap_or(0) + 1;
        entry.3.push((netbios.clone(), ip.clone(), mac.clone()));
        self.tx
            .prepare_cached(
                "INSERT INTO asset_ifaces (id, asset_id, position, role_id, netbios, ip, mac,
                    last_ping_ok, last_ping_ko) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![id, asset, position, role, netbios, ip, mac, ok, ko])?;
        if (!ip_typed.trim().is_empty() && ip.is_empty())
            || (!mac_typed.trim().is_empty() && mac.is_empty())
        {
            self.report.note(
                "tassets_iface",
                id,
                msg("import-problem-address").arg("value", format!("{ip_typed} {mac_typed}")),
            );
        }
        self.report.count("tassets_iface", true);
        Ok(())
    }

    fn asset_note(&mut self, row: &Row) -> Result<(), DomainError> {
        let asset = row.get("asset").int();
        if !self.assets.contains_key(&asset) {
            self.report.count("tassets_thread", false);
            return Ok(());
        }
        let body = self.markdown(&row.get("text").text());
        self.tx
            .prepare_cached(
                "INSERT INTO asset_events (asset_id, at, kind, body) VALUES (?1, ?2, 'note', ?3)",
            )?
            .execute(params![asset, self.now, body])?;
        self.report.count("tassets_thread", true);
        Ok(())
    }

    fn account(&mut self, row: Row) -> Result<(), DomainError> {
        let id = row.get("id").int();
        let login = row.get("login").text().trim().to_owned();
        if login.is_empty() {
            self.report
                .problem("tusers", id, msg("import-problem-no-login"));
            return Ok(());
        }
        let same_login: Option<i64> = self
            .tx
            .query_row("SELECT id FROM users WHERE login = ?1", [&login], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(existing) = same_login {
            self.users.insert(id, existing);
            self.report.merged_accounts.push(login);
            self.report.count("tusers", true);
            return Ok(());
        }
        let taken: bool = self.tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM users WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if taken {
            self.renumber.push((id, row));
            return Ok(());
        }
        self.insert_account(id, &row)?;
        self.users.insert(id, id);
        self.report.count("tusers", true);
        Ok(())
    }

    fn insert_account(&mut self, id: i64, row: &Row) -> Result<(), DomainError> {
        let hash = row.get("password").text();
        let salt = row.get("salt").text();
        let hash = if hash.starts_with("$2") {
            Some(hash)
        } else if hash.len() == 32 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            Some(password::legacy(&salt, &hash))
        } else {
            // No password GestSup could check: the account needs a new one (reset link, or
            // an administrator).
            None
        };
        let profile = Profile::from_id(row.get("profile").int()).unwrap_or(Profile::User);
        let language = row.get("language").text();
        let language = language
            .get(..2)
            .map(str::to_ascii_lowercase)
            .filter(|l| matches!(l.as_str(), "fr" | "en" | "es" | "de"));
        let default_state = self.default_state_of(&row.get("default_ticket_state").text());
        self.tx.execute(
            "INSERT INTO users (id, login, password_hash, firstname, lastname, profile_id, mail,
                phone, mobile, fax, function, company_id, address1, address2, zip, city, custom1,
                custom2, disabled, must_change_password, last_login_at, language,
                limit_ticket_number, limit_ticket_days, limit_ticket_date_start, ldap_guid,
                planning_color, theme, default_ticket_state, ticket_order, created_at,
                updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?31)",
            params![
                id,
                row.get("login").text().trim(),
                hash,
                row.get("firstname").text(),
                row.get("lastname").text(),
                profile.id(),
                row.get("mail").text(),
                row.get("phone").text(),
                row.get("mobile").text(),
                row.get("fax").text(),
                row.get("function").text(),
                self.list("companies", row.get("company").int()),
                row.get("address1").text(),
                row.get("address2").text(),
                row.get("zip").text(),
                row.get("city").text(),
                row.get("custom1").text(),
                row.get("custom2").text(),
                row.get("disable").int() != 0,
                row.get("chgpwd").int() != 0,
                self.time(row, "last_login"),
                language,
                row.get("limit_ticket_number").int(),
                row.get("limit_ticket_days").int(),
                Self::date(row, "limit_ticket_date_start"),
                row.get("ldap_guid").text(),
                row.get("planning_color").text(),
                theme_of(&row.get("skin").text()),
                default_state,
                order_of(&row.get("dashboard_ticket_order").text()),
                self.now
            ],
        )?;
        Ok(())
    }

    /// A user's state at login in GestSup (`meta`, `meta_all`, `all`, or a state's id) as
    /// here (`[scope|]state`); anything else, the site's default.
    fn default_state_of(&self, value: &str) -> Option<String> {
        match value.trim() {
            "meta" => Some(preferences::META_STATE.to_owned()),
            "meta_all" => Some(format!("all|{}", preferences::META_STATE)),
            "all" => Some("all|all".to_owned()),
            other => other
                .parse::<i64>()
                .ok()
                .and_then(|id| self.list("states", id))
                .map(|id| id.to_string()),
        }
    }

    /// Ends the first pass: accounts whose id was taken get new ones, after every other.
    pub fn reference_done(&mut self) -> Result<(), DomainError> {
        let waiting = std::mem::take(&mut self.renumber);
        for (gestsup_id, row) in waiting {
            let next: i64 =
                self.tx
                    .query_row("SELECT coalesce(max(id), 0) + 1 FROM users", [], |r| {
                        r.get(0)
                    })?;
            self.insert_account(next, &row)?;
            self.users.insert(gestsup_id, next);
            self.report.count("tusers", true);
        }
        for l in std::mem::take(&mut self.links) {
            let service = self.list("services", l.service);
            let sql = match l.table {
                "categories" => {
                    let technician = self.user(l.technician);
                    let group = self.group(l.group);
                    let kind = self.list("types", l.kind);
                    self.tx.execute(
                        "UPDATE categories SET service_id = ?2, technician_id = ?3,
                            tech_group_id = ?4, type_id = ?5 WHERE id = ?1",
                        params![l.id, service, technician, group, kind],
                    )?;
                    continue;
                }
                "subcategories" => {
                    let technician = self.user(l.technician);
                    let group = self.group(l.group);
                    self.tx.execute(
                        "UPDATE subcategories SET technician_id = ?2, tech_group_id = ?3
                         WHERE id = ?1",
                        params![l.id, technician, group],
                    )?;
                    continue;
                }
                "ticket_types" => "UPDATE ticket_types SET service_id = ?2 WHERE id = ?1",
                "priorities" => "UPDATE priorities SET service_id = ?2 WHERE id = ?1",
                "criticalities" => "UPDATE criticalities SET service_id = ?2 WHERE id = ?1",
                _ => "UPDATE groups SET service_id = ?2 WHERE id = ?1",
            };
            self.tx.execute(sql, params![l.id, service])?;
        }
        Ok(())
    }

    /// A row of the second pass.
    pub fn bulk(&mut self, row: Row) -> Result<(), DomainError> {
        let table = row.table.to_string();
        match table.as_str() {
            "tusers_services" | "tusers_agencies" => {
                let (link, col, kind, of) = if table == "tusers_services" {
                    ("user_services", "service_id", "services", "service_id")
                } else {
                    ("user_agencies", "agency_id", "agencies", "agency_id")
                };
                match (
                    self.user(row.get("user_id").int()),
                    self.list(kind, row.get(of).int()),
                ) {
                    (Some(u), Some(l)) => {
                        self.tx
                            .prepare_cached(&format!(
                                "INSERT OR IGNORE INTO {link} (user_id, {col}) VALUES (?1, ?2)"
                            ))?
                            .execute(params![u, l])?;
                        self.report.count(&table, true);
                    }
                    _ => self.report.count(&table, false),
                }
            }
            "tgroups_assoc" => {
                match (
                    self.group(row.get("group").int()),
                    self.user(row.get("user").int()),
                ) {
                    (Some(g), Some(u)) => {
                        self.tx
                            .prepare_cached(
                                "INSERT OR IGNORE INTO group_members (group_id, user_id)
                                 VALUES (?1, ?2)",
                            )?
                            .execute(params![g, u])?;
                        self.report.count(&table, true);
                    }
                    _ => self.report.count(&table, false),
                }
            }
            "tincidents" => self.ticket(&row)?,
            "tassets" => self.asset(&row)?,
            "tassets_iface" => self.asset_iface(&row)?,
            "tassets_thread" => self.asset_note(&row)?,
            "tattachments" => self.attachments.push(row),
            "tevents" => self.events.push(row),
            "tavailability" => self.availability_scope(&row, "tavailability")?,
            "tavailability_dep" => self.availability_scope(&row, "tavailability_dep")?,
            "tavailability_target" => self.availability_target(&row)?,
            "tsurvey_questions" => self.survey_question(&row)?,
            "tsurvey_answers" => self.survey_answers.push(row),
            "tprocedures" => self.procedure(&row)?,
            "ttemplates" => self.template(&row)?,
            "tparameters" => self.settings(&row)?,
            "trights" => self.rights(&row)?,
            "tthreads" => self.thread(&row)?,
            t if NOTHING_TO_BRING.contains(&t) => {}
            _ => *self.report.not_imported.entry(table).or_default() += 1,
        }
        Ok(())
    }

    fn ticket(&mut self, row: &Row) -> Result<(), DomainError> {
        let id = row.get("id").int();
        if id <= 0 {
            self.report.count("tincidents", false);
            return Ok(());
        }
        let created = self.time(row, "date_create").unwrap_or(self.now);
        let modified = self.time(row, "date_modif").unwrap_or(created).max(created);
        let state = self
            .list("states", row.get("state").int())
            .or_else(|| {
                // The built-in states exist whether or not the dump lists them.
                let s = row.get("state").int();
                (1..=6).contains(&s).then_some(s)
            })
            .unwrap_or(5);
        let description = self.markdown(&row.get("description").text());
        let title: String = row.get("title").text().chars().take(200).collect();
        self.tx
            .prepare_cached(
                "INSERT INTO tickets (id, type_id, title, description, requester_id, user_group_id,
                    technician_id, tech_group_id, creator_id, service_id, sender_service_id,
                    agency_id, place_id, category_id, subcategory_id, state_id, priority_id,
                    criticality_id, created_at, hope_date, resolved_at, modified_at,
                    time_spent_minutes, time_hope_minutes, tech_read, tech_read_at, user_read,
                    is_template, deleted, billable, answer_type_id, asset_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)",
            )?
            .execute(params![
                id,
                self.list("types", row.get("type").int()),
                title,
                description,
                self.user(row.get("user").int()),
                self.group(row.get("u_group").int()),
                self.user(row.get("technician").int()),
                self.group(row.get("t_group").int()),
                self.user(row.get("creator").int()),
                self.list("services", row.get("u_service").int()),
                self.list("services", row.get("sender_service").int()),
                self.list("agencies", row.get("u_agency").int()),
                self.list("places", row.get("place").int()),
                self.list("categories", row.get("category").int()),
                self.list("subcategories", row.get("subcat").int()),
                state,
                self.list("priorities", row.get("priority").int()),
                self.list("criticalities", row.get("criticality").int()),
                created,
                Self::date(row, "date_hope"),
                self.time(row, "date_res"),
                modified,
                row.get("time").int().max(0),
                row.get("time_hope").int().max(0),
                row.get("techread").int() != 0,
                self.time(row, "techread_date"),
                !row.has("userread") || row.get("userread").int() != 0,
                row.get("template").int() != 0,
                row.get("disable").int() != 0,
                row.get("billable").int() != 0,
                self.list("answer_types", row.get("type_answer").int()),
                self.list("assets", row.get("asset_id").int())
            ])?;
        for column in ["observer1", "observer2", "observer3"] {
            if let Some(u) = self.user(row.get(column).int()) {
                self.tx
                    .prepare_cached(
                        "INSERT OR IGNORE INTO ticket_observers (ticket_id, user_id, added_at)
                         VALUES (?1, ?2, ?3)",
                    )?
                    .execute(params![id, u, created])?;
            }
        }
        // Its unavailability, when GestSup's availability function recorded one.
        if let Some(start) = self.time(row, "start_availability") {
            let end = self.time(row, "end_availability").filter(|&e| e > start);
            self.tx
                .prepare_cached(
                    "INSERT INTO ticket_unavailability (ticket_id, starts_at, ends_at, planned,
                         updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    id,
                    start,
                    end,
                    row.get("availability_planned").int() != 0,
                    self.now
                ])?;
        }
        // Older GestSup versions name a ticket's files in img1..img5, kept in upload/<ticket>/.
        for column in ["img1", "img2", "img3", "img4", "img5"] {
            let name = row.get(column).text();
            if !name.trim().is_empty() {
                self.old_files.push((id, name.trim().to_owned()));
            }
        }
        self.tickets.insert(id);
        self.report.count("tincidents", true);
        Ok(())
    }

    /// GestSup's settings (the one `tparameters` row) that have an equivalent here: the ones of
    /// the same name and meaning, and the renamed ones (company, rows per page, language, mail
    /// server, directory server). Passwords are never brought over, so the mail and directory
    /// connectors stay off until someone enters theirs. Each is checked like a setting saved
    /// from its page; one refused is listed.
    fn settings(&mut self, row: &Row) -> Result<(), DomainError> {
        use crate::domain::settings::{self, Source, registry};
        // Same names, other meanings: GestSup's `order` is SQL, its `login_message` a switch.
        const NOT_THE_SAME: &[&str] = &["order", "login_message", "debug", "id"];
        let mut wanted: Vec<(String, String)> = Vec::new();
        for name in row.column_names() {
            let lower = name.to_lowercase();
            if !NOT_THE_SAME.contains(&lower.as_str()) && registry::find(&lower).is_some() {
                wanted.push((lower, row.get(name).text()));
            }
        }
        let text = |c: &str| row.get(c).text().trim().to_owned();
        let mut renamed = |key: &str, value: String| {
            if !value.is_empty() {
                wanted.push((key.to_owned(), value));
            }
        };
        renamed("company_name", text("company"));
        renamed(
            "theme",
            theme_of(&text("default_skin")).unwrap_or("").to_owned(),
        );
        renamed("order", order_of(&text("order")).unwrap_or("").to_owned());
        if row.get("maxline").int() > 0 {
            renamed("rows_per_page", row.get("maxline").int().to_string());
        }
        let language = text("server_language");
        if let Some(l) = language.get(..2).map(str::to_ascii_lowercase)
            && matches!(l.as_str(), "fr" | "en" | "es" | "de")
        {
            if let Some(lang) = crate::i18n::Lang::from_code(&l) {
                self.site_lang = lang;
            }
            renamed("default_language", l);
        }
        let survey_text = text("survey_mail_text");
        if !survey_text.is_empty() {
            let markdown = html::to_markdown(&survey_text).markdown;
            crate::domain::surveys::import_mail_text(self.tx, self.site_lang, &markdown)?;
        }
        if row.get("login_message").int() != 0 {
            let message = html::to_markdown(&text("login_message_info")).markdown;
            renamed("login_message", message);
        }
        renamed("smtp.host", text("mail_smtp"));
        if row.get("mail_port").int() > 0 {
            renamed("smtp.port", row.get("mail_port").int().to_string());
        }
        if row.has("mail_secure") {
            let security = match text("mail_secure").to_lowercase().as_str() {
                "ssl" => "tls",
                "tls" => "starttls",
                _ => "none",
            };
            renamed("smtp.security", security.to_owned());
        }
        if row.has("mail_ssl_check") {
            let accept = if row.get("mail_ssl_check").int() == 0 {
                "1"
            } else {
                "0"
            };
            renamed("smtp.accept_invalid_certs", accept.to_owned());
        }
        renamed("smtp.username", text("mail_username"));
        if !text("mail_username").is_empty() {
            renamed("smtp.auth", "1".to_owned());
        }
        renamed("smtp.from", text("mail_from_adr"));
        renamed("smtp.from_name", text("mail_from_name"));
        renamed("smtp.cc", text("mail_cc"));
        // Availability's condition: GestSup keeps its kind and its value apart.
        let condition = text("availability_condition_type").to_lowercase();
        let value = row.get("availability_condition_value").int();
        if value > 0 {
            let kind = if condition.starts_with("crit") {
                self.list("criticalities", value)
                    .map(|v| format!("criticality:{v}"))
            } else if condition.starts_with("type") {
                self.list("types", value).map(|v| format!("type:{v}"))
            } else {
                None
            };
            renamed("availability_condition", kind.unwrap_or_default());
        }
        renamed("ldap.host", text("ldap_server"));
        if row.get("ldap_port").int() > 0 {
            renamed("ldap.port", row.get("ldap_port").int().to_string());
        }
        renamed("ldap.domain", text("ldap_domain"));
        renamed("ldap.user_branches", text("ldap_url"));
        renamed("ldap.bind_dn", text("ldap_user"));
        for (key, value) in wanted {
            match settings::set(self.tx, &key, &value, None, Source::CommandLine) {
                Ok(_) => self.report.settings.push(key),
                Err(settings::SetError::Invalid(_)) => self.report.note(
                    "tparameters",
                    0,
                    msg("import-problem-setting")
                        .arg("key", key.clone())
                        .arg("value", value.clone()),
                ),
                Err(settings::SetError::UnknownKey) => {}
                Err(e) => return Err(e.into()),
            }
        }
        if !text("mail_smtp").is_empty() {
            self.report
                .note("tparameters", 0, msg("import-problem-mail-password"));
        }
        self.report.count("tparameters", true);
        Ok(())
    }

    /// One profile's rights as the site customised them (GestSup keeps a row per profile, a
    /// column per right, under the same names as here). Only the rights of the columns present
    /// change (an older GestSup lacks some: they keep their default).
    fn rights(&mut self, row: &Row) -> Result<(), DomainError> {
        let Some(profile) = Profile::from_id(row.get("profile").int()) else {
            self.report.count("trights", false);
            return Ok(());
        };
        let known: HashSet<String> = self
            .tx
            .prepare_cached("SELECT name FROM rights")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for name in row.column_names() {
            let right = name.to_lowercase();
            if !known.contains(&right) {
                continue;
            }
            let sql = if row.get(name).int() != 0 {
                "INSERT OR IGNORE INTO profile_rights (profile_id, right_name) VALUES (?1, ?2)"
            } else {
                "DELETE FROM profile_rights WHERE profile_id = ?1 AND right_name = ?2"
            };
            self.tx
                .prepare_cached(sql)?
                .execute(params![profile.id(), right])?;
        }
        self.report.count("trights", true);
        Ok(())
    }

    /// A named ticket template: the name, on its ticket (brought over as a template). Its
    /// recurrence has no equivalent yet and is said in the report.
    fn template(&mut self, row: &Row) -> Result<(), DomainError> {
        let id = row.get("id").int();
        let ticket = row.get("incident").int();
        let name: String = row.get("name").text().trim().chars().take(100).collect();
        if id <= 0 || name.is_empty() || !self.tickets.contains(&ticket) {
            self.report
                .problem("ttemplates", id, msg("import-problem-template-ticket"));
            return Ok(());
        }
        self.tx
            .prepare_cached(
                "INSERT INTO ticket_templates (id, name, ticket_id, created_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![id, name, ticket, self.now])?;
        self.tx
            .prepare_cached("UPDATE tickets SET is_template = 1 WHERE id = ?1")?
            .execute([ticket])?;
        let frequency = row.get("frequency").text();
        if !frequency.trim().is_empty() && frequency.trim() != "0" {
            self.report.note(
                "ttemplates",
                id,
                msg("import-problem-recurrence").arg("value", frequency.trim().to_owned()),
            );
        }
        self.report.count("ttemplates", true);
        Ok(())
    }

    fn procedure(&mut self, row: &Row) -> Result<(), DomainError> {
        let id = row.get("id").int();
        if id <= 0 {
            return Ok(());
        }
        if row.get("disable").int() != 0 {
            // Deleted in GestSup.
            self.report.count("tprocedures", false);
            return Ok(());
        }
        let body = self.markdown(&row.get("text").text());
        let title: String = row.get("name").text().chars().take(200).collect();
        self.tx.execute(
            "INSERT INTO procedures (id, title, body, category_id, subcategory_id, company_id,
                published, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?7)",
            params![
                id,
                title,
                body,
                self.list("categories", row.get("category").int()),
                self.list("subcategories", row.get("subcat").int()),
                self.list("companies", row.get("company_id").int()),
                self.now
            ],
        )?;
        self.procedures.insert(id);
        self.report.count("tprocedures", true);
        Ok(())
    }

    fn thread(&mut self, row: &Row) -> Result<(), DomainError> {
        let id = row.get("id").int();
        let ticket = row.get("ticket").int();
        if id <= 0 || !self.tickets.contains(&ticket) {
            self.report.count("tthreads", false);
            return Ok(());
        }
        let at = match self.time(row, "date") {
            Some(t) => t,
            None => self.now,
        };
        let (kind, body) = match row.get("type").int() {
            0 => ("text", self.markdown(&row.get("text").text())),
            1 | 2 => ("assigned", String::new()),
            3 => ("mail", String::new()),
            4 => ("closed", String::new()),
            5 => ("state", String::new()),
            other => {
                self.report.problem(
                    "tthreads",
                    id,
                    msg("import-problem-thread-kind").arg("value", other),
                );
                return Ok(());
            }
        };
        let kind_code = row.get("type").int();
        let (tech_from, tech_to, group_from, group_to) = match kind_code {
            1 => (
                None,
                self.user(row.get("tech1").int()),
                None,
                self.group(row.get("group1").int()),
            ),
            2 => (
                self.user(row.get("tech1").int()),
                self.user(row.get("tech2").int()),
                self.group(row.get("group1").int()),
                self.group(row.get("group2").int()),
            ),
            _ => (None, None, None, None),
        };
        let state = (kind_code == 5)
            .then(|| {
                self.list("states", row.get("state").int()).or_else(|| {
                    let s = row.get("state").int();
                    (1..=6).contains(&s).then_some(s)
                })
            })
            .flatten();
        if kind_code == 5 && state.is_none() {
            self.report
                .problem("tthreads", id, msg("import-problem-thread-state"));
            return Ok(());
        }
        self.tx
            .prepare_cached(
                "INSERT INTO thread_entries (id, ticket_id, created_at, author_id, kind, body,
                    tech_from_id, tech_to_id, group_from_id, group_to_id, state_id, private,
                    mail_to, time_minutes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                id,
                ticket,
                at,
                self.user(row.get("author").int()),
                kind,
                body,
                tech_from,
                tech_to,
                group_from,
                group_to,
                state,
                row.get("private").int() != 0,
                row.get("dest_mail").text(),
                row.get("time").int().max(0)
            ])?;
        self.report.count("tthreads", true);
        Ok(())
    }

    /// The file of GestSup attachment `row` in its `upload/` folder: `upload/ticket/<name>`
    /// (`upload/procedure/<name>` for a procedure's), or `upload/<ticket>/<name>` in older
    /// versions.
    fn source_file(upload: &std::path::Path, row: &Row) -> Option<std::path::PathBuf> {
        let stored = row.get("storage_filename").text();
        let real = row.get("real_filename").text();
        let ticket = row.get("ticket_id").int().to_string();
        let procedure = row.get("procedure_id").int().to_string();
        let safe = |n: &str| !n.is_empty() && !n.contains(['/', '\\']) && n != "." && n != "..";
        [
            safe(&stored).then(|| upload.join("ticket").join(&stored)),
            safe(&stored).then(|| upload.join("procedure").join(&stored)),
            safe(&stored).then(|| upload.join("procedure").join(&procedure).join(&stored)),
            safe(&stored).then(|| upload.join("asset").join(&stored)),
            safe(&stored).then(|| upload.join(&ticket).join(&stored)),
            safe(&real).then(|| upload.join(&ticket).join(&real)),
        ]
        .into_iter()
        .flatten()
        .find(|p| p.is_file())
    }

    fn attachment(&mut self, row: &Row) -> Result<(), DomainError> {
        let id = row.get("id").int();
        let ticket = Some(row.get("ticket_id").int()).filter(|t| self.tickets.contains(t));
        let procedure = Some(row.get("procedure_id").int()).filter(|p| self.procedures.contains(p));
        let asset = Some(row.get("asset_id").int()).filter(|a| self.assets.contains_key(a));
        if ticket.is_none() && procedure.is_none() && asset.is_none() {
            self.report
                .problem("tattachments", id, msg("import-problem-attachment-owner"));
            return Ok(());
        }
        let Some(files) = &self.files else {
            if self
                .report
                .tables
                .get("tattachments")
                .is_none_or(|c| c.read == 0)
            {
                self.report
                    .note("tattachments", 0, msg("import-problem-no-upload-folder"));
            }
            self.report.count("tattachments", false);
            return Ok(());
        };
        let real = row.get("real_filename").text();
        let Some(source) = Self::source_file(&files.upload, row) else {
            self.report.problem(
                "tattachments",
                id,
                msg("import-problem-file-missing").arg("value", real),
            );
            return Ok(());
        };
        let name = match crate::domain::files::check_name(&real) {
            Ok(n) => n,
            Err(_) => {
                self.report.problem(
                    "tattachments",
                    id,
                    msg("import-problem-file-kind").arg("value", real),
                );
                return Ok(());
            }
        };
        if self.dry_run {
            self.report.count("tattachments", true);
            return Ok(());
        }
        let temp = files.store.temp_path()?;
        std::fs::copy(&source, &temp)?;
        let kept = match crate::domain::files::keep_checked(&files.store, &temp) {
            Ok(k) => k,
            Err(_) => {
                self.report.problem(
                    "tattachments",
                    id,
                    msg("import-problem-file-refused").arg("value", real),
                );
                return Ok(());
            }
        };
        let uploaded_at: i64 = match ticket {
            Some(t) => {
                self.tx
                    .query_row("SELECT created_at FROM tickets WHERE id = ?1", [t], |r| {
                        r.get(0)
                    })?
            }
            None => self.now,
        };
        self.tx
            .prepare_cached(
                "INSERT INTO attachments (id, storage_name, ticket_id, procedure_id, asset_id,
                    filename, content_type, size, sha256, uploaded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                id,
                kept.storage_name,
                ticket,
                procedure,
                asset,
                name,
                crate::domain::files::content_type_for(&name),
                kept.size,
                kept.sha256,
                uploaded_at
            ])?;
        self.report.count("tattachments", true);
        Ok(())
    }

    /// A calendar row: a reminder on a ticket (type 1) becomes the ticket's reminder for its
    /// technician; a planned intervention (type 2) becomes an intervention of its ticket (an
    /// hour long when its end is missing or not after its start; whole days from midnight to
    /// the midnight after its last day). A removed one (`disable`) is left out.
    fn event(&mut self, row: &Row) -> Result<(), DomainError> {
        let id = row.get("id").int();
        match row.get("type").int() {
            1 => {}
            2 => return self.intervention(row),
            _ => {
                *self
                    .report
                    .not_imported
                    .entry("tevents".to_owned())
                    .or_default() += 1;
                return Ok(());
            }
        }
        let ticket = row.get("incident").int();
        let technician = self.user(row.get("technician").int());
        let due = self.time(row, "date_start");
        let (Some(technician), Some(due)) = (technician, due) else {
            self.report.count("tevents (reminders)", false);
            return Ok(());
        };
        if !self.tickets.contains(&ticket) {
            self.report.count("tevents (reminders)", false);
            return Ok(());
        }
        self.tx.execute(
            "INSERT INTO reminders (id, ticket_id, technician_id, due_at, text, done, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                id,
                ticket,
                technician,
                due,
                row.get("title").text(),
                row.get("disable").int() != 0,
                self.now
            ],
        )?;
        self.report.count("tevents (reminders)", true);
        Ok(())
    }

    fn intervention(&mut self, row: &Row) -> Result<(), DomainError> {
        const TABLE: &str = "tevents (interventions)";
        let ticket = row.get("incident").int();
        let technician = self.user(row.get("technician").int());
        let start = self.time(row, "date_start");
        let (Some(technician), Some(start), false, true) = (
            technician,
            start,
            row.get("disable").int() != 0,
            self.tickets.contains(&ticket),
        ) else {
            self.report.count(TABLE, false);
            return Ok(());
        };
        let all_day = matches!(row.get("allday").text().trim(), "true" | "1");
        let end = self.time(row, "date_end").filter(|&e| e > start);
        let (start, end) = if all_day {
            let first = crate::domain::calendar::period::date_of(start);
            let last = end.map_or(first, |e| crate::domain::calendar::period::date_of(e - 1));
            let after = last.tomorrow().unwrap_or(last);
            (
                crate::domain::calendar::period::day_start(first),
                crate::domain::calendar::period::day_start(after),
            )
        } else {
            (start, end.unwrap_or(start + 3600))
        };
        self.tx.execute(
            "INSERT INTO interventions (ticket_id, technician_id, starts_at, ends_at, all_day, note,
                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                ticket,
                technician,
                start,
                end,
                all_day,
                row.get("title").text(),
                self.now
            ],
        )?;
        self.report.count(TABLE, true);
        Ok(())
    }

    /// A monitored (`tavailability`) or dependency (`tavailability_dep`) category or subcategory
    /// of GestSup's availability function (a subcategory 0: the whole category).
    fn availability_scope(&mut self, row: &Row, table: &str) -> Result<(), DomainError> {
        let list = if table == "tavailability" {
            crate::domain::availability::List::Monitored
        } else {
            crate::domain::availability::List::Dependencies
        };
        let sub = self.list("subcategories", row.get("subcat").int());
        let category = self
            .list("categories", row.get("category").int())
            .or_else(|| {
                sub.and_then(|s| {
                    self.tx
                        .query_row(
                            "SELECT category_id FROM subcategories WHERE id = ?1",
                            [s],
                            |r| r.get(0),
                        )
                        .ok()
                })
            });
        let Some(category) = category else {
            self.report.count(table, false);
            return Ok(());
        };
        crate::domain::availability::import_scope(self.tx, list, category, sub)?;
        self.report.count(table, true);
        Ok(())
    }

    /// A survey question (GestSup's types: 1 yes/no, 2 text, 3 list, 4 scale), worded in the
    /// site's language.
    fn survey_question(&mut self, row: &Row) -> Result<(), DomainError> {
        use crate::domain::surveys::{Kind, QuestionDraft, Wording, import_question};
        const TABLE: &str = "tsurvey_questions";
        let kind = match row.get("type").int() {
            1 => Kind::YesNo,
            2 => Kind::Text,
            3 => Kind::Choice,
            4 => Kind::Scale,
            _ => {
                self.report.count(TABLE, false);
                return Ok(());
            }
        };
        let text = row.get("text").text().trim().to_owned();
        let choices: Vec<String> = (1..=5)
            .map(|n| row.get(&format!("select_{n}")).text().trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect();
        if text.is_empty() || (kind == Kind::Choice && choices.is_empty()) {
            self.report.count(TABLE, false);
            return Ok(());
        }
        let wording = Wording {
            text: text.chars().take(250).collect(),
            choices,
            low: String::new(),
            high: String::new(),
        };
        let draft = QuestionDraft {
            kind,
            scale: row.get("scale").int(),
            wordings: vec![(self.site_lang, wording)],
        };
        import_question(
            self.tx,
            row.get("id").int(),
            row.get("number").int(),
            &draft,
            row.get("disable").int() != 0,
        )?;
        self.report.count(TABLE, true);
        Ok(())
    }

    /// GestSup's survey answers, one invitation per ticket: yes/no from "1"/"oui"/"yes" (or
    /// their opposites), a list's answer by its words, a scale's figure, free text as is.
    fn survey_answers_of(&mut self, rows: Vec<Row>) -> Result<(), DomainError> {
        use crate::domain::surveys::{Kind, import_answers, import_questions};
        const TABLE: &str = "tsurvey_answers";
        if rows.is_empty() {
            return Ok(());
        }
        let questions = import_questions(self.tx)?;
        let mut by_ticket: std::collections::BTreeMap<i64, (i64, Vec<(i64, String)>)> =
            std::collections::BTreeMap::new();
        for row in &rows {
            let ticket = row.get("ticket_id").int();
            let question = questions
                .iter()
                .find(|q| q.id == row.get("question_id").int());
            let when = self.time(row, "date");
            let (Some(q), Some(when), true) = (question, when, self.tickets.contains(&ticket))
            else {
                self.report.count(TABLE, false);
                continue;
            };
            let typed = row.get("answer").text().trim().to_owned();
            let lower = typed.to_lowercase();
            let stored = match q.kind {
                Kind::YesNo => match lower.as_str() {
                    "1" | "oui" | "yes" | "o" | "y" | "si" | "sí" | "ja" => Some("yes".to_owned()),
                    "0" | "non" | "no" | "n" | "nein" => Some("no".to_owned()),
                    _ => None,
                },
                Kind::Text => (!typed.is_empty()).then(|| typed.chars().take(2_000).collect()),
                Kind::Choice => q
                    .wording(self.site_lang, self.site_lang)
                    .choices
                    .iter()
                    .position(|c| c.eq_ignore_ascii_case(&typed))
                    .map(|i| (i + 1).to_string()),
                Kind::Scale => typed
                    .parse::<i64>()
                    .ok()
                    .filter(|n| (1..=q.scale).contains(n))
                    .map(|n| n.to_string()),
            };
            let Some(stored) = stored else {
                self.report.count(TABLE, false);
                continue;
            };
            let entry = by_ticket.entry(ticket).or_insert((when, Vec::new()));
            entry.0 = entry.0.min(when);
            if !entry.1.iter().any(|(id, _)| *id == q.id) {
                entry.1.push((q.id, stored));
                self.report.count(TABLE, true);
            } else {
                self.report.count(TABLE, false);
            }
        }
        for (ticket, (when, answers)) in by_ticket {
            import_answers(self.tx, ticket, when, self.site_lang, &answers)?;
        }
        Ok(())
    }

    /// A yearly target of GestSup's availability function.
    fn availability_target(&mut self, row: &Row) -> Result<(), DomainError> {
        const TABLE: &str = "tavailability_target";
        let sub = self.list("subcategories", row.get("subcat").int());
        let year = i32::try_from(row.get("year").int())
            .ok()
            .filter(|y| (2000..=2200).contains(y));
        let target: Option<f64> = row
            .get("target")
            .text()
            .trim()
            .parse()
            .ok()
            .filter(|t: &f64| (0.0..=100.0).contains(t));
        let (Some(sub), Some(year), Some(target)) = (sub, year, target) else {
            self.report.count(TABLE, false);
            return Ok(());
        };
        crate::domain::availability::import_target(self.tx, sub, year, target)?;
        self.report.count(TABLE, true);
        Ok(())
    }

    /// A file an older GestSup named on ticket `ticket` (`upload/<ticket>/<name>`), unless the
    /// ticket's attachments already hold it.
    fn old_file(&mut self, ticket: i64, name: &str) -> Result<(), DomainError> {
        const TABLE: &str = "tincidents (img1..img5)";
        let Some(files) = &self.files else {
            self.report.count(TABLE, false);
            return Ok(());
        };
        let safe = !name.contains(['/', '\\']) && name != "." && name != "..";
        let source = upload_path(&files.upload, ticket, name).filter(|_| safe);
        let Some(source) = source else {
            self.report.problem(
                TABLE,
                ticket,
                msg("import-problem-file-missing").arg("value", name.to_owned()),
            );
            return Ok(());
        };
        let already: bool = self.tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM attachments WHERE ticket_id = ?1 AND filename = ?2)",
            params![ticket, name],
            |r| r.get(0),
        )?;
        if already {
            return Ok(());
        }
        let Ok(clean) = crate::domain::files::check_name(name) else {
            self.report.problem(
                TABLE,
                ticket,
                msg("import-problem-file-kind").arg("value", name.to_owned()),
            );
            return Ok(());
        };
        if self.dry_run {
            self.report.count(TABLE, true);
            return Ok(());
        }
        let temp = files.store.temp_path()?;
        std::fs::copy(&source, &temp)?;
        let Ok(kept) = crate::domain::files::keep_checked(&files.store, &temp) else {
            self.report.problem(
                TABLE,
                ticket,
                msg("import-problem-file-refused").arg("value", name.to_owned()),
            );
            return Ok(());
        };
        self.tx.execute(
            "INSERT INTO attachments (storage_name, ticket_id, filename, content_type, size,
                sha256, uploaded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT created_at FROM tickets WHERE id = ?2))",
            params![
                kept.storage_name,
                ticket,
                clean,
                crate::domain::files::content_type_for(&clean),
                kept.size,
                kept.sha256
            ],
        )?;
        self.report.count(TABLE, true);
        Ok(())
    }

    /// Ends the second pass: the attachments, now that every ticket is in, and the assets'
    /// search text, now that their interfaces are.
    pub fn bulk_done(&mut self) -> Result<(), DomainError> {
        for row in std::mem::take(&mut self.attachments) {
            self.attachment(&row)?;
        }
        for (ticket, name) in std::mem::take(&mut self.old_files) {
            self.old_file(ticket, &name)?;
        }
        for row in std::mem::take(&mut self.events) {
            self.event(&row)?;
        }
        let answers = std::mem::take(&mut self.survey_answers);
        self.survey_answers_of(answers)?;
        // The site's rights must leave someone able to administer.
        if crate::domain::rights::active_administrators(self.tx)? == 0 {
            self.tx.execute(
                "INSERT OR IGNORE INTO profile_rights (profile_id, right_name) VALUES (?1, ?2)",
                params![
                    Profile::Administrator.id(),
                    crate::domain::rights::names::ADMIN.name()
                ],
            )?;
            self.report
                .note("trights", 0, msg("import-problem-admin-kept"));
        }
        for (id, (name, sn_m, sn_i, ifaces)) in &self.assets {
            let ifaces: Vec<(&str, &str, &str)> = ifaces
                .iter()
                .map(|(n, i, m)| (n.as_str(), i.as_str(), m.as_str()))
                .collect();
            let text = crate::domain::assets::repo::search_text_of(name, sn_m, sn_i, &ifaces);
            self.tx
                .prepare_cached("UPDATE assets SET search_text = ?2 WHERE id = ?1")?
                .execute(params![id, text])?;
        }
        Ok(())
    }

    /// Ends the import: what was read, brought over or not, with each problem.
    pub fn finish(self) -> Report {
        self.report
    }
}

#[cfg(test)]
mod tests {
    use super::{order_of, theme_of};

    #[test]
    fn gestsup_skins_and_orders_read_as_themes_and_sort_orders() {
        assert_eq!(theme_of("skin-1"), Some("black"));
        assert_eq!(theme_of(""), None, "GestSup's default: the site's here");
        assert_eq!(theme_of("skin-42"), None);
        assert_eq!(
            order_of("tstates.number, tincidents.priority, tincidents.criticality"),
            Some("state")
        );
        assert_eq!(
            order_of("tincidents.date_create DESC"),
            Some("created_desc")
        );
        assert_eq!(order_of("tincidents.date_create"), Some("created_asc"));
        assert_eq!(order_of(" tincidents.id desc "), Some("number_desc"));
        assert_eq!(order_of("(SELECT 1)"), None);
        assert_eq!(order_of(""), None);
    }
}
