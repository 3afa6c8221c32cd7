//! Service partitioning (`user_limit_service` with `ticket_cat_service_only`,
//! `ticket_type_service_limit`, `ticket_priority_service_limit`,
//! `ticket_criticality_service_limit`, `ticket_tech_service_lock`, `ticket_sender_service_disp`):
//! an accounting clerk only sees the accounting categories, a ticket of the workshop only offers
//! the workshop's priorities and technicians, and values of another service sent by hand are
//! refused on their field.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{TestApp, open_ticket};

struct Org {
    ledger: i64,
    lathe: i64,
    urgent_workshop: i64,
    workshop: i64,
}

fn organise(app: &TestApp) -> Org {
    let sql = app.sql();
    sql.execute_batch(
        "INSERT INTO services (name) VALUES ('Accounting'), ('Workshop');
         INSERT INTO categories (position, name, service_id)
             SELECT 10, 'Ledger', id FROM services WHERE name = 'Accounting';
         INSERT INTO categories (position, name, service_id)
             SELECT 11, 'Lathe', id FROM services WHERE name = 'Workshop';
         INSERT INTO priorities (position, name, color, service_id)
             SELECT 9, 'Workshop stop', '#ff0000', id FROM services WHERE name = 'Workshop';",
    )
    .expect("organisation");
    let id = |sql: &str| app.count(sql);
    let org = Org {
        ledger: id("SELECT id FROM categories WHERE name = 'Ledger'"),
        lathe: id("SELECT id FROM categories WHERE name = 'Lathe'"),
        urgent_workshop: id("SELECT id FROM priorities WHERE name = 'Workshop stop'"),
        workshop: id("SELECT id FROM services WHERE name = 'Workshop'"),
    };
    for (login, service) in [
        ("uma", "Accounting"),
        ("tina", "Accounting"),
        ("theo", "Workshop"),
    ] {
        sql.execute(
            "INSERT INTO user_services (user_id, service_id)
             SELECT u.id, s.id FROM users u, services s WHERE u.login = ?1 AND s.name = ?2",
            [login, service],
        )
        .expect("member");
    }
    org
}

