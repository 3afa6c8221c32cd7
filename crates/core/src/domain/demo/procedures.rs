//! Sample procedures: one how-to per kind of problem, filed under its category and
//! subcategory, made of the fixes technicians give for it; every other one published.

use rand::RngExt;
use rand::rngs::StdRng;
use rusqlite::{Transaction, params};

use super::people::Org;

/// Adds the procedures; returns how many.
pub fn create(
    tx: &Transaction<'_>,
    rng: &mut StdRng,
    org: &Org,
    now: i64,
) -> rusqlite::Result<usize> {
    let mut stmt = tx.prepare(
        "INSERT INTO procedures (title, body, category_id, subcategory_id, published,
                                 created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
    )?;
    for (n, (category, subcategory, topic)) in org.topics.iter().enumerate() {
        let mut body = format!(
            "## {}\n\n",
            topic.titles.first().copied().unwrap_or(topic.name)
        );
        for (i, fix) in topic.fixes.iter().enumerate() {
            body.push_str(&format!("{}. {fix}\n", i + 1));
        }
        if let Some(detail) = topic.details.first() {
            body.push_str(&format!("\n> {detail}\n"));
        }
        let author = (!org.technicians.is_empty())
            .then(|| org.technicians[rng.random_range(0..org.technicians.len())]);
        let written = now - rng.random_range(0..365 * 86_400);
        stmt.execute(params![
            format!("{}: {}", topic.name, org.words.procedure_title),
            body,
            category,
            subcategory,
            n % 2 == 0,
            author,
            written
        ])?;
    }
    Ok(org.topics.len())
}
