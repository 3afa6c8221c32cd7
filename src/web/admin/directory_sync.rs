//! Administration > Settings > Directory, synchronisation: "Simulate" shows the table of what
//! a synchronisation would change (accounts to create, fields with their old and new values,
//! accounts to disable or enable, services, companies and agencies to create, memberships to
//! add or remove, entries left out and why) and changes nothing; "Synchronise" makes those
//! changes in one transaction and shows the same table as done; the history lists every run.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::directory_sync::{self, SyncError};
use crate::domain::directory::plan::{Field, ListKind, NewList, Plan};
use crate::domain::directory::{Outcome, Trigger, runs};
use crate::i18n::{Lang, format_datetime, msg};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::csrf_field;
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

/// The most rows a section of the table shows (the counts say the rest).
const ROWS: usize = 500;

/// The Simulate and Synchronise buttons, for the directory page.
pub fn actions(visitor: &Visitor) -> Markup {
    let lang = visitor.lang;
    html! {
        section.panel #directory-sync {
            h2 { (lang.t("directory-sync-title")) }
            p.hint { (lang.t("directory-sync-help")) }
            div.form-actions {
                form.inline-add method="post" action=(paths::ADMIN_DIRECTORY_SIMULATE) {
                    (csrf_field(visitor))
                    button.button type="submit" #directory-simulate { (lang.t("directory-simulate")) }
                }
                form.inline-add method="post" action=(paths::ADMIN_DIRECTORY_SYNC) {
                    (csrf_field(visitor))
                    button.button.button-primary type="submit" #directory-synchronise {
                        (lang.t("directory-synchronise"))
                    }
                }
                a.button href=(paths::ADMIN_DIRECTORY_RUNS) { (lang.t("directory-runs-title")) }
            }
        }
    }
}

fn field_label(lang: Lang, f: Field) -> String {
    lang.t(f.label())
}

fn more(lang: Lang, total: usize) -> Markup {
    html! {
        @if total > ROWS {
            p.hint { (msg("directory-more-rows").arg("count", total - ROWS).render(lang)) }
        }
    }
}

fn section_title(lang: Lang, key: &'static str, count: usize) -> Markup {
    html! { h3 { (msg(key).arg("count", count).render(lang)) } }
}

fn new_lists(lang: Lang, key: &'static str, id: &str, names: &[&str]) -> Markup {
    html! {
        @if !names.is_empty() {
            section #(id) {
                (section_title(lang, key, names.len()))
                ul.directory-names {
                    @for n in names.iter().take(ROWS) { li { (n) } }
                }
                (more(lang, names.len()))
            }
        }
    }
}

fn names(lists: &[NewList]) -> Vec<&str> {
    lists.iter().map(|l| l.name.as_str()).collect()
}

/// The table of a plan.
fn plan_table(lang: Lang, plan: &Plan) -> Markup {
    html! {
        p #directory-read { (msg("directory-read-users").arg("count", plan.read_users).render(lang)) }
        @if plan.is_empty() {
            p.alert.alert-info #directory-nothing { (lang.t("directory-nothing-to-do")) }
        }
        @if !plan.create.is_empty() {
            section #directory-create {
                (section_title(lang, "directory-section-create", plan.create.len()))
                div.table-wrap { table.data-table {
                    thead { tr {
                        th { (lang.t("user-field-login")) } th { (lang.t("user-field-firstname")) }
                        th { (lang.t("user-field-lastname")) } th { (lang.t("user-field-mail")) }
                        th { (lang.t("user-field-company")) }
                    } }
                    tbody { @for n in plan.create.iter().take(ROWS) {
                        tr data-login=(n.entry.login) {
                            td { (n.entry.login)
                                @if n.entry.disabled { " " span.badge { (lang.t("directory-created-disabled")) } } }
                            td { (n.entry.firstname) } td { (n.entry.lastname) }
                            td { (n.entry.mail) } td { (n.entry.company) }
                        }
                    } }
                } }
                (more(lang, plan.create.len()))
            }
        }
        @if !plan.update.is_empty() {
            section #directory-update {
                (section_title(lang, "directory-section-update", plan.update.len()))
                div.table-wrap { table.data-table {
                    thead { tr {
                        th { (lang.t("user-field-login")) } th { (lang.t("directory-field")) }
                        th { (lang.t("directory-old-value")) } th { (lang.t("directory-new-value")) }
                    } }
                    tbody { @for u in plan.update.iter().take(ROWS) {
                        @for c in &u.changes {
                            tr data-login=(u.login) data-field=(c.field.label()) {
                                td { (u.login) } td { (field_label(lang, c.field)) }
                                td.old-value { (c.old) } td.new-value { (c.new) }
                            }
                        }
                    } }
                } }
                (more(lang, plan.update.len()))
            }
        }
        @for (id, key, toggles) in [
            ("directory-disable", "directory-section-disable", &plan.disable),
            ("directory-enable", "directory-section-enable", &plan.enable),
        ] {
            @if !toggles.is_empty() {
                section #(id) {
                    (section_title(lang, key, toggles.len()))
                    div.table-wrap { table.data-table {
                        tbody { @for t in toggles.iter().take(ROWS) {
                            tr data-login=(t.login) { td { (t.login) } td { (lang.t(t.reason.label())) } }
                        } }
                    } }
                    (more(lang, toggles.len()))
                }
            }
        }
        (new_lists(lang, "directory-section-services", "directory-services", &names(&plan.new_services)))
        (new_lists(lang, "directory-section-companies", "directory-companies",
            &plan.new_companies.iter().map(String::as_str).collect::<Vec<_>>()))
        (new_lists(lang, "directory-section-agencies", "directory-agencies", &names(&plan.new_agencies)))
        @if !plan.memberships.is_empty() {
            section #directory-memberships {
                (section_title(lang, "directory-section-memberships", plan.memberships.len()))
                div.table-wrap { table.data-table {
                    thead { tr {
                        th { (lang.t("user-field-login")) } th { (lang.t("directory-membership")) }
                        th { (lang.t("directory-change")) }
                    } }
                    tbody { @for m in plan.memberships.iter().take(ROWS) {
                        tr data-login=(m.login) data-list=(m.name) data-added=(m.added) {
                            td { (m.login) }
                            td {
                                (msg("directory-membership-of")
                                    .arg("kind", lang.t(match m.kind {
                                        ListKind::Service => "user-field-services",
                                        ListKind::Agency => "user-field-agencies",
                                    }))
                                    .arg("name", m.name.clone())
                                    .render(lang))
                            }
                            td { (lang.t(if m.added { "directory-added" } else { "directory-removed" })) }
                        }
                    } }
                } }
                (more(lang, plan.memberships.len()))
            }
        }
        @if !plan.problems.is_empty() {
            section #directory-problems {
                (section_title(lang, "directory-section-problems", plan.problems.len()))
                ul { @for p in plan.problems.iter().take(ROWS) { li { (p.message().render(lang)) } } }
                (more(lang, plan.problems.len()))
            }
        }
    }
}

