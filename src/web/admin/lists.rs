//! Administration > Lists: every editable list, chosen on the left, its entries on the right with
//! add, edit, retire/restore and delete. Built-in entries cannot be deleted; an entry in use
//! cannot be deleted either, and the page says where it is used.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::domain::FieldErrors;
use crate::domain::lists::page::{Loaded, Refs};
use crate::domain::lists::{self, Column, ColumnKind, DeleteRefusal, Entry, ListDef, Value, repo};
use crate::i18n::{Lang, Msg, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::outcome::save_or_reshow;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{Input, Select, action_button, checkbox, csrf_field, form_error};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

use super::model_picture;

/// The lists this visitor may manage, given the settings that show or hide some.
fn available(visitor: &Visitor) -> Vec<&'static ListDef> {
    lists::ALL
        .iter()
        .filter(|l| l.gate.is_none_or(|g| visitor.settings.flag(g)))
        .filter(|l| l.manageable_with(|r| visitor.has_right(r)))
        .collect()
}

/// The list with `code`, if it exists, is shown, and this visitor may manage it.
fn resolve(visitor: &Visitor, code: &str) -> Result<&'static ListDef, WebError> {
    let def = lists::find(code).ok_or(WebError::NotFound)?;
    if def.gate.is_some_and(|g| !visitor.settings.flag(g)) {
        return Err(WebError::NotFound);
    }
    if !def.manageable_with(|r| visitor.has_right(r)) {
        return Err(WebError::Forbidden);
    }
    Ok(def)
}

