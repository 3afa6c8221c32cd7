//! Writing procedures: the form (new and edit), saving it with its files, and deleting.
//! Wrong input comes back with everything typed and the files already sent; a save based on an
//! older version than the stored one is refused rather than overwriting someone's change.

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::files::{self, Attachment, Store};
use crate::domain::ids::ProcedureId;
use crate::domain::procedures::choices::Choices;
use crate::domain::procedures::{Typed, use_cases};
use crate::domain::{DomainError, FieldErrors, settings};
use crate::i18n::{Msg, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::tickets::upload::{self, Submitted};
use crate::web::tickets::view::{file_icon, size_text};
use crate::web::ui::form::{Input, Select, checkbox, csrf_field, form_error, textarea};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

use super::{COMPANY, SEE_ALL};

/// What the form shows besides the typed fields.
struct FormPage {
    /// The procedure being changed and the version the form is based on.
    editing: Option<(ProcedureId, i64)>,
    typed: Typed,
    choices: Choices,
    /// Files already stored with the procedure.
    stored: Vec<Attachment>,
    /// Files sent with an attempt that came back.
    pending: Vec<Attachment>,
    errors: FieldErrors,
    banner: Option<Msg>,
}

fn typed_from(sent: &Submitted) -> Typed {
    Typed {
        title: sent.get("title").to_owned(),
        body: sent.get("body").to_owned(),
        category: sent.get("category").to_owned(),
        subcategory: sent.get("subcategory").to_owned(),
        company: sent.get("company").to_owned(),
        published: sent.get("published") == "1",
    }
}

fn render(visitor: &Visitor, page: &FormPage) -> Markup {
    let lang = visitor.lang;
    let t = &page.typed;
    let errors = &page.errors;
    let target = match page.editing {
        Some((id, _)) => fill(paths::PROCEDURE, &[&id]),
        None => paths::PROCEDURES.to_owned(),
    };
    // Multipart forms carry their token in the address (see the CSRF check).
    let action = format!("{target}?{}={}", crate::web::csrf::FIELD, visitor.csrf);
    let selected = |v: &str| vec![v.to_owned()];
    let (category, company) = (selected(&t.category), selected(&t.company));
    let max = visitor.settings.number(settings::ATTACHMENT_MAX_COUNT);
    let room = (max - page.stored.len() as i64).max(0);
    let banner = page
        .banner
        .clone()
        .or_else(|| (!errors.is_empty()).then(|| msg("form-has-errors")));
    let sub_error = errors.get("subcategory");
    html! {
        (form_error(lang, banner.as_ref()))
        form.stack #procedure-form method="post" enctype="multipart/form-data" action=(action) novalidate {
            (csrf_field(visitor))
            @if let Some((_, version)) = page.editing {
                input type="hidden" name="version" value=(version);
            }
            (Input::text("title", msg("procedures-title"), &t.title).required().autofocus().render(lang, errors))
            div.field-grid {
                (Select::one("category", msg("procedures-category"), &page.choices.categories, &category)
                    .empty(msg("choice-none")).render(lang, errors))
                div.field.has-error[sub_error.is_some()] {
                    label for="f-subcategory" { (lang.t("procedures-subcategory")) }
                    select #f-subcategory name="subcategory" data-follows="#f-category"
                        aria-invalid=[sub_error.map(|_| "true")] {
                        option value="" { (lang.t("choice-none")) }
                        @for s in &page.choices.subcategories {
                            @let v = s.id.to_string();
                            option value=(v) data-category=(s.category_id) selected[v == t.subcategory] { (s.label) }
                        }
                    }
                    @if let Some(m) = sub_error { p.field-error { (m.render(lang)) } }
                }
                @if visitor.has_right(COMPANY) {
                    (Select::one("company", msg("procedures-company"), &page.choices.companies, &company)
                        .empty(msg("choice-none")).render(lang, errors))
                }
            }
            (checkbox(lang, "published", &msg("procedures-published"), t.published, Some(&msg("procedures-published-help"))))
            (textarea(lang, "body", &msg("procedures-body"), &t.body, 16, errors))
            p.hint { (lang.t("procedures-body-help")) }
            div.field.has-error[errors.get("attachments").is_some()] {
                label for="f-attachments" { (lang.t("procedures-add-files")) }
                @if !page.stored.is_empty() || !page.pending.is_empty() {
                    ul.file-list {
                        @for f in page.stored.iter().chain(&page.pending) {
                            li {
                                (file_icon(&f.content_type)) " " (f.filename) " "
                                span.muted { "(" (size_text(lang, f.size)) ")" }
                                @if let Some(token) = &f.pending_token {
                                    input type="hidden" name="pending" value=(token);
                                }
                            }
                        }
                    }
                }
                @if room > 0 {
                    input #f-attachments type="file" name="attachments" multiple accept=(files::accept_attribute());
                }
                p.hint {
                    (lang.t_args("ticket-attachments-hint", &[
                        ("count", &room.to_string()),
                        ("size", &visitor.settings.number(settings::ATTACHMENT_MAX_MB).to_string()),
                    ]))
                }
                @for (f, m) in &errors.0 {
                    @if *f == "attachments" { p.field-error { (m.render(lang)) } }
                }
            }
            div.form-actions {
                button.button.button-primary type="submit" { (lang.t("action-save")) }
                a.button href=(match page.editing { Some((id, _)) => fill(paths::PROCEDURE, &[&id]), None => paths::PROCEDURES.to_owned() }) {
                    (lang.t("action-cancel"))
                }
            }
        }
    }
}

