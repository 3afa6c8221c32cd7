//! Full-text search over tickets (SQLite FTS5, kept up to date in batches: see
//! [`super::search_queue`]): what people type
//! becomes a safe query of prefix words, and requesters never match replies hidden from them.

use rusqlite::Transaction;

/// The most words of a search taken into account.
const MAX_WORDS: usize = 8;
/// The longest word kept.
const MAX_WORD_CHARS: usize = 40;

/// The FTS5 query for what was typed: every word (letters and digits; everything else
/// separates words, so quotes, stars, parentheses and operators are inert) must start a word of
/// the ticket. Words typed joined by a hyphen, a dot or a slash ("Wi-Fi") also match written
/// together ("WiFi"), and the reverse holds through the index's `joined` column. `None` when
/// nothing searchable was typed. With `hidden`, replies hidden from requesters are searched too.
pub fn fts_query(typed: &str, hidden: bool) -> Option<String> {
    let word = |w: &str| -> String {
        w.chars()
            .take(MAX_WORD_CHARS)
            .collect::<String>()
            .to_lowercase()
    };
    let mut left = MAX_WORDS;
    let mut terms: Vec<String> = Vec::new();
    for chunk in typed.split(char::is_whitespace) {
        if left == 0 {
            break;
        }
        let parts: Vec<String> = chunk
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(left)
            .map(word)
            .collect();
        left -= parts.len();
        // Each word is quoted (a string, never an operator) and marked as a prefix.
        let quoted: Vec<String> = parts.iter().map(|w| format!("\"{w}\"*")).collect();
        let joinable = parts.len() > 1
            && chunk
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '/' | '_'));
        match quoted.len() {
            0 => {}
            1 => terms.extend(quoted),
            _ if joinable => terms.push(format!(
                "(({}) OR \"{}\"*)",
                quoted.join(" AND "),
                word(&parts.concat())
            )),
            _ => terms.extend(quoted),
        }
    }
    if terms.is_empty() {
        return None;
    }
    let all = terms.join(" AND ");
    Some(if hidden {
        all
    } else {
        format!("{{number title description requester thread joined}} : ({all})")
    })
}

/// The condition on tickets `t` for a search (one value: the FTS query).
pub const CONDITION: &str = "t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?)";

/// Suspends the index triggers for the rest of transaction `tx` (bulk loads); [`rebuild`]
/// brings the index up to date and resumes them.
pub fn suspend(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute("UPDATE search_index SET suspended = 1", [])?;
    Ok(())
}

/// Rebuilds the whole index from the tickets and their threads, and resumes the triggers.
/// While it is filled, the index keeps up to 256 MB of new entries in memory before writing
/// them out (1 MB otherwise), so that it writes and merges far fewer pieces: a million
/// tickets' index fills in two thirds of the time.
pub fn rebuild(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "INSERT INTO tickets_fts (tickets_fts) VALUES ('delete-all');
         INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('hashsize', 268435456);
         INSERT INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
         SELECT * FROM tickets_fts_source;
         INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('hashsize', 1048576);
         DELETE FROM search_pending;
         UPDATE search_index SET suspended = 0;",
    )
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_text_becomes_prefix_words() {
        assert_eq!(
            fts_query("Imprimante  étage-2", true).as_deref(),
            Some("\"imprimante\"* AND ((\"étage\"* AND \"2\"*) OR \"étage2\"*)")
        );
        assert_eq!(
            fts_query("vpn", false).as_deref(),
            Some("{number title description requester thread joined} : (\"vpn\"*)")
        );
    }

    #[test]
    fn syntax_is_inert_and_length_bounded() {
        for typed in ["", "   ", "\"", "*", "()", "-:^", "\"\" * ( ) NEAR"] {
            let q = fts_query(typed, true);
            assert!(
                q.as_deref().is_none_or(|q| q == "\"near\"*"),
                "{typed}: {q:?}"
            );
        }
        let long = "word ".repeat(2_000);
        let q = fts_query(&long, true).expect("query");
        assert_eq!(q.matches('*').count(), 8);
        let huge = "x".repeat(10_000);
        assert!(fts_query(&huge, true).expect("query").len() < 60);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Whatever is typed, the query is one SQLite accepts in MATCH.
        #[test]
        fn any_typed_text_makes_a_query_fts5_accepts(typed in "\\PC{0,80}", hidden: bool) {
            let conn = rusqlite::Connection::open_in_memory().expect("memory");
            conn.execute_batch(
                "CREATE VIRTUAL TABLE t USING fts5(number, title, description, requester, thread, joined,
                     private_thread, tokenize = 'unicode61 remove_diacritics 2');
                 INSERT INTO t VALUES ('1', 'printer', 'jam', 'ana', 'fixed', '', 'note');",
            )
            .expect("table");
            if let Some(q) = fts_query(&typed, hidden) {
                let n: rusqlite::Result<i64> =
                    conn.query_row("SELECT count(*) FROM t WHERE t MATCH ?1", [&q], |r| r.get(0));
                proptest::prop_assert!(n.is_ok(), "{typed:?} -> {q}: {n:?}");
            }
        }
    }
}
