//! The page that says why the server did not start, for the desktop window (nothing serves the
//! style sheet or the logo then, so both are inlined). It is the card layout of the login and
//! error pages, written with maud like every other page: every text is escaped.

use maud::{DOCTYPE, PreEscaped, html};

use crate::i18n::Lang;

use super::static_files;

/// The page: `title`, `text`, and an optional link (`href`, its words).
pub fn failure_page(lang: Lang, title: &str, text: &str, action: Option<(&str, &str)>) -> String {
    let css = static_files::text("app.css").unwrap_or_default();
    // Gestdesk's own logo, a file of this program (never anyone's input).
    let logo = static_files::text("icons/gestdesk.svg").unwrap_or_default();
    html! {
        (DOCTYPE)
        html lang=(lang.code()) data-theme="blue" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Gestdesk" }
                style { (PreEscaped(css)) }
            }
            body.card-body {
                main.card #main {
                    div.card-brand {
                        span.startup-logo aria-hidden="true" { (PreEscaped(logo)) }
                        p.card-company { "Gestdesk" }
                    }
                    h1 { (title) }
                    p.error-text #failure { (text) }
                    @if let Some((href, words)) = action {
                        p { a.button href=(href) { (words) } }
                    }
                }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_escaped_and_the_style_is_inlined() {
        let page = failure_page(
            Lang::En,
            "Could <not> start",
            "folder \"C:\\<x>\"",
            Some(("http://127.0.0.1:8080/", "Open it")),
        );
        assert!(page.contains("Could &lt;not&gt; start"), "{page}");
        assert!(page.contains("folder &quot;C:\\&lt;x&gt;&quot;"), "{page}");
        assert!(
            page.contains("<style>") && page.contains(".card"),
            "the style sheet"
        );
        assert!(page.contains("id=\"failure\""));
    }
}
