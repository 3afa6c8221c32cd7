//! A page of a long list sorted by a column whose values are names kept in another table
//! (requester, technician, category, priority...), read without joining and sorting every
//! ticket of the list: the names are listed in their order once (kept until the reference
//! tables change), equal names put together, and the tickets of each name read from the
//! ticket's index on that reference, in number order. Whole names are counted only to be
//! skipped on deeper pages, several at a time when they hold few tickets, and a page past the
//! middle of the list is read from its end. The order is exactly the one of sorting by the
//! name, then the number: tickets of two people with the same name mix by number, and tickets
//! without a value come last both ways.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::Connection;
use rusqlite::types::Value as SqlValue;

use crate::db::Memo;

use super::columns::Column;
use super::plan;

/// At most this many names are counted by one statement.
const MAX_BATCH: usize = 256;

/// Where a column's names are and how a ticket holds one.
struct Spec {
    /// `(kind, id, value)` of every name, sorted by value.
    names: &'static str,
    /// Whether equal values ignore ASCII case (`COLLATE NOCASE`, which folds ASCII only).
    nocase: bool,
    /// The tickets holding one of the ids `{}` of kind 0, of kind 1 (`None` if the column has
    /// one kind).
    holds: (&'static str, Option<&'static str>),
    /// The id a ticket holds, of kind 0 and of kind 1 (read with the kind's `holds`).
    key: (&'static str, &'static str),
    /// The tickets without a value.
    empty: &'static str,
}

const fn one(
    names: &'static str,
    nocase: bool,
    column: &'static str,
    holds: &'static str,
    empty: &'static str,
) -> Spec {
    Spec {
        names,
        nocase,
        holds: (holds, None),
        key: (column, "NULL"),
        empty,
    }
}

/// The names of column `c`, if it sorts by names kept in another table.
fn spec(c: Column) -> Option<Spec> {
    const PEOPLE: &str = "SELECT 0, id, display_name FROM users
         UNION ALL SELECT 1, id, name FROM groups ORDER BY 3 COLLATE NOCASE";
    Some(match c {
        Column::Type => one(
            "SELECT 0, id, COALESCE(name, name_key) FROM ticket_types ORDER BY 3",
            false,
            "t.type_id",
            "t.type_id IN ({})",
            "t.type_id IS NULL",
        ),
        Column::Technician => Spec {
            names: PEOPLE,
            nocase: true,
            holds: (
                "t.technician_id IN ({})",
                Some("t.technician_id IS NULL AND t.tech_group_id IN ({})"),
            ),
            key: ("t.technician_id", "t.tech_group_id"),
            empty: "t.technician_id IS NULL AND t.tech_group_id IS NULL",
        },
        Column::Requester => Spec {
            names: PEOPLE,
            nocase: true,
            holds: (
                "t.requester_id IN ({})",
                Some("t.requester_id IS NULL AND t.user_group_id IN ({})"),
            ),
            key: ("t.requester_id", "t.user_group_id"),
            empty: "t.requester_id IS NULL AND t.user_group_id IS NULL",
        },
        Column::Company => one(
            "SELECT 0, id, name FROM companies ORDER BY 3 COLLATE NOCASE",
            true,
            "(SELECT company_id FROM users WHERE id = t.requester_id)",
            "t.requester_id IN (SELECT id FROM users WHERE company_id IN ({}))",
            "(t.requester_id IS NULL
              OR t.requester_id IN (SELECT id FROM users WHERE company_id IS NULL))",
        ),
        Column::Service => one(
            "SELECT 0, id, name FROM services ORDER BY 3 COLLATE NOCASE",
            true,
            "t.service_id",
            "t.service_id IN ({})",
            "t.service_id IS NULL",
        ),
        Column::SenderService => one(
            "SELECT 0, id, name FROM services ORDER BY 3 COLLATE NOCASE",
            true,
            "t.sender_service_id",
            "t.sender_service_id IN ({})",
            "t.sender_service_id IS NULL",
        ),
        Column::Agency => one(
            "SELECT 0, id, name FROM agencies ORDER BY 3 COLLATE NOCASE",
            true,
            "t.agency_id",
            "t.agency_id IN ({})",
            "t.agency_id IS NULL",
        ),
        Column::Place => one(
            "SELECT 0, id, name FROM places ORDER BY 3 COLLATE NOCASE",
            true,
            "t.place_id",
            "t.place_id IN ({})",
            "t.place_id IS NULL",
        ),
        Column::Category => one(
            "SELECT 0, id, COALESCE(name, name_key) FROM categories ORDER BY 3 COLLATE NOCASE",
            true,
            "t.category_id",
            "t.category_id IN ({})",
            "t.category_id IS NULL",
        ),
        Column::Subcategory => one(
            "SELECT 0, id, COALESCE(name, name_key) FROM subcategories
             ORDER BY 3 COLLATE NOCASE",
            true,
            "t.subcategory_id",
            "t.subcategory_id IN ({})",
            "t.subcategory_id IS NULL",
        ),
        Column::Priority => one(
            "SELECT 0, id, position FROM priorities ORDER BY 3",
            false,
            "t.priority_id",
            "t.priority_id IN ({})",
            "t.priority_id IS NULL",
        ),
        Column::Criticality => one(
            "SELECT 0, id, position FROM criticalities ORDER BY 3",
            false,
            "t.criticality_id",
            "t.criticality_id IN ({})",
            "t.criticality_id IS NULL",
        ),
        Column::State => one(
            "SELECT 0, id, position FROM ticket_states ORDER BY 3",
            false,
            "t.state_id",
            "t.state_id IN ({})",
            "0",
        ),
        _ => return None,
    })
}

