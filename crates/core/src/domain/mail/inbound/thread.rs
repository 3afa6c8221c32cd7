//! Which ticket an incoming mail answers, and whether its sender may write in it. A mail
//! answers ticket N when its In-Reply-To or References names a mail Gestdesk sent about N (the
//! outbox keeps every Message-ID), or else when its subject carries `[#N]`. It may be added to
//! N's thread only when its sender is N's requester, its technician, a member of its technician
//! group, one of its observers, or an address N's mails already went to; anyone else's mail is
//! a new ticket, so that a stranger quoting a ticket number never writes into someone else's
//! ticket.

use rusqlite::{Connection, OptionalExtension};

use super::Inbound;

/// How a mail was tied to its ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// It answers a mail Gestdesk sent about the ticket.
    MessageId,
    /// Its subject names the ticket.
    Subject,
}

/// The ticket a mail answers, if any: (ticket number, how it was found).
pub fn ticket_of(conn: &Connection, mail: &Inbound) -> rusqlite::Result<Option<(i64, Via)>> {
    let mut by_id = conn.prepare_cached(
        "SELECT o.ticket_id FROM outbox o JOIN tickets t ON t.id = o.ticket_id
         WHERE o.message_id = ?1",
    )?;
    for answered in &mail.answers {
        // The outbox keeps the part before the sender's domain.
        let local = answered.split('@').next().unwrap_or_default();
        if !local.starts_with("gestdesk.") {
            continue;
        }
        if let Some(ticket) = by_id.query_row([local], |r| r.get(0)).optional()? {
            return Ok(Some((ticket, Via::MessageId)));
        }
    }
    let Some(number) = subject_number(&mail.subject) else {
        return Ok(None);
    };
    let exists = conn
        .prepare_cached("SELECT id FROM tickets WHERE id = ?1")?
        .query_row([number], |r| r.get::<_, i64>(0))
        .optional()?;
    Ok(exists.map(|t| (t, Via::Subject)))
}

