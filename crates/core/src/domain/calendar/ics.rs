//! iCalendar (RFC 5545) as calendar programs read it: a calendar of events with stable ids and
//! sequence numbers (so that a changed or cancelled intervention updates the copy a requester or
//! a technician already has), times in UTC or whole local days, text escaped and long lines
//! folded at 75 octets.

/// One event.
#[derive(Debug, Clone)]
pub struct Event {
    /// Unique and stable across changes (`intervention-12@host`).
    pub uid: String,
    /// Grows with each change.
    pub sequence: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub all_day: bool,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
    /// A cancelled event (an intervention removed).
    pub cancelled: bool,
    /// When this copy was written.
    pub stamp: i64,
}

/// How a calendar is meant: a feed or an invitation published, or a cancellation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Publish,
    Cancel,
}

/// Escapes a TEXT value.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded so that no line is longer than 75 octets.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn utc(at: i64) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| t.strftime("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_default()
}

fn local_date(at: i64) -> String {
    super::period::date_of(at).strftime("%Y%m%d").to_string()
}

/// A whole calendar named `name` holding `events`.
pub fn calendar(method: Method, name: &str, events: &[Event]) -> String {
    let mut out = String::with_capacity(256 + events.len() * 320);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Gestdesk//Calendar//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(
        &mut out,
        match method {
            Method::Publish => "METHOD:PUBLISH",
            Method::Cancel => "METHOD:CANCEL",
        },
    );
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", text(&e.uid)));
        line(&mut out, &format!("SEQUENCE:{}", e.sequence.max(0)));
        line(&mut out, &format!("DTSTAMP:{}", utc(e.stamp)));
        if e.all_day {
            line(
                &mut out,
                &format!("DTSTART;VALUE=DATE:{}", local_date(e.starts_at)),
            );
            line(
                &mut out,
                &format!("DTEND;VALUE=DATE:{}", local_date(e.ends_at)),
            );
        } else {
            line(&mut out, &format!("DTSTART:{}", utc(e.starts_at)));
            line(&mut out, &format!("DTEND:{}", utc(e.ends_at)));
        }
        line(&mut out, &format!("SUMMARY:{}", text(&e.summary)));
        if !e.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", text(&e.description)));
        }
        if let Some(url) = &e.url {
            // A URI value is not TEXT: it is written as it is, without line breaks.
            let url: String = url.chars().filter(|c| !c.is_control()).collect();
            line(&mut out, &format!("URL:{url}"));
        }
        line(
            &mut out,
            if e.cancelled {
                "STATUS:CANCELLED"
            } else {
                "STATUS:CONFIRMED"
            },
        );
        line(&mut out, "TRANSP:OPAQUE");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> Event {
        Event {
            uid: "intervention-1@helpdesk.example".into(),
            sequence: 2,
            starts_at: 1_765_184_400,
            ends_at: 1_765_191_600,
            all_day: false,
            summary: "#12 Printer, 2nd floor; urgent".into(),
            description: "Bring toner\nand a cable \\ adapter".into(),
            url: Some("https://helpdesk.example/tickets/12".into()),
            cancelled: false,
            stamp: 1_765_000_000,
        }
    }

    #[test]
    fn text_is_escaped_and_times_are_utc() {
        let cal = calendar(Method::Publish, "Ada", &[event()]);
        assert!(cal.contains("SUMMARY:#12 Printer\\, 2nd floor\\; urgent\r\n"));
        assert!(cal.contains("DESCRIPTION:Bring toner\\nand a cable \\\\ adapter\r\n"));
        assert!(cal.contains("DTSTART:20251208T090000Z\r\n"));
        assert!(cal.contains("SEQUENCE:2\r\n"));
        assert!(cal.starts_with("BEGIN:VCALENDAR\r\n") && cal.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn long_lines_are_folded_at_75_octets() {
        let mut e = event();
        e.summary = "é".repeat(100);
        let cal = calendar(Method::Cancel, "x", &[e]);
        for l in cal.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = cal.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", "é".repeat(100))));
        assert!(cal.contains("METHOD:CANCEL"));
    }
}