/// The ids sharing one name, by kind.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Name {
    ids: [Vec<i64>; 2],
}

/// Every name of `spec` in ascending order, equal ones together.
fn names(conn: &Connection, spec: &Spec) -> rusqlite::Result<Vec<Name>> {
    let mut stmt = conn.prepare_cached(spec.names)?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, SqlValue>(2)?,
        ))
    })?;
    let same = |a: &SqlValue, b: &SqlValue| match (a, b) {
        (SqlValue::Text(a), SqlValue::Text(b)) if spec.nocase => a.eq_ignore_ascii_case(b),
        _ => a == b,
    };
    let mut out: Vec<Name> = Vec::new();
    let mut last: Option<SqlValue> = None;
    for row in rows {
        let (kind, id, value) = row?;
        if last.as_ref().is_none_or(|l| !same(l, &value)) {
            out.push(Name::default());
        }
        if let Some(name) = out.last_mut() {
            name.ids[usize::from(kind != 0)].push(id);
        }
        last = Some(value);
    }
    Ok(out)
}

/// One step of the walk: the tickets of some names, or those without a value.
#[derive(Clone, Copy)]
enum Part<'a> {
    Named(&'a Name),
    Empty,
}

/// The list's condition and the column's names, for one walk.
struct Walk<'a> {
    conn: &'a Connection,
    spec: &'a Spec,
    from_where: String,
    values: &'a [SqlValue],
    /// Within a name, tickets by descending number.
    desc: bool,
}

fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

