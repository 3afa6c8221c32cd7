//! Administration > Settings > Network: how this server probes hosts (and, when it may not
//! open raw sockets, how to allow it), "ping every asset now", the settings of the scheduled
//! ping, the probes, Wake-on-LAN and the daily discovery, and the latest pings of every asset.

use std::collections::HashMap;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::FieldErrors;
use crate::domain::assets::discovery;
use crate::domain::assets::network::{self, Run};
use crate::domain::settings::{Section, registry};
use crate::i18n::{Lang, msg};
use crate::net::probe::Method;
use crate::net_tools::{self, Turn};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{Select, csrf_field, form_error};
use crate::web::ui::{layout, net_runs};
use crate::web::visitor::Visitor;

use super::settings::{current_values, field, save_sections_or_reshow, tabs};

const SECTIONS: [(Section, &str); 1] = [(Section::Network, "settings-section-network")];

/// Runs listed.
const RUNS: i64 = 20;

/// What the page says of the probing method, and how to allow raw sockets when they are not.
pub fn method_panel(lang: Lang, method: Method) -> Markup {
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "gestdesk".to_owned());
    html! {
        section.panel #probe-method {
            h2 { (lang.t("net-method-heading")) }
            p {
                strong data-method=(method.code()) { (lang.t(crate::net_tools::method_keys(method.code()).0)) }
            }
            p.hint { (lang.t(crate::net_tools::method_keys(method.code()).1)) }
            @if method != Method::RawIcmp {
                p { (lang.t("net-method-allow")) }
                pre { code { "sudo setcap cap_net_raw+ep " (exe) } }
                p.hint { (lang.t("net-method-allow-service")) }
                pre { code { "AmbientCapabilities=CAP_NET_RAW" } }
            }
        }
    }
}

/// The types and states new assets of a discovery may take.
pub struct Choices {
    pub types: Vec<(String, String)>,
    pub states: Vec<(String, String)>,
}

async fn choices(state: &AppState, lang: Lang) -> Result<Choices, WebError> {
    let (types, states) = discovery::new_asset_choices(state.db(), lang).await?;
    let with_none = |none: String, list: Vec<(i64, String)>| {
        std::iter::once(("0".to_owned(), none))
            .chain(list.into_iter().map(|(id, n)| (id.to_string(), n)))
            .collect()
    };
    Ok(Choices {
        types: with_none(lang.t("net-scan-type-none"), types),
        states: with_none(lang.t("net-scan-state-first"), states),
    })
}

/// The settings of the page: the list entries new assets take as choice lists, the others as
/// the settings page shows them.
fn fieldset(
    visitor: &Visitor,
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    choices: &Choices,
) -> Markup {
    let lang = visitor.lang;
    let (section, title) = SECTIONS[0];
    html! {
        fieldset.form-section.panel {
            legend { (lang.t(title)) }
            @for def in registry::in_section(section) {
                @let value = values.get(def.key).map_or("", String::as_str);
                @let list = match def.key {
                    "net.scan_asset_type" => Some(&choices.types),
                    "net.scan_asset_state" => Some(&choices.states),
                    _ => None,
                };
                @match list {
                    Some(options) => {
                        (Select::one(def.key, msg(def.label), options, &[value.to_owned()]).render(lang, errors))
                        p.hint { (lang.t(def.help)) }
                    }
                    None => { (field(visitor, def, value, errors)) }
                }
            }
        }
    }
}

fn view(
    visitor: &Visitor,
    method: Method,
    runs: &[Run],
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    choices: &Choices,
) -> Markup {
    let lang = visitor.lang;
    let content = html! {
        (tabs(visitor, paths::ADMIN_NETWORK))
        (method_panel(lang, method))
        section.panel {
            h2 { (lang.t("net-ping-all-heading")) }
            p.hint { (lang.t("net-ping-all-help")) }
            form.inline-form method="post" action=(paths::ADMIN_NETWORK_PING_ALL) {
                (csrf_field(visitor))
                button.button.button-primary type="submit" { (lang.t("net-ping-all-now")) }
            }
        }
        (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
        form.stack method="post" action=(paths::ADMIN_NETWORK) novalidate {
            (csrf_field(visitor))
            (fieldset(visitor, values, errors, choices))
            div.form-actions {
                button.button type="submit" { (lang.t("action-save")) }
            }
        }
        (net_runs::panel(lang, &net_runs::Titles {
            id: "network-runs",
            heading: "net-runs-heading",
            none: "net-runs-none",
            discoveries: false,
        }, runs))
    };
    layout::page(visitor, &lang.t("net-settings-title"), content)
}

/// The probing method, found on a blocking thread (it opens and closes a socket).
pub async fn current_method() -> Method {
    tokio::task::spawn_blocking(Method::detect)
        .await
        .unwrap_or(Method::Tcp)
}

/// The page showing `values` and `errors`.
async fn render(
    state: &AppState,
    visitor: &Visitor,
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
) -> Result<Markup, WebError> {
    let runs = network::runs(state.db(), "ping", RUNS).await?;
    let choices = choices(state, visitor.lang).await?;
    Ok(view(
        visitor,
        current_method().await,
        &runs,
        values,
        errors,
        &choices,
    ))
}

/// `GET /admin/network`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    Ok(render(
        &state,
        visitor,
        &current_values(visitor),
        &FieldErrors::new(),
    )
    .await?
    .into_response())
}

/// `POST /admin/network`: saves the settings.
pub async fn save(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let (st, visitor) = (&state, &authed.visitor);
    save_sections_or_reshow(
        st,
        &authed,
        &form,
        &SECTIONS,
        paths::ADMIN_NETWORK,
        |map, errors| async move { render(st, visitor, &map, &errors).await },
    )
    .await
}

/// `POST /admin/network/ping-all`: starts a ping of every asset in the background (pages stay
/// fast meanwhile); the run appears in the list when done.
pub async fn ping_all(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let Some(turn) = Turn::take(state.db()) else {
        return Ok(redirect_with_flash(
            paths::ADMIN_NETWORK,
            Flash::PingAllRunning,
            visitor.secure,
        ));
    };
    let db = state.db().clone();
    let actor = authed.actor().clone();
    tokio::spawn(async move {
        match net_tools::ping_every(&db, &turn, Some(&actor)).await {
            Ok(r) => tracing::info!(
                "ping of every asset asked by {}: {} of {} interfaces answered in {:.1} s",
                actor.user.login,
                r.answered(),
                r.results.len(),
                r.took.as_secs_f64()
            ),
            Err(e) => tracing::warn!("ping of every asset failed: {e}"),
        }
    });
    Ok(redirect_with_flash(
        paths::ADMIN_NETWORK,
        Flash::PingAllStarted,
        visitor.secure,
    ))
}
