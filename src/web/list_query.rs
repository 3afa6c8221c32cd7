//! The list's address: `view`, `state`, `sort` and `dir`, `page`, `q` (search) and one
//! `f_<column>` per filter. Reading never fails: what cannot be read falls back to defaults (and
//! unreadable filters are reported by the list); writing keeps every part but the changed one.

use crate::domain::worklist::columns::Column;
use crate::domain::worklist::listing::{Filter, ListRequest, Sort};
use crate::domain::worklist::reader::Reader;
use crate::domain::worklist::scope::{Scope, StateSel, View};

/// The longest search kept from an address.
const MAX_SEARCH_CHARS: usize = 200;

/// A list address, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub view: View,
    /// Whether `view` came from the address (else it is the reader's default).
    pub view_given: bool,
    pub sort: Option<(Column, bool)>,
    pub page: i64,
    pub search: String,
    pub filters: Vec<Filter>,
    /// More pairs the page's own address needs (the activity period).
    pub extra: Vec<(String, String)>,
}

/// The pairs of a raw query string; an unreadable one counts as empty.
pub fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    raw.and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
        .unwrap_or_default()
}

impl ListQuery {
    /// Reads an address's pairs for `r`; an unknown view or one `r` may not open gives their
    /// default view.
    pub fn read(pairs: &[(String, String)], r: &Reader) -> ListQuery {
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let default = View::at_login(r);
        let scope = get("view").and_then(Scope::parse);
        let state = get("state").and_then(StateSel::parse);
        let view_given = scope.is_some() || state.is_some();
        let view = View {
            scope: scope.unwrap_or(default.scope),
            state: state.unwrap_or(if scope.is_some() {
                StateSel::Any
            } else {
                default.state
            }),
        };
        let sort = get("sort")
            .and_then(Column::parse)
            .map(|c| (c, get("dir") == Some("desc")));
        let page = get("page")
            .and_then(|p| p.trim().parse::<i64>().ok())
            .unwrap_or(1)
            .max(1);
        // Searching needs the `search` right; without it the words are dropped.
        let search = get("q")
            .filter(|_| r.has(crate::domain::rights::names::SEARCH))
            .unwrap_or("")
            .chars()
            .take(MAX_SEARCH_CHARS)
            .collect::<String>()
            .trim()
            .to_owned();
        let mut filters: Vec<Filter> = Vec::new();
        for (k, v) in pairs {
            let Some(column) = k.strip_prefix("f_").and_then(Column::parse) else {
                continue;
            };
            if v.trim().is_empty() || filters.iter().any(|f| f.column == column) {
                continue;
            }
            filters.push(Filter {
                column,
                value: v.chars().take(MAX_SEARCH_CHARS).collect(),
            });
        }
        ListQuery {
            view,
            view_given,
            sort,
            page,
            search,
            filters,
            extra: Vec::new(),
        }
    }

    /// The domain's request, with `order` when no column sort is chosen.
    pub fn request(&self, order: String, per_page: i64) -> ListRequest {
        ListRequest {
            view: self.view,
            filters: self.filters.clone(),
            search: self.search.clone(),
            sort: match self.sort {
                Some((c, desc)) => Sort::By(c, desc),
                None => Sort::Order(order),
            },
            page: self.page,
            per_page,
        }
    }

    /// The filter typed for `column`, if any.
    pub fn filter(&self, column: Column) -> &str {
        self.filters
            .iter()
            .find(|f| f.column == column)
            .map_or("", |f| f.value.as_str())
    }

    /// The list's address fields (view, state, sort, search, filters, page).
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut out = if matches!(self.view.scope, Scope::Activity { .. }) {
            Vec::new()
        } else {
            vec![("view".to_owned(), self.view.scope.code())]
        };
        out.extend(self.extra.iter().cloned());
        let state = self.view.state.code();
        if !state.is_empty() {
            out.push(("state".to_owned(), state));
        }
        if let Some((c, desc)) = self.sort {
            out.push(("sort".to_owned(), c.code().to_owned()));
            out.push((
                "dir".to_owned(),
                if desc { "desc" } else { "asc" }.to_owned(),
            ));
        }
        if !self.search.is_empty() {
            out.push(("q".to_owned(), self.search.clone()));
        }
        for f in &self.filters {
            out.push((format!("f_{}", f.column.code()), f.value.clone()));
        }
        if self.page > 1 {
            out.push(("page".to_owned(), self.page.to_string()));
        }
        out
    }

    /// The address of this list under `base` (`/tickets`, an export).
    pub fn href(&self, base: &str) -> String {
        let query = serde_urlencoded::to_string(self.pairs()).unwrap_or_default();
        format!("{base}?{query}")
    }

    /// The same list on page `page`.
    pub fn with_page(&self, page: i64) -> ListQuery {
        ListQuery {
            page,
            ..self.clone()
        }
    }

    /// The same list sorted by `column` (reversing the direction when it already is).
    pub fn sorted_by(&self, column: Column) -> ListQuery {
        let desc = matches!(self.sort, Some((c, false)) if c == column);
        ListQuery {
            sort: Some((column, desc)),
            page: 1,
            ..self.clone()
        }
    }

    /// The pairs a filter form carries besides its fields (view, state, sort).
    pub fn kept_fields(&self) -> Vec<(String, String)> {
        self.pairs()
            .into_iter()
            .filter(|(k, _)| {
                matches!(k.as_str(), "view" | "state" | "sort" | "dir")
                    || self.extra.iter().any(|(e, _)| e == k)
            })
            .collect()
    }
}
