//! The System page's panels about work and connections: every background job with its
//! schedule, last run, duration, result and next run (and "run now"), every connector's last
//! success and last error, and the schema's history.

use std::time::Duration;

use maud::{Markup, html};

use crate::domain::system::{Connectors, Failure, Migration, Status};
use crate::i18n::{Lang, format_datetime, format_decimal};
use crate::jobs::supervisor::{Report, Schedule};
use crate::web::paths;
use crate::web::ui::form::csrf_field;
use crate::web::visitor::Visitor;

/// A job's name in the reader's language.
fn job_label(lang: Lang, name: &str) -> String {
    let key = match name {
        "live updates" => "system-job-live",
        "mail outbox" => "system-job-outbox",
        "webhooks" => "system-job-webhooks",
        "database checkpoint" => "system-job-checkpoint",
        "search index" => "system-job-search",
        "backups" => "system-job-backups",
        "stale uploads" => "system-job-uploads",
        "requester validation" => "system-job-validation",
        "asset import folder" => "system-job-asset-import",
        "ping of every asset" => "system-job-ping",
        "mail fetch" => "system-job-mail-fetch",
        "directory synchronisation" => "system-job-directory",
        "network discovery" => "system-job-discovery",
        "query statistics" => "system-job-statistics",
        other => return other.to_owned(),
    };
    lang.t(key)
}

/// How often a job runs, in words.
fn schedule(lang: Lang, schedule: Schedule) -> String {
    match schedule {
        Schedule::Continuous => lang.t("system-job-continuous"),
        Schedule::Every(d) => {
            let secs = d.as_secs();
            if d < Duration::from_secs(1) {
                lang.t_args("system-job-every-ms", &[("n", &d.as_millis().to_string())])
            } else if secs >= 3600 && secs % 3600 == 0 {
                lang.t_args(
                    "system-job-every-hours",
                    &[("n", &(secs / 3600).to_string())],
                )
            } else if secs >= 60 && secs % 60 == 0 {
                lang.t_args(
                    "system-job-every-minutes",
                    &[("n", &(secs / 60).to_string())],
                )
            } else {
                lang.t_args(
                    "system-job-every-seconds",
                    &[("n", &secs.max(1).to_string())],
                )
            }
        }
    }
}

/// A run's length: milliseconds under a second, else seconds.
fn duration(lang: Lang, d: Duration) -> String {
    if d < Duration::from_secs(1) {
        lang.t_args("system-job-ms", &[("n", &d.as_millis().to_string())])
    } else {
        lang.t_args(
            "system-job-s",
            &[("n", &format_decimal(lang, d.as_secs_f64()))],
        )
    }
}

/// Whether a periodic job is running now (started, with no next time yet).
fn running(r: &Report) -> bool {
    matches!(r.schedule, Schedule::Every(_)) && r.last_started_at.is_some() && r.next_at.is_none()
}