fn respond(visitor: &Visitor, page: &FormPage, status: axum::http::StatusCode) -> Response {
    let title = visitor.lang.t(if page.editing.is_some() {
        "procedures-edit"
    } else {
        "procedures-new"
    });
    (status, layout::page(visitor, &title, render(visitor, page))).into_response()
}

/// Loads the choices and files for a form showing `typed`.
async fn load_form(
    state: &AppState,
    authed: &Authed,
    editing: Option<(ProcedureId, i64)>,
    typed: Typed,
    pending: Vec<String>,
) -> Result<FormPage, WebError> {
    let lang = authed.visitor.lang;
    let id = editing.map(|(id, _)| id);
    let data = use_cases::form(state.db(), authed.actor(), lang, id, &typed, pending).await?;
    Ok(FormPage {
        editing,
        typed,
        choices: data.choices,
        stored: data.stored,
        pending: data.pending,
        errors: FieldErrors::new(),
        banner: None,
    })
}

/// `GET /procedures/new`.
pub async fn new_page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let page = load_form(&state, &authed, None, Typed::default(), Vec::new()).await?;
    Ok(respond(&authed.visitor, &page, axum::http::StatusCode::OK))
}

/// `GET /procedures/{id}/edit`.
pub async fn edit_page(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<ProcedureId>,
) -> Result<Response, WebError> {
    let p = use_cases::get(state.db(), authed.actor(), id).await?;
    let page = load_form(
        &state,
        &authed,
        Some((p.id, p.version)),
        Typed::from_procedure(&p),
        Vec::new(),
    )
    .await?;
    Ok(respond(&authed.visitor, &page, axum::http::StatusCode::OK))
}

/// The form again, with what was sent and why it was refused.
async fn reshow(
    state: &AppState,
    authed: &Authed,
    editing: Option<(ProcedureId, i64)>,
    sent: Submitted,
    errors: FieldErrors,
    banner: Option<Msg>,
) -> Result<Response, WebError> {
    let typed = typed_from(&sent);
    let mut page = load_form(state, authed, editing, typed, sent.pending).await?;
    page.errors = errors;
    page.banner = banner;
    Ok(respond(
        &authed.visitor,
        &page,
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
    ))
}

/// Checks and stores the form: a new procedure (`editing` none) or a change of procedure
/// `editing`, based on the version the form sends back.
async fn store(
    state: AppState,
    authed: Authed,
    editing: Option<ProcedureId>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let me = authed.actor().id().0;
    // Checked before the form is read: nothing is stored for a procedure one may not see.
    let files = use_cases::room(state.db(), authed.actor(), editing).await?;
    let room = upload::Allowance::Room(files);
    let sent = upload::read(multipart, &state, &authed.visitor.settings, me, room).await?;
    let based_on = editing.map(|id| (id, sent.get("version").trim().parse().unwrap_or(0)));
    if !sent.errors.is_empty() {
        let errors = sent.errors.clone();
        return reshow(&state, &authed, based_on, sent, errors, None).await;
    }
    let submission = use_cases::Submission {
        editing: based_on,
        typed: typed_from(&sent),
        pending: sent.pending.clone(),
    };
    let result = use_cases::store(state.db(), authed.actor(), submission).await;
    match result {
        Ok(id) => Ok(redirect_with_flash(
            &fill(paths::PROCEDURE, &[&id]),
            Flash::Saved,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            reshow(&state, &authed, based_on, sent, errors, None).await
        }
        Err(DomainError::Conflict(m)) => {
            // The form comes back based on the stored version: saving again replaces it, knowingly.
            let id = editing.ok_or(WebError::NotFound)?;
            let stored = use_cases::get(state.db(), authed.actor(), id).await?;
            let based_on = Some((id, stored.version));
            reshow(&state, &authed, based_on, sent, FieldErrors::new(), Some(m)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /procedures`.
pub async fn create(
    State(state): State<AppState>,
    authed: Authed,
    multipart: Multipart,
) -> Result<Response, WebError> {
    store(state, authed, None, multipart).await
}

/// `POST /procedures/{id}`.
pub async fn save(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<ProcedureId>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    store(state, authed, Some(id), multipart).await
}

/// `POST /procedures/{id}/delete`: the procedure and its files.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<ProcedureId>,
) -> Result<Response, WebError> {
    let store = Store::new(&state.app().config().attachments_dir());
    use_cases::delete(state.db(), &store, authed.actor(), id).await?;
    let back = if authed.visitor.has_right(SEE_ALL) {
        paths::PROCEDURES
    } else {
        paths::HOME
    };
    Ok(redirect_with_flash(
        back,
        Flash::Deleted,
        authed.visitor.secure,
    ))
}
