//! The logged-in user's own pages: the profile with its information and settings tabs
//! (preferences, personal views, groups, password), and the password page where a user who
//! must change their password is sent.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::FieldErrors;
use crate::domain::users::record::UserInput;
use crate::domain::users::{self, PasswordChange, manage, policy};
use crate::domain::views::{self};
use crate::i18n::{format_datetime, msg};

use super::admin::users::{groups_block, views_block};
use super::auth::redirect_with_flash;
use super::error::WebError;
use super::extract::{Authed, FormData, FormPairs};
use super::flash::Flash;
use super::outcome::save_or_reshow;
use super::paths::{self, fill};
use super::routes::{Access, Routes};
use super::state::AppState;
use super::ui::form::{Input, csrf_field, form_error};
use super::ui::{facts, layout, nav};
use super::user_form::{UserFormView, fields};
use super::visitor::Visitor;

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::PROFILE, Access::LoggedIn, profile_page)
        .post(paths::PROFILE, Access::LoggedIn, save_information)
        .post(paths::PROFILE_SETTINGS, Access::LoggedIn, save_settings)
        .post(paths::PROFILE_VIEWS, Access::LoggedIn, add_view)
        .post(paths::PROFILE_VIEW_DELETE, Access::LoggedIn, delete_view)
        .get(paths::PASSWORD, Access::LoggedIn, password_page)
        .post(paths::PASSWORD, Access::LoggedIn, password_submit)
}

#[derive(Debug, Default, Deserialize)]
struct TabQuery {
    #[serde(default)]
    tab: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Information,
    Settings,
}

use crate::domain::users::pages::Profile;

async fn load(state: &AppState, authed: &Authed) -> Result<Profile, WebError> {
    Ok(
        crate::domain::users::pages::profile(state.db(), authed.actor(), authed.visitor.lang)
            .await?,
    )
}

fn tab_href(tab: Tab) -> String {
    match tab {
        Tab::Information => paths::PROFILE.to_owned(),
        Tab::Settings => format!("{}?tab=settings", paths::PROFILE),
    }
}

fn view(
    visitor: &Visitor,
    p: &Profile,
    tab: Tab,
    values: &UserInput,
    errors: &FieldErrors,
    banner: Option<&crate::i18n::Msg>,
) -> Markup {
    let lang = visitor.lang;
    let Some(session) = visitor.session.as_deref() else {
        return html! {};
    };
    let r = &p.record;
    let summary: Vec<(String, String)> = vec![
        (lang.t("profile-login"), r.login.clone()),
        (lang.t("profile-profile"), r.profile().name().render(lang)),
        (
            lang.t("profile-last-login"),
            r.last_login_at
                .map(|t| format_datetime(lang, t))
                .unwrap_or_default(),
        ),
    ];
    let content = html! {
        (nav::tabs(&lang.t("profile-title"), &[
            (tab_href(Tab::Information), lang.t("profile-tab-information"), tab == Tab::Information),
            (tab_href(Tab::Settings), lang.t("profile-tab-settings"), tab == Tab::Settings),
            (paths::PROFILE_TWO_FACTOR.to_owned(), lang.t("two-factor-title"), false),
        ]))
        (form_error(lang, banner.or((!errors.is_empty()).then(|| msg("form-has-errors")).as_ref())))
        @match tab {
            Tab::Information => {
                (facts::panel(&summary))
                @if !p.assets.is_empty() {
                    section.panel #your-assets {
                        h2 { (lang.t("profile-assets")) }
                        ul {
                            @for a in &p.assets {
                                li {
                                    @if visitor.has_right(crate::domain::rights::names::ASSET) {
                                        a href=(fill(paths::ASSET, &[&a.id])) { (a.name) }
                                    } @else {
                                        strong { (a.name) }
                                    }
                                    " " span.muted { (a.kind) " " (a.model) " " (a.sn_manufacturer) }
                                }
                            }
                        }
                    }
                }
                section.panel {
                    form.stack method="post" action=(paths::PROFILE) novalidate {
                        (csrf_field(visitor))
                        (fields(lang, &UserFormView {
                            values,
                            policy: policy::own_information(&visitor.settings, &session.actor.rights),
                            options: &p.options,
                            errors,
                            creating: false,
                        }))
                        div.form-actions {
                            button.button.button-primary type="submit" { (lang.t("action-save")) }
                        }
                    }
                }
            }
            Tab::Settings => {
                section.panel {
                    form.stack method="post" action=(paths::PROFILE_SETTINGS) novalidate {
                        (csrf_field(visitor))
                        (fields(lang, &UserFormView {
                            values,
                            policy: policy::own_preferences(),
                            options: &p.options,
                            errors,
                            creating: false,
                        }))
                        div.form-actions {
                            button.button.button-primary type="submit" { (lang.t("action-save")) }
                        }
                    }
                }
                section.panel #views {
                    h2 { (lang.t("views-title")) }
                    (views_block(visitor, &p.views, &p.targets, paths::PROFILE_VIEWS,
                        |id| fill(paths::PROFILE_VIEW_DELETE, &[&id])))
                }
                section.panel {
                    h2 { (lang.t("profile-groups")) }
                    (groups_block(lang, &p.groups))
                }
                section.panel #password {
                    h2 { (lang.t("password-title")) }
                    @if p.directory_password {
                        p #directory-password { (lang.t("password-from-directory")) }
                    } @else {
                        (password_form(visitor, &FieldErrors::new()))
                    }
                }
            }
        }
    };
    layout::page(visitor, &lang.t("profile-title"), content)
}

