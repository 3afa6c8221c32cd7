//! Requester validation: a ticket a technician resolves waits for its requester, who accepts
//! the resolution or reopens the ticket; a technician may record an answer given on the phone;
//! without an answer a reminder goes a day before the delay runs out, then the resolution
//! counts as accepted. Which tickets ask follows the settings, the type and the exclusions.

use gestdesk::domain::profiles::Profile;
use gestdesk::domain::tickets::validation;
use reqwest::StatusCode;

use crate::common::smtp::SmtpPeer;
use crate::common::{Client, TestApp, open_ticket};

const DAY: i64 = 86_400;

/// A requester's ticket, resolved by `tech` with a reply ("Save and close").
async fn resolved(app: &TestApp, requester: &Client, tech: &Client, title: &str) -> i64 {
    let id = open_ticket(app, requester, &[("title", title)]).await;
    let saved = tech
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", "Replaced the cable."), ("close", "1")],
            &[],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(state(app, id), 3, "resolved");
    id
}

fn state(app: &TestApp, id: i64) -> i64 {
    app.count(&format!("SELECT state_id FROM tickets WHERE id = {id}"))
}

fn asked(app: &TestApp, id: i64) -> bool {
    app.count(&format!(
        "SELECT validation_asked_at IS NOT NULL AND validation_answered_at IS NULL FROM tickets WHERE id = {id}"
    )) == 1
}

fn answer(app: &TestApp, id: i64) -> String {
    app.text(&format!(
        "SELECT COALESCE(validation_answer, '') FROM tickets WHERE id = {id}"
    ))
}

#[tokio::test]
async fn a_resolved_ticket_waits_for_its_requester_who_accepts_or_reopens_it() {
    let peer = SmtpPeer::start();
    let (app, _admin) = TestApp::with_admin().await;
    app.use_smtp(&peer);
    app.set_setting("mail_auto", "1");
    app.set_setting("user_validation", "1");
    app.set_setting("user_validation_perimeter", "all");
    let tom = app.login_as("tom", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    app.set_mail("uma", "uma@example.test", "en");
    let olga = app.login_as("olga", Profile::User).await;

    let id = resolved(&app, &uma, &tom, "Screen flickers").await;
    assert!(asked(&app, id));
    // The closing mail asks the question, with the date it will be accepted by itself.
    let mails = peer.wait_for(1, 10).await;
    let closing = mails
        .iter()
        .find(|m| m.rcpt == ["uma@example.test"])
        .expect("closing mail");
    assert!(
        closing.text.contains("accept the resolution or reopen it"),
        "{}",
        closing.text
    );
    // The list marks it; the technician sees it waiting, and may record an answer.
    tom.get("/tickets?view=all&state=all")
        .await
        .assert_contains("awaiting validation");
    tom.get(&format!("/tickets/{id}"))
        .await
        .assert_contains("Waiting for the requester to confirm the resolution")
        .assert_contains("The requester confirmed it");
    // Uma is asked; nobody else may answer for her.
    let page = uma.get(&format!("/tickets/{id}")).await;
    page.assert_contains("Does the resolution solve your problem?")
        .assert_contains("Yes, it is solved")
        .assert_contains("No, reopen the ticket");
    assert!(!page.body.contains("The requester confirmed it"));
    let path = format!("/tickets/{id}/validation/accept");
    let refused = olga.submit("/", &path, &[]).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND, "not her ticket");
    let refused = uma
        .submit("/", &format!("/tickets/{id}/validation/confirm"), &[])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "not a technician");
    assert!(asked(&app, id));

    // Uma reopens: the ticket is in progress again, the question forgotten.
    let reopened = uma
        .submit("/", &format!("/tickets/{id}/validation/reopen"), &[])
        .await;
    assert_eq!(reopened.status, StatusCode::SEE_OTHER, "{}", reopened.body);
    assert_eq!(state(&app, id), 2);
    assert!(!asked(&app, id));
    uma.follow(reopened)
        .await
        .assert_contains("The ticket is reopened");
    // Resolved again, asked again; this time she accepts, once.
    let saved = tom
        .send_ticket_form(&format!("/tickets/{id}"), &[("close", "1")], &[])
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert!(asked(&app, id));
    let accepted = uma.submit("/", &path, &[]).await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    assert_eq!(
        (state(&app, id), answer(&app, id)),
        (3, "accepted".to_owned())
    );
    tom.get(&format!("/tickets/{id}"))
        .await
        .assert_contains("Resolution accepted by Test uma");
    let again = uma.submit("/", &path, &[]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    again.assert_contains("no longer waiting for an answer");
    assert!(
        !tom.get("/tickets?view=all&state=all")
            .await
            .body
            .contains("awaiting validation")
    );

    // A technician records an answer given on the phone.
    let other = resolved(&app, &uma, &tom, "Printer").await;
    let confirmed = tom
        .submit("/", &format!("/tickets/{other}/validation/confirm"), &[])
        .await;
    assert_eq!(
        confirmed.status,
        StatusCode::SEE_OTHER,
        "{}",
        confirmed.body
    );
    assert_eq!(answer(&app, other), "confirmed");
    // Without the right, nobody may.
    let third = resolved(&app, &uma, &tom, "Scanner").await;
    app.set_right(Profile::Technician, "ticket_user_validation", false);
    let refused = tom
        .submit("/", &format!("/tickets/{third}/validation/confirm"), &[])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(
        !tom.get(&format!("/tickets/{third}"))
            .await
            .body
            .contains("The requester confirmed it")
    );
    assert!(asked(&app, third));
    app.stop().await;
}

