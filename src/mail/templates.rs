//! What mails look like: one HTML body (inline styles, the company's colours, a table layout
//! mail clients understand) and its plain-text twin, made from the same data.
//!
//! Everything typed by users goes through maud's escaping or the Markdown sanitizer; the
//! administrators' start and end texts go through the sanitizer too.

use maud::{DOCTYPE, Markup, PreEscaped, html};

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
        html: html_body(content, look).into_string(),
        text: text_body(content, look),
    }
}

fn html_body(c: &Content, look: &Look) -> Markup {
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
    html! {
        (DOCTYPE)
        html lang=(c.lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (c.heading) }
            }
            body style=(page) {
                div style=(card) {
                    @if !look.start.trim().is_empty() {
                        // Sanitized administrator HTML, never raw.
                        div { (PreEscaped(markdown::clean_html(&look.start))) }
                    }
                    h1 style=(heading) { (c.heading) }
                    @if let Some(m) = &c.message {
                        div { (markdown::render(m)) }
                    }
                    @if !c.facts.is_empty() {
                        table role="presentation" style="border-collapse:collapse;width:100%;margin:8px 0" {
                            @for (label, value) in &c.facts {
                                tr {
                                    th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top;white-space:nowrap;font-weight:bold" { (label) }
                                    td style="padding:4px 0;vertical-align:top" { (value) }
                                }
                            }
                        }
                    }
                    @if let Some((label, body)) = &c.description {
                        h2 style=(section) { (label) }
                        div { (body.html) }
                    }
                    @if let Some((label, entries)) = &c.thread {
                        h2 style=(section) { (label) }
                        @for e in entries {
                            div style="border-left:3px solid #d0d7de;padding:2px 0 2px 10px;margin:8px 0" {
                                div style="font-size:12px;color:#57606a" { (e.author) " — " (e.when) }
                                div { (e.body.html) }
                            }
                        }
                    }
                    @if let Some((label, names)) = &c.attachments {
                        h2 style=(section) { (label) }
                        ul { @for n in names { li { (n) } } }
                    }
                    @if let Some((words, href)) = &c.link {
                        p style="margin:18px 0 0" {
                            a href=(href) style=(format!("color:{};font-weight:bold", look.title_color)) { (words) }
                        }
                    }
                    @if !look.end.trim().is_empty() {
                        div style="margin-top:18px;border-top:1px solid #d0d7de;padding-top:10px" {
                            (PreEscaped(markdown::clean_html(&look.end)))
                        }
                    }
                }
                @if !look.company.is_empty() {
                    p style="text-align:center;font-size:12px;color:#57606a" { (look.company) }
                }
            }
        }
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
            title_color: "#112233".into(),
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
        };
        let body = render(&content, &look());
        assert!(
            body.html.contains("Ticket #7 &lt;closed&gt;"),
            "{}",
            body.html
        );
        assert!(body.html.contains("color:#112233"));
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
