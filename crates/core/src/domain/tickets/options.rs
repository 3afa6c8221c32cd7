//! The choices offered by the ticket form, loaded in one go.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::Connection;

use crate::db::Memo;

use crate::domain::lists::{self, repo};
use crate::domain::users::choices::{self, Who};
use crate::domain::users::search;
use crate::i18n::Lang;

use super::values::Values;

/// A requester choice with what the form shows beside it.
#[derive(Debug, Clone)]
pub struct Person {
    pub value: String,
    pub label: String,
    /// What tells homonyms apart: the login, and the company unless the label starts with it.
    pub detail: String,
    pub mail: String,
    pub phone: String,
}

/// A subcategory with its category.
#[derive(Debug, Clone)]
pub struct Sub {
    pub id: i64,
    pub category_id: i64,
    pub label: String,
}

/// Every choice list of the ticket form.
#[derive(Debug, Clone, Default)]
pub struct TicketOptions {
    pub requesters: Arc<Vec<Person>>,
    /// Too many users to list: the form offers a search instead ([`find_people`]).
    pub requester_search: bool,
    pub technicians: Vec<(String, String)>,
    /// The login of each technician choice that is a user, by choice value.
    pub technician_logins: Arc<HashMap<String, String>>,
    pub types: Vec<(String, String)>,
    pub categories: Vec<(String, String)>,
    pub subcategories: Vec<Sub>,
    pub places: Vec<(String, String)>,
    /// The assets the asset field offers ([`super::asset_field::fill`]).
    pub assets: Vec<(String, String)>,
    /// Whether the asset field searches the others (too many to list).
    pub asset_search: bool,
    pub services: Vec<(String, String)>,
    pub agencies: Vec<(String, String)>,
    pub times: Vec<(String, String)>,
    pub priorities: Vec<(String, String)>,
    pub criticalities: Vec<(String, String)>,
    pub states: Vec<(String, String)>,
    pub answer_types: Vec<(String, String)>,
    /// "No" and "Yes", for the billable field.
    pub yes_no: Vec<(String, String)>,
    pub templates: Vec<(String, String)>,
}

pub use crate::domain::users::choices::FULL_LIST_MAX;

fn labelled(label: String, company: &str, company_first: bool) -> String {
    if company_first && !company.is_empty() {
        format!("{company} – {label}")
    } else {
        label
    }
}

/// How people are written in the requester list, from the reader's rights: their company
/// first (`ticket_user_company`), their mail address beside them (`ticket_user_mail`), their
/// mobile number (`ticket_user_mobile`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PersonLabels {
    pub company_first: bool,
    pub mail: bool,
    pub mobile: bool,
}

impl PersonLabels {
    /// What someone holding `rights` reads.
    pub fn of(rights: &crate::domain::rights::RightSet) -> PersonLabels {
        use crate::domain::rights::names as right;
        PersonLabels {
            company_first: rights.has(right::TICKET_USER_COMPANY),
            mail: rights.has(right::TICKET_USER_MAIL),
            mobile: rights.has(right::TICKET_USER_MOBILE),
        }
    }
}

/// "login · company", or the login alone when there is no company or the label shows it; then
/// the mail address when `labels` show it.
fn detail(d: &Details, labels: PersonLabels) -> String {
    let mut out = if labels.company_first || d.company.is_empty() {
        d.login.clone()
    } else {
        format!("{} · {}", d.login, d.company)
    };
    if labels.mail && !d.mail.trim().is_empty() {
        out.push_str(" · ");
        out.push_str(d.mail.trim());
    }
    if labels.mobile && !d.mobile.trim().is_empty() {
        out.push_str(" · ");
        out.push_str(d.mobile.trim());
    }
    out
}

/// What the form shows beside a user: mail, phone, company and login.
#[derive(Debug, Clone, Default)]
struct Details {
    mail: String,
    phone: String,
    mobile: String,
    company: String,
    login: String,
}

/// The details of every active user (none when `skip`).
fn people_details(conn: &Connection, skip: bool) -> rusqlite::Result<HashMap<i64, Details>> {
    if skip {
        return Ok(HashMap::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, u.mail, u.phone, COALESCE(c.name, ''), u.login, u.mobile FROM users u
         LEFT JOIN companies c ON c.id = u.company_id WHERE u.disabled = 0",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            Details {
                mail: r.get(1)?,
                phone: r.get(2)?,
                company: r.get(3)?,
                login: r.get(4)?,
                mobile: r.get(5)?,
            },
        ))
    })?;
    rows.collect()
}

