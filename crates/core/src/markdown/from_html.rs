//! HTML (a mail's HTML part) turned into Markdown that holds no live markup: the HTML is first
//! cleaned to a few harmless elements (scripts, styles, images, forms and every attribute but a
//! link's address dropped, nesting bounded), then walked: paragraphs, line breaks, links, lists,
//! emphasis, headings, quotes, code and table rows become their Markdown; every character of
//! the text that Markdown or HTML would read as markup is escaped.

use std::sync::OnceLock;

/// The cleaner: the elements the walk understands, links with web or mail addresses only.
fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.add_tags([
            "p",
            "br",
            "div",
            "a",
            "ul",
            "ol",
            "li",
            "strong",
            "b",
            "em",
            "i",
            "blockquote",
            "pre",
            "code",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "tr",
            "td",
            "th",
            "hr",
        ])
        .add_tag_attributes("a", ["href"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(None)
        .url_relative(ammonia::UrlRelative::Deny);
        b
    })
}

/// The characters escaped in text: what Markdown reads as markup, and `<`, `>`, `&`.
const ESCAPED: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '#', '|', '~', '!',
];

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// The Markdown form of `html`.
pub fn markdown_from_html(html: &str) -> String {
    let bounded = super::bounded::RawHtml::default().bound(html, 0);
    let clean = cleaner().clean(&bounded).to_string();
    let mut out = Walk::default();
    let mut rest = clean.as_str();
    while let Some(at) = rest.find('<') {
        out.text(&rest[..at]);
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        out.tag(&rest[at..end]);
        rest = &rest[end..];
    }
    out.text(rest);
    out.finish()
}

#[derive(Default)]
struct Walk {
    md: String,
    /// Each open list: ordered, and the next number.
    lists: Vec<(bool, u32)>,
    /// The address of the link being written.
    link: Option<String>,
    in_pre: bool,
    quote: usize,
}

impl Walk {
    fn block(&mut self) {
        let trimmed = self.md.trim_end_matches([' ', '\n']).len();
        self.md.truncate(trimmed);
        if !self.md.is_empty() {
            self.md.push_str("\n\n");
        }
        for _ in 0..self.quote {
            self.md.push_str("> ");
        }
    }

    fn line(&mut self) {
        let trimmed = self.md.trim_end_matches(' ').len();
        self.md.truncate(trimmed);
        self.md.push('\n');
        for _ in 0..self.quote {
            self.md.push_str("> ");
        }
    }

    fn text(&mut self, raw: &str) {
        let text = decode(raw);
        if self.in_pre {
            // A fenced block shows its text as it is; only a fence inside could end it.
            self.md.push_str(&text.replace("```", "` ` `"));
            return;
        }
        let mut last_space = self.md.ends_with([' ', '\n']) || self.md.is_empty();
        for c in text.chars() {
            if c.is_whitespace() {
                if !last_space {
                    self.md.push(' ');
                    last_space = true;
                }
                continue;
            }
            last_space = false;
            if ESCAPED.contains(&c) {
                self.md.push('\\');
            }
            self.md.push(c);
        }
    }

    fn tag(&mut self, tag: &str) {
        let closing = tag.starts_with("</");
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("p" | "div" | "table", _) => self.block(),
            ("br", _) => self.line(),
            ("hr", _) => {
                self.block();
                self.md.push_str("---");
                self.block();
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => {
                self.block();
                let level = name[1..].parse::<usize>().unwrap_or(1);
                self.md.push_str(&"#".repeat(level));
                self.md.push(' ');
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => self.block(),
            ("strong" | "b", _) => self.md.push_str("**"),
            ("em" | "i", _) => self.md.push('*'),
            ("code", _) if !self.in_pre => self.md.push('`'),
            ("pre", false) => {
                self.block();
                self.md.push_str("```\n");
                self.in_pre = true;
            }
            ("pre", true) => {
                self.in_pre = false;
                self.line();
                self.md.push_str("```");
                self.block();
            }
            ("blockquote", false) => {
                self.quote += 1;
                self.block();
            }
            ("blockquote", true) => {
                self.quote = self.quote.saturating_sub(1);
                self.block();
            }
            ("ul" | "ol", false) => {
                self.lists.push((name == "ol", 1));
                if self.lists.len() == 1 {
                    self.block();
                }
            }
            ("ul" | "ol", true) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    self.block();
                }
            }
            ("li", false) => {
                self.line();
                let depth = self.lists.len().saturating_sub(1);
                self.md.push_str(&"  ".repeat(depth));
                match self.lists.last_mut() {
                    Some((true, n)) => {
                        self.md.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => self.md.push_str("- "),
                }
            }
            ("tr", true) => self.line(),
            ("td" | "th", true) => self.md.push_str(" · "),
            ("a", false) => {
                let href = tag
                    .find(" href=\"")
                    .and_then(|s| {
                        let from = s + 7;
                        tag[from..].find('"').map(|e| &tag[from..from + e])
                    })
                    .map(decode)
                    .filter(|h| !h.is_empty());
                // A link without an address (its scheme refused) keeps its text only.
                if href.is_some() {
                    self.md.push('[');
                }
                self.link = href;
            }
            ("a", true) => {
                if let Some(href) = self.link.take() {
                    // The address in angle brackets, whose own brackets and spaces are encoded.
                    let safe = href
                        .replace('<', "%3C")
                        .replace('>', "%3E")
                        .replace(' ', "%20")
                        .replace('\\', "%5C");
                    self.md.push_str(&format!("](<{safe}>)"));
                }
            }
            _ => {}
        }
    }

