//! The query of the searches behind fields with more choices than a page lists (a ticket's
//! requester, its asset): `?q=text`, trimmed and bounded, and how many matches one answers.

use serde::Deserialize;

/// How many matches one search answers.
pub const LIMIT: i64 = 20;

/// The most characters of `q` searched for.
const MAX_CHARS: usize = 100;

#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

impl SearchQuery {
    /// What to search for: `q` trimmed and cut to its first characters; `None` when empty
    /// (answered with no matches).
    pub fn text(&self) -> Option<String> {
        let text: String = self.q.trim().chars().take(MAX_CHARS).collect();
        (!text.is_empty()).then_some(text)
    }
}
