//! The ticket list page (`/tickets`, and the home page of a logged-in user): the view chosen in
//! the menu, a search box, the table, and the export links.

use crate::domain::rights::names as right;
use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::tickets::bulk;
use crate::domain::worklist::columns::Column;
use crate::domain::worklist::listing::Neighbours;
use crate::domain::worklist::reader::Reader;
use crate::domain::worklist::scope::{Scope, StateSel, View};
use crate::domain::worklist::use_cases;
use crate::i18n::Lang;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::{icons, layout};
use crate::web::visitor::Visitor;

use super::table::{self, Table};
use crate::web::list_query::{ListQuery, pairs};

pub use crate::domain::worklist::use_cases::Loaded;

/// Reads page `q` of the list for `reader`, with the actions on many tickets of `offering`.
pub async fn load(
    state: &AppState,
    reader: Arc<Reader>,
    q: &ListQuery,
    lang: Lang,
    offering: Option<bulk::Offering>,
) -> Result<Loaded, WebError> {
    let req = q.request(reader.order(), reader.settings.rows_per_page());
    let columns = Column::visible(&reader);
    Ok(use_cases::list(state.db(), reader, req, columns, lang, offering).await?)
}

/// The name of a view, as the page title.
pub fn view_title(lang: Lang, r: &Reader, view: &View, states: &HashMap<i64, String>) -> String {
    let find = |list: &[crate::domain::worklist::reader::Named], id: i64| {
        list.iter()
            .find(|n| n.id == id)
            .map(|n| n.name.clone())
            .unwrap_or_default()
    };
    let scope = match view.scope {
        Scope::Your => lang.t("menu-your-tickets"),
        Scope::All => lang.t("menu-all-tickets"),
        Scope::TechGroup(g) => format!("[G] {}", find(&r.tech_groups, g)),
        Scope::UserGroup(g) => format!("[G] {}", find(&r.user_groups, g)),
        Scope::Company => r
            .company
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        Scope::Service(s) => find(&r.services, s),
        Scope::Agency(a) => find(&r.agencies, a),
        Scope::Personal(v) => find(&r.personal, v),
        Scope::Observed => lang.t("menu-observed"),
        Scope::Activity { .. } => lang.t("activity-title"),
    };
    let state = match view.state {
        // Shared and personal views open on their open tickets, as the menu counts them.
        StateSel::Any | StateSel::Open => return scope,
        StateSel::Meta => lang.t("state-meta-short"),
        StateSel::Active => lang.t("state-active"),
        StateSel::Unread => lang.t("menu-unread"),
        StateSel::One(id) => states.get(&id).cloned().unwrap_or_default(),
    };
    format!("{scope} · {state}")
}

fn toolbar(visitor: &Visitor, q: &ListQuery) -> Markup {
    let lang = visitor.lang;
    html! {
        div.list-toolbar {
            @if visitor.has_right(crate::domain::rights::names::SEARCH) {
            form.search-form role="search" method="get" action=(paths::TICKETS) {
                @for (k, v) in q.kept_fields() {
                    input type="hidden" name=(k) value=(v);
                }
                @for f in &q.filters {
                    input type="hidden" name=(format!("f_{}", f.column.code())) value=(f.value);
                }
                label.visually-hidden for="list-search" { (lang.t("list-search-label")) }
                input #list-search type="search" name="q" value=(q.search) maxlength="200"
                    placeholder=(lang.t("list-search-placeholder"));
                button.button type="submit" title=(lang.t("list-search-label")) {
                    (icons::icon(icons::SEARCH)) span.visually-hidden { (lang.t("list-search-label")) }
                }
                @if !q.search.is_empty() || !q.filters.is_empty() {
                    a.button.button-small href=(ListQuery { search: String::new(), filters: Vec::new(), page: 1, ..q.clone() }.href(paths::TICKETS)) {
                        (lang.t("list-clear"))
                    }
                }
            }
            }
            div.list-actions {
                a.button.button-small href=(q.with_page(1).href(paths::EXPORT_TICKETS)) download {
                    (icons::icon(icons::DOWNLOAD)) " " (lang.t("list-export"))
                }
                a.button.button-small href=(format!("{}&rows=page", q.href(paths::EXPORT_TICKETS))) download {
                    (lang.t("list-export-page"))
                }
                @if visitor.has_right(right::SIDE_ALL) {
                    a.button.button-small href=(format!("{}?view=all", paths::EXPORT_TICKETS)) download {
                        (lang.t("list-export-all"))
                    }
                }
            }
        }
    }
}

