//! Who the technician field offers: technicians, administrators with `ticket_tech_admin`,
//! supervisors with `ticket_tech_super`; a technician the form does not offer is refused on
//! the server too.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{TestApp, open_ticket};

#[tokio::test]
async fn the_technician_field_offers_the_profiles_the_rights_name() {
    let (app, _admin) = TestApp::with_admin().await;
    let tech = app.login_as("tina", Profile::Technician).await;
    app.create_user("sam", "supervisor pass", Profile::Supervisor)
        .await;
    let (admin_id, sam_id) = (app.user_id(crate::common::ADMIN_LOGIN), app.user_id("sam"));
    let offered = |body: &str, id: i64| body.contains(&format!("value=\"u{id}\" data-detail"));

    // By default technicians are offered administrators, not supervisors.
    let form = tech.get("/tickets/new").await.body;
    assert!(offered(&form, admin_id));
    assert!(!offered(&form, sam_id));
    let id = open_ticket(&app, &tech, &[("title", "Badge reader")]).await;
    let page = format!("/tickets/{id}");
    let refused = tech
        .send_ticket_form(&page, &[("technician", &format!("u{sam_id}"))], &[])
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a supervisor is not offered"
    );

    // With `ticket_tech_super`, supervisors are; without `ticket_tech_admin`, administrators not.
    app.set_right(Profile::Technician, "ticket_tech_super", true);
    app.set_right(Profile::Technician, "ticket_tech_admin", false);
    let form = tech.get("/tickets/new").await.body;
    assert!(offered(&form, sam_id));
    assert!(!offered(&form, admin_id));
    let r = tech
        .send_ticket_form(&page, &[("technician", &format!("u{sam_id}"))], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = tech
        .send_ticket_form(&page, &[("technician", &format!("u{admin_id}"))], &[])
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an administrator is not offered"
    );
    app.stop().await;
}
