//! The page frame: top bar (company, the user's menu), left menu, action messages, content.
//! Visitors who are not logged in get a centred card instead.

use maud::{DOCTYPE, Markup, html};

use crate::domain::settings;
use crate::i18n::Msg;
use crate::web::paths;
use crate::web::static_files;
use crate::web::visitor::Visitor;

use super::form::csrf_field;
use super::{icons, menu, userbar};

fn head(visitor: &Visitor, title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="color-scheme" content="light";
            title { (title) " · " (visitor.company_name()) }
            link rel="icon" type="image/svg+xml" href=(static_files::url("icons/gestdesk.svg"));
            link rel="stylesheet" href=(static_files::url("app.css"));
            script src=(static_files::url("app.js")) defer {}
        }
    }
}

fn flash(visitor: &Visitor) -> Markup {
    let lang = visitor.lang;
    html! {
        @if let Some(f) = visitor.flash {
            div.alert.flash.alert-warning[f.is_warning()].alert-success[!f.is_warning()]
                role="status" data-flash {
                (f.message().render(lang))
            }
        }
    }
}

/// A page for a logged-in user, inside the full frame.
pub fn page(visitor: &Visitor, title: &str, content: Markup) -> Markup {
    let lang = visitor.lang;
    let sections = menu::for_visitor(visitor);
    html! {
        (DOCTYPE)
        html lang=(lang.code()) data-theme=(visitor.theme()) {
            (head(visitor, title))
            body data-generation=[visitor.generation()] data-technician=[visitor.reader.as_ref().map(|r| r.technician)]
                data-live=(visitor.settings.raw(settings::LIVE_UPDATES))
                data-sound=(if visitor.reader.as_ref().is_some_and(|r| r.technician) && visitor.settings.flag(settings::NOTIFY) { "1" } else { "0" })
                data-flash-ms=(visitor.settings.raw(settings::FLASH_MS)) {
                a.skip-link href="#main" { (lang.t("layout-skip-to-content")) }
                header.topbar {
                    @if !sections.is_empty() {
                        button.menu-toggle type="button" aria-controls="sidebar"
                            aria-expanded="false" data-menu-toggle {
                            (icons::icon(icons::MENU))
                            span.visually-hidden { (lang.t("layout-menu")) }
                        }
                    }
                    a.brand href=(paths::HOME) {
                        img src=(brand_image(visitor)) alt="" height="28";
                        span { (visitor.company_name()) }
                    }
                    (userbar::render(visitor))
                    div #reminder-bell data-live-region {
                        // What the page script needs, swapped with the rest when it refreshes.
                        span.reminder-state hidden data-due=(visitor.due_reminders)
                            data-next-in=[visitor.next_reminder]
                            data-notice=(lang.t("reminders-due-notice")) {}
                        @if visitor.due_reminders > 0 {
                            a.bell href=(paths::REMINDERS) title=(lang.t("reminders-due-title")) {
                                (icons::icon(icons::CLOCK))
                                span.bar-label { (lang.t("reminders-bell-label")) }
                                span.bell-count { (visitor.due_reminders) }
                                span.visually-hidden { (lang.t_args("reminders-due", &[("count", &visitor.due_reminders.to_string())])) }
                            }
                        }
                    }
                    @if let Some(user) = visitor.user() {
                        details.user-menu {
                            summary {
                                span.avatar aria-hidden="true" { (initials(&user.display_name())) }
                                span.user-name { (user.display_name()) }
                            }
                            ul role="list" {
                                li { a href=(paths::PROFILE) { (lang.t("layout-profile")) } }
                                li {
                                    form method="post" action=(paths::LOGOUT) {
                                        (csrf_field(visitor))
                                        button.link-button type="submit" { (lang.t("layout-logout")) }
                                    }
                                }
                            }
                        }
                    }
                }
                div.frame {
                    @if !sections.is_empty() {
                        nav.sidebar #sidebar aria-label=(lang.t("layout-menu")) {
                            @for section in &sections {
                                @if let Some(t) = &section.title {
                                    h2.sidebar-title { (t) }
                                }
                                ul role="list" {
                                    @for e in &section.entries {
                                        li {
                                            a href=(e.href) aria-current=[e.current.then_some("page")]
                                                target=[e.new_tab.then_some("_blank")] {
                                                (icons::icon(e.icon))
                                                span.menu-label { (e.label) }
                                                @if let Some(n) = &e.note {
                                                    span.menu-note { (n) }
                                                }
                                                @if let Some(c) = e.count {
                                                    span.menu-count { (c) }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    main #main tabindex="-1" {
                        (flash(visitor))
                        h1 { (title) }
                        // The company's message, loaded only where users start (see
                        // `visitor::shows_company_message`).
                        @if let Some(m) = visitor.company_message.as_deref() {
                            div.alert.alert-info.company-message role="note" aria-label=(lang.t("company-message-title")) { (m) }
                        }
                        (content)
                    }
                }
            }
        }
    }
}

/// A page for a wall display (the supervision screen): no menu, large type, live.
pub fn wall_page(visitor: &Visitor, title: &str, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(visitor.lang.code()) data-theme=(visitor.theme()) {
            (head(visitor, title))
            body.wall-body data-generation=[visitor.generation()] data-wall="1" {
                main.wall #main {
                    header.wall-head {
                        h1 { (title) }
                        span.wall-company { (visitor.company_name()) }
                    }
                    (content)
                }
            }
        }
    }
}

/// A page meant to be shown inside another site's page (the intranet form): no menu nor bar,
/// the company's name above the title, sized by its content.
pub fn embed_page(visitor: &Visitor, title: &str, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(visitor.lang.code()) data-theme=(visitor.theme()) {
            (head(visitor, title))
            body.embed-body {
                main.embed #main {
                    p.embed-company { (visitor.company_name()) }
                    h1 { (title) }
                    (content)
                }
            }
        }
    }
}

/// A page meant for paper (a ticket's print view): no menu nor bar, the company's name above
/// the content, and a button that opens the browser's print dialog (hidden on paper).
pub fn print_page(visitor: &Visitor, title: &str, content: Markup) -> Markup {
    let lang = visitor.lang;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) data-theme="blue" {
            (head(visitor, title))
            body.print-body {
                main.print-sheet #main {
                    header.print-head {
                        span.print-company { (visitor.company_name()) }
                        button.button.button-small.no-print type="button" data-print { (lang.t("ticket-print")) }
                    }
                    h1 { (title) }
                    (content)
                }
            }
        }
    }
}

