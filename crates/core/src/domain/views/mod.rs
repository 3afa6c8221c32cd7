//! Personal views: a user's named shortcut to a category or subcategory in the left menu.

use rusqlite::{Connection, Transaction, params};

use crate::domain::lists::{self, repo};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Lang, msg};

/// A personal view, with the names of its category and subcategory.
#[derive(Debug, Clone)]
pub struct View {
    pub id: i64,
    pub name: String,
    pub category_id: Option<i64>,
    pub subcategory_id: Option<i64>,
    /// "Category" or "Category › Subcategory".
    pub target: String,
}

/// The views of user `user`.
pub fn list(conn: &Connection, user: i64, lang: Lang) -> rusqlite::Result<Vec<View>> {
    let categories = lists::find("categories")
        .map(|d| repo::names(conn, d, lang))
        .transpose()?
        .unwrap_or_default();
    let subcategories = lists::find("subcategories")
        .map(|d| repo::names(conn, d, lang))
        .transpose()?
        .unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT v.id, v.name, COALESCE(v.category_id, s.category_id), v.subcategory_id
         FROM personal_views v LEFT JOIN subcategories s ON s.id = v.subcategory_id
         WHERE v.user_id = ?1 ORDER BY v.name COLLATE NOCASE, v.id",
    )?;
    let rows = stmt.query_map([user], |r| {
        let category: Option<i64> = r.get(2)?;
        let subcategory: Option<i64> = r.get(3)?;
        let mut target = category
            .and_then(|c| categories.get(&c).cloned())
            .unwrap_or_default();
        if let Some(name) = subcategory.and_then(|s| subcategories.get(&s)) {
            target = format!("{target} › {name}");
        }
        Ok(View {
            id: r.get(0)?,
            name: r.get(1)?,
            category_id: category,
            subcategory_id: subcategory,
            target,
        })
    })?;
    rows.collect()
}

/// The categories and subcategories a view can point to, as `(value, label)` pairs: `c<id>` for
/// a category, `s<id>` for a subcategory ("Category › Subcategory").
pub fn targets(conn: &Connection, lang: Lang) -> rusqlite::Result<Vec<(String, String)>> {
    let (Some(cat_def), Some(sub_def)) = (lists::find("categories"), lists::find("subcategories"))
    else {
        return Ok(Vec::new());
    };
    let categories = repo::choices(conn, cat_def, lang, &[])?;
    let subcategories = repo::entries(conn, sub_def)?;
    let mut out = Vec::new();
    for (cat_id, cat_name) in &categories {
        out.push((format!("c{cat_id}"), cat_name.clone()));
        for sub in subcategories.iter().filter(|s| !s.disabled) {
            if sub.values.first() == Some(&lists::Value::Int(*cat_id)) {
                out.push((
                    format!("s{}", sub.id),
                    format!("{cat_name} › {}", repo::display_name(sub_def, sub, lang)),
                ));
            }
        }
    }
    Ok(out)
}

/// The most personal views one user may have (each is an entry of their menu).
pub const MAX_VIEWS: i64 = 30;

/// Adds a view for `user` on a category, or on a subcategory (given as `s<id>`; a category is
/// `c<id>`); refused beyond [`MAX_VIEWS`].
pub fn add(tx: &Transaction<'_>, user: i64, name: &str, target: &str) -> Result<i64, DomainError> {
    let name = name.trim();
    let mut errors = FieldErrors::new();
    crate::domain::users::rules::check_name("name", name, true, &mut errors);
    let (category, subcategory) = match target.trim().split_at_checked(1) {
        Some(("c", id)) => (id.parse::<i64>().ok(), None),
        Some(("s", id)) => (None, id.parse::<i64>().ok()),
        _ => (None, None),
    };
    let known = match (category, subcategory) {
        (Some(c), None) => tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM categories WHERE id = ?1)",
            [c],
            |r| r.get(0),
        )?,
        (None, Some(s)) => tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM subcategories WHERE id = ?1)",
            [s],
            |r| r.get(0),
        )?,
        _ => false,
    };
    if !known {
        errors.add("target", msg("error-unknown-choice"));
    }
    let count: i64 = tx.query_row(
        "SELECT count(*) FROM personal_views WHERE user_id = ?1",
        [user],
        |r| r.get(0),
    )?;
    if count >= MAX_VIEWS {
        errors.add("name", msg("views-too-many").arg("max", MAX_VIEWS));
    }
    errors.into_result()?;
    tx.execute(
        "INSERT INTO personal_views (user_id, name, category_id, subcategory_id) VALUES (?1, ?2, ?3, ?4)",
        params![user, name, category, subcategory],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Deletes view `id` of `user` (a view of someone else is not found).
pub fn delete(tx: &Transaction<'_>, user: i64, id: i64) -> Result<(), DomainError> {
    let n = tx.execute(
        "DELETE FROM personal_views WHERE id = ?1 AND user_id = ?2",
        params![id, user],
    )?;
    if n == 0 {
        return Err(DomainError::NotFound);
    }
    Ok(())
}

/// Adds personal view `name` on `target` to user `user` (not found when there is no such
/// user), in one transaction.
pub async fn add_for(
    db: &crate::db::Db,
    user: crate::domain::ids::UserId,
    name: String,
    target: String,
) -> Result<i64, DomainError> {
    let user = user.0;
    crate::domain::run::write(db, move |tx| {
        if crate::domain::users::record::get(tx, user)?.is_none() {
            return Err(DomainError::NotFound);
        }
        add(tx, user, &name, &target)
    })
    .await
}

/// Removes personal view `id` of user `user`.
pub async fn remove_for(
    db: &crate::db::Db,
    user: crate::domain::ids::UserId,
    id: i64,
) -> Result<(), DomainError> {
    let user = user.0;
    crate::domain::run::write(db, move |tx| delete(tx, user, id)).await
}
