//! Outgoing mail through a real SMTP server (aiosmtpd on loopback): the connector's settings and
//! test button over plain, STARTTLS and implicit TLS with a login; the automatic mails, each to
//! the right person in their language; the manual mail of a ticket; the outbox keeping every
//! mail through an outage and sending each once; bad input refused.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::smtp::{self, SmtpPeer};
use crate::common::{Client, TestApp, open_ticket};

/// Saves the mail settings page with `fields` (the other fields keep their values).
async fn save_mail_settings(admin: &Client, fields: &[(&str, &str)]) {
    let reply = admin.submit("/admin/mail", "/admin/mail", fields).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
}

/// Presses "Send a test mail" to `to`; returns the page.
async fn press_test(admin: &Client, to: &str) -> crate::common::http::Reply {
    admin
        .submit("/admin/mail", "/admin/mail/test", &[("to", to)])
        .await
}

#[tokio::test]
async fn the_connector_sends_over_starttls_and_implicit_tls_with_a_login_and_names_each_failure() {
    let mut peer = SmtpPeer::start();
    let (app, admin) = TestApp::with_admin().await;
    let port = peer.plain_port.to_string();
    // STARTTLS with a login; the server's certificate is self-signed.
    save_mail_settings(
        &admin,
        &[
            ("smtp.enabled", "1"),
            ("smtp.host", "127.0.0.1"),
            ("smtp.port", &port),
            ("smtp.security", "starttls"),
            ("smtp.accept_invalid_certs", "1"),
            ("smtp.auth", "1"),
            ("smtp.username", smtp::USER),
            ("smtp.password", smtp::PASSWORD),
            ("smtp.from", "helpdesk@example.test"),
            ("smtp.from_name", "ACME support"),
        ],
    )
    .await;
    // The password is stored, never shown back, never in the history.
    let page = admin.get("/admin/mail").await;
    assert!(!page.body.contains(smtp::PASSWORD));
    page.assert_contains("A password is stored");
    let log = admin.get("/admin/settings/log").await;
    assert!(!log.body.contains(smtp::PASSWORD));
    assert_eq!(
        app.count("SELECT count(*) FROM settings_log WHERE key = 'smtp.password' AND new_value = '********'"),
        1
    );

    let ok = press_test(&admin, "ana@example.test").await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    ok.assert_contains("The server accepted the test mail")
        .assert_contains("250");
    let got = peer.wait_for(1, 10).await;
    assert_eq!(got[0].rcpt, vec!["ana@example.test"]);
    assert_eq!(got[0].authenticated, smtp::USER);
    assert!(got[0].tls, "STARTTLS was not used");
    assert_eq!(got[0].subject, "Gestdesk test mail");
    assert!(got[0].raw.contains("ACME support"));
    assert!(got[0].text.contains("can send mails") && got[0].html.contains("<html"));

    // Saving the page again with the password left empty keeps it.
    let tls_port = peer.tls_port.to_string();
    save_mail_settings(
        &admin,
        &[
            ("smtp.enabled", "1"),
            ("smtp.port", &tls_port),
            ("smtp.security", "tls"),
            ("smtp.accept_invalid_certs", "1"),
            ("smtp.auth", "1"),
            ("smtp.password", ""),
        ],
    )
    .await;
    let ok = press_test(&admin, "bob@example.test").await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let got = peer.wait_for(2, 10).await;
    assert_eq!(got[1].rcpt, vec!["bob@example.test"]);
    assert_eq!(got[1].authenticated, smtp::USER);
    assert!(got[1].tls);

    // A wrong password.
    save_mail_settings(
        &admin,
        &[
            ("smtp.enabled", "1"),
            ("smtp.auth", "1"),
            ("smtp.accept_invalid_certs", "1"),
            ("smtp.password", "wrong"),
        ],
    )
    .await;
    press_test(&admin, "ana@example.test")
        .await
        .assert_contains("The server refused the login or password");
    // The certificate checked (self-signed: refused).
    save_mail_settings(
        &admin,
        &[
            ("smtp.enabled", "1"),
            ("smtp.auth", "1"),
            ("smtp.password", smtp::PASSWORD),
        ],
    )
    .await;
    press_test(&admin, "ana@example.test")
        .await
        .assert_contains("The encrypted connection failed (TLS)");
    // Nobody listening.
    peer.stop();
    save_mail_settings(
        &admin,
        &[
            ("smtp.enabled", "1"),
            ("smtp.accept_invalid_certs", "1"),
            ("smtp.auth", "1"),
        ],
    )
    .await;
    press_test(&admin, "ana@example.test")
        .await
        .assert_contains("Could not connect to 127.0.0.1");
    // A name that does not exist.
    save_mail_settings(
        &admin,
        &[("smtp.enabled", "1"), ("smtp.host", "no-such-host.invalid")],
    )
    .await;
    press_test(&admin, "ana@example.test")
        .await
        .assert_contains("could not be found (DNS)");
    // A bad address is refused before anything is sent.
    press_test(&admin, "ana@example.test\r\nBcc: x@evil.test")
        .await
        .assert_contains("is not a valid mail address");
    app.stop().await;
}

