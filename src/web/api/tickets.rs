//! One ticket: `GET /api/v1/tickets/{id}` as the token's user sees it on its page (not found
//! when they do not see it), with its thread and files, and its version as the `ETag`; and
//! `PATCH` to change it, sending that version back in `If-Match`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::header::{ETAG, LOCATION};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

use crate::domain::ids::TicketId;
use crate::domain::tickets::conditional::VERSION_MOVED_ON;
use crate::domain::tickets::fields::Field;
use crate::domain::tickets::{self, page};
use crate::domain::users::choices::Who;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;
use crate::web::error::WebError;
use crate::web::paths;
use crate::web::state::AppState;

use super::routes::ApiCaller;
use super::time::rfc3339;
use super::{body, problem};

/// A value of one of the lists (state, priority, category...).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

/// A person or a group the ticket is for or with.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Party {
    /// `user` or `group`.
    pub kind: &'static str,
    pub id: i64,
}

/// One entry of the thread.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Entry {
    pub id: i64,
    pub at: String,
    pub author: String,
    /// `text` (a reply), `opened`, `assigned`, `state`, `closed`, `attachment`, `mail`...
    pub kind: &'static str,
    /// The reply's text (Markdown), or what the event records.
    pub text: String,
    /// Whether only technicians see it.
    pub private: bool,
}

/// A file attached to the ticket.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct File {
    pub id: i64,
    pub name: String,
    pub content_type: String,
    pub size: i64,
}

/// A ticket.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Ticket {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub state: Option<Named>,
    pub priority: Option<Named>,
    pub criticality: Option<Named>,
    #[serde(rename = "type")]
    pub kind: Option<Named>,
    pub category: Option<Named>,
    pub subcategory: Option<Named>,
    pub requester: Option<Party>,
    pub technician: Option<Party>,
    pub created_at: String,
    pub resolved_at: Option<String>,
    /// The date wished for (`YYYY-MM-DD`).
    pub due_date: Option<String>,
    pub time_spent_minutes: i64,
    /// Changes with every save: send it back in `If-Match` to update.
    pub version: i64,
    pub thread: Vec<Entry>,
    pub files: Vec<File>,
}

fn named(list: &[(String, String)], id: Option<i64>) -> Option<Named> {
    let id = id?;
    let key = id.to_string();
    let name = list
        .iter()
        .find(|(value, _)| *value == key)
        .map(|(_, label)| label.clone())
        .unwrap_or_default();
    Some(Named { id, name })
}

fn party(who: Option<Who>) -> Option<Party> {
    who.map(|w| match w {
        Who::User(id) => Party { kind: "user", id },
        Who::Group(id) => Party { kind: "group", id },
    })
}

