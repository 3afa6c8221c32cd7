//! Markdown (descriptions and replies) to HTML, through a sanitizer: no script, no event handler,
//! no `javascript:` or `data:` link survives, whatever is typed.

use std::sync::OnceLock;

use maud::{Markup, PreEscaped};
use pulldown_cmark::{Options, Parser, html};

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
            .link_rel(Some("noopener noreferrer nofollow"))
            .url_relative(ammonia::UrlRelative::PassThrough);
        b
    })
}

/// The sanitized HTML of `source`. The HTML goes into the page as is: it comes out of the
/// sanitizer, never straight from the user.
pub fn render(source: &str) -> Markup {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_TASKLISTS);
    let parser = Parser::new_ext(source, options);
    let mut raw = String::with_capacity(source.len() * 2);
    html::push_html(&mut raw, parser);
    PreEscaped(cleaner().clean(&raw).to_string())
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn formatting_survives_and_scripts_do_not() {
        let out = render("**bold** and *it*\n\n- a\n- b").into_string();
        assert!(
            out.contains("<strong>bold</strong>") && out.contains("<li>a</li>"),
            "{out}"
        );
        for attack in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.test\"></iframe>",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "<div onclick=\"alert(1)\">x</div>",
        ] {
            let out = render(attack).into_string().to_lowercase();
            assert!(!out.contains("<script"), "{attack} -> {out}");
            assert!(
                !out.contains("onerror") && !out.contains("onclick"),
                "{attack} -> {out}"
            );
            assert!(
                !out.contains("javascript:") && !out.contains("data:text"),
                "{attack} -> {out}"
            );
            assert!(!out.contains("<iframe"), "{attack} -> {out}");
        }
    }

    #[test]
    fn links_get_a_safe_rel() {
        let out = render("<https://example.test/a>").into_string();
        assert!(
            out.contains("rel=\"noopener noreferrer nofollow\""),
            "{out}"
        );
    }
}
