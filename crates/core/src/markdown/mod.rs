//! Markdown (descriptions and replies) to HTML, through a sanitizer: no script, no event handler,
//! no `javascript:` or `data:` link survives, whatever is typed. Also the same sanitizer for
//! HTML typed by administrators (mail texts), and HTML to plain text for mails' text part.
//!
//! Rendering costs time in proportion to the text's length whatever it holds: nesting is bounded
//! before the sanitizer's parser sees it ([`bounded`]). Texts are rendered once, when they are
//! saved, and kept as [`SafeHtml`]; pages show the kept HTML.

mod bounded;
mod from_html;

pub use from_html::markdown_from_html;

use std::sync::OnceLock;

use pulldown_cmark::{Options, Parser, html};

pub use bounded::MAX_DEPTH;

/// Changes whenever rendering changes what it makes of a text: kept HTML of another version is
/// made again.
pub const RENDERER_VERSION: i64 = 3;

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

/// HTML that came out of the sanitizer (now, or when its text was saved): safe to put in a page
/// as is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// HTML read back from a column this module filled (see [`render_html`]). Only for values
    /// written by [`SafeHtml::into_string`] of a rendered text.
    pub fn from_kept(html: String) -> SafeHtml {
        SafeHtml(html)
    }

    /// The HTML.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HTML, to be kept.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// The sanitized HTML of Markdown `source`. Its cost grows with the length of `source` only:
/// call it off the async workers for long texts (when saving), and show the result.
pub fn render_html(source: &str) -> SafeHtml {
    plain_paragraph(source).unwrap_or_else(|| render_in_full(source))
}

/// [`render_html`] through the parser and the sanitizer.
fn render_in_full(source: &str) -> SafeHtml {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_TASKLISTS);
    let parser = bounded::Depth::new(Parser::new_ext(source, options));
    let mut raw = String::with_capacity(source.len() * 2);
    html::push_html(&mut raw, parser);
    // The events were bounded one by one; the document the sanitizer parses is bounded again
    // as a whole, since HTML typed across Markdown blocks (a quote opened in one, closed in
    // another) reads differently once the blocks are joined.
    let raw = bounded::RawHtml::default().bound(&raw, 0);
    SafeHtml(cleaner().clean(&raw).to_string())
}

/// The HTML of `source` without the parser and the sanitizer, when it is one line of words:
/// letters, digits, spaces and punctuation that means nothing to Markdown or HTML, starting
/// with a letter and ending with neither a space nor a mark of a hard break. Such a text is one
/// paragraph of itself, which both would leave as it is (checked against them in the tests);
/// most short descriptions are, and the sanitizer is most of a ticket's creation otherwise.
fn plain_paragraph(source: &str) -> Option<SafeHtml> {
    let first = source.chars().next()?;
    let plain = first.is_alphabetic()
        && !source.ends_with(' ')
        && source
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | ';' | '?' | '\''));
    plain.then(|| SafeHtml(format!("<p>{source}</p>\n")))
}

/// Texts up to this many bytes are rendered on the calling thread: a reply or a description
/// of a few lines takes tens of microseconds, less than handing it to another thread.
const INLINE_BYTES: usize = 4 * 1024;

/// Renders `source` on the blocking thread pool, off the async workers, unless it is short.
pub async fn render_html_async(source: String) -> SafeHtml {
    if source.len() <= INLINE_BYTES {
        return render_html(&source);
    }
    let kept = source.clone();
    match tokio::task::spawn_blocking(move || render_html(&source)).await {
        Ok(html) => html,
        // Rendering does not panic on any input (property-tested); if the task is lost all the
        // same, the text is shown escaped rather than not at all.
        Err(e) => {
            tracing::error!("rendering a text failed: {e}");
            escaped(&kept)
        }
    }
}

/// `text` shown as it is, escaped, in one paragraph.
pub fn escaped(text: &str) -> SafeHtml {
    SafeHtml(format!("<p>{}</p>", escape(text)))
}

/// `text` with the characters that mean something in HTML text or in a double-quoted attribute
/// value written as entities (the same four as maud's escaping).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// `source` as HTML, cleaned by the same sanitizer as Markdown's output (nesting bounded too).
pub fn clean_html(source: &str) -> String {
    let bounded = bounded::RawHtml::default().bound(source, 0);
    cleaner().clean(&bounded).to_string()
}

