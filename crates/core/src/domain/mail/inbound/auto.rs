//! Automatic mails: out-of-office replies, bounces, delivery reports and list traffic. They
//! never create a ticket nor cause a mail, so that two automatic responders cannot answer each
//! other for ever.

use mail_parser::{Message, MimeHeaders};

/// Why a mail is automatic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Automatic {
    /// `Auto-Submitted` other than `no` (RFC 3834).
    AutoSubmitted,
    /// `Precedence: bulk`, `junk`, `list` or `auto_reply`.
    Precedence,
    /// `X-Autoreply`, `X-Autorespond`, or Exchange's inbox-rule loop mark.
    AutoReplyHeader,
    /// From a mail system (mailer-daemon, postmaster) or with an empty return path.
    MailSystem,
    /// A delivery status report (`multipart/report`).
    DeliveryReport,
}

impl Automatic {
    /// Its stable name (logs, the fetch history).
    pub fn code(self) -> &'static str {
        match self {
            Automatic::AutoSubmitted => "auto-submitted",
            Automatic::Precedence => "precedence",
            Automatic::AutoReplyHeader => "auto-reply",
            Automatic::MailSystem => "mail-system",
            Automatic::DeliveryReport => "delivery-report",
        }
    }
}

fn header_text(message: &Message<'_>, name: &str) -> Option<String> {
    message
        .header_raw(name)
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| !v.is_empty())
}

/// Why `message` is automatic, if it is.
pub fn of(message: &Message<'_>) -> Option<Automatic> {
    if header_text(message, "Auto-Submitted").is_some_and(|v| !v.starts_with("no")) {
        return Some(Automatic::AutoSubmitted);
    }
    if header_text(message, "Precedence")
        .is_some_and(|v| ["bulk", "junk", "list", "auto_reply"].contains(&v.as_str()))
    {
        return Some(Automatic::Precedence);
    }
    if header_text(message, "X-Autoreply").is_some()
        || header_text(message, "X-Autorespond").is_some()
        || header_text(message, "X-MS-Exchange-Inbox-Rules-Loop").is_some()
    {
        return Some(Automatic::AutoReplyHeader);
    }
    if message.is_content_type("multipart", "report") {
        return Some(Automatic::DeliveryReport);
    }
    let sender = message
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let local = sender.split('@').next().unwrap_or_default();
    if ["mailer-daemon", "postmaster", "mail-daemon"].contains(&local)
        || header_text(message, "Return-Path").is_some_and(|v| v == "<>")
    {
        return Some(Automatic::MailSystem);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::MessageParser;

    fn automatic(headers: &str) -> Option<Automatic> {
        let raw = format!("{headers}\r\nSubject: x\r\n\r\nbody\r\n");
        let m = MessageParser::default()
            .parse(raw.as_bytes())
            .expect("mail");
        of(&m)
    }

    #[test]
    fn out_of_office_bounces_and_lists_are_automatic_and_a_person_is_not() {
        let person = "From: alice@example.test";
        assert_eq!(automatic(person), None);
        assert_eq!(
            automatic(&format!("{person}\r\nAuto-Submitted: auto-replied")),
            Some(Automatic::AutoSubmitted)
        );
        assert_eq!(automatic(&format!("{person}\r\nAuto-Submitted: no")), None);
        assert_eq!(
            automatic(&format!("{person}\r\nPrecedence: bulk")),
            Some(Automatic::Precedence)
        );
        assert_eq!(
            automatic(&format!("{person}\r\nX-Autoreply: yes")),
            Some(Automatic::AutoReplyHeader)
        );
        assert_eq!(
            automatic("From: MAILER-DAEMON@example.test"),
            Some(Automatic::MailSystem)
        );
        assert_eq!(
            automatic(&format!("{person}\r\nReturn-Path: <>")),
            Some(Automatic::MailSystem)
        );
        assert_eq!(
            automatic(&format!(
                "{person}\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=x"
            )),
            Some(Automatic::DeliveryReport)
        );
    }
}
