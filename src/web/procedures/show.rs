//! `GET /procedures/{id}`: a procedure's text (Markdown, sanitized), where it is filed, who
//! wrote it, its files, and the actions the reader's rights allow.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::ids::ProcedureId;
use crate::domain::procedures::use_cases;
use crate::i18n::format_datetime;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::tickets::view::{file_icon, size_text};
use crate::web::ui::form::action_button;
use crate::web::ui::layout;

use super::{COMPANY, DELETE, MODIFY, SEE_ALL};

/// `GET /procedures/{id}`.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<ProcedureId>,
) -> Result<Response, WebError> {
    let visitor = authed.visitor.clone();
    let lang = visitor.lang;
    let use_cases::Shown {
        procedure: p,
        html,
        names,
        files: attached,
    } = use_cases::show(state.db(), authed.actor(), id, lang).await?;
    let may_modify = visitor.has_right(MODIFY);
    let filed = names.filed_under(p.category_id, p.subcategory_id);
    let company = p
        .company_id
        .and_then(|c| names.companies.get(&c))
        .filter(|_| visitor.has_right(COMPANY));
    let content = html! {
        div.ticket-head {
            @if p.published {
                span.badge.state-badge { (lang.t("procedures-published-badge")) }
            } @else {
                span.badge { (lang.t("procedures-draft-badge")) }
            }
            @if !filed.is_empty() {
                span.muted { (lang.t_args("procedures-filed-in", &[("name", &filed)])) }
            }
            @if let Some(c) = company {
                span.muted { (lang.t_args("procedures-of-company", &[("name", c)])) }
            }
            div.ticket-actions {
                @if visitor.has_right(SEE_ALL) {
                    a.button.button-small href=(paths::PROCEDURES) { (lang.t("procedures-back")) }
                }
                @if may_modify {
                    a.button.button-small.button-primary href=(fill(paths::PROCEDURE_EDIT, &[&p.id])) { (lang.t("procedures-edit")) }
                }
                @if visitor.has_right(DELETE) {
                    (action_button(&visitor, &fill(paths::PROCEDURE_DELETE, &[&p.id]), &lang.t("action-delete"), "button-danger", Some(&lang.t("procedures-confirm-delete"))))
                }
            }
        }
        article.panel.markdown.procedure-text {
            (crate::web::ui::safe::html(&html))
        }
        @if !attached.is_empty() {
            section.panel #files {
                h2 { (lang.t("procedures-files")) }
                ul.file-list {
                    @for f in &attached {
                        li {
                            (file_icon(&f.content_type)) " "
                            a href=(fill(paths::PROCEDURE_FILE, &[&p.id, &f.id])) download=(f.filename) { (f.filename) }
                            " " span.muted { "(" (size_text(lang, f.size)) ")" }
                            @if may_modify {
                                (action_button(&visitor, &fill(paths::PROCEDURE_FILE_DELETE, &[&p.id, &f.id]), &lang.t("action-remove"), "button-danger", Some(&lang.t("procedures-confirm-remove-file"))))
                            }
                        }
                    }
                }
            }
        }
        p.hint {
            (lang.t_args("procedures-written-by", &[("name", &p.created_by), ("date", &format_datetime(lang, p.created_at))]))
            @if p.updated_at != p.created_at || p.updated_by != p.created_by {
                " · "
                (lang.t_args("procedures-changed-by", &[("name", &p.updated_by), ("date", &format_datetime(lang, p.updated_at))]))
            }
        }
    };
    Ok(layout::page(&visitor, &p.title, content).into_response())
}
