//! Writing assets: the form (new and edit) and saving it. Wrong input comes back with
//! everything typed and a message by each field; a save based on an older version than the
//! stored one is refused rather than overwriting someone's change. Fields the visitor's
//! rights hide (location, virtual) keep their stored value.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::assets::rules::{IFACE_IP, IFACE_MAC, IFACE_NETBIOS, IFACE_ROLE};
use crate::domain::assets::use_cases::{self, Choices};
use crate::domain::assets::{Asset, AssetId, MAX_IFACES, Typed, TypedIface};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Msg, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{Input, Select, checkbox, csrf_field, form_error, textarea};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

use super::{LOCATION, VIEW_ONLY, VIRTUALIZATION};

/// Blank interface rows offered below the stored ones.
const BLANK_IFACES: usize = 2;

/// What the form shows besides the typed fields.
struct FormPage {
    /// The asset being changed and the version the form is based on.
    editing: Option<(AssetId, i64)>,
    typed: Typed,
    choices: Choices,
    errors: FieldErrors,
    banner: Option<Msg>,
}

/// The form's fields as sent; the fields `visitor` does not see keep `stored`'s values.
fn typed_from(sent: &FormPairs, visitor: &Visitor, stored: Option<&Asset>) -> Typed {
    let kept = stored.map(Typed::from_asset).unwrap_or_default();
    let mut ifaces = Vec::new();
    for i in 0..MAX_IFACES {
        if !sent.has(IFACE_IP[i]) && !sent.has(IFACE_MAC[i]) && !sent.has(IFACE_NETBIOS[i]) {
            continue;
        }
        ifaces.push(TypedIface {
            role: sent.get(IFACE_ROLE[i]).to_owned(),
            netbios: sent.get(IFACE_NETBIOS[i]).to_owned(),
            ip: sent.get(IFACE_IP[i]).to_owned(),
            mac: sent.get(IFACE_MAC[i]).to_owned(),
        });
    }
    Typed {
        name: sent.get("name").to_owned(),
        sn_manufacturer: sent.get("sn_manufacturer").to_owned(),
        sn_internal: sent.get("sn_internal").to_owned(),
        type_id: sent.get("type").to_owned(),
        manufacturer: sent.get("manufacturer").to_owned(),
        model: sent.get("model").to_owned(),
        state: sent.get("state").to_owned(),
        user: sent.get("user").to_owned(),
        service: sent.get("service").to_owned(),
        location: if visitor.has_right(LOCATION) {
            sent.get("location").to_owned()
        } else {
            kept.location
        },
        socket: sent.get("socket").to_owned(),
        technician: sent.get("technician").to_owned(),
        purchased_on: sent.get("purchased_on").to_owned(),
        installed_on: sent.get("installed_on").to_owned(),
        end_of_life_on: sent.get("end_of_life_on").to_owned(),
        warranty_end: sent.get("warranty_end").to_owned(),
        description: sent.get("description").to_owned(),
        is_virtual: if visitor.has_right(VIRTUALIZATION) {
            sent.get("virtual") == "1"
        } else {
            kept.is_virtual
        },
        ifaces,
    }
}

fn iface_rows(visitor: &Visitor, page: &FormPage) -> Markup {
    let lang = visitor.lang;
    let errors = &page.errors;
    let mut rows = page.typed.ifaces.clone();
    let blank = BLANK_IFACES.min(MAX_IFACES.saturating_sub(rows.len()));
    rows.extend(std::iter::repeat_n(TypedIface::default(), blank));
    html! {
        fieldset.stack #asset-ifaces {
            legend { (lang.t("asset-ifaces")) }
            p.hint { (lang.t("asset-ifaces-help")) }
            @if let Some(m) = errors.get("ifaces") { p.field-error { (m.render(lang)) } }
            @for (i, row) in rows.iter().enumerate() {
                @let selected = vec![row.role.clone()];
                div.field-grid.iface-row {
                    (Select::one(IFACE_ROLE[i], msg("asset-iface-role"), &page.choices.roles, &selected)
                        .empty(msg("choice-none")).render(lang, errors))
                    (Input::text(IFACE_NETBIOS[i], msg("asset-iface-netbios"), &row.netbios).render(lang, errors))
                    (Input::text(IFACE_IP[i], msg("asset-iface-ip"), &row.ip).render(lang, errors))
                    (Input::text(IFACE_MAC[i], msg("asset-iface-mac"), &row.mac).render(lang, errors))
                }
            }
        }
    }
}

