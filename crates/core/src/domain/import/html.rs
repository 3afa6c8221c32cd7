//! GestSup's texts (written with a rich-text editor, so HTML) turned into the Markdown Gestdesk
//! keeps: paragraphs, line breaks, bold, italics, headings, lists, links (web and mail only),
//! tables as lines of cells; scripts, styles and every other tag dropped, entities decoded, and
//! what Markdown would read as markup escaped. Pasted images (inline `data:` pictures) are not
//! kept in the text: they are counted, and a marker says where one was.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// A text converted, with how many pasted images it held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    pub markdown: String,
    pub images: usize,
}

#[derive(Default)]
struct State {
    out: String,
    /// Inside a script or style (their text is dropped).
    skipping: usize,
    /// Open lists: None for bullets, Some(n) for the next number.
    lists: Vec<Option<u32>>,
    /// Links being written: where the text started, and the address.
    links: Vec<(usize, Option<String>)>,
    images: usize,
    /// The last character written was a space (collapsing runs of white space).
    space: bool,
}

impl State {
    fn block(&mut self) {
        let trimmed = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push_str(if self.out.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            });
        }
        self.space = true;
    }

    fn line(&mut self) {
        let trimmed = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.space = true;
    }

    fn push_marker(&mut self, s: &str) {
        if !self.space && !self.out.is_empty() && !self.out.ends_with('\n') && s.starts_with("**") {
            // Bold or italics glued to a word stay glued.
        }
        self.out.push_str(s);
        self.space = false;
    }

    fn text(&mut self, t: &str) {
        if self.skipping > 0 {
            return;
        }
        for c in t.chars() {
            if c.is_whitespace() {
                if !self.space {
                    self.out.push(' ');
                    self.space = true;
                }
                continue;
            }
            let line_start = self.out.is_empty() || self.out.ends_with('\n');
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                    self.out.push('\\');
                    self.out.push(c);
                }
                '#' | '-' | '+' | '=' if line_start => {
                    self.out.push('\\');
                    self.out.push(c);
                }
                _ => self.out.push(c),
            }
            self.space = false;
        }
    }

    fn tag(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        if matches!(name, "script" | "style" | "head" | "title") {
            if start && !tag.self_closing {
                self.skipping += 1;
            } else if !start {
                self.skipping = self.skipping.saturating_sub(1);
            }
            return;
        }
        if self.skipping > 0 {
            return;
        }
        match name {
            "p" | "div" | "blockquote" | "pre" | "section" | "article" | "table" | "hr" => {
                self.block();
            }
            "br" => {
                let trimmed = self.out.trim_end_matches([' ', '\t']).len();
                self.out.truncate(trimmed);
                if !self.out.is_empty() {
                    self.out.push_str("\\\n");
                }
                self.space = true;
            }
            "tr" => self.line(),
            "td" | "th" if start && !self.out.is_empty() && !self.out.ends_with('\n') => {
                self.out.push_str(" \\| ");
                self.space = true;
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.block();
                if start {
                    let level = name[1..].parse::<usize>().unwrap_or(2).clamp(1, 6);
                    self.out.push_str(&"#".repeat(level));
                    self.out.push(' ');
                    self.space = true;
                }
            }
            "strong" | "b" => self.push_marker("**"),
            "em" | "i" => self.push_marker("*"),
            "ul" | "ol" => {
                if start {
                    self.lists.push((name == "ol").then_some(1));
                } else {
                    self.lists.pop();
                }
                self.block();
            }
            "li" if start => {
                self.line();
                let depth = self.lists.len().saturating_sub(1);
                self.out.push_str(&"   ".repeat(depth));
                match self.lists.last_mut() {
                    Some(Some(n)) => {
                        self.out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => self.out.push_str("- "),
                }
                self.space = true;
            }
            "a" => {
                if start {
                    let href = tag
                        .attrs
                        .iter()
                        .find(|a| &*a.name.local == "href")
                        .map(|a| a.value.trim().to_owned())
                        .filter(|h| {
                            let l = h.to_ascii_lowercase();
                            l.starts_with("http://")
                                || l.starts_with("https://")
                                || l.starts_with("mailto:")
                        });
                    if href.is_some() {
                        self.out.push('[');
                        self.space = false;
                    }
                    self.links.push((self.out.len(), href));
                } else if let Some((_, Some(href))) = self.links.pop() {
                    let href = href.replace(' ', "%20").replace(')', "%29");
                    self.out.push_str(&format!("]({href})"));
                    self.space = false;
                }
            }
            "img" if start => {
                let src = tag
                    .attrs
                    .iter()
                    .find(|a| &*a.name.local == "src")
                    .map(|a| a.value.trim().to_ascii_lowercase())
                    .unwrap_or_default();
                if src.starts_with("data:") {
                    self.images += 1;
                    self.out.push_str("(image)");
                    self.space = false;
                }
            }
            _ => {}
        }
    }
}

