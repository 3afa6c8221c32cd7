//! What mails look like: one HTML body (inline styles, the company's colours, a table layout
//! mail clients understand) and its plain-text twin, made from the same data.
//!
//! Everything typed by users is escaped ([`Html`]) or goes through the Markdown sanitizer; the
//! administrators' start and end texts go through the sanitizer too.

use crate::markdown;

/// Colours and the administrators' texts, from the settings.
#[derive(Debug, Clone)]
pub struct Look {
    pub title_color: String,
    pub background: String,
    pub text_color: String,
    /// Start text, HTML as typed (tags already replaced); sanitized here.
    pub start: String,
    /// End text, HTML as typed (tags already replaced); sanitized here.
    pub end: String,
    pub company: String,
}

/// A text typed by a user: its Markdown (for the plain-text part) and its sanitized HTML.
#[derive(Debug, Clone)]
pub struct Typed {
    pub markdown: String,
    pub html: markdown::SafeHtml,
}

impl Typed {
    /// `markdown` with its HTML rendered now (short texts, tests).
    pub fn rendered(markdown: &str) -> Typed {
        Typed {
            markdown: markdown.to_owned(),
            html: markdown::render_html(markdown),
        }
    }
}

/// One reply shown in a mail.
#[derive(Debug, Clone)]
pub struct Entry {
    pub author: String,
    pub when: String,
    pub body: Typed,
}

/// A mail about a ticket (or the test mail, with no ticket).
#[derive(Debug, Clone)]
pub struct Content {
    /// The first line, e.g. "Ticket #12 closed".
    pub heading: String,
    /// A message typed by a technician (manual mails), Markdown.
    pub message: Option<String>,
    /// Label and value pairs: title, requester, technician, state ...
    pub facts: Vec<(String, String)>,
    /// Label and text of the description.
    pub description: Option<(String, Typed)>,
    /// Heading of the thread and its entries, in the order to show.
    pub thread: Option<(String, Vec<Entry>)>,
    /// Heading of the attachments and their names.
    pub attachments: Option<(String, Vec<String>)>,
    /// The words of the link and the address of the ticket.
    pub link: Option<(String, String)>,
    /// The language code, for the `lang` attribute.
    pub lang: &'static str,
    /// The "reply above this line" line, on mails about a ticket while mail is read in.
    pub marker: Option<String>,
}

/// A rendered body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub html: String,
    pub text: String,
}

/// Renders `content` with `look`.
pub fn render(content: &Content, look: &Look) -> Body {
    Body {
        html: html_body(content, look),
        text: text_body(content, look),
    }
}

fn html_body(c: &Content, look: &Look) -> String {
    let page = format!(
        "margin:0;padding:16px;background:{};color:{};font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45",
        look.background, look.text_color
    );
    let card = "max-width:680px;margin:0 auto;background:#ffffff;border-radius:6px;padding:20px";
    let heading = format!("margin:0 0 12px;font-size:18px;color:{}", look.title_color);
    let section = format!(
        "margin:18px 0 6px;font-size:15px;color:{}",
        look.title_color
    );
    let mut h = Html::default();
    h.raw("<!DOCTYPE html>");
    h.open("html", &[("lang", c.lang)]);
    h.open("head", &[]);
    h.void("meta", &[("charset", "utf-8")]);
    h.void(
        "meta",
        &[
            ("name", "viewport"),
            ("content", "width=device-width, initial-scale=1"),
        ],
    );
    h.element("title", &[], &c.heading);
    h.close("head");
    h.open("body", &[("style", &page)]);
    h.open("div", &[("style", card)]);
    if let Some(m) = &c.marker {
        h.element(
            "p",
            &[("style", "margin:0 0 12px;color:#6b7480;font-size:12px")],
            m,
        );
    }
    if !look.start.trim().is_empty() {
        // Sanitized administrator HTML, never raw.
        h.open("div", &[]);
        h.raw(&markdown::clean_html(&look.start));
        h.close("div");
    }
    h.element("h1", &[("style", &heading)], &c.heading);
    if let Some(m) = &c.message {
        h.open("div", &[]);
        h.raw(markdown::render_html(m).as_str());
        h.close("div");
    }
    if !c.facts.is_empty() {
        h.open(
            "table",
            &[
                ("role", "presentation"),
                ("style", "border-collapse:collapse;width:100%;margin:8px 0"),
            ],
        );
        for (label, value) in &c.facts {
            h.open("tr", &[]);
            h.element(
                "th",
                &[(
                    "style",
                    "text-align:left;padding:4px 12px 4px 0;vertical-align:top;white-space:nowrap;font-weight:bold",
                )],
                label,
            );
            h.element(
                "td",
                &[("style", "padding:4px 0;vertical-align:top")],
                value,
            );
            h.close("tr");
        }
        h.close("table");
    }
    if let Some((label, body)) = &c.description {
        h.element("h2", &[("style", &section)], label);
        h.open("div", &[]);
        h.raw(body.html.as_str());
        h.close("div");
    }
    if let Some((label, entries)) = &c.thread {
        h.element("h2", &[("style", &section)], label);
        for e in entries {
            h.open(
                "div",
                &[(
                    "style",
                    "border-left:3px solid #d0d7de;padding:2px 0 2px 10px;margin:8px 0",
                )],
            );
            h.element(
                "div",
                &[("style", "font-size:12px;color:#57606a")],
                &format!("{} — {}", e.author, e.when),
            );
            h.open("div", &[]);
            h.raw(e.body.html.as_str());
            h.close("div");
            h.close("div");
        }
    }
    if let Some((label, names)) = &c.attachments {
        h.element("h2", &[("style", &section)], label);
        h.open("ul", &[]);
        for n in names {
            h.element("li", &[], n);
        }
        h.close("ul");
    }
    if let Some((words, href)) = &c.link {
        h.open("p", &[("style", "margin:18px 0 0")]);
        let style = format!("color:{};font-weight:bold", look.title_color);
        h.element("a", &[("href", href), ("style", &style)], words);
        h.close("p");
    }
    if !look.end.trim().is_empty() {
        h.open(
            "div",
            &[(
                "style",
                "margin-top:18px;border-top:1px solid #d0d7de;padding-top:10px",
            )],
        );
        h.raw(&markdown::clean_html(&look.end));
        h.close("div");
    }
    h.close("div");
    if !look.company.is_empty() {
        h.element(
            "p",
            &[("style", "text-align:center;font-size:12px;color:#57606a")],
            &look.company,
        );
    }
    h.close("body");
    h.close("html");
    h.0
}

