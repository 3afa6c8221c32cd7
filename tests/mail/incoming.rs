//! Incoming mail, end to end against a real Dovecot (and a real SMTP server for the mails it
//! causes): an administrator adds a mailbox on the "Incoming mail" tab, tests it, and fetches
//! it; mails become tickets with their files, replies land in their thread only from the
//! ticket's parties, automatic mails and excluded senders cause nothing, unreadable mails are
//! kept aside, a mail read twice gives one ticket, and a server killed during a fetch of 200
//! mails loses none and doubles none once started again.

use std::time::{Duration, Instant};

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::imap::ImapPeer;
use crate::common::smtp::SmtpPeer;
use crate::common::{Client, TestApp};

const PASSWORD: &str = "mailbox secret";

/// A mail from `from` with `subject` and a plain `body`, and any `extra` header lines.
fn mail(from: &str, subject: &str, id: &str, extra: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: support@example.test\r\nSubject: {subject}\r\n\
         Message-ID: <{id}>\r\nDate: Sun, 06 Dec 2026 10:00:00 +0000\r\n{extra}\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

/// The mailbox form's fields for `login` on `peer` over plain IMAP, with `extra` overriding.
fn fields<'a>(
    peer: &ImapPeer,
    name: &'a str,
    login: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = [
        ("name", name),
        ("enabled", "1"),
        ("host", "127.0.0.1"),
        ("security", "none"),
        ("login", login),
        ("password", PASSWORD),
        ("folder", "INBOX"),
        ("after", "read"),
        ("interval_minutes", "60"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    out.push(("port".to_owned(), peer.plain_port.to_string()));
    for (k, v) in extra {
        out.retain(|(name, _)| name != k);
        out.push(((*k).to_owned(), (*v).to_owned()));
    }
    out
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// Adds a mailbox through its form; returns its id.
async fn add_mailbox(app: &TestApp, admin: &Client, fields: &[(String, String)]) -> i64 {
    let reply = admin
        .submit("/admin/mail-in/new", "/admin/mail-in/new", &pairs(fields))
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let name = &fields.iter().find(|(k, _)| k == "name").expect("name").1;
    app.count(&format!(
        "SELECT id FROM mailboxes WHERE name = '{}'",
        name.replace('\'', "''")
    ))
}

/// Presses "Fetch now" on mailbox `id`.
async fn fetch_now(admin: &Client, id: i64) -> crate::common::http::Reply {
    let page = format!("/admin/mail-in/{id}");
    let reply = admin
        .submit(&page, &format!("/admin/mail-in/{id}/fetch"), &[])
        .await;
    // Back to the mailbox's page, which says what the fetch did.
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let shown = admin.follow(reply).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    shown
}

/// A user `login` with address `address`.
async fn user(app: &TestApp, login: &str, address: &str, profile: Profile) -> i64 {
    app.create_user(login, &format!("password-of-{login}"), profile)
        .await;
    app.set_mail(login, address, "en");
    app.user_id(login)
}

#[tokio::test]
async fn an_administrator_adds_tests_and_fetches_a_mailbox_and_a_mail_becomes_a_ticket() {
    let Some(peer) = ImapPeer::get() else { return };
    let smtp = SmtpPeer::start();
    let (app, admin) = TestApp::with_admin().await;
    app.use_smtp(&smtp);
    app.set_setting("mail_newticket", "1");
    app.set_setting("mail_newticket_address", "dispatch@example.test");
    let alice = user(&app, "alice", "Alice.Martin@example.test", Profile::User).await;
    peer.add_user("story-first", PASSWORD);
    peer.deliver(
        "story-first",
        "INBOX",
        &mail(
            "Alice Martin <alice.martin@example.test>",
            "The printer on floor 2 is jammed",
            "first-1@example.test",
            "",
            "Paper everywhere.\r\nPlease come quickly.",
        ),
    );
    app.sql()
        .execute("INSERT INTO services (name) VALUES ('Support desk')", [])
        .expect("service");
    let service = app.count("SELECT min(id) FROM services");
    let category = app.count("SELECT min(id) FROM categories");
    let (service, category) = (service.to_string(), category.to_string());

    // The page and its form; bad input comes back with what was typed and the reasons.
    admin
        .get("/admin/mail-in")
        .await
        .assert_contains("No mailbox yet")
        .assert_contains("Mail from an unknown address");
    let bad = admin
        .submit(
            "/admin/mail-in/new",
            "/admin/mail-in/new",
            &pairs(&fields(
                peer,
                "Support",
                "story-first",
                &[
                    ("host", "not a host"),
                    ("port", "70000"),
                    ("excluded", "bad@@x"),
                ],
            )),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("not a host")
        .assert_contains("65535")
        .assert_contains("neither an address nor a domain");
    assert!(!bad.body.contains(PASSWORD), "the password came back");

    // "Test" with the typed values, before saving: the mail waiting is counted.
    let typed = fields(
        peer,
        "Support",
        "story-first",
        &[("service_id", &service), ("category_id", &category)],
    );
    let tested = admin
        .submit("/admin/mail-in/new", "/admin/mail-in/test", &pairs(&typed))
        .await;
    assert_eq!(tested.status, StatusCode::OK, "{}", tested.body);
    tested.assert_contains("one unread mail waits");
    for (extra, says) in [
        (("password", "not it"), "refused the login or the password"),
        (("folder", "Tickets"), "has no such folder"),
        (("host", "no-such-host.invalid"), "name was not found"),
    ] {
        let failed = admin
            .submit(
                "/admin/mail-in/new",
                "/admin/mail-in/test",
                &pairs(&fields(peer, "Support", "story-first", &[extra])),
            )
            .await;
        assert_eq!(failed.status, StatusCode::UNPROCESSABLE_ENTITY);
        failed.assert_contains(says);
    }
    let mut closed = fields(peer, "Support", "story-first", &[]);
    closed.retain(|(k, _)| k != "port");
    closed.push(("port".into(), crate::common::free_port().to_string()));
    admin
        .submit("/admin/mail-in/new", "/admin/mail-in/test", &pairs(&closed))
        .await
        .assert_contains("refused the connection");

    let id = add_mailbox(&app, &admin, &typed).await;
    // The password is kept, never shown back nor in the history.
    let page = admin.get(&format!("/admin/mail-in/{id}")).await;
    assert!(!page.body.contains(PASSWORD));
    page.assert_contains("A password is saved");
    assert!(
        !admin
            .get("/admin/settings/log")
            .await
            .body
            .contains(PASSWORD)
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM settings_log WHERE key = 'mailbox.{id}.password' AND new_value = '********'"
        )),
        1
    );
    // Saved again without typing the password: still logs in.
    let again = fields(
        peer,
        "Support",
        "story-first",
        &[
            ("password", ""),
            ("service_id", &service),
            ("category_id", &category),
        ],
    );
    let saved = admin
        .submit(
            &format!("/admin/mail-in/{id}"),
            &format!("/admin/mail-in/{id}"),
            &pairs(&again),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);

    let fetched = fetch_now(&admin, id).await;
    fetched.assert_contains("Read: 1. Tickets: 1.");
    let ticket = app.count("SELECT max(id) FROM tickets");
    let row = app.text(&format!(
        "SELECT title || '|' || description || '|' || requester_id || '|' || service_id || '|' || category_id FROM tickets WHERE id = {ticket}"
    ));
    assert_eq!(
        row,
        format!(
            "The printer on floor 2 is jammed|Paper everywhere.\nPlease come quickly.|{alice}|{service}|{category}"
        )
    );
    // Marked read on the server only now.
    assert!(peer.flags("story-first", "INBOX")[0].contains("\\Seen"));
    // The ticket says where it came from; the requester sees it as theirs.
    admin
        .get(&format!("/tickets/{ticket}"))
        .await
        .assert_contains("by mail from alice.martin@example.test");
    // The acknowledgement to the requester, with the marker; the new-ticket mail.
    let got = smtp.wait_for(2, 20).await;
    let ack = got
        .iter()
        .find(|m| m.rcpt == vec!["Alice.Martin@example.test"])
        .expect("acknowledgement");
    assert!(
        ack.subject.starts_with(&format!("[#{ticket}]")),
        "{}",
        ack.subject
    );
    assert!(
        ack.text.contains("-- Reply above this line --"),
        "{}",
        ack.text
    );
    assert!(got.iter().any(|m| m.rcpt == vec!["dispatch@example.test"]));
    // The history lists the fetch.
    admin
        .get("/admin/mail-in/fetches")
        .await
        .assert_contains("Support")
        .assert_contains("Fetch now");
    // Nothing new: nothing done.
    fetch_now(&admin, id).await.assert_contains("Read: 0.");
    app.stop().await;
}

#[tokio::test]
async fn replies_land_in_their_thread_only_from_the_tickets_parties_with_the_quote_cut() {
    let Some(peer) = ImapPeer::get() else { return };
    let smtp = SmtpPeer::start();
    let (app, admin) = TestApp::with_admin().await;
    app.use_smtp(&smtp);
    let bob = user(&app, "bob", "bob@example.test", Profile::User).await;
    user(&app, "tina", "tina@example.test", Profile::Technician).await;
    peer.add_user("story-replies", PASSWORD);
    let id = add_mailbox(&app, &admin, &fields(peer, "Replies", "story-replies", &[])).await;
    peer.deliver(
        "story-replies",
        "INBOX",
        &mail(
            "bob@example.test",
            "VPN down",
            "vpn-1@example.test",
            "",
            "The VPN is down.",
        ),
    );
    fetch_now(&admin, id).await.assert_contains("Tickets: 1.");
    let ticket = app.count("SELECT max(id) FROM tickets");
    // Gestdesk's acknowledgement, whose Message-ID the reply names.
    let ack = app.text(&format!(
        "SELECT message_id FROM outbox WHERE ticket_id = {ticket} AND kind = 'opened'"
    ));
    let answered = format!("{ack}@example.test");

    // Bob answers the acknowledgement, quoting it below his text.
    peer.deliver(
        "story-replies",
        "INBOX",
        &mail(
            "Bob <bob@example.test>",
            &format!("Re: [#{ticket}] Ticket opened: VPN down"),
            "vpn-2@example.test",
            &format!("In-Reply-To: <{answered}>\r\nReferences: <{answered}>\r\n"),
            "It works again from home.\r\n\r\nOn Sun, 6 Dec 2026, Helpdesk wrote:\r\n> -- Reply above this line --\r\n> Ticket opened",
        ),
    );
    // A stranger quotes the number: a new ticket, never a word in Bob's.
    peer.deliver(
        "story-replies",
        "INBOX",
        &mail(
            "mallory@elsewhere.test",
            &format!("Re: [#{ticket}] VPN down"),
            "vpn-3@example.test",
            "",
            "Please send me the VPN password.",
        ),
    );
    // The technician of the ticket answers by mail with the number in the subject.
    let tina = app.user_id("tina");
    app.sql()
        .execute(
            &format!("UPDATE tickets SET technician_id = {tina} WHERE id = {ticket}"),
            [],
        )
        .expect("assign");
    peer.deliver(
        "story-replies",
        "INBOX",
        &mail(
            "tina@example.test",
            &format!("[#{ticket}] VPN down"),
            "vpn-4@example.test",
            "",
            "Restarted the VPN concentrator.",
        ),
    );
    let fetched = fetch_now(&admin, id).await;
    fetched.assert_contains("Read: 3. Tickets: 1. Replies: 2.");
    let thread = app.text(&format!(
        "SELECT group_concat(body, ' // ') FROM (SELECT body FROM thread_entries
         WHERE ticket_id = {ticket} AND kind = 'text' ORDER BY id)"
    ));
    assert_eq!(
        thread,
        "It works again from home. // Restarted the VPN concentrator."
    );
    assert_eq!(
        app.count(&format!("SELECT count(*) FROM thread_entries WHERE ticket_id = {ticket} AND body LIKE '%VPN password%'")),
        0
    );
    let stranger = app.count("SELECT max(id) FROM tickets");
    assert_ne!(stranger, ticket);
    assert_eq!(
        app.text("SELECT reason FROM mails_handled WHERE key = 'vpn-3@example.test'"),
        "not-a-party"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT requester_id FROM tickets WHERE id = {ticket}"
        )),
        bob
    );

    // Resolved, then Bob answers again: the ticket reopens (GestSup's rule, on by default).
    app.sql()
        .execute(
            &format!("UPDATE tickets SET state_id = 3, resolved_at = 1 WHERE id = {ticket}"),
            [],
        )
        .expect("resolve");
    peer.deliver(
        "story-replies",
        "INBOX",
        &mail(
            "bob@example.test",
            &format!("Re: [#{ticket}] VPN down"),
            "vpn-5@example.test",
            "",
            "It is down again.",
        ),
    );
    fetch_now(&admin, id).await.assert_contains("Replies: 1.");
    assert_eq!(
        app.count(&format!("SELECT state_id FROM tickets WHERE id = {ticket}")),
        2
    );
    // Bob's account erased: the address the mails kept goes with it.
    let erased = admin
        .submit("/admin/users", &format!("/admin/users/{bob}/delete"), &[])
        .await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER, "{}", erased.body);
    assert_eq!(
        app.count("SELECT count(*) FROM mails_handled WHERE sender = 'bob@example.test'"),
        0
    );
    assert!(
        !admin
            .get(&format!("/tickets/{ticket}"))
            .await
            .body
            .contains("by mail from bob@example.test")
    );
    app.stop().await;
}

