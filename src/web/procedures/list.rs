//! `GET /procedures`: the procedures the reader sees, searched by words (accents folded,
//! prefixes), filtered by category, a page at a time.

use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::procedures::repo::Query;
use crate::domain::procedures::use_cases;
use crate::i18n::format_date;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::{icons, layout, nav};
use crate::web::worklist::query_pairs;

use super::{ADD, COMPANY};

/// The list's address with its search, category and page.
fn href(text: &str, category: Option<i64>, page: i64) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if !text.is_empty() {
        pairs.push(("q", text.to_owned()));
    }
    if let Some(c) = category {
        pairs.push(("category", c.to_string()));
    }
    if page > 1 {
        pairs.push(("page", page.to_string()));
    }
    match serde_urlencoded::to_string(&pairs) {
        Ok(q) if !q.is_empty() => format!("{}?{q}", paths::PROCEDURES),
        _ => paths::PROCEDURES.to_owned(),
    }
}

/// `GET /procedures`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let visitor = authed.visitor.clone();
    let lang = visitor.lang;
    let pairs = query_pairs(raw.as_deref());
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.as_str())
    };
    let text: String = get("q").chars().take(200).collect();
    let category = get("category").parse::<i64>().ok().filter(|c| *c > 0);
    let page = get("page").parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let per_page = visitor.settings.rows_per_page();
    let query = Query {
        text: text.clone(),
        category,
        page: page - 1,
        per_page,
    };
    let use_cases::Listed {
        found,
        names,
        choices,
    } = use_cases::list(state.db(), authed.actor(), query, lang).await?;
    let pages = (found.total + per_page - 1) / per_page;
    let show_company = visitor.has_right(COMPANY);
    let category_value = category.map(|c| c.to_string()).unwrap_or_default();
    let content = html! {
        div.list-toolbar {
            form.search-form role="search" method="get" action=(paths::PROCEDURES) {
                label.visually-hidden for="procedure-search" { (lang.t("procedures-search")) }
                input #procedure-search type="search" name="q" value=(text) maxlength="200"
                    placeholder=(lang.t("procedures-search"));
                label.visually-hidden for="procedure-category" { (lang.t("procedures-category")) }
                select #procedure-category name="category" {
                    option value="" { (lang.t("procedures-all-categories")) }
                    @for (v, label) in &choices.categories {
                        option value=(v) selected[*v == category_value] { (label) }
                    }
                }
                button.button type="submit" title=(lang.t("procedures-search")) {
                    (icons::icon(icons::SEARCH)) span.visually-hidden { (lang.t("procedures-search")) }
                }
                @if !text.is_empty() || category.is_some() {
                    a.button.button-small href=(paths::PROCEDURES) { (lang.t("list-clear")) }
                }
            }
            @if visitor.has_right(ADD) {
                div.list-actions {
                    a.button.button-primary href=(paths::PROCEDURE_NEW) {
                        (icons::icon(icons::PLUS)) " " (lang.t("procedures-new"))
                    }
                }
            }
        }
        p.muted { (lang.t_args("procedures-count", &[("count", &found.total.to_string())])) }
        @if found.rows.is_empty() {
            p.muted { (lang.t(if text.is_empty() && category.is_none() { "procedures-none" } else { "procedures-none-found" })) }
        } @else {
            div.table-wrap {
                table.data-table {
                    thead {
                        tr {
                            th scope="col" { (lang.t("procedures-title")) }
                            th scope="col" { (lang.t("procedures-category")) }
                            @if show_company { th.col-optional scope="col" { (lang.t("procedures-company")) } }
                            th.col-optional scope="col" { (lang.t("procedures-published")) }
                            th.col-optional scope="col" { (lang.t("procedures-updated")) }
                        }
                    }
                    tbody {
                        @for p in &found.rows {
                            tr {
                                td {
                                    a href=(fill(paths::PROCEDURE, &[&p.id])) { (p.title) }
                                    @if p.files > 0 {
                                        " " span.muted title=(lang.t("procedures-files")) { "(" (icons::icon(icons::PAPERCLIP)) " " (p.files) ")" }
                                    }
                                }
                                td { (names.filed_under(p.category_id, p.subcategory_id)) }
                                @if show_company {
                                    td.col-optional { (p.company_id.and_then(|c| names.companies.get(&c)).map_or("", String::as_str)) }
                                }
                                td.col-optional { (lang.t(if p.published { "procedures-yes" } else { "procedures-no" })) }
                                td.col-optional { (format_date(lang, p.updated_at)) }
                            }
                        }
                    }
                }
            }
            (nav::pager(lang, page, pages, |n| href(&text, category, n)))
        }
    };
    Ok(layout::page(&visitor, &lang.t("procedures-heading"), content).into_response())
}