#[tokio::test]
async fn unanswered_resolutions_are_reminded_once_then_accepted_after_the_delay() {
    let peer = SmtpPeer::start();
    let (app, _admin) = TestApp::with_admin().await;
    app.use_smtp(&peer);
    app.set_setting("user_validation", "1");
    app.set_setting("user_validation_perimeter", "all");
    app.set_setting("user_validation_delay", "3");
    let tom = app.login_as("tom", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    app.set_mail("uma", "uma@example.test", "fr");
    let id = resolved(&app, &uma, &tom, "VPN").await;
    assert!(
        peer.received().is_empty(),
        "mail_auto is off: no closing mail"
    );

    // Nothing is due yet.
    assert_eq!(
        validation::run_due(app.app.db()).await.expect("run"),
        (0, 0)
    );
    // With a day left, Uma is reminded, in her language, once.
    app.sql()
        .execute(
            "UPDATE tickets SET validation_asked_at = unixepoch() - ?1 WHERE id = ?2",
            [2 * DAY + 600, id],
        )
        .expect("time passes");
    assert_eq!(
        validation::run_due(app.app.db()).await.expect("run"),
        (0, 1)
    );
    assert_eq!(
        validation::run_due(app.app.db()).await.expect("run"),
        (0, 0)
    );
    let got = peer.wait_for(1, 10).await;
    assert_eq!(got[0].rcpt, ["uma@example.test"]);
    assert!(
        got[0].subject.contains("Résolution à valider"),
        "{}",
        got[0].subject
    );
    assert!(got[0].text.contains("rouvrir"), "{}", got[0].text);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM thread_entries WHERE ticket_id = {id} AND kind = 'mail'"
        )),
        1
    );

    // Past the delay, the server accepts it by itself when it starts (and every ten minutes).
    app.sql()
        .execute(
            "UPDATE tickets SET validation_asked_at = unixepoch() - ?1 WHERE id = ?2",
            [3 * DAY + 60, id],
        )
        .expect("time passes");
    let app = app.restart().await;
    let mut accepted = false;
    for _ in 0..100 {
        if answer(&app, id) == "expired" {
            accepted = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        accepted,
        "the delay ran out without the resolution being accepted"
    );
    assert_eq!(state(&app, id), 3);
    let tom = app.client();
    tom.login("tom", "password-of-tom").await;
    tom.get(&format!("/tickets/{id}"))
        .await
        .assert_contains("Resolution accepted without an answer");
    app.stop().await;
}

