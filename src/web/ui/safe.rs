//! Sanitized HTML into pages: the one place where HTML that came out of the Markdown sanitizer
//! ([`SafeHtml`]) becomes page markup without being escaped again.

use maud::{Markup, PreEscaped};

use crate::markdown::{self, SafeHtml};

/// Kept, sanitized HTML as markup.
pub fn html(kept: &SafeHtml) -> PreEscaped<&str> {
    PreEscaped(kept.as_str())
}

/// Markdown `source` rendered through the sanitizer now, as markup.
pub fn markdown(source: &str) -> Markup {
    PreEscaped(markdown::render_html(source).into_string())
}
