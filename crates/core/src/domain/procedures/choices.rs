//! The choice lists of the procedure pages: categories, their subcategories and companies, with
//! names in the reader's language.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::domain::lists::repo;
use crate::domain::tickets::options::{self, Sub};
use crate::i18n::Lang;

/// Every choice the procedure form and list offer.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub categories: Vec<(String, String)>,
    pub subcategories: Vec<Sub>,
    pub companies: Vec<(String, String)>,
}

/// Names by id, to label list rows.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub categories: HashMap<i64, String>,
    pub subcategories: HashMap<i64, String>,
    pub companies: HashMap<i64, String>,
}

impl Names {
    /// "Category › Subcategory" for a procedure (empty without a category).
    pub fn filed_under(&self, category: Option<i64>, subcategory: Option<i64>) -> String {
        let cat = category.and_then(|c| self.categories.get(&c)).cloned();
        let sub = subcategory
            .and_then(|s| self.subcategories.get(&s))
            .cloned();
        match (cat, sub) {
            (Some(c), Some(s)) => format!("{c} › {s}"),
            (Some(c), None) => c,
            (None, Some(s)) => s,
            (None, None) => String::new(),
        }
    }
}

impl Names {
    /// Every name, in `lang`.
    pub fn load(conn: &Connection, lang: Lang) -> rusqlite::Result<Self> {
        Ok(Self {
            categories: repo::names_by_code(conn, "categories", lang)?,
            subcategories: repo::names_by_code(conn, "subcategories", lang)?,
            companies: repo::names_by_code(conn, "companies", lang)?,
        })
    }
}

impl Choices {
    /// Enabled entries, plus the ones given (the current values of what is edited).
    pub fn load(
        conn: &Connection,
        lang: Lang,
        category: Option<i64>,
        subcategory: Option<i64>,
        company: Option<i64>,
    ) -> rusqlite::Result<Self> {
        Ok(Self {
            categories: options::list(conn, "categories", lang, category)?,
            subcategories: options::subcategories(conn, lang, subcategory)?,
            companies: options::list(conn, "companies", lang, company)?,
        })
    }
}
