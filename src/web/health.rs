//! `GET /healthz`: is the server up and does the database answer.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Serialize;

use super::state::AppState;

#[derive(Serialize)]
struct Health {
    status: &'static str,
    version: &'static str,
    database: &'static str,
}

/// The handler.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let db = state.db().clone();
    let ok = matches!(
        tokio::task::spawn_blocking(move || db.ping_blocking()).await,
        Ok(Ok(()))
    );
    let (status, code) = if ok {
        ("ok", StatusCode::OK)
    } else {
        ("error", StatusCode::SERVICE_UNAVAILABLE)
    };
    (
        code,
        Json(Health {
            status,
            version: crate::VERSION,
            database: if ok { "ok" } else { "error" },
        }),
    )
}
