//! Administration > Users: the paged, searchable list of active or disabled accounts, creating
//! and editing them. The actions beside the form (disabling, unlocking, attached requesters,
//! personal views) are in `user_actions`.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::FieldErrors;
use crate::domain::groups;
use crate::domain::ids::UserId;
use crate::domain::profiles::Profile;
use crate::domain::rights::names;
use crate::domain::users::choices::Who;
use crate::domain::users::options::UserFormOptions;
use crate::domain::users::record::{UserInput, UserRecord};
use crate::domain::users::search::{UserPage, UserQuery};
use crate::domain::users::{manage, pages, policy};
use crate::domain::views::View;
use crate::i18n::{Msg, format_datetime, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::outcome::{save_or_reshow, save_or_reshow_refusal};
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{Select, action_button, csrf_field, form_error};
use crate::web::ui::{layout, nav};
use crate::web::user_form::{UserFormView, fields};
use crate::web::visitor::Visitor;

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    disabled: Option<String>,
    #[serde(default)]
    page: Option<i64>,
}

pub(super) fn list_href(q: &str, disabled: bool, page: i64) -> String {
    let mut params: Vec<(&str, String)> = Vec::new();
    if !q.is_empty() {
        params.push(("q", q.to_owned()));
    }
    if disabled {
        params.push(("disabled", "1".to_owned()));
    }
    if page > 1 {
        params.push(("page", page.to_string()));
    }
    let query = serde_urlencoded::to_string(&params).unwrap_or_default();
    if query.is_empty() {
        paths::ADMIN_USERS.to_owned()
    } else {
        format!("{}?{query}", paths::ADMIN_USERS)
    }
}

/// `GET /admin/users`.
pub async fn list(
    State(state): State<AppState>,
    authed: Authed,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let disabled = query.disabled.as_deref() == Some("1");
    let q = UserQuery {
        text: query.q.chars().take(100).collect(),
        disabled,
        page: query.page.unwrap_or(1),
        per_page: visitor.settings.rows_per_page(),
    };
    let text = q.text.clone();
    let page: UserPage = pages::find(state.db(), q).await?;
    let content = html! {
        div.toolbar {
            form.search-form method="get" action=(paths::ADMIN_USERS) role="search" {
                @if disabled { input type="hidden" name="disabled" value="1"; }
                label.search-label for="user-search" { (lang.t("users-search")) }
                input #user-search type="search" name="q" value=(text);
                button.button type="submit" { (lang.t("search-submit")) }
            }
            a.button.button-primary href=(paths::ADMIN_USER_NEW) { (lang.t("users-add")) }
        }
        (nav::tabs(&lang.t("users-title"), &[
            (list_href(&text, false, 1), lang.t("users-active"), !disabled),
            (list_href(&text, true, 1), lang.t("users-disabled"), disabled),
        ]))
        p.muted { (lang.t_args("users-count", &[("count", &page.total.to_string())])) }
        div.table-wrap {
            table.data-table {
                thead {
                    tr {
                        th scope="col" { (lang.t("users-col-name")) }
                        th scope="col" { (lang.t("users-col-login")) }
                        th.col-optional scope="col" { (lang.t("users-col-mail")) }
                        th.col-optional scope="col" { (lang.t("users-col-company")) }
                        th scope="col" { (lang.t("users-col-profile")) }
                        th.col-optional scope="col" { (lang.t("users-col-last-login")) }
                        th scope="col" { span.visually-hidden { (lang.t("col-actions")) } }
                    }
                }
                tbody {
                    @if page.rows.is_empty() {
                        tr { td colspan="7" { (lang.t("users-none")) } }
                    }
                    @for row in &page.rows {
                        tr {
                            td { a href=(fill(paths::ADMIN_USER, &[&row.id])) { (row.name) } }
                            td { (row.login) }
                            td.col-optional { (row.mail) }
                            td.col-optional { (row.company) }
                            td { (row.profile.name().render(lang)) }
                            td.col-optional { (row.last_login_at.map(|t| format_datetime(lang, t)).unwrap_or_default()) }
                            td.actions {
                                a.button.button-small href=(fill(paths::ADMIN_USER, &[&row.id])) { (lang.t("action-edit")) }
                                @if disabled {
                                    (action_button(visitor, &fill(paths::ADMIN_USER_ENABLE, &[&row.id]), &lang.t("action-enable"), "", None))
                                } @else if row.id != authed.session.actor.user.id.0 {
                                    (action_button(visitor, &fill(paths::ADMIN_USER_DISABLE, &[&row.id]), &lang.t("action-disable"), "button-danger", Some(&lang.t("users-confirm-disable"))))
                                }
                            }
                        }
                    }
                }
            }
        }
        (nav::pager(lang, page.page, page.pages, |p| list_href(&text, disabled, p)))
    };
    Ok(layout::page(visitor, &lang.t("users-title"), content).into_response())
}

