//! Assets (behind the asset function switch): `GET /api/v1/assets` (the list's search: by
//! name, serial number, IP or MAC address, and a state), `GET /api/v1/assets/{id}`,
//! `POST /api/v1/assets` and `PATCH /api/v1/assets/{id}` (with `If-Match`, like a ticket), all
//! through the asset pages' use cases and rights.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::header::{ETAG, LOCATION};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::assets::repo::{Query as AssetQuery, Sort};
use crate::domain::assets::use_cases::{self, Shown, Submission};
use crate::domain::assets::{AssetId, Typed, TypedIface};
use crate::domain::clock;
use crate::domain::error::{DomainError, FieldErrors};
use crate::i18n::msg;
use crate::web::error::WebError;
use crate::web::paths;
use crate::web::state::AppState;

use super::routes::ApiCaller;
use super::tickets::Named;
use super::time::rfc3339;
use super::{body, problem};

/// The members a body may have besides `is_virtual` and `interfaces` (the asset form's
/// names), under which a refused value is reported.
const FIELDS: [&str; 17] = [
    "name",
    "sn_manufacturer",
    "sn_internal",
    "type_id",
    "manufacturer",
    "model",
    "state",
    "user",
    "service",
    "location",
    "socket",
    "technician",
    "purchased_on",
    "installed_on",
    "end_of_life_on",
    "warranty_end",
    "description",
];

/// Most assets on one page.
const MAX_PER_PAGE: i64 = 100;

/// The search's parameters.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Search {
    /// Words matched against name, serial numbers, IP and MAC addresses (any part of them).
    #[serde(default)]
    pub q: String,
    /// A state's id; every state when left out (for those who may list every state).
    pub state: Option<i64>,
    /// From 1.
    pub page: Option<i64>,
    /// 1 to 100 (default 50).
    pub per_page: Option<i64>,
}

/// One asset of a search.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AssetLine {
    pub id: i64,
    pub name: String,
    pub state_id: i64,
    pub type_id: Option<i64>,
    pub model_id: Option<i64>,
    /// Its user's name.
    pub user: String,
    pub ips: Vec<String>,
    pub warranty_end: Option<String>,
    /// When one of its interfaces last answered a ping.
    pub last_seen: Option<String>,
}

/// A page of assets.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AssetPage {
    pub assets: Vec<AssetLine>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// An IP interface.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Interface {
    pub role: Option<Named>,
    pub netbios: String,
    pub ip: String,
    pub mac: String,
}

/// An asset.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Asset {
    pub id: i64,
    pub name: String,
    pub sn_manufacturer: String,
    pub sn_internal: String,
    #[serde(rename = "type")]
    pub kind: Option<Named>,
    pub manufacturer: Option<Named>,
    pub model: Option<Named>,
    pub state: Named,
    pub user: Option<Named>,
    pub service: Option<Named>,
    pub location: Option<Named>,
    pub socket: String,
    pub technician: Option<Named>,
    pub purchased_on: Option<String>,
    pub installed_on: Option<String>,
    pub end_of_life_on: Option<String>,
    pub warranty_end: Option<String>,
    pub description: String,
    pub is_virtual: bool,
    pub interfaces: Vec<Interface>,
    pub created_at: String,
    pub modified_at: String,
    /// Changes with every save; send it back in `If-Match`.
    pub version: i64,
}

/// The body of a new asset or a change: any of these fields (the asset form's names; a field
/// left out of a change keeps its value, `null` empties it). Lists by id
/// (`/api/v1/lists/...`), people as `u<id>`.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)] // Read as a JSON object by [`read_typed`]; this type documents it.
pub struct AssetChange {
    /// Required.
    pub name: Option<String>,
    pub sn_manufacturer: Option<String>,
    pub sn_internal: Option<String>,
    pub type_id: Option<i64>,
    pub manufacturer: Option<i64>,
    pub model: Option<i64>,
    pub state: Option<i64>,
    /// `u<id>`.
    pub user: Option<String>,
    pub service: Option<i64>,
    pub location: Option<i64>,
    pub socket: Option<String>,
    /// `u<id>`.
    pub technician: Option<String>,
    /// `YYYY-MM-DD`.
    pub purchased_on: Option<String>,
    pub installed_on: Option<String>,
    pub end_of_life_on: Option<String>,
    pub warranty_end: Option<String>,
    pub description: Option<String>,
    pub is_virtual: Option<bool>,
    /// Every interface (replacing the stored ones): objects of `role` (an id), `netbios`,
    /// `ip` and `mac`.
    pub interfaces: Option<Vec<InterfaceChange>>,
}

/// An interface as sent.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)] // Read by [`read_typed`]; this type documents it.
pub struct InterfaceChange {
    pub role: Option<i64>,
    pub netbios: Option<String>,
    pub ip: Option<String>,
    pub mac: Option<String>,
}