#[tokio::test]
async fn automatic_mails_our_own_and_excluded_senders_cause_nothing_and_are_marked_handled() {
    let Some(peer) = ImapPeer::get() else { return };
    let smtp = SmtpPeer::start();
    let (app, admin) = TestApp::with_admin().await;
    app.use_smtp(&smtp);
    app.set_setting("mail_newticket", "1");
    app.set_setting("mail_newticket_address", "dispatch@example.test");
    user(&app, "carl", "carl@example.test", Profile::User).await;
    peer.add_user("story-auto", PASSWORD);
    let id = add_mailbox(
        &app,
        &admin,
        &fields(
            peer,
            "Auto",
            "story-auto",
            &[("excluded", "@newsletter.example; boss@example.test")],
        ),
    )
    .await;
    let out_of_office = mail(
        "carl@example.test",
        "Automatic reply: VPN down",
        "auto-1@example.test",
        "Auto-Submitted: auto-replied\r\nX-Autoreply: yes\r\n",
        "I am out of the office until Monday.",
    );
    let bounce = b"From: Mail Delivery System <MAILER-DAEMON@example.test>\r\n\
To: helpdesk@example.test\r\nSubject: Undelivered Mail Returned to Sender\r\n\
Message-ID: <bounce-1@example.test>\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
--b\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n\
--b\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--b--\r\n"
        .to_vec();
    let own = mail(
        "helpdesk@example.test",
        "[#1] Ticket opened",
        "own-1@example.test",
        "",
        "Loop?",
    );
    let newsletter = mail(
        "news@newsletter.example",
        "Our offers",
        "news-1@example.test",
        "",
        "Buy.",
    );
    let boss = mail(
        "Boss@Example.test",
        "Hello",
        "boss-1@example.test",
        "",
        "Hi.",
    );
    for m in [&out_of_office, &bounce, &own, &newsletter, &boss] {
        peer.deliver("story-auto", "INBOX", m);
    }
    fetch_now(&admin, id)
        .await
        .assert_contains("Read: 5. Tickets: 0. Replies: 0. Ignored: 5.");
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);
    assert_eq!(app.count("SELECT count(*) FROM outbox"), 0);
    let reasons = app.text(
        "SELECT group_concat(reason, ',') FROM (SELECT reason FROM mails_handled ORDER BY key)",
    );
    assert_eq!(
        reasons,
        "auto-submitted,excluded,delivery-report,excluded,own-address"
    );
    assert!(
        peer.flags("story-auto", "INBOX")
            .iter()
            .all(|f| f.contains("\\Seen")),
        "every one is marked handled"
    );
    app.stop().await;
}

