//! Administration > Groups: user groups and technician groups in two tabs; create, rename,
//! delete, and add or remove members.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::groups::{self, Group, GroupKind};
use crate::domain::ids::{GroupId, UserId};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Lang, Msg, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::outcome::save_or_reshow;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{Input, Select, action_button, csrf_field, form_error};
use crate::web::ui::{layout, nav};
use crate::web::visitor::Visitor;

#[derive(Debug, Default, Deserialize)]
pub struct KindQuery {
    #[serde(default)]
    kind: String,
}

fn kind_label(kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::User => "groups-kind-user",
        GroupKind::Technician => "groups-kind-technician",
    }
}

fn list_href(kind: GroupKind) -> String {
    format!("{}?kind={}", paths::ADMIN_GROUPS, kind.code())
}

fn list_view(
    visitor: &Visitor,
    kind: GroupKind,
    groups: &[Group],
    name: &str,
    errors: &FieldErrors,
) -> Markup {
    let lang = visitor.lang;
    html! {
        (nav::tabs(&lang.t("groups-title"), &[
            (list_href(GroupKind::User), lang.t("groups-tab-user"), kind == GroupKind::User),
            (list_href(GroupKind::Technician), lang.t("groups-tab-technician"), kind == GroupKind::Technician),
        ]))
        section.panel {
            @if groups.is_empty() {
                p.muted { (lang.t("groups-none")) }
            } @else {
                ul.item-list {
                    @for g in groups {
                        li {
                            a href=(fill(paths::ADMIN_GROUP, &[&g.id])) { "[G] " (g.name) }
                            span.muted { " · " (lang.t_args("groups-members-count", &[("count", &g.members.to_string())])) }
                        }
                    }
                }
            }
        }
        section.panel {
            h2 { (lang.t("groups-add")) }
            form.inline-add method="post" action=(paths::ADMIN_GROUPS) novalidate {
                (csrf_field(visitor))
                input type="hidden" name="kind" value=(kind.code());
                (Input::text("name", msg("groups-name"), name).required().render(lang, errors))
                button.button.button-primary type="submit" { (lang.t("action-add")) }
            }
        }
    }
}

async fn load_list(state: &AppState, kind: GroupKind) -> Result<Vec<Group>, WebError> {
    Ok(groups::all_of(state.db(), kind).await?)
}

/// `GET /admin/groups?kind=user|technician`.
pub async fn list(
    State(state): State<AppState>,
    authed: Authed,
    Query(query): Query<KindQuery>,
) -> Result<Response, WebError> {
    let kind = GroupKind::from_code(&query.kind).unwrap_or(GroupKind::User);
    let all = load_list(&state, kind).await?;
    let visitor = &authed.visitor;
    let content = list_view(visitor, kind, &all, "", &FieldErrors::new());
    Ok(layout::page(visitor, &visitor.lang.t("groups-title"), content).into_response())
}

/// `POST /admin/groups`.
pub async fn create(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let Some(kind) = GroupKind::from_code(form.get("kind")) else {
        return Err(WebError::BadRequest);
    };
    let name = form.get("name").to_owned();
    let result = groups::create(state.db(), name.clone(), kind, authed.actor().id()).await;
    let visitor = &authed.visitor;
    save_or_reshow(
        result,
        |id| {
            redirect_with_flash(
                &fill(paths::ADMIN_GROUP, &[&id]),
                Flash::Saved,
                visitor.secure,
            )
        },
        |errors| async move {
            let all = load_list(&state, kind).await?;
            let content = list_view(visitor, kind, &all, &name, &errors);
            Ok(layout::page(
                visitor,
                &visitor.lang.t("groups-title"),
                content,
            ))
        },
    )
    .await
}

use crate::domain::groups::Detail;

async fn detail(state: &AppState, id: GroupId) -> Result<Detail, WebError> {
    Ok(groups::detail(state.db(), id).await?)
}

