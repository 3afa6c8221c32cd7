//! `GET /calendar`: the calendar of one technician or of all, by day, week or month, with the
//! signed-in user's feed below; a move it refused comes back on the same page.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::calendar::{self, Shown, View};
use crate::domain::ids::InterventionId;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::state::AppState;
use crate::web::ui::layout;
use crate::web::worklist::query_pairs;

use super::view::{self, Refusal};

/// The calendar page, with `refusal` shown on the entry it concerns.
pub(super) async fn render(
    state: &AppState,
    authed: &Authed,
    raw: Option<&str>,
    refusal: Option<Refusal>,
    direct: Option<super::interventions::Direct>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let pairs = query_pairs(raw);
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.as_str())
    };
    let actor = authed.actor();
    let view_kind = View::from_code(get("view"));
    let date = get("date").parse().ok();
    let shown = Shown::parse(get("tech"), actor);
    let moved = get("moved").parse().ok().map(InterventionId);
    let page = calendar::page(state.db(), actor, lang, view_kind, date, shown, moved).await?;
    let status = if refusal.is_some() || direct.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let content = html! {
        @if page.may_plan_directly {
            (super::interventions::direct_form(visitor, &page.technicians, direct.as_ref()))
        }
        (view::calendar(visitor, &page, refusal.as_ref()))
        (super::feed::panel(visitor, page.feed))
    };
    Ok((
        status,
        layout::page(visitor, &lang.t("calendar-title"), content),
    )
        .into_response())
}

/// `GET /calendar`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    render(&state, &authed, raw.as_deref(), None, None).await
}
