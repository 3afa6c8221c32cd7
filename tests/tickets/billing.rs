//! Billing (`ticket_billable`) and answer types (`ticket_type_answer_disp`): a technician holding
//! the right marks a ticket billable on its page; the list shows and exports the column; without
//! the right the field and the column are gone and a forged value changes nothing. An answer
//! type from the administrators' list records how a ticket was answered.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{TestApp, open_ticket};

#[tokio::test]
async fn a_technician_marks_a_ticket_billable_and_finds_it_in_the_list_and_export() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_right(Profile::Technician, "ticket_billable", true);
    let tina = app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let id = open_ticket(&app, &uma, &[("title", "Install the plotter")]).await;
    let page = format!("/tickets/{id}");
    let billable = || app.count(&format!("SELECT billable FROM tickets WHERE id = {id}"));

    tina.get(&page).await.assert_contains(r#"name="billable""#);
    let r = tina
        .send_ticket_form(&page, &[("billable", "1")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(billable(), 1);
    // A value that is neither yes nor no is refused on the field.
    let r = tina
        .send_ticket_form(&page, &[("billable", "maybe")], &[])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(billable(), 1);

    let list = tina.get("/tickets?view=all&state=all").await;
    list.assert_contains(r#"class="col-billable""#);
    let csv = tina.get("/export/tickets.csv?view=all&state=all").await;
    assert!(csv.body.contains("\"Billable\""), "{}", csv.body);
    assert!(csv.body.contains("\"Yes\""), "{}", csv.body);

    // The requester neither sees nor sets it.
    let seen = uma.get(&page).await;
    assert!(!seen.body.contains(r#"name="billable""#));
    let r = uma
        .send_ticket_form(&page, &[("billable", "0"), ("reply", "Thanks")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(billable(), 1, "a forged field is ignored");

    // Without the right, the technician loses field and column too.
    app.set_right(Profile::Technician, "ticket_billable", false);
    assert!(!tina.get(&page).await.body.contains(r#"name="billable""#));
    assert!(
        !tina
            .get("/tickets?view=all&state=all")
            .await
            .body
            .contains("col-billable")
    );
    app.stop().await;
}

#[tokio::test]
async fn a_technician_records_how_a_ticket_was_answered() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("ticket_type", "1");
    let tina = app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let r = admin
        .submit(
            "/admin/lists/answer-types",
            "/admin/lists/answer-types",
            &[("name", "By phone")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let phone = app.count("SELECT id FROM answer_types WHERE name = 'By phone'");
    let id = open_ticket(&app, &uma, &[("title", "Outlook crashes")]).await;
    let page = format!("/tickets/{id}");
    assert!(
        !tina
            .get(&page)
            .await
            .body
            .contains(r#"name="answer_type_id""#)
    );
    app.set_right(Profile::Technician, "ticket_type_answer_disp", true);
    tina.get(&page).await.assert_contains(">By phone<");
    let r = tina
        .send_ticket_form(&page, &[("answer_type_id", &phone.to_string())], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count(&format!(
            "SELECT answer_type_id FROM tickets WHERE id = {id}"
        )),
        phone
    );
    // An answer type that does not exist is refused on the field.
    let r = tina
        .send_ticket_form(&page, &[("answer_type_id", "9999")], &[])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}