async fn options(state: &AppState, visitor: &Visitor) -> Result<UserFormOptions, WebError> {
    let lang = visitor.lang;
    Ok(pages::form_options(state.db(), lang).await?)
}

fn new_view(
    visitor: &Visitor,
    values: &UserInput,
    options: &UserFormOptions,
    errors: &FieldErrors,
) -> Markup {
    let lang = visitor.lang;
    let session = visitor.session.as_deref();
    let policy = policy::administration(
        &visitor.settings,
        &session.map(|s| s.actor.rights.clone()).unwrap_or_default(),
    );
    let content = html! {
        section.panel {
            (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
            form.stack method="post" action=(paths::ADMIN_USERS) novalidate {
                (csrf_field(visitor))
                (fields(lang, &UserFormView { values, policy, options, errors, creating: true }))
                div.form-actions {
                    button.button.button-primary type="submit" { (lang.t("users-create")) }
                    a.button href=(paths::ADMIN_USERS) { (lang.t("action-cancel")) }
                }
            }
        }
    };
    layout::page(visitor, &lang.t("users-new-title"), content)
}

/// `GET /admin/users/new`.
pub async fn new_page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let options = options(&state, &authed.visitor).await?;
    let values = UserInput::from_record(&UserRecord {
        profile_id: Profile::User.id(),
        ..UserRecord::default()
    });
    Ok(new_view(&authed.visitor, &values, &options, &FieldErrors::new()).into_response())
}

/// `POST /admin/users`.
pub async fn create(
    State(state): State<AppState>,
    authed: Authed,
    FormPairs(pairs): FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let policy = policy::administration(&visitor.settings, &authed.session.actor.rights);
    let input = UserInput::from_pairs(pairs);
    let result = manage::create(
        state.db(),
        input.clone(),
        policy,
        Profile::User,
        Some(authed.session.actor.user.id),
        visitor.ip.clone(),
    )
    .await;
    save_or_reshow(
        result,
        |id| {
            redirect_with_flash(
                &fill(paths::ADMIN_USER, &[&id]),
                Flash::AccountCreated,
                visitor.secure,
            )
        },
        |errors| async move {
            let options = options(&state, visitor).await?;
            Ok(new_view(visitor, &input, &options, &errors))
        },
    )
    .await
}

pub(super) use crate::domain::users::pages::Extras;

pub(super) async fn extras(
    state: &AppState,
    visitor: &Visitor,
    id: UserId,
) -> Result<Extras, WebError> {
    Ok(pages::account(state.db(), id, visitor.lang).await?)
}

pub(super) fn edit_view(
    visitor: &Visitor,
    extras: &Extras,
    values: &UserInput,
    errors: &FieldErrors,
    banner: Option<&Msg>,
) -> Markup {
    let lang = visitor.lang;
    let Some(session) = visitor.session.as_deref() else {
        return html! {};
    };
    let r = &extras.record;
    let policy = policy::administration(&visitor.settings, &session.actor.rights);
    let staff = matches!(r.profile(), Profile::Technician | Profile::Administrator);
    let may_edit_views = session.actor.rights.has(names::ADMIN_USER_VIEW);
    let title = lang.t_args("users-edit-title", &[("name", &r.list_name())]);
    let requester_options: Vec<(String, String)> = extras
        .requesters
        .iter()
        .filter(|c| c.who != Who::User(r.id))
        .map(|c| (c.who.value(), c.label.clone()))
        .collect();
    let content = html! {
        @if let Some(until) = extras.locked_until {
            div.alert.alert-warning role="status" #locked {
                (lang.t_args("users-locked", &[("until", &crate::i18n::format_datetime(lang, until))])) " "
                (action_button(visitor, &fill(paths::ADMIN_USER_UNLOCK, &[&r.id]), &lang.t("users-unlock"), "", None))
            }
        }
        @if extras.second_factor {
            div.alert.alert-info role="status" #second-factor {
                (lang.t("two-factor-admin-on")) " "
                (action_button(visitor, &fill(paths::ADMIN_USER_TWO_FACTOR_RESET, &[&r.id]), &lang.t("two-factor-admin-reset"), "", None))
            }
        }
        @if r.disabled {
            div.alert.alert-warning role="status" {
                (lang.t("users-is-disabled")) " "
                (action_button(visitor, &fill(paths::ADMIN_USER_ENABLE, &[&r.id]), &lang.t("action-enable"), "", None))
            }
        }
        section.panel {
            (form_error(lang, banner.or((!errors.is_empty()).then(|| msg("form-has-errors")).as_ref())))
            form.stack method="post" action=(fill(paths::ADMIN_USER, &[&r.id])) novalidate {
                (csrf_field(visitor))
                (fields(lang, &UserFormView { values, policy, options: &extras.options, errors, creating: false }))
                div.form-actions {
                    button.button.button-primary type="submit" { (lang.t("action-save")) }
                    a.button href=(paths::ADMIN_USERS) { (lang.t("action-back")) }
                    a.button.button-danger #erase-user href=(fill(paths::ADMIN_USER_ERASE, &[&r.id])) { (lang.t("users-erase-link")) }
                }
            }
        }
        @if staff {
            section.panel #requesters {
                h2 { (lang.t("users-requesters-title")) }
                p.hint { (lang.t("users-requesters-help")) }
                @if extras.assignments.is_empty() {
                    p.muted { (lang.t("users-requesters-none")) }
                } @else {
                    ul.item-list {
                        @for a in &extras.assignments {
                            li {
                                span { (a.choice.label) }
                                (action_button(visitor, &fill(paths::ADMIN_USER_REQUESTER_DELETE, &[&r.id, &a.id]), &lang.t("action-remove"), "button-danger", None))
                            }
                        }
                    }
                }
                form.inline-add method="post" action=(fill(paths::ADMIN_USER_REQUESTERS, &[&r.id])) {
                    (csrf_field(visitor))
                    (Select::one("requester", msg("users-requesters-add"), &requester_options, &[])
                        .render(lang, &FieldErrors::new()))
                    button.button type="submit" { (lang.t("action-add")) }
                }
            }
        }
        @if may_edit_views {
            section.panel #views {
                h2 { (lang.t("views-title")) }
                (views_block(visitor, &extras.views, &extras.view_targets,
                    &fill(paths::ADMIN_USER_VIEWS, &[&r.id]),
                    |v| fill(paths::ADMIN_USER_VIEW_DELETE, &[&r.id, &v])))
            }
        }
        section.panel {
            h2 { (lang.t("users-groups-title")) }
            (groups_block(lang, &extras.groups))
        }
    };
    layout::page(visitor, &title, content)
}