fn render(visitor: &Visitor, page: &FormPage) -> Markup {
    let lang = visitor.lang;
    let t = &page.typed;
    let errors = &page.errors;
    let c = &page.choices;
    let action = match page.editing {
        Some((id, _)) => fill(paths::ASSET, &[&id]),
        None => paths::ASSETS.to_owned(),
    };
    let one = |v: &str| vec![v.to_owned()];
    let models: Vec<(String, String)> = c
        .models
        .iter()
        .map(|m| (m.id.to_string(), m.name.clone()))
        .collect();
    let banner = page
        .banner
        .clone()
        .or_else(|| (!errors.is_empty()).then(|| msg("form-has-errors")));
    let user_error = errors.get("user");
    html! {
        (form_error(lang, banner.as_ref()))
        form.stack #asset-form method="post" action=(action) novalidate {
            (csrf_field(visitor))
            @if let Some((_, version)) = page.editing {
                input type="hidden" name="version" value=(version);
            }
            div.field-grid {
                (Input::text("name", msg("asset-field-name"), &t.name).required().autofocus().render(lang, errors))
                (Select::one("state", msg("asset-field-state"), &c.states, &one(&t.state)).required().render(lang, errors))
                (Select::one("type", msg("asset-field-type"), &c.types, &one(&t.type_id))
                    .empty(msg("choice-none")).render(lang, errors))
                (Select::one("manufacturer", msg("asset-field-manufacturer"), &c.manufacturers, &one(&t.manufacturer))
                    .empty(msg("choice-none")).render(lang, errors))
                (Select::one("model", msg("asset-field-model"), &models, &one(&t.model))
                    .empty(msg("choice-none")).render(lang, errors))
                (Input::text("sn_manufacturer", msg("asset-field-sn-manufacturer"), &t.sn_manufacturer).render(lang, errors))
                (Input::text("sn_internal", msg("asset-field-sn-internal"), &t.sn_internal).render(lang, errors))
            }
            p.hint { (lang.t("asset-model-help")) }
            div.field-grid {
                div.field.has-error[user_error.is_some()] {
                    label for="f-user" { (lang.t("asset-field-user")) }
                    select #f-user name="user"
                        data-combobox data-combobox-label=(lang.t("ticket-requester-search"))
                        data-combobox-none=(lang.t("ticket-requester-search-none"))
                        data-search-url=[c.user_search.then_some(paths::USER_CHOICES)]
                        aria-invalid=[user_error.map(|_| "true")] {
                        option value="" { (lang.t("choice-none")) }
                        @for (v, label) in &c.users {
                            option value=(v) selected[*v == t.user] { (label) }
                        }
                    }
                    @if let Some(m) = user_error { p.field-error { (m.render(lang)) } }
                }
                (Select::one("service", msg("asset-field-service"), &c.services, &one(&t.service))
                    .empty(msg("choice-none")).render(lang, errors))
                (Select::one("technician", msg("asset-field-technician"), &c.technicians, &one(&t.technician))
                    .empty(msg("choice-none")).render(lang, errors))
                @if visitor.has_right(LOCATION) {
                    (Select::one("location", msg("asset-field-location"), &c.locations, &one(&t.location))
                        .empty(msg("choice-none")).render(lang, errors))
                }
                (Input::text("socket", msg("asset-field-socket"), &t.socket).render(lang, errors))
            }
            div.field-grid {
                (Input::text("purchased_on", msg("asset-field-purchased-on"), &t.purchased_on).kind("date").render(lang, errors))
                (Input::text("installed_on", msg("asset-field-installed-on"), &t.installed_on).kind("date").render(lang, errors))
                (Input::text("warranty_end", msg("asset-field-warranty-end"), &t.warranty_end).kind("date").render(lang, errors))
                (Input::text("end_of_life_on", msg("asset-field-end-of-life-on"), &t.end_of_life_on).kind("date").render(lang, errors))
            }
            p.hint { (lang.t("asset-warranty-help")) }
            @if visitor.has_right(VIRTUALIZATION) {
                (checkbox(lang, "virtual", &msg("asset-field-virtual"), t.is_virtual, Some(&msg("asset-virtual-help"))))
                @if let Some(m) = errors.get("virtual") { p.field-error { (m.render(lang)) } }
            }
            (iface_rows(visitor, page))
            (textarea(lang, "description", &msg("asset-field-description"), &t.description, 5, errors))
            div.form-actions {
                button.button.button-primary type="submit" { (lang.t("asset-save")) }
                a.button href=(match page.editing {
                    Some((id, _)) => fill(paths::ASSET, &[&id]),
                    None => paths::ASSETS.to_owned(),
                }) { (lang.t("asset-cancel")) }
            }
        }
    }
}

