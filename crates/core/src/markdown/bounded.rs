//! Bounding how deep rendered HTML nests, whatever is typed.
//!
//! The sanitizer's HTML parser spends time in proportion to how deep the element it is in sits
//! for every tag it reads, so 40 KB of nested list or quote markers (or raw `<ul>` tags) cost
//! seconds. Two filters keep the tree shallow before anything reaches the parser:
//! - [`Depth`] drops the boxes of Markdown containers nested deeper than the limit (their text
//!   stays, inside the last box allowed);
//! - [`RawHtml`] follows the HTML typed among the Markdown with the HTML tokenizer's own rules
//!   for tags, attributes and comments, and turns a start tag that would open an element beyond
//!   the limit into text (`<` becomes `&lt;`). It errs on the side of counting too deep (a
//!   misnested end tag is not trusted to close anything), never too shallow.

use pulldown_cmark::Event;

/// The deepest nesting of elements a rendered text may have, Markdown and typed HTML together.
/// Quotes of quoted mails and lists of lists stay well inside it.
pub const MAX_DEPTH: usize = 32;

/// Markdown events with containers beyond [`MAX_DEPTH`] dropped.
pub struct Depth<'a, I> {
    events: I,
    /// For each open container, whether its start was kept.
    open: Vec<bool>,
    /// How many kept containers are open.
    kept: usize,
    raw: RawHtml,
    _text: std::marker::PhantomData<&'a str>,
}

impl<'a, I: Iterator<Item = Event<'a>>> Depth<'a, I> {
    /// Wraps a Markdown parser's events.
    pub fn new(events: I) -> Self {
        Self {
            events,
            open: Vec::new(),
            kept: 0,
            raw: RawHtml::default(),
            _text: std::marker::PhantomData,
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Depth<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let event = self.events.next()?;
            match event {
                Event::Start(tag) => {
                    let keep = self.kept + self.raw.depth() < MAX_DEPTH;
                    self.open.push(keep);
                    if keep {
                        self.kept += 1;
                        return Some(Event::Start(tag));
                    }
                }
                Event::End(tag) => {
                    // Start and end events come balanced from the parser.
                    if self.open.pop().unwrap_or(false) {
                        self.kept -= 1;
                        return Some(Event::End(tag));
                    }
                }
                Event::Html(html) => {
                    return Some(Event::Html(self.raw.bound(&html, self.kept).into()));
                }
                Event::InlineHtml(html) => {
                    return Some(Event::InlineHtml(self.raw.bound(&html, self.kept).into()));
                }
                other => return Some(other),
            }
        }
    }
}

/// Elements that never have content (no end tag, never on the stack).
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Inline elements that an end tag of another name may close when they are in the way. Any
/// other element in the way makes the parser ignore that end tag, and so does this count.
const PHRASING: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u", "var",
];

/// Elements an end tag of a block element closes on its way (their own end tag may be left out).
const CLOSED_ON_THE_WAY: &[&str] = &[
    "caption", "colgroup", "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc",
    "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Start tags that close an open paragraph.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dd",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
];

/// Elements whose start tag closes an open one of the same group at the top (`<li>` after
/// `<li>`, `<td>` after `<th>`, ...).
fn siblings(name: &str) -> &'static [&'static str] {
    match name {
        "li" => &["li"],
        "dd" | "dt" => &["dd", "dt"],
        "td" | "th" => &["td", "th"],
        "tr" => &["tr"],
        "option" => &["option"],
        "p" => &["p"],
        _ => &[],
    }
}

/// The elements opened by typed HTML, as far as the tokenizer's rules tell.
#[derive(Debug, Default)]
pub struct RawHtml {
    open: Vec<String>,
}

/// What the scanner found at a `<`.
enum Markup {
    /// Not markup: the `<` is text.
    Text,
    /// A comment, doctype or other declaration, up to this byte.
    Skip(usize),
    /// A start tag with its lower-case name, up to this byte.
    Start(String, usize),
    /// An end tag with its lower-case name, up to this byte.
    End(String, usize),
}

