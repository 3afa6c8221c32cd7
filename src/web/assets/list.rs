//! `GET /assets`: the assets the reader sees, with state tabs and their counts, a search over
//! names, serial numbers and every interface's NetBIOS name, IP and MAC address (accents and
//! case folded), a filter under each column's header, sortable columns, pages, the warranty
//! views and links to the CSV export.

use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::assets::repo::{Query, Sort, Warranty};
use crate::domain::assets::use_cases::{self, Names};
use crate::domain::clock;
use crate::domain::settings::{FUNCTION_ASSET_IP, FUNCTION_ASSET_WARRANTY};
use crate::i18n::{Lang, format_day};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::list_query::pairs;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::csrf_field;
use crate::web::ui::{icons, layout, nav};
use crate::web::visitor::Visitor;

use super::sheet::{ping_flag, state_dot};
use super::{ALL_STATES, COL_LOCATION, COL_SERIAL, CREATE, NET_SCAN, VIEW_ONLY};

/// The warranty choices: address value, label key and months.
const WARRANTY_CHOICES: [(&str, &str); 9] = [
    ("under", "asset-warranty-under"),
    ("expired-3", "asset-warranty-expired-3"),
    ("expired-6", "asset-warranty-expired-6"),
    ("expired-12", "asset-warranty-expired-12"),
    ("expired-24", "asset-warranty-expired-24"),
    ("ending-1", "asset-warranty-ending-1"),
    ("ending-3", "asset-warranty-ending-3"),
    ("ending-6", "asset-warranty-ending-6"),
    ("ending-12", "asset-warranty-ending-12"),
];

fn warranty_of(code: &str) -> Option<Warranty> {
    if code == "under" {
        return Some(Warranty::Under);
    }
    let (kind, months) = code.split_once('-')?;
    let months: i64 = months.parse().ok().filter(|m| (1..=120).contains(m))?;
    match kind {
        "expired" => Some(Warranty::ExpiredWithin(months)),
        "ending" => Some(Warranty::EndingWithin(months)),
        _ => None,
    }
}

/// The list as an address asks for it, within what the visitor may see.
#[derive(Debug, Clone)]
pub struct Asked {
    pub query: Query,
    /// The address's pairs that say it, for the links that keep it (state, sort and page
    /// apart).
    pub kept: Vec<(String, String)>,
}

/// Reads the list's address for `visitor` (no state, or `all`: every state, which the list
/// gives only to those who may see them all).
pub fn read(visitor: &Visitor, raw: Option<&str>) -> Asked {
    let asked = pairs(raw);
    let get = |k: &str| {
        asked
            .iter()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.as_str())
    };
    let id = |k: &str| get(k).parse::<i64>().ok().filter(|n| *n > 0);
    let state = id("state");
    let warranty = if visitor.settings.flag(FUNCTION_ASSET_WARRANTY) {
        warranty_of(get("warranty"))
    } else {
        None
    };
    let text: String = get("q").chars().take(100).collect();
    let query = Query {
        text: text.clone(),
        state,
        type_id: id("type"),
        model_id: id("model"),
        location_id: id("location").filter(|_| visitor.has_right(COL_LOCATION)),
        service_id: id("service"),
        is_virtual: match get("virtual") {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        },
        warranty,
        today: clock::date_text(clock::now()),
        sort: Sort::parse(get("sort")).unwrap_or_default(),
        descending: get("dir") == "desc",
        page: get("page").parse::<i64>().unwrap_or(1).clamp(1, 100_000) - 1,
        per_page: visitor.settings.rows_per_page(),
    };
    let mut kept = Vec::new();
    for key in [
        "q", "type", "model", "location", "service", "virtual", "warranty",
    ] {
        let v = get(key);
        if !v.is_empty() {
            kept.push((key.to_owned(), v.to_owned()));
        }
    }
    Asked { query, kept }
}

/// The list's address with `kept`, a state, a sort and a page.
fn href(
    kept: &[(String, String)],
    state: Option<i64>,
    sort: Sort,
    descending: bool,
    page: i64,
) -> String {
    let mut pairs: Vec<(String, String)> = kept.to_vec();
    pairs.push((
        "state".to_owned(),
        state.map_or_else(|| "all".to_owned(), |s| s.to_string()),
    ));
    if sort != Sort::Name || descending {
        pairs.push(("sort".to_owned(), sort.name().to_owned()));
        if descending {
            pairs.push(("dir".to_owned(), "desc".to_owned()));
        }
    }
    if page > 1 {
        pairs.push(("page".to_owned(), page.to_string()));
    }
    match serde_urlencoded::to_string(&pairs) {
        Ok(q) if !q.is_empty() => format!("{}?{q}", paths::ASSETS),
        _ => paths::ASSETS.to_owned(),
    }
}

