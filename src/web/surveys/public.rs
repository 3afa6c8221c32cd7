//! `GET|POST /survey/{secret}`: the survey as the requester reaches it from the mailed link,
//! without logging in. It shows only the ticket's number and title, in the requester's
//! language. A wrong or unknown link, an expired one and one already answered each get a
//! polite page of their own; answers that do not fit come back with what was chosen.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::surveys::{self, Kind, Opened, Submitted, SurveyForm};
use crate::i18n::{Msg, format_date};
use crate::web::error::WebError;
use crate::web::extract::{FormPairs, Page};
use crate::web::paths::fill;
use crate::web::state::AppState;
use crate::web::ui::form::csrf_field;
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

/// The visitor, speaking the survey's language.
fn in_lang(visitor: &Arc<Visitor>, form: &SurveyForm) -> Visitor {
    let mut v = (**visitor).clone();
    v.lang = form.lang;
    v
}

fn question(
    lang: crate::i18n::Lang,
    id: i64,
    kind: Kind,
    scale: i64,
    w: &surveys::Wording,
    chosen: &str,
    error: Option<&Msg>,
) -> Markup {
    let name = format!("q{id}");
    let error_id = format!("{name}-error");
    let radio = |value: String, label: String| {
        html! {
            label.survey-choice {
                input type="radio" name=(name) value=(value) checked[chosen == value]
                    aria-describedby=[error.map(|_| error_id.as_str())];
                span { (label) }
            }
        }
    };
    html! {
        fieldset.survey-question.has-error[error.is_some()] id=(format!("question-{id}")) {
            legend { (w.text) }
            @match kind {
                Kind::YesNo => {
                    div.survey-choices {
                        (radio("yes".to_owned(), lang.t("survey-yes")))
                        (radio("no".to_owned(), lang.t("survey-no")))
                    }
                }
                Kind::Choice => {
                    div.survey-choices.survey-list {
                        @for (i, c) in w.choices.iter().enumerate() {
                            (radio((i + 1).to_string(), c.clone()))
                        }
                    }
                }
                Kind::Scale => {
                    div.survey-scale {
                        @if !w.low.is_empty() { span.survey-end { (w.low) } }
                        div.survey-choices {
                            @for n in 1..=scale { (radio(n.to_string(), n.to_string())) }
                        }
                        @if !w.high.is_empty() { span.survey-end { (w.high) } }
                    }
                }
                Kind::Text => {
                    label.visually-hidden for=(format!("f-{name}")) { (w.text) }
                    textarea id=(format!("f-{name}")) name=(name) rows="4"
                        maxlength=(surveys::rules::ANSWER_MAX)
                        aria-describedby=[error.map(|_| error_id.as_str())] { (chosen) }
                }
            }
            @if let Some(e) = error {
                p.field-error id=(error_id) { (e.render(lang)) }
            }
        }
    }
}

fn form_view(
    visitor: &Arc<Visitor>,
    form: &SurveyForm,
    secret: &str,
    typed: &FormPairs,
    errors: &[(i64, Msg)],
) -> Markup {
    let v = in_lang(visitor, form);
    let lang = v.lang;
    let content = html! {
        p.lead #survey-ticket {
            (lang.t_args("survey-about", &[("number", &form.ticket_id.to_string()), ("title", &form.ticket_title)]))
        }
        @if !errors.is_empty() {
            div.alert.alert-error role="alert" { (lang.t("survey-fix-answers")) }
        }
        form.stack.survey method="post" action=(fill(crate::web::paths::SURVEY, &[&secret])) novalidate {
            (csrf_field(&v))
            @for (id, kind, scale, w) in &form.questions {
                @let error = errors.iter().find(|(q, _)| q == id).map(|(_, m)| m);
                (question(lang, *id, *kind, *scale, w, typed.get(&format!("q{id}")), error))
            }
            button.button.button-primary type="submit" { (lang.t("survey-send")) }
        }
    };
    layout::card_page(&v, &lang.t("survey-title"), content)
}

fn refused_view(visitor: &Visitor, opened: &Opened) -> Response {
    let lang = visitor.lang;
    let (status, text) = match opened {
        Opened::Expired => (StatusCode::GONE, lang.t("survey-link-expired")),
        Opened::Answered(at) => (
            StatusCode::CONFLICT,
            lang.t_args("survey-link-answered", &[("date", &format_date(lang, *at))]),
        ),
        Opened::Unknown | Opened::Open(_) => (StatusCode::NOT_FOUND, lang.t("survey-link-unknown")),
    };
    let content = html! { p #survey-refused { (text) } };
    (
        status,
        layout::card_page(visitor, &lang.t("survey-title"), content),
    )
        .into_response()
}

/// `GET /survey/{secret}`.
pub async fn page(
    State(state): State<AppState>,
    Page(visitor): Page,
    Path(secret): Path<String>,
) -> Result<Response, WebError> {
    match surveys::open(state.db(), secret.clone()).await? {
        Opened::Open(form) => {
            Ok(form_view(&visitor, &form, &secret, &FormPairs(Vec::new()), &[]).into_response())
        }
        other => Ok(refused_view(&visitor, &other)),
    }
}

/// `POST /survey/{secret}`: the answers, recorded once.
pub async fn submit(
    State(state): State<AppState>,
    Page(visitor): Page,
    Path(secret): Path<String>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let settings = (*visitor.settings).clone();
    match surveys::submit(state.db(), settings, secret.clone(), form.0.clone()).await? {
        Submitted::Thanks(lang) => {
            let mut v = (*visitor).clone();
            v.lang = lang;
            let content = html! { p #survey-thanks { (lang.t("survey-thanks")) } };
            Ok(layout::card_page(&v, &lang.t("survey-title"), content).into_response())
        }
        Submitted::Refused(o) => Ok(refused_view(&visitor, &o)),
        Submitted::Invalid { form: f, errors } => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            form_view(&visitor, &f, &secret, &form, &errors),
        )
            .into_response()),
    }
}
