//! The reopen button (`ticket_reopen`): a closed ticket goes back in progress, recorded in its
//! thread, for those who hold the right and see the ticket.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{TestApp, open_ticket};

#[tokio::test]
async fn a_technician_with_the_right_reopens_a_resolved_ticket() {
    let (app, _admin) = TestApp::with_admin().await;
    let tech = app.login_as("tina", Profile::Technician).await;
    let user = app.login_as("uma", Profile::User).await;
    let id = open_ticket(&app, &user, &[("title", "Scanner offline")]).await;
    let page = format!("/tickets/{id}");
    let reopen = format!("/tickets/{id}/reopen");
    let state = || app.count(&format!("SELECT state_id FROM tickets WHERE id = {id}"));
    let r = tech
        .send_ticket_form(&page, &[("reply", "Restarted it."), ("close", "1")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(state(), 3, "resolved");

    // Without the right: no button, and the action is refused.
    assert!(!tech.get(&page).await.body.contains(&reopen));
    assert_eq!(
        tech.submit(&page, &reopen, &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(state(), 3);

    app.set_right(Profile::Technician, "ticket_reopen", true);
    assert!(tech.get(&page).await.body.contains(&reopen));
    let r = tech.submit(&page, &reopen, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(state(), 2, "back in progress with its technician");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM tickets WHERE id = {id} AND resolved_at IS NULL"
        )),
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM thread_entries WHERE ticket_id = {id} AND kind = 'state'"
        )),
        1,
        "the reopening is in the thread"
    );
    // The button is gone, and reopening an open ticket is a conflict, not a change.
    assert!(!tech.get(&page).await.body.contains(&reopen));
    assert_eq!(
        tech.submit(&page, &reopen, &[]).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(state(), 2);
    app.stop().await;
}
