//! `GET /assets/free-ip` (the "asset_ip" switch): pick a declared network, get its first free
//! addresses and every address in use in it with its asset.

use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::assets::free_ip;
use crate::domain::settings::FUNCTION_ASSET_IP;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::list_query::pairs;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::layout;

/// Free addresses shown at once.
const FREE_SHOWN: usize = 20;

/// `GET /assets/free-ip?network=<id>`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let visitor = authed.visitor.clone();
    if !visitor.settings.flag(FUNCTION_ASSET_IP) {
        return Err(WebError::NotFound);
    }
    let lang = visitor.lang;
    let networks = free_ip::networks(state.db()).await?;
    let chosen = pairs(raw.as_deref())
        .into_iter()
        .find(|(k, _)| k == "network")
        .and_then(|(_, v)| v.parse::<i64>().ok())
        .filter(|id| networks.iter().any(|n| n.id == *id));
    let found = match chosen {
        Some(id) => Some(free_ip::search(state.db(), authed.actor(), id, FREE_SHOWN).await?),
        None => None,
    };
    let content = html! {
        @if networks.is_empty() {
            p.muted { (lang.t("asset-free-ip-no-network")) }
        } @else {
            form.search-form method="get" action=(paths::ASSETS_FREE_IP) {
                label for="free-ip-network" { (lang.t("asset-free-ip-network")) }
                select #free-ip-network name="network" {
                    @for n in &networks {
                        option value=(n.id) selected[chosen == Some(n.id)] { (n.name) " (" (n.cidr) ")" }
                    }
                }
                button.button.button-primary type="submit" { (lang.t("asset-free-ip-search")) }
            }
        }
        @if let Some(found) = &found {
            section.panel #free-ips {
                h2 { (lang.t_args("asset-free-ip-free", &[("count", &found.free.len().to_string()), ("hosts", &found.hosts.to_string())])) }
                @if found.free.is_empty() {
                    p.muted { (lang.t("asset-free-ip-none")) }
                } @else {
                    ul.inline-list {
                        @for ip in &found.free { li { code { (ip) } } }
                    }
                }
            }
            section.panel #used-ips {
                h2 { (lang.t("asset-free-ip-used")) }
                @if found.used.is_empty() {
                    p.muted { (lang.t("asset-free-ip-none-used")) }
                } @else {
                    div.table-wrap {
                        table.data-table {
                            thead { tr {
                                th scope="col" { (lang.t("asset-iface-ip")) }
                                th scope="col" { (lang.t("asset-field-name")) }
                                th scope="col" { (lang.t("asset-free-ip-reserved")) }
                            } }
                            tbody {
                                @for u in &found.used {
                                    tr {
                                        td { code { (u.ip) } }
                                        td { a href=(fill(paths::ASSET, &[&u.asset])) { (u.name) } }
                                        td { (lang.t(if u.reserved { "asset-yes" } else { "asset-no" })) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(&visitor, &lang.t("asset-free-ip-heading"), content).into_response())
}
