//! `GET /assets/discovery`: network discovery (the `asset_net_scan` right): the networks
//! flagged for it, a dry run that lists what would change, the real run in the background with
//! its progress and a stop button, and the log of past runs.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::DomainError;
use crate::domain::assets::discovery::{self, Change, Network, Outcome};
use crate::domain::assets::network::{self, Run};
use crate::i18n::Lang;
use crate::net_tools::{self, Running};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::action_button;
use crate::web::ui::{layout, net_runs};
use crate::web::visitor::Visitor;

/// Runs listed in the log.
const LOG: i64 = 30;

fn change_line(lang: Lang, c: &Change) -> Markup {
    html! {
        @match c {
            Change::Create { name, ip, mac, netbios } => {
                li data-change="create" {
                    (lang.t_args("net-scan-would-create", &[("name", name), ("ip", &ip.to_string())]))
                    @if let Some(m) = mac { " · " code { (m) } }
                    @if let Some(n) = netbios { " · " (n) }
                }
            }
            Change::Fill { asset, asset_name, field, value, .. } => {
                li data-change="fill" {
                    a href=(fill(paths::ASSET, &[asset])) { (asset_name) } ": "
                    (lang.t(match *field {
                        "ip" => "asset-iface-ip",
                        "mac" => "asset-iface-mac",
                        _ => "asset-iface-netbios",
                    }))
                    " → " code { (value) }
                }
            }
        }
    }
}

fn outcome_panel(lang: Lang, o: &Outcome) -> Markup {
    let (created, filled) = o.counts();
    html! {
        section.panel #scan-outcome {
            h2 {
                (lang.t(if o.dry_run { "net-scan-dry-run-heading" } else { "net-scan-done-heading" }))
                " · " (o.network)
            }
            p {
                (lang.t_args("net-scan-summary", &[
                    ("answered", &o.answered.to_string()),
                    ("probed", &o.probed.to_string()),
                    ("created", &created.to_string()),
                    ("filled", &filled.to_string()),
                ]))
            }
            @if o.changes.is_empty() {
                p.muted { (lang.t("net-scan-no-change")) }
            } @else {
                ul #scan-changes { @for c in &o.changes { (change_line(lang, c)) } }
            }
        }
    }
}