async fn profile_page(
    State(state): State<AppState>,
    authed: Authed,
    Query(q): Query<TabQuery>,
) -> Result<Response, WebError> {
    let tab = if q.tab == "settings" {
        Tab::Settings
    } else {
        Tab::Information
    };
    let p = load(&state, &authed).await?;
    let values = UserInput::from_record(&p.record);
    Ok(view(&authed.visitor, &p, tab, &values, &FieldErrors::new(), None).into_response())
}

async fn save(
    state: &AppState,
    authed: &Authed,
    tab: Tab,
    pairs: Vec<(String, String)>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let policy = match tab {
        Tab::Information => {
            policy::own_information(&visitor.settings, &authed.session.actor.rights)
        }
        Tab::Settings => policy::own_preferences(),
    };
    let input = UserInput::from_pairs(pairs);
    let me = authed.session.actor.user.id;
    let result = manage::update(
        state.db(),
        me,
        input.clone(),
        policy,
        me,
        visitor.ip.clone(),
    )
    .await;
    save_or_reshow(
        result,
        |()| redirect_with_flash(&tab_href(tab), Flash::Saved, visitor.secure),
        |errors| async move {
            let p = load(state, authed).await?;
            Ok(view(visitor, &p, tab, &input, &errors, None))
        },
    )
    .await
}

async fn save_information(
    State(state): State<AppState>,
    authed: Authed,
    FormPairs(pairs): FormPairs,
) -> Result<Response, WebError> {
    save(&state, &authed, Tab::Information, pairs).await
}

async fn save_settings(
    State(state): State<AppState>,
    authed: Authed,
    FormPairs(pairs): FormPairs,
) -> Result<Response, WebError> {
    save(&state, &authed, Tab::Settings, pairs).await
}

async fn add_view(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let me = authed.actor().id();
    let (name, target) = (form.get("name").to_owned(), form.get("target").to_owned());
    let result = views::add_for(state.db(), me, name, target).await;
    let (state, authed) = (&state, &authed);
    save_or_reshow(
        result,
        |_| {
            redirect_with_flash(
                &format!("{}#views", tab_href(Tab::Settings)),
                Flash::Saved,
                authed.visitor.secure,
            )
        },
        |errors| async move {
            let p = load(state, authed).await?;
            let values = UserInput::from_record(&p.record);
            let banner = errors.0.first().map(|(_, m)| m.clone());
            Ok(view(
                &authed.visitor,
                &p,
                Tab::Settings,
                &values,
                &FieldErrors::new(),
                banner.as_ref(),
            ))
        },
    )
    .await
}

async fn delete_view(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let me = authed.actor().id();
    views::remove_for(state.db(), me, id).await?;
    Ok(Redirect::to(&format!("{}#views", tab_href(Tab::Settings))).into_response())
}

#[derive(Debug, Default, Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

async fn password_page(authed: Authed) -> Response {
    password_view(&authed.visitor, &FieldErrors::new()).into_response()
}

async fn password_submit(
    State(state): State<AppState>,
    authed: Authed,
    FormData(form): FormData<PasswordForm>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let change = PasswordChange {
        current: form.current,
        new: form.password,
        confirm: form.password_confirm,
    };
    let result = users::change_password(
        state.db(),
        state.gate(),
        authed.session.actor.user.id,
        change,
        Some(authed.session.token_hash.clone()),
        visitor.ip.clone(),
    )
    .await;
    save_or_reshow(
        result,
        |()| {
            state.hub().sessions_changed();
            redirect_with_flash(paths::HOME, Flash::PasswordChanged, visitor.secure)
        },
        |errors| async move { Ok(password_view(visitor, &errors)) },
    )
    .await
}

fn password_form(visitor: &Visitor, errors: &FieldErrors) -> Markup {
    let lang = visitor.lang;
    html! {
        form.stack.narrow method="post" action=(paths::PASSWORD) novalidate {
            (csrf_field(visitor))
            (Input::password("current", msg("password-field-current"), "current-password")
                .required().render(lang, errors))
            (Input::password("password", msg("password-field-new"), "new-password")
                .required().render(lang, errors))
            (Input::password("password_confirm", msg("password-field-confirm"), "new-password")
                .required().render(lang, errors))
            @let min = users::rules::PasswordPolicy::from_settings(&visitor.settings).min_chars;
            p.hint { (lang.t_args("password-hint", &[("min", &min.to_string())])) }
            button.button.button-primary type="submit" { (lang.t("password-submit")) }
        }
    }
}

fn password_view(visitor: &Visitor, errors: &FieldErrors) -> Markup {
    let lang = visitor.lang;
    let forced = visitor.user().is_some_and(|u| u.must_change_password);
    let content = html! {
        @if forced {
            div.alert.alert-warning role="alert" { (lang.t("password-must-change")) }
        }
        section.panel { (password_form(visitor, errors)) }
    };
    layout::page(visitor, &lang.t("password-title"), content)
}