/// A column heading that sorts by it (again: the other way).
fn sort_header(lang: Lang, asked: &Asked, label: &str, sort: Sort) -> Markup {
    let q = &asked.query;
    let current = q.sort == sort;
    let descending = current && !q.descending;
    let aria = match (current, q.descending) {
        (false, _) => None,
        (true, false) => Some("ascending"),
        (true, true) => Some("descending"),
    };
    html! {
        th scope="col" aria-sort=[aria] {
            a href=(href(&asked.kept, q.state, sort, descending, 1)) title=(lang.t("asset-sort")) {
                (label)
                @if current { " " (if q.descending { "▼" } else { "▲" }) }
            }
        }
    }
}

/// A filter under a column's header: a choice list that sends the filter form.
fn filter(
    lang: Lang,
    name: &str,
    label: &str,
    options: &[(String, String)],
    value: Option<i64>,
) -> Markup {
    let value = value.map(|v| v.to_string()).unwrap_or_default();
    html! {
        select name=(name) form="asset-filters" aria-label=(label) data-autosubmit {
            option value="" { (lang.t("asset-filter-any")) }
            @for (v, l) in options {
                option value=(v) selected[*v == value] { (l) }
            }
        }
    }
}

fn sorted(map: &std::collections::HashMap<i64, String>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = map
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    out.sort_by_key(|a| a.1.to_lowercase());
    out
}

fn tabs(
    lang: Lang,
    visitor: &Visitor,
    asked: &Asked,
    names: &Names,
    counts: &[(i64, i64)],
) -> Markup {
    let q = &asked.query;
    let count = |s: i64| {
        counts
            .iter()
            .find(|(id, _)| *id == s)
            .map_or(0, |(_, n)| *n)
    };
    let all: i64 = counts.iter().map(|(_, n)| n).sum();
    html! {
        nav.tabs aria-label=(lang.t("asset-states")) {
            @if visitor.has_right(ALL_STATES) {
                a.tab href=(href(&asked.kept, None, q.sort, q.descending, 1))
                    aria-current=[q.state.is_none().then_some("page")] {
                    (lang.t("asset-state-all")) " " span.count { (all) }
                }
            }
            @for s in &names.states {
                a.tab href=(href(&asked.kept, Some(s.id), q.sort, q.descending, 1))
                    aria-current=[(q.state == Some(s.id)).then_some("page")] {
                    (s.name) " " span.count { (count(s.id)) }
                }
            }
        }
    }
}