impl RawHtml {
    /// How many typed elements are open.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// `html` with each start tag that would go beyond [`MAX_DEPTH`] (counting `outer` open
    /// Markdown containers) made text.
    pub fn bound(&mut self, html: &str, outer: usize) -> String {
        let bytes = html.as_bytes();
        let mut out = String::with_capacity(html.len());
        let mut copied = 0;
        let mut at = 0;
        while let Some(found) = memchr_lt(bytes, at) {
            match scan(bytes, found) {
                Markup::Text => at = found + 1,
                Markup::Skip(end) => at = end,
                Markup::End(name, end) => {
                    self.close(&name);
                    at = end;
                }
                Markup::Start(name, end) => {
                    at = end;
                    if VOID.contains(&name.as_str()) {
                        continue;
                    }
                    self.implied_closes(&name);
                    if outer + self.open.len() >= MAX_DEPTH {
                        out.push_str(&html[copied..found]);
                        out.push_str("&lt;");
                        copied = found + 1;
                    } else {
                        self.open.push(name);
                    }
                }
            }
        }
        out.push_str(&html[copied..]);
        out
    }

    /// Closes what the parser closes before opening `name`.
    fn implied_closes(&mut self, name: &str) {
        if CLOSES_P.contains(&name) && self.open.last().is_some_and(|t| t == "p") {
            self.open.pop();
        }
        if name == "tr" && self.open.last().is_some_and(|t| t == "td" || t == "th") {
            self.open.pop();
        }
        let group = siblings(name);
        if self
            .open
            .last()
            .is_some_and(|t| group.contains(&t.as_str()))
        {
            self.open.pop();
        }
    }

    /// An end tag closes the nearest open element of its name when only inline elements (and,
    /// for a block's end tag, elements whose end tag may be left out) are in the way; otherwise
    /// it is ignored, as the parser ignores most misnested end tags.
    fn close(&mut self, name: &str) {
        let block = !PHRASING.contains(&name);
        for i in (0..self.open.len()).rev() {
            let open = self.open[i].as_str();
            if open == name {
                self.open.truncate(i);
                return;
            }
            let passable = PHRASING.contains(&open) || (block && CLOSED_ON_THE_WAY.contains(&open));
            if !passable {
                return;
            }
        }
    }
}

fn memchr_lt(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'<')
        .map(|p| from + p)
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b' ' | b'\r')
}

/// The byte after the first `>` at or after `from` (or the end).
fn after_gt(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'>'))
        .map_or(bytes.len(), |p| from + p + 1)
}

/// Reads the markup starting at the `<` at `lt`, with the HTML tokenizer's rules.
fn scan(bytes: &[u8], lt: usize) -> Markup {
    let next = bytes.get(lt + 1).copied();
    match next {
        Some(b'!') => {
            if bytes[lt..].starts_with(b"<!--") {
                Markup::Skip(comment_end(bytes, lt + 4))
            } else {
                Markup::Skip(after_gt(bytes, lt + 2))
            }
        }
        Some(b'?') => Markup::Skip(after_gt(bytes, lt + 2)),
        Some(b'/') => match bytes.get(lt + 2) {
            Some(b) if b.is_ascii_alphabetic() => {
                let (name, end) = tag(bytes, lt + 2);
                Markup::End(name, end)
            }
            Some(b'>') => Markup::Skip(lt + 3),
            Some(_) => Markup::Skip(after_gt(bytes, lt + 2)),
            None => Markup::Text,
        },
        Some(b) if b.is_ascii_alphabetic() => {
            let (name, end) = tag(bytes, lt + 1);
            Markup::Start(name, end)
        }
        _ => Markup::Text,
    }
}

/// The end of a comment whose text starts at `from`: `<!-->` and `<!--->` end at once, others
/// at the first `-->` or `--!>`.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = &bytes[from.min(bytes.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut i = 0;
    while i < rest.len() {
        if rest[i..].starts_with(b"-->") {
            return from + i + 3;
        }
        if rest[i..].starts_with(b"--!>") {
            return from + i + 4;
        }
        i += 1;
    }
    bytes.len()
}

