//! Administration > Settings: every declared setting, by section, each with its help text.
//! Saving validates every value first; one wrong value saves nothing and the form comes back
//! with what was typed.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::settings::{self, Def, Kind, Section, registry};
use crate::domain::tickets;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::outcome::save_or_reshow;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{Input, Select, checkbox, csrf_field, form_error, textarea};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

const SECTIONS: [(Section, &str); 5] = [
    (Section::General, "settings-section-general"),
    (Section::Tickets, "settings-section-tickets"),
    (Section::Users, "settings-section-users"),
    (Section::Functions, "settings-section-functions"),
    (Section::Calendar, "settings-section-calendar"),
];

/// One setting's field, by kind, with its help text.
pub fn field(visitor: &Visitor, def: &Def, value: &str, errors: &FieldErrors) -> Markup {
    let lang = visitor.lang;
    let help = msg(def.help);
    match def.kind {
        Kind::Flag => html! {
            (checkbox(lang, def.key, &msg(def.label), value == "1", Some(&help)))
            @if def.section == Section::Functions && !crate::web::routes::FUNCTIONS_WITH_PAGES.iter().any(|f| f.name() == def.key) {
                p.hint { (lang.t("settings-function-without-pages")) }
            }
            // Only a crafted form sends anything but "1" here; say what was wrong anyway.
            @if let Some(m) = errors.get(def.key) {
                p.field-error { (m.render(lang)) }
            }
        },
        Kind::Choice(values) => {
            let options: Vec<(String, String)> = values
                .iter()
                .map(|(v, k)| ((*v).to_owned(), lang.t(k)))
                .collect();
            html! {
                (Select::one(def.key, msg(def.label), &options, &[value.to_owned()]).render(lang, errors))
                p.hint { (help.render(lang)) }
            }
        }
        Kind::Secret { .. } => html! {
            // The stored secret is never sent back; an empty field keeps it.
            (Input::password(def.key, msg(def.label), "new-password").render(lang, errors))
            p.hint {
                (help.render(lang)) " "
                @if visitor.settings.value(def).is_empty() {
                    (lang.t("settings-secret-unset"))
                } @else {
                    (lang.t("settings-secret-kept"))
                }
            }
        },
        Kind::Html { .. } => html! {
            (textarea(lang, def.key, &msg(def.label), value, 4, errors))
            p.hint { (help.render(lang)) }
        },
        Kind::Number { .. }
        | Kind::Text { .. }
        | Kind::Url
        | Kind::Email
        | Kind::Color
        | Kind::Host => html! {
            (Input::text(def.key, msg(def.label), value)
                .kind(match def.kind {
                    Kind::Number { .. } => "number",
                    Kind::Url => "url",
                    Kind::Email => "email",
                    Kind::Color => "color",
                    _ => "text",
                })
                .render(lang, errors))
            p.hint { (help.render(lang)) }
        },
    }
}

/// The fieldsets of `sections`, each setting with `values`' value.
pub fn fieldsets(
    visitor: &Visitor,
    sections: &[(Section, &str)],
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
) -> Markup {
    let lang = visitor.lang;
    html! {
        @for (section, title) in sections {
            fieldset.form-section.panel {
                legend { (lang.t(title)) }
                @for def in registry::in_section(*section) {
                    (field(visitor, def, values.get(def.key).map_or("", String::as_str), errors))
                }
            }
        }
    }
}

/// Links between the settings pages.
pub fn tabs(visitor: &Visitor, current: &str) -> Markup {
    let lang = visitor.lang;
    let pages = [
        (paths::ADMIN_SETTINGS, "settings-tab-general"),
        (paths::ADMIN_MAIL, "settings-tab-mail"),
        (paths::ADMIN_MAIL_IN, "settings-tab-mail-in"),
        (paths::ADMIN_NETWORK, "settings-tab-network"),
        (paths::ADMIN_DIRECTORY, "settings-tab-directory"),
        (paths::ADMIN_OUTBOX, "settings-tab-outbox"),
        (paths::ADMIN_API, "settings-tab-api"),
        (paths::ADMIN_WEBHOOKS, "settings-tab-webhooks"),
        (paths::ADMIN_INTRANET, "settings-tab-intranet"),
        (paths::ADMIN_SURVEYS, "settings-tab-surveys"),
        (paths::ADMIN_SETTINGS_LOG, "settings-log-link"),
    ];
    let surveys = visitor
        .settings
        .flag(crate::domain::settings::FUNCTION_SURVEYS);
    html! {
        nav.tabs aria-label=(lang.t("settings-title")) {
            @for (href, key) in pages.into_iter().filter(|(h, _)| surveys || *h != paths::ADMIN_SURVEYS) {
                a.tab href=(href) aria-current=[(href == current).then_some("page")] { (lang.t(key)) }
            }
        }
    }
}