    fn finish(self) -> String {
        let lines: Vec<&str> = self.md.lines().map(str::trim_end).collect();
        let mut text = lines.join("\n");
        while text.contains("\n\n\n") {
            text = text.replace("\n\n\n", "\n\n");
        }
        text.trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::markdown_from_html;
    use crate::markdown::render_html;
    use proptest::prelude::*;

    #[test]
    fn a_mail_keeps_its_paragraphs_links_and_lists_and_loses_its_scripts_and_trackers() {
        let html = r#"<html><head><style>p{color:red}</style><script>alert(1)</script></head>
            <body><p>Hello <b>team</b>,</p><p>The VPN fails since <i>Monday</i>.<br>See
            <a href="https://intranet.example/vpn?a=1&amp;b=2" onclick="x()">the page</a>.</p>
            <ul><li>Laptop</li><li>Phone</li></ul><ol><li>Start</li><li>Connect</li></ol>
            <img src="https://tracker.example/pixel.gif" width="1"><p>1 &lt; 2 &amp; *stars*</p>
            </body></html>"#;
        let md = markdown_from_html(html);
        assert_eq!(
            md,
            "Hello **team**,\n\nThe VPN fails since *Monday*.\nSee \
             [the page](<https://intranet.example/vpn?a=1&b=2>).\n\n- Laptop\n- Phone\n\n1. Start\n2. Connect\n\n\
             1 \\< 2 \\& \\*stars\\*"
        );
        let shown = render_html(&md);
        assert!(!shown.as_str().contains("alert"));
        assert!(!shown.as_str().contains("tracker"));
        assert!(
            shown.as_str().contains("1 &lt; 2 &amp; *stars*"),
            "{}",
            shown.as_str()
        );
    }

    #[test]
    fn a_link_to_script_loses_its_address() {
        let md = markdown_from_html(r#"<a href="javascript:alert(1)">click</a>"#);
        assert_eq!(md, "click");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever the mail's HTML, its Markdown rendered holds only harmless elements, and
        /// links only to web or mail addresses.
        #[test]
        fn no_html_gives_live_markup(html in "(<(script|img|a|p|b|style|iframe|svg|div)[ a-z=\"':/().]{0,20}>|</?[a-z]{1,6}>|[a-z <>&\"'=:/()*_\\[\\]`#!-]{0,12}|javascript:|onerror=){0,30}") {
            let md = markdown_from_html(&html);
            let shown = render_html(&md).into_string();
            const HARMLESS: &[&str] = &[
                "p", "br", "a", "ul", "ol", "li", "strong", "em", "blockquote", "pre", "code",
                "h1", "h2", "h3", "h4", "h5", "h6", "hr",
            ];
            for (at, _) in shown.match_indices('<') {
                let tag = &shown[at + 1..at + shown[at..].find('>').unwrap_or(shown.len() - at)];
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                prop_assert!(HARMLESS.contains(&name.as_str()), "<{tag}> in {shown} from {md:?}");
                for attribute in tag.split(' ').skip(1) {
                    let key = attribute.split('=').next().unwrap_or_default();
                    prop_assert!(key == "href" || key == "rel", "{attribute} in {shown}");
                    if key == "href" {
                        let value = attribute.trim_start_matches("href=\"");
                        prop_assert!(
                            ["http:", "https:", "mailto:"].iter().any(|s| value.starts_with(s)),
                            "{attribute} in {shown}"
                        );
                    }
                }
            }
        }
    }
}
