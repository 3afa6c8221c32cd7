//! Procedures: shared how-tos (a title, a Markdown text and files) filed under a ticket category
//! and subcategory, optionally tied to a company, and published or not to requesters.
//!
//! Who reads what is decided here ([`Reader`]): holders of the `procedure` right read every
//! procedure (only their company's and shared ones with `procedure_list_company_only`); anyone
//! else reads published procedures that are shared or of their company — a ticket page shows
//! them the procedures of its category.

pub mod choices;
pub mod files;
pub mod repo;
pub mod rules;
pub mod use_cases;

use rusqlite::types::Value;

pub use crate::domain::ids::ProcedureId;

/// A procedure as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    pub id: ProcedureId,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub category_id: Option<i64>,
    pub subcategory_id: Option<i64>,
    pub company_id: Option<i64>,
    pub published: bool,
    pub created_by: String,
    pub created_at: i64,
    pub updated_by: String,
    pub updated_at: i64,
    pub version: i64,
}

/// A line of the procedure list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub id: ProcedureId,
    pub title: String,
    pub category_id: Option<i64>,
    pub subcategory_id: Option<i64>,
    pub company_id: Option<i64>,
    pub published: bool,
    pub updated_at: i64,
    pub files: i64,
}

/// The fields of a procedure form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    pub title: String,
    pub body: String,
    pub category: String,
    pub subcategory: String,
    pub company: String,
    pub published: bool,
}

impl Typed {
    /// The form filled with a stored procedure.
    pub fn from_procedure(p: &Procedure) -> Self {
        let id = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        Self {
            title: p.title.clone(),
            body: p.body.clone(),
            category: id(p.category_id),
            subcategory: id(p.subcategory_id),
            company: id(p.company_id),
            published: p.published,
        }
    }
}

/// Checked values of a procedure, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub title: String,
    pub body: String,
    pub category_id: Option<i64>,
    pub subcategory_id: Option<i64>,
    pub company_id: Option<i64>,
    pub published: bool,
}

/// Who is reading procedures, and so which ones they see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub user: i64,
    pub company: Option<i64>,
    /// Holds the `procedure` right: sees unpublished procedures too.
    pub all: bool,
    /// Holds `procedure_list_company_only`: limited to shared procedures and their company's.
    pub company_only: bool,
}

impl Reader {
    /// `actor` as a reader of procedures: their company, and the flags from their rights.
    pub fn of(conn: &rusqlite::Connection, actor: &crate::domain::Actor) -> rusqlite::Result<Self> {
        use crate::domain::rights::names as right;
        Self::load(
            conn,
            actor.id().0,
            actor.has(right::PROCEDURE),
            actor.has(right::PROCEDURE_LIST_COMPANY_ONLY),
        )
    }

    /// Loads `user`'s company; the flags come from their rights.
    pub fn load(
        conn: &rusqlite::Connection,
        user: i64,
        all: bool,
        company_only: bool,
    ) -> rusqlite::Result<Self> {
        let company =
            conn.query_row("SELECT company_id FROM users WHERE id = ?1", [user], |r| {
                r.get(0)
            })?;
        Ok(Self {
            user,
            company,
            all,
            company_only,
        })
    }

    /// The condition on procedures `p` this reader sees, with its values.
    pub(crate) fn condition(&self) -> (String, Vec<Value>) {
        let company = match self.company {
            Some(c) => ("(p.company_id IS NULL OR p.company_id = ?)", vec![c.into()]),
            None => ("p.company_id IS NULL", Vec::new()),
        };
        match (self.all, self.company_only) {
            (true, false) => ("1".to_owned(), Vec::new()),
            (true, true) => (company.0.to_owned(), company.1),
            (false, _) => (format!("p.published = 1 AND {}", company.0), company.1),
        }
    }
}