fn view(
    visitor: &Visitor,
    networks: &[Network],
    running: &[Running],
    runs: &[Run],
    outcome: Option<&Outcome>,
    refused: Option<&crate::i18n::Msg>,
) -> Markup {
    let lang = visitor.lang;
    html! {
        @if let Some(m) = refused {
            div.alert.alert-error role="alert" { (m.render(lang)) }
        }
        @if let Some(o) = outcome { (outcome_panel(lang, o)) }
        @if !running.is_empty() {
            section.panel #scans-running {
                h2 { (lang.t("net-scan-running")) }
                // Reloads itself while scans run, for those without scripts too.
                meta http-equiv="refresh" content="3";
                ul {
                    @for r in running {
                        @let (done, total) = r.progress.counts();
                        li {
                            strong { (r.network) } " · "
                            @if r.dry_run { (lang.t("net-scan-dry-run")) " · " }
                            @if r.waiting.load(std::sync::atomic::Ordering::Relaxed) {
                                (lang.t("net-scan-waiting"))
                            } @else {
                                (lang.t_args("net-scan-progress", &[("done", &done.to_string()), ("total", &total.to_string())]))
                                " " progress value=(done) max=(total.max(1)) {}
                            }
                            " "
                            (action_button(visitor, &fill(paths::ASSETS_DISCOVERY_STOP, &[&r.network_id]), &lang.t("net-scan-stop"), "button-danger", None))
                        }
                    }
                }
            }
        }
        section.panel #scan-networks {
            h2 { (lang.t("net-scan-networks")) }
            p.hint { (lang.t("net-scan-help")) }
            @if networks.is_empty() {
                p.muted { (lang.t("net-scan-no-network")) }
            } @else {
                div.table-wrap {
                    table.data-table {
                        thead { tr {
                            th scope="col" { (lang.t("net-scan-network")) }
                            th scope="col" { (lang.t("net-scan-addresses")) }
                            th scope="col" { span.visually-hidden { (lang.t("net-scan-actions")) } }
                        } }
                        tbody {
                            @for n in networks {
                                tr data-network=(n.id) {
                                    td { (n.name) }
                                    td { code { (n.cidr) } }
                                    td {
                                        @if let Some(why) = &n.refused {
                                            span.field-error { (why.render(lang)) }
                                        } @else {
                                            div.list-actions {
                                                (action_button(visitor, &fill(paths::ASSETS_DISCOVERY_DRY_RUN, &[&n.id]), &lang.t("net-scan-dry-run-button"), "", None))
                                                (action_button(visitor, &fill(paths::ASSETS_DISCOVERY_RUN, &[&n.id]), &lang.t("net-scan-run-button"), "button-primary", None))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        (net_runs::panel(lang, &net_runs::Titles {
            id: "scan-log",
            heading: "net-scan-log",
            none: "net-scan-log-none",
            discoveries: true,
        }, runs))
    }
}

async fn render(
    state: &AppState,
    authed: &Authed,
    status: StatusCode,
    outcome: Option<&Outcome>,
    refused: Option<&crate::i18n::Msg>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let networks = discovery::networks(state.db(), Some(authed.actor()), None).await?;
    let runs = network::runs(state.db(), "scan", LOG).await?;
    let running = net_tools::running(state.db());
    let content = view(visitor, &networks, &running, &runs, outcome, refused);
    Ok((
        status,
        layout::page(visitor, &visitor.lang.t("net-scan-title"), content),
    )
        .into_response())
}

/// `GET /assets/discovery`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    render(&state, &authed, StatusCode::OK, None, None).await
}

/// The flagged network `id`, as `authed` may scan it.
async fn network_of(state: &AppState, authed: &Authed, id: i64) -> Result<Network, WebError> {
    let found = discovery::networks(state.db(), Some(authed.actor()), Some(id.to_string())).await?;
    found.into_iter().next().ok_or(WebError::NotFound)
}

/// `POST /assets/discovery/{id}/dry-run`: what a discovery of network `id` would change,
/// changing nothing.
pub async fn dry_run(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let network = network_of(&state, &authed, id).await?;
    match net_tools::discover(state.db(), Some(authed.actor()), network, true).await {
        Ok(outcome) => render(&state, &authed, StatusCode::OK, Some(&outcome), None).await,
        Err(DomainError::Invalid(errors)) => {
            let m = errors.get("network").cloned();
            render(
                &state,
                &authed,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                m.as_ref(),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /assets/discovery/{id}/run`: starts the discovery of network `id` in the background
/// (pages stay fast meanwhile); its progress shows on the page, its run in the log.
pub async fn run(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let network = network_of(&state, &authed, id).await?;
    if let Some(why) = &network.refused {
        return render(
            &state,
            &authed,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            Some(why),
        )
        .await;
    }
    let name = network.name.clone();
    let login = authed.actor().user.login.clone();
    let running = net_tools::start(state.db().clone(), Some(authed.actor().clone()), network)?;
    tokio::spawn(async move {
        match running.await {
            Ok(Ok(o)) => {
                let (created, filled) = o.counts();
                tracing::info!(
                    "discovery of {name} asked by {login}: {} of {} addresses answered, {created} asset(s) created, {filled} field(s) filled",
                    o.answered,
                    o.probed
                );
            }
            Ok(Err(e)) => tracing::warn!("discovery of {name} failed: {e}"),
            Err(e) => tracing::warn!("discovery of {name} stopped: {e}"),
        }
    });
    Ok(redirect_with_flash(
        paths::ASSETS_DISCOVERY,
        Flash::ScanStarted,
        authed.visitor.secure,
    ))
}

/// `POST /assets/discovery/{id}/stop`: stops the scans of network `id` (what they found so
/// far is kept).
pub async fn stop(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    // The same right as starting one: the network must be one this visitor may scan.
    network_of(&state, &authed, id).await?;
    net_tools::stop(state.db(), id);
    Ok(redirect_with_flash(
        paths::ASSETS_DISCOVERY,
        Flash::ScanStopped,
        authed.visitor.secure,
    ))
}