struct Sink(RefCell<State>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut s = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => s.tag(&tag),
            Token::CharacterTokens(t) => s.text(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// `html` as Markdown. Plain text (no tag at all) stays as written, with its line breaks.
pub fn to_markdown(html: &str) -> Converted {
    if !html.contains('<') && !html.contains('&') {
        let mut s = State::default();
        for (i, line) in html.lines().enumerate() {
            if i > 0 {
                s.out.push_str("\\\n");
                s.space = true;
            }
            s.text(line);
        }
        return finish(s);
    }
    let tokenizer = Tokenizer::new(
        Sink(RefCell::new(State::default())),
        TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let state = tokenizer.sink.0.into_inner();
    finish(state)
}

fn finish(s: State) -> Converted {
    let mut out = String::with_capacity(s.out.len());
    let mut blank = 0;
    for line in s.out.lines() {
        let line = line.trim_end();
        if line.is_empty() || line == "\\" {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    let out = out.trim_end_matches('\\').trim().to_owned();
    Converted {
        markdown: out,
        images: s.images,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(html: &str) -> String {
        to_markdown(html).markdown
    }

    #[test]
    fn paragraphs_breaks_emphasis_and_lists_become_markdown() {
        assert_eq!(
            md("<p>Hello <b>team</b>,</p><p>the <i>printer</i><br>is down.</p>"),
            "Hello **team**,\n\nthe *printer*\\\nis down."
        );
        assert_eq!(
            md("<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>"),
            "- one\n- two\n\n1. first\n2. second"
        );
        assert_eq!(md("<h2>Steps</h2><p>Do it</p>"), "## Steps\n\nDo it");
        assert_eq!(
            md("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"),
            "a \\| b\nc \\| d"
        );
    }

    #[test]
    fn scripts_dangerous_links_and_markup_characters_are_harmless() {
        assert_eq!(
            md("<p>Hi<script>alert('x')</script> <a href=\"javascript:alert(1)\">click</a></p>"),
            "Hi click"
        );
        assert_eq!(
            md("<a href=\"https://example.com/a b\">site</a>"),
            "[site](https://example.com/a%20b)"
        );
        assert_eq!(
            md("<p>1 &lt; 2 &amp; *not bold* # x</p>"),
            "1 \\< 2 & \\*not bold\\* # x"
        );
        assert_eq!(md("<p># not a title</p>"), "\\# not a title");
        assert_eq!(md("Zoé 🎉 &eacute;"), "Zoé 🎉 é");
    }

    #[test]
    fn plain_text_keeps_its_lines_and_pasted_images_are_counted() {
        assert_eq!(md("line one\nline two"), "line one\\\nline two");
        let c = to_markdown(
            "<p>See <img src=\"data:image/png;base64,AAAA\"> and <img src=\"x.png\"></p>",
        );
        assert_eq!(c.images, 1);
        assert_eq!(c.markdown, "See (image) and");
        assert_eq!(md(""), "");
        assert_eq!(md("<p></p><br><br>"), "");
    }
}