#[tokio::test]
async fn each_service_sees_and_sets_only_its_own_choices() {
    let (app, _admin) = TestApp::with_admin().await;
    let tina = app.login_as("tina", Profile::Technician).await;
    app.login_as("theo", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    app.set_right(Profile::User, "ticket_new_cat", true);
    app.set_right(Profile::User, "ticket_new_cat_disp", true);
    let org = organise(&app);

    // Without partitioning, every category is offered.
    let form = uma.get("/tickets/new").await;
    form.assert_contains(">Ledger<").assert_contains(">Lathe<");

    app.set_setting("user_limit_service", "1");
    let form = uma.get("/tickets/new").await;
    form.assert_contains(">Ledger<");
    assert!(!form.body.contains(">Lathe<"), "another service's category");
    // Sent by hand, it is refused on its field, with what was typed kept.
    let r = uma
        .send_ticket_form(
            "/tickets/new",
            &[
                ("title", "Machine oil"),
                ("category_id", &org.lathe.to_string()),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    r.assert_contains("belongs to another service")
        .assert_contains("Machine oil");
    let id = open_ticket(
        &app,
        &uma,
        &[
            ("title", "Closing the books"),
            ("category_id", &org.ledger.to_string()),
        ],
    )
    .await;

    // The requester's service is recorded, and shown to those holding the right.
    let page = format!("/tickets/{id}");
    assert!(!tina.get(&page).await.body.contains("id=\"sender-service\""));
    app.set_right(Profile::Technician, "ticket_sender_service_disp", true);
    tina.get(&page)
        .await
        .assert_contains("Requester's service")
        .assert_contains("Accounting");

    // A workshop ticket offers the workshop's priority and, with the lock, its technicians.
    app.set_right(Profile::Technician, "ticket_tech_service_lock", true);
    app.set_right(Profile::Technician, "ticket_service", true);
    app.set_right(Profile::Technician, "ticket_service_disp", true);
    let r = tina
        .send_ticket_form(&page, &[("service_id", &org.workshop.to_string())], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let shown = tina.get(&page).await;
    shown.assert_contains(">Workshop stop<");
    let theo = app.user_id("theo");
    let tina_id = app.user_id("tina");
    let field = &shown.body[shown
        .body
        .find("id=\"f-technician\"")
        .expect("technician field")..];
    let field = &field[..field.find("</select>").expect("end of the field")];
    assert!(field.contains(&format!("value=\"u{theo}\"")), "{field}");
    assert!(
        !field.contains(&format!("value=\"u{tina_id}\"")),
        "an accounting technician is not offered for the workshop: {field}"
    );
    let r = tina
        .send_ticket_form(&page, &[("technician", &format!("u{tina_id}"))], &[])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("belongs to another service");
    let r = tina
        .send_ticket_form(&page, &[("technician", &format!("u{theo}"))], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // Back to accounting: the workshop's priority is refused.
    let accounting = app.count("SELECT id FROM services WHERE name = 'Accounting'");
    let r = tina
        .send_ticket_form(
            &page,
            &[
                ("service_id", &accounting.to_string()),
                ("priority_id", &org.urgent_workshop.to_string()),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count(&format!("SELECT service_id FROM tickets WHERE id = {id}")),
        org.workshop,
        "nothing saved"
    );
    app.stop().await;
}

#[tokio::test]
async fn colleagues_of_a_service_read_its_tickets_and_change_them_only_with_the_right() {
    let (app, _admin) = TestApp::with_admin().await;
    let tina = app.login_as("tina", Profile::Technician).await;
    let theo = app.login_as("theo", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let olga = app.login_as("olga", Profile::User).await;
    organise(&app);
    app.sql()
        .execute(
            "INSERT INTO user_services (user_id, service_id)
             SELECT u.id, s.id FROM users u, services s WHERE u.login = 'olga' AND s.name = 'Accounting'",
            [],
        )
        .expect("olga in accounting");
    app.set_setting("user_limit_service", "1");
    app.set_right(Profile::User, "side_all_service_disp", true);
    let accounting = app.count("SELECT id FROM services WHERE name = 'Accounting'");
    let id = open_ticket(&app, &uma, &[("title", "Invoice run")]).await;
    app.sql()
        .execute(
            "UPDATE tickets SET service_id = ?1 WHERE id = ?2",
            [accounting, id],
        )
        .expect("service");
    let page = format!("/tickets/{id}");

    // Olga reads her service's ticket, without a way to change it; a forged save is refused.
    let seen = olga.get(&page).await;
    seen.assert_contains("Invoice run");
    assert!(!seen.body.contains(r#"id="save-button""#));
    let r = olga
        .send_ticket_form(&page, &[("reply", "I can do it")], &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Nor does any other action change it behind the page's back: observers, delete, merge.
    for right in ["ticket_observer", "ticket_delete", "ticket_fusion"] {
        app.set_right(Profile::User, right, true);
    }
    let seen = olga.get(&page).await;
    assert!(!seen.body.contains(&format!("/tickets/{id}/delete")));
    assert!(!seen.body.contains(&format!("/tickets/{id}/merge")));
    let own = open_ticket(&app, &olga, &[("title", "My own")]).await;
    for (action, fields) in [
        (
            format!("/tickets/{id}/observers"),
            vec![("observer", format!("u{}", app.user_id("olga")))],
        ),
        (format!("/tickets/{id}/delete"), vec![]),
        (
            format!("/tickets/{own}/merge"),
            vec![("merge_target", id.to_string())],
        ),
        (
            format!("/tickets/{id}/merge"),
            vec![("merge_target", own.to_string())],
        ),
    ] {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = olga.submit("/", &action, &fields).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{action}");
    }
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM tickets WHERE id = {id} AND deleted = 0 AND merged_into_id IS NULL"
        )),
        1
    );
    assert_eq!(app.count("SELECT count(*) FROM ticket_observers"), 0);
    app.set_right(Profile::User, "side_all_service_edit", true);
    let r = olga
        .send_ticket_form(&page, &[("reply", "I can do it")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // A workshop technician kept to his service's tickets no longer sees accounting's, but
    // still sees those he handles.
    app.set_right(Profile::Technician, "dashboard_service_only", true);
    assert_eq!(theo.get(&page).await.status, StatusCode::NOT_FOUND);
    let r = tina
        .send_ticket_form(
            &page,
            &[("technician", &format!("u{}", app.user_id("theo")))],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    theo.get(&page).await.assert_contains("Invoice run");
    app.stop().await;
}