/// The list of a user's groups, with links to them.
pub fn groups_block(lang: crate::i18n::Lang, list: &[groups::Group]) -> Markup {
    html! {
        @if list.is_empty() {
            p.muted { (lang.t("users-groups-none")) }
        } @else {
            ul.item-list {
                @for g in list {
                    li {
                        a href=(fill(paths::ADMIN_GROUP, &[&g.id])) { "[G] " (g.name) }
                        span.muted { " · " (lang.t(match g.kind {
                            groups::GroupKind::User => "groups-kind-user",
                            groups::GroupKind::Technician => "groups-kind-technician",
                        })) }
                    }
                }
            }
        }
    }
}

/// A list of personal views with delete buttons and an add form.
pub fn views_block(
    visitor: &Visitor,
    list: &[View],
    targets: &[(String, String)],
    add_action: &str,
    delete_action: impl Fn(i64) -> String,
) -> Markup {
    let lang = visitor.lang;
    html! {
        p.hint { (lang.t("views-help")) }
        @if list.is_empty() {
            p.muted { (lang.t("views-none")) }
        } @else {
            ul.item-list {
                @for v in list {
                    li {
                        strong { (v.name) } span.muted { " → " (v.target) }
                        (action_button(visitor, &delete_action(v.id), &lang.t("action-delete"), "button-danger", None))
                    }
                }
            }
        }
        form.inline-add method="post" action=(add_action) {
            (csrf_field(visitor))
            div.field {
                label for="view-name" { (lang.t("views-name")) }
                input #view-name type="text" name="name" maxlength="100" required;
            }
            (Select::one("target", msg("views-target"), targets, &[]).render(lang, &FieldErrors::new()))
            button.button type="submit" { (lang.t("action-add")) }
        }
    }
}

/// `GET /admin/users/{id}`.
pub async fn edit_page(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
) -> Result<Response, WebError> {
    let extras = extras(&state, &authed.visitor, id).await?;
    let values = UserInput::from_record(&extras.record);
    Ok(edit_view(&authed.visitor, &extras, &values, &FieldErrors::new(), None).into_response())
}

/// `POST /admin/users/{id}`.
pub async fn update(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
    FormPairs(pairs): FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let policy = policy::administration(&visitor.settings, &authed.session.actor.rights);
    let input = UserInput::from_pairs(pairs);
    let result = manage::update(
        state.db(),
        id,
        input.clone(),
        policy,
        authed.session.actor.user.id,
        visitor.ip.clone(),
    )
    .await;
    let state = &state;
    save_or_reshow_refusal(
        result,
        |()| {
            // A new profile or password changes or ends the account's open streams.
            state.hub().sessions_changed();
            redirect_with_flash(
                &fill(paths::ADMIN_USER, &[&id]),
                Flash::Saved,
                visitor.secure,
            )
        },
        // Refused fields, or refused as a whole (the last administrator): the form comes back
        // as typed.
        |refused| async move {
            let extras = extras(state, visitor, id).await?;
            Ok(edit_view(
                visitor,
                &extras,
                &input,
                &refused.errors,
                refused.reason.as_ref(),
            ))
        },
    )
    .await
}