/// Every job, with "run now" on the periodic ones.
pub fn jobs(visitor: &Visitor, reports: &[(&'static str, Report)]) -> Markup {
    let lang = visitor.lang;
    let mut rows: Vec<(String, &str, &Report)> = reports
        .iter()
        .map(|(name, r)| (job_label(lang, name), *name, r))
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    html! {
        section.panel #jobs {
            h2 { (lang.t("system-jobs")) }
            p.hint { (lang.t("system-jobs-help")) }
            div.table-wrap {
                table.data-table {
                    thead { tr {
                        th { (lang.t("system-job")) }
                        th { (lang.t("system-job-schedule")) }
                        th { (lang.t("system-job-last")) }
                        th { (lang.t("system-job-duration")) }
                        th { (lang.t("system-job-result")) }
                        th { (lang.t("system-job-next")) }
                        th { span.visually-hidden { (lang.t("system-job-run-now")) } }
                    } }
                    tbody {
                        @for (label, name, r) in rows {
                            tr data-job=(name) {
                                td { (label) }
                                td { (schedule(lang, r.schedule)) }
                                td { @if let Some(at) = r.last_started_at { (format_datetime(lang, at)) } @else { "—" } }
                                td { @if let Some(d) = r.last_duration { (duration(lang, d)) } @else { "—" } }
                                td.job-result {
                                    @if running(r) {
                                        span.badge.badge-warn { (lang.t("system-job-running")) }
                                    } @else {
                                        @match &r.last_result {
                                            None => { "—" }
                                            Some(Ok(said)) => {
                                                span.badge.badge-ok { (lang.t("system-job-ok")) }
                                                @if !said.is_empty() { " " code { (said) } }
                                            }
                                            Some(Err(why)) => {
                                                span.badge.badge-error { (lang.t("system-job-failed")) }
                                                " " code { (why) }
                                            }
                                        }
                                    }
                                }
                                td { @if let Some(at) = r.next_at { (format_datetime(lang, at)) } @else { "—" } }
                                td {
                                    @if matches!(r.schedule, Schedule::Every(_)) {
                                        form.inline-form method="post" action=(paths::ADMIN_SYSTEM_RUN) {
                                            (csrf_field(visitor))
                                            input type="hidden" name="job" value=(name);
                                            button.button.button-small type="submit" disabled[running(r)] {
                                                (lang.t("system-job-run-now"))
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
}

/// A connector's row: whether it is on, when it last worked, when and why it last failed.
fn connector_row(lang: Lang, id: &str, label: &str, on: bool, status: &Status) -> Markup {
    connector_row_with(lang, id, label, on, status, None)
}

/// [`connector_row`], with `working` in place of "Working" when it has one.
fn connector_row_with(
    lang: Lang,
    id: &str,
    label: &str,
    on: bool,
    status: &Status,
    working: Option<Markup>,
) -> Markup {
    let state = if !on {
        html! { span.badge { (lang.t("system-connector-off")) } }
    } else if status.failing() {
        html! { span.badge.badge-error { (lang.t("system-connector-failing")) } }
    } else if status.last_success_at.is_some() {
        working.unwrap_or_else(|| html! { span.badge.badge-ok { (lang.t("system-connector-ok")) } })
    } else {
        html! { span.badge { (lang.t("system-connector-unused")) } }
    };
    html! {
        tr data-connector=(id) {
            td { (label) }
            td { (state) }
            td { @if let Some(at) = status.last_success_at { (format_datetime(lang, at)) } @else { "—" } }
            td.connector-error {
                @if let Some((at, why)) = &status.last_error {
                    (format_datetime(lang, *at)) " "
                    @match why {
                        Failure::Smtp(words) => code { (words) },
                        Failure::Mailbox(code) => code { (lang.t(crate::mail_in::failure_key(code))) },
                        Failure::Directory(key) => code { (lang.t(key)) },
                        Failure::Updates(words) => code { (words) },
                    }
                } @else { "—" }
            }
        }
    }
}

/// The desktop app's update check: up to date, or the version it found.
fn updates_row(lang: Lang, status: &Status, version: &str) -> Markup {
    let working = if version.is_empty() {
        html! { span.badge.badge-ok { (lang.t("system-update-current")) } }
    } else {
        html! { span.badge.badge-warn { (lang.t_args("system-update-available", &[("version", version)])) } }
    };
    connector_row_with(
        lang,
        "updates",
        &lang.t("system-connector-updates"),
        true,
        status,
        Some(working),
    )
}

/// The SMTP server, each mailbox, the directory and the desktop app's update check.
pub fn connectors(lang: Lang, c: &Connectors) -> Markup {
    html! {
        section.panel #connectors {
            h2 { (lang.t("system-connectors")) }
            div.table-wrap {
                table.data-table {
                    thead { tr {
                        th { (lang.t("system-connector")) }
                        th { (lang.t("system-connector-state")) }
                        th { (lang.t("system-connector-success")) }
                        th { (lang.t("system-connector-error")) }
                    } }
                    tbody {
                        (connector_row(lang, "smtp", &lang.t("system-connector-smtp"), c.smtp.0, &c.smtp.1))
                        @for (name, on, status) in &c.mailboxes {
                            (connector_row(lang, "mailbox", &lang.t_args("system-connector-mailbox", &[("name", name)]), *on, status))
                        }
                        (connector_row(lang, "directory", &lang.t("system-connector-directory"), c.directory.0, &c.directory.1))
                        @if let Some((status, version)) = &c.updates {
                            (updates_row(lang, status, version))
                        }
                    }
                }
            }
            @if let Some((status, version)) = &c.updates
                && !version.is_empty() && !status.failing() {
                p.hint #update-hint { (lang.t_args("system-update-install-hint", &[("version", version)])) }
            }
        }
    }
}

/// The schema changes applied to this database, folded.
pub fn history(lang: Lang, history: &[Migration]) -> Markup {
    html! {
        section.panel #schema-history {
            details {
                summary { (lang.t_args("system-schema-history", &[("n", &history.len().to_string())])) }
                div.table-wrap {
                    table.data-table {
                        thead { tr {
                            th { (lang.t("system-schema-version")) }
                            th { (lang.t("system-schema-name")) }
                            th { (lang.t("system-schema-applied")) }
                        } }
                        tbody {
                            @for m in history {
                                tr {
                                    td { (m.version) }
                                    td { code { (m.name) } }
                                    td { (m.applied_on) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