/// A mail's HTML, written element by element: text and attribute values are always escaped;
/// only fixed markup and HTML that came out of the sanitizer go in as they are.
#[derive(Default)]
struct Html(String);

impl Html {
    /// Fixed markup or sanitized HTML (never text typed by someone).
    fn raw(&mut self, html: &str) {
        self.0.push_str(html);
    }

    fn start_tag(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attributes {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            self.0.push_str(&markdown::escape(value));
            self.0.push('"');
        }
    }

    fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.start_tag(tag, attributes);
        self.0.push('>');
    }

    fn void(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.open(tag, attributes);
    }

    fn close(&mut self, tag: &'static str) {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
    }

    /// An element holding `text`, escaped.
    fn element(&mut self, tag: &'static str, attributes: &[(&'static str, &str)], text: &str) {
        self.open(tag, attributes);
        self.0.push_str(&markdown::escape(text));
        self.close(tag);
    }
}

fn text_body(c: &Content, look: &Look) -> String {
    let mut out = String::new();
    let mut push = |s: &str| {
        if !s.trim().is_empty() {
            out.push_str(s.trim_end());
            out.push_str("\n\n");
        }
    };
    if let Some(m) = &c.marker {
        push(m);
    }
    push(&markdown::plain_text(&markdown::clean_html(&look.start)));
    push(&c.heading);
    if let Some(m) = &c.message {
        push(&markdown::plain_text(markdown::render_html(m).as_str()));
    }
    let facts: Vec<String> = c.facts.iter().map(|(l, v)| format!("{l}: {v}")).collect();
    push(&facts.join("\n"));
    if let Some((label, body)) = &c.description {
        push(&format!(
            "{label}\n{}",
            markdown::plain_text(body.html.as_str())
        ));
    }
    if let Some((label, entries)) = &c.thread {
        let mut block = format!("{label}\n");
        for e in entries {
            block.push_str(&format!(
                "\n{} — {}\n{}\n",
                e.author,
                e.when,
                markdown::plain_text(e.body.html.as_str())
            ));
        }
        push(&block);
    }
    if let Some((label, names)) = &c.attachments {
        let list: Vec<String> = names.iter().map(|n| format!("- {n}")).collect();
        push(&format!("{label}\n{}", list.join("\n")));
    }
    if let Some((words, href)) = &c.link {
        push(&format!("{words}: {href}"));
    }
    push(&markdown::plain_text(&markdown::clean_html(&look.end)));
    push(&look.company);
    out.trim_end().to_owned() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look() -> Look {
        Look {
            title_color: "#112233\" onmouseover=\"alert(2)".into(),
            background: "#eeeeee".into(),
            text_color: "#000000".into(),
            start: "<p>Hello <b>there</b></p><script>alert(1)</script>".into(),
            end: String::new(),
            company: "ACME".into(),
        }
    }

    #[test]
    fn both_parts_carry_the_same_content_and_nothing_live() {
        let content = Content {
            heading: "Ticket #7 <closed>".into(),
            message: None,
            facts: vec![("Title".into(), "<img src=x onerror=alert(1)>".into())],
            description: Some(("Description".into(), Typed::rendered("**Printer** jams"))),
            thread: Some((
                "Thread".into(),
                vec![Entry {
                    author: "Tom".into(),
                    when: "27/11/2026 10:00".into(),
                    body: Typed::rendered("Replaced the <script>x</script> drum"),
                }],
            )),
            attachments: Some(("Files".into(), vec!["scan.pdf".into()])),
            link: Some(("Open".into(), "https://help.example.com/tickets/7".into())),
            lang: "en",
            marker: Some("-- Reply above this line --".into()),
        };
        let body = render(&content, &look());
        assert!(
            body.html.contains("Ticket #7 &lt;closed&gt;"),
            "{}",
            body.html
        );
        assert!(body.html.contains("color:#112233&quot; onmouseover="));
        assert!(!body.html.contains("\" onmouseover"));
        assert!(!body.html.contains("<script") && !body.html.contains("<img"));
        assert!(body.html.contains("<strong>Printer</strong>"));
        assert!(body.text.contains("Hello there"), "{}", body.text);
        assert!(body.text.contains("Title: <img src=x onerror=alert(1)>"));
        assert!(body.text.contains("- scan.pdf"));
        assert!(
            body.text
                .contains("Open: https://help.example.com/tickets/7")
        );
        assert!(!body.text.contains("alert(1)</script>"));
    }
}
