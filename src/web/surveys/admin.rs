//! Administration > Surveys: what triggers the survey (a state), whether answering resolves
//! the ticket, how long a link lives; the questions in order (added, changed, moved, removed),
//! each worded in the team's languages; and the invitation's text per language with the
//! ticket's tags. A refused form comes back with what was typed and why.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::settings::Section;
use crate::domain::surveys::{self, Admin, Kind, Question, rules};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Lang, msg};
use crate::web::admin::settings::{
    current_values, refused_choice, save_sections_or_reshow, section_form,
};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{
    Input, Select, action_button, action_button_with, csrf_field, form_error, textarea,
};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

const SECTIONS: [(Section, &str); 1] = [(Section::Surveys, "settings-section-surveys")];

/// What a refused form typed, and why.
#[derive(Default)]
struct Typed {
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl Typed {
    fn from_form(form: &FormPairs, errors: FieldErrors) -> Typed {
        Typed {
            fields: form.to_map(),
            errors,
        }
    }

    fn get(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

/// The typed values of question `q`, as its form names them.
fn question_values(q: &Question) -> Typed {
    let mut fields = HashMap::new();
    fields.insert("kind".to_owned(), q.kind.code().to_owned());
    fields.insert("scale".to_owned(), q.scale.to_string());
    for (lang, w) in &q.wordings {
        fields.insert(rules::field_name("text", *lang).to_owned(), w.text.clone());
        fields.insert(
            rules::field_name("choices", *lang).to_owned(),
            w.choices.join("\n"),
        );
        fields.insert(rules::field_name("low", *lang).to_owned(), w.low.clone());
        fields.insert(rules::field_name("high", *lang).to_owned(), w.high.clone());
    }
    Typed {
        fields,
        errors: FieldErrors::new(),
    }
}

/// The translation key of `l`'s name.
fn language_key(l: Lang) -> &'static str {
    match l {
        Lang::Fr => "lang-choice-fr",
        Lang::En => "lang-choice-en",
        Lang::Es => "lang-choice-es",
        Lang::De => "lang-choice-de",
    }
}

/// A question's fields: its kind and scale, then its words in each language.
fn question_fields(lang: Lang, typed: &Typed) -> Markup {
    let kinds: Vec<(String, String)> = Kind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), lang.t(k.label_key())))
        .collect();
    let kind = typed.get("kind");
    let scale = typed.get("scale");
    let scale = if scale.is_empty() {
        "5".to_owned()
    } else {
        scale
    };
    let errors = &typed.errors;
    html! {
        (Select::one("kind", msg("survey-field-kind"), &kinds, &[kind]).render(lang, errors))
        (Input::text("scale", msg("survey-field-scale"), &scale).kind("number").render(lang, errors))
        p.hint { (lang.t("survey-field-scale-help")) }
        p.hint { (lang.t("survey-field-languages-help")) }
        @for l in Lang::ALL {
            fieldset.form-section {
                legend { (lang.t(language_key(l))) }
                (Input::text(rules::field_name("text", l), msg("survey-field-text"), &typed.get(rules::field_name("text", l))).render(lang, errors))
                (textarea(lang, rules::field_name("choices", l), &msg("survey-field-choices"), &typed.get(rules::field_name("choices", l)), 3, errors))
                div.field-row {
                    (Input::text(rules::field_name("low", l), msg("survey-field-low"), &typed.get(rules::field_name("low", l))).render(lang, errors))
                    (Input::text(rules::field_name("high", l), msg("survey-field-high"), &typed.get(rules::field_name("high", l))).render(lang, errors))
                }
            }
        }
    }
}

