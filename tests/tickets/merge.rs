//! Merging (`ticket_fusion`): two requesters report the same problem; the technician merges
//! one ticket into the other. The replies and files move, the requester of the merged ticket
//! follows the other as an observer and is told by mail, the merged ticket is closed with links
//! both ways, and a ticket the technician cannot see is refused like one that does not exist.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::smtp::SmtpPeer;
use crate::common::{TestApp, open_ticket};

#[tokio::test]
async fn a_technician_merges_a_duplicate_into_the_first_report() {
    let peer = SmtpPeer::start();
    let (app, _admin) = TestApp::with_admin().await;
    app.use_smtp(&peer);
    app.set_setting("mail_auto", "1");
    let tina = app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let olga = app.login_as("olga", Profile::User).await;
    app.set_mail("olga", "olga@example.test", "fr");
    let first = open_ticket(&app, &uma, &[("title", "Second floor printer jams")]).await;
    let r = olga
        .send_ticket_form(
            "/tickets/new",
            &[
                ("title", "Printer 2F"),
                ("description", "Paper stuck again"),
            ],
            &[("jam.txt", b"tray 2")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let dup = app.count("SELECT max(id) FROM tickets");
    let r = olga
        .send_ticket_form(
            &format!("/tickets/{dup}"),
            &[("reply", "It is the tray marked B")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = format!("/tickets/{dup}");
    let action = format!("/tickets/{dup}/merge");

    // A requester has no merge.
    assert!(!olga.get(&page).await.body.contains(&action));
    assert_eq!(
        olga.submit("/", &action, &[("merge_target", &first.to_string())])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // Into itself, into nothing, into garbage: the form comes back with the reason.
    tina.get(&page).await.assert_contains(&action);
    for (typed, says) in [
        (dup.to_string(), "cannot be merged into itself"),
        ("999999".to_owned(), "no ticket with this number"),
        ("abc".to_owned(), "no ticket with this number"),
    ] {
        let r = tina
            .submit(&page, &action, &[("merge_target", &typed)])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{typed}");
        r.assert_contains(says)
            .assert_contains(&format!("value=\"{typed}\""));
    }
    assert_eq!(
        app.count("SELECT count(*) FROM tickets WHERE merged_into_id IS NOT NULL"),
        0
    );

    let r = tina
        .submit(&page, &action, &[("merge_target", &format!("#{first}"))])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), Some(format!("/tickets/{first}").as_str()));

    // The first report holds Olga's reply and file, says where they came from, and Olga
    // follows it.
    let target = tina.get(&format!("/tickets/{first}")).await;
    target
        .assert_contains("It is the tray marked B")
        .assert_contains("jam.txt")
        .assert_contains(&format!("merged ticket #{dup} into this one"));
    olga.get(&format!("/tickets/{first}"))
        .await
        .assert_contains("It is the tray marked B");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM ticket_observers WHERE ticket_id = {first} AND user_id = {}",
            app.user_id("olga")
        )),
        1
    );
    // Search finds the reply under its new ticket.
    let found = tina.get("/tickets?view=all&state=all&q=tray").await;
    assert!(found.body.contains(&format!("/tickets/{first}\"")));
    // The duplicate is closed, points to the first, and cannot be merged again.
    let merged = tina.get(&page).await;
    merged
        .assert_contains("id=\"merged-into\"")
        .assert_contains(&format!("merged this ticket into #{first}"));
    assert!(!merged.body.contains(&action));
    assert_eq!(
        app.count(&format!(
            "SELECT state_id FROM tickets WHERE id = {dup} AND merged_into_id = {first}"
        )),
        3
    );
    let again = tina
        .submit(&page, &action, &[("merge_target", &first.to_string())])
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    // Olga is told, in French, where her request went.
    let mails = peer.wait_for(1, 30).await;
    let told = mails
        .iter()
        .find(|m| m.rcpt == ["olga@example.test"])
        .expect("mail to olga");
    assert!(
        told.text
            .contains(&format!("fusionnée dans le ticket #{first}")),
        "{}",
        told.text
    );
    app.stop().await;
}

#[tokio::test]
async fn a_merge_into_a_ticket_the_actor_cannot_see_is_refused_as_unknown() {
    let (app, _admin) = TestApp::with_admin().await;
    // A power user who may merge, but sees only his own tickets.
    let paul = app.login_as("paul", Profile::PowerUser).await;
    app.set_right(Profile::PowerUser, "ticket_fusion", true);
    let uma = app.login_as("uma", Profile::User).await;
    let hidden = open_ticket(&app, &uma, &[("title", "Salary question")]).await;
    let own = open_ticket(&app, &paul, &[("title", "My screen")]).await;
    let r = paul
        .submit(
            &format!("/tickets/{own}"),
            &format!("/tickets/{own}/merge"),
            &[("merge_target", &hidden.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("no ticket with this number that you can see");
    assert!(!r.body.contains("Salary question"));
    // Nor may he merge someone else's ticket into his.
    let r = paul
        .submit(
            "/",
            &format!("/tickets/{hidden}/merge"),
            &[("merge_target", &own.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.count("SELECT count(*) FROM tickets WHERE merged_into_id IS NOT NULL"),
        0
    );
    app.stop().await;
}

#[tokio::test]
async fn a_technician_merges_a_ticket_in_a_real_browser() {
    use crate::common::browser::{Browser, fill, log_in, text_of};
    use fantoccini::Locator;

    let (app, _admin) = TestApp::with_admin().await;
    app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let first = open_ticket(&app, &uma, &[("title", "Wi-Fi down on floor 3")]).await;
    let dup = open_ticket(&app, &uma, &[("title", "No Wi-Fi, third floor")]).await;
    let b = Browser::start(1280, 800).await;
    let story = async {
        log_in(&b, &app, "tina", "password-of-tina").await?;
        b.client.goto(&app.url(&format!("/tickets/{dup}"))).await?;
        b.client
            .find(Locator::Css("#merge summary"))
            .await?
            .click()
            .await?;
        fill(&b, "merge_target", &first.to_string()).await?;
        b.screenshot("16-merge-form-1280").await;
        b.client
            .find(Locator::Css("#merge button[type=submit]"))
            .await?
            .click()
            .await?;
        b.client.accept_alert().await?;
        let flash = text_of(&b, ".flash").await?;
        assert!(flash.contains("Merged."), "{flash}");
        let thread = text_of(&b, "#thread-entries").await?;
        assert!(
            thread.contains(&format!("merged ticket #{dup} into this one")),
            "{thread}"
        );
        b.screenshot("16-merge-done-1280").await;
        b.client.goto(&app.url(&format!("/tickets/{dup}"))).await?;
        let banner = text_of(&b, "#merged-into").await?;
        assert!(banner.contains(&format!("#{first}")), "{banner}");
        b.screenshot("16-merged-ticket-1280").await;
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM tickets WHERE id = {dup} AND merged_into_id = {first}"
        )),
        1
    );
    app.stop().await;
}