/// The ticket number `[#N]` in a subject.
pub fn subject_number(subject: &str) -> Option<i64> {
    let start = subject.find("[#")? + 2;
    let len = subject[start..].find(']')?;
    let digits = &subject[start..start + len];
    (!digits.is_empty() && digits.len() <= 12 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Whether `sender` (an address, any case) may add to ticket `ticket`'s thread by mail, and
/// as whom (the account with that address, when there is one).
pub fn may_reply(
    conn: &Connection,
    ticket: i64,
    sender: &str,
) -> rusqlite::Result<Option<Option<i64>>> {
    let sender = sender.trim().to_lowercase();
    if sender.is_empty() {
        return Ok(None);
    }
    let account: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM users WHERE mail = ?1 COLLATE NOCASE AND disabled = 0
             ORDER BY id LIMIT 1",
        )?
        .query_row([&sender], |r| r.get(0))
        .optional()?;
    if let Some(user) = account {
        let involved: bool = conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM tickets t WHERE t.id = ?1 AND (
                     t.requester_id = ?2 OR t.technician_id = ?2
                     OR t.tech_group_id IN (SELECT group_id FROM group_members WHERE user_id = ?2)
                     OR EXISTS (SELECT 1 FROM ticket_observers o WHERE o.ticket_id = t.id
                                AND (o.user_id = ?2 OR o.group_id IN
                                     (SELECT group_id FROM group_members WHERE user_id = ?2)))))",
            )?
            .query_row(rusqlite::params![ticket, user], |r| r.get(0))?;
        if involved {
            return Ok(Some(Some(user)));
        }
    }
    // An address the ticket's mails went to (one per line in the outbox).
    let mut mailed = conn.prepare_cached(
        "SELECT to_addrs || char(10) || cc_addrs FROM outbox WHERE ticket_id = ?1",
    )?;
    let rows = mailed.query_map([ticket], |r| r.get::<_, String>(0))?;
    for row in rows {
        if row?.lines().any(|a| a.trim().eq_ignore_ascii_case(&sender)) {
            return Ok(Some(account));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_names_a_ticket_only_with_digits_in_brackets() {
        assert_eq!(subject_number("Re: [#42] Printer jammed"), Some(42));
        assert_eq!(subject_number("[#] nothing"), None);
        assert_eq!(subject_number("[#12a] no"), None);
        assert_eq!(subject_number("#42 without brackets"), None);
        assert_eq!(subject_number("[#99999999999999999999] too long"), None);
    }

    fn mail(from: &str, subject: &str, answers: &[&str]) -> Inbound {
        Inbound {
            message_id: None,
            answers: answers.iter().map(|a| (*a).to_owned()).collect(),
            from: from.to_owned(),
            from_name: None,
            subject: subject.to_owned(),
            body: String::new(),
            parts: Vec::new(),
            automatic: None,
            digest: String::new(),
        }
    }

    #[test]
    fn a_reply_finds_its_ticket_and_only_those_involved_may_write_in_it() {
        let dir = tempfile::tempdir().expect("dir");
        let db = crate::db::Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        db.write_blocking(|tx| {
            for (id, login, mail) in [
                (10, "req", "requester@example.test"),
                (11, "tech", "tech@example.test"),
                (12, "mate", "mate@example.test"),
                (13, "watcher", "watcher@example.test"),
                (14, "stranger", "stranger@example.test"),
            ] {
                tx.execute(
                    "INSERT INTO users (id, login, profile_id, mail, created_at, updated_at)
                     VALUES (?1, ?2, 0, ?3, 0, 0)",
                    rusqlite::params![id, login, mail],
                )?;
            }
            tx.execute_batch(
                "INSERT INTO groups (id, name, kind) VALUES (1, 'Network team', 'technician');
                 INSERT INTO group_members (group_id, user_id) VALUES (1, 12);
                 INSERT INTO tickets (id, title, state_id, created_at, modified_at, requester_id,
                                      technician_id, tech_group_id)
                     VALUES (7, 'VPN', 2, 0, 0, 10, 11, 1);
                 INSERT INTO ticket_observers (ticket_id, user_id, added_at) VALUES (7, 13, 0);
                 INSERT INTO outbox (created_at, ticket_id, kind, to_addrs, cc_addrs, subject,
                                     html, text, message_id, next_at)
                     VALUES (0, 7, 'reply', 'requester@example.test', 'Boss@Example.test',
                             '[#7] VPN', '', '', 'gestdesk.7.abc', 0);",
            )?;
            Ok::<_, crate::db::DbError>(())
        })
        .expect("fixtures");
        db.read_blocking(|c| {
            let by_id = mail(
                "x@example.test",
                "Re: hello",
                &["gestdesk.7.abc@example.test"],
            );
            assert_eq!(ticket_of(c, &by_id)?, Some((7, Via::MessageId)));
            let by_subject = mail("x@example.test", "Re: [#7] VPN", &["other@example.test"]);
            assert_eq!(ticket_of(c, &by_subject)?, Some((7, Via::Subject)));
            assert_eq!(
                ticket_of(c, &mail("x@example.test", "[#8] none", &[]))?,
                None
            );
            assert_eq!(ticket_of(c, &mail("x@example.test", "hello", &[]))?, None);
            for (sender, who) in [
                ("REQUESTER@example.test", Some(Some(10))),
                ("tech@example.test", Some(Some(11))),
                ("mate@example.test", Some(Some(12))),
                ("watcher@example.test", Some(Some(13))),
                // Copied on a mail about the ticket, without an account.
                ("boss@example.test", Some(None)),
                // An account, but not involved in this ticket.
                ("stranger@example.test", None),
                ("nobody@example.test", None),
            ] {
                assert_eq!(may_reply(c, 7, sender)?, who, "{sender}");
            }
            Ok::<_, crate::db::DbError>(())
        })
        .expect("checks");
    }
}