fn view(
    visitor: &Visitor,
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    next: &NextNumber,
) -> Markup {
    let lang = visitor.lang;
    let content = html! {
        (tabs(visitor, paths::ADMIN_SETTINGS))
        (super::logo::section(visitor, errors))
        section.panel #numbering {
            h2 { (lang.t("settings-next-number")) }
            p.hint { (lang.t("settings-next-number-help")) }
            form.inline-add method="post" action=(paths::ADMIN_NEXT_NUMBER) novalidate {
                (csrf_field(visitor))
                (Input::text("next_number", msg("settings-next-number"), &next.typed).kind("number").render(lang, &next.errors))
                button.button type="submit" { (lang.t("action-save")) }
            }
        }
        (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
        form.stack method="post" action=(paths::ADMIN_SETTINGS) novalidate {
            (csrf_field(visitor))
            (fieldsets(visitor, &SECTIONS, values, errors))
            div.form-actions {
                button.button.button-primary type="submit" { (lang.t("action-save")) }
            }
        }
    };
    layout::page(visitor, &lang.t("settings-title"), content)
}

/// The ticket numbering form's state.
struct NextNumber {
    typed: String,
    errors: FieldErrors,
}

async fn next_number(state: &AppState) -> Result<NextNumber, WebError> {
    let next = tickets::repo::next_number_now(state.db()).await?;
    Ok(NextNumber {
        typed: next.to_string(),
        errors: FieldErrors::new(),
    })
}

/// The form of `section`'s settings (titled `title`, sent to `action`), where `choice` is one
/// of `options` (a list the page reads: states, criticalities...) and the others are shown as
/// usual.
#[allow(clippy::too_many_arguments)]
pub fn section_form(
    visitor: &Visitor,
    action: &str,
    (section, title): (Section, &str),
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    choice: &str,
    options: &[(String, String)],
) -> Markup {
    let lang = visitor.lang;
    html! {
        (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
        form.stack method="post" action=(action) novalidate {
            (csrf_field(visitor))
            fieldset.form-section.panel {
                legend { (lang.t(title)) }
                @for def in registry::in_section(section) {
                    @let value = values.get(def.key).map_or("", String::as_str);
                    @if def.key == choice {
                        (Select::one(def.key, msg(def.label), options, &[value.to_owned()]).render(lang, errors))
                        p.hint { (lang.t(def.help)) }
                    } @else {
                        (field(visitor, def, value, errors))
                    }
                }
            }
            div.form-actions { button.button type="submit" { (lang.t("action-save")) } }
        }
    }
}

/// When `form` carries `field` of `section` with a value that is none of `options` (a list
/// the page offered): the values to show again (what the form typed for the section over the
/// stored ones) and `message` on the field. A form without the field keeps the stored value.
pub fn refused_choice(
    visitor: &Visitor,
    form: &FormPairs,
    section: Section,
    (field, options): (&'static str, &[(String, String)]),
    message: crate::i18n::Msg,
) -> Option<(HashMap<&'static str, String>, FieldErrors)> {
    let chosen = form.get(field);
    if !form.has(field) || options.iter().any(|(v, _)| v == chosen) {
        return None;
    }
    let mut values = current_values(visitor);
    for def in registry::in_section(section) {
        values.insert(def.key, form.get(def.key).to_owned());
    }
    let mut errors = FieldErrors::new();
    errors.add(field, message);
    Some((values, errors))
}

/// Every setting's current value (secrets left out: they are never shown).
pub fn current_values(visitor: &Visitor) -> HashMap<&'static str, String> {
    let s = &visitor.settings;
    registry::all()
        .filter(|d| !d.is_secret())
        .map(|d| (d.key, s.value(d).to_owned()))
        .collect()
}

/// The values a settings form sent for the settings of `sections`: an unticked checkbox is
/// "0", a field the form did not carry and an empty secret keep their value.
pub fn typed_values(
    visitor: &Visitor,
    form: &FormPairs,
    sections: &[(Section, &str)],
) -> Vec<(&'static str, String)> {
    sections
        .iter()
        .flat_map(|(section, _)| registry::in_section(*section))
        .map(|d| {
            let typed = form.get(d.key).to_owned();
            let value = match d.kind {
                Kind::Flag if typed.is_empty() => "0".to_owned(),
                Kind::Flag => typed,
                Kind::Secret { .. } if typed.is_empty() => visitor.settings.value(d).to_owned(),
                _ if !form.has(d.key) => visitor.settings.value(d).to_owned(),
                _ => typed,
            };
            (d.key, value)
        })
        .collect()
}

/// The settings page as it stands, with `errors` (the logo form's, for one).
pub async fn page_with_errors(
    state: &AppState,
    visitor: &Visitor,
    errors: &FieldErrors,
) -> Result<Markup, WebError> {
    let next = next_number(state).await?;
    Ok(view(visitor, &current_values(visitor), errors, &next))
}

/// `GET /admin/settings`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let next = next_number(&state).await?;
    Ok(view(
        &authed.visitor,
        &current_values(&authed.visitor),
        &FieldErrors::new(),
        &next,
    )
    .into_response())
}

