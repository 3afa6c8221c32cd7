//! `GET /assets/choices?q=text`: the assets matching what is typed in a ticket's asset field
//! when there are too many to list, as JSON (the same shape as the person search).

use axum::Json;
use axum::extract::{Query, State};
use serde::Serialize;

use crate::domain::assets::use_cases;
use crate::web::choice_search::{LIMIT, SearchQuery};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::state::AppState;

/// One match.
#[derive(Debug, Serialize)]
pub struct Found {
    value: String,
    label: String,
    detail: String,
}

/// `GET /assets/choices?q=`.
pub async fn search(
    State(state): State<AppState>,
    authed: Authed,
    Query(query): Query<SearchQuery>,
) -> Result<Json<Vec<Found>>, WebError> {
    let Some(text) = query.text() else {
        return Ok(Json(Vec::new()));
    };
    let found = use_cases::pick(state.db(), authed.actor(), text, LIMIT).await?;
    Ok(Json(
        found
            .into_iter()
            .map(|c| Found {
                value: c.id.to_string(),
                label: c.name,
                detail: c.detail,
            })
            .collect(),
    ))
}
