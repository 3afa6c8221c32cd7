//! `GET /assets/{id}`: an asset's sheet (its fields, interfaces, the tickets about it and its
//! history), with the note form and the actions the reader's rights allow; and the note and
//! delete actions.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::DomainError;
use crate::domain::assets::AssetId;
use crate::domain::assets::history::{self, Kind, What};
use crate::domain::assets::network::Flag;
use crate::domain::assets::network::Which;
use crate::domain::assets::use_cases::{self, Names, People, Shown};
use crate::domain::settings::{FUNCTION_ASSET_IP, FUNCTION_ASSET_VNC};
use crate::i18n::{Lang, Msg, format_datetime, format_day};
use crate::net_tools::PingReport;
use crate::net_tools::WakeError;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::tickets::view::{file_icon, size_text};
use crate::web::ui::form::{action_button, csrf_field};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;
use crate::web::worklist::table::safe_color;

use super::{DELETE, LOCATION, VIEW_ONLY, VIRTUALIZATION};

/// A state as a coloured dot and its name.
pub fn state_dot(names: &Names, state: i64) -> Markup {
    html! {
        @if let Some(s) = names.state(state) {
            span.dot-badge {
                span.dot style=(format!("background:{}", safe_color(&s.color))) {}
                (s.name)
            }
        }
    }
}

