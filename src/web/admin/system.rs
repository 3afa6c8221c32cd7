//! Administration > System: version, data directory, database and addresses, how the network
//! tools probe hosts (and how to let them send real pings), and the addresses throttled after
//! too many failed logins (with a button that lifts each).

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::auth::{self};
use crate::domain::system;
use crate::i18n::{format_bytes, format_datetime};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::csrf_field;
use crate::web::ui::{facts, layout};

/// The handler.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let (facts, throttled) = system::overview(state.db()).await?;
    let config = state.app().config();
    let rows: Vec<(String, String)> = vec![
        (lang.t("system-version"), crate::VERSION.to_owned()),
        (
            lang.t("system-data-dir"),
            config.data_dir().display().to_string(),
        ),
        (
            lang.t("system-database"),
            config.database_path().display().to_string(),
        ),
        (
            lang.t("system-database-size"),
            format_bytes(lang, facts.size_bytes),
        ),
        (
            lang.t("system-schema"),
            lang.t_args(
                "system-schema-value",
                &[
                    ("current", &facts.schema_version.to_string()),
                    ("latest", &facts.latest_schema_version.to_string()),
                ],
            ),
        ),
        (lang.t("system-users"), facts.users.to_string()),
        (lang.t("system-tickets"), facts.tickets.to_string()),
        (
            lang.t("system-started"),
            format_datetime(lang, state.app().started_at().as_second()),
        ),
    ];
    let method = super::network::current_method().await;
    let content = html! {
        (facts::panel(&rows))
        (super::network::method_panel(lang, method))
        section.panel {
            h2 { (lang.t("system-addresses")) }
            ul.address-list {
                @for url in state.urls() {
                    li { code { (url) } }
                }
            }
        }
        section.panel #throttled {
            h2 { (lang.t("system-throttled")) }
            p.hint { (lang.t("system-throttled-help")) }
            @if throttled.is_empty() {
                p.muted { (lang.t("system-throttled-none")) }
            } @else {
                ul.item-list {
                    @for t in &throttled {
                        li {
                            code { (t.ip) } " "
                            span.muted { (lang.t_args("system-throttled-until", &[
                                ("failures", &t.failures.to_string()),
                                ("until", &format_datetime(lang, t.until)),
                            ])) }
                            form.inline-form method="post" action=(paths::ADMIN_THROTTLE_CLEAR) {
                                (csrf_field(visitor))
                                input type="hidden" name="ip" value=(t.ip);
                                button.button.button-small type="submit" { (lang.t("system-throttled-lift")) }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(visitor, &lang.t("system-title"), content).into_response())
}

/// `POST /admin/system/throttle/clear`: lifts the throttle of one address (its failed logins
/// are forgotten).
pub async fn clear_throttle(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let ip = form.get("ip").trim().to_owned();
    if ip.is_empty() || ip.len() > 64 {
        return Err(WebError::BadRequest);
    }
    auth::lift_address(
        state.db(),
        ip,
        authed.session.actor.user.clone(),
        authed.visitor.ip.clone(),
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("{}#throttled", paths::ADMIN_SYSTEM),
        Flash::Saved,
        authed.visitor.secure,
    ))
}