/// The login of every active user the technician field may offer (technicians,
/// administrators, supervisors), by choice value.
fn technician_logins(conn: &Connection) -> rusqlite::Result<HashMap<String, String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, login FROM users WHERE profile_id IN (0, 3, 4) AND +disabled = 0",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((Who::User(r.get(0)?).value(), r.get::<_, String>(1)?))
    })?;
    rows.collect()
}

/// Active users matching `text`, at most `limit`, as requester choices for `actor` (their
/// company first in the label when they hold `ticket_user_company`).
pub async fn search_people(
    db: &crate::db::Db,
    actor: &crate::domain::Actor,
    text: String,
    limit: i64,
) -> Result<Vec<Person>, crate::domain::DomainError> {
    let labels = PersonLabels::of(&actor.rights);
    crate::domain::run::read(db, move |c| Ok(find_people(c, None, &text, labels, limit)?)).await
}

/// Active users matching `text` (name, login, mail or company), at most `limit`, as requester
/// choices; or, with `id`, that one user whatever their state.
pub fn find_people(
    conn: &Connection,
    id: Option<i64>,
    text: &str,
    labels: PersonLabels,
    limit: i64,
) -> rusqlite::Result<Vec<Person>> {
    let rows = match id {
        Some(id) => {
            let mut stmt = conn.prepare_cached(
                "SELECT u.id, u.display_name, u.mail, u.phone, COALESCE(c.name, ''), u.login,
                        u.mobile
                 FROM users u LEFT JOIN companies c ON c.id = u.company_id WHERE u.id = ?1",
            )?;
            stmt.query_map([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get(1)?,
                    Details {
                        mail: r.get(2)?,
                        phone: r.get(3)?,
                        company: r.get(4)?,
                        login: r.get(5)?,
                        mobile: r.get(6)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        }
        None => search::pick(conn, text, limit)?
            .into_iter()
            .map(|r| {
                let details = Details {
                    mail: r.mail,
                    phone: r.phone,
                    mobile: r.mobile,
                    company: r.company,
                    login: r.login,
                };
                (r.id, r.name, details)
            })
            .collect(),
    };
    Ok(rows
        .into_iter()
        .map(|(id, name, d): (i64, String, Details)| Person {
            value: Who::User(id).value(),
            detail: detail(&d, labels),
            label: labelled(name, &d.company, labels.company_first),
            mail: d.mail,
            phone: d.phone,
        })
        .collect())
}

/// The choices of list `code` as `(id, name)` texts (plus `keep`, even if retired).
pub(crate) fn list(
    conn: &Connection,
    code: &str,
    lang: Lang,
    keep: Option<i64>,
) -> rusqlite::Result<Vec<(String, String)>> {
    let Some(def) = lists::find(code) else {
        return Ok(Vec::new());
    };
    let keep: Vec<i64> = keep.into_iter().collect();
    Ok(repo::choices(conn, def, lang, &keep)?
        .into_iter()
        .map(|(id, n)| (id.to_string(), n))
        .collect())
}

/// Every enabled subcategory with its category (plus `keep`, even if retired), named in `lang`.
pub fn subcategories(
    conn: &Connection,
    lang: Lang,
    keep: Option<i64>,
) -> rusqlite::Result<Vec<Sub>> {
    Ok(all_subcategories(conn, lang)?
        .into_iter()
        .filter(|(s, retired)| !retired || Some(s.id) == keep)
        .map(|(s, _)| s)
        .collect())
}

/// Every subcategory with its category, named in `lang`, and whether it is retired.
fn all_subcategories(conn: &Connection, lang: Lang) -> rusqlite::Result<Vec<(Sub, bool)>> {
    let mut out = Vec::new();
    if let Some(def) = lists::find("subcategories") {
        for e in repo::entries(conn, def)? {
            if let Some(lists::Value::Int(cat)) = e.values.first() {
                out.push((
                    Sub {
                        id: e.id,
                        category_id: *cat,
                        label: repo::display_name(def, &e, lang),
                    },
                    e.disabled,
                ));
            }
        }
    }
    Ok(out)
}

/// What the ticket form offers whatever the ticket: read once, kept with the reference tables
/// it comes from until they change ([`crate::db::Memo`]), and narrowed to each ticket by
/// [`TicketOptions::load`].
#[derive(Debug)]
struct Shared {
    /// The requester choices, or only the user groups when there are too many users to list.
    requesters: Arc<Vec<Person>>,
    requester_search: bool,
    technicians: Vec<(String, String)>,
    technician_logins: Arc<HashMap<String, String>>,
    /// Every entry of each list the form offers, retired ones included: (id, name, retired).
    lists: HashMap<&'static str, Vec<(i64, String, bool)>>,
    /// Every subcategory, retired ones included.
    subcategories: Vec<(Sub, bool)>,
    times: Vec<(String, String)>,
    templates: Vec<(String, String)>,
}

/// The lists of the form, by code.
const LISTS: [&str; 9] = [
    "types",
    "answer-types",
    "categories",
    "places",
    "services",
    "agencies",
    "priorities",
    "criticalities",
    "states",
];

impl Shared {
    fn read(
        conn: &Connection,
        lang: Lang,
        labels: PersonLabels,
        offer: super::fields::TechnicianOffer,
    ) -> rusqlite::Result<Self> {
        let (choices, requester_search) = choices::requesters_up_to(conn, FULL_LIST_MAX)?;
        let details = people_details(conn, requester_search)?;
        let requesters = choices
            .into_iter()
            .map(|c| {
                let (d, person) = match c.who {
                    Who::User(id) => (details.get(&id).cloned().unwrap_or_default(), true),
                    Who::Group(_) => (Details::default(), false),
                };
                Person {
                    value: c.who.value(),
                    label: labelled(c.label, &d.company, labels.company_first),
                    detail: if person {
                        detail(&d, labels)
                    } else {
                        String::new()
                    },
                    mail: d.mail,
                    phone: d.phone,
                }
            })
            .collect();
        let technicians = choices::technicians_among(conn, &offer.profiles())?
            .into_iter()
            .map(|c| (c.who.value(), c.label))
            .collect();
        let mut lists = HashMap::new();
        for code in LISTS {
            if let Some(def) = lists::find(code) {
                let entries = repo::entries(conn, def)?
                    .iter()
                    .map(|e| (e.id, repo::display_name(def, e, lang), e.disabled))
                    .collect();
                lists.insert(code, entries);
            }
        }
        let times = {
            let mut stmt = conn.prepare_cached("SELECT minutes, name, name_key FROM time_values WHERE disabled = 0 ORDER BY minutes")?;
            let rows = stmt.query_map([], |r| {
                let name: Option<String> = r.get(1)?;
                let key: Option<String> = r.get(2)?;
                let label = name
                    .filter(|n| !n.is_empty())
                    .or_else(|| key.map(|k| lang.t(&k)))
                    .unwrap_or_default();
                Ok((r.get::<_, i64>(0)?.to_string(), label))
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let templates = {
            let mut stmt = conn.prepare_cached(
                "SELECT id, name FROM ticket_templates ORDER BY name COLLATE NOCASE",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?.to_string(), r.get(1)?)))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        Ok(Shared {
            requesters: Arc::new(requesters),
            requester_search,
            technicians,
            technician_logins: Arc::new(technician_logins(conn)?),
            lists,
            subcategories: all_subcategories(conn, lang)?,
            times,
            templates,
        })
    }

    /// The entries of list `code` to offer: the current ones, and `keep` even if retired
    /// (marked so), as [`repo::choices`] gives them.
    fn list(&self, code: &str, lang: Lang, keep: Option<i64>) -> Vec<(String, String)> {
        let entries = self.lists.get(code).cloned().unwrap_or_default();
        let keep: Vec<i64> = keep.into_iter().collect();
        repo::offered(entries, lang, &keep)
            .into_iter()
            .map(|(id, name)| (id.to_string(), name))
            .collect()
    }
}

impl TicketOptions {
    /// Loads the choices, keeping retired entries that `v` already points to; requesters are
    /// written as `labels` say ("Company – Last First" with the company first). What does not
    /// depend on the ticket is kept in `memo`.
    pub fn load(
        conn: &Connection,
        memo: &Memo,
        lang: Lang,
        v: &Values,
        labels: PersonLabels,
        offer: super::fields::TechnicianOffer,
    ) -> rusqlite::Result<Self> {
        let key = format!("ticket options {lang:?} {labels:?} {offer:?}");
        let shared = memo.get(conn, &key, |c| Shared::read(c, lang, labels, offer))?;
        // With a long list, only the current requester is listed; the form searches the others.
        let requesters = match v.requester {
            Some(Who::User(current)) if shared.requester_search => {
                let mut found = find_people(conn, Some(current), "", labels, 1)?;
                found.extend(shared.requesters.iter().cloned());
                Arc::new(found)
            }
            _ => shared.requesters.clone(),
        };
        let subcategories = shared
            .subcategories
            .iter()
            .filter(|(s, retired)| !retired || Some(s.id) == v.subcategory_id)
            .map(|(s, _)| s.clone())
            .collect();
        Ok(Self {
            requesters,
            requester_search: shared.requester_search,
            technicians: shared.technicians.clone(),
            technician_logins: shared.technician_logins.clone(),
            types: shared.list("types", lang, v.type_id),
            answer_types: shared.list("answer-types", lang, v.answer_type_id),
            categories: shared.list("categories", lang, v.category_id),
            subcategories,
            places: shared.list("places", lang, v.place_id),
            assets: Vec::new(),
            asset_search: false,
            services: shared.list("services", lang, v.service_id),
            agencies: shared.list("agencies", lang, v.agency_id),
            times: shared.times.clone(),
            priorities: shared.list("priorities", lang, v.priority_id),
            criticalities: shared.list("criticalities", lang, v.criticality_id),
            states: shared.list("states", lang, Some(v.state_id)),
            yes_no: vec![
                ("0".to_owned(), lang.t("choice-no")),
                ("1".to_owned(), lang.t("choice-yes")),
            ],
            templates: shared.templates.clone(),
        })
    }
}

/// The values of the ticket a template points to.
pub fn template_source(conn: &Connection, template: i64) -> rusqlite::Result<Option<Values>> {
    use rusqlite::OptionalExtension;
    let ticket: Option<i64> = conn
        .query_row(
            "SELECT ticket_id FROM ticket_templates WHERE id = ?1",
            [template],
            |r| r.get(0),
        )
        .optional()?;
    // A template is a model for anyone's tickets: it does not carry its ticket's technician.
    Ok(match ticket {
        Some(t) => super::repo::get(conn, crate::domain::ids::TicketId(t))?.map(|r| Values {
            technician: None,
            ..r.values
        }),
        None => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{Db, DbError};
    use crate::domain::tickets::fields::TechnicianOffer;

    /// The kept choices follow every change the form shows: a requester's phone, a retired
    /// category (still offered to the ticket that points to it, marked so).
    #[test]
    fn kept_choices_follow_changes_of_people_and_lists() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        let write = |sql: &'static str| {
            db.write_blocking(|tx| tx.execute_batch(sql).map_err(DbError::from))
                .expect("write");
        };
        write(
            "INSERT INTO users (login, firstname, lastname, profile_id, phone, created_at,
                                updated_at)
             VALUES ('pat', 'Pat', 'Doe', 2, '0101', 0, 0);
             INSERT INTO categories (name, position) VALUES ('Printers', 1);",
        );
        let offer = TechnicianOffer {
            administrators: false,
            supervisors: false,
        };
        let load = |v: Values| {
            db.read_blocking(|c| {
                TicketOptions::load(c, db.memo(), Lang::En, &v, PersonLabels::default(), offer)
                    .map_err(DbError::from)
            })
            .expect("options")
        };
        let phone_of_pat = |o: &TicketOptions| {
            o.requesters
                .iter()
                .find(|p| p.label.contains("Doe"))
                .map(|p| p.phone.clone())
        };
        let printers = |o: &TicketOptions| {
            o.categories
                .iter()
                .find(|(_, name)| name.starts_with("Printers"))
                .map(|(_, name)| name.clone())
        };
        let first = load(Values::default());
        assert_eq!(phone_of_pat(&first).as_deref(), Some("0101"));
        assert_eq!(printers(&first).as_deref(), Some("Printers"));
        write("UPDATE users SET phone = '0202' WHERE login = 'pat'");
        assert_eq!(
            phone_of_pat(&load(Values::default())).as_deref(),
            Some("0202")
        );
        write("UPDATE categories SET disabled = 1 WHERE name = 'Printers'");
        let after = load(Values::default());
        assert_eq!(
            printers(&after),
            None,
            "a retired category is no longer offered"
        );
        let id: i64 = db
            .read_blocking(|c| {
                c.query_row(
                    "SELECT id FROM categories WHERE name = 'Printers'",
                    [],
                    |r| r.get(0),
                )
                .map_err(DbError::from)
            })
            .expect("id");
        let pointing = load(Values {
            category_id: Some(id),
            ..Values::default()
        });
        let kept = printers(&pointing).expect("kept for the ticket pointing to it");
        assert_ne!(kept, "Printers", "marked as retired: {kept}");
    }
}