fn respond(visitor: &Visitor, page: &FormPage, status: StatusCode) -> Response {
    let title = visitor.lang.t(if page.editing.is_some() {
        "asset-edit"
    } else {
        "asset-new"
    });
    (status, layout::page(visitor, &title, render(visitor, page))).into_response()
}

async fn load_form(
    state: &AppState,
    authed: &Authed,
    editing: Option<(AssetId, i64)>,
    typed: Typed,
) -> Result<FormPage, WebError> {
    let choices = use_cases::form(state.db(), authed.visitor.lang, &typed).await?;
    Ok(FormPage {
        editing,
        typed,
        choices,
        errors: FieldErrors::new(),
        banner: None,
    })
}

/// `GET /assets/new`.
pub async fn new_page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    if authed.visitor.has_right(VIEW_ONLY) {
        return Err(WebError::Forbidden);
    }
    let typed = Typed {
        state: use_cases::first_state(state.db())
            .await?
            .map(|s| s.to_string())
            .unwrap_or_default(),
        ..Typed::default()
    };
    let page = load_form(&state, &authed, None, typed).await?;
    Ok(respond(&authed.visitor, &page, StatusCode::OK))
}

/// `GET /assets/{id}/edit`.
pub async fn edit_page(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<AssetId>,
) -> Result<Response, WebError> {
    if authed.visitor.has_right(VIEW_ONLY) {
        return Err(WebError::Forbidden);
    }
    let asset = use_cases::get(state.db(), authed.actor(), id).await?;
    let page = load_form(
        &state,
        &authed,
        Some((asset.id, asset.version)),
        Typed::from_asset(&asset),
    )
    .await?;
    Ok(respond(&authed.visitor, &page, StatusCode::OK))
}

async fn reshow(
    state: &AppState,
    authed: &Authed,
    editing: Option<(AssetId, i64)>,
    typed: Typed,
    errors: FieldErrors,
    banner: Option<Msg>,
) -> Result<Response, WebError> {
    let status = if banner.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut page = load_form(state, authed, editing, typed).await?;
    page.errors = errors;
    page.banner = banner;
    Ok(respond(&authed.visitor, &page, status))
}

async fn store(
    state: AppState,
    authed: Authed,
    editing: Option<AssetId>,
    sent: FormPairs,
) -> Result<Response, WebError> {
    let stored = match editing {
        Some(id) => Some(use_cases::get(state.db(), authed.actor(), id).await?),
        None => None,
    };
    let typed = typed_from(&sent, &authed.visitor, stored.as_ref());
    let based_on = editing.map(|id| (id, sent.get("version").trim().parse().unwrap_or(0)));
    let submission = use_cases::Submission {
        editing: based_on,
        typed: typed.clone(),
    };
    match use_cases::store(state.db(), authed.actor(), submission).await {
        Ok(id) => Ok(redirect_with_flash(
            &fill(paths::ASSET, &[&id]),
            Flash::Saved,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            reshow(&state, &authed, based_on, typed, errors, None).await
        }
        Err(DomainError::Conflict(m)) => {
            // The form comes back based on the stored version: saving again replaces it,
            // knowingly.
            let id = editing.ok_or(WebError::NotFound)?;
            let now = use_cases::get(state.db(), authed.actor(), id).await?;
            let based_on = Some((id, now.version));
            reshow(
                &state,
                &authed,
                based_on,
                typed,
                FieldErrors::new(),
                Some(m),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /assets`.
pub async fn create(
    State(state): State<AppState>,
    authed: Authed,
    sent: FormPairs,
) -> Result<Response, WebError> {
    store(state, authed, None, sent).await
}

/// `POST /assets/{id}`.
pub async fn save(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<AssetId>,
    sent: FormPairs,
) -> Result<Response, WebError> {
    store(state, authed, Some(id), sent).await
}