/// A tag's lower-case name (starting at `from`) and the byte after its `>`, skipping its
/// attributes as the tokenizer does: quotes only matter right after `=`.
fn tag(bytes: &[u8], from: usize) -> (String, usize) {
    let mut i = from;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = String::from_utf8_lossy(&bytes[from..i]).to_ascii_lowercase();
    #[derive(Clone, Copy)]
    enum S {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Quoted(u8),
        Unquoted,
        AfterQuoted,
    }
    let mut s = S::BeforeName;
    while i < bytes.len() {
        let b = bytes[i];
        s = match s {
            S::BeforeName | S::AfterQuoted if b == b'>' => return (name, i + 1),
            S::BeforeName | S::AfterQuoted if is_space(b) || b == b'/' => S::BeforeName,
            S::BeforeName | S::AfterQuoted => S::Name,
            S::Name if b == b'>' => return (name, i + 1),
            S::Name if is_space(b) || b == b'/' => S::AfterName,
            S::Name if b == b'=' => S::BeforeValue,
            S::Name => S::Name,
            S::AfterName if b == b'>' => return (name, i + 1),
            S::AfterName if b == b'=' => S::BeforeValue,
            S::AfterName if is_space(b) || b == b'/' => S::AfterName,
            S::AfterName => S::Name,
            S::BeforeValue if is_space(b) => S::BeforeValue,
            S::BeforeValue if b == b'"' || b == b'\'' => S::Quoted(b),
            S::BeforeValue if b == b'>' => return (name, i + 1),
            S::BeforeValue => S::Unquoted,
            S::Quoted(q) if b == q => S::AfterQuoted,
            S::Quoted(q) => S::Quoted(q),
            S::Unquoted if b == b'>' => return (name, i + 1),
            S::Unquoted if is_space(b) => S::BeforeName,
            S::Unquoted => S::Unquoted,
        };
        i += 1;
    }
    (name, bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounded(html: &str) -> (String, usize) {
        let mut raw = RawHtml::default();
        let out = raw.bound(html, 0);
        (out, raw.depth())
    }

    #[test]
    fn ordinary_html_is_left_alone() {
        let html = "<div class=\"a>b\"><p>one<p>two<ul><li>x<li>y</ul><br><img src=x></div>";
        assert_eq!(bounded(html), (html.to_owned(), 0));
        let html = "<table><tr><td>a<td>b<tr><td>c</table><!-- <div> --><b>x</b>";
        assert_eq!(bounded(html), (html.to_owned(), 0));
    }

    #[test]
    fn tags_beyond_the_limit_become_text() {
        let (out, depth) = bounded(&"<div>".repeat(100));
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(out.matches("&lt;div>").count(), 100 - MAX_DEPTH);
    }

    #[test]
    fn quotes_count_only_after_an_equals_sign() {
        // The tokenizer reads `a"` as an attribute name: the divs after it are tags.
        let html = format!("<x a\">{}\"", "<div>".repeat(60));
        let (out, _) = bounded(&html);
        assert!(out.contains("&lt;div>"), "{out}");
        // After `=`, the quoted value hides what looks like tags.
        let html = format!("<x a=\"{}\">", "<div>".repeat(60));
        assert_eq!(bounded(&html).0, html);
    }

    #[test]
    fn an_end_tag_does_not_close_through_a_block() {
        // The parser ignores `</span>` with a div in the way: the divs pile up.
        let (out, _) = bounded(&"<span><div></span>".repeat(40));
        assert!(out.contains("&lt;"), "{out}");
        let (_, depth) = bounded(&"<b><i></i></b>".repeat(200));
        assert_eq!(depth, 0);
    }

    #[test]
    fn comments_end_where_the_tokenizer_ends_them() {
        assert_eq!(comment_end(b"<!-->", 4), 5);
        assert_eq!(comment_end(b"<!--->", 4), 6);
        assert_eq!(comment_end(b"<!-- a --!> b", 4), 11);
        let (_, depth) = bounded("<!--><div>");
        assert_eq!(depth, 1);
    }
}
