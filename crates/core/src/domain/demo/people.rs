//! The organisation behind the sample tickets: services, companies, places and agencies,
//! categories with their subcategories, an administrator when there is none, technicians,
//! users, and a few groups.

use rand::RngExt;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rusqlite::{OptionalExtension, Transaction, params};

use crate::domain::profiles::Profile;

use super::words::{Topic, Words};

/// A requester of sample tickets.
pub struct Person {
    pub id: i64,
    pub service: i64,
}

/// Everything tickets are made from.
pub struct Org {
    /// The language-specific texts everything is written with.
    pub words: &'static Words,
    pub users: Vec<Person>,
    pub technicians: Vec<i64>,
    /// An administrator (created or already there).
    pub admin: i64,
    pub companies: usize,
    pub places: Vec<i64>,
    pub agencies: Vec<i64>,
    /// `(category, subcategory, what its tickets say)`.
    pub topics: Vec<(i64, i64, &'static Topic)>,
    /// `(group, members)`.
    pub user_groups: Vec<(i64, Vec<i64>)>,
    pub tech_groups: Vec<(i64, Vec<i64>)>,
    pub admin_login: Option<String>,
    pub technician_logins: (String, String),
    pub user_logins: (String, String),
}

fn insert_named(tx: &Transaction<'_>, table: &str, name: &str) -> rusqlite::Result<i64> {
    tx.execute(&format!("INSERT INTO {table} (name) VALUES (?1)"), [name])?;
    Ok(tx.last_insert_rowid())
}

/// The id of a category or subcategory: the built-in one with `key` or the one named `name`,
/// created if missing.
fn ensure(
    tx: &Transaction<'_>,
    table: &str,
    key: Option<&str>,
    name: &str,
    parent: Option<i64>,
) -> rusqlite::Result<i64> {
    let parent_cond = if parent.is_some() {
        "AND category_id = ?2"
    } else {
        "AND ?2 IS NULL"
    };
    let found = match key {
        Some(k) => tx
            .query_row(
                &format!("SELECT id FROM {table} WHERE name_key = ?1 {parent_cond}"),
                params![k, parent],
                |r| r.get(0),
            )
            .optional()?,
        None => tx
            .query_row(
                &format!("SELECT id FROM {table} WHERE name = ?1 {parent_cond}"),
                params![name, parent],
                |r| r.get(0),
            )
            .optional()?,
    };
    if let Some(id) = found {
        return Ok(id);
    }
    match parent {
        Some(p) => tx.execute(
            "INSERT INTO subcategories (category_id, name) VALUES (?1, ?2)",
            params![p, name],
        )?,
        None => tx.execute("INSERT INTO categories (name) VALUES (?1)", [name])?,
    };
    Ok(tx.last_insert_rowid())
}

fn topics(
    tx: &Transaction<'_>,
    words: &'static Words,
) -> rusqlite::Result<Vec<(i64, i64, &'static Topic)>> {
    let mut out = Vec::new();
    for c in words.categories {
        let category = ensure(tx, "categories", c.key, c.name, None)?;
        for t in c.subs {
            let sub = ensure(tx, "subcategories", t.key, t.name, Some(category))?;
            out.push((category, sub, t));
        }
    }
    Ok(out)
}

/// The first of `base`, `demo-base` not used as a login prefix yet.
fn prefix(tx: &Transaction<'_>, base: &str) -> rusqlite::Result<String> {
    for candidate in [base.to_owned(), format!("demo-{base}")] {
        let taken: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM users WHERE login = ?1 || '1')",
            [&candidate],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(candidate);
        }
    }
    Ok(format!(
        "demo{}-{base}",
        crate::domain::token::random_hex(2)
    ))
}

struct Account<'a> {
    login: &'a str,
    profile: Profile,
    company: Option<(i64, &'a str)>,
    service: Option<i64>,
}

fn insert_account(
    tx: &Transaction<'_>,
    rng: &mut StdRng,
    (a, words): (&Account<'_>, &Words),
    hash: &str,
    now: i64,
) -> rusqlite::Result<i64> {
    let first = words.first_names.choose(rng).copied().unwrap_or("Alex");
    let last = words.last_names.choose(rng).copied().unwrap_or("Martin");
    let domain = a.company.map_or("gestdesk.test", |(_, d)| d);
    let mail = format!(
        "{}.{}@{domain}",
        ascii_lower(first),
        ascii_lower(last).replace(' ', "")
    );
    let phone = format!(
        "{} {} {:02} {:02} {:02} {:02}",
        words.phone_prefix,
        rng.random_range(1..6),
        rng.random_range(0..100),
        rng.random_range(0..100),
        rng.random_range(0..100),
        rng.random_range(0..100)
    );
    let (city, zip) = words
        .cities
        .choose(rng)
        .copied()
        .unwrap_or(("Lyon", "69002"));
    let function = words.functions.choose(rng).copied().unwrap_or("");
    tx.prepare_cached(
        "INSERT INTO users (login, password_hash, firstname, lastname, profile_id, mail, phone,
                            function, company_id, city, zip, password_changed_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?12)",
    )?
    .execute(params![
        a.login,
        hash,
        first,
        last,
        a.profile.id(),
        mail,
        phone,
        function,
        a.company.map(|(id, _)| id),
        city,
        zip,
        now
    ])?;
    let id = tx.last_insert_rowid();
    if let Some(s) = a.service {
        tx.prepare_cached("INSERT INTO user_services (user_id, service_id) VALUES (?1, ?2)")?
            .execute([id, s])?;
    }
    Ok(id)
}