/// A technician and a requester with addresses and languages, and the connector pointing at
/// `peer` with every automatic mail on.
async fn helpdesk_with_mail(peer: &SmtpPeer) -> (TestApp, Client, Client, i64) {
    let (app, _admin) = TestApp::with_admin().await;
    app.use_smtp(peer);
    for key in [
        "mail_auto",
        "mail_auto_user_modify",
        "mail_auto_tech_modify",
        "mail_newticket",
    ] {
        app.set_setting(key, "1");
    }
    app.set_setting("mail_newticket_address", "desk-admins@example.test");
    let tech = app.login_as("tom", Profile::Technician).await;
    app.set_mail("tom", "tom@example.test", "en");
    let user = app.login_as("uwe", Profile::User).await;
    app.set_mail("uwe", "uwe@example.test", "de");
    let uwe = app.user_id("uwe");
    (app, tech, user, uwe)
}

#[tokio::test]
async fn automatic_mails_reach_the_right_person_in_their_language() {
    let peer = SmtpPeer::start();
    let (app, tech, user, uwe) = helpdesk_with_mail(&peer).await;
    let requester = format!("u{uwe}");

    // A technician opens a ticket for Uwe: Uwe gets it, in German, numbered.
    let id = open_ticket(
        &app,
        &tech,
        &[
            ("requester", &requester),
            ("title", "Drucker klemmt"),
            ("description", "Papier **staut** sich"),
        ],
    )
    .await;
    let got = peer.wait_for(1, 10).await;
    assert_eq!(got[0].rcpt, vec!["uwe@example.test"]);
    assert_eq!(
        got[0].subject,
        format!("[#{id}] Ticket eröffnet: Drucker klemmt")
    );
    assert!(
        got[0].html.contains("<strong>staut</strong>"),
        "{}",
        got[0].html
    );
    // The text part reads as text, not Markdown.
    assert!(got[0].text.contains("Papier staut sich"), "{}", got[0].text);
    assert!(
        got[0]
            .text
            .contains(&format!("http://help.example.test/tickets/{id}"))
    );
    assert!(
        got[0].text.contains("Ihr Techniker: Test tom"),
        "{}",
        got[0].text
    );
    assert_eq!(got[0].from, "helpdesk@example.test");

    // Uwe replies: Tom gets it, in English. Nobody mails Uwe about his own reply.
    let r = user
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", "Noch immer kaputt")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let got = peer.wait_for(2, 10).await;
    assert_eq!(got[1].rcpt, vec!["tom@example.test"]);
    assert_eq!(
        got[1].subject,
        format!("[#{id}] Changed by the requester: Drucker klemmt")
    );
    assert!(got[1].text.contains("Noch immer kaputt"));

    // Tom answers with a hidden note: no mail. Then visibly: Uwe gets it.
    let r = tech
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", "internal: order a new fuser"), ("private", "1")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = tech
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", "Fixiereinheit bestellt")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let got = peer.wait_for(3, 10).await;
    assert_eq!(got[2].rcpt, vec!["uwe@example.test"]);
    assert_eq!(
        got[2].subject,
        format!("[#{id}] Neue Antwort: Drucker klemmt")
    );
    assert!(got[2].text.contains("Fixiereinheit bestellt"));
    for m in &got {
        assert!(!m.text.contains("internal: order") && !m.html.contains("internal: order"));
    }

    // Tom corrects his visible reply: Uwe gets the new text.
    let entry = app.count(&format!(
        "SELECT id FROM thread_entries WHERE ticket_id = {id} AND body = 'Fixiereinheit bestellt'"
    ));
    let r = tech
        .submit(
            &format!("/tickets/{id}"),
            &format!("/tickets/{id}/entries/{entry}"),
            &[("body", "Fixiereinheit bestellt, Lieferung morgen")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let got = peer.wait_for(4, 10).await;
    assert_eq!(
        got[3].subject,
        format!("[#{id}] Neue Antwort: Drucker klemmt")
    );
    assert!(got[3].text.contains("Lieferung morgen"));

    // Tom closes it: Uwe is told.
    let r = tech
        .send_ticket_form(&format!("/tickets/{id}"), &[("state_id", "3")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let got = peer.wait_for(5, 10).await;
    assert_eq!(
        got[4].subject,
        format!("[#{id}] Ticket geschlossen: Drucker klemmt")
    );

    // Uwe opens a ticket himself: the administrators' address hears of it (no user there:
    // the default language, French).
    let own = open_ticket(&app, &user, &[("title", "Maus defekt")]).await;
    let got = peer.wait_for(6, 10).await;
    assert_eq!(got[5].rcpt, vec!["desk-admins@example.test"]);
    assert_eq!(
        got[5].subject,
        format!("[#{own}] Nouveau ticket: Maus defekt")
    );

    // A disabled requester gets nothing.
    app.sql()
        .execute("UPDATE users SET disabled = 1 WHERE login = 'uwe'", [])
        .expect("disable");
    let r = tech
        .send_ticket_form(&format!("/tickets/{id}"), &[("reply", "Noch da?")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    app.outbox_drained(10).await;
    assert_eq!(peer.received().len(), 6);

    // Every mail is recorded on its ticket and in the outbox as sent.
    assert_eq!(
        app.count("SELECT count(*) FROM outbox WHERE state = 'sent'"),
        6
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM thread_entries WHERE ticket_id = {id} AND kind = 'mail'"
        )),
        5
    );
    tech.get(&format!("/tickets/{id}"))
        .await
        .assert_contains("mailed uwe@example.test");

    // The link in the mail lands on the ticket once logged in.
    let path = format!("/tickets/{id}");
    let reader = app.client();
    let to_login = reader.get(&path).await;
    let login_page = to_login.location().expect("sent to log in").to_owned();
    assert_eq!(login_page, format!("/login?next=%2Ftickets%2F{id}"));
    app.sql()
        .execute("UPDATE users SET disabled = 0 WHERE login = 'uwe'", [])
        .expect("enable");
    let reply = reader
        .submit(
            &login_page,
            "/login",
            &[
                ("login", "uwe"),
                ("password", "password-of-uwe"),
                ("next", &path),
            ],
        )
        .await;
    assert_eq!(reply.location(), Some(path.as_str()));
    app.stop().await;
}

#[tokio::test]
async fn mails_carry_the_settings_texts_colours_thread_order_and_file_names() {
    let peer = SmtpPeer::start();
    let (app, tech, _user, uwe) = helpdesk_with_mail(&peer).await;
    app.sql()
        .execute(
            "UPDATE users SET phone = '+33 1 23 45 67 89' WHERE login = 'tom'",
            [],
        )
        .expect("phone");
    app.set_setting(
        "mail_txt",
        "<p>Hello from <b>[tech_name]</b><script>alert(1)</script><img src=x onerror=alert(2)></p>",
    );
    app.set_setting("mail_txt_end", "<p>Call [tech_phone] or follow [link]</p>");
    app.set_setting("mail_color_title", "#aa3300");
    app.set_setting("mail_order", "1");
    let id = open_ticket(
        &app,
        &tech,
        &[("requester", &format!("u{uwe}")), ("title", "Screen")],
    )
    .await;
    for reply in ["first answer", "second answer"] {
        let r = tech
            .send_ticket_form(
                &format!("/tickets/{id}"),
                &[("reply", reply)],
                &[("photo.png", b"\x89PNG\r\n\x1a\n....")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    let got = peer.wait_for(3, 10).await;
    let last = got
        .iter()
        .find(|m| m.text.contains("second answer"))
        .expect("the mail about the second answer");
    assert!(
        last.html.contains("Hello from <b>Test tom</b>"),
        "{}",
        last.html
    );
    assert!(!last.html.contains("<script") && !last.html.contains("onerror"));
    assert!(last.html.contains("color:#aa3300"));
    assert!(last.html.contains(&format!(
        "<a href=\"http://help.example.test/tickets/{id}\""
    )));
    assert!(
        last.text
            .contains("Call +33 1 23 45 67 89 or follow http://help.example.test/tickets/")
    );
    // Newest first, as set.
    let (second, first) = (
        last.text.find("second answer").expect("second"),
        last.text.find("first answer").expect("first"),
    );
    assert!(second < first, "{}", last.text);
    assert!(last.text.contains("- photo.png"), "{}", last.text);
    app.stop().await;
}

#[tokio::test]
async fn a_clean_stop_while_sending_loses_nothing_and_sends_nothing_twice() {
    let peer = SmtpPeer::start();
    let (app, _admin) = TestApp::with_admin().await;
    app.use_smtp(&peer);
    let total = 300;
    app.sql()
        .execute(
            "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?1)
             INSERT INTO outbox (created_at, kind, to_addrs, subject, html, text, message_id, next_at)
             SELECT 0, 'test', 'bulk' || i || '@example.test', 'Bulk ' || i, '<p>hi</p>', 'hi',
                    'bulk.' || i, 0 FROM k",
            [total],
        )
        .expect("fill the outbox");
    // Stop as soon as sending has begun.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while peer.received().is_empty() {
        assert!(std::time::Instant::now() < deadline, "nothing sent");
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let app = app.restart().await;
    assert_eq!(
        app.count("SELECT count(*) FROM outbox WHERE state = 'sending'"),
        0,
        "a clean stop left mails half sent"
    );
    let got = peer.wait_for(total as usize, 60).await;
    app.outbox_drained(30).await;
    let got = if peer.received().len() > got.len() {
        peer.received()
    } else {
        got
    };
    let mut ids: Vec<String> = got.iter().map(|m| m.message_id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(got.len(), total as usize, "some mail went twice");
    assert_eq!(ids.len(), total as usize);
    assert_eq!(
        app.count("SELECT count(*) FROM outbox WHERE state = 'sent'"),
        total
    );
    app.stop().await;
}

#[tokio::test]
async fn a_technician_group_in_charge_is_mailed_member_by_member() {
    let peer = SmtpPeer::start();
    let (app, tech, user, uwe) = helpdesk_with_mail(&peer).await;
    app.set_setting("mail_auto", "0");
    app.create_user("tara", "password-of-tara", Profile::Technician)
        .await;
    app.set_mail("tara", "tara@example.test", "fr");
    app.create_user("tim", "password-of-tim", Profile::Technician)
        .await;
    app.set_mail("tim", "", "en");
    let conn = app.sql();
    conn.execute(
        "INSERT INTO groups (name, kind) VALUES ('Network', 'technician')",
        [],
    )
    .expect("group");
    let group = conn.last_insert_rowid();
    for login in ["tom", "tara", "tim"] {
        conn.execute(
            "INSERT INTO group_members (group_id, user_id) VALUES (?1, ?2)",
            [group, app.user_id(login)],
        )
        .expect("member");
    }
    let id = open_ticket(
        &app,
        &tech,
        &[
            ("requester", &format!("u{uwe}")),
            ("technician", &format!("g{group}")),
            ("title", "Switch down"),
        ],
    )
    .await;
    let r = user
        .send_ticket_form(&format!("/tickets/{id}"), &[("reply", "Immer noch")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // Tom and Tara (each in their language); Tim has no address.
    let got = peer.wait_for(2, 10).await;
    let mut pairs: Vec<(String, String)> = got
        .iter()
        .map(|m| (m.rcpt.join(","), m.subject.clone()))
        .collect();
    pairs.sort();
    assert_eq!(
        pairs,
        vec![
            (
                "tara@example.test".to_owned(),
                format!("[#{id}] Modifié par le demandeur: Switch down")
            ),
            (
                "tom@example.test".to_owned(),
                format!("[#{id}] Changed by the requester: Switch down")
            ),
        ]
    );
    app.outbox_drained(10).await;
    assert_eq!(peer.received().len(), 2);
    app.stop().await;
}

#[tokio::test]
async fn a_technician_mails_from_a_ticket_after_a_preview() {
    let peer = SmtpPeer::start();
    let (app, tech, _user, uwe) = helpdesk_with_mail(&peer).await;
    for key in ["mail_auto", "mail_newticket"] {
        app.set_setting(key, "0");
    }
    let id = open_ticket(
        &app,
        &tech,
        &[("requester", &format!("u{uwe}")), ("title", "VPN")],
    )
    .await;
    let page = format!("/tickets/{id}/mail");
    let form = tech.get(&page).await;
    assert_eq!(form.status, StatusCode::OK);
    // The requester is picked and the subject carries the number.
    form.assert_contains(&format!("<option value=\"{uwe}\" selected"))
        .assert_contains(&format!("[#{id}] Ticket: VPN"));

    // Bad input comes back with messages and what was typed.
    let bad = tech
        .submit(
            &page,
            &page,
            &[
                ("users", &uwe.to_string()),
                ("others", "boss@example.test, not-an-address"),
                ("subject", "Hello\r\nBcc: everyone@example.test"),
                ("message", &"x".repeat(20_001)),
                ("action", "send"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("&quot;not-an-address&quot; is not a valid mail address")
        .assert_contains("The subject must fit on one line")
        .assert_contains("At most 20000 characters")
        .assert_contains("boss@example.test, not-an-address");
    assert_eq!(app.count("SELECT count(*) FROM outbox"), 0);
    // A ticket's mail is not a mailing list: fifty addresses at most.
    let crowd: Vec<String> = (0..60).map(|n| format!("p{n}@example.test")).collect();
    let crowd = crowd.join(", ");
    let many = tech
        .submit(
            &page,
            &page,
            &[
                ("others", crowd.as_str()),
                ("subject", "Hello"),
                ("action", "send"),
            ],
        )
        .await;
    assert_eq!(many.status, StatusCode::UNPROCESSABLE_ENTITY);
    many.assert_contains("At most 50 addresses per mail");
    assert_eq!(app.count("SELECT count(*) FROM outbox"), 0);

    let fields = [
        ("users", uwe.to_string()),
        ("others", "boss@example.test".to_owned()),
        ("cc", "team@example.test".to_owned()),
        ("subject", format!("[#{id}] Your VPN access")),
        ("message", "Your access is **ready**.".to_owned()),
    ];
    let mut preview: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    preview.push(("action", "preview"));
    let shown = tech.submit(&page, &page, &preview).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    shown
        .assert_contains("uwe@example.test, boss@example.test")
        .assert_contains("srcdoc=")
        .assert_contains("&lt;strong&gt;ready&lt;/strong&gt;");
    assert_eq!(app.count("SELECT count(*) FROM outbox"), 0);

    let mut send: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    send.push(("action", "send"));
    let sent = tech.submit(&page, &page, &send).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let got = peer.wait_for(1, 10).await;
    let mut rcpt = got[0].rcpt.clone();
    rcpt.sort();
    assert_eq!(
        rcpt,
        vec!["boss@example.test", "team@example.test", "uwe@example.test"]
    );
    assert_eq!(got[0].cc, vec!["team@example.test"]);
    assert_eq!(got[0].subject, format!("[#{id}] Your VPN access"));
    assert!(got[0].html.contains("<strong>ready</strong>"));
    // Recorded in the thread, with its state.
    app.outbox_drained(10).await;
    tech.get(&format!("/tickets/{id}"))
        .await
        .assert_contains("Your VPN access (sent)");

    // A user may not mail from tickets.
    let user = app.client();
    user.login("uwe", "password-of-uwe").await;
    assert_eq!(user.get(&page).await.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn the_outbox_keeps_every_mail_while_the_server_is_down_and_sends_each_once() {
    let mut peer = SmtpPeer::start();
    let (app, tech, _user, uwe) = helpdesk_with_mail(&peer).await;
    peer.stop();
    // Tickets keep being saved while the SMTP server is away.
    let mut ids = Vec::new();
    for n in 0..5 {
        let started = std::time::Instant::now();
        ids.push(
            open_ticket(
                &app,
                &tech,
                &[
                    ("requester", &format!("u{uwe}")),
                    ("title", &format!("Outage {n}")),
                ],
            )
            .await,
        );
        assert!(started.elapsed().as_secs() < 5, "saving waited on SMTP");
    }
    // The worker tried, failed, and put them back for later.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.count("SELECT count(*) FROM outbox WHERE attempts > 0") < 5 {
        assert!(std::time::Instant::now() < deadline, "no attempt was made");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.count("SELECT count(*) FROM outbox WHERE state = 'queued'"),
        5
    );
    let admin = app.client();
    admin
        .login(crate::common::ADMIN_LOGIN, crate::common::ADMIN_PASSWORD)
        .await;
    admin
        .get("/admin/outbox?state=queued")
        .await
        .assert_contains("Connection refused")
        .assert_contains("waiting to be sent");

    // The server restarts (with the mails still waiting), the SMTP server comes back, an
    // administrator asks for an early retry: every mail arrives exactly once.
    let app = app.restart().await;
    peer.resume();
    let admin = app.client();
    admin
        .login(crate::common::ADMIN_LOGIN, crate::common::ADMIN_PASSWORD)
        .await;
    let ids_in_outbox: Vec<i64> = {
        let conn = app.sql();
        let mut stmt = conn.prepare("SELECT id FROM outbox").expect("query");
        stmt.query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("ids")
    };
    for mail in ids_in_outbox {
        let r = admin
            .submit("/admin/outbox", &format!("/admin/outbox/{mail}/retry"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let got = peer.wait_for(5, 20).await;
    app.outbox_drained(20).await;
    let got_after = peer.received();
    assert_eq!(got_after.len(), 5, "a mail was sent twice: {got:?}");
    let mut subjects: Vec<String> = got_after.iter().map(|m| m.subject.clone()).collect();
    subjects.sort();
    let mut expected: Vec<String> = ids
        .iter()
        .enumerate()
        .map(|(n, id)| format!("[#{id}] Ticket eröffnet: Outage {n}"))
        .collect();
    expected.sort();
    assert_eq!(subjects, expected);
    assert_eq!(
        app.count("SELECT count(*) FROM outbox WHERE state = 'sent'"),
        5
    );

    // A refusal for good is marked failed with the server's answer, and does not block others.
    app.set_mail("uwe", "reject-uwe@example.test", "de");
    let tech = app.client();
    tech.login("tom", "password-of-tom").await;
    open_ticket(
        &app,
        &tech,
        &[("requester", &format!("u{uwe}")), ("title", "Refused")],
    )
    .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.count("SELECT count(*) FROM outbox WHERE state = 'failed'") < 1 {
        assert!(std::time::Instant::now() < deadline, "not marked failed");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        app.text("SELECT last_error FROM outbox WHERE state = 'failed'")
            .contains("550")
    );
    app.stop().await;
}

#[tokio::test]
async fn mail_settings_and_the_test_mail_work_from_the_shell_with_the_secret_masked() {
    let peer = SmtpPeer::start();
    let (app, _admin) = TestApp::with_admin().await;
    let dir = app.data_dir().to_owned();
    let run = |args: &[&str], stdin: &str| {
        use std::io::Write;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gestdesk"))
            .arg("--data-dir")
            .arg(&dir)
            .args(args)
            .env("LANG", "en_US.UTF-8")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run gestdesk");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("output");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let port = peer.plain_port.to_string();
    for (k, v) in [
        ("smtp.enabled", "1"),
        ("smtp.host", "127.0.0.1"),
        ("smtp.port", port.as_str()),
        ("smtp.security", "none"),
        ("smtp.auth", "1"),
        ("smtp.username", smtp::USER),
        ("smtp.from", "helpdesk@example.test"),
    ] {
        let (ok, out) = run(&["settings", "set", k, v], "");
        assert!(ok, "{k}: {out}");
    }
    // The password from standard input; shown masked everywhere.
    let (ok, out) = run(
        &["settings", "set", "smtp.password", "-"],
        &format!("{}\n", smtp::PASSWORD),
    );
    assert!(ok, "{out}");
    assert!(out.contains("smtp.password = ********") && !out.contains(smtp::PASSWORD));
    let (_, list) = run(&["settings", "list"], "");
    assert!(list.contains("smtp.password = ********") && !list.contains(smtp::PASSWORD));
    let (_, got) = run(&["settings", "get", "smtp.password"], "");
    assert_eq!(got.trim(), "********");
    let (ok, out) = run(&["settings", "set", "smtp.port", "70000"], "");
    assert!(!ok && out.contains("65535"), "{out}");

    // --now sends from the command and prints the answer.
    let (ok, out) = run(&["mail-test", "--to", "ops@example.test", "--now"], "");
    assert!(
        ok && out.contains("The server accepted the mail: 250"),
        "{out}"
    );
    let got = peer.wait_for(1, 10).await;
    assert_eq!(got[0].authenticated, smtp::USER);
    // Without --now the running server sends it from the outbox.
    let (ok, out) = run(&["mail-test", "--to", "ops2@example.test"], "");
    assert!(ok && out.contains("is in the outbox"), "{out}");
    let got = peer.wait_for(2, 10).await;
    assert_eq!(got[1].rcpt, vec!["ops2@example.test"]);
    let (ok, out) = run(&["mail-test", "--to", "nope"], "");
    assert!(!ok && out.contains("not a valid mail address"), "{out}");
    app.stop().await;
}

#[tokio::test]
async fn without_a_sender_mails_go_from_the_technician_readable_and_in_the_recipients_language() {
    let peer = SmtpPeer::start();
    let (app, tech, user, uwe) = helpdesk_with_mail(&peer).await;
    app.set_setting("smtp.from", "");
    app.set_setting("mail_newticket", "0");
    let tom = app.user_id("tom");

    // Uwe answers his ticket that Tom handles: Tom's mail comes from Tom's address, never
    // from Uwe's, and its text part reads as text, not Markdown.
    let id = open_ticket(
        &app,
        &tech,
        &[
            ("requester", &format!("u{uwe}")),
            ("technician", &format!("u{tom}")),
            ("title", "Drucker"),
            (
                "description",
                "Papier **staut** sich, siehe [Handbuch](https://docs.example.test/p)",
            ),
        ],
    )
    .await;
    let first = peer.wait_for(1, 10).await;
    assert_eq!(
        first[0].from, "tom@example.test",
        "a technician's change goes from them"
    );
    assert!(
        first[0].text.contains("Papier staut sich"),
        "{}",
        first[0].text
    );
    assert!(
        first[0]
            .text
            .contains("Handbuch <https://docs.example.test/p>"),
        "{}",
        first[0].text
    );
    assert!(!first[0].text.contains("**"), "{}", first[0].text);
    let r = user
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", "- Fach *zwei* leer")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let got = peer.wait_for(2, 10).await;
    let to_tom = got
        .iter()
        .find(|m| m.rcpt == ["tom@example.test"])
        .expect("mail to Tom");
    assert_ne!(to_tom.from, "uwe@example.test");
    assert_eq!(to_tom.from, "tom@example.test");
    assert!(to_tom.text.contains("- Fach zwei leer"), "{}", to_tom.text);

    // A manual mail to Uwe's address typed by hand is written in his language, and the
    // preview says so.
    let page = format!("/tickets/{id}/mail");
    let preview = tech
        .submit(
            &page,
            &page,
            &[
                ("others", "uwe@example.test"),
                ("subject", "Drucker"),
                ("message", "Bitte **neu starten**."),
                ("action", "preview"),
            ],
        )
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    preview.assert_contains(r#"<dd class="mail-language">Deutsch</dd>"#);
    let sent = tech
        .submit(
            &page,
            &page,
            &[
                ("others", "uwe@example.test"),
                ("subject", "Drucker"),
                ("message", "Bitte **neu starten**."),
                ("action", "send"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let got = peer.wait_for(3, 10).await;
    let manual = got
        .iter()
        .find(|m| m.subject == "Drucker")
        .expect("manual mail");
    assert!(
        manual.text.contains("Bitte neu starten."),
        "{}",
        manual.text
    );
    assert!(manual.text.contains("Titel"), "in German: {}", manual.text);
    app.stop().await;
}

#[tokio::test]
async fn set_up_fills_the_server_address_and_the_mail_page_warns_while_it_is_empty() {
    let app = TestApp::spawn().await;
    let admin = app.client();
    admin.create_first_admin(&app).await;
    let url = app.text("SELECT value FROM settings WHERE key = 'server_url'");
    assert!(
        url.starts_with("http://") && !url.contains("localhost:0"),
        "{url}"
    );
    assert_eq!(
        app.text("SELECT value FROM settings WHERE key = 'default_language'"),
        "en"
    );
    let page = admin.get("/admin/mail").await;
    assert!(!page.body.contains("server-url-missing"));
    app.set_setting("server_url", "");
    let page = admin.get("/admin/mail").await;
    page.assert_contains("server-url-missing")
        .assert_contains("Links to tickets in mails are empty");
    app.stop().await;
}

/// The reset link in a mail's text part.
fn reset_link(text: &str) -> String {
    let at = text.find("/password/reset/").expect("link in the mail");
    let start = text[..at]
        .rfind(|c: char| c.is_whitespace() || c == '<')
        .map_or(0, |i| i + 1);
    let end = at
        + text[at..]
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(text.len() - at);
    text[start..end].to_owned()
}

#[tokio::test]
async fn a_forgotten_password_is_replaced_through_a_single_use_link_sent_by_mail() {
    let peer = SmtpPeer::start();
    let (app, _tech, user, _uwe) = helpdesk_with_mail(&peer).await;
    let visitor = app.client_in("en");
    visitor
        .get("/login")
        .await
        .assert_contains(r#"href="/password/forgot""#);

    // The same answer for an account and for nobody; only the account gets a mail, in its
    // language, with a link to this server.
    for who in ["uwe", "nobody-here"] {
        let r = visitor
            .submit("/password/forgot", "/password/forgot", &[("who", who)])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        r.assert_contains("If an account matches what you typed");
    }
    let got = peer.wait_for(1, 10).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].rcpt, vec!["uwe@example.test"]);
    assert_eq!(got[0].subject, "Neues Passwort wählen");
    let link = reset_link(&got[0].text);
    assert!(
        link.starts_with("http://help.example.test/password/reset/"),
        "{link}"
    );
    let path = link
        .trim_start_matches("http://help.example.test")
        .to_owned();

    // A weak password is refused; a good one is set, ends Uwe's sessions and logs in.
    visitor
        .get(&path)
        .await
        .assert_contains("Choose a new password");
    let weak = visitor
        .submit(
            &path,
            &path,
            &[("password", "short"), ("password_confirm", "short")],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fine = "a brand new secret 42";
    let r = visitor
        .submit(
            &path,
            &path,
            &[("password", fine), ("password_confirm", fine)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), Some("/login"));
    assert_eq!(
        user.get("/tickets").await.status,
        StatusCode::SEE_OTHER,
        "old session ended"
    );
    let fresh = app.client();
    assert_eq!(fresh.login("uwe", fine).await.status, StatusCode::SEE_OTHER);
    // The link works once.
    let again = visitor.get(&path).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    again.assert_contains("This link no longer works");

    // Only the newest link works, and an account gets three a hour at most.
    for _ in 0..3 {
        visitor
            .submit(
                "/password/forgot",
                "/password/forgot",
                &[("who", "uwe@example.test")],
            )
            .await;
    }
    let got = peer.wait_for(3, 10).await;
    app.outbox_drained(10).await;
    let got_all = peer.received();
    assert_eq!(
        got_all.len(),
        3,
        "the fourth request of the hour sent nothing"
    );
    // The first link was used; of the two newer ones, only one (the newest) still works.
    let working: Vec<bool> = {
        let mut w = Vec::new();
        for m in &got {
            let p = reset_link(&m.text)
                .trim_start_matches("http://help.example.test")
                .to_owned();
            if p != path {
                w.push(visitor.get(&p).await.status == StatusCode::OK);
            }
        }
        w
    };
    assert_eq!(working.iter().filter(|w| **w).count(), 1, "{working:?}");

    // With no server address set, a forged Host never becomes the link's site (the token
    // would go there): the link names this server.
    app.set_setting("server_url", "");
    let token = visitor.get("/password/forgot").await.csrf();
    let r = visitor
        .post_with(
            "/password/forgot",
            &[("_csrf", &token), ("who", "admin")],
            &[("host", "evil.example")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let mails = peer.wait_for(4, 10).await;
    let to_admin = mails
        .iter()
        .find(|m| m.rcpt == ["ada@example.test"])
        .expect("mail to the administrator");
    let link = reset_link(&to_admin.text);
    assert!(!link.contains("evil.example"), "{link}");
    assert!(link.starts_with("http://"), "{link}");
    app.stop().await;
}
