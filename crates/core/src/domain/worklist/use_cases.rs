//! What the list pages and the live stream ask of the database, each in one call, for a reader
//! ([`Reader`], the acting user as a reader of lists).

use std::collections::HashMap;
use std::sync::Arc;

use crate::db::Db;
use crate::domain::tickets::bulk::{Offer, Offering};
use crate::domain::{DomainError, clock, lists, run};
use crate::i18n::Lang;

use super::activity::{self, Counts};
use super::choices::{self, FilterChoices};
use super::columns::Column;
use super::counters;
use super::listing::{self, ListPage, ListRequest, Row};
use super::reader::Reader;
use super::search_queue;
use super::supervision::{self, Figures};

/// Brings the search index up to date first when `req` searches, so that it finds every
/// ticket saved before it.
async fn index_before(db: &Db, req: &ListRequest) -> Result<(), DomainError> {
    if !req.search.trim().is_empty() {
        search_queue::catch_up(db).await?;
    }
    Ok(())
}

/// `actor` as a reader of lists, for a caller that has no visit to read it with (the API).
pub async fn reader_for(db: &Db, actor: &crate::domain::Actor) -> Result<Arc<Reader>, DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| Ok(Arc::new(Reader::load(c, &actor)?))).await
}

/// Everything a list page shows.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub page: ListPage,
    pub choices: Arc<FilterChoices>,
    /// State names by id, for the page title.
    pub states: Arc<HashMap<i64, String>>,
    /// The actions on many tickets the reader is offered, when asked for.
    pub offer: Option<Arc<Offer>>,
}

/// Page `req` of the list for `reader`, with the filter choices of `columns` and, with
/// `offering`, the actions on many tickets offered (read together: one database call).
pub async fn list(
    db: &Db,
    reader: Arc<Reader>,
    req: ListRequest,
    columns: Vec<Column>,
    lang: Lang,
    offering: Option<Offering>,
) -> Result<Loaded, DomainError> {
    index_before(db, &req).await?;
    let memo_of = db.clone();
    run::read(db, move |c| {
        let memo = memo_of.memo();
        let states = memo.get(c, &format!("state names {lang:?}"), |c| {
            lists::find("states")
                .map(|d| lists::repo::names(c, d, lang))
                .transpose()
                .map(Option::unwrap_or_default)
        })?;
        let choices = memo.get(c, &format!("filter choices {lang:?} {columns:?}"), |c| {
            choices::load(c, &columns, lang)
        })?;
        Ok(Loaded {
            page: listing::list(c, memo, &reader, &req, lang, clock::now())?,
            choices,
            states,
            offer: offering.map(|o| o.read(c, memo)).transpose()?,
        })
    })
    .await
}

/// The rows of list `req` for `reader` (exports): those of its page `req.page`, or with
/// `every_page` those of all its pages.
pub async fn export_rows(
    db: &Db,
    reader: Arc<Reader>,
    req: ListRequest,
    lang: Lang,
    every_page: bool,
) -> Result<Vec<Row>, DomainError> {
    index_before(db, &req).await?;
    let memo_of = db.clone();
    run::read(db, move |c| {
        let (memo, now) = (memo_of.memo(), clock::now());
        Ok(if every_page {
            listing::all_rows(c, memo, &reader, &req, lang, now)?
        } else {
            listing::list(c, memo, &reader, &req, lang, now)?.rows
        })
    })
    .await
}

/// The numbers of every ticket of list `req` for `reader`, up to `limit` (an action on a whole
/// view).
pub async fn ids_in_view(
    db: &Db,
    reader: Arc<Reader>,
    req: ListRequest,
    limit: i64,
) -> Result<Vec<i64>, DomainError> {
    index_before(db, &req).await?;
    run::read(db, move |c| Ok(listing::all_ids(c, &reader, &req, limit)?)).await
}

/// Where ticket `id` stands in list `req` of `reader` (the ticket page's previous and next).
pub async fn neighbours(
    db: &Db,
    reader: Arc<Reader>,
    req: ListRequest,
    id: i64,
) -> Result<Option<listing::Neighbours>, DomainError> {
    index_before(db, &req).await?;
    let memo_of = db.clone();
    run::read(db, move |c| {
        Ok(listing::neighbours(c, memo_of.memo(), &reader, &req, id)?)
    })
    .await
}

/// The supervision tiles of `reader`.
pub async fn supervision(db: &Db, reader: Arc<Reader>) -> Result<Figures, DomainError> {
    run::read(db, move |c| {
        Ok(supervision::figures(c, &reader, clock::now())?)
    })
    .await
}

/// The activity counters of `reader` between `from` and `to`.
pub async fn activity(
    db: &Db,
    reader: Arc<Reader>,
    from: i64,
    to: i64,
) -> Result<Counts, DomainError> {
    run::read(db, move |c| Ok(activity::counts(c, &reader, from, to)?)).await
}

/// The ticket change number now.
pub async fn generation(db: &Db) -> Result<i64, DomainError> {
    run::read(db, |c| Ok(counters::generation(c)?)).await
}

/// Whether `reader` sees ticket `id`.
pub async fn sees(db: &Db, reader: Arc<Reader>, id: i64) -> Result<bool, DomainError> {
    run::read(db, move |c| {
        Ok(reader.viewer.sees(c, crate::domain::ids::TicketId(id))?)
    })
    .await
}