fn outcome_page(visitor: &Visitor, dry_run: bool, outcome: &Outcome) -> Markup {
    let lang = visitor.lang;
    let title = lang.t(if dry_run {
        "directory-simulation-title"
    } else {
        "directory-done-title"
    });
    let content = html! {
        p.alert.alert-success role="status" #directory-outcome {
            (lang.t(if dry_run { "directory-simulation-said" } else { "directory-done-said" }))
        }
        (plan_table(lang, &outcome.plan))
        div.form-actions {
            @if dry_run && !outcome.plan.is_empty() {
                form.inline-add method="post" action=(paths::ADMIN_DIRECTORY_SYNC) {
                    (csrf_field(visitor))
                    button.button.button-primary type="submit" #directory-synchronise {
                        (lang.t("directory-synchronise"))
                    }
                }
            }
            a.button href=(paths::ADMIN_DIRECTORY) { (lang.t("directory-back")) }
        }
    };
    layout::page(visitor, &title, content)
}

fn failure_page(visitor: &Visitor, e: &SyncError) -> Markup {
    let lang = visitor.lang;
    let text = lang.t(directory_sync::failure_key(e));
    let content = html! {
        div.alert.alert-error role="alert" #directory-outcome { (text) }
        p { a.button href=(paths::ADMIN_DIRECTORY) { (lang.t("directory-back")) } }
    };
    layout::page(visitor, &lang.t("directory-sync-title"), content)
}

async fn run(state: &AppState, authed: &Authed, dry_run: bool) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let actor = authed.actor();
    match directory_sync::run(state.db(), Some(actor), Trigger::Page, dry_run).await {
        Ok(outcome) => Ok(outcome_page(visitor, dry_run, &outcome).into_response()),
        Err(SyncError::Domain(e)) => Err(e.into()),
        Err(e) => {
            tracing::info!("directory synchronisation did not run: {e}");
            let status = match e {
                SyncError::Busy => StatusCode::CONFLICT,
                SyncError::Directory(_) => StatusCode::BAD_GATEWAY,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            Ok((status, failure_page(visitor, &e)).into_response())
        }
    }
}

/// `POST /admin/directory/simulate`: what a synchronisation would change.
pub async fn simulate(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    run(&state, &authed, true).await
}

/// `POST /admin/directory/sync`: synchronises now.
pub async fn synchronise(
    State(state): State<AppState>,
    authed: Authed,
) -> Result<Response, WebError> {
    run(&state, &authed, false).await
}

/// `GET /admin/directory/runs`: every run, newest first.
pub async fn history(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let runs = runs::history(state.db(), authed.actor()).await?;
    let content = html! {
        @if runs.is_empty() {
            p #directory-runs-none { (lang.t("directory-runs-none")) }
        } @else {
            div.table-wrap { table.data-table #directory-runs {
                thead { tr {
                    th { (lang.t("directory-run-when")) } th { (lang.t("directory-run-by")) }
                    th { (lang.t("directory-run-kind")) } th { (lang.t("directory-run-figures")) }
                    th { (lang.t("directory-run-error")) }
                } }
                tbody { @for r in &runs {
                    tr data-run=(r.id) {
                        td { (format_datetime(lang, r.started_at)) }
                        td { @match (&r.by, r.trigger) {
                            (Some(name), _) => { (name) },
                            (None, Trigger::Schedule) => { (lang.t("directory-run-schedule")) },
                            (None, _) => { (lang.t("directory-run-command")) },
                        } }
                        td { (lang.t(if r.dry_run { "directory-run-simulation" } else { "directory-run-sync" })) }
                        td { (r.counts.message().render(lang)) }
                        td { @if r.error.is_empty() { "—" } @else { span.badge.badge-error { (lang.t(&r.error)) } } }
                    }
                } }
            } }
        }
        p { a.button href=(paths::ADMIN_DIRECTORY) { (lang.t("directory-back")) } }
    };
    Ok(layout::page(visitor, &lang.t("directory-runs-title"), content).into_response())
}
