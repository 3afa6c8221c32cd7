//! Administration > System: version, data directory, database and addresses.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::system;
use crate::i18n::{format_bytes, format_datetime};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::state::AppState;
use crate::web::ui::{facts, layout};

/// The handler.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let path = state.db().path().to_owned();
    let facts = state
        .db()
        .read(move |c| system::database_facts(c, &path))
        .await?;
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
    let content = html! {
        (facts::panel(&rows))
        section.panel {
            h2 { (lang.t("system-addresses")) }
            ul.address-list {
                @for url in state.urls() {
                    li { code { (url) } }
                }
            }
        }
    };
    Ok(layout::page(visitor, &lang.t("system-title"), content).into_response())
}
