//! Importing assets from a CSV file, from the stock view: `GET /assets/import` (the form, the
//! template and the latest imports), `POST /assets/import` (the file sent: its preview, line by
//! line), `GET /assets/import/{id}` (that preview again) and `POST /assets/import/{id}` (the
//! confirmation: every accepted line imported at once, then what was done).

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::DomainError;
use crate::domain::assets::import::columns;
use crate::domain::assets::import::log::{Logged, Source, State as LogState};
use crate::domain::assets::import::sheet::MAX_BYTES;
use crate::domain::assets::import::use_cases::{self, Previewed};
use crate::domain::assets::import::{Outcome, Report};
use crate::i18n::{Lang, Msg, format_datetime, msg};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{csrf_field, form_error};
use crate::web::ui::layout;
use crate::web::upload_bytes;
use crate::web::visitor::Visitor;

/// The form field of the file.
const FIELD: &str = "file";

fn upload_form(visitor: &Visitor, error: Option<&Msg>) -> Markup {
    let lang = visitor.lang;
    html! {
        form.stack #asset-import-form method="post" enctype="multipart/form-data"
            action=(format!("{}?{}={}", paths::ASSETS_IMPORT, crate::web::csrf::FIELD, visitor.csrf)) novalidate {
            p.hint { (lang.t_args("asset-import-help", &[("max", &(MAX_BYTES / (1024 * 1024)).to_string())])) }
            div.field.has-error[error.is_some()] {
                label for="f-file" { (lang.t("asset-import-file")) }
                input #f-file type="file" name=(FIELD) accept=".csv,text/csv";
                @if let Some(m) = error {
                    p.field-error { (m.render(lang)) }
                }
            }
            div.form-actions {
                button.button.button-primary type="submit" { (lang.t("asset-import-preview")) }
                a.button href=(paths::ASSETS_IMPORT_TEMPLATE) download { (lang.t("asset-import-template")) }
                a.button href=(paths::ASSETS) { (lang.t("asset-cancel")) }
            }
        }
    }
}

fn source_name(lang: Lang, source: Source) -> String {
    lang.t(match source {
        Source::Page => "asset-import-source-page",
        Source::Folder => "asset-import-source-folder",
        Source::Shell => "asset-import-source-shell",
    })
}