#[tokio::test]
async fn html_mails_foreign_charsets_and_files_are_kept_safely() {
    let Some(peer) = ImapPeer::get() else { return };
    let (app, admin) = TestApp::with_admin().await;
    user(&app, "dora", "dora@example.test", Profile::User).await;
    app.set_setting("attachment_max_mb", "8");
    peer.add_user("story-content", PASSWORD);
    peer.create_folder("story-content", "Done");
    let id = add_mailbox(
        &app,
        &admin,
        &fields(
            peer,
            "Content",
            "story-content",
            &[("after", "move"), ("move_to", "Done")],
        ),
    )
    .await;
    // HTML only, with a script, a style and a tracking image.
    let html = b"From: dora@example.test\r\nTo: support@example.test\r\nSubject: Screen\r\n\
Message-ID: <html-1@example.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>\
<p>My <b>screen</b> flickers.</p><ul><li>since Monday</li><li>only <a href=\"https://example.test/doc\">this one</a></li></ul>\
<img src=\"https://tracker.example/pixel.gif\" width=1 height=1><p onclick=\"steal()\">Thanks</p></body></html>\r\n"
        .to_vec();
    // ISO-8859-1 body, RFC 2047 subject.
    let mut latin = b"From: =?ISO-8859-1?Q?Dora_L=E9vy?= <dora@example.test>\r\nTo: support@example.test\r\n\
Subject: =?ISO-8859-1?Q?Probl=E8me_d'=E9cran?=\r\nMessage-ID: <latin-1@example.test>\r\nMIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        .to_vec();
    latin.extend_from_slice(b"L'\xe9cran reste noir apr\xe8s le d\xe9marrage.\r\n");
    // A 5 MB attachment, an inline image, and a program that must be refused.
    use base64::Engine;
    let b64 = |bytes: &[u8]| {
        base64::engine::general_purpose::STANDARD
            .encode(bytes)
            .as_bytes()
            .chunks(76)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("\r\n")
    };
    let big: Vec<u8> = (0..5 * 1024 * 1024u32)
        .map(|i| {
            if i % 64 == 63 {
                b'\n'
            } else {
                b'a' + (i % 26) as u8
            }
        })
        .collect();
    let files = format!(
        "From: dora@example.test\r\nTo: support@example.test\r\nSubject: Logs\r\n\
Message-ID: <files-1@example.test>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n\
--m\r\nContent-Type: multipart/related; boundary=\"r\"\r\n\r\n\
--r\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>See the picture <img src=\"cid:pic1\"></p>\r\n\
--r\r\nContent-Type: image/png\r\nContent-ID: <pic1>\r\nContent-Disposition: inline; filename=\"screen.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--r--\r\n\
--m\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"big.log\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n\
--m\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"setup.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--m--\r\n",
        b64(crate::common::PNG_LOGO),
        b64(&big),
        b64(b"MZ\x90\x00fake program"),
    );
    for m in [html, latin, files.into_bytes()] {
        peer.deliver("story-content", "INBOX", &m);
    }
    fetch_now(&admin, id)
        .await
        .assert_contains("Read: 3. Tickets: 3.");
    let description = |title: &str| {
        app.text(&format!(
            "SELECT description FROM tickets WHERE title = '{}'",
            title.replace('\'', "''")
        ))
    };
    let d = description("Screen");
    assert!(
        d.contains("**screen**") && d.contains("since Monday"),
        "{d}"
    );
    assert!(d.contains("[this one](<https://example.test/doc>)"), "{d}");
    for live in [
        "<script",
        "alert(",
        "color:red",
        "tracker.example",
        "onclick",
        "steal",
    ] {
        assert!(!d.contains(live), "{live} in {d}");
    }
    assert_eq!(
        description("Problème d'écran"),
        "L'écran reste noir après le démarrage."
    );
    let ticket = app.count("SELECT id FROM tickets WHERE title = 'Logs'");
    let kept = app.text(&format!(
        "SELECT group_concat(filename || ':' || size, ',') FROM (SELECT filename, size FROM attachments WHERE ticket_id = {ticket} ORDER BY filename)"
    ));
    assert_eq!(
        kept,
        format!(
            "big.log:{},screen.png:{}",
            big.len(),
            crate::common::PNG_LOGO.len()
        )
    );
    let page = admin.get(&format!("/tickets/{ticket}")).await;
    page.assert_contains("setup.exe is refused");
    // The attachment downloads whole.
    let file = app.count(&format!(
        "SELECT id FROM attachments WHERE ticket_id = {ticket} AND filename = 'big.log'"
    ));
    let got = admin
        .get(&format!("/tickets/{ticket}/attachments/{file}"))
        .await;
    assert_eq!(got.status, StatusCode::OK);
    // Moved to "Done" on the server.
    assert!(peer.flags("story-content", "INBOX").is_empty());
    assert_eq!(peer.flags("story-content", "Done").len(), 3);
    app.stop().await;
}

