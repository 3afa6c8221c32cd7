//! An administrator words the questions, a technician puts a ticket in the state that triggers
//! the survey, the requester answers through the mailed link without logging in (once: a second
//! submission, a wrong, expired or replayed link is refused politely), the ticket is resolved,
//! and a supervisor reads the distribution and exports the answers.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::smtp::{Received, SmtpPeer};
use crate::common::{Client, TestApp};

/// Opens a ticket for `requester` handled by `technician` through the full form.
async fn open(client: &Client, requester: i64, technician: i64, title: &str) -> i64 {
    client
        .open_ticket(&[
            ("requester", &format!("u{requester}")),
            ("technician", &format!("u{technician}")),
            ("title", title),
            ("description", "The badge reader code is 4711"),
        ])
        .await
}

/// Waits for `n` survey mails.
async fn survey_mails(smtp: &SmtpPeer, n: usize) -> Vec<Received> {
    smtp.wait_for_subject("Satisfaction survey", n).await
}

/// The survey link's path in a mail.
fn link_of(mail: &Received) -> String {
    let at = mail.text.find("/survey/").expect("a survey link");
    let secret: String = mail.text[at + 8..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(secret.len(), 64, "a 256-bit secret: {}", mail.text);
    format!("/survey/{secret}")
}

/// Ids of the questions as the survey form names them (`q<id>`), in order.
fn question_ids(app: &TestApp) -> Vec<i64> {
    let conn = app.sql();
    let mut stmt = conn
        .prepare("SELECT id FROM survey_questions WHERE removed = 0 ORDER BY position")
        .expect("prepare");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("ids")
}

#[tokio::test]
async fn a_requester_answers_the_mailed_survey_once_and_a_supervisor_reads_the_answers() {
    let smtp = SmtpPeer::start();
    let (app, admin) = TestApp::with_admin().await;
    app.use_smtp(&smtp);
    app.set_setting("server_url", &app.url(""));
    app.set_setting("survey", "1");
    app.create_user("tina", "technician pass", Profile::Technician)
        .await;
    app.create_user("alice", "requester pass", Profile::User)
        .await;
    app.create_user("sam", "supervisor pass", Profile::Supervisor)
        .await;
    app.set_mail("alice", "alice@example.test", "en");
    let (tina_id, alice_id) = (app.user_id("tina"), app.user_id("alice"));
    let settings = "/admin/surveys";

    // The questions, worded in English and French; a list with six choices is refused with
    // what was typed.
    let r = admin
        .submit(
            settings,
            "/admin/surveys/questions",
            &[
                ("kind", "choice"),
                ("text_en", "Which office are you in?"),
                ("choices_en", "1\n2\n3\n4\n5\n6"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("A list offers 2 to 5 choices")
        .assert_contains("Which office are you in?");
    for fields in [
        vec![
            ("kind", "scale"),
            ("scale", "5"),
            ("text_en", "How satisfied are you?"),
            ("low_en", "Not at all"),
            ("high_en", "Very"),
            ("text_fr", "Êtes-vous satisfait ?"),
        ],
        vec![
            ("kind", "yes_no"),
            ("text_en", "Was it fixed the first time?"),
        ],
        vec![
            ("kind", "choice"),
            ("text_en", "How did you reach us?"),
            ("choices_en", "Phone\nMail\nIn person"),
        ],
        vec![("kind", "text"), ("text_en", "Anything to add?")],
    ] {
        let r = admin
            .submit(settings, "/admin/surveys/questions", &fields)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    let ids = question_ids(&app);
    assert_eq!(ids.len(), 4);
    // The yes/no question moves to the top, then back.
    let yes_no = ids[1].to_string();
    for direction in ["up", "down"] {
        let r = admin
            .submit(
                settings,
                &format!("/admin/surveys/questions/{yes_no}/move"),
                &[("direction", direction)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        if direction == "up" {
            assert_eq!(question_ids(&app)[0], ids[1]);
        }
    }
    assert_eq!(question_ids(&app), ids);

    // The trigger: "waiting for the user", resolving on answer. A crafted state is refused.
    let r = admin
        .submit(
            settings,
            settings,
            &[("survey_ticket_state", "999"), ("survey_link_days", "7")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Choose one of the states offered");
    let r = admin
        .submit(
            settings,
            settings,
            &[
                ("survey_ticket_state", "6"),
                ("survey_auto_close_ticket", "1"),
                ("survey_link_days", "7"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = admin
        .submit(
            settings,
            "/admin/surveys/mail",
            &[(
                "mail_text_en",
                "Dear {requester}, how did ticket {ticket} ({title}) go? Until {expires}.",
            )],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    // The technician waits for the user: the requester gets the survey, once.
    let first = open(
        &admin,
        alice_id,
        tina_id,
        "Badge [reader](http://x.test) broken",
    )
    .await;
    let second = open(&admin, alice_id, tina_id, "Screen flickers").await;
    let tina = app.client();
    tina.login("tina", "technician pass").await;
    let r = tina
        .send_ticket_form(&format!("/tickets/{first}"), &[("state_id", "6")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mail = survey_mails(&smtp, 1).await.remove(0);
    assert_eq!(mail.to, ["alice@example.test"]);
    assert!(
        mail.subject.contains(&format!("[#{first}]")),
        "{}",
        mail.subject
    );
    assert!(
        mail.text
            .contains(&format!("how did ticket {first} (Badge")),
        "{}",
        mail.text
    );
    // The title's Markdown stays text: no link to the address it names.
    assert!(!mail.html.contains("href=\"http://x.test"), "{}", mail.html);
    let link = link_of(&mail);
    let stored = app.text("SELECT token_hash FROM survey_invitations");
    assert_eq!(stored.len(), 64);
    assert!(!link.contains(&stored), "only the secret's hash is kept");

    // The requester opens it without logging in: the ticket's number and title, nothing more.
    let alice = app.client();
    let page = alice.get(&link).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains(&format!("About your ticket #{first}"))
        .assert_contains("How satisfied are you?")
        .assert_contains("Not at all")
        .assert_contains("In person");
    assert!(!page.body.contains("4711"), "the description stays private");

    // A missing answer and a crafted one come back with what was chosen.
    let (scale, yes, list, text) = (
        format!("q{}", ids[0]),
        format!("q{}", ids[1]),
        format!("q{}", ids[2]),
        format!("q{}", ids[3]),
    );
    let r = alice
        .submit(&link, &link, &[(&yes, "maybe"), (&list, "2")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Some answers are missing")
        .assert_contains("value=\"2\" checked");
    assert_eq!(app.count("SELECT count(*) FROM survey_answers"), 0);

    let r = alice
        .submit(
            &link,
            &link,
            &[
                (&scale, "4"),
                (&yes, "yes"),
                (&list, "2"),
                (&text, "=HYPERLINK(\"http://x.test\")"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.assert_contains("Thank you for your answers");
    assert_eq!(app.count("SELECT count(*) FROM survey_answers"), 4);
    // Resolved by the answer, and told in the thread (to technicians only).
    assert_eq!(
        app.count(&format!("SELECT state_id FROM tickets WHERE id = {first}")),
        3
    );
    tina.get(&format!("/tickets/{first}"))
        .await
        .assert_contains("answered the satisfaction survey")
        .assert_contains("How satisfied are you? — 4 / 5");
    let alice_logged = app.client();
    alice_logged.login("alice", "requester pass").await;
    let own = alice_logged.get(&format!("/tickets/{first}")).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(!own.body.contains("answered the satisfaction survey"));

    // Once: the same link again, then replayed with other answers, is refused politely.
    let again = alice.get(&link).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    again.assert_contains("already answered");
    let token = alice.get("/login").await.csrf();
    let replay = alice
        .post_raw(
            &link,
            &[(&scale, "1"), (&yes, "no"), (&list, "1"), ("_csrf", &token)],
        )
        .await;
    assert_eq!(replay.status, StatusCode::CONFLICT);
    assert_eq!(app.count("SELECT count(*) FROM survey_answers"), 4);

    // Reopening and waiting again sends no second survey.
    for state in ["2", "6"] {
        let r = tina
            .send_ticket_form(&format!("/tickets/{first}"), &[("state_id", state)], &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    assert_eq!(app.count("SELECT count(*) FROM survey_invitations"), 1);

    // Another ticket's link opens that ticket's survey only; once expired, it is refused.
    let r = tina
        .send_ticket_form(&format!("/tickets/{second}"), &[("state_id", "6")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mails = survey_mails(&smtp, 2).await;
    let other = link_of(
        mails
            .iter()
            .find(|m| m.subject.contains("Screen"))
            .expect("2nd"),
    );
    assert_ne!(other, link);
    let page = alice.get(&other).await;
    page.assert_contains("Screen flickers");
    assert!(!page.body.contains("Badge"));
    app.sql()
        .execute(
            &format!("UPDATE survey_invitations SET expires_at = 1 WHERE ticket_id = {second}"),
            [],
        )
        .expect("expire");
    let expired = alice.get(&other).await;
    assert_eq!(expired.status, StatusCode::GONE);
    expired.assert_contains("has expired");
    let token = alice.get("/login").await.csrf();
    let late = alice
        .post_raw(
            &other,
            &[
                (&scale, "5"),
                (&yes, "yes"),
                (&list, "1"),
                ("_csrf", &token),
            ],
        )
        .await;
    assert_eq!(late.status, StatusCode::GONE);

    // A wrong link, whole or cut short, is not found.
    for wrong in [
        format!("/survey/{}", "ab".repeat(32)),
        link[..link.len() - 1].to_owned(),
        "/survey/../admin".to_owned(),
    ] {
        let r = alice.get(&wrong).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{wrong}");
    }

    // A supervisor reads the answers of the year and exports them; a requester may not.
    let sam = app.client();
    sam.login("sam", "supervisor pass").await;
    let answers = sam.get("/surveys?period=year").await;
    assert_eq!(answers.status, StatusCode::OK, "{}", answers.body);
    answers
        .assert_contains("Surveys sent over the period: 2; answered: 1.")
        .assert_contains("Mean: 4")
        .assert_contains("<desc>Yes: 1, No: 0</desc>")
        .assert_contains("<desc>Phone: 0, Mail: 1, In person: 0</desc>")
        .assert_contains("=HYPERLINK");
    let csv = sam.get("/surveys/export.csv?period=year").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 5, "{}", csv.body);
    assert!(
        lines[0].contains(r#""Date";"Ticket";"Requester";"Question";"Answer""#),
        "{}",
        lines[0]
    );
    assert!(csv.body.contains(&format!(";\"{first}\";")));
    assert!(csv.body.contains(r#""How did you reach us?";"Mail""#));
    assert!(
        csv.body.contains("'=HYPERLINK"),
        "formula guarded: {}",
        csv.body
    );
    // Statistics follow the satisfaction: a 4 on a scale of 5 is 75%.
    let satisfaction = sam
        .get("/statistics/export.csv?period=year&figure=satisfaction")
        .await;
    assert_eq!(satisfaction.status, StatusCode::OK);
    assert!(
        satisfaction.body.contains(";\"75.0\""),
        "{}",
        satisfaction.body
    );
    let denied = alice_logged.get("/surveys?period=year").await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
}
