//! The buttons GestSup puts behind rights: the hidden-reply button
//! (`ticket_thread_private_button`), adding to the thread (`ticket_thread_add`), and the new
//! ticket's "Save" / "Send" (`ticket_new_save`, `ticket_new_send`), each refused on the server
//! too.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{TestApp, open_ticket};

#[tokio::test]
async fn the_hidden_reply_button_hides_the_reply_and_thread_add_gates_replies() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_right(Profile::Technician, "ticket_thread_private_button", true);
    let tina = app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let id = open_ticket(&app, &uma, &[("title", "Password expired")]).await;
    let page = format!("/tickets/{id}");
    tina.get(&page)
        .await
        .assert_contains(r#"id="hidden-reply-button""#);
    // The button sends `private=1` with the form.
    let r = tina
        .send_ticket_form(
            &page,
            &[
                ("reply", "Reset through the admin console"),
                ("private", "1"),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(!uma.get(&page).await.body.contains("admin console"));

    // Without `ticket_thread_add`, no reply box, and a reply sent anyway is refused.
    app.set_right(Profile::User, "ticket_thread_add", false);
    let seen = uma.get(&page).await;
    assert!(!seen.body.contains(r#"id="f-reply""#));
    let r = uma
        .send_ticket_form(&page, &[("reply", "Still locked out")], &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM thread_entries WHERE ticket_id = {id} AND body = 'Still locked out'"
        )),
        0
    );
    app.stop().await;
}

#[tokio::test]
async fn a_new_ticket_needs_its_save_or_send_button() {
    let (app, _admin) = TestApp::with_admin().await;
    let uma = app.login_as("uma", Profile::User).await;
    uma.get("/tickets/new")
        .await
        .assert_contains(r#"id="create-button""#)
        .assert_contains(">Send<");
    app.set_right(Profile::User, "ticket_new_send", false);
    let form = uma.get("/tickets/new").await;
    assert!(!form.body.contains(r#"id="create-button""#));
    let r = uma
        .send_ticket_form_from(&form, &[("title", "No button")], &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);
    app.stop().await;
}

#[tokio::test]
async fn a_technician_answers_in_the_same_form_that_opens_the_ticket() {
    let (app, _admin) = TestApp::with_admin().await;
    let tina = app.login_as("tina", Profile::Technician).await;
    app.login_as("uma", Profile::User).await;
    let uma = app.user_id("uma");
    let id = open_ticket(
        &app,
        &tina,
        &[
            ("requester", &format!("u{uma}")),
            ("title", "Printer driver"),
            ("reply", "Installed the **new driver** by phone."),
        ],
    )
    .await;
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM thread_entries WHERE ticket_id = {id} AND kind = 'text' AND private = 0"
        )),
        1
    );
    tina.get(&format!("/tickets/{id}"))
        .await
        .assert_contains("<strong>new driver</strong>");
    // Without the right, the box is gone and a reply sent anyway is not recorded.
    app.set_right(Profile::Technician, "ticket_new_resolution_disp", false);
    assert!(
        !tina
            .get("/tickets/new")
            .await
            .body
            .contains(r#"id="f-reply""#)
    );
    let other = open_ticket(
        &app,
        &tina,
        &[
            ("requester", &format!("u{uma}")),
            ("title", "Scanner"),
            ("reply", "Should not be kept"),
        ],
    )
    .await;
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM thread_entries WHERE ticket_id = {other} AND kind = 'text'"
        )),
        0
    );
    app.stop().await;
}
