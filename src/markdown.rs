//! Markdown (descriptions and replies) to HTML, through a sanitizer: no script, no event handler,
//! no `javascript:` or `data:` link survives, whatever is typed. Also the same sanitizer for
//! HTML typed by administrators (mail texts), and HTML to plain text for mails' text part.

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

/// `source` as HTML, cleaned by the same sanitizer as Markdown's output.
pub fn clean_html(source: &str) -> String {
    cleaner().clean(source).to_string()
}

/// The text of an HTML fragment: tags dropped (block ends become line breaks), entities decoded.
pub fn plain_text(html: &str) -> String {
    let mut spaced = String::with_capacity(html.len() + 16);
    let lower = html.to_ascii_lowercase();
    let mut last = 0;
    for (i, _) in lower.match_indices('<') {
        let rest = &lower[i..];
        let breaks = ["<br", "</p", "</div", "</li", "</h", "</tr", "</blockquote"]
            .iter()
            .any(|t| rest.starts_with(t));
        spaced.push_str(&html[last..i]);
        if breaks {
            spaced.push('\n');
        }
        last = i;
    }
    spaced.push_str(&html[last..]);
    let stripped = ammonia::Builder::empty().clean(&spaced).to_string();
    let text = stripped
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::{clean_html, plain_text, render};
    use proptest::prelude::Strategy;

    #[test]
    fn html_becomes_text_with_line_breaks() {
        assert_eq!(
            plain_text("<p>Hello <b>Ana</b> &amp; co</p><p>2 &lt; 3<br>next</p>"),
            "Hello Ana & co\n2 < 3\nnext"
        );
        assert_eq!(plain_text("plain"), "plain");
    }

    #[test]
    fn typed_html_is_sanitized() {
        let out = clean_html("<b>Hi</b><script>alert(1)</script><a href=\"javascript:x\">l</a>");
        assert!(out.contains("<b>Hi</b>"), "{out}");
        assert!(
            !out.contains("script") && !out.contains("javascript"),
            "{out}"
        );
    }

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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1500))]

        /// Whatever is typed, mixing Markdown and HTML, nothing that runs comes out.
        #[test]
        fn nothing_typed_comes_out_live(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "\\PC{0,12}".prop_map(|s| s),
                    proptest::sample::select(vec![
                        "<script>", "</script>", "<img src=x ", "onerror=", "onload=", "javascript:",
                        "<a href=\"", "\">", "[x](", ")", "<svg ", "<iframe ", "data:text/html,",
                        "<style>", "`", "**", "\n\n", "<", ">", "\"", "'", "&#", "jav&#x09;ascript:",
                    ]).prop_map(str::to_owned),
                ],
                0..20,
            )
        ) {
            let typed = parts.concat();
            let out = render(&typed).into_string().to_lowercase();
            proptest::prop_assert!(!out.contains("<script"), "{typed:?} -> {out}");
            proptest::prop_assert!(!out.contains("<iframe") && !out.contains("<svg") && !out.contains("<style"), "{typed:?} -> {out}");
            for (at, _) in out.match_indices('<') {
                let tag = &out[at..out[at..].find('>').map_or(out.len(), |e| at + e)];
                // Attribute values are quoted text: only what is outside quotes can be a handler.
                let outside: String = tag.split('"').step_by(2).collect();
                proptest::prop_assert!(!outside.contains(" on"), "{typed:?} -> {tag}");
                for attr in ["href=\"", "src=\""] {
                    if let Some(v) = tag.split(attr).nth(1) {
                        let v = v.trim_start();
                        proptest::prop_assert!(
                            !v.starts_with("javascript:") && !v.starts_with("data:"),
                            "{typed:?} -> {tag}"
                        );
                    }
                }
            }
        }
    }
}
