//! The paged, searchable list of accounts (Administration > Users).

use rusqlite::{Connection, params};

use crate::domain::profiles::Profile;

/// One line of the list.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub mail: String,
    pub phone: String,
    pub mobile: String,
    pub company: String,
    pub profile: Profile,
    pub last_login_at: Option<i64>,
}

/// A page of results.
#[derive(Debug, Clone)]
pub struct UserPage {
    pub rows: Vec<UserRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct UserQuery {
    /// Words matched against name, login, mail and company.
    pub text: String,
    /// The disabled accounts instead of the active ones.
    pub disabled: bool,
    /// 1-based.
    pub page: i64,
    pub per_page: i64,
}

/// Escapes `%`, `_` and `\` for a `LIKE ... ESCAPE '\'` pattern.
pub fn like_pattern(text: &str) -> String {
    let mut p = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// The most words a picker search matches on (more are ignored).
const PICK_WORDS: usize = 5;

/// Up to `limit` active accounts for a person picker, by the name as shown: every word of
/// `text` must appear in the name, login, mail or company, in any order ("martin jean" finds
/// Jean Martin). One query that stops at `limit`; no count.
pub fn pick(conn: &Connection, text: &str, limit: i64) -> rusqlite::Result<Vec<UserRow>> {
    let words: Vec<String> = text
        .split_whitespace()
        .take(PICK_WORDS)
        .map(like_pattern)
        .collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    // Only placeholders vary with the number of words.
    let haystack =
        "(u.display_name || ' ' || u.login || ' ' || u.mail || ' ' || COALESCE(c.name, ''))";
    let filter: Vec<String> = (0..words.len())
        .map(|i| format!("{haystack} LIKE ?{} ESCAPE '\\'", i + 2))
        .collect();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT u.id, u.login, u.display_name, u.mail, COALESCE(c.name, ''), u.profile_id,
                u.last_login_at, u.phone, u.mobile
         FROM users u LEFT JOIN companies c ON c.id = u.company_id
         WHERE u.disabled = 0 AND {}
         ORDER BY u.display_name COLLATE NOCASE, u.id LIMIT ?1",
        filter.join(" AND ")
    ))?;
    let mut values: Vec<rusqlite::types::Value> = vec![limit.into()];
    values.extend(words.into_iter().map(Into::into));
    let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
        Ok(UserRow {
            id: r.get(0)?,
            login: r.get(1)?,
            name: r.get(2)?,
            mail: r.get(3)?,
            company: r.get(4)?,
            profile: Profile::from_id(r.get(5)?).unwrap_or(Profile::User),
            last_login_at: r.get(6)?,
            phone: r.get(7)?,
            mobile: r.get(8)?,
        })
    })?;
    rows.collect()
}

/// One page of accounts matching the query, sorted by the name as shown.
pub fn search(conn: &Connection, q: &UserQuery) -> rusqlite::Result<UserPage> {
    let pattern = like_pattern(q.text.trim());
    let filter = "FROM users u LEFT JOIN companies c ON c.id = u.company_id
         WHERE u.disabled = ?1 AND (?2 = '%%' OR u.login LIKE ?2 ESCAPE '\\'
             OR u.firstname LIKE ?2 ESCAPE '\\' OR u.lastname LIKE ?2 ESCAPE '\\'
             OR (u.lastname || ' ' || u.firstname) LIKE ?2 ESCAPE '\\'
             OR (u.firstname || ' ' || u.lastname) LIKE ?2 ESCAPE '\\'
             OR u.mail LIKE ?2 ESCAPE '\\' OR c.name LIKE ?2 ESCAPE '\\')";
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) {filter}"),
        params![q.disabled, pattern],
        |r| r.get(0),
    )?;
    let per_page = q.per_page.max(1);
    let pages = ((total + per_page - 1) / per_page).max(1);
    let page = q.page.clamp(1, pages);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT u.id, u.login, u.display_name, u.mail, COALESCE(c.name, ''),
                u.profile_id, u.last_login_at, u.phone, u.mobile
         {filter}
         ORDER BY u.display_name COLLATE NOCASE, u.id
         LIMIT ?3 OFFSET ?4"
    ))?;
    let rows = stmt
        .query_map(
            params![q.disabled, pattern, per_page, (page - 1) * per_page],
            |r| {
                Ok(UserRow {
                    id: r.get(0)?,
                    login: r.get(1)?,
                    name: r.get(2)?,
                    mail: r.get(3)?,
                    phone: r.get(7)?,
                    mobile: r.get(8)?,
                    company: r.get(4)?,
                    profile: Profile::from_id(r.get(5)?).unwrap_or(Profile::User),
                    last_login_at: r.get(6)?,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(UserPage {
        rows,
        total,
        page,
        pages,
    })
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn wildcards_are_escaped() {
        assert_eq!(like_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
        assert_eq!(like_pattern(""), "%%");
    }
}