/// A ticket
///
/// The ticket as its page shows it to the token's user, with its thread and files. A ticket
/// the user does not see is not found. The `ETag` is the ticket's version, to send back in
/// `If-Match` when changing it.
#[utoipa::path(
    get,
    path = "/api/v1/tickets/{id}",
    tag = "tickets",
    params(("id" = i64, Path, description = "The ticket's number")),
    responses(
        (status = 200, description = "The ticket", body = Ticket,
            headers(("ETag" = String, description = "The ticket's version, quoted"))),
        (status = 401, description = "No valid token", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket, or one the user does not see", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn show(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<TicketId>,
) -> Result<Response, WebError> {
    ticket(&state, &caller.actor, id).await
}

/// Change a ticket
///
/// Changes the fields the body names and adds a reply, when the ticket is still at the version
/// given in `If-Match`, through the same save as the ticket page: the user's rights per field,
/// the same checks, thread entries and mails. Answers the ticket as it is now.
#[utoipa::path(
    patch,
    path = "/api/v1/tickets/{id}",
    tag = "tickets",
    params(
        ("id" = i64, Path, description = "The ticket's number"),
        ("If-Match" = String, Header, description = "The version read (the ticket's ETag)", pattern = r#"^(W/)?"[0-9]+"$"#),
    ),
    request_body(content = TicketPatch, content_type = "application/json"),
    responses(
        (status = 200, description = "The ticket after the change", body = Ticket),
        (status = 400, description = "The body is not a JSON object", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read-only token, or a ticket the user may not change", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket, or one the user does not see", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The ticket changed since that version", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field refused, with its name and the reason", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 428, description = "No If-Match", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn update(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<TicketId>,
    headers: HeaderMap,
    Json(body): Json<serde_json::Map<String, Value>>,
) -> Result<Response, WebError> {
    let Some(version) = body::if_match(&headers) else {
        return Ok(body::version_required());
    };
    let patch = match read_patch(body) {
        Ok(patch) => patch,
        Err(errors) => return Ok(problem::invalid(errors)),
    };
    let actor = &caller.actor;
    match tickets::update_at(state.db(), actor, id, version, patch).await {
        Ok(_) => ticket(&state, actor, id).await,
        Err(DomainError::Invalid(errors)) => Ok(problem::invalid(errors)),
        Err(DomainError::Conflict(m)) if m.key == VERSION_MOVED_ON => Ok(body::version_moved(m)),
        Err(e) => Err(e.into()),
    }
}

/// The body of a change: any of these fields (the ticket form's names; a field left out keeps
/// its value, `null` empties it), and a reply. Lists are given by id (`/api/v1/lists`), a person
/// or a group as `u<id>` or `g<id>`.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)] // Read as a JSON object by [`read_patch`]; this type documents it.
pub struct TicketPatch {
    pub requester: Option<String>,
    pub type_id: Option<i64>,
    pub answer_type_id: Option<i64>,
    pub technician: Option<String>,
    pub category_id: Option<i64>,
    pub subcategory_id: Option<i64>,
    pub place_id: Option<i64>,
    pub asset_id: Option<i64>,
    pub service_id: Option<i64>,
    pub agency_id: Option<i64>,
    pub title: Option<String>,
    /// Markdown.
    pub description: Option<String>,
    /// `YYYY-MM-DDTHH:MM`, in the server's time zone.
    pub created_at: Option<String>,
    /// `YYYY-MM-DD`.
    pub hope_date: Option<String>,
    /// `YYYY-MM-DDTHH:MM`, in the server's time zone.
    pub resolved_at: Option<String>,
    pub time_spent: Option<i64>,
    pub time_hope: Option<i64>,
    pub priority_id: Option<i64>,
    pub criticality_id: Option<i64>,
    pub state_id: Option<i64>,
    pub billable: Option<bool>,
    /// A reply to add (Markdown).
    pub reply: Option<String>,
    /// Whether the reply is a note only technicians see.
    pub reply_private: Option<bool>,
}

/// Open a ticket
///
/// Opens a ticket with the fields the body names (as in a change; `title` at least), and a
/// first reply, as the token's user's new-ticket form would: the same rights per field,
/// checks, defaults (the category's technician, the state), thread and mails (the requester's
/// acknowledgement). Answers `201` with the ticket and its address in `Location`.
#[utoipa::path(
    post,
    path = "/api/v1/tickets",
    tag = "tickets",
    request_body(content = TicketPatch, content_type = "application/json"),
    responses(
        (status = 201, description = "The new ticket", body = Ticket,
            headers(("Location" = String, description = "The ticket's address in the API"))),
        (status = 400, description = "The body is not a JSON object", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read-only token, or a user who may not open tickets", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The user's or company's ticket limit is reached", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field refused or missing, with its name and the reason", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Json(body): Json<serde_json::Map<String, Value>>,
) -> Result<Response, WebError> {
    let patch = match read_patch(body) {
        Ok(patch) => patch,
        Err(errors) => return Ok(problem::invalid(errors)),
    };
    let actor = &caller.actor;
    let id = match tickets::create_named(state.db(), actor, patch).await {
        Ok(id) => TicketId(id),
        Err(DomainError::Invalid(errors)) => return Ok(problem::invalid(errors)),
        Err(e) => return Err(e.into()),
    };
    let mut response = ticket(&state, actor, id).await?;
    *response.status_mut() = StatusCode::CREATED;
    if let Ok(location) = HeaderValue::from_str(&paths::fill(paths::API_TICKET, &[&id])) {
        response.headers_mut().insert(LOCATION, location);
    }
    Ok(response)
}

/// The fields and reply of a body, each value as the form would send it.
fn read_patch(body: serde_json::Map<String, Value>) -> Result<tickets::Patch, FieldErrors> {
    let mut patch = tickets::Patch::default();
    let mut errors = FieldErrors::new();
    for (name, value) in body {
        if name == "reply_private" {
            match value {
                Value::Bool(b) => patch.reply.private = b,
                _ => errors.add("reply_private", msg("api-wrong-type").arg("name", &name)),
            }
            continue;
        }
        let text = match (&value, body::form_text(&value)) {
            (_, Some(text)) => text,
            (Value::Bool(b), None) => if *b { "1" } else { "0" }.to_owned(),
            (_, None) => {
                errors.add(field_name(&name), msg("api-wrong-type").arg("name", &name));
                continue;
            }
        };
        if name == "reply" {
            patch.reply.body = text;
        } else {
            patch.fields.insert(name, text);
        }
    }
    if errors.is_empty() {
        Ok(patch)
    } else {
        Err(errors)
    }
}

/// The name a refusal of body member `name` is reported under: the field's own name when it
/// is one of the ticket's, `reply`, else `fields` (an unknown member).
fn field_name(name: &str) -> &'static str {
    match Field::ALL.into_iter().find(|f| f.name() == name) {
        Some(field) => field.name(),
        None if name == "reply" => "reply",
        None => "fields",
    }
}

/// The ticket as `actor` sees it, with its version as the `ETag`.
pub(super) async fn ticket(
    state: &AppState,
    actor: &crate::domain::Actor,
    id: TicketId,
) -> Result<Response, WebError> {
    let lang = super::auth::lang_of(actor);
    let p = page::load(state.db(), actor, lang, id, Vec::new()).await?;
    let v = &p.row.values;
    let o = &p.options;
    let ticket = Ticket {
        id: p.row.id.0,
        title: v.title.clone(),
        description: v.description.clone(),
        state: named(&o.states, Some(v.state_id)),
        priority: named(&o.priorities, v.priority_id),
        criticality: named(&o.criticalities, v.criticality_id),
        kind: named(&o.types, v.type_id),
        category: named(&o.categories, v.category_id),
        subcategory: v.subcategory_id.map(|id| Named {
            id,
            name: o
                .subcategories
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.label.clone())
                .unwrap_or_default(),
        }),
        requester: party(v.requester),
        technician: party(v.technician),
        created_at: rfc3339(v.created_at),
        resolved_at: v.resolved_at.map(rfc3339),
        due_date: v.hope_date.clone(),
        time_spent_minutes: v.time_spent,
        version: p.row.version,
        thread: p
            .entries
            .iter()
            .map(|e| Entry {
                id: e.id,
                at: rfc3339(e.created_at),
                author: e.author.clone(),
                kind: e.kind.code(),
                text: e.body.clone(),
                private: e.private,
            })
            .collect(),
        files: p
            .files
            .iter()
            .map(|f| File {
                id: f.id.0,
                name: f.filename.clone(),
                content_type: f.content_type.clone(),
                size: f.size,
            })
            .collect(),
    };
    let mut response = Json(ticket).into_response();
    if let Ok(etag) = HeaderValue::from_str(&format!("\"{}\"", p.row.version)) {
        response.headers_mut().insert(ETAG, etag);
    }
    Ok(response)
}
