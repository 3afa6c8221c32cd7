//! Administration > System: version and build, data folder with its free space, database size,
//! schema version and history, row counts and the integrity check on demand; every background
//! job (with "run now") and connector; how the network tools probe hosts; the addresses served;
//! the addresses throttled after too many failed logins (with a button that lifts each). The
//! log files are read on their own page (`system_logs`).

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::auth::{self};
use crate::domain::system;
use crate::i18n::{Lang, format_bytes, format_datetime};
use crate::jobs::supervisor::RunNowError;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::csrf_field;
use crate::web::ui::{facts, layout};

/// Free space under which the page warns: the daily backups and the database need room.
pub const LOW_DISK_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The free and total bytes of the file system holding `path`.
#[cfg(unix)]
fn disk_space(path: &std::path::Path) -> Option<(u64, u64)> {
    let s = rustix::fs::statvfs(path).ok()?;
    Some((
        s.f_bavail.saturating_mul(s.f_frsize),
        s.f_blocks.saturating_mul(s.f_frsize),
    ))
}

/// Not measured where the system offers no portable call for it.
#[cfg(not(unix))]
fn disk_space(_path: &std::path::Path) -> Option<(u64, u64)> {
    None
}

/// The build: version, target and whether it is optimised.
fn build(lang: Lang) -> String {
    let profile = if cfg!(debug_assertions) {
        lang.t("system-build-debug")
    } else {
        lang.t("system-build-release")
    };
    format!(
        "{} ({} {}, {profile})",
        crate::VERSION,
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

/// The handler.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let overview = system::overview(state.db()).await?;
    let facts = &overview.facts;
    let config = state.app().config();
    let data_dir = config.data_dir().to_owned();
    let (space, method) = tokio::join!(
        tokio::task::spawn_blocking(move || disk_space(&data_dir)),
        super::network::current_method()
    );
    let space = space.ok().flatten();
    let low = space.is_some_and(|(free, _)| free < LOW_DISK_BYTES);
    let mut rows: Vec<(String, String)> = vec![
        (lang.t("system-version"), build(lang)),
        (
            lang.t("system-data-dir"),
            config.data_dir().display().to_string(),
        ),
        (
            lang.t("system-disk"),
            match space {
                Some((free, total)) => lang.t_args(
                    "system-disk-value",
                    &[
                        ("free", &format_bytes(lang, free)),
                        ("total", &format_bytes(lang, total)),
                    ],
                ),
                None => "—".to_owned(),
            },
        ),
        (
            lang.t("system-database"),
            config.database_path().display().to_string(),
        ),
        (
            lang.t("system-database-size"),
            format_bytes(lang, facts.size_bytes),
        ),
        (
            lang.t("system-schema"),
            lang.t_args(
                "system-schema-value",
                &[
                    ("current", &facts.schema_version.to_string()),
                    ("latest", &facts.latest_schema_version.to_string()),
                ],
            ),
        ),
        (lang.t("system-users"), facts.users.to_string()),
        (lang.t("system-tickets"), facts.tickets.to_string()),
    ];
    for (key, n) in &facts.counts {
        rows.push((lang.t(key), n.to_string()));
    }
    rows.push((
        lang.t("system-started"),
        format_datetime(lang, state.app().started_at().as_second()),
    ));
    let integrity = state.integrity();
    let content = html! {
        @if low {
            div.alert.alert-warning role="alert" #low-disk {
                (lang.t_args("system-disk-low", &[("limit", &format_bytes(lang, LOW_DISK_BYTES))]))
            }
        }
        @if overview.facts.schema_version < overview.facts.latest_schema_version {
            div.alert.alert-warning role="alert" { (lang.t("system-schema-behind")) }
        }
        (facts::panel(&rows))
        section.panel #integrity {
            h2 { (lang.t("system-integrity")) }
            p.hint { (lang.t("system-integrity-help")) }
            @match &integrity {
                None => {}
                Some((at, problems)) if problems.is_empty() => {
                    p { span.badge.badge-ok { (lang.t("system-integrity-ok")) } " " (format_datetime(lang, *at)) }
                }
                Some((at, problems)) => {
                    p { span.badge.badge-error { (lang.t("system-integrity-problems")) } " " (format_datetime(lang, *at)) }
                    ul { @for p in problems { li { code { (p) } } } }
                }
            }
            form method="post" action=(paths::ADMIN_SYSTEM_INTEGRITY) {
                (csrf_field(visitor))
                button.button type="submit" { (lang.t("system-integrity-run")) }
            }
        }
        (super::system_panels::jobs(visitor, &state.jobs().reports()))
        (super::system_panels::connectors(lang, &overview.connectors))
        (super::network::method_panel(lang, method))
        section.panel {
            h2 { (lang.t("system-addresses")) }
            ul.address-list {
                @for url in state.urls() {
                    li { code { (url) } }
                }
            }
            p { (lang.t("system-lan-url")) " " code #lan-url { (state.lan_url()) } }
        }
        section.panel #https {
            h2 { (lang.t("https-title")) }
            @match state.tls().info() {
                Some(info) => {
                    p { span.badge.badge-ok { (lang.t("https-on")) } }
                    (super::https::certificate_panel(lang, &info, crate::domain::clock::now()))
                }
                None => p { span.badge { (lang.t("https-mode-off")) } },
            }
            p { a href=(paths::ADMIN_HTTPS) { (lang.t("https-set-up")) } }
        }
        section.panel #logs {
            h2 { (lang.t("system-logs")) }
            p { a href=(paths::ADMIN_SYSTEM_LOGS) { (lang.t("system-logs-open")) } }
        }
        (super::system_panels::history(lang, &overview.history))
        section.panel #throttled {
            h2 { (lang.t("system-throttled")) }
            p.hint { (lang.t("system-throttled-help")) }
            @if overview.throttled.is_empty() {
                p.muted { (lang.t("system-throttled-none")) }
            } @else {
                ul.item-list {
                    @for t in &overview.throttled {
                        li {
                            code { (t.ip) } " "
                            span.muted { (lang.t_args("system-throttled-until", &[
                                ("failures", &t.failures.to_string()),
                                ("until", &format_datetime(lang, t.until)),
                            ])) }
                            form.inline-form method="post" action=(paths::ADMIN_THROTTLE_CLEAR) {
                                (csrf_field(visitor))
                                input type="hidden" name="ip" value=(t.ip);
                                button.button.button-small type="submit" { (lang.t("system-throttled-lift")) }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(visitor, &lang.t("system-title"), content).into_response())
}

/// `POST /admin/system/jobs/run`: starts a periodic job now.
pub async fn run_now(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let flash = match state.jobs().run_now(form.get("job")) {
        Ok(()) => Flash::JobStarted,
        Err(RunNowError::Running) => Flash::JobRunning,
        Err(RunNowError::Unknown | RunNowError::Continuous) => return Err(WebError::BadRequest),
    };
    tracing::info!(
        job = form.get("job"),
        by = %authed.session.actor.user.login,
        "job started from the system page"
    );
    Ok(redirect_with_flash(
        &format!("{}#jobs", paths::ADMIN_SYSTEM),
        flash,
        authed.visitor.secure,
    ))
}

/// `POST /admin/system/integrity`: runs the database's integrity check and shows its result.
pub async fn integrity(
    State(state): State<AppState>,
    authed: Authed,
) -> Result<Response, WebError> {
    let problems = system::integrity_check(state.db()).await?;
    if !problems.is_empty() {
        tracing::error!("the integrity check found {} problem(s)", problems.len());
    }
    state.set_integrity(crate::domain::clock::now(), problems);
    Ok(redirect_with_flash(
        &format!("{}#integrity", paths::ADMIN_SYSTEM),
        Flash::IntegrityChecked,
        authed.visitor.secure,
    ))
}

/// `POST /admin/system/throttle/clear`: lifts the throttle of one address (its failed logins
/// are forgotten).
pub async fn clear_throttle(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let ip = form.get("ip").trim().to_owned();
    if ip.is_empty() || ip.len() > 64 {
        return Err(WebError::BadRequest);
    }
    auth::lift_address(
        state.db(),
        ip,
        authed.session.actor.user.clone(),
        authed.visitor.ip.clone(),
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("{}#throttled", paths::ADMIN_SYSTEM),
        Flash::Saved,
        authed.visitor.secure,
    ))
}
