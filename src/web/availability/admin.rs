//! Administration > Availability: whether every subcategory is monitored, whether
//! dependencies count, the condition that makes a ticket an unavailability (a criticality or a
//! type, from the lists), the monitored categories and subcategories, the dependencies, and the
//! yearly targets. Each list is changed by its own small form; a refused one comes back with a
//! message.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::availability::{self, Config, List, Scope};
use crate::domain::settings::Section;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Msg, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{Select, action_button, action_button_with, csrf_field};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

use crate::web::admin::settings::{
    current_values, refused_choice, save_sections_or_reshow, section_form,
};

const SECTIONS: [(Section, &str); 1] = [(Section::Availability, "settings-section-availability")];

/// A list's form that was refused: which list, and why.
type Refused = Option<(&'static str, Msg)>;

/// The anchor, heading, entries and actions of a list.
fn parts(
    config: &Config,
    which: List,
) -> (
    &'static str,
    &'static str,
    &[Scope],
    &'static str,
    &'static str,
) {
    match which {
        List::Monitored => (
            "monitored",
            "availability-monitored",
            &config.monitored,
            paths::ADMIN_AVAILABILITY_MONITORED,
            paths::ADMIN_AVAILABILITY_MONITORED_DELETE,
        ),
        List::Dependencies => (
            "dependencies",
            "availability-dependencies",
            &config.dependencies,
            paths::ADMIN_AVAILABILITY_DEPENDENCIES,
            paths::ADMIN_AVAILABILITY_DEPENDENCY_DELETE,
        ),
    }
}

fn scope_list(visitor: &Visitor, config: &Config, which: List, refused: &Refused) -> Markup {
    let lang = visitor.lang;
    let (id, heading, list, add, delete) = parts(config, which);
    let categories: Vec<(String, String)> = config
        .categories
        .iter()
        .map(|(i, n)| (i.to_string(), n.clone()))
        .collect();
    let mut subs: Vec<(String, String)> =
        vec![(String::new(), lang.t("availability-whole-category"))];
    subs.extend(
        config
            .subcategories
            .iter()
            .map(|(i, _, n)| (i.to_string(), n.clone())),
    );
    let no_errors = FieldErrors::new();
    html! {
        section.panel id=(id) {
            h2 { (lang.t(heading)) }
            @if list.is_empty() {
                p.muted { (lang.t("availability-list-empty")) }
            } @else {
                ul.item-list {
                    @for s in list {
                        li {
                            span { (s.label) }
                            (action_button(visitor, &fill(delete, &[&s.id]), &lang.t("action-remove"), "", None))
                        }
                    }
                }
            }
            @if let Some((list_id, m)) = refused {
                @if *list_id == id { div.alert.alert-error role="alert" { (m.render(lang)) } }
            }
            form.inline-add method="post" action=(add) novalidate {
                (csrf_field(visitor))
                (Select::one("category", msg("availability-category"), &categories, &[]).render(lang, &no_errors))
                (Select::one("subcategory", msg("availability-subcategory"), &subs, &[]).render(lang, &no_errors))
                button.button type="submit" { (lang.t("action-add")) }
            }
        }
    }
}

fn view(
    visitor: &Visitor,
    config: &Config,
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    refused: &Refused,
) -> Markup {
    let lang = visitor.lang;
    let subs: Vec<(String, String)> = config
        .subcategories
        .iter()
        .map(|(i, _, n)| (i.to_string(), n.clone()))
        .collect();
    let no_errors = FieldErrors::new();
    let content = html! {
        p { a href=(paths::AVAILABILITY) { (lang.t("availability-title")) } }
        (section_form(visitor, paths::ADMIN_AVAILABILITY, SECTIONS[0], values, errors, "availability_condition", &config.conditions))
        (scope_list(visitor, config, List::Monitored, refused))
        (scope_list(visitor, config, List::Dependencies, refused))
        section.panel #targets {
            h2 { (lang.t("availability-targets")) }
            @if config.targets.is_empty() {
                p.muted { (lang.t("availability-list-empty")) }
            } @else {
                table.data-table {
                    thead { tr {
                        th scope="col" { (lang.t("availability-service")) }
                        th scope="col" { (lang.t("availability-year")) }
                        th scope="col" { (lang.t("availability-target")) }
                        th scope="col" { span.visually-hidden { (lang.t("action-remove")) } }
                    } }
                    tbody {
                        @for t in &config.targets {
                            tr {
                                td { (t.label) }
                                td { (t.year) }
                                td.number { (super::chart::percent(lang, t.target)) }
                                td { (action_button_with(visitor, paths::ADMIN_AVAILABILITY_TARGET_DELETE,
                                    &[("subcategory", &t.subcategory_id.to_string()), ("year", &t.year.to_string())],
                                    &lang.t("action-remove"), "", None)) }
                            }
                        }
                    }
                }
            }
            @if let Some(("targets", m)) = refused {
                div.alert.alert-error role="alert" { (m.render(lang)) }
            }
            form.inline-add method="post" action=(paths::ADMIN_AVAILABILITY_TARGETS) novalidate {
                (csrf_field(visitor))
                (Select::one("subcategory", msg("availability-subcategory"), &subs, &[]).render(lang, &no_errors))
                div.field {
                    label for="f-year" { (lang.t("availability-year")) }
                    input #f-year type="number" name="year" min="2000" max="2200"
                        value=(crate::domain::calendar::period::date_of(crate::domain::clock::now()).year());
                }
                div.field {
                    label for="f-target" { (lang.t("availability-target-percent")) }
                    input #f-target type="text" inputmode="decimal" name="target" value="99.5";
                }
                button.button type="submit" { (lang.t("availability-set-target")) }
            }
        }
    };
    layout::page(visitor, &lang.t("availability-settings-title"), content)
}