#[tokio::test]
async fn unreadable_mails_are_kept_aside_duplicates_give_one_ticket_and_unknown_senders_follow_the_setting()
 {
    let Some(peer) = ImapPeer::get() else { return };
    let smtp = SmtpPeer::start();
    let (app, admin) = TestApp::with_admin().await;
    app.use_smtp(&smtp);
    peer.add_user("story-odd", PASSWORD);
    let id = add_mailbox(
        &app,
        &admin,
        &fields(peer, "Odd", "story-odd", &[("after", "delete")]),
    )
    .await;
    let malformed = b"this is not a mail at all, no header, no sender\r\n".to_vec();
    let no_sender =
        b"Subject: Who am I\r\nMessage-ID: <nosender-1@example.test>\r\n\r\nNobody.\r\n".to_vec();
    let twice = mail(
        "erin@example.test",
        "Keyboard",
        "twice-1@example.test",
        "",
        "Keys stick.",
    );
    for m in [&malformed, &no_sender, &twice, &twice] {
        peer.deliver("story-odd", "INBOX", m);
    }
    fetch_now(&admin, id)
        .await
        .assert_contains("Read: 4. Tickets: 1.")
        .assert_contains("Ignored: 1. Rejected: 2.");
    // The unknown sender got an account (the default) and one ticket.
    assert_eq!(
        app.count("SELECT count(*) FROM tickets WHERE title = 'Keyboard'"),
        1
    );
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE mail = 'erin@example.test' AND profile_id = 2"),
        1
    );
    // Deleted on the server, every one.
    assert!(peer.flags("story-odd", "INBOX").is_empty());
    // The rejected mails, listed and downloadable by administrators only.
    let list = admin.get("/admin/mail-in/rejected").await;
    list.assert_contains("2 rejected mails.")
        .assert_contains("Who am I")
        .assert_contains("No sender address");
    let raw_id = app.count("SELECT min(id) FROM mail_rejects");
    let raw = admin
        .get(&format!("/admin/mail-in/rejected/{raw_id}"))
        .await;
    assert_eq!(raw.status, StatusCode::OK);
    assert!(raw.body.contains("this is not a mail at all"));
    assert!(
        raw.headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("attachment")),
        "served as a file"
    );
    let tech = app.login_as("terry", Profile::Technician).await;
    assert_ne!(
        tech.get("/admin/mail-in/rejected").await.status,
        StatusCode::OK
    );
    assert_ne!(
        tech.get(&format!("/admin/mail-in/rejected/{raw_id}"))
            .await
            .status,
        StatusCode::OK
    );

    // Unknown senders refused: a polite reply, no ticket, no account.
    let unknown = admin
        .submit(
            "/admin/mail-in",
            "/admin/mail-in",
            &[
                ("mail_in.unknown_sender", "refuse"),
                ("mail_in.acknowledge", "1"),
            ],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::SEE_OTHER, "{}", unknown.body);
    peer.deliver(
        "story-odd",
        "INBOX",
        &mail(
            "frank@example.test",
            "Mouse",
            "refused-1@example.test",
            "",
            "Broken.",
        ),
    );
    fetch_now(&admin, id)
        .await
        .assert_contains("Tickets: 0.")
        .assert_contains("Ignored: 1.");
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE mail = 'frank@example.test'"),
        0
    );
    // Erin's acknowledgement, then Frank's refusal.
    let got = smtp.wait_for(2, 20).await;
    let refusal = got
        .iter()
        .find(|m| m.rcpt == vec!["frank@example.test"])
        .expect("refusal");
    assert!(
        refusal.subject.contains("Your mail was not received"),
        "{}",
        refusal.subject
    );
    app.stop().await;
}

