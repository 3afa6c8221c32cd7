//! Administration > Rights: the matrix of the 195 rights against the five profiles. One click
//! on a cell flips a grant (green granted, red denied); a filter narrows the rows by name or
//! description. A change applies to the next request of every user of that profile.
//!
//! A change of an administration right (`admin`, `admin_*`) is asked to be confirmed first; a
//! change that would leave no enabled account able to administer is refused. Every change is
//! logged with who made it and the state before and after, and the latest are listed below the
//! matrix.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

use crate::domain::DomainError;
use crate::domain::profiles::Profile;
use crate::domain::rights::{self, MatrixRow, Toggled, names};
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::csrf_field;
use crate::web::ui::layout;

#[derive(Debug, Default, Deserialize)]
pub struct MatrixQuery {
    #[serde(default)]
    q: String,
}

/// The translation key describing right `name`.
fn description_key(name: &str) -> String {
    format!("right-{}", name.replace('_', "-"))
}

/// What the matrix page shows above the matrix after a click.
enum Notice {
    /// A dangerous change waiting for its confirmation: the right, the profile, and whether it
    /// would be granted.
    Confirm(String, Profile, bool),
    /// A refused change, and why.
    Refused(crate::i18n::Msg),
}

/// `GET /admin/rights`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    Query(query): Query<MatrixQuery>,
) -> Result<Response, WebError> {
    matrix_page(&state, &authed, &query.q, None).await
}

