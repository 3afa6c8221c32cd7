//! `GET /tickets/{id}/print` (`ticket_print`): the ticket on a clean page for paper: its
//! summary, description, files and the thread the reader may see, without menus or forms.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::clock;
use crate::domain::ids::TicketId;
use crate::domain::tickets::print;
use crate::domain::tickets::thread::Kind;
use crate::i18n::{format_datetime, msg};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::ui::{layout, safe};

use super::thread::event_text;
use super::view::size_text;

/// The handler.
pub async fn page(
    State(state): State<crate::web::state::AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let p = print::printable(state.db(), authed.actor(), id, lang).await?;
    let f = &p.facts;
    let category = match (f.category.is_empty(), f.subcategory.is_empty()) {
        (false, false) => format!("{} / {}", f.category, f.subcategory),
        _ => f.category.clone(),
    };
    let facts = [
        ("ticket-field-requester", f.requester.clone()),
        ("ticket-field-technician", f.technician.clone()),
        ("ticket-field-state", f.state.clone()),
        ("ticket-field-category", category),
        ("ticket-field-priority", f.priority.clone()),
        ("ticket-field-created", format_datetime(lang, f.created_at)),
    ];
    let title = format!("#{} {}", f.id, f.title);
    let content = html! {
        dl.print-facts {
            @for (label, value) in &facts {
                @if !value.trim().is_empty() {
                    dt { (lang.t(label)) }
                    dd { (value) }
                }
            }
        }
        section.print-section {
            h2 { (lang.t("ticket-field-description")) }
            div.markdown { (safe::html(&p.description_html)) }
        }
        @if !p.files.is_empty() {
            section.print-section {
                h2 { (lang.t("ticket-attachments")) }
                ul {
                    @for file in &p.files {
                        li { (file.filename) " (" (size_text(lang, file.size)) ")" }
                    }
                }
            }
        }
        @if !p.entries.is_empty() {
            section.print-section {
                h2 { (lang.t("ticket-thread")) }
                ol.print-thread {
                    @for e in &p.entries {
                        li.print-entry.print-event[e.kind != Kind::Text] {
                            p.print-entry-head {
                                strong { (e.author) }
                                " · " (format_datetime(lang, e.created_at))
                                @if e.private { " · " (lang.t("thread-private")) }
                            }
                            @if e.kind == Kind::Text {
                                div.markdown { (safe::html(&e.html)) }
                            } @else {
                                p { (event_text(visitor, e)) }
                            }
                        }
                    }
                }
            }
        }
        p.print-foot.muted {
            (msg("ticket-printed-on").arg("date", format_datetime(lang, clock::now())).render(lang))
        }
    };
    Ok(layout::print_page(visitor, &title, content).into_response())
}