#[tokio::test]
async fn the_command_line_fetches_by_name_and_says_what_failed() {
    let Some(peer) = ImapPeer::get() else { return };
    let (app, admin) = TestApp::with_admin().await;
    peer.add_user("story-cli", PASSWORD);
    add_mailbox(&app, &admin, &fields(peer, "Shell", "story-cli", &[])).await;
    add_mailbox(
        &app,
        &admin,
        &fields(
            peer,
            "Broken",
            "story-cli",
            &[("password", "wrong one"), ("enabled", "")],
        ),
    )
    .await;
    app.sql()
        .execute("UPDATE mailboxes SET enabled = 0 WHERE name = 'Broken'", [])
        .expect("off");
    peer.deliver(
        "story-cli",
        "INBOX",
        &mail(
            "gina@example.test",
            "Phone",
            "cli-1@example.test",
            "",
            "No tone.",
        ),
    );
    let (ok, out) = app.run_command(&["mail-fetch"]);
    assert!(ok, "{out}");
    assert!(out.contains("Shell — read: 1, tickets: 1,"), "{out}");
    assert!(
        !out.contains("Broken"),
        "a switched-off mailbox is not read: {out}"
    );
    let (ok, out) = app.run_command(&["mail-fetch", "--mailbox", "broken"]);
    assert!(!ok && out.contains("refused the login"), "{out}");
    let (ok, out) = app.run_command(&["mail-fetch", "--mailbox", "Nope"]);
    assert!(!ok && out.contains("No mailbox is named \"Nope\""), "{out}");
    admin
        .get("/admin/mail-in/fetches")
        .await
        .assert_contains("Command line")
        .assert_contains("Broken");
    app.stop().await;
}

