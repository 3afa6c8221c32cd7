//! Observers (`ticket_observer`, `ticket_observer_disp`, `side_your_observer`): a technician
//! adds a colleague of the requester, who then sees the ticket, finds it under "Tickets I
//! observe", gets the requester's mails, and may stop observing; a requester holding the right
//! adds a colleague; hidden replies stay hidden from observers who may not see them.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::lists::listed;
use crate::common::smtp::SmtpPeer;
use crate::common::{TestApp, open_ticket};

fn grant_observers(app: &TestApp) {
    for p in [Profile::Technician, Profile::User] {
        app.set_right(p, "ticket_observer_disp", true);
        app.set_right(p, "side_your_observer", true);
    }
    app.set_right(Profile::Technician, "ticket_observer", true);
}

#[tokio::test]
async fn an_observer_sees_the_ticket_gets_its_mails_and_may_stop_observing() {
    let peer = SmtpPeer::start();
    let (app, _admin) = TestApp::with_admin().await;
    app.use_smtp(&peer);
    app.set_setting("mail_auto_user_modify", "1");
    grant_observers(&app);
    let tina = app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let olga = app.login_as("olga", Profile::User).await;
    app.set_mail("uma", "uma@example.test", "en");
    app.set_mail("olga", "olga@example.test", "en");
    let olga_id = app.user_id("olga");
    let id = open_ticket(&app, &uma, &[("title", "Projector in room 4")]).await;
    let page = format!("/tickets/{id}");
    let add = format!("/tickets/{id}/observers");

    // Before: Olga does not see Uma's ticket.
    assert_eq!(olga.get(&page).await.status, StatusCode::NOT_FOUND);
    // A requester without the right cannot add herself.
    let refused = olga
        .submit("/", &add, &[("observer", &format!("u{olga_id}"))])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // Tina adds Olga; a made-up person is refused on the page, with the form again.
    let bad = tina.submit(&page, &add, &[("observer", "u999999")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("Choose an active person");
    let added = tina
        .submit(&page, &add, &[("observer", &format!("u{olga_id}"))])
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    // Twice is once.
    tina.submit(&page, &add, &[("observer", &format!("u{olga_id}"))])
        .await;
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM ticket_observers WHERE ticket_id = {id}"
        )),
        1
    );
    tina.get(&page)
        .await
        .assert_contains("id=\"observers\"")
        .assert_contains("Test olga")
        .assert_contains("added Test olga as an observer");

    // Olga now sees it, in her own view, and in the menu.
    olga.get(&page).await.assert_contains("Projector in room 4");
    let observed = olga.get("/tickets?view=observed&state=all").await;
    assert_eq!(listed(&observed.body), vec![id]);
    observed.assert_contains("Tickets I observe");

    // Tina answers, visibly and hidden: the visible answer mails Uma and Olga; Olga never sees
    // the hidden one.
    let r = tina
        .send_ticket_form(&page, &[("reply", "A technician comes at ten.")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = tina
        .send_ticket_form(
            &page,
            &[("reply", "Lamp costs 300 euros."), ("private", "1")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mails = peer.wait_for(2, 30).await;
    let mut to: Vec<String> = mails.iter().flat_map(|m| m.rcpt.clone()).collect();
    to.sort();
    assert_eq!(to, ["olga@example.test", "uma@example.test"]);
    let seen = olga.get(&page).await;
    seen.assert_contains("A technician comes at ten.");
    assert!(!seen.body.contains("Lamp costs 300 euros."));

    // A forged removal of someone else by Olga is refused; she may stop observing herself.
    let uma_id = app.user_id("uma");
    let remove = format!("/tickets/{id}/observers/remove");
    let forged = olga
        .submit("/", &remove, &[("who", &format!("u{uma_id}"))])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let stop = olga
        .submit(&page, &remove, &[("who", &format!("u{olga_id}"))])
        .await;
    assert_eq!(stop.status, StatusCode::SEE_OTHER, "{}", stop.body);
    assert_eq!(olga.get(&page).await.status, StatusCode::NOT_FOUND);
    tina.get(&page)
        .await
        .assert_contains("removed Test olga from the observers");

    // With observers switched off, nobody sees through them.
    tina.submit(&page, &add, &[("observer", &format!("u{olga_id}"))])
        .await;
    assert_eq!(olga.get(&page).await.status, StatusCode::OK);
    app.set_setting("ticket_observer", "0");
    assert_eq!(olga.get(&page).await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_requester_with_the_right_adds_a_colleague_and_technician_groups_observe_too() {
    let (app, _admin) = TestApp::with_admin().await;
    grant_observers(&app);
    app.set_right(Profile::User, "ticket_observer", true);
    let tina = app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let olga = app.login_as("olga", Profile::User).await;
    let id = open_ticket(&app, &uma, &[("title", "New starter needs a laptop")]).await;
    let page = format!("/tickets/{id}");
    let add = format!("/tickets/{id}/observers");

    let r = uma
        .submit(
            &page,
            &add,
            &[("observer", &format!("u{}", app.user_id("olga")))],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    olga.get(&page)
        .await
        .assert_contains("New starter needs a laptop");

    // A technician group observes; requesters may not add groups.
    app.sql()
        .execute(
            "INSERT INTO groups (name, kind) VALUES ('Field team', 'technician')",
            [],
        )
        .expect("group");
    let group = app.count("SELECT id FROM groups WHERE name = 'Field team'");
    let refused = uma
        .submit(&page, &add, &[("observer", &format!("g{group}"))])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = tina
        .submit(&page, &add, &[("observer", &format!("g{group}"))])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    uma.get(&page).await.assert_contains("[G] Field team");
    // Without the display right, the list is not shown (but the page is).
    app.set_right(Profile::User, "ticket_observer_disp", false);
    app.set_right(Profile::User, "ticket_observer", false);
    let seen = uma.get(&page).await;
    assert!(!seen.body.contains("id=\"observers\""));
    // A forged addition without the right is refused.
    let forged = uma
        .submit(
            "/",
            &add,
            &[("observer", &format!("u{}", app.user_id("tina")))],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    app.stop().await;
}
