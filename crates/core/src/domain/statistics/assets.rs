//! The assets' statistics (when the asset function is on): how many assets per type, model,
//! manufacturer, state and service, and how many warranties end in each of the coming
//! quarters. Of the filter, the service applies (the others are about tickets).

use jiff::ToSpan;
use jiff::civil::Date;
use rusqlite::Connection;

use super::tally::Share;
use crate::db::Db;
use crate::domain::calendar::period::date_of;
use crate::domain::{DomainError, clock, run};
use crate::i18n::Lang;

/// The warranties ending in one quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarrantyQuarter {
    pub year: i16,
    /// 1..4.
    pub quarter: i8,
    pub ending: i64,
}

/// Every figure of the assets' statistics.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssetStats {
    pub total: i64,
    pub by_type: Vec<Share>,
    pub by_model: Vec<Share>,
    pub by_manufacturer: Vec<Share>,
    pub by_state: Vec<Share>,
    pub by_service: Vec<Share>,
    /// Warranties already ended.
    pub warranty_ended: i64,
    /// This quarter and the seven after it.
    pub warranties: Vec<WarrantyQuarter>,
}

/// Counts the live assets (of `service`, when set) per the column `column` joined to `table`
/// for names (constants of this file, never input).
fn per(
    conn: &Connection,
    column: &str,
    table: &str,
    keyed: bool,
    service: Option<i64>,
    lang: Lang,
    none: &str,
) -> rusqlite::Result<Vec<Share>> {
    let key = if keyed { "l.name_key" } else { "NULL" };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.{column}, l.name, {key}, count(*) FROM assets a
         LEFT JOIN {table} l ON l.id = a.{column}
         WHERE a.deleted = 0 AND (?1 IS NULL OR a.service_id = ?1)
         GROUP BY a.{column} ORDER BY count(*) DESC, a.{column}"
    ))?;
    stmt.query_map([service], |r| {
        let name: Option<String> = r.get(1)?;
        let key: Option<String> = r.get(2)?;
        let id: Option<i64> = r.get(0)?;
        Ok(Share {
            id,
            label: name
                .filter(|n| !n.is_empty())
                .or_else(|| key.map(|k| lang.t(&k)))
                .unwrap_or_else(|| none.to_owned()),
            value: r.get::<_, i64>(3)? as f64,
        })
    })?
    .collect()
}

fn quarter_start(d: Date) -> Date {
    Date::new(d.year(), (d.month() - 1) / 3 * 3 + 1, 1).unwrap_or(d)
}

/// The assets' figures (of `service`, when set), named in `lang`.
pub async fn assets(db: &Db, lang: Lang, service: Option<i64>) -> Result<AssetStats, DomainError> {
    run::read(db, move |conn| {
        let none = lang.t("stat-none");
        let total: i64 = conn.query_row(
            "SELECT count(*) FROM assets WHERE deleted = 0 AND (?1 IS NULL OR service_id = ?1)",
            [service],
            |r| r.get(0),
        )?;
        let start = quarter_start(date_of(clock::now()));
        let mut warranties = Vec::new();
        let mut q = start;
        let mut stmt = conn.prepare_cached(
            "SELECT count(*) FROM assets WHERE deleted = 0 AND warranty_end IS NOT NULL
               AND warranty_end >= ?1 AND warranty_end < ?2
               AND (?3 IS NULL OR service_id = ?3)",
        )?;
        for _ in 0..8 {
            let next = q.checked_add(3.months()).unwrap_or(q);
            let ending: i64 = stmt.query_row(
                rusqlite::params![q.to_string(), next.to_string(), service],
                |r| r.get(0),
            )?;
            warranties.push(WarrantyQuarter {
                year: q.year(),
                quarter: (q.month() - 1) / 3 + 1,
                ending,
            });
            q = next;
        }
        let warranty_ended: i64 = conn.query_row(
            "SELECT count(*) FROM assets WHERE deleted = 0 AND warranty_end IS NOT NULL
               AND warranty_end <> '' AND warranty_end < ?1 AND (?2 IS NULL OR service_id = ?2)",
            rusqlite::params![start.to_string(), service],
            |r| r.get(0),
        )?;
        Ok(AssetStats {
            total,
            by_type: per(conn, "type_id", "asset_types", true, service, lang, &none)?,
            by_model: per(
                conn,
                "model_id",
                "asset_models",
                false,
                service,
                lang,
                &none,
            )?,
            by_manufacturer: per(
                conn,
                "manufacturer_id",
                "asset_manufacturers",
                false,
                service,
                lang,
                &none,
            )?,
            by_state: per(conn, "state_id", "asset_states", true, service, lang, &none)?,
            by_service: per(conn, "service_id", "services", false, service, lang, &none)?,
            warranty_ended,
            warranties,
        })
    })
    .await
}
