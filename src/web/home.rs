//! The home page: the welcome page of a logged-in user; before set-up, directions to the
//! set-up link; otherwise the way to the login page.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use crate::domain::DomainError;
use crate::domain::lists;
use crate::domain::tickets::repo;
use crate::domain::tickets::visibility::Viewer;
use crate::i18n::format_datetime;

use super::error::WebError;
use super::extract::Page;
use super::paths;
use super::state::AppState;
use super::ui::layout;

/// The handler.
pub async fn page(
    State(state): State<AppState>,
    Page(visitor): Page,
) -> Result<Response, WebError> {
    let lang = visitor.lang;
    let Some(user) = visitor.user() else {
        let Some(path) = state.app().setup_path() else {
            return Ok(Redirect::to(paths::LOGIN).into_response());
        };
        // On this machine (the admin console, the desktop window) the set-up form opens
        // directly; a LAN visitor is only told where to find the link, so that nobody else on
        // the network can claim the instance.
        if visitor.from_loopback {
            return Ok(Redirect::to(&path).into_response());
        }
        let content = html! {
            p.lead { (lang.t("setup-needed-intro")) }
            p { (lang.t("setup-needed-remote")) }
        };
        return Ok(
            layout::card_page(&visitor, &lang.t("setup-needed-title"), content).into_response(),
        );
    };

    let name = user.display_name();
    let (me, rights, settings) = (
        user.id.0,
        visitor
            .session
            .as_ref()
            .map(|s| s.rights.clone())
            .unwrap_or_default(),
        (*visitor.settings).clone(),
    );
    let (recent, states) = state
        .db()
        .read(move |c| {
            let viewer = Viewer::load(c, me, &rights, &settings)?;
            let states = lists::find("states")
                .map(|d| lists::repo::names(c, d, lang))
                .transpose()?
                .unwrap_or_default();
            Ok::<_, DomainError>((repo::recent(c, &viewer, 10)?, states))
        })
        .await?;
    let title = lang.t_args("home-welcome", &[("name", &name)]);
    let lan = crate::net::lan_urls(state.local_addr());
    let content = html! {
        section.panel {
            p {
                (lang.t_args("home-signed-in-as", &[("profile", &user.profile.name().render(lang))]))
            }
            @if let Some(at) = user.last_login_at {
                p.muted { (lang.t_args("home-last-login", &[("when", &format_datetime(lang, at))])) }
            }
        }
        section.panel {
            h2 { (lang.t("home-recent-tickets")) }
            @if recent.is_empty() {
                p.muted { (lang.t("home-no-tickets")) }
            } @else {
                ul.item-list {
                    @for t in &recent {
                        li {
                            a href=(paths::fill(paths::TICKET, &[&t.id])) { "#" (t.id) " " (t.title) }
                            span.badge { (states.get(&t.state_id).cloned().unwrap_or_default()) }
                            span.muted { (format_datetime(lang, t.modified_at)) }
                        }
                    }
                }
            }
            @if visitor.has_right("side_open_ticket") {
                p { a.button.button-primary href=(paths::TICKET_NEW) { (lang.t("menu-new-ticket")) } }
            }
        }
        section.panel {
            h2 { (lang.t("home-addresses-title")) }
            @if lan.is_empty() {
                p { (lang.t("home-addresses-none")) }
            } @else {
                p { (lang.t("home-addresses-intro")) }
                ul.address-list {
                    @for url in &lan {
                        li { a href=(url) { code { (url) } } }
                    }
                }
            }
        }
    };
    Ok(layout::page(&visitor, &title, content).into_response())
}