/// A page for a visitor who is not logged in (login, set-up, errors): a centred card.
pub fn card_page(visitor: &Visitor, title: &str, content: Markup) -> Markup {
    let lang = visitor.lang;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) data-theme=(visitor.theme()) {
            (head(visitor, title))
            body.card-body {
                main.card #main {
                    div.card-brand {
                        img src=(brand_image(visitor)) alt="" height="48";
                        p.card-company { (visitor.company_name()) }
                    }
                    (flash(visitor))
                    h1 { (title) }
                    (content)
                }
            }
        }
    }
}

/// An error page in the visitor's language, in the frame that suits them.
pub fn error_page(visitor: &Visitor, title: &Msg, message: &Msg, detail: Option<&str>) -> Markup {
    let lang = visitor.lang;
    let title = title.render(lang);
    let content = html! {
        p.error-text { (message.render(lang)) }
        @if let Some(d) = detail {
            details.debug-detail open {
                summary { (lang.t("error-debug-detail")) }
                pre { (d) }
            }
        }
        p { a.button href=(paths::HOME) { (lang.t("error-back-home")) } }
    };
    if visitor.session.is_some() {
        page(visitor, &title, content)
    } else {
        card_page(visitor, &title, content)
    }
}

/// The address of the company's logo, if there is one (its version keeps browsers' copies
/// fresh).
pub fn logo_url(visitor: &Visitor) -> Option<String> {
    visitor.logo.map(|v| format!("{}?v={v}", paths::LOGO))
}

/// The company logo, or Gestdesk's own.
fn brand_image(visitor: &Visitor) -> String {
    logo_url(visitor).unwrap_or_else(|| static_files::url("icons/gestdesk.svg"))
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_two_words() {
        assert_eq!(initials("ada lovelace byron"), "AL");
        assert_eq!(initials("admin"), "A");
        assert_eq!(initials(""), "");
    }
}
