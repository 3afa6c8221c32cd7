//! Actions on several tickets (`task_checkbox`, `ticket_delete`): a technician ticks tickets in
//! the list and changes their state, technician or priority, marks them read or unread, or
//! deletes them; every ticket goes through the rules of one ticket, a forged or hidden number
//! is refused for that ticket alone, and the page says what was done and what was not.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::smtp::SmtpPeer;
use crate::common::{TestApp, open_ticket};

const LIST: &str = "/tickets?view=all&state=all";

fn state(app: &TestApp, id: i64) -> i64 {
    app.count(&format!("SELECT state_id FROM tickets WHERE id = {id}"))
}

#[tokio::test]
async fn a_technician_changes_assigns_and_deletes_several_tickets_at_once() {
    let peer = SmtpPeer::start();
    let (app, _admin) = TestApp::with_admin().await;
    app.use_smtp(&peer);
    app.set_setting("mail_auto", "1");
    let tina = app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    app.set_mail("uma", "uma@example.test", "en");
    let a = open_ticket(&app, &uma, &[("title", "Mouse broken")]).await;
    let b = open_ticket(&app, &uma, &[("title", "Keyboard sticky")]).await;
    let c = open_ticket(&app, &uma, &[("title", "Monitor flickers")]).await;
    let (a_s, b_s, c_s) = (a.to_string(), b.to_string(), c.to_string());

    let list = tina.get(LIST).await;
    list.assert_contains("id=\"bulk-form\"")
        .assert_contains(&format!("name=\"ticket\" value=\"{a}\""))
        .assert_contains("value=\"delete\"");

    // Assign the ticked two to Tina: both waiting for her, each with its thread entry.
    let tina_id = app.user_id("tina");
    let r = tina
        .submit(
            LIST,
            "/tickets/bulk",
            &[
                ("view", "all"),
                ("state", "all"),
                ("bulk_scope", "selected"),
                ("bulk_action", "assign"),
                ("to_technician", &format!("u{tina_id}")),
                ("ticket", &a_s),
                ("ticket", &b_s),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.assert_contains("Done on 2 tickets.")
        .assert_contains("href=\"/tickets?view=all\"");
    // The menu beside the summary counts the tickets as they are now: one left unassigned.
    assert_eq!(
        crate::common::lists::menu_count(&r.body, "/tickets?view=all&state=5"),
        Some(1)
    );
    for id in [a, b] {
        assert_eq!(
            app.count(&format!(
                "SELECT count(*) FROM tickets WHERE id = {id} AND technician_id = {tina_id}"
            )),
            1
        );
        assert_eq!(
            app.count(&format!(
                "SELECT count(*) FROM thread_entries WHERE ticket_id = {id} AND kind = 'assigned'"
            )),
            1
        );
    }
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM tickets WHERE id = {c} AND technician_id IS NULL"
        )),
        1
    );

    // Resolve every ticket of the view, with a forged number and a made-up one among them: the
    // real tickets are resolved, their requester mailed, the others refused one by one.
    let r = tina
        .submit(
            LIST,
            "/tickets/bulk",
            &[
                ("bulk_scope", "selected"),
                ("bulk_action", "state"),
                ("to_state", "3"),
                ("ticket", &a_s),
                ("ticket", &b_s),
                ("ticket", &c_s),
                ("ticket", "999999"),
                ("ticket", "abc"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.assert_contains("Done on 3 tickets.")
        .assert_contains("#999999")
        .assert_contains("You do not see this ticket.");
    assert_eq!((state(&app, a), state(&app, b), state(&app, c)), (3, 3, 3));
    assert_eq!(
        app.count("SELECT count(*) FROM outbox WHERE kind = 'closed'"),
        3,
        "one closing mail per ticket"
    );
    peer.wait_for(3, 30).await;

    // A state that does not exist is refused for each ticket, nothing changes.
    let r = tina
        .submit(
            LIST,
            "/tickets/bulk",
            &[
                ("bulk_scope", "selected"),
                ("bulk_action", "state"),
                ("to_state", "4242"),
                ("ticket", &a_s),
            ],
        )
        .await;
    r.assert_contains("Done on 0 tickets.");
    assert_eq!(state(&app, a), 3);

    // Priority, then unread and read again (the technician's marker).
    let r = tina
        .submit(
            LIST,
            "/tickets/bulk",
            &[
                ("bulk_scope", "page"),
                ("bulk_action", "unread"),
                ("page_ticket", &a_s),
                ("page_ticket", &b_s),
            ],
        )
        .await;
    r.assert_contains("Done on 2 tickets.");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM tickets WHERE id IN ({a}, {b}) AND tech_read = 0"
        )),
        2
    );

    // Without `ticket_delete`, nothing is deleted and the choice is gone.
    app.set_right(Profile::Technician, "ticket_delete", false);
    assert!(!tina.get(LIST).await.body.contains("value=\"delete\""));
    let r = tina
        .submit(
            LIST,
            "/tickets/bulk",
            &[
                ("bulk_scope", "selected"),
                ("bulk_action", "delete"),
                ("ticket", &c_s),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    app.set_right(Profile::Technician, "ticket_delete", true);
    // Every ticket of a view: the search narrows it to one.
    let r = tina
        .submit(
            LIST,
            "/tickets/bulk",
            &[
                ("view", "all"),
                ("state", "all"),
                ("q", "Monitor"),
                ("bulk_scope", "view"),
                ("bulk_action", "delete"),
            ],
        )
        .await;
    r.assert_contains("Done on one ticket.");
    assert_eq!(
        app.count(&format!("SELECT deleted FROM tickets WHERE id = {c}")),
        1
    );
    assert_eq!(
        tina.get(&format!("/tickets/{c}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!tina.get(LIST).await.body.contains("Monitor flickers"));

    // A requester has no bulk actions at all.
    assert!(!uma.get("/tickets").await.body.contains("bulk-form"));
    let r = uma
        .submit(
            "/tickets",
            "/tickets/bulk",
            &[
                ("bulk_scope", "selected"),
                ("bulk_action", "read"),
                ("ticket", &a_s),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn each_ticket_keeps_the_field_rights_of_the_profile() {
    let (app, _admin) = TestApp::with_admin().await;
    let tina = app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let a = open_ticket(&app, &uma, &[("title", "VPN drops")]).await;
    app.set_right(Profile::Technician, "ticket_state", false);
    let list = tina.get(LIST).await;
    assert!(
        !list.body.contains("value=\"state\""),
        "no state change offered"
    );
    let r = tina
        .submit(
            LIST,
            "/tickets/bulk",
            &[
                ("bulk_scope", "selected"),
                ("bulk_action", "state"),
                ("to_state", "3"),
                ("ticket", &a.to_string()),
            ],
        )
        .await;
    r.assert_contains("Done on 0 tickets.")
        .assert_contains("Your profile may not make this change.");
    assert_eq!(state(&app, a), 5, "still unassigned");
    // Nothing chosen, or no action: said, nothing done.
    let r = tina
        .submit(LIST, "/tickets/bulk", &[("bulk_action", "read")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("No ticket was selected.");
    let r = tina
        .submit(LIST, "/tickets/bulk", &[("bulk_action", "explode")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

#[tokio::test]
async fn a_technician_deletes_one_ticket_from_its_page() {
    let (app, _admin) = TestApp::with_admin().await;
    let tina = app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let a = open_ticket(&app, &uma, &[("title", "Spam ticket")]).await;
    let page = format!("/tickets/{a}");
    let delete = format!("/tickets/{a}/delete");
    assert!(!uma.get(&page).await.body.contains(&delete));
    assert_eq!(
        uma.submit(&page, &delete, &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let r = tina.submit(&page, &delete, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(tina.get(&page).await.status, StatusCode::NOT_FOUND);
    assert_eq!(uma.get(&page).await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_technician_ticks_tickets_and_changes_them_in_a_real_browser() {
    use crate::common::browser::{Browser, click_and_wait, log_in, scrolls_sideways, text_of};
    use fantoccini::Locator;

    let (app, _admin) = TestApp::with_admin().await;
    app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let mut ids = Vec::new();
    for title in ["Laptop battery", "Docking station", "Headset crackles"] {
        ids.push(open_ticket(&app, &uma, &[("title", title)]).await);
    }
    let b = Browser::start(1280, 800).await;
    let story = async {
        log_in(&b, &app, "tina", "password-of-tina").await?;
        b.client.goto(&app.url(LIST)).await?;
        // The header box ticks every row; only the value the action needs is shown.
        b.client
            .find(Locator::Css("[data-bulk-all]"))
            .await?
            .click()
            .await?;
        let ticked = b
            .client
            .execute(
                "return document.querySelectorAll('[data-bulk-select]:checked').length;",
                vec![],
            )
            .await?;
        assert_eq!(ticked.as_i64(), Some(3));
        b.client
            .find(Locator::Css("#bulk-action"))
            .await?
            .select_by_value("state")
            .await?;
        b.client
            .find(Locator::Css("#bulk-state"))
            .await?
            .select_by_value("6")
            .await?;
        let hidden = b
            .client
            .execute(
                "var shown = function (s) { return document.querySelector(s).getBoundingClientRect().width > 0; };
                 return !shown('[data-bulk-for=assign]') && !shown('[data-bulk-for=priority]')
                     && shown('[data-bulk-for=state]');",
                vec![],
            )
            .await?;
        assert_eq!(hidden.as_bool(), Some(true));
        b.screenshot("16-bulk-chosen-1280").await;
        click_and_wait(&b, "#bulk-apply").await?;
        assert_eq!(text_of(&b, "#bulk-done").await?, "Done on 3 tickets.");
        b.screenshot("16-bulk-done-1280").await;

        // Deleting asks first; declining keeps the tickets.
        b.client.goto(&app.url(LIST)).await?;
        b.client
            .find(Locator::Css(&format!(
                "[data-bulk-select][value='{}']",
                ids[0]
            )))
            .await?
            .click()
            .await?;
        b.client
            .find(Locator::Css("#bulk-action"))
            .await?
            .select_by_value("delete")
            .await?;
        b.client
            .find(Locator::Css("#bulk-apply"))
            .await?
            .click()
            .await?;
        b.client.dismiss_alert().await?;
        b.client
            .find(Locator::Css("#bulk-apply"))
            .await?
            .click()
            .await?;
        b.client.accept_alert().await?;
        assert_eq!(text_of(&b, "#bulk-done").await?, "Done on one ticket.");

        // On a phone, the list with its boxes stays within the screen, and the bar stays
        // folded until a ticket is ticked.
        b.client.set_window_size(360, 740).await?;
        b.client.goto(&app.url(LIST)).await?;
        assert!(!scrolls_sideways(&b).await?);
        let folded = "return document.getElementById('bulk-apply').getBoundingClientRect().width === 0;";
        assert_eq!(b.client.execute(folded, vec![]).await?.as_bool(), Some(true));
        b.screenshot("16-bulk-list-360").await;
        b.client
            .find(Locator::Css("[data-bulk-select]"))
            .await?
            .click()
            .await?;
        assert_eq!(b.client.execute(folded, vec![]).await?.as_bool(), Some(false));
        b.screenshot("16-bulk-ticked-360").await;
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");
    for id in &ids[1..] {
        assert_eq!(state(&app, *id), 6);
    }
    assert_eq!(
        app.count(&format!(
            "SELECT deleted FROM tickets WHERE id = {}",
            ids[0]
        )),
        1
    );
    app.stop().await;
}