fn columns(visitor: &Visitor, def: &'static ListDef) -> Vec<&'static Column> {
    def.visible_columns(|k| visitor.settings.flag(k))
        .into_iter()
        .map(|(_, c)| c)
        .collect()
}

/// `GET /admin/lists`: the first list this visitor may manage.
pub async fn index(authed: Authed) -> Result<Response, WebError> {
    let first = available(&authed.visitor)
        .into_iter()
        .next()
        .ok_or(WebError::Forbidden)?;
    Ok(Redirect::to(&fill(paths::ADMIN_LIST, &[&first.code])).into_response())
}

async fn load(
    state: &AppState,
    visitor: &Visitor,
    def: &'static ListDef,
) -> Result<Loaded, WebError> {
    let cols = columns(visitor, def);
    Ok(lists::page::list(state.db(), def, cols, visitor.lang).await?)
}

fn cell(
    def: &ListDef,
    col: &Column,
    entry: &Entry,
    index: usize,
    refs: &Refs,
    lang: Lang,
) -> Markup {
    let value = &entry.values[index];
    html! {
        @match col.kind {
            ColumnKind::Name => { (repo::display_name(def, entry, lang)) }
            ColumnKind::Flag => { (if *value == Value::Int(1) { lang.t("choice-yes") } else { lang.t("choice-no") }) }
            ColumnKind::Color => {
                @let c = value.as_form_text();
                span.swatch style=(format!("background:{c}")) aria-hidden="true" {} " " code { (c) }
            }
            ColumnKind::Ticket => {
                @if let Value::Int(id) = value {
                    a href=(fill(paths::TICKET, &[id])) { "#" (id) }
                }
            }
            ColumnKind::Ref(target) => {
                @if let Value::Int(id) = value {
                    (refs.names.get(target).and_then(|m| m.get(id)).cloned().unwrap_or_default())
                }
            }
            ColumnKind::Staff(_) => {
                @if let Value::Int(id) = value {
                    (refs.names.get(col.name).and_then(|m| m.get(id)).cloned().unwrap_or_default())
                }
            }
            _ => { (value.as_form_text()) }
        }
    }
}

/// The input of one column, filled with `value`.
fn input(
    col: &'static Column,
    value: &str,
    refs: &Refs,
    lang: Lang,
    errors: &FieldErrors,
) -> Markup {
    let label = msg(col.label);
    match col.kind {
        ColumnKind::Flag => checkbox(lang, col.name, &label, value == "1", None),
        ColumnKind::Ref(_) | ColumnKind::Staff(_) => {
            let key = match col.kind {
                ColumnKind::Ref(target) => target,
                _ => col.name,
            };
            let options = refs.choices.get(key).cloned().unwrap_or_default();
            let selected = [value.to_owned()];
            let select = Select::one(col.name, label, &options, &selected);
            let select = if col.required {
                select.required()
            } else {
                select.empty(msg("choice-none"))
            };
            select.render(lang, errors)
        }
        kind => {
            let html_kind = match kind {
                ColumnKind::Number { .. } | ColumnKind::Ticket => "number",
                ColumnKind::Color => "color",
                ColumnKind::Date => "date",
                ColumnKind::Mail => "email",
                _ => "text",
            };
            Input::text(col.name, label, value)
                .kind(html_kind)
                .required_if(col.required)
                .render(lang, errors)
        }
    }
}

fn default_value(col: &Column) -> String {
    match col.kind {
        ColumnKind::Color => "#428bca".to_owned(),
        ColumnKind::Number { min, .. } => min.max(0).to_string(),
        _ => String::new(),
    }
}

fn nav(visitor: &Visitor, current: &ListDef) -> Markup {
    let lang = visitor.lang;
    html! {
        nav.list-nav aria-label=(lang.t("lists-title")) {
            ul role="list" {
                @for l in available(visitor) {
                    li {
                        a href=(fill(paths::ADMIN_LIST, &[&l.code])) aria-current=[(l.code == current.code).then_some("page")] {
                            (lang.t(l.title))
                        }
                    }
                }
            }
        }
    }
}

fn list_page(
    visitor: &Visitor,
    def: &'static ListDef,
    loaded: &Loaded,
    form: &HashMap<String, String>,
    errors: &FieldErrors,
    banner: &[Msg],
) -> Markup {
    let lang = visitor.lang;
    let cols = columns(visitor, def);
    let indexes: Vec<usize> = def
        .visible_columns(|k| visitor.settings.flag(k))
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    let content = html! {
        div.lists-layout {
            (nav(visitor, def))
            div.lists-main {
                @for m in banner {
                    div.alert.alert-error role="alert" { (m.render(lang)) }
                }
                div.table-wrap {
                    table.data-table {
                        thead {
                            tr {
                                @for c in &cols { th scope="col" { (lang.t(c.label)) } }
                                th scope="col" { span.visually-hidden { (lang.t("col-actions")) } }
                            }
                        }
                        tbody {
                            @if loaded.entries.is_empty() {
                                tr { td colspan=(cols.len() + 1) { (lang.t("lists-empty")) } }
                            }
                            @for e in &loaded.entries {
                                tr.is-disabled[e.disabled] {
                                    @for (c, i) in cols.iter().zip(&indexes) {
                                        td { (cell(def, c, e, *i, &loaded.refs, lang)) }
                                    }
                                    td.actions {
                                        @if e.disabled { span.badge { (lang.t("lists-disabled-badge")) } }
                                        @if e.builtin { span.badge { (lang.t("lists-builtin-badge")) } }
                                        a.button.button-small href=(fill(paths::ADMIN_LIST_ENTRY, &[&def.code, &e.id])) { (lang.t("action-edit")) }
                                        @if def.code == "agencies" && visitor.has_right(crate::domain::rights::names::ADMIN) {
                                            a.button.button-small href=(fill(paths::ADMIN_AGENCY_MOVE, &[&e.id])) { (lang.t("agency-move-link")) }
                                        }
                                        @if def.has_disabled {
                                            (action_button(visitor, &fill(paths::ADMIN_LIST_ENTRY_TOGGLE, &[&def.code, &e.id]),
                                                &lang.t(if e.disabled { "action-enable" } else { "action-disable" }), "", None))
                                        }
                                        @if !e.builtin {
                                            (action_button(visitor, &fill(paths::ADMIN_LIST_ENTRY_DELETE, &[&def.code, &e.id]),
                                                &lang.t("action-delete"), "button-danger", Some(&lang.t("lists-confirm-delete"))))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @if def.can_add {
                    section.panel {
                        h2 { (lang.t("lists-add")) }
                        (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
                        form.stack method="post" action=(fill(paths::ADMIN_LIST, &[&def.code])) novalidate {
                            (csrf_field(visitor))
                            @for c in &cols {
                                @let v = form.get(c.name).cloned().unwrap_or_else(|| default_value(c));
                                (input(c, &v, &loaded.refs, lang, errors))
                            }
                            div.form-actions {
                                button.button.button-primary type="submit" { (lang.t("action-add")) }
                            }
                        }
                    }
                }
            }
        }
    };
    layout::page(
        visitor,
        &format!("{} · {}", lang.t("lists-title"), lang.t(def.title)),
        content,
    )
}

/// `GET /admin/lists/{list}`.
pub async fn show(
    State(state): State<AppState>,
    authed: Authed,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    let def = resolve(&authed.visitor, &code)?;
    let loaded = load(&state, &authed.visitor, def).await?;
    Ok(list_page(
        &authed.visitor,
        def,
        &loaded,
        &HashMap::new(),
        &FieldErrors::new(),
        &[],
    )
    .into_response())
}

/// `POST /admin/lists/{list}`: adds an entry.
pub async fn add(
    State(state): State<AppState>,
    authed: Authed,
    Path(code): Path<String>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let def = resolve(visitor, &code)?;
    let map = form.to_map();
    let result = lists::save(
        state.db(),
        def,
        None,
        map.clone(),
        &visitor.settings,
        visitor.lang,
    )
    .await;
    save_or_reshow(
        result,
        |_| {
            redirect_with_flash(
                &fill(paths::ADMIN_LIST, &[&def.code]),
                Flash::Saved,
                visitor.secure,
            )
        },
        |errors| async move {
            let loaded = load(&state, visitor, def).await?;
            Ok(list_page(visitor, def, &loaded, &map, &errors, &[]))
        },
    )
    .await
}

fn edit_page(
    visitor: &Visitor,
    def: &'static ListDef,
    entry: &Entry,
    refs: &Refs,
    form: &HashMap<String, String>,
    errors: &FieldErrors,
    picture: Option<Markup>,
) -> Markup {
    let lang = visitor.lang;
    let all = def.visible_columns(|k| visitor.settings.flag(k));
    let content = html! {
        div.lists-layout {
            (nav(visitor, def))
            div.lists-main {
                section.panel {
                    (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
                    form.stack method="post" action=(fill(paths::ADMIN_LIST_ENTRY, &[&def.code, &entry.id])) novalidate {
                        (csrf_field(visitor))
                        @for (i, c) in &all {
                            @let shown = match c.kind {
                                ColumnKind::Name => repo::display_name(def, entry, lang),
                                _ => entry.values[*i].as_form_text(),
                            };
                            @let v = form.get(c.name).cloned().unwrap_or(shown);
                            (input(c, &v, refs, lang, errors))
                        }
                        div.form-actions {
                            button.button.button-primary type="submit" { (lang.t("action-save")) }
                            a.button href=(fill(paths::ADMIN_LIST, &[&def.code])) { (lang.t("action-cancel")) }
                        }
                    }
                }
                @if let Some(p) = picture { (p) }
            }
        }
    };
    layout::page(
        visitor,
        &format!(
            "{} · {}",
            lang.t(def.title),
            repo::display_name(def, entry, lang)
        ),
        content,
    )
}

async fn load_entry(
    state: &AppState,
    visitor: &Visitor,
    def: &'static ListDef,
    id: i64,
) -> Result<(Entry, Refs), WebError> {
    let cols = columns(visitor, def);
    Ok(lists::page::entry(state.db(), def, id, cols, visitor.lang).await?)
}

/// The picture part of a model's page (other lists have none).
async fn picture(
    state: &AppState,
    authed: &Authed,
    def: &'static ListDef,
    id: i64,
    errors: &FieldErrors,
) -> Result<Option<Markup>, WebError> {
    if def.code != model_picture::LIST {
        return Ok(None);
    }
    let version = crate::domain::assets::pictures::current(state.db(), authed.actor(), id).await?;
    Ok(Some(model_picture::section(
        &authed.visitor,
        id,
        version.as_deref(),
        errors,
    )))
}

/// Entry `id`'s page as stored, with `picture_errors` by the picture of a model.
async fn stored_entry_page(
    state: &AppState,
    authed: &Authed,
    def: &'static ListDef,
    id: i64,
    picture_errors: &FieldErrors,
) -> Result<Markup, WebError> {
    let (entry, refs) = load_entry(state, &authed.visitor, def, id).await?;
    let picture = picture(state, authed, def, id, picture_errors).await?;
    Ok(edit_page(
        &authed.visitor,
        def,
        &entry,
        &refs,
        &HashMap::new(),
        &FieldErrors::new(),
        picture,
    ))
}

/// `GET /admin/lists/{list}/{id}`.
pub async fn edit(
    State(state): State<AppState>,
    authed: Authed,
    Path((code, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    let def = resolve(&authed.visitor, &code)?;
    let page = stored_entry_page(&state, &authed, def, id, &FieldErrors::new()).await?;
    Ok(page.into_response())
}

/// A model's page again, with why its picture was refused.
pub async fn edit_with_picture_errors(
    state: &AppState,
    authed: &Authed,
    id: i64,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    let def = resolve(&authed.visitor, model_picture::LIST)?;
    let page = stored_entry_page(state, authed, def, id, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// `POST /admin/lists/{list}/{id}`: saves an entry.
pub async fn update(
    State(state): State<AppState>,
    authed: Authed,
    Path((code, id)): Path<(String, i64)>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let authed = &authed;
    let visitor = &authed.visitor;
    let def = resolve(visitor, &code)?;
    let map = form.to_map();
    let result = lists::save(
        state.db(),
        def,
        Some(id),
        map.clone(),
        &visitor.settings,
        visitor.lang,
    )
    .await;
    save_or_reshow(
        result,
        |_| {
            redirect_with_flash(
                &fill(paths::ADMIN_LIST, &[&def.code]),
                Flash::Saved,
                visitor.secure,
            )
        },
        |errors| async move {
            let (entry, refs) = load_entry(&state, visitor, def, id).await?;
            let picture = picture(&state, authed, def, id, &FieldErrors::new()).await?;
            Ok(edit_page(
                visitor, def, &entry, &refs, &map, &errors, picture,
            ))
        },
    )
    .await
}

/// `POST /admin/lists/{list}/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path((code, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let def = resolve(visitor, &code)?;
    match lists::delete(state.db(), def, id).await? {
        Ok(()) => Ok(redirect_with_flash(
            &fill(paths::ADMIN_LIST, &[&def.code]),
            Flash::Deleted,
            visitor.secure,
        )),
        Err(refusal) => {
            let mut banner = vec![msg("lists-delete-refused")];
            banner.extend(lists::refusal_message(&refusal));
            if matches!(refusal, DeleteRefusal::InUse(_)) && def.has_disabled {
                banner.push(msg("lists-disable-instead"));
            }
            let loaded = load(&state, visitor, def).await?;
            Ok((
                StatusCode::CONFLICT,
                list_page(
                    visitor,
                    def,
                    &loaded,
                    &HashMap::new(),
                    &FieldErrors::new(),
                    &banner,
                ),
            )
                .into_response())
        }
    }
}

/// `POST /admin/lists/{list}/{id}/toggle`: retires or restores an entry.
pub async fn toggle(
    State(state): State<AppState>,
    authed: Authed,
    Path((code, id)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let def = resolve(visitor, &code)?;
    let disabled = lists::toggle_disabled(state.db(), def, id).await?;
    let flash = if disabled {
        Flash::Disabled
    } else {
        Flash::Enabled
    };
    Ok(redirect_with_flash(
        &fill(paths::ADMIN_LIST, &[&def.code]),
        flash,
        visitor.secure,
    ))
}
