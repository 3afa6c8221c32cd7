//! `POST /assets/network`: ping or wake the assets selected in the list. A ping answers with
//! a page of results, one line per interface; a wake goes back to the list with a message.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::DomainError;
use crate::domain::assets::AssetId;
use crate::domain::assets::network::{MAX_SELECTED, Which};
use crate::i18n::msg;
use crate::net_tools::{self, WakeError};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::layout;

use super::sheet::{ping_results, wake_failure};

/// The assets ticked in the list (ids that are not numbers are left out; more than
/// [`MAX_SELECTED`] are refused by the use case).
fn selected(form: &FormPairs) -> Vec<AssetId> {
    form.get_all("id")
        .into_iter()
        .take(MAX_SELECTED + 1)
        .filter_map(|v| v.trim().parse::<i64>().ok().map(AssetId))
        .collect()
}

/// A page that says why nothing was done, with a way back to the list.
fn refused(authed: &Authed, status: StatusCode, message: &crate::i18n::Msg) -> Response {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let content = html! {
        div.alert.alert-error role="alert" { (message.render(lang)) }
        p { a.button href=(paths::ASSETS) { (lang.t("asset-back-to-list")) } }
    };
    (
        status,
        layout::page(visitor, &lang.t("asset-network-heading"), content),
    )
        .into_response()
}

/// `POST /assets/network`.
pub async fn selected_action(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let ids = selected(&form);
    if ids.is_empty() {
        return Ok(refused(
            &authed,
            StatusCode::UNPROCESSABLE_ENTITY,
            &msg("asset-none-selected"),
        ));
    }
    let which = Which::Selected(ids);
    match form.get("action") {
        "ping" => {
            let report = match net_tools::ping(state.db(), Some(authed.actor()), which).await {
                Ok(r) => r,
                Err(DomainError::Invalid(errors)) => {
                    let m = errors
                        .get("ids")
                        .cloned()
                        .unwrap_or_else(|| msg("form-has-errors"));
                    return Ok(refused(&authed, StatusCode::UNPROCESSABLE_ENTITY, &m));
                }
                Err(e) => return Err(e.into()),
            };
            let visitor = &authed.visitor;
            let lang = visitor.lang;
            let content = html! {
                (ping_results(lang, &report, true))
                p { a.button href=(paths::ASSETS) { (lang.t("asset-back-to-list")) } }
            };
            Ok(layout::page(visitor, &lang.t("asset-ping-heading"), content).into_response())
        }
        "wake" => match net_tools::wake(state.db(), Some(authed.actor()), which).await {
            Ok(_) => Ok(redirect_with_flash(
                paths::ASSETS,
                Flash::WakeSent,
                authed.visitor.secure,
            )),
            Err(WakeError::Domain(DomainError::Invalid(errors))) => {
                let m = errors
                    .get("ids")
                    .cloned()
                    .unwrap_or_else(|| msg("form-has-errors"));
                Ok(refused(&authed, StatusCode::UNPROCESSABLE_ENTITY, &m))
            }
            Err(WakeError::Domain(e)) => Err(e.into()),
            Err(e) => Ok(refused(&authed, StatusCode::BAD_GATEWAY, &wake_failure(&e))),
        },
        _ => Ok(refused(
            &authed,
            StatusCode::UNPROCESSABLE_ENTITY,
            &msg("asset-network-unknown-action"),
        )),
    }
}