/// Assets
///
/// The assets the user sees matching the words, by name.
#[utoipa::path(
    get,
    path = "/api/v1/assets",
    tag = "assets",
    params(Search),
    responses(
        (status = 200, description = "A page of assets", body = AssetPage),
        (status = 403, description = "A user who may not see assets", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The asset function is off", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Query(s): Query<Search>,
) -> Result<Json<AssetPage>, WebError> {
    let per_page = s.per_page.unwrap_or(50).clamp(1, MAX_PER_PAGE);
    let query = AssetQuery {
        text: s.q.chars().take(200).collect(),
        state: s.state,
        type_id: None,
        model_id: None,
        location_id: None,
        service_id: None,
        is_virtual: None,
        warranty: None,
        today: clock::date_text(clock::now()),
        sort: Sort::default(),
        descending: false,
        page: s.page.unwrap_or(1).clamp(1, 100_000) - 1,
        per_page,
    };
    let lang = super::auth::lang_of(&caller.actor);
    let listed = use_cases::list(state.db(), &caller.actor, query, lang).await?;
    let found = listed.found;
    Ok(Json(AssetPage {
        total: found.total,
        page: s.page.unwrap_or(1).clamp(1, 100_000),
        pages: (found.total + per_page - 1) / per_page,
        assets: found
            .rows
            .into_iter()
            .map(|r| AssetLine {
                id: r.id.0,
                name: r.name,
                state_id: r.state_id,
                type_id: r.type_id,
                model_id: r.model_id,
                user: r.user,
                ips: r.ips,
                warranty_end: r.warranty_end,
                last_seen: r.last_seen.map(rfc3339),
            })
            .collect(),
    }))
}

fn named(map: &std::collections::HashMap<i64, String>, id: Option<i64>) -> Option<Named> {
    id.map(|id| Named {
        id,
        name: map.get(&id).cloned().unwrap_or_default(),
    })
}

/// The asset as the API answers it, with its version as the `ETag`.
fn answer(shown: Shown) -> Response {
    let a = &shown.asset.values;
    let n = &shown.names;
    let state = Named {
        id: a.state_id,
        name: n
            .states
            .iter()
            .find(|s| s.id == a.state_id)
            .map(|s| s.name.clone())
            .unwrap_or_default(),
    };
    let asset = Asset {
        id: shown.asset.id.0,
        name: a.name.clone(),
        sn_manufacturer: a.sn_manufacturer.clone(),
        sn_internal: a.sn_internal.clone(),
        kind: named(&n.types, a.type_id),
        manufacturer: named(&n.manufacturers, a.manufacturer_id),
        model: named(&n.models, a.model_id),
        state,
        user: named(&shown.people, a.user_id),
        service: named(&n.services, a.service_id),
        location: named(&n.locations, a.location_id),
        socket: a.socket.clone(),
        technician: named(&shown.people, a.technician_id),
        purchased_on: a.purchased_on.clone(),
        installed_on: a.installed_on.clone(),
        end_of_life_on: a.end_of_life_on.clone(),
        warranty_end: a.warranty_end.clone(),
        description: a.description.clone(),
        is_virtual: a.is_virtual,
        interfaces: a
            .ifaces
            .iter()
            .map(|i| Interface {
                role: named(&n.roles, i.role_id),
                netbios: i.netbios.clone(),
                ip: i.ip.clone(),
                mac: i.mac.clone(),
            })
            .collect(),
        created_at: rfc3339(shown.asset.created_at),
        modified_at: rfc3339(shown.asset.modified_at),
        version: shown.asset.version,
    };
    let mut response = Json(asset).into_response();
    if let Ok(etag) = HeaderValue::from_str(&format!("\"{}\"", shown.asset.version)) {
        response.headers_mut().insert(ETAG, etag);
    }
    response
}

/// An asset
#[utoipa::path(
    get,
    path = "/api/v1/assets/{id}",
    tag = "assets",
    params(("id" = i64, Path, description = "The asset's id")),
    responses(
        (status = 200, description = "The asset", body = Asset,
            headers(("ETag" = String, description = "The asset's version, quoted"))),
        (status = 403, description = "A user who may not see assets", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such asset, one the user does not see, or the function is off", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn show(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<AssetId>,
) -> Result<Response, WebError> {
    let lang = super::auth::lang_of(&caller.actor);
    Ok(answer(
        use_cases::show(state.db(), &caller.actor, id, lang).await?,
    ))
}

/// `body`'s members written over `typed`, as the form would send them.
fn read_typed(typed: &mut Typed, body: serde_json::Map<String, Value>) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    for (name, value) in body {
        let slot = match name.as_str() {
            "name" => &mut typed.name,
            "sn_manufacturer" => &mut typed.sn_manufacturer,
            "sn_internal" => &mut typed.sn_internal,
            "type_id" => &mut typed.type_id,
            "manufacturer" => &mut typed.manufacturer,
            "model" => &mut typed.model,
            "state" => &mut typed.state,
            "user" => &mut typed.user,
            "service" => &mut typed.service,
            "location" => &mut typed.location,
            "socket" => &mut typed.socket,
            "technician" => &mut typed.technician,
            "purchased_on" => &mut typed.purchased_on,
            "installed_on" => &mut typed.installed_on,
            "end_of_life_on" => &mut typed.end_of_life_on,
            "warranty_end" => &mut typed.warranty_end,
            "description" => &mut typed.description,
            "is_virtual" => {
                match value {
                    Value::Bool(b) => typed.is_virtual = b,
                    _ => errors.add("is_virtual", msg("api-wrong-type").arg("name", &name)),
                }
                continue;
            }
            "interfaces" => {
                match read_interfaces(&value) {
                    Some(ifaces) => typed.ifaces = ifaces,
                    None => errors.add("interfaces", msg("api-wrong-type").arg("name", &name)),
                }
                continue;
            }
            _ => {
                errors.add("fields", msg("api-unknown-field").arg("name", &name));
                continue;
            }
        };
        match body::form_text(&value) {
            Some(t) => *slot = t,
            None => {
                let field = FIELDS.into_iter().find(|f| *f == name).unwrap_or("fields");
                errors.add(field, msg("api-wrong-type").arg("name", &name));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The interfaces of an `interfaces` member: an array of objects of texts (a role by id).
fn read_interfaces(value: &Value) -> Option<Vec<TypedIface>> {
    let text = |o: &serde_json::Map<String, Value>, key: &str| {
        o.get(key).map_or(Some(String::new()), body::form_text)
    };
    value
        .as_array()?
        .iter()
        .map(|i| {
            let o = i.as_object()?;
            if o.keys()
                .any(|k| !["role", "netbios", "ip", "mac"].contains(&k.as_str()))
            {
                return None;
            }
            Some(TypedIface {
                role: text(o, "role")?,
                netbios: text(o, "netbios")?,
                ip: text(o, "ip")?,
                mac: text(o, "mac")?,
            })
        })
        .collect()
}

/// New asset
///
/// Stores an asset with the asset form's checks (a name, well-formed addresses, the lists'
/// values, dates).
#[utoipa::path(
    post,
    path = "/api/v1/assets",
    tag = "assets",
    request_body(content = AssetChange, content_type = "application/json"),
    responses(
        (status = 201, description = "The new asset", body = Asset,
            headers(("Location" = String, description = "The asset's address in the API"))),
        (status = 403, description = "A read-only token, or a user who may not add assets", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "The asset function is off", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field refused or missing, with its name and the reason", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Json(body): Json<serde_json::Map<String, Value>>,
) -> Result<Response, WebError> {
    let actor = &caller.actor;
    let mut typed = Typed {
        state: use_cases::first_state(state.db())
            .await?
            .map(|s| s.to_string())
            .unwrap_or_default(),
        ..Typed::default()
    };
    if let Err(errors) = read_typed(&mut typed, body) {
        return Ok(problem::invalid(errors));
    }
    let sent = Submission {
        editing: None,
        typed,
    };
    let id = match use_cases::store(state.db(), actor, sent).await {
        Ok(id) => id,
        Err(DomainError::Invalid(errors)) => return Ok(problem::invalid(errors)),
        Err(e) => return Err(e.into()),
    };
    let lang = super::auth::lang_of(actor);
    let mut response = answer(use_cases::show(state.db(), actor, id, lang).await?);
    *response.status_mut() = StatusCode::CREATED;
    if let Ok(location) = HeaderValue::from_str(&paths::fill(paths::API_ASSET, &[&id])) {
        response.headers_mut().insert(LOCATION, location);
    }
    Ok(response)
}

/// Change an asset
///
/// Changes the fields given (the others keep their values) if the asset is still at the
/// version in `If-Match`.
#[utoipa::path(
    patch,
    path = "/api/v1/assets/{id}",
    tag = "assets",
    params(
        ("id" = i64, Path, description = "The asset's id"),
        ("If-Match" = String, Header, description = "The version read (the asset's ETag)", pattern = r#"^(W/)?"[0-9]+"$"#),
    ),
    request_body(content = AssetChange, content_type = "application/json"),
    responses(
        (status = 200, description = "The asset after the change", body = Asset),
        (status = 403, description = "A read-only token, or a user who may not change assets", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such asset, one the user does not see, or the function is off", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The asset changed since that version", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field refused, with its name and the reason", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 428, description = "No `If-Match`", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn update(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<AssetId>,
    headers: HeaderMap,
    Json(body): Json<serde_json::Map<String, Value>>,
) -> Result<Response, WebError> {
    let actor = &caller.actor;
    let lang = super::auth::lang_of(actor);
    let Some(version) = body::if_match(&headers) else {
        return Ok(body::version_required());
    };
    let current = use_cases::get(state.db(), actor, id).await?;
    let mut typed = Typed::from_asset(&current);
    if let Err(errors) = read_typed(&mut typed, body) {
        return Ok(problem::invalid(errors));
    }
    let sent = Submission {
        editing: Some((id, version)),
        typed,
    };
    match use_cases::store(state.db(), actor, sent).await {
        Ok(_) => {}
        Err(DomainError::Invalid(errors)) => return Ok(problem::invalid(errors)),
        Err(DomainError::Conflict(_)) => return Ok(body::version_moved(msg("asset-conflict"))),
        Err(e) => return Err(e.into()),
    }
    Ok(answer(use_cases::show(state.db(), actor, id, lang).await?))
}