/// The list page for query `q`.
pub async fn render(
    state: &AppState,
    visitor: &Visitor,
    reader: Arc<Reader>,
    q: ListQuery,
) -> Result<Response, WebError> {
    if !q.view.scope.allowed(&reader) {
        return Err(WebError::NotFound);
    }
    let lang = visitor.lang;
    let offering = visitor
        .session
        .as_deref()
        .map(|s| &s.actor)
        .filter(|a| bulk::may_bulk(a))
        .map(|a| bulk::Offering::of(a, lang));
    let loaded = load(state, reader.clone(), &q, lang, offering).await?;
    let columns = Column::visible(&reader);
    let title = view_title(lang, &reader, &q.view, &loaded.states);
    let offer = loaded.offer.clone();
    let content = html! {
        (toolbar(visitor, &q))
        @if let Some(o) = &offer {
            (super::bulk::bar(visitor, &q, o, (!loaded.page.more).then_some(loaded.page.total)))
        }
        div #ticket-list data-live-region {
            (table::render(&Table {
                lang,
                base: paths::TICKETS,
                query: &q,
                columns: &columns,
                page: &loaded.page,
                choices: &loaded.choices,
                with_hour: reader.has(right::DASHBOARD_COL_DATE_CREATE_HOUR),
                period: false,
                bulk: offer.is_some(),
            }))
        }
    };
    let mut response = layout::page(visitor, &title, content).into_response();
    if reader.has(right::TICKET_NEXT) {
        remember_list(&mut response, &q, visitor.secure);
    }
    Ok(response)
}

/// Remembers list `q` in a cookie, for the previous and next arrows of the tickets opened from
/// it (`ticket_next`).
pub fn remember_list(response: &mut Response, q: &ListQuery, secure: bool) {
    let pairs = serde_urlencoded::to_string(q.pairs()).unwrap_or_default();
    let cookie = crate::web::cookies::set(
        crate::web::cookies::LAST_LIST,
        &pairs,
        crate::web::cookies::Lifetime::Session,
        secure,
    );
    if let Ok(v) = axum::http::HeaderValue::from_str(&cookie) {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, v);
    }
}

/// Where ticket `id` stands in the list remembered by `headers`' cookie, for `visitor`; with
/// the list when the ticket moved to another of its pages (to remember it again).
pub async fn neighbours(
    state: &AppState,
    visitor: &Visitor,
    headers: &axum::http::HeaderMap,
    id: i64,
) -> Result<Option<(Neighbours, Option<ListQuery>)>, WebError> {
    let Some(reader) = visitor.reader.clone() else {
        return Ok(None);
    };
    let Some(raw) = crate::web::cookies::get(headers, crate::web::cookies::LAST_LIST) else {
        return Ok(None);
    };
    if !reader.has(right::TICKET_NEXT) {
        return Ok(None);
    }
    let q = ListQuery::read(&pairs(Some(raw)), &reader);
    if !q.view.scope.allowed(&reader) {
        return Ok(None);
    }
    let req = q.request(reader.order(), reader.settings.rows_per_page());
    let found = use_cases::neighbours(state.db(), reader, req, id).await?;
    Ok(found.map(|n| {
        let moved = (n.page != q.page).then(|| q.with_page(n.page));
        (n, moved)
    }))
}

/// `GET /tickets`.
pub async fn list(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let reader = authed.visitor.reader.clone().ok_or(WebError::Forbidden)?;
    let q = ListQuery::read(&pairs(raw.as_deref()), &reader);
    render(&state, &authed.visitor, reader, q).await
}