impl Walk<'_> {
    /// The condition of the tickets holding one of `names`, with its values.
    fn holding(&self, names: &[&Name]) -> (String, Vec<SqlValue>) {
        let mut parts = Vec::new();
        let mut values = Vec::new();
        let (first, second) = self.spec.holds;
        for (kind, holds) in [(0, Some(first)), (1, second)] {
            let ids: Vec<i64> = names.iter().flat_map(|n| n.ids[kind].clone()).collect();
            if let Some(holds) = holds
                && !ids.is_empty()
            {
                parts.push(format!("({})", holds.replace("{}", &marks(ids.len()))));
                values.extend(ids.into_iter().map(SqlValue::Integer));
            }
        }
        if parts.is_empty() {
            return ("0".to_owned(), values);
        }
        (parts.join(" OR "), values)
    }

    fn part(&self, part: Part<'_>) -> (String, Vec<SqlValue>) {
        match part {
            Part::Named(name) => self.holding(&[name]),
            Part::Empty => (self.spec.empty.to_owned(), Vec::new()),
        }
    }

    fn values(&self, more: Vec<SqlValue>) -> Vec<SqlValue> {
        let mut all = self.values.to_vec();
        all.extend(more);
        all
    }

    fn count(&self, part: Part<'_>) -> rusqlite::Result<i64> {
        let (sql, values) = self.part(part);
        let sql = format!("SELECT count(*) {} AND ({sql})", self.from_where);
        plan::one(self.conn, &sql, self.values(values), |r| r.get(0))
    }

    /// Each of `names`' number of tickets, in their order: counted kind by kind, each from the
    /// index on its own reference.
    fn counts(&self, names: &[&Name]) -> rusqlite::Result<Vec<i64>> {
        let mut out = vec![0; names.len()];
        let (first, second) = self.spec.holds;
        for (kind, holds, key) in [
            (0, Some(first), self.spec.key.0),
            (1, second, self.spec.key.1),
        ] {
            let mut place: HashMap<i64, usize> = HashMap::new();
            for (i, name) in names.iter().enumerate() {
                for id in &name.ids[kind] {
                    place.insert(*id, i);
                }
            }
            let Some(holds) = holds.filter(|_| !place.is_empty()) else {
                continue;
            };
            let ids: Vec<SqlValue> = place.keys().map(|id| SqlValue::Integer(*id)).collect();
            let sql = format!(
                "SELECT {key}, count(*) {} AND ({}) GROUP BY 1",
                self.from_where,
                holds.replace("{}", &marks(ids.len()))
            );
            let rows = plan::rows(self.conn, &sql, self.values(ids), |r| {
                Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, i64>(1)?))
            })?;
            for (id, n) in rows {
                if let Some(slot) = id
                    .and_then(|id| place.get(&id))
                    .and_then(|i| out.get_mut(*i))
                {
                    *slot += n;
                }
            }
        }
        Ok(out)
    }

    /// Tickets `skip..skip + limit` of `part`, in number order.
    fn read(&self, part: Part<'_>, skip: i64, limit: i64) -> rusqlite::Result<Vec<i64>> {
        let (sql, mut values) = self.part(part);
        values.extend([SqlValue::Integer(limit), SqlValue::Integer(skip)]);
        let sql = format!(
            "SELECT t.id {} AND ({sql}) ORDER BY t.id {} LIMIT ? OFFSET ?",
            self.from_where,
            if self.desc { "DESC" } else { "ASC" }
        );
        plan::rows(self.conn, &sql, self.values(values), |r| r.get(0))
    }

    /// Tickets `skip..skip + wanted` of the parts in order. Names that hold nothing are passed
    /// over in growing batches; whole names are counted only when there is something to skip.
    fn slice(&self, parts: &[Part<'_>], mut skip: i64, wanted: i64) -> rusqlite::Result<Vec<i64>> {
        let mut out: Vec<i64> = Vec::new();
        let left = |out: &Vec<i64>| wanted - i64::try_from(out.len()).unwrap_or(wanted);
        let mut size = 1;
        let mut i = 0;
        while i < parts.len() && left(&out) > 0 {
            let run: Vec<&Name> = parts[i..]
                .iter()
                .take(size)
                .map_while(|p| match p {
                    Part::Named(n) => Some(*n),
                    Part::Empty => None,
                })
                .collect();
            if run.is_empty() || (skip == 0 && run.len() == 1) {
                // One part read directly: nothing to skip, or the part without a value.
                let part = parts[i];
                i += 1;
                if skip > 0 {
                    let n = self.count(part)?;
                    if skip >= n {
                        skip -= n;
                        continue;
                    }
                }
                let found = self.read(part, skip, left(&out))?;
                if found.is_empty() {
                    size = (size * 2).min(MAX_BATCH);
                }
                skip = 0;
                out.extend(found);
                continue;
            }
            i += run.len();
            let mut used = false;
            for (name, n) in run.iter().zip(self.counts(&run)?) {
                if n == 0 || left(&out) <= 0 {
                    continue;
                }
                if skip >= n {
                    skip -= n;
                    continue;
                }
                out.extend(self.read(Part::Named(name), skip, left(&out))?);
                skip = 0;
                used = true;
            }
            if !used {
                size = (size * 2).min(MAX_BATCH);
            }
        }
        Ok(out)
    }
}