fn detail_view(
    visitor: &Visitor,
    d: &Detail,
    name: &str,
    errors: &FieldErrors,
    banner: Option<&Msg>,
) -> Markup {
    let lang: Lang = visitor.lang;
    let g = &d.group;
    let may_quick_add = visitor.has_right(crate::domain::rights::names::ADMIN)
        || visitor.has_right(crate::domain::rights::names::TICKET_USER_ACTIONS);
    html! {
        p { a href=(list_href(g.kind)) { "← " (lang.t(kind_label(g.kind))) } }
        (form_error(lang, banner))
        section.panel {
            h2 { (lang.t("groups-rename")) }
            form.inline-add method="post" action=(fill(paths::ADMIN_GROUP, &[&g.id])) novalidate {
                (csrf_field(visitor))
                (Input::text("name", msg("groups-name"), name).required().render(lang, errors))
                button.button.button-primary type="submit" { (lang.t("action-save")) }
            }
        }
        section.panel #members {
            h2 { (lang.t("groups-members")) }
            @if d.members.is_empty() {
                p.muted { (lang.t("groups-members-none")) }
            } @else {
                ul.item-list {
                    @for m in &d.members {
                        li {
                            a href=(fill(paths::ADMIN_USER, &[&m.user_id])) { (m.name) }
                            span.muted { " (" (m.login) ")" }
                            @if m.disabled { span.badge { (lang.t("users-disabled-badge")) } }
                            (action_button(visitor, &fill(paths::ADMIN_GROUP_MEMBER_DELETE, &[&g.id, &m.user_id]), &lang.t("action-remove"), "button-danger", None))
                        }
                    }
                }
            }
            form.inline-add method="post" action=(fill(paths::ADMIN_GROUP_MEMBERS, &[&g.id])) {
                (csrf_field(visitor))
                (Select::one("user", msg("groups-add-member"), &d.candidates, &[]).required().render(lang, errors))
                @if may_quick_add && g.kind == GroupKind::User {
                    button.button type="button" data-quick-user="#f-user" data-quick-url=(paths::QUICK_USER_NEW)
                        data-quick-title=(lang.t("quick-user-title")) { (lang.t("quick-user-new")) }
                    button.button type="button" data-quick-edit="#f-user" data-quick-url=(paths::QUICK_USER)
                        data-quick-title=(lang.t("quick-user-edit-title")) { (lang.t("quick-user-edit")) }
                }
                button.button.button-primary type="submit" { (lang.t("action-add")) }
            }
        }
        section.panel {
            h2 { (lang.t("groups-delete")) }
            (action_button(visitor, &fill(paths::ADMIN_GROUP_DELETE, &[&g.id]), &lang.t("action-delete"), "button-danger", Some(&lang.t("groups-confirm-delete"))))
        }
    }
}

fn detail_page(
    visitor: &Visitor,
    d: &Detail,
    name: &str,
    errors: &FieldErrors,
    banner: Option<&Msg>,
) -> Markup {
    let title = format!("[G] {}", d.group.name);
    layout::page(
        visitor,
        &title,
        detail_view(visitor, d, name, errors, banner),
    )
}

/// `GET /admin/groups/{id}`.
pub async fn show(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<GroupId>,
) -> Result<Response, WebError> {
    let d = detail(&state, id).await?;
    Ok(detail_page(
        &authed.visitor,
        &d,
        &d.group.name.clone(),
        &FieldErrors::new(),
        None,
    )
    .into_response())
}

async fn refused(
    state: &AppState,
    authed: &Authed,
    id: GroupId,
    e: DomainError,
    name: Option<&str>,
) -> Result<Response, WebError> {
    let d = detail(state, id).await?;
    let name = name.map_or_else(|| d.group.name.clone(), str::to_owned);
    let (errors, banner) = match e {
        DomainError::Invalid(errors) => (errors, None),
        DomainError::Conflict(m) => (FieldErrors::new(), Some(m)),
        other => return Err(other.into()),
    };
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        detail_page(&authed.visitor, &d, &name, &errors, banner.as_ref()),
    )
        .into_response())
}

/// `POST /admin/groups/{id}`: renames.
pub async fn rename(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<GroupId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let name = form.get("name").to_owned();
    match groups::rename(state.db(), id, name.clone(), authed.session.actor.user.id).await {
        Ok(()) => Ok(redirect_with_flash(
            &fill(paths::ADMIN_GROUP, &[&id]),
            Flash::Saved,
            authed.visitor.secure,
        )),
        Err(e) => refused(&state, &authed, id, e, Some(&name)).await,
    }
}

/// `POST /admin/groups/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<GroupId>,
) -> Result<Response, WebError> {
    let kind = detail(&state, id).await?.group.kind;
    match groups::delete(state.db(), id, authed.session.actor.user.id).await {
        Ok(()) => Ok(redirect_with_flash(
            &list_href(kind),
            Flash::Deleted,
            authed.visitor.secure,
        )),
        Err(e) => refused(&state, &authed, id, e, None).await,
    }
}

/// `POST /admin/groups/{id}/members`.
pub async fn add_member(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<GroupId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let Ok(user) = form.get("user").parse::<UserId>() else {
        let mut errors = FieldErrors::new();
        errors.add("user", msg("error-unknown-choice"));
        return refused(&state, &authed, id, DomainError::Invalid(errors), None).await;
    };
    match groups::add_member(state.db(), id, user, authed.session.actor.user.id).await {
        Ok(()) => Ok(
            Redirect::to(&format!("{}#members", fill(paths::ADMIN_GROUP, &[&id]))).into_response(),
        ),
        Err(e) => refused(&state, &authed, id, e, None).await,
    }
}

/// `POST /admin/groups/{id}/members/{item}/delete`.
pub async fn remove_member(
    State(state): State<AppState>,
    authed: Authed,
    Path((id, user)): Path<(GroupId, UserId)>,
) -> Result<Response, WebError> {
    groups::remove_member(state.db(), id, user, authed.session.actor.user.id).await?;
    Ok(Redirect::to(&format!("{}#members", fill(paths::ADMIN_GROUP, &[&id]))).into_response())
}