#[tokio::test]
async fn only_the_tickets_the_settings_type_and_lists_choose_ask_for_validation() {
    let (app, admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    // Off by default.
    let id = resolved(&app, &uma, &tom, "Off").await;
    assert!(!asked(&app, id));

    // "Those whose type asks": a type that asks, and one that does not.
    app.set_setting("user_validation", "1");
    app.sql()
        .execute_batch(
            "INSERT INTO ticket_types (name, user_validation) VALUES ('Incident', 1), ('Request', 0);",
        )
        .expect("types");
    let incident = app.count("SELECT id FROM ticket_types WHERE name = 'Incident'");
    let request = app.count("SELECT id FROM ticket_types WHERE name = 'Request'");
    for (type_id, asks) in [(incident, true), (request, false)] {
        let id = resolved(&app, &uma, &tom, "Typed").await;
        app.sql()
            .execute(
                "UPDATE tickets SET state_id = 2, resolved_at = NULL, type_id = ?1,
                     validation_asked_at = NULL WHERE id = ?2",
                [type_id, id],
            )
            .expect("type");
        let saved = tom
            .send_ticket_form(&format!("/tickets/{id}"), &[("close", "1")], &[])
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(asked(&app, id), asks, "type {type_id}");
    }

    // An excluded category never asks, even with every ticket asking; the column is in the
    // category list while the setting is on.
    app.set_setting("user_validation_perimeter", "all");
    admin
        .get("/admin/lists/categories")
        .await
        .assert_contains("No requester validation");
    app.sql()
        .execute(
            "UPDATE categories SET no_user_validation = 1 WHERE id = 2",
            [],
        )
        .expect("exclusion");
    let id = open_ticket(&app, &uma, &[("title", "Excluded")]).await;
    let saved = tom
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("category_id", "2"), ("close", "1")],
            &[],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert!(!asked(&app, id));
    // A requester closing her own ticket is not asked to validate herself.
    let id = open_ticket(&app, &uma, &[("title", "Mine")]).await;
    let closed = uma.submit("/", &format!("/tickets/{id}/close"), &[]).await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    assert_eq!((state(&app, id), asked(&app, id)), (3, false));
    app.stop().await;
}

#[tokio::test]
async fn the_requester_answers_from_her_phone_in_a_real_browser() {
    use crate::common::browser::{Browser, click_and_wait, log_in, scrolls_sideways, text_of};

    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("user_validation", "1");
    app.set_setting("user_validation_perimeter", "all");
    let tom = app.login_as("tom", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let id = resolved(&app, &uma, &tom, "Keyboard keys not responding").await;
    let b = Browser::start(360, 740).await;
    let story = async {
        log_in(&b, &app, "uma", "password-of-uma").await?;
        b.client.goto(&app.url(&format!("/tickets/{id}"))).await?;
        let asked = text_of(&b, "#validation").await?;
        assert!(
            asked.contains("Does the resolution solve your problem?"),
            "{asked}"
        );
        assert!(!scrolls_sideways(&b).await?);
        b.screenshot("validation-asked-360").await;
        click_and_wait(&b, "#validation form[action$='/validation/accept'] button").await?;
        assert_eq!(
            text_of(&b, ".flash").await?,
            "Thank you: the resolution is accepted."
        );
        let done = text_of(&b, "#validation").await?;
        assert!(
            done.starts_with("Resolution accepted by Test uma"),
            "{done}"
        );
        b.screenshot("validation-accepted-360").await;
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");
    assert_eq!(answer(&app, id), "accepted");
    app.stop().await;
}