/// The numbers of tickets `offset..offset + wanted` of the `total` tickets of
/// `FROM tickets t {joins} WHERE {condition}` sorted by column `c` (descending if `desc`),
/// or `None` if `c` does not sort by names of another table.
#[allow(clippy::too_many_arguments)]
pub fn page(
    conn: &Connection,
    memo: &Memo,
    joins: &str,
    condition: &str,
    values: &[SqlValue],
    c: Column,
    desc: bool,
    total: i64,
    offset: i64,
    wanted: i64,
) -> rusqlite::Result<Option<Vec<i64>>> {
    let Some(spec) = spec(c) else {
        return Ok(None);
    };
    let all: Arc<Vec<Name>> = memo.get(conn, &format!("names in order {c:?}"), |conn| {
        names(conn, &spec)
    })?;
    let end = (offset + wanted).min(total);
    if end <= offset {
        return Ok(Some(Vec::new()));
    }
    let mut parts: Vec<Part<'_>> = all.iter().map(Part::Named).collect();
    if desc {
        parts.reverse();
    }
    parts.push(Part::Empty);
    let mut walk = Walk {
        conn,
        spec: &spec,
        from_where: format!("FROM tickets t {joins} WHERE {condition}"),
        values,
        desc,
    };
    // Past the middle, fewer tickets come after the page than before it.
    if total - end < offset {
        parts.reverse();
        walk.desc = !desc;
        let mut found = walk.slice(&parts, total - end, end - offset)?;
        found.reverse();
        return Ok(Some(found));
    }
    walk.slice(&parts, offset, end - offset).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{Db, DbError};
    use crate::domain::worklist::listing::{column_order, join_sql};

    /// Reading name by name gives the order of one sort of every ticket by the name, for every
    /// column, both ways, at any slice (from the start or from the end), with people and
    /// categories sharing a name in different cases, groups, and tickets without a value.
    #[test]
    fn reading_name_by_name_keeps_the_sorted_order() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        db.write_blocking(|tx| {
            tx.execute_batch(
                "INSERT INTO companies (id, name) VALUES (901, 'Zeta'), (902, 'alpha'),
                     (903, 'Alpha');
                 INSERT INTO groups (id, name, kind) VALUES (901, 'Support', 'technician'),
                     (902, 'accounting', 'user'), (903, 'Bob Stone', 'user');
                 INSERT INTO categories (id, name) VALUES (901, 'Printers'), (902, 'printers'),
                     (903, 'Network');",
            )?;
            let names = ["Bob Stone", "bob stone", "Ann Lee", "Zoe Park", "Carl Wu"];
            for i in 0..25_i64 {
                let (first, last) = names[(i % 5) as usize].split_once(' ').expect("two words");
                tx.execute(
                    "INSERT INTO users (id, login, firstname, lastname, profile_id, company_id,
                                        created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, 2, ?5, 0, 0)",
                    rusqlite::params![
                        1000 + i,
                        format!("user{i}"),
                        first,
                        last,
                        [None, Some(901), Some(902), Some(903)][(i % 4) as usize]
                    ],
                )?;
            }
            let mut insert = tx.prepare(
                "INSERT INTO tickets (title, state_id, created_at, modified_at, requester_id,
                     user_group_id, technician_id, tech_group_id, category_id, priority_id)
                 VALUES ('t', ?1, 0, 0, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for i in 0..400_i64 {
                let pick = |n: i64, m: i64| (i * m + i / 7) % n;
                let requester = (pick(6, 7) != 0).then(|| 1000 + pick(25, 3));
                let user_group = (pick(3, 5) == 0).then(|| 902 + pick(2, 11));
                let technician = (pick(4, 3) == 0).then(|| 1000 + pick(25, 13));
                let tech_group = (pick(5, 2) == 0).then_some(901);
                let category = [None, Some(901), Some(902), Some(903)][pick(4, 9) as usize];
                let priority = [None, Some(1), Some(2), Some(3)][pick(4, 17) as usize];
                insert.execute(rusqlite::params![
                    1 + pick(3, 19),
                    requester,
                    user_group,
                    technician,
                    tech_group,
                    category,
                    priority
                ])?;
            }
            Ok::<_, DbError>(())
        })
        .expect("tickets");
        let memo = Memo::default();
        db.read_blocking(|conn| {
            let condition = "t.deleted = 0 AND t.state_id IN (1, 2)";
            let total: i64 = conn.query_row(
                &format!("SELECT count(*) FROM tickets t WHERE {condition}"),
                [],
                |r| r.get(0),
            )?;
            for c in [
                Column::Requester,
                Column::Technician,
                Column::Company,
                Column::Category,
                Column::Priority,
                Column::State,
            ] {
                for desc in [false, true] {
                    let sorted: Vec<i64> = {
                        let mut stmt = conn.prepare(&format!(
                            "SELECT t.id FROM tickets t {} WHERE {condition} ORDER BY {}",
                            join_sql(c.joins()),
                            column_order(c, desc)
                        ))?;
                        stmt.query_map([], |r| r.get(0))?
                            .collect::<rusqlite::Result<_>>()?
                    };
                    assert_eq!(i64::try_from(sorted.len()).expect("small"), total);
                    for (offset, wanted) in [
                        (0, 20),
                        (5, 50),
                        (90, 30),
                        (total - 25, 20),
                        (total - 10, 20),
                        (0, total),
                    ] {
                        let found = page(
                            conn,
                            &memo,
                            "",
                            condition,
                            &[],
                            c,
                            desc,
                            total,
                            offset,
                            wanted,
                        )?
                        .expect("a named column");
                        let start = usize::try_from(offset).expect("small");
                        let end = usize::try_from(offset + wanted)
                            .expect("small")
                            .min(sorted.len());
                        assert_eq!(
                            found,
                            sorted[start..end].to_vec(),
                            "{c:?} desc {desc}, {offset} + {wanted}"
                        );
                    }
                }
            }
            assert!(
                page(
                    conn,
                    &memo,
                    "",
                    condition,
                    &[],
                    Column::Title,
                    false,
                    total,
                    0,
                    10
                )?
                .is_none()
            );
            Ok::<_, DbError>(())
        })
        .expect("read");
    }
}
