//! A raw mail read into what the helpdesk keeps of it: its identity (Message-ID, the mails it
//! answers), its sender, its subject (RFC 2047 decoded), its text (the plain part, else the
//! HTML part turned into Markdown without live markup), and its files. Any charset the MIME
//! parser knows is read; a mail too large or that is not a mail is refused with its reason, so
//! that it can be kept aside rather than lost.

use mail_parser::{MessageParser, MimeHeaders};

use super::auto::{self, Automatic};

/// The largest mail read (its raw size).
pub const MAX_BYTES: usize = 25 * 1024 * 1024;

/// A file of a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    /// As the mail declares it (`type/subtype`); the files capability checks the content.
    pub content_type: String,
    pub bytes: Vec<u8>,
    /// Shown in the body (an image with a Content-ID) rather than attached.
    pub inline: bool,
}

/// What the helpdesk keeps of a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inbound {
    /// Without angle brackets; a mail without one gets none (it is then told apart by the
    /// hash of its bytes, see [`Inbound::key`]).
    pub message_id: Option<String>,
    /// The Message-IDs it answers: In-Reply-To, then References (newest first).
    pub answers: Vec<String>,
    /// The sender's address, lower case.
    pub from: String,
    pub from_name: Option<String>,
    pub subject: String,
    /// Markdown: the plain part as it is, or the HTML part converted.
    pub body: String,
    pub parts: Vec<Part>,
    /// Why it is an automatic mail, if it is one.
    pub automatic: Option<Automatic>,
    /// A digest of the raw bytes.
    pub digest: String,
}

impl Inbound {
    /// What tells this mail apart from every other one: its Message-ID, else its digest.
    pub fn key(&self) -> String {
        self.message_id
            .clone()
            .unwrap_or_else(|| format!("sha256:{}", self.digest))
    }
}

/// Why a mail could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    #[error("too large: {0} bytes")]
    TooLarge(usize),
    #[error("not a mail")]
    NotAMail,
    #[error("no sender address")]
    NoSender,
}

