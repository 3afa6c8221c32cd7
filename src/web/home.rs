//! The home page: for a logged-in user, the ticket list they land on (their default view);
//! before set-up, directions to the set-up link; otherwise the way to the login page.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use super::error::WebError;
use super::extract::Page;
use super::paths;
use super::state::AppState;
use super::ui::layout;

/// The handler.
pub async fn page(
    State(state): State<AppState>,
    Page(visitor): Page,
) -> Result<Response, WebError> {
    let lang = visitor.lang;
    if visitor.user().is_none() {
        let Some(path) = state.pending_setup().await? else {
            return Ok(Redirect::to(paths::LOGIN).into_response());
        };
        // On this machine (the admin console, the desktop window) the set-up form opens
        // directly; a LAN visitor is only told where to find the link, so that nobody else on
        // the network can claim the instance.
        if visitor.from_loopback {
            return Ok(Redirect::to(&path).into_response());
        }
        let content = html! {
            p.lead { (lang.t("setup-needed-intro")) }
            p { (lang.t("setup-needed-remote")) }
        };
        return Ok(
            layout::card_page(&visitor, &lang.t("setup-needed-title"), content).into_response(),
        );
    }
    let reader = visitor.reader.clone().ok_or(WebError::Forbidden)?;
    let query = super::worklist::ListQuery::read(&[], &reader);
    super::worklist::render_list(&state, &visitor, reader, query).await
}