fn questions_table(visitor: &Visitor, admin: &Admin) -> Markup {
    let lang = visitor.lang;
    let fallback = Lang::from_code(
        visitor
            .settings
            .raw(crate::domain::settings::DEFAULT_LANGUAGE),
    )
    .unwrap_or_default();
    let last = admin.questions.len().saturating_sub(1);
    html! {
        @if admin.questions.is_empty() {
            p.muted #no-questions { (lang.t("survey-no-questions")) }
        } @else {
            table.data-table #survey-questions {
                thead { tr {
                    th scope="col" { "#" }
                    th scope="col" { (lang.t("survey-field-text")) }
                    th scope="col" { (lang.t("survey-field-kind")) }
                    th scope="col" { span.visually-hidden { (lang.t("survey-actions")) } }
                } }
                tbody {
                    @for (i, q) in admin.questions.iter().enumerate() {
                        @let id = q.id.to_string();
                        tr {
                            td.number { (i + 1) }
                            td { (q.wording(lang, fallback).text) }
                            td {
                                (lang.t(q.kind.label_key()))
                                @if q.kind == Kind::Scale { " (1–" (q.scale) ")" }
                            }
                            td.actions {
                                a.button.button-small href=(fill(paths::ADMIN_SURVEY_QUESTION, &[&id])) { (lang.t("action-edit")) }
                                @if i > 0 {
                                    (action_button_with(visitor, &fill(paths::ADMIN_SURVEY_QUESTION_MOVE, &[&id]), &[("direction", "up")], &lang.t("survey-move-up"), "", None))
                                }
                                @if i < last {
                                    (action_button_with(visitor, &fill(paths::ADMIN_SURVEY_QUESTION_MOVE, &[&id]), &[("direction", "down")], &lang.t("survey-move-down"), "", None))
                                }
                                (action_button(visitor, &fill(paths::ADMIN_SURVEY_QUESTION_DELETE, &[&id]), &lang.t("action-remove"), "button-danger", Some(&lang.t("survey-remove-confirm"))))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn view(
    visitor: &Visitor,
    admin: &Admin,
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    adding: &Typed,
    mail: &Typed,
) -> Markup {
    let lang = visitor.lang;
    let texts: HashMap<Lang, &String> = admin.mail_texts.iter().map(|(l, t)| (*l, t)).collect();
    let content = html! {
        (crate::web::admin::settings::tabs(visitor, paths::ADMIN_SURVEYS))
        p { a href=(paths::SURVEY_ANSWERS) { (lang.t("survey-answers-title")) } }
        @if admin.no_server_url {
            div.alert.alert-warning role="status" #survey-no-url { (lang.t("survey-no-server-url")) }
        }
        (section_form(visitor, paths::ADMIN_SURVEYS, SECTIONS[0], values, errors, "survey_ticket_state", &admin.states))
        section.panel #questions {
            h2 { (lang.t("survey-questions")) }
            (questions_table(visitor, admin))
        }
        section.panel #add-question {
            h2 { (lang.t("survey-add-question")) }
            (form_error(lang, (!adding.errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
            form.stack method="post" action=(paths::ADMIN_SURVEY_QUESTIONS) novalidate {
                (csrf_field(visitor))
                (question_fields(lang, adding))
                div.form-actions { button.button type="submit" { (lang.t("action-add")) } }
            }
        }
        section.panel #mail {
            h2 { (lang.t("survey-mail-title")) }
            p.hint { (lang.t("survey-mail-help")) " " code { (rules::TAGS.join(" ")) } }
            (form_error(lang, (!mail.errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
            form.stack method="post" action=(paths::ADMIN_SURVEY_MAIL) novalidate {
                (csrf_field(visitor))
                @for l in Lang::ALL {
                    @let name = surveys::mail_field(l);
                    @let value = if mail.fields.is_empty() { texts.get(&l).map_or(String::new(), |t| (*t).clone()) } else { mail.get(name) };
                    (textarea(lang, name, &msg(language_key(l)), &value, 4, &mail.errors))
                    @if value.is_empty() {
                        p.hint { (lang.t("survey-mail-built-in")) " " em { (l.t("survey-mail-default")) } }
                    }
                }
                div.form-actions { button.button type="submit" { (lang.t("action-save")) } }
            }
        }
    };
    layout::page(visitor, &lang.t("survey-settings-title"), content)
}

async fn render(
    state: &AppState,
    visitor: &Visitor,
    values: &HashMap<&'static str, String>,
    errors: &FieldErrors,
    adding: &Typed,
    mail: &Typed,
) -> Result<Markup, WebError> {
    let admin = surveys::config(state.db(), visitor.lang).await?;
    Ok(view(visitor, &admin, values, errors, adding, mail))
}

fn back(authed: &Authed, anchor: &str) -> Response {
    redirect_with_flash(
        &format!("{}#{anchor}", paths::ADMIN_SURVEYS),
        Flash::Saved,
        authed.visitor.secure,
    )
}

/// `GET /admin/surveys`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    Ok(render(
        &state,
        visitor,
        &current_values(visitor),
        &FieldErrors::new(),
        &Typed::default(),
        &Typed::default(),
    )
    .await?
    .into_response())
}

/// `POST /admin/surveys`: the settings; a state not among the offered ones is refused.
pub async fn save(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let (st, visitor) = (&state, &authed.visitor);
    let admin = surveys::config(st.db(), visitor.lang).await?;
    if let Some((values, errors)) = refused_choice(
        visitor,
        &form,
        Section::Surveys,
        ("survey_ticket_state", &admin.states),
        msg("survey-error-state"),
    ) {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            view(
                visitor,
                &admin,
                &values,
                &errors,
                &Typed::default(),
                &Typed::default(),
            ),
        )
            .into_response());
    }
    save_sections_or_reshow(
        st,
        &authed,
        &form,
        &SECTIONS,
        paths::ADMIN_SURVEYS,
        |map, errors| async move {
            render(
                st,
                visitor,
                &map,
                &errors,
                &Typed::default(),
                &Typed::default(),
            )
            .await
        },
    )
    .await
}

/// `POST /admin/surveys/questions`: a new question at the end.
pub async fn add_question(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    match surveys::save_question(state.db(), None, form.0.clone()).await {
        Ok(_) => Ok(back(&authed, "questions")),
        Err(DomainError::Invalid(errors)) => {
            let visitor = &authed.visitor;
            let typed = Typed::from_form(&form, errors);
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                render(
                    &state,
                    visitor,
                    &current_values(visitor),
                    &FieldErrors::new(),
                    &typed,
                    &Typed::default(),
                )
                .await?,
            )
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}

fn question_view(visitor: &Visitor, id: i64, typed: &Typed) -> Markup {
    let lang = visitor.lang;
    let content = html! {
        p { a href=(format!("{}#questions", paths::ADMIN_SURVEYS)) { (lang.t("survey-settings-title")) } }
        (form_error(lang, (!typed.errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
        form.stack method="post" action=(fill(paths::ADMIN_SURVEY_QUESTION, &[&id.to_string()])) novalidate {
            (csrf_field(visitor))
            (question_fields(lang, typed))
            div.form-actions { button.button.button-primary type="submit" { (lang.t("action-save")) } }
        }
    };
    layout::page(visitor, &lang.t("survey-edit-question"), content)
}

/// `GET /admin/surveys/questions/{id}`: the question's form.
pub async fn question_page(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let admin = surveys::config(state.db(), visitor.lang).await?;
    let q = admin
        .questions
        .iter()
        .find(|q| q.id == id)
        .ok_or(DomainError::NotFound)?;
    Ok(question_view(visitor, id, &question_values(q)).into_response())
}

/// `POST /admin/surveys/questions/{id}`: the question changed.
pub async fn change_question(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
    form: FormPairs,
) -> Result<Response, WebError> {
    match surveys::save_question(state.db(), Some(id), form.0.clone()).await {
        Ok(_) => Ok(back(&authed, "questions")),
        Err(DomainError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            question_view(&authed.visitor, id, &Typed::from_form(&form, errors)),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/surveys/questions/{id}/delete`.
pub async fn remove_question(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    surveys::remove_question(state.db(), id).await?;
    Ok(back(&authed, "questions"))
}

/// `POST /admin/surveys/questions/{id}/move`: `direction` up or down.
pub async fn move_question(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
    form: FormPairs,
) -> Result<Response, WebError> {
    surveys::move_question(state.db(), id, form.get("direction") == "up").await?;
    Ok(back(&authed, "questions"))
}

/// `POST /admin/surveys/mail`: the invitation's text per language.
pub async fn save_mail(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let texts: Vec<(Lang, String)> = Lang::ALL
        .into_iter()
        .filter(|l| form.has(surveys::mail_field(*l)))
        .map(|l| (l, form.get(surveys::mail_field(l)).to_owned()))
        .collect();
    match surveys::save_mail_text(state.db(), texts).await {
        Ok(()) => Ok(back(&authed, "mail")),
        Err(DomainError::Invalid(errors)) => {
            let visitor = &authed.visitor;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                render(
                    &state,
                    visitor,
                    &current_values(visitor),
                    &FieldErrors::new(),
                    &Typed::default(),
                    &Typed::from_form(&form, errors),
                )
                .await?,
            )
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}
