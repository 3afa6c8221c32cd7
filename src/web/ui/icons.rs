//! Line icons in a 24×24 box, drawn with the text colour (no icon font to load).
//!
//! Each icon is a `<symbol>` of one sprite, served as a static file under a content-hashed URL
//! and cached by the browser; a page refers to it with `<use>`, a few dozen bytes per icon
//! instead of its whole path (a list page shows about thirty).

use std::sync::OnceLock;

use maud::{Markup, html};

/// One icon: its name in the sprite and its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Icon {
    id: &'static str,
    path: &'static str,
}

/// Declares each icon as a constant, and [`ALL`] of them for the sprite, from one list.
macro_rules! icons {
    ($($name:ident = $id:literal, $path:literal;)*) => {
        $(pub const $name: Icon = Icon { id: $id, path: $path };)*
        /// Every icon, in the sprite.
        const ALL: &[Icon] = &[$($name),*];
    };
}

icons! {
    USER = "user",
        "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6";
    GROUP = "group",
        "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2 20c0-3.5 3-5.5 7-5.5s7 2 7 5.5M16 4.5a3.2 3.2 0 0 1 0 6.3M18 14.8c2.3.6 4 2.3 4 5.2";
    LIST = "list",
        "M8 6h13M8 12h13M8 18h13M3.5 6h.01M3.5 12h.01M3.5 18h.01";
    KEY = "key",
        "M15 7a4 4 0 1 1-3.9 4.9L3 20v-3l1.5-1.5V14H6l1.6-1.6A4 4 0 0 1 15 7zM16 10h.01";
    SETTINGS = "settings",
        "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z";
    INFO = "info",
        "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 16v-4M12 8h.01";
    FILE = "file",
        "M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5M9 13h6M9 17h6";
    IMAGE = "image",
        "M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM8.5 10a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM21 15l-5-5L5 21";
    LINK = "link",
        "M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7";
    BELL = "bell",
        "M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0";
    EYE = "eye",
        "M1 12s4-8 11-8 11 8 11 8-4 8-11 8-11-8-11-8zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z";
    PLUS = "plus",
        "M12 5v14M5 12h14";
    MENU = "menu",
        "M3 6h18M3 12h18M3 18h18";
    CALENDAR = "calendar",
        "M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM16 2v4M8 2v4M3 10h18";
    CLOCK = "clock",
        "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 6v6l4 2";
    WARNING = "warning",
        "M10.3 3.9L1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0zM12 9v4M12 17h.01";
    PAPERCLIP = "paperclip",
        "M21.4 11.1l-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5";
    BOOK = "book",
        "M4 19.5A2.5 2.5 0 0 1 6.5 17H20V3H6.5A2.5 2.5 0 0 0 4 5.5v14zM4 19.5A2.5 2.5 0 0 0 6.5 22H20v-5";
    SEARCH = "search",
        "M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.3-4.3";
    ACTIVITY = "activity",
        "M22 12h-4l-3 9L9 3l-3 9H2";
    ARCHIVE = "archive",
        "M3 4h18v4H3zM5 8v12h14V8M10 12h4";
    DOWNLOAD = "download",
        "M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M7 10l5 5 5-5M12 15V3";
    MONITOR = "monitor",
        "M4 4h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zM8 21h8M12 16v5";
    INBOX = "inbox",
        "M22 12h-6l-2 3h-4l-2-3H2M5.5 5h13l3.5 7v6a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2v-6z";
    SMILE = "smile",
        "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM8 14s1.5 2 4 2 4-2 4-2M9 9h.01M15 9h.01";
    BAR_CHART = "bar-chart",
        "M12 20V10M18 20V4M6 20v-4";
}

/// Where the sprite is served among the static files.
pub const SPRITE: &str = "icons/line.svg";

/// The sprite: one `<symbol>` per icon, stroked with the colour of the text around it.
pub fn sprite() -> &'static str {
    static SPRITE_TEXT: OnceLock<String> = OnceLock::new();
    SPRITE_TEXT.get_or_init(|| {
        let mut svg = String::from(r#"<svg xmlns="http://www.w3.org/2000/svg">"#);
        for icon in ALL {
            svg.push_str(&format!(
                r#"<symbol id="{}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="{}"/></symbol>"#,
                icon.id, icon.path
            ));
        }
        svg.push_str("</svg>");
        svg
    })
}

/// The icon, decorative (hidden from screen readers).
pub fn icon(icon: Icon) -> Markup {
    static HREF: OnceLock<String> = OnceLock::new();
    let href = HREF.get_or_init(|| crate::web::static_files::url(SPRITE));
    html! {
        svg.icon aria-hidden="true" focusable="false" {
            use href={ (href) "#" (icon.id) } {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_is_in_the_sprite_once_under_its_own_name() {
        let sprite = sprite();
        for icon in ALL {
            let symbol = format!(r#"<symbol id="{}" "#, icon.id);
            assert_eq!(sprite.matches(&symbol).count(), 1, "{}", icon.id);
            assert!(sprite.contains(&format!(r#"d="{}""#, icon.path)));
            // Paths are letters, digits, spaces, dots and signs: nothing to escape in XML.
            assert!(
                icon.path
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || " .-,".contains(c))
            );
        }
        let mut ids: Vec<_> = ALL.iter().map(|i| i.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
    }

    #[test]
    fn an_icon_refers_to_its_symbol_in_the_hashed_sprite() {
        let html = icon(CLOCK).into_string();
        assert!(
            html.starts_with(
                r#"<svg class="icon" aria-hidden="true" focusable="false"><use href="/static/"#
            ),
            "{html}"
        );
        assert!(
            html.ends_with(r##"/icons/line.svg#clock"></use></svg>"##),
            "{html}"
        );
    }
}
