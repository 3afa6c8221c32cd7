//! `GET /api/v1/tickets`: a page of a ticket list, with the same views, filters, search, sort
//! and paging as the list pages (their address parameters), as the token's user sees it.

use axum::Json;
use axum::extract::{RawQuery, State};
use serde::Serialize;

use crate::domain::worklist::listing::{Badge, Row};
use crate::domain::worklist::use_cases;
use crate::web::error::WebError;
use crate::web::list_query::{ListQuery, pairs};
use crate::web::state::AppState;

use super::routes::ApiCaller;
use super::time::rfc3339;

/// Most tickets on one page of the API's lists.
pub const MAX_PER_PAGE: i64 = 100;

/// A value shown with its colour (state, priority, criticality).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Coloured {
    pub id: Option<i64>,
    pub name: String,
    pub color: String,
}

/// One ticket of a list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Line {
    pub id: i64,
    pub title: String,
    pub state: Coloured,
    pub priority: Option<Coloured>,
    pub criticality: Option<Coloured>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub requester: Option<String>,
    pub requester_id: Option<i64>,
    pub technician: Option<String>,
    pub technician_id: Option<i64>,
    pub company: Option<String>,
    pub category: Option<String>,
    pub subcategory: Option<String>,
    pub created_at: String,
    pub modified_at: String,
    pub resolved_at: Option<String>,
    /// The date wished for (`YYYY-MM-DD`).
    pub due_date: Option<String>,
    /// The due date has passed on an open ticket.
    pub overdue: bool,
    pub time_spent_minutes: i64,
}

/// A filter that could not be read, and why (it was left out).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Ignored {
    pub parameter: String,
    pub message: String,
}

/// A page of a list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TicketPage {
    pub tickets: Vec<Line>,
    /// The tickets of the list; with `more`, those counted so far (the list holds more).
    pub total: i64,
    pub more: bool,
    pub page: i64,
    pub pages: i64,
    pub per_page: i64,
    pub ignored: Vec<Ignored>,
}

fn coloured(b: &Badge, id: Option<i64>) -> Coloured {
    Coloured {
        id,
        name: b.label.clone(),
        color: b.color.clone(),
    }
}

fn line(r: &Row) -> Line {
    Line {
        id: r.id,
        title: r.title.clone(),
        state: coloured(&r.state, Some(r.ids.state)),
        priority: r.priority.as_ref().map(|b| coloured(b, r.ids.priority)),
        criticality: r
            .criticality
            .as_ref()
            .map(|b| coloured(b, r.ids.criticality)),
        kind: r.type_name.clone(),
        requester: r.requester.clone(),
        requester_id: r.ids.requester,
        technician: r.technician.clone(),
        technician_id: r.ids.technician,
        company: r.company.clone(),
        category: r.category.clone(),
        subcategory: r.subcategory.clone(),
        created_at: rfc3339(r.created_at),
        modified_at: rfc3339(r.modified_at),
        resolved_at: r.resolved_at.map(rfc3339),
        due_date: r.hope_date.clone(),
        overdue: r.overdue,
        time_spent_minutes: r.time_spent_minutes,
    }
}

/// Tickets
///
/// A page of a ticket list as the token's user sees it, with the list pages' parameters:
/// `view` (`your`, `all`, `company`, `observed`, `group-<id>`, `users-<id>`, `service-<id>`,
/// `agency-<id>`, `personal-<id>`; the user's default view when left out), `state` (`all`,
/// `active`, `open`, `unread`, `meta` or a state id), `q` (search words; needs the search
/// right), `sort` (a column: `number`, `title`, `state`, `priority`, `created`, `modified`,
/// `requester`, `technician`, `category`...) and `dir` (`asc` or `desc`), `page`, `per_page`
/// (up to 100) and `f_<column>` per filter (`f_title=printer`, `f_state=3`). A filter that
/// cannot be read is left out and listed in `ignored`.
#[utoipa::path(
    get,
    path = "/api/v1/tickets",
    tag = "tickets",
    params(
        ("view" = Option<String>, Query, description = "The list: `your`, `all`, `company`, `group-<id>`..."),
        ("state" = Option<String>, Query, description = "`all`, `active`, `open`, `unread`, `meta` or a state id"),
        ("q" = Option<String>, Query, description = "Search words"),
        ("sort" = Option<String>, Query, description = "The column to sort by"),
        ("dir" = Option<String>, Query, description = "`asc` or `desc`"),
        ("page" = Option<i64>, Query, description = "From 1; past the last page, the last one"),
        ("per_page" = Option<i64>, Query, description = "1 to 100; the user's setting when left out"),
    ),
    responses(
        (status = 200, description = "A page of the list", body = TicketPage),
        (status = 401, description = "No valid token", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "A list the user may not open", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    RawQuery(raw): RawQuery,
) -> Result<Json<TicketPage>, WebError> {
    let asked = pairs(raw.as_deref());
    let reader = use_cases::reader_for(state.db(), &caller.actor).await?;
    let q = ListQuery::read(&asked, &reader);
    if !q.view.scope.allowed(&reader) {
        return Err(WebError::Forbidden);
    }
    let per_page = asked
        .iter()
        .find(|(k, _)| k == "per_page")
        .and_then(|(_, v)| v.trim().parse::<i64>().ok())
        .unwrap_or_else(|| reader.settings.rows_per_page())
        .clamp(1, MAX_PER_PAGE);
    let lang = super::auth::lang_of(&caller.actor);
    let req = q.request(reader.order(), per_page);
    let loaded = use_cases::list(state.db(), reader, req, Vec::new(), lang, None).await?;
    let page = loaded.page;
    Ok(Json(TicketPage {
        tickets: page.rows.iter().map(line).collect(),
        total: page.total,
        more: page.more,
        page: page.page,
        pages: page.pages,
        per_page,
        ignored: page
            .problems
            .iter()
            .map(|(column, m)| Ignored {
                parameter: format!("f_{}", column.code()),
                message: m.render(lang),
            })
            .collect(),
    }))
}
