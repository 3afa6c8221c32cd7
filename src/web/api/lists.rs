//! `GET /api/v1/lists/{list}`: the entries of a list a ticket's fields take their values from
//! (states, priorities, categories...), with their ids, so that a program can fill a ticket's
//! fields by id. Names are in the token user's language.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;

use crate::domain::lists::{self, ColumnKind, Value, page, repo};
use crate::web::error::WebError;
use crate::web::state::AppState;

use super::routes::ApiCaller;

/// The lists offered: those of the ticket's fields.
pub const OFFERED: [&str; 10] = [
    "states",
    "priorities",
    "criticalities",
    "types",
    "answer-types",
    "categories",
    "subcategories",
    "places",
    "services",
    "agencies",
];

/// One entry of a list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ListEntry {
    pub id: i64,
    pub name: String,
    /// A retired entry: kept on old tickets, no longer offered.
    pub disabled: bool,
    /// The entries of other lists it belongs to, by column (a subcategory's `category_id`).
    pub refs: BTreeMap<String, i64>,
}

/// A list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct List {
    pub list: String,
    pub entries: Vec<ListEntry>,
}

/// A list of values
///
/// The entries of one of the lists a ticket's fields take their values from: `states`,
/// `priorities`, `criticalities`, `types`, `answer-types`, `categories`, `subcategories`,
/// `places`, `services`, `agencies`.
#[utoipa::path(
    get,
    path = "/api/v1/lists/{list}",
    tag = "lists",
    params(("list" = String, Path, description = "The list's name")),
    responses(
        (status = 200, description = "The list", body = List),
        (status = 401, description = "No valid token", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such list", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn show(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(code): Path<String>,
) -> Result<Json<List>, WebError> {
    let def = OFFERED
        .contains(&code.as_str())
        .then(|| lists::find(&code))
        .flatten()
        .ok_or(WebError::NotFound)?;
    let lang = super::auth::lang_of(&caller.actor);
    let loaded = page::list(state.db(), def, Vec::new(), lang).await?;
    let entries = loaded
        .entries
        .iter()
        .map(|e| ListEntry {
            id: e.id,
            name: repo::display_name(def, e, lang),
            disabled: e.disabled,
            refs: def
                .columns
                .iter()
                .zip(&e.values)
                .filter_map(|(col, v)| match (col.kind, v) {
                    (ColumnKind::Ref(_), Value::Int(n)) => {
                        Some((format!("{}_id", col.name.trim_end_matches("_id")), *n))
                    }
                    _ => None,
                })
                .collect(),
        })
        .collect();
    Ok(Json(List {
        list: code,
        entries,
    }))
}