/// How a stored history value reads.
fn shown_value(lang: Lang, names: &Names, people: &People, kind: Kind, value: &str) -> String {
    if value.is_empty() {
        return "—".to_owned();
    }
    let id = value.parse::<i64>().ok();
    match kind {
        Kind::Text => value.to_owned(),
        Kind::Date => format_day(lang, value),
        Kind::Flag => lang.t(if value == "1" {
            "asset-yes"
        } else {
            "asset-no"
        }),
        Kind::Person => id
            .and_then(|i| people.get(&i))
            .cloned()
            .unwrap_or_else(|| lang.t("asset-removed-entry")),
        Kind::List(code) => id
            .and_then(|i| names.of_list(code, i))
            .cloned()
            .unwrap_or_else(|| lang.t("asset-removed-entry")),
        Kind::Ifaces => value
            .lines()
            .map(|line| {
                let mut parts = line.split('|');
                let role = parts
                    .next()
                    .and_then(|r| r.parse::<i64>().ok())
                    .and_then(|r| names.roles.get(&r))
                    .cloned()
                    .unwrap_or_default();
                let rest: Vec<&str> = parts.filter(|p| !p.is_empty()).collect();
                format!("{role} {}", rest.join(" ")).trim().to_owned()
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn facts(visitor: &Visitor, s: &Shown) -> Vec<(String, String)> {
    let lang = visitor.lang;
    let a = &s.asset.values;
    let n = &s.names;
    let name_of = |map: &std::collections::HashMap<i64, String>, id: Option<i64>| {
        id.and_then(|i| map.get(&i)).cloned().unwrap_or_default()
    };
    let person = |id: Option<i64>| {
        id.and_then(|i| s.people.get(&i))
            .cloned()
            .unwrap_or_default()
    };
    let day = |d: &Option<String>| {
        d.as_deref()
            .map(|d| format_day(lang, d))
            .unwrap_or_default()
    };
    let mut rows = vec![
        (lang.t("asset-field-type"), name_of(&n.types, a.type_id)),
        (
            lang.t("asset-field-manufacturer"),
            name_of(&n.manufacturers, a.manufacturer_id),
        ),
        (lang.t("asset-field-model"), name_of(&n.models, a.model_id)),
    ];
    if !a.is_virtual {
        rows.push((
            lang.t("asset-field-sn-manufacturer"),
            a.sn_manufacturer.clone(),
        ));
    }
    rows.extend([
        (lang.t("asset-field-sn-internal"), a.sn_internal.clone()),
        (lang.t("asset-field-user"), person(a.user_id)),
        (
            lang.t("asset-field-company"),
            s.company.clone().unwrap_or_default(),
        ),
        (
            lang.t("asset-field-service"),
            name_of(&n.services, a.service_id),
        ),
        (lang.t("asset-field-technician"), person(a.technician_id)),
    ]);
    if !a.is_virtual {
        if visitor.has_right(LOCATION) {
            rows.push((
                lang.t("asset-field-location"),
                name_of(&n.locations, a.location_id),
            ));
        }
        rows.push((lang.t("asset-field-socket"), a.socket.clone()));
        rows.push((lang.t("asset-field-purchased-on"), day(&a.purchased_on)));
    }
    rows.push((lang.t("asset-field-installed-on"), day(&a.installed_on)));
    if !a.is_virtual {
        rows.push((lang.t("asset-field-warranty-end"), day(&a.warranty_end)));
    }
    rows.push((lang.t("asset-field-end-of-life-on"), day(&a.end_of_life_on)));
    if visitor.has_right(VIRTUALIZATION) {
        rows.push((
            lang.t("asset-field-virtual"),
            lang.t(if a.is_virtual {
                "asset-yes"
            } else {
                "asset-no"
            }),
        ));
    }
    rows.retain(|(_, v)| !v.is_empty());
    rows
}

fn history_list(lang: Lang, s: &Shown) -> Markup {
    html! {
        @if s.history.is_empty() {
            p.muted { (lang.t("asset-history-none")) }
        } @else {
            ol.asset-history {
                @for e in &s.history {
                    li {
                        span.muted { (format_datetime(lang, e.at)) " · " (e.author) } " "
                        @match &e.what {
                            What::Created => { (lang.t("asset-history-created")) }
                            What::Deleted => { (lang.t("asset-history-deleted")) }
                            What::Note(body) => { q.asset-note { (body) } }
                            What::Woken(macs) => { (lang.t_args("asset-history-woken", &[("macs", macs)])) }
                            What::Changed { field, old, new } => {
                                @if let Some((label, kind)) = history::field(field) {
                                    strong { (lang.t(label)) } ": "
                                    (shown_value(lang, &s.names, &s.people, kind, old))
                                    " → "
                                    (shown_value(lang, &s.names, &s.people, kind, new))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// What a refused note or file, or a network action just done, brings back to the sheet.
#[derive(Debug, Default)]
pub struct Problems {
    /// Why the note was refused, and the note as typed.
    pub note: Option<(Msg, String)>,
    /// Why the files were refused.
    pub file: Option<Msg>,
    /// What a ping just found.
    pub pinged: Option<PingReport>,
    /// Why a wake failed.
    pub wake: Option<Msg>,
}

/// The flag of an asset whose interfaces last answered at `last_seen`: green, orange or red,
/// with the date of the last answer on hover and for screen readers.
pub fn ping_flag(lang: Lang, last_seen: Option<i64>) -> Markup {
    let flag = Flag::of(last_seen, crate::domain::clock::now());
    let said = match last_seen {
        Some(at) => lang.t_args(
            "asset-ping-last-seen",
            &[("date", &format_datetime(lang, at))],
        ),
        None => lang.t("asset-ping-never"),
    };
    html! {
        span class=(format!("ping-flag ping-flag-{}", flag.code())) title=(said) role="img" aria-label=(said) {}
    }
}

/// How a ping's answer reads: the round-trip time, or "no answer".
fn answer_text(lang: Lang, rtt: Option<std::time::Duration>) -> String {
    match rtt {
        Some(d) => lang.t_args(
            "asset-ping-answered",
            &[(
                "ms",
                &crate::i18n::format_decimal(lang, d.as_secs_f64() * 1000.0),
            )],
        ),
        None => lang.t("asset-ping-no-answer"),
    }
}

/// The results of a ping, one line per interface.
pub fn ping_results(lang: Lang, report: &PingReport, with_asset: bool) -> Markup {
    html! {
        p.muted {
            (lang.t_args("asset-ping-summary", &[
                ("answered", &report.answered().to_string()),
                ("count", &report.results.len().to_string()),
                ("method", &lang.t(crate::net_tools::method_keys(report.method.code()).0)),
            ]))
        }
        div.table-wrap {
            table.data-table #ping-results {
                thead { tr {
                    @if with_asset { th scope="col" { (lang.t("asset-field-name")) } }
                    th scope="col" { (lang.t("asset-iface-ip")) }
                    th scope="col" { (lang.t("asset-ping-answer")) }
                } }
                tbody {
                    @for (t, rtt) in &report.results {
                        tr data-answered=(if rtt.is_some() { "1" } else { "0" }) {
                            @if with_asset { td { a href=(fill(paths::ASSET, &[&t.asset])) { (t.asset_name) } } }
                            td { code { (t.ip.to_string()) } }
                            td { (answer_text(lang, *rtt)) }
                        }
                    }
                }
            }
        }
    }
}

/// The sheet of `s`, with `problems` by their forms.
pub fn render(visitor: &Visitor, s: &Shown, problems: &Problems) -> Markup {
    let note_error = problems.note.as_ref().map(|(m, _)| m);
    let note = problems.note.as_ref().map_or("", |(_, t)| t.as_str());
    let file_error = problems.file.as_ref();
    let lang = visitor.lang;
    let a = &s.asset.values;
    let id = s.asset.id;
    let may_edit = s.may_edit && !visitor.has_right(VIEW_ONLY);
    let n = &s.names;
    // The remote control link, from the first interface with an address.
    let vnc = visitor
        .settings
        .flag(FUNCTION_ASSET_VNC)
        .then(|| {
            a.ifaces
                .iter()
                .find(|i| !i.ip.is_empty())
                .map(|i| i.ip.clone())
        })
        .flatten();
    let network_on = visitor.settings.flag(FUNCTION_ASSET_IP);
    let has_ip = a.ifaces.iter().any(|i| !i.ip.is_empty());
    let has_mac = a.ifaces.iter().any(|i| !i.mac.is_empty());
    let last_seen = s.pings.iter().filter_map(|p| p.last_ok).max();
    html! {
        div.asset-title {
            (state_dot(n, a.state_id))
            @if network_on && has_ip { (ping_flag(lang, last_seen)) }
            div.list-actions {
                @if let Some(ip) = vnc.as_deref() {
                    a.button href=(super::vnc_href(ip)) { (lang.t("asset-vnc")) }
                }
                @if network_on && has_ip {
                    (action_button(visitor, &fill(paths::ASSET_PING, &[&id]), &lang.t("asset-ping"), "", None))
                }
                @if network_on && has_mac && may_edit {
                    (action_button(visitor, &fill(paths::ASSET_WAKE, &[&id]), &lang.t("asset-wake"), "", None))
                }
                @if may_edit {
                    a.button href=(fill(paths::ASSET_EDIT, &[&id])) { (lang.t("asset-edit")) }
                    @if visitor.has_right(DELETE) {
                        (action_button(visitor, &fill(paths::ASSET_DELETE, &[&id]), &lang.t("asset-delete"),
                            "button button-danger", Some(&lang.t("asset-delete-confirm"))))
                    }
                }
            }
        }
        @if let (Some(model), Some(version)) = (a.model_id, s.model_picture.as_deref()) {
            img.model-picture src=(format!("{}?v={version}", fill(paths::ASSET_MODEL_PICTURE, &[&model])))
                alt=(lang.t_args("asset-model-picture-alt", &[("model", &a.model_id.and_then(|m| n.models.get(&m)).cloned().unwrap_or_default())]));
        }
        @if let Some(m) = &problems.wake {
            div.alert.alert-error role="alert" { (m.render(lang)) }
        }
        @if let Some(report) = &problems.pinged {
            section.panel #ping {
                h2 { (lang.t("asset-ping-heading")) }
                (ping_results(lang, report, false))
            }
        }
        (crate::web::ui::facts::panel(&facts(visitor, s)))
        @if !a.description.is_empty() {
            section.panel {
                h2 { (lang.t("asset-field-description")) }
                p.pre-line { (a.description) }
            }
        }
        @if !a.ifaces.is_empty() {
            section.panel {
                h2 { (lang.t("asset-ifaces")) }
                div.table-wrap {
                    table.data-table {
                        thead { tr {
                            th scope="col" { (lang.t("asset-iface-role")) }
                            th scope="col" { (lang.t("asset-iface-netbios")) }
                            th scope="col" { (lang.t("asset-iface-ip")) }
                            th scope="col" { (lang.t("asset-iface-mac")) }
                            @if network_on { th scope="col" { (lang.t("asset-iface-last-seen")) } }
                        } }
                        tbody {
                            @for (n_iface, i) in a.ifaces.iter().enumerate() {
                                tr {
                                    td { (i.role_id.and_then(|r| n.roles.get(&r)).map_or("", String::as_str)) }
                                    td { (i.netbios) }
                                    td { code { (i.ip) } }
                                    td { code { (i.mac) } }
                                    @if network_on {
                                        td {
                                            @if !i.ip.is_empty() {
                                                @match s.pings.get(n_iface).and_then(|p| p.last_ok) {
                                                    Some(at) => { (format_datetime(lang, at)) }
                                                    None => { span.muted { (lang.t("asset-ping-never")) } }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section.panel {
            h2 { (lang.t("asset-tickets")) }
            @if s.tickets.is_empty() {
                p.muted { (lang.t("asset-tickets-none")) }
            } @else {
                ul {
                    @for (number, title, state) in &s.tickets {
                        li {
                            a href=(fill(paths::TICKET, &[number])) { "#" (number) " " (title) }
                            " " span.muted { (s.ticket_states.get(state).map_or("", String::as_str)) }
                        }
                    }
                }
            }
        }
        section.panel #files {
            h2 { (lang.t("asset-files")) }
            @if s.files.is_empty() {
                p.muted { (lang.t("asset-files-none")) }
            } @else {
                ul.file-list {
                    @for f in &s.files {
                        li {
                            (file_icon(&f.content_type)) " "
                            a href=(fill(paths::ASSET_FILE, &[&id, &f.id])) { (f.filename) } " "
                            span.muted { "(" (size_text(lang, f.size)) ")" }
                            @if may_edit {
                                " " (action_button(visitor, &fill(paths::ASSET_FILE_DELETE, &[&id, &f.id]),
                                    &lang.t("asset-file-remove"), "button-small", Some(&lang.t("asset-file-remove-confirm"))))
                            }
                        }
                    }
                }
            }
            @if may_edit {
                form.stack method="post" enctype="multipart/form-data"
                    action=(format!("{}?{}={}", fill(paths::ASSET_FILES, &[&id]), crate::web::csrf::FIELD, visitor.csrf)) {
                    div.field.has-error[file_error.is_some()] {
                        label for="f-attachments" { (lang.t("asset-files-add")) }
                        input #f-attachments type="file" name="attachments" multiple accept=(crate::domain::files::accept_attribute())
                            aria-invalid=[file_error.map(|_| "true")];
                        @if let Some(m) = file_error { p.field-error { (m.render(lang)) } }
                    }
                    div.form-actions {
                        button.button type="submit" { (lang.t("asset-files-send")) }
                    }
                }
            }
        }
        section.panel #asset-history {
            h2 { (lang.t("asset-history")) }
            @if may_edit {
                form.stack method="post" action=(fill(paths::ASSET_NOTE, &[&id])) {
                    (csrf_field(visitor))
                    div.field.has-error[note_error.is_some()] {
                        label for="f-note" { (lang.t("asset-note")) }
                        textarea #f-note name="note" rows="2" aria-invalid=[note_error.map(|_| "true")] { (note) }
                        @if let Some(m) = note_error { p.field-error { (m.render(lang)) } }
                    }
                    div.form-actions {
                        button.button type="submit" { (lang.t("asset-note-add")) }
                    }
                }
            }
            (history_list(lang, s))
        }
    }
}

/// `GET /assets/{id}`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<AssetId>,
) -> Result<Response, WebError> {
    let visitor = authed.visitor.clone();
    let shown = use_cases::show(state.db(), authed.actor(), id, visitor.lang).await?;
    let title = shown.asset.values.name.clone();
    Ok(layout::page(
        &visitor,
        &title,
        render(&visitor, &shown, &Problems::default()),
    )
    .into_response())
}

/// `POST /assets/{id}/notes`: a note in the history.
pub async fn note(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<AssetId>,
    sent: FormPairs,
) -> Result<Response, WebError> {
    let text = sent.get("note").to_owned();
    match use_cases::note(state.db(), authed.actor(), id, text.clone()).await {
        Ok(()) => Ok(redirect_with_flash(
            &format!("{}#asset-history", fill(paths::ASSET, &[&id])),
            Flash::Saved,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            let visitor = authed.visitor.clone();
            let shown = use_cases::show(state.db(), authed.actor(), id, visitor.lang).await?;
            let title = shown.asset.values.name.clone();
            let problems = Problems {
                note: errors.get("note").cloned().map(|m| (m, text.clone())),
                ..Problems::default()
            };
            let body = render(&visitor, &shown, &problems);
            Ok((
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                layout::page(&visitor, &title, body),
            )
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /assets/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<AssetId>,
) -> Result<Response, WebError> {
    use_cases::delete(state.db(), authed.actor(), id).await?;
    Ok(redirect_with_flash(
        paths::ASSETS,
        Flash::Deleted,
        authed.visitor.secure,
    ))
}

/// `POST /assets/{id}/ping`: pings the asset's interfaces now and shows the sheet with each
/// answer.
pub async fn ping(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<AssetId>,
) -> Result<Response, WebError> {
    let report = crate::net_tools::ping(state.db(), Some(authed.actor()), Which::One(id)).await?;
    let problems = Problems {
        pinged: Some(report),
        ..Problems::default()
    };
    render_sheet(&state, &authed, id, &problems).await
}

/// `POST /assets/{id}/wake`: sends the Wake-on-LAN magic packets of the asset's cards.
pub async fn wake(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<AssetId>,
) -> Result<Response, WebError> {
    match crate::net_tools::wake(state.db(), Some(authed.actor()), Which::One(id)).await {
        Ok(_) => Ok(redirect_with_flash(
            &format!("{}#asset-history", fill(paths::ASSET, &[&id])),
            Flash::WakeSent,
            authed.visitor.secure,
        )),
        Err(WakeError::Domain(e)) => Err(e.into()),
        Err(e) => {
            let problems = Problems {
                wake: Some(wake_failure(&e)),
                ..Problems::default()
            };
            render_sheet(&state, &authed, id, &problems).await
        }
    }
}

/// What the page says of a wake that sent nothing. The system's own words go to the log, not
/// to the page.
pub fn wake_failure(e: &WakeError) -> Msg {
    match e {
        WakeError::NoCard => crate::i18n::msg("asset-wake-no-mac"),
        WakeError::Network(io) => {
            tracing::warn!("wake-on-lan failed: {io}");
            crate::i18n::msg("asset-wake-refused")
        }
        WakeError::Domain(_) => crate::i18n::msg("error-internal-text"),
    }
}

async fn render_sheet(
    state: &AppState,
    authed: &Authed,
    id: AssetId,
    problems: &Problems,
) -> Result<Response, WebError> {
    let visitor = authed.visitor.clone();
    let shown = use_cases::show(state.db(), authed.actor(), id, visitor.lang).await?;
    let title = shown.asset.values.name.clone();
    Ok(layout::page(&visitor, &title, render(&visitor, &shown, problems)).into_response())
}
