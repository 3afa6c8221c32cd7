//! The print view of a ticket (`ticket_print`): a clean page with the ticket and the thread its
//! reader may see, for whoever sees the ticket and holds the right; `ticket_resolution_text_only`
//! leaves the events out, on the page and on paper.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{TestApp, open_ticket};

#[tokio::test]
async fn a_ticket_prints_with_the_thread_its_reader_may_see() {
    let (app, admin) = TestApp::with_admin().await;
    let tech = app.login_as("tina", Profile::Technician).await;
    let user = app.login_as("uma", Profile::User).await;
    let other = app.login_as("otto", Profile::User).await;
    let uma = app.user_id("uma");
    let id = open_ticket(
        &app,
        &admin,
        &[
            ("requester", &format!("u{uma}")),
            ("title", "Printer <b>jams</b>"),
            ("description", "Paper stuck in **tray 2**."),
        ],
    )
    .await;
    let page = format!("/tickets/{id}");
    let print = format!("/tickets/{id}/print");
    for (reply, private) in [
        ("Replaced the roller.", "0"),
        ("Internal: order spares", "1"),
    ] {
        let r = tech
            .send_ticket_form(&page, &[("reply", reply), ("private", private)], &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }

    // The technician finds the link on the ticket and prints everything they see.
    assert!(
        tech.get(&page)
            .await
            .body
            .contains(&format!("href=\"{print}\""))
    );
    let sheet = tech.get(&print).await;
    assert_eq!(sheet.status, StatusCode::OK);
    assert!(
        sheet.body.contains("Printer &lt;b&gt;jams&lt;/b&gt;"),
        "title escaped"
    );
    assert!(
        sheet.body.contains("<strong>tray 2</strong>"),
        "description rendered"
    );
    assert!(sheet.body.contains("Replaced the roller."));
    assert!(sheet.body.contains("Internal: order spares"));
    assert!(sheet.body.contains("data-print"), "the print button");
    assert!(!sheet.body.contains("sidebar"), "no menu on paper");
    assert!(sheet.body.contains("print-event"), "events are printed");

    // A profile that reads only the text of the resolution prints only the replies.
    app.set_right(Profile::Technician, "ticket_resolution_text_only", true);
    let text_only = tech.get(&print).await;
    assert!(text_only.body.contains("Replaced the roller."));
    assert!(
        !text_only.body.contains("print-event"),
        "{}",
        text_only.body
    );
    assert!(!tech.get(&page).await.body.contains("event-entry"));
    app.set_right(Profile::Technician, "ticket_resolution_text_only", false);

    // The requester prints it too, without the reply hidden from them.
    let theirs = user.get(&print).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(theirs.body.contains("Replaced the roller."));
    assert!(!theirs.body.contains("order spares"), "{}", theirs.body);

    // Someone who does not see the ticket gets nothing; without the right, neither link nor page.
    assert_eq!(other.get(&print).await.status, StatusCode::NOT_FOUND);
    app.set_right(Profile::User, "ticket_print", false);
    let again = user.get(&page).await;
    assert!(!again.body.contains(&format!("href=\"{print}\"")));
    assert_ne!(user.get(&print).await.status, StatusCode::OK);
    app.stop().await;
}