/// `GET /assets`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let visitor = authed.visitor.clone();
    let lang = visitor.lang;
    let mut asked = read(&visitor, raw.as_deref());
    let listed = use_cases::list(state.db(), authed.actor(), asked.query.clone(), lang).await?;
    let use_cases::Listed { found, names, .. } = listed;
    asked.query.state = listed.state;
    let q = asked.query.clone();
    let pages = (found.total + q.per_page - 1) / q.per_page;
    let show_ip = visitor.settings.flag(FUNCTION_ASSET_IP);
    let show_serial = visitor.has_right(COL_SERIAL);
    let show_location = visitor.has_right(COL_LOCATION);
    let warranty_on = visitor.settings.flag(FUNCTION_ASSET_WARRANTY);
    let may_create = visitor.has_right(CREATE) && !visitor.has_right(VIEW_ONLY);
    let may_edit = !visitor.has_right(VIEW_ONLY);
    let get_kept = |k: &str| {
        asked
            .kept
            .iter()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.as_str())
    };
    let export = |rows: &str| {
        let mut pairs = asked.kept.clone();
        pairs.push((
            "state".to_owned(),
            q.state.map_or_else(|| "all".to_owned(), |s| s.to_string()),
        ));
        pairs.push(("sort".to_owned(), q.sort.name().to_owned()));
        if q.descending {
            pairs.push(("dir".to_owned(), "desc".to_owned()));
        }
        if rows == "page" {
            pairs.push(("rows".to_owned(), "page".to_owned()));
            pairs.push(("page".to_owned(), (q.page + 1).to_string()));
        }
        format!(
            "{}?{}",
            paths::ASSETS_EXPORT,
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    };
    let models: Vec<(String, String)> = sorted(&names.models);
    let content = html! {
        div.list-toolbar {
            form.search-form #asset-filters role="search" method="get" action=(paths::ASSETS) {
                input type="hidden" name="state" value=(q.state.map_or_else(|| "all".to_owned(), |s| s.to_string()));
                label.visually-hidden for="asset-search" { (lang.t("asset-search")) }
                input #asset-search type="search" name="q" value=(q.text) maxlength="100"
                    placeholder=(lang.t("asset-search"));
                @if warranty_on {
                    label.visually-hidden for="asset-warranty" { (lang.t("asset-field-warranty-end")) }
                    select #asset-warranty name="warranty" form="asset-filters" data-autosubmit {
                        option value="" { (lang.t("asset-warranty-any")) }
                        @for (code, label) in WARRANTY_CHOICES {
                            option value=(code) selected[get_kept("warranty") == code] { (lang.t(label)) }
                        }
                    }
                }
                button.button type="submit" title=(lang.t("asset-search")) {
                    (icons::icon(icons::SEARCH)) span.visually-hidden { (lang.t("asset-search")) }
                }
                @if !asked.kept.is_empty() {
                    a.button.button-small href=(paths::ASSETS) { (lang.t("list-clear")) }
                }
            }
            div.list-actions {
                @if show_ip {
                    a.button.button-small href=(paths::ASSETS_FREE_IP) { (lang.t("asset-free-ip-link")) }
                    @if visitor.has_right(NET_SCAN) {
                        a.button.button-small href=(paths::ASSETS_DISCOVERY) { (lang.t("net-scan-title")) }
                    }
                    // The ticked assets' interfaces: pinged now, or woken.
                    form.inline-form #asset-network method="post" action=(paths::ASSETS_NETWORK) {
                        (csrf_field(&visitor))
                        button.button.button-small type="submit" name="action" value="ping" { (lang.t("asset-ping-selected")) }
                        @if may_edit {
                            " " button.button.button-small type="submit" name="action" value="wake" { (lang.t("asset-wake-selected")) }
                        }
                    }
                }
                a.button.button-small href=(export("page")) download { (icons::icon(icons::DOWNLOAD)) " " (lang.t("asset-export-page")) }
                a.button.button-small href=(export("all")) download { (icons::icon(icons::DOWNLOAD)) " " (lang.t("asset-export-all")) }
                @if may_create {
                    a.button.button-small href=(paths::ASSETS_BATCH) { (lang.t("asset-batch-heading")) }
                    a.button.button-small href=(paths::ASSETS_IMPORT) { (lang.t("asset-import-heading")) }
                    a.button.button-primary href=(paths::ASSET_NEW) {
                        (icons::icon(icons::PLUS)) " " (lang.t("asset-new"))
                    }
                }
            }
        }
        (tabs(lang, &visitor, &asked, &names, &found.by_state))
        p.muted { (lang.t_args("asset-count", &[("count", &found.total.to_string())])) }
        div.table-wrap {
            table.data-table #asset-table {
                thead {
                    tr {
                        @if show_ip { th scope="col" { span.visually-hidden { (lang.t("asset-select")) } } }
                        (sort_header(lang, &asked, &lang.t("asset-field-name"), Sort::Name))
                        (sort_header(lang, &asked, &lang.t("asset-field-type"), Sort::Type))
                        (sort_header(lang, &asked, &lang.t("asset-field-model"), Sort::Model))
                        (sort_header(lang, &asked, &lang.t("asset-field-state"), Sort::State))
                        (sort_header(lang, &asked, &lang.t("asset-field-user"), Sort::User))
                        @if show_ip { (sort_header(lang, &asked, &lang.t("asset-iface-ip"), Sort::Ip)) }
                        @if show_serial { th.col-optional scope="col" { (lang.t("asset-field-sn-manufacturer")) } }
                        @if show_location { (sort_header(lang, &asked, &lang.t("asset-field-location"), Sort::Location)) }
                        (sort_header(lang, &asked, &lang.t("asset-field-warranty-end"), Sort::Warranty))
                    }
                    tr.filter-row {
                        @if show_ip { td {} }
                        td {}
                        td { (filter(lang, "type", &lang.t("asset-field-type"), &sorted(&names.types), q.type_id)) }
                        td { (filter(lang, "model", &lang.t("asset-field-model"), &models, q.model_id)) }
                        td {}
                        td { (filter(lang, "service", &lang.t("asset-field-service"), &sorted(&names.services), q.service_id)) }
                        @if show_ip { td {} }
                        @if show_serial { td.col-optional {} }
                        @if show_location { td { (filter(lang, "location", &lang.t("asset-field-location"), &sorted(&names.locations), q.location_id)) } }
                        td {}
                    }
                }
                tbody {
                    @if found.rows.is_empty() {
                        tr { td colspan="10" { p.muted { (lang.t("asset-none")) } } }
                    }
                    @for r in &found.rows {
                        tr data-asset=(r.id) {
                            @if show_ip {
                                td {
                                    input type="checkbox" name="id" value=(r.id) form="asset-network"
                                        aria-label=(lang.t_args("asset-select-one", &[("name", &r.name)]));
                                }
                            }
                            td {
                                @if show_ip && !r.ips.is_empty() { (ping_flag(lang, r.last_seen)) " " }
                                a href=(fill(paths::ASSET, &[&r.id])) { (r.name) }
                            }
                            td { (r.type_id.and_then(|t| names.types.get(&t)).map_or("", String::as_str)) }
                            td { (r.model_id.and_then(|m| names.models.get(&m)).map_or("", String::as_str)) }
                            td { (state_dot(&names, r.state_id)) }
                            td { (r.user) }
                            @if show_ip { td { code { (r.ips.join(" ")) } } }
                            @if show_serial { td.col-optional { (r.sn_manufacturer) } }
                            @if show_location { td { (r.location_id.and_then(|l| names.locations.get(&l)).map_or("", String::as_str)) } }
                            td { (r.warranty_end.as_deref().map(|d| format_day(lang, d)).unwrap_or_default()) }
                        }
                    }
                }
            }
        }
        (nav::pager(lang, q.page + 1, pages, |n| href(&asked.kept, q.state, q.sort, q.descending, n)))
    };
    Ok(layout::page(&visitor, &lang.t("asset-heading"), content).into_response())
}