fn history(lang: Lang, logged: &[Logged]) -> Markup {
    html! {
        section.panel #asset-imports {
            h2 { (lang.t("asset-import-latest")) }
            @if logged.is_empty() {
                p.muted { (lang.t("asset-import-none")) }
            } @else {
                div.table-wrap {
                    table.data-table {
                        thead { tr {
                            th { (lang.t("asset-import-when")) }
                            th { (lang.t("asset-import-file")) }
                            th { (lang.t("asset-import-by")) }
                            th { (lang.t("asset-import-result")) }
                        } }
                        tbody {
                            @for l in logged {
                                tr {
                                    td { (format_datetime(lang, l.created_at)) }
                                    td {
                                        @if l.state == LogState::Previewed {
                                            a href=(fill(paths::ASSET_IMPORT, &[&l.id])) { (l.file_name) }
                                        } @else {
                                            (l.file_name)
                                        }
                                    }
                                    td { @if l.author.is_empty() { (source_name(lang, l.source)) } @else { (l.author) } }
                                    td {
                                        @match l.state {
                                            LogState::Previewed => span.muted { (lang.t("asset-import-waiting")) },
                                            LogState::Failed => span.import-refused-label { (l.error) },
                                            LogState::Done => (msg("asset-import-summary")
                                                .arg("created", l.counts.created)
                                                .arg("updated", l.counts.updated)
                                                .arg("unchanged", l.counts.unchanged)
                                                .arg("refused", l.counts.refused)
                                                .render(lang)),
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

/// The report's table: each line, what happens to it, and why when it is refused.
fn report_table(lang: Lang, report: &Report, done: bool) -> Markup {
    let c = report.counts();
    html! {
        p #asset-import-summary.lead {
            (msg(if done { "asset-import-summary" } else { "asset-import-summary-preview" })
                .arg("created", c.created)
                .arg("updated", c.updated)
                .arg("unchanged", c.unchanged)
                .arg("refused", c.refused)
                .render(lang))
        }
        p.hint {
            (lang.t_args("asset-import-read-as", &[
                ("separator", &report.separator.to_string()),
                ("encoding", if report.windows_1252 { "Windows-1252" } else { "UTF-8" }),
            ]))
        }
        @if !report.added.is_empty() {
            section.panel #asset-import-added {
                h2 { (lang.t(if done { "asset-import-added" } else { "asset-import-will-add" })) }
                ul {
                    @for (kind, name) in &report.added {
                        li { (lang.t(kind.title_key())) ": " strong { (name) } }
                    }
                }
            }
        }
        div.table-wrap {
            table.data-table #asset-import-lines {
                thead { tr {
                    th { (lang.t("asset-import-line")) }
                    th { (lang.t("asset-field-name")) }
                    th { (lang.t("asset-import-result")) }
                } }
                tbody {
                    @for line in &report.lines {
                        tr.import-refused[matches!(line.outcome, Outcome::Refused(_))] {
                            td { (line.number) }
                            td {
                                @match &line.outcome {
                                    Outcome::Created(id) | Outcome::Updated(id) | Outcome::Unchanged(id) if done || !matches!(line.outcome, Outcome::Created(_)) => {
                                        a href=(fill(paths::ASSET, &[id])) { (line.name) }
                                    }
                                    _ => (line.name),
                                }
                            }
                            td {
                                @match &line.outcome {
                                    Outcome::Created(_) => span.badge.import-created { (lang.t(if done { "asset-import-created" } else { "asset-import-will-create" })) },
                                    Outcome::Updated(_) => span.badge { (lang.t(if done { "asset-import-updated" } else { "asset-import-will-update" })) },
                                    Outcome::Unchanged(_) => span.muted { (lang.t("asset-import-unchanged")) },
                                    Outcome::Refused(reasons) => {
                                        span.import-refused-label { (lang.t("asset-import-refused")) ": " }
                                        @for (i, r) in reasons.iter().enumerate() {
                                            @if i > 0 { "; " }
                                            (r.render(lang))
                                        }
                                    },
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn preview_page(visitor: &Visitor, previewed: &Previewed) -> Response {
    let lang = visitor.lang;
    let body = match &previewed.report {
        Err(why) => html! {
            (form_error(lang, Some(&msg("asset-import-file-refused").arg("file", &previewed.file_name))))
            (upload_form(visitor, Some(why)))
        },
        Ok(report) => {
            let importable = report.counts().created + report.counts().updated > 0;
            html! {
                p.hint { (lang.t_args("asset-import-preview-of", &[("file", &previewed.file_name)])) }
                (report_table(lang, report, false))
                @if importable {
                    form.form-actions #asset-import-confirm method="post" action=(fill(paths::ASSET_IMPORT, &[&previewed.id])) {
                        (csrf_field(visitor))
                        button.button.button-primary type="submit" { (lang.t("asset-import-confirm")) }
                        a.button href=(paths::ASSETS_IMPORT) { (lang.t("asset-cancel")) }
                    }
                } @else {
                    p.muted { (lang.t("asset-import-nothing")) }
                    a.button href=(paths::ASSETS_IMPORT) { (lang.t("asset-import-another")) }
                }
            }
        }
    };
    let status = if previewed.report.is_ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (
        status,
        layout::page(visitor, &lang.t("asset-import-heading"), body),
    )
        .into_response()
}

/// `GET /assets/import`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let logged = use_cases::recent(state.db(), authed.actor()).await?;
    let body = html! {
        (upload_form(visitor, None))
        (history(visitor.lang, &logged))
    };
    Ok(layout::page(visitor, &visitor.lang.t("asset-import-heading"), body).into_response())
}

/// `GET /assets/import/template.csv`: for those who may import, as the page.
pub async fn template(authed: Authed) -> Result<Response, WebError> {
    if authed.visitor.has_right(super::VIEW_ONLY) {
        return Err(WebError::Forbidden);
    }
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"assets-template.csv\"",
            ),
        ],
        columns::template(),
    )
        .into_response())
}

/// `POST /assets/import`: the file sent, previewed.
pub async fn upload(
    State(state): State<AppState>,
    authed: Authed,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let file = upload_bytes::read(multipart, FIELD, MAX_BYTES).await?;
    let refuse = |m: Msg| {
        let body = html! {
            (form_error(visitor.lang, Some(&msg("form-has-errors"))))
            (upload_form(visitor, Some(&m)))
        };
        Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            layout::page(visitor, &visitor.lang.t("asset-import-heading"), body),
        )
            .into_response())
    };
    let Some(file) = file else {
        return refuse(msg("asset-import-no-file"));
    };
    if file.too_big {
        return refuse(msg("asset-import-too-big").arg("max", MAX_BYTES / (1024 * 1024)));
    }
    let previewed = use_cases::preview(
        state.db(),
        authed.actor(),
        &file.name,
        file.bytes,
        visitor.lang,
    )
    .await?;
    Ok(preview_page(visitor, &previewed))
}

/// `GET /assets/import/{id}`: the preview again, while it waits.
pub async fn previewed(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let previewed = use_cases::previewed(state.db(), authed.actor(), id).await?;
    Ok(preview_page(&authed.visitor, &previewed))
}

/// `POST /assets/import/{id}`: the import, then what it did.
pub async fn confirm(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    match use_cases::confirm(state.db(), authed.actor(), id).await {
        Ok(report) => {
            let body = html! {
                div.alert.alert-success role="status" { (lang.t("asset-import-done")) }
                (report_table(lang, &report, true))
                div.form-actions {
                    a.button.button-primary href=(paths::ASSETS) { (lang.t("asset-import-to-list")) }
                    a.button href=(paths::ASSETS_IMPORT) { (lang.t("asset-import-another")) }
                }
            };
            Ok(layout::page(visitor, &lang.t("asset-import-heading"), body).into_response())
        }
        Err(DomainError::Invalid(errors)) => {
            let why = errors.0.first().map(|(_, m)| m.clone());
            let body = html! {
                (form_error(lang, Some(&msg("form-has-errors"))))
                (upload_form(visitor, why.as_ref()))
            };
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                layout::page(visitor, &lang.t("asset-import-heading"), body),
            )
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}