async fn render(
    state: &AppState,
    visitor: &Visitor,
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    refused: &Refused,
) -> Result<Markup, WebError> {
    let config = availability::config(state.db(), visitor.lang).await?;
    Ok(view(visitor, &config, values, errors, refused))
}

/// `GET /admin/availability`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    Ok(render(
        &state,
        visitor,
        &current_values(visitor),
        &FieldErrors::new(),
        &None,
    )
    .await?
    .into_response())
}

/// `POST /admin/availability`: the settings; a condition not among the offered ones is refused
/// (a form without the field keeps the stored one).
pub async fn save(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let (st, visitor) = (&state, &authed.visitor);
    let config = availability::config(st.db(), visitor.lang).await?;
    if let Some((values, errors)) = refused_choice(
        visitor,
        &form,
        Section::Availability,
        ("availability_condition", &config.conditions),
        msg("availability-error-condition"),
    ) {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            view(visitor, &config, &values, &errors, &None),
        )
            .into_response());
    }
    save_sections_or_reshow(
        st,
        &authed,
        &form,
        &SECTIONS,
        paths::ADMIN_AVAILABILITY,
        |map, errors| async move { render(st, visitor, &map, &errors, &None).await },
    )
    .await
}

/// The page again with list `list`'s refusal, or the error as usual.
async fn refused(
    state: &AppState,
    authed: &Authed,
    list: &'static str,
    e: DomainError,
) -> Result<Response, WebError> {
    let m = match e {
        DomainError::Conflict(m) => m,
        DomainError::Invalid(errors) => match errors.first() {
            Some(m) => m.clone(),
            None => msg("form-has-errors"),
        },
        e => return Err(e.into()),
    };
    let visitor = &authed.visitor;
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        render(
            state,
            visitor,
            &current_values(visitor),
            &FieldErrors::new(),
            &Some((list, m)),
        )
        .await?,
    )
        .into_response())
}

fn back(authed: &Authed, anchor: &str) -> Response {
    redirect_with_flash(
        &format!("{}#{anchor}", paths::ADMIN_AVAILABILITY),
        Flash::Saved,
        authed.visitor.secure,
    )
}

async fn add(
    state: AppState,
    authed: Authed,
    form: FormPairs,
    list: List,
    id: &'static str,
) -> Result<Response, WebError> {
    let category = form.get("category").parse().ok();
    let sub = form.get("subcategory").parse().ok();
    match availability::add_scope(state.db(), list, category, sub).await {
        Ok(()) => Ok(back(&authed, id)),
        Err(e) => refused(&state, &authed, id, e).await,
    }
}

/// `POST /admin/availability/monitored`.
pub async fn add_monitored(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    add(state, authed, form, List::Monitored, "monitored").await
}

/// `POST /admin/availability/dependencies`.
pub async fn add_dependency(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    add(state, authed, form, List::Dependencies, "dependencies").await
}

/// `POST /admin/availability/monitored/{id}/delete`.
pub async fn remove_monitored(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    availability::remove_scope(state.db(), List::Monitored, id).await?;
    Ok(back(&authed, "monitored"))
}

/// `POST /admin/availability/dependencies/{id}/delete`.
pub async fn remove_dependency(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    availability::remove_scope(state.db(), List::Dependencies, id).await?;
    Ok(back(&authed, "dependencies"))
}

/// `POST /admin/availability/targets`.
pub async fn set_target(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let r = availability::set_target(
        state.db(),
        form.get("subcategory").to_owned(),
        form.get("year").to_owned(),
        form.get("target").to_owned(),
    )
    .await;
    match r {
        Ok(()) => Ok(back(&authed, "targets")),
        Err(e) => refused(&state, &authed, "targets", e).await,
    }
}

/// `POST /admin/availability/targets/delete`.
pub async fn remove_target(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let sub = form
        .get("subcategory")
        .parse()
        .map_err(|_| DomainError::NotFound)?;
    let year = form
        .get("year")
        .parse()
        .map_err(|_| DomainError::NotFound)?;
    availability::remove_target(state.db(), sub, year).await?;
    Ok(back(&authed, "targets"))
}