fn serve(dir: &std::path::Path, port: u16) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_gestdesk"))
        .env("GESTDESK_DATA_DIR", dir)
        .env("RUST_LOG", "warn")
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("serve")
}

fn count(dir: &std::path::Path, sql: &str) -> i64 {
    rusqlite::Connection::open(dir.join("gestdesk.sqlite3"))
        .and_then(|c| c.query_row(sql, [], |r| r.get(0)))
        .unwrap_or(0)
}

#[tokio::test]
async fn a_server_killed_during_a_fetch_of_200_mails_gives_each_mail_exactly_one_ticket() {
    let Some(peer) = ImapPeer::get() else { return };
    let (app, admin) = TestApp::with_admin().await;
    peer.add_user("story-kill", PASSWORD);
    let mut many = Vec::new();
    for n in 0..200 {
        many.extend(mail(
            &format!("user{n}@example.test"),
            &format!("Request {n}"),
            &format!("kill-{n}@example.test"),
            "",
            "Please help.",
        ));
        peer.deliver("story-kill", "INBOX", many.as_slice());
        many.clear();
    }
    // Read by the server's own schedule, from its start.
    add_mailbox(
        &app,
        &admin,
        &fields(peer, "Load", "story-kill", &[("interval_minutes", "1")]),
    )
    .await;
    let dir = app.pause().await;
    let port = crate::common::free_port();
    let mut server = serve(dir.path(), port);
    let deadline = Instant::now() + Duration::from_secs(120);
    while count(dir.path(), "SELECT count(*) FROM tickets") < 40 {
        assert!(Instant::now() < deadline, "the fetch did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill().expect("kill");
    server.wait().expect("killed");
    let done_before = count(dir.path(), "SELECT count(*) FROM tickets");
    assert!(done_before < 200, "killed too late to tell: {done_before}");

    let mut server = serve(dir.path(), port);
    let deadline = Instant::now() + Duration::from_secs(180);
    while peer
        .flags("story-kill", "INBOX")
        .iter()
        .any(|f| !f.contains("\\Seen"))
    {
        assert!(Instant::now() < deadline, "the mails were not all handled");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    server.kill().expect("stop");
    server.wait().expect("stopped");
    assert_eq!(count(dir.path(), "SELECT count(*) FROM tickets"), 200);
    assert_eq!(
        count(dir.path(), "SELECT count(DISTINCT title) FROM tickets"),
        200
    );
    assert_eq!(
        count(
            dir.path(),
            "SELECT count(*) FROM mails_handled WHERE outcome = 'ticket'"
        ),
        200
    );
    let ok: String = rusqlite::Connection::open(dir.path().join("gestdesk.sqlite3"))
        .and_then(|c| c.query_row("PRAGMA integrity_check", [], |r| r.get(0)))
        .expect("check");
    assert_eq!(ok, "ok");
    TestApp::resume(dir).await.stop().await;
}
