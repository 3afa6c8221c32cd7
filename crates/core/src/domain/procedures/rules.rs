//! Checking a procedure form: a one-line title, a text of reasonable size, and a category,
//! subcategory and company that exist (the subcategory within the category).

use rusqlite::Connection;

use crate::domain::FieldErrors;
use crate::i18n::msg;

use super::{Checked, Typed};

/// The longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// The longest text, in characters.
pub const MAX_BODY: usize = 100_000;

/// An id typed in a choice list: empty is none, anything but a positive number is an error.
fn choice(
    conn: &Connection,
    table: &str,
    field: &'static str,
    text: &str,
    errors: &mut FieldErrors,
) -> rusqlite::Result<Option<i64>> {
    let text = text.trim();
    if text.is_empty() || text == "0" {
        return Ok(None);
    }
    let Ok(id) = text.parse::<i64>() else {
        errors.add(field, msg("error-unknown-choice"));
        return Ok(None);
    };
    let found: bool = conn.query_row(
        &format!("SELECT EXISTS(SELECT 1 FROM {table} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?;
    if !found {
        errors.add(field, msg("error-unknown-choice"));
        return Ok(None);
    }
    Ok(Some(id))
}

/// Checks `typed`; without `may_company` the company is left as `keep_company` (the right
/// `procedure_company` shows that field).
pub fn check(
    conn: &Connection,
    typed: &Typed,
    may_company: bool,
    keep_company: Option<i64>,
) -> rusqlite::Result<Result<Checked, FieldErrors>> {
    let mut errors = FieldErrors::new();
    // One line: control characters (newlines, tabs) become spaces.
    let title: String = typed
        .title
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned();
    if title.is_empty() {
        errors.add("title", msg("error-required"));
    } else if title.chars().count() > MAX_TITLE {
        errors.add("title", msg("error-too-long").arg("max", MAX_TITLE));
    }
    let body = typed.body.trim_end().to_owned();
    if body.chars().count() > MAX_BODY {
        errors.add("body", msg("error-too-long").arg("max", MAX_BODY));
    }
    let category_id = choice(conn, "categories", "category", &typed.category, &mut errors)?;
    let subcategory_id = choice(
        conn,
        "subcategories",
        "subcategory",
        &typed.subcategory,
        &mut errors,
    )?;
    if let Some(sub) = subcategory_id {
        match category_id {
            None if errors.get("category").is_none() => {
                errors.add("subcategory", msg("error-subcategory-without-category"));
            }
            Some(cat) => {
                let belongs: bool = conn.query_row(
                    "SELECT EXISTS(SELECT 1 FROM subcategories WHERE id = ?1 AND category_id = ?2)",
                    [sub, cat],
                    |r| r.get(0),
                )?;
                if !belongs {
                    errors.add("subcategory", msg("error-subcategory-not-in-category"));
                }
            }
            None => {}
        }
    }
    let company_id = if may_company {
        choice(conn, "companies", "company", &typed.company, &mut errors)?
    } else {
        keep_company
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(Checked {
        title,
        body,
        category_id,
        subcategory_id,
        company_id,
        published: typed.published,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn() -> Connection {
        let c = Connection::open_in_memory().expect("db");
        c.execute_batch(
            "CREATE TABLE categories (id INTEGER PRIMARY KEY);
             CREATE TABLE subcategories (id INTEGER PRIMARY KEY, category_id INTEGER);
             CREATE TABLE companies (id INTEGER PRIMARY KEY);
             INSERT INTO categories VALUES (1), (2);
             INSERT INTO subcategories VALUES (10, 1), (20, 2);
             INSERT INTO companies VALUES (5);",
        )
        .expect("schema");
        c
    }

    fn typed(title: &str, category: &str, subcategory: &str) -> Typed {
        Typed {
            title: title.to_owned(),
            category: category.to_owned(),
            subcategory: subcategory.to_owned(),
            ..Typed::default()
        }
    }

    fn fields(r: Result<Checked, FieldErrors>) -> Vec<&'static str> {
        r.err()
            .map(|e| e.0.iter().map(|(f, _)| *f).collect())
            .unwrap_or_default()
    }

    #[test]
    fn each_wrong_field_is_named() {
        let c = conn();
        let check = |t: &Typed| check(&c, t, true, None).expect("query");
        assert_eq!(fields(check(&typed("  ", "", ""))), ["title"]);
        assert_eq!(
            fields(check(&typed(&"x".repeat(MAX_TITLE + 1), "", ""))),
            ["title"]
        );
        assert_eq!(fields(check(&typed("Ok", "abc", ""))), ["category"]);
        assert_eq!(fields(check(&typed("Ok", "99", ""))), ["category"]);
        assert_eq!(fields(check(&typed("Ok", "1", "20"))), ["subcategory"]);
        assert_eq!(fields(check(&typed("Ok", "", "10"))), ["subcategory"]);
        let mut t = typed("Ok", "", "");
        t.company = "6".into();
        assert_eq!(fields(check(&t)), ["company"]);
        t.body = "x".repeat(MAX_BODY + 1);
        assert_eq!(fields(check(&t)), ["body", "company"]);
    }

    #[test]
    fn a_good_form_is_cleaned_and_kept() {
        let c = conn();
        let mut t = typed(" Reset\na printer ", "1", "10");
        t.company = "5".into();
        t.published = true;
        let ok = check(&c, &t, true, None).expect("query").expect("valid");
        assert_eq!(ok.title, "Reset a printer");
        assert_eq!(
            (ok.category_id, ok.subcategory_id, ok.company_id),
            (Some(1), Some(10), Some(5))
        );
        assert!(ok.published);
        // Without the company right, the stored company stays whatever was typed.
        let kept = check(&c, &t, false, Some(7))
            .expect("query")
            .expect("valid");
        assert_eq!(kept.company_id, Some(7));
    }
}