/// Lowercase ASCII for mail addresses (accents dropped).
/// The name as a mail address would spell it: lower case, accents and punctuation dropped.
fn ascii_lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.to_lowercase().chars() {
        match c {
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'à' | 'â' | 'á' => out.push('a'),
            'ä' | 'æ' => out.push_str("ae"),
            'ç' => out.push('c'),
            'ï' | 'î' | 'í' => out.push('i'),
            'ô' | 'ó' => out.push('o'),
            'ö' | 'œ' => out.push_str("oe"),
            'û' | 'ú' => out.push('u'),
            'ü' => out.push_str("ue"),
            'ñ' => out.push('n'),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() || c == '-' => out.push(c),
            _ => {}
        }
    }
    out
}

fn group(
    tx: &Transaction<'_>,
    name: &str,
    kind: &str,
    members: &[i64],
) -> rusqlite::Result<(i64, Vec<i64>)> {
    tx.execute(
        "INSERT INTO groups (name, kind) VALUES (?1, ?2)",
        params![name, kind],
    )?;
    let id = tx.last_insert_rowid();
    for m in members {
        tx.execute(
            "INSERT INTO group_members (group_id, user_id) VALUES (?1, ?2)",
            [id, *m],
        )?;
    }
    Ok((id, members.to_vec()))
}

/// Creates the organisation with `users` requesters.
pub fn create(
    tx: &Transaction<'_>,
    rng: &mut StdRng,
    (users, words): (usize, &'static Words),
    hash: &str,
    now: i64,
) -> rusqlite::Result<Org> {
    let services = words
        .services
        .iter()
        .map(|s| insert_named(tx, "services", s))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let places = words
        .places
        .iter()
        .map(|s| insert_named(tx, "places", s))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let agencies = words
        .agencies
        .iter()
        .map(|s| insert_named(tx, "agencies", s))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let company_count = (users / 25).clamp(2, words.companies.len());
    let mut companies = Vec::new();
    for (name, domain) in &words.companies[..company_count] {
        let (city, zip) = words
            .cities
            .choose(rng)
            .copied()
            .unwrap_or(("Lyon", "69002"));
        tx.execute(
            "INSERT INTO companies (name, address, zip, city, country) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                name,
                format!("{} {}", rng.random_range(1..120), words.street),
                zip,
                city,
                words.country
            ],
        )?;
        companies.push((tx.last_insert_rowid(), *domain));
    }
    let topics = topics(tx, words)?;

    let existing_admin: Option<i64> = tx
        .query_row(
            "SELECT id FROM users WHERE profile_id = ?1 AND disabled = 0 ORDER BY id LIMIT 1",
            [Profile::Administrator.id()],
            |r| r.get(0),
        )
        .optional()?;
    let (admin, admin_login) = match existing_admin {
        Some(id) => (id, None),
        None => {
            let taken: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM users WHERE login = 'admin')",
                [],
                |r| r.get(0),
            )?;
            let login = if taken { "demo-admin" } else { "admin" }.to_owned();
            let account = Account {
                login: &login,
                profile: Profile::Administrator,
                company: None,
                service: None,
            };
            (
                insert_account(tx, rng, (&account, words), hash, now)?,
                Some(login),
            )
        }
    };

    let tech_prefix = prefix(tx, "tech")?;
    let tech_count = (users / 20).clamp(2, 40);
    let mut technicians = Vec::with_capacity(tech_count);
    for i in 1..=tech_count {
        let login = format!("{tech_prefix}{i}");
        let account = Account {
            login: &login,
            profile: Profile::Technician,
            company: None,
            service: None,
        };
        technicians.push(insert_account(tx, rng, (&account, words), hash, now)?);
    }

    let user_prefix = prefix(tx, "user")?;
    let mut people = Vec::with_capacity(users);
    for i in 1..=users {
        let login = format!("{user_prefix}{i}");
        let company = companies.choose(rng).copied();
        let service = services.choose(rng).copied().unwrap_or(services[0]);
        // One requester in seven may choose more than the simple form offers.
        let profile = if rng.random_ratio(1, 7) {
            Profile::PowerUser
        } else {
            Profile::User
        };
        let account = Account {
            login: &login,
            profile,
            company,
            service: Some(service),
        };
        let id = insert_account(tx, rng, (&account, words), hash, now)?;
        people.push(Person { id, service });
    }

    let half = technicians.len().div_ceil(2);
    let tech_groups = vec![
        group(tx, words.groups[0], "technician", &technicians[..half])?,
        group(tx, words.groups[1], "technician", &technicians[half..])?,
    ];
    let board: Vec<i64> = people.iter().take(5).map(|p| p.id).collect();
    let desk: Vec<i64> = people.iter().skip(5).take(5).map(|p| p.id).collect();
    let user_groups = vec![
        group(tx, words.groups[2], "user", &board)?,
        group(tx, words.groups[3], "user", &desk)?,
    ];
    // The board's tickets go straight to the first technician.
    tx.execute(
        "INSERT INTO technician_requesters (technician_id, user_group_id) VALUES (?1, ?2)",
        [technicians[0], user_groups[0].0],
    )?;

    Ok(Org {
        words,
        users: people,
        technicians,
        admin,
        companies: company_count,
        places,
        agencies,
        topics,
        user_groups,
        tech_groups,
        admin_login,
        technician_logins: (
            format!("{tech_prefix}1"),
            format!("{tech_prefix}{tech_count}"),
        ),
        user_logins: (format!("{user_prefix}1"), format!("{user_prefix}{users}")),
    })
}