/// The SHA-256 of `raw`, in hexadecimal.
pub fn digest(raw: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(raw)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn ids(value: &mail_parser::HeaderValue<'_>) -> Vec<String> {
    value
        .as_text_list()
        .map(|l| l.iter().map(|s| s.trim().to_owned()).collect())
        .unwrap_or_default()
}

/// Reads `raw`.
pub fn read(raw: &[u8]) -> Result<Inbound, Unreadable> {
    if raw.len() > MAX_BYTES {
        return Err(Unreadable::TooLarge(raw.len()));
    }
    let message = MessageParser::default()
        .parse(raw)
        .ok_or(Unreadable::NotAMail)?;
    // A mail has headers: a text without any is not one.
    if message.headers().is_empty() {
        return Err(Unreadable::NotAMail);
    }
    let sender = message
        .from()
        .and_then(|a| a.first())
        .ok_or(Unreadable::NoSender)?;
    let from = sender
        .address()
        .map(|a| a.trim().to_lowercase())
        .filter(|a| a.contains('@'))
        .ok_or(Unreadable::NoSender)?;
    let mut answers = ids(message.in_reply_to());
    let mut references = ids(message.references());
    references.reverse();
    for r in references {
        if !answers.contains(&r) {
            answers.push(r);
        }
    }
    let body = match (message.body_text(0), message.html_part(0)) {
        // A mail with only an HTML part: the parser's text would be its own conversion.
        (_, Some(part)) if message.text_body_count() == 0 || is_generated_text(&message) => {
            let html = part.text_contents().unwrap_or_default();
            crate::markdown::markdown_from_html(html)
        }
        (Some(text), _) => text.replace("\r\n", "\n").trim().to_owned(),
        (None, _) => String::new(),
    };
    let parts = message
        .attachments()
        .filter_map(|p| {
            let bytes = p.contents().to_vec();
            if bytes.is_empty() {
                return None;
            }
            let content_type = p
                .content_type()
                .map(|c| match c.subtype() {
                    Some(sub) => format!("{}/{sub}", c.ctype()),
                    None => c.ctype().to_owned(),
                })
                .unwrap_or_else(|| "application/octet-stream".to_owned())
                .to_lowercase();
            let inline = p.content_id().is_some()
                && p.content_disposition().is_none_or(|d| !d.is_attachment());
            let name = p.attachment_name().map_or_else(
                || {
                    let ext = content_type.rsplit('/').next().unwrap_or("bin");
                    format!("part.{ext}")
                },
                str::to_owned,
            );
            Some(Part {
                name,
                content_type,
                bytes,
                inline,
            })
        })
        .collect();
    Ok(Inbound {
        message_id: message.message_id().map(|m| m.trim().to_owned()),
        answers,
        from_name: sender
            .name()
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        from,
        subject: message.subject().unwrap_or_default().trim().to_owned(),
        body,
        parts,
        automatic: auto::of(&message),
        digest: digest(raw),
    })
}

/// Whether the mail's first text body is the HTML part itself (the parser hands the HTML part
/// as the text body when there is no plain part).
fn is_generated_text(message: &mail_parser::Message<'_>) -> bool {
    message
        .text_part(0)
        .is_some_and(|p| p.is_content_type("text", "html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_mail_gives_its_sender_subject_text_and_identity() {
        let raw = b"From: =?ISO-8859-1?Q?Ren=E9e_L=E9vesque?= <Renee@Example.TEST>\r\n\
            To: helpdesk@example.test\r\nSubject: =?ISO-8859-1?Q?Imprimante_bloqu=E9e?=\r\n\
            Message-ID: <abc@example.test>\r\nIn-Reply-To: <t1@gestdesk>\r\n\
            References: <t0@gestdesk> <t1@gestdesk>\r\n\
            Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
            L'imprimante du 2e \xe9tage est bloqu\xe9e.\r\n";
        let mail = read(raw).expect("read");
        assert_eq!(mail.from, "renee@example.test");
        assert_eq!(mail.from_name.as_deref(), Some("Renée Lévesque"));
        assert_eq!(mail.subject, "Imprimante bloquée");
        assert_eq!(mail.body, "L'imprimante du 2e étage est bloquée.");
        assert_eq!(mail.message_id.as_deref(), Some("abc@example.test"));
        assert_eq!(mail.answers, ["t1@gestdesk", "t0@gestdesk"]);
        assert_eq!(mail.key(), "abc@example.test");
        assert!(mail.automatic.is_none());
    }

    #[test]
    fn an_html_only_mail_becomes_markdown_and_keeps_its_files() {
        let raw = b"From: bob@example.test\r\nSubject: VPN\r\nMIME-Version: 1.0\r\n\
            Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
            --b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
            <p>It <b>fails</b><script>x()</script><img src=\"http://t.example/p.gif\"></p>\r\n\
            --b1\r\nContent-Type: text/plain; name=\"vpn.log\"\r\nContent-Disposition: attachment; filename=\"vpn.log\"\r\n\r\n\
            error 809\r\n--b1--\r\n";
        let mail = read(raw).expect("read");
        assert_eq!(mail.body, "It **fails**");
        assert_eq!(mail.parts.len(), 1);
        assert_eq!(mail.parts[0].name, "vpn.log");
        assert!(!mail.parts[0].inline);
        assert!(mail.message_id.is_none());
        assert!(mail.key().starts_with("sha256:"));
    }

    #[test]
    fn what_is_not_a_mail_or_too_large_is_refused_with_its_reason() {
        assert_eq!(read(b"").err(), Some(Unreadable::NotAMail));
        assert_eq!(
            read(b"Subject: no sender\r\n\r\nbody").err(),
            Some(Unreadable::NoSender)
        );
        let big = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(read(&big).err(), Some(Unreadable::TooLarge(MAX_BYTES + 1)));
    }
}