/// `POST /admin/settings/next-number`: the number the next ticket gets, only upward.
pub async fn save_next_number(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let typed = form.get("next_number").trim().to_owned();
    let result = match typed.parse::<i64>() {
        Ok(n) => tickets::set_next_number(state.db(), n).await,
        Err(_) => {
            let mut errors = FieldErrors::new();
            errors.add("next_number", msg("error-whole-number"));
            Err(DomainError::Invalid(errors))
        }
    };
    save_or_reshow(
        result,
        |()| {
            redirect_with_flash(
                &format!("{}#numbering", paths::ADMIN_SETTINGS),
                Flash::Saved,
                visitor.secure,
            )
        },
        |errors| async move {
            let next = NextNumber { typed, errors };
            Ok(view(
                visitor,
                &current_values(visitor),
                &FieldErrors::new(),
                &next,
            ))
        },
    )
    .await
}

/// Saves the settings of `sections` from `form`, each checked first. `None` when saved;
/// otherwise the values to show again (as typed, secrets left out) and the messages.
pub async fn save_sections(
    state: &AppState,
    authed: &Authed,
    form: &FormPairs,
    sections: &[(Section, &str)],
) -> Result<Option<(HashMap<&'static str, String>, FieldErrors)>, WebError> {
    let visitor = &authed.visitor;
    let values = typed_values(visitor, form, sections);
    match settings::save_all(
        state.db(),
        values.clone(),
        Some(authed.session.actor.user.id),
        settings::Source::Web,
    )
    .await
    {
        Ok(_) => Ok(None),
        Err(DomainError::Invalid(errors)) => {
            let mut map = current_values(visitor);
            map.extend(
                values
                    .into_iter()
                    .filter(|(k, _)| registry::find(k).is_some_and(|d| !d.is_secret())),
            );
            Ok(Some((map, errors)))
        }
        Err(e) => Err(e.into()),
    }
}

/// What a settings form's post answers: saved, back to `page` with "saved"; refused, the
/// page `reshow` renders again with what was typed and the messages (422). Every settings page
/// saves through it.
pub async fn save_sections_or_reshow<F, Fut>(
    state: &AppState,
    authed: &Authed,
    form: &FormPairs,
    sections: &[(Section, &str)],
    page: &str,
    reshow: F,
) -> Result<Response, WebError>
where
    F: FnOnce(HashMap<&'static str, String>, FieldErrors) -> Fut,
    Fut: std::future::Future<Output = Result<Markup, WebError>>,
{
    match save_sections(state, authed, form, sections).await? {
        None => Ok(redirect_with_flash(
            page,
            Flash::Saved,
            authed.visitor.secure,
        )),
        Some((map, errors)) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, reshow(map, errors).await?).into_response())
        }
    }
}

/// `POST /admin/settings`.
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
        paths::ADMIN_SETTINGS,
        |map, errors| async move {
            let next = next_number(st).await?;
            Ok(view(visitor, &map, &errors, &next))
        },
    )
    .await
}