/// The value of attribute `name` in tag `tag` (as the sanitizer writes it: double quotes).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// The text of an HTML fragment: tags dropped (block ends become line breaks, list items start
/// with "- ", a link keeps its address after its text, a picture shows its name), entities
/// decoded.
pub fn plain_text(html: &str) -> String {
    let mut spaced = String::with_capacity(html.len() + 16);
    let lower = html.to_ascii_lowercase();
    let mut last = 0;
    let mut link: Option<String> = None;
    for (i, _) in lower.match_indices('<') {
        let rest = &lower[i..];
        let tag = &html[i..i + rest.find('>').unwrap_or(rest.len())];
        let breaks = [
            "<br",
            "</p",
            "</div",
            "</li",
            "</h",
            "</tr",
            "</blockquote",
            "<ul",
            "<ol",
        ]
        .iter()
        .any(|t| rest.starts_with(t));
        spaced.push_str(&html[last..i]);
        if breaks {
            spaced.push('\n');
        }
        if rest.starts_with("<li") {
            spaced.push_str("- ");
        } else if rest.starts_with("<a ") {
            link = attribute(tag, "href").map(str::to_owned);
        } else if rest.starts_with("</a") {
            if let Some(href) = link.take() {
                spaced.push_str(&format!(" &lt;{href}&gt;"));
            }
        } else if rest.starts_with("<img") {
            let alt = attribute(tag, "alt").unwrap_or_default();
            spaced.push_str(&format!("[{alt}]"));
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
    use super::{MAX_DEPTH, clean_html, plain_paragraph, plain_text, render_html, render_in_full};
    use proptest::prelude::Strategy;

    /// How deep the elements of sanitized HTML nest (it comes out well formed).
    fn depth_of(html: &str) -> usize {
        const VOID: &[&str] = &["br", "hr", "img", "input", "col", "wbr", "area"];
        let (mut depth, mut deepest) = (0usize, 0usize);
        for (at, _) in html.match_indices('<') {
            let rest = &html[at + 1..];
            let name: String = rest
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            if name.is_empty() || VOID.contains(&name.as_str()) {
                continue;
            }
            if rest.starts_with('/') {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        deepest
    }

    #[test]
    fn deeply_nested_texts_render_quickly_and_shallow() {
        let cases = [
            "> ".repeat(20_000),
            "> - ".repeat(10_000),
            "1. ".repeat(13_000),
            "- a\n".chars().cycle().take(40_000).collect::<String>(),
            (0..400)
                .map(|i| format!("{}- x\n", "  ".repeat(i)))
                .collect(),
            "<div>".repeat(8_000),
            "<ul><li>".repeat(5_000),
            "<blockquote>".repeat(3_000),
            "<span><div></span>".repeat(2_000),
            "<table><tr><td>".repeat(2_500),
            "<li><dd>".repeat(5_000),
            "> <div>\n".repeat(5_000),
        ];
        for typed in &cases {
            let started = std::time::Instant::now();
            let out = render_html(typed);
            let took = started.elapsed();
            let depth = depth_of(out.as_str());
            assert!(depth <= 2 * MAX_DEPTH, "{}: depth {depth}", &typed[..20]);
            // Unbounded, each of these took 1 to 20 s; bounded, a few milliseconds (debug build).
            assert!(
                took < std::time::Duration::from_secs(2),
                "{}: {took:?}",
                &typed[..20]
            );
        }
    }

    #[test]
    fn nesting_within_the_limit_is_kept() {
        let quotes = render_html(&format!("{}deep", "> ".repeat(10))).into_string();
        assert_eq!(quotes.matches("<blockquote>").count(), 10, "{quotes}");
        let html = render_html(&"<div>".repeat(10)).into_string();
        assert_eq!(html.matches("<div>").count(), 10, "{html}");
    }

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
        let out = render_html("**bold** and *it*\n\n- a\n- b").into_string();
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
            let out = render_html(attack).into_string().to_lowercase();
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
        let out = render_html("<https://example.test/a>").into_string();
        assert!(
            out.contains("rel=\"noopener noreferrer nofollow\""),
            "{out}"
        );
    }

    #[test]
    fn a_line_of_words_is_one_paragraph_as_typed() {
        for text in [
            "The screen stays black after the update.",
            "Écran noir depuis la mise à jour; l'imprimante 3 ne répond plus?",
            "Pantalla   negra, otra vez",
        ] {
            assert_eq!(render_html(text), render_in_full(text));
            assert!(plain_paragraph(text).is_some(), "{text}");
        }
        for text in [
            "1. first",
            "a  ",
            "Line\nbreak",
            "a & b",
            "Text_",
            " lead",
            "x<y",
        ] {
            assert!(plain_paragraph(text).is_none(), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1500))]

        /// A text the shortcut takes comes out exactly as the parser and the sanitizer make it.
        #[test]
        fn the_plain_shortcut_matches_the_full_rendering(
            text in "[A-Za-zéÀß0-9][A-Za-zéÀß0-9 .,;?']{0,60}"
        ) {
            if let Some(plain) = plain_paragraph(&text) {
                proptest::prop_assert_eq!(plain, render_in_full(&text));
            }
        }

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
            let out = render_html(&typed).into_string().to_lowercase();
            proptest::prop_assert!(depth_of(&out) <= 2 * MAX_DEPTH, "{typed:?} -> {out}");
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

        /// Whatever mix of containers, tags, quotes and comments is typed, the output stays
        /// shallow (so the sanitizer's parser stays quick).
        #[test]
        fn nothing_typed_nests_deeply(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "> ", "- ", "1. ", "  ", "\n", "\n\n", "x", "<div>", "</div>", "<ul>", "<li>", "</li>",
                    "<span>", "</span>", "<table>", "<tr>", "<td>", "</table>", "<b>", "</b>", "<i>", "<p>",
                    "<dd>", "<dt>", "<svg>", "<math>", "<!--", "-->", "<x a", "=\"", "\"", "'", ">", "</",
                    "<blockquote>", "<a href=x>", "</a>", "<select>", "<option>", "<font>", "<!x>", "<?",
                ]).prop_map(str::to_owned),
                0..600,
            ),
            times in 1usize..6,
        ) {
            let typed = parts.concat().repeat(times);
            let out = render_html(&typed).into_string();
            proptest::prop_assert!(depth_of(&out) <= 2 * MAX_DEPTH, "{typed:?} -> {out}");
        }
    }
}