async fn matrix_page(
    state: &AppState,
    authed: &Authed,
    q: &str,
    notice: Option<Notice>,
) -> Result<Response, WebError> {
    let query = MatrixQuery { q: q.to_owned() };
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let (rows, changes): (Vec<MatrixRow>, Vec<rights::Change>) =
        rights::matrix_page(state.db(), 20).await?;
    let filter = query.q.trim().to_lowercase();
    let described: Vec<(MatrixRow, String)> = rows
        .into_iter()
        .map(|r| {
            let d = lang.t(&description_key(&r.name));
            (r, d)
        })
        .filter(|(r, d)| {
            filter.is_empty()
                || r.name.to_lowercase().contains(&filter)
                || d.to_lowercase().contains(&filter)
        })
        .collect();
    let content = html! {
        @match &notice {
            Some(Notice::Confirm(right, profile, granting)) => {
                div.alert.alert-warning #confirm-right role="alert" {
                    p {
                        (lang.t_args(if *granting { "rights-confirm-grant" } else { "rights-confirm-revoke" }, &[
                            ("right", right),
                            ("profile", &profile.name().render(lang)),
                        ]))
                    }
                    @if right == names::ADMIN.name() && !*granting {
                        p { (lang.t("rights-confirm-admin")) }
                    }
                    form.inline-form method="post" action=(paths::ADMIN_RIGHTS_TOGGLE) {
                        (csrf_field(visitor))
                        input type="hidden" name="right" value=(right);
                        input type="hidden" name="profile" value=(profile.id());
                        input type="hidden" name="q" value=(query.q);
                        input type="hidden" name="confirm" value="1";
                        button.button.button-danger type="submit" { (lang.t("rights-confirm-submit")) }
                    }
                    " "
                    a.button href=(paths::ADMIN_RIGHTS) { (lang.t("action-cancel")) }
                }
            }
            Some(Notice::Refused(why)) => {
                div.alert.alert-error role="alert" { (why.render(lang)) }
            }
            None => {}
        }
        p.hint { (lang.t("rights-help")) }
        form.search-form method="get" action=(paths::ADMIN_RIGHTS) role="search" {
            label.search-label for="rights-filter" { (lang.t("rights-filter")) }
            input #rights-filter type="search" name="q" value=(query.q)
                data-filter-rows="#rights-table tbody tr";
            button.button type="submit" { (lang.t("search-submit")) }
        }
        // The matrix scrolls inside its own box; its header row and first column stay in sight.
        div.table-wrap.rights-scroll #rights-scroll {
            table.data-table.rights-table #rights-table
                data-granted=(lang.t("rights-granted")) data-denied=(lang.t("rights-denied")) {
                thead {
                    tr {
                        th scope="col" { (lang.t("rights-col-name")) }
                        th scope="col" { (lang.t("rights-col-description")) }
                        @for p in Profile::ALL {
                            th.col-profile scope="col" { (p.name().render(lang)) }
                        }
                    }
                }
                tbody {
                    @for (row, description) in &described {
                        tr #(format!("right-{}", row.name)) data-filter-text=(format!("{} {}", row.name, description.to_lowercase())) {
                            th scope="row" { code { (row.name) } }
                            td {
                                (description)
                                @if let Some(why) = rights::pending::pending(&row.name) {
                                    " " span.badge.pending-badge { (lang.t(why.message_key())) }
                                }
                            }
                            @for (i, p) in Profile::ALL.iter().enumerate() {
                                @let granted = row.granted[i];
                                td.cell-toggle {
                                    form method="post" action=(paths::ADMIN_RIGHTS_TOGGLE) data-toggle-right {
                                        (csrf_field(visitor))
                                        input type="hidden" name="right" value=(row.name);
                                        input type="hidden" name="profile" value=(p.id());
                                        input type="hidden" name="q" value=(query.q);
                                        button.grant.granted[granted].denied[!granted] type="submit"
                                            aria-pressed=(if granted { "true" } else { "false" })
                                            title=(format!("{} · {}", row.name, p.name().render(lang))) {
                                            span.visually-hidden {
                                                (row.name) " · " (p.name().render(lang)) ": "
                                            }
                                            span.state-text {
                                                (if granted { lang.t("rights-granted") } else { lang.t("rights-denied") })
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
        section.panel #rights-history {
            h2 { (lang.t("rights-history")) }
            @if changes.is_empty() {
                p.muted { (lang.t("rights-history-none")) }
            } @else {
                ul.item-list {
                    @for c in &changes {
                        li {
                            strong { (crate::i18n::format_datetime(lang, c.at)) } " "
                            span.muted { (c.by) } " "
                            code { (c.what) }
                        }
                    }
                }
            }
        }
    };
    let status = match notice {
        Some(Notice::Refused(_)) => StatusCode::CONFLICT,
        _ => StatusCode::OK,
    };
    Ok((
        status,
        layout::page(visitor, &lang.t("rights-title"), content),
    )
        .into_response())
}

/// `POST /admin/rights/toggle`: flips one grant. Scripts get JSON (`{"granted": bool}`), or a
/// 409 when the change needs a confirmation or is refused (the script then sends the form
/// itself); a plain form gets the matrix again, scrolled to the row, or the confirmation.
pub async fn toggle(
    State(state): State<AppState>,
    authed: Authed,
    headers: HeaderMap,
    form: FormPairs,
) -> Result<Response, WebError> {
    let right = form.get("right").to_owned();
    let Some(profile) = form
        .get("profile")
        .parse::<i64>()
        .ok()
        .and_then(Profile::from_id)
    else {
        return Err(WebError::BadRequest);
    };
    let confirmed = form.get("confirm") == "1";
    let wants_json = headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"));
    let q = form.get("q").to_owned();
    let outcome = rights::toggle(
        state.db(),
        profile,
        right.clone(),
        confirmed,
        authed.session.actor.user.clone(),
        authed.visitor.ip.clone(),
    )
    .await;
    let notice = match outcome {
        Ok(Toggled::Done(granted)) => {
            state.hub().sessions_changed();
            if wants_json {
                return Ok((
                    StatusCode::OK,
                    axum::Json(serde_json::json!({
                        "right": right, "profile": profile.id(), "granted": granted
                    })),
                )
                    .into_response());
            }
            let query = if q.is_empty() {
                String::new()
            } else {
                format!(
                    "?{}",
                    serde_urlencoded::to_string([("q", &q)]).unwrap_or_default()
                )
            };
            return Ok(
                Redirect::to(&format!("{}{query}#right-{right}", paths::ADMIN_RIGHTS))
                    .into_response(),
            );
        }
        Ok(Toggled::NeedsConfirmation(granting)) => {
            Notice::Confirm(right.clone(), profile, granting)
        }
        Err(DomainError::Conflict(why)) => Notice::Refused(why),
        Err(DomainError::NotFound) => return Err(WebError::BadRequest),
        Err(e) => return Err(e.into()),
    };
    if wants_json {
        return Ok((
            StatusCode::CONFLICT,
            axum::Json(serde_json::json!({ "right": right, "profile": profile.id() })),
        )
            .into_response());
    }
    matrix_page(&state, &authed, &q, Some(notice)).await
}
