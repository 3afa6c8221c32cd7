//! `GET /assets/models/{id}/picture`: a model's picture, for those who see assets, served as
//! the picture its bytes say it is (never sniffed), cached under its versioned address.

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::response::{IntoResponse, Response};

use crate::domain::assets::pictures;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::state::AppState;

/// `GET /assets/models/{id}/picture`.
pub async fn serve(
    State(state): State<AppState>,
    authed: Authed,
    Path(model): Path<i64>,
) -> Result<Response, WebError> {
    let dir = state.app().config().data_dir().to_owned();
    let (bytes, kind) = pictures::read(state.db(), &dir, authed.actor(), model).await?;
    Ok((
        [
            (CONTENT_TYPE, kind.mime()),
            (X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (CACHE_CONTROL, "private, max-age=86400"),
        ],
        bytes,
    )
        .into_response())
}
