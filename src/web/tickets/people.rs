//! The person search behind the pickers (the ticket's requester, a manual mail's recipients)
//! when there are too many users to list: `GET /users/choices?q=text` answers the matching
//! active users as JSON.

use axum::Json;
use axum::extract::{Query, State};
use serde::Serialize;

use crate::domain::tickets::options::search_people;
use crate::web::choice_search::{LIMIT, SearchQuery};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::state::AppState;

/// One match.
#[derive(Debug, Serialize)]
pub struct Found {
    value: String,
    label: String,
    /// Login and company, which tell homonyms apart.
    detail: String,
    mail: String,
    phone: String,
}

/// `GET /users/choices?q=`.
pub async fn search(
    State(state): State<AppState>,
    authed: Authed,
    Query(query): Query<SearchQuery>,
) -> Result<Json<Vec<Found>>, WebError> {
    let Some(text) = query.text() else {
        return Ok(Json(Vec::new()));
    };
    let people = search_people(state.db(), authed.actor(), text, LIMIT).await?;
    Ok(Json(
        people
            .into_iter()
            .map(|p| Found {
                value: p.value,
                label: p.label,
                detail: p.detail,
                mail: p.mail,
                phone: p.phone,
            })
            .collect(),
    ))
}
