//! Tickets: the form for technicians and for requesters, the thread, attachments, states and
//! their rules, templates, reminders, visibility, concurrent saves and bad input.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{Client, TestApp, open_ticket};

#[tokio::test]
async fn a_technician_opens_a_ticket_with_every_field() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("ursula", "some password", Profile::User)
        .await;
    let ursula = app.user_id("ursula");
    let admin_id = app.user_id("admin");

    let form = admin.get("/tickets/new").await;
    assert_eq!(form.status, StatusCode::OK);
    for field in [
        "requester",
        "technician",
        "category_id",
        "subcategory_id",
        "title",
        "description",
        "created_at",
        "hope_date",
        "resolved_at",
        "time_spent",
        "time_hope",
        "priority_id",
        "criticality_id",
        "state_id",
    ] {
        form.assert_contains(&format!(r#"name="{field}""#));
    }
    // The creator is the technician by default; the requester starts empty, with a warning.
    form.assert_contains(&format!(
        r#"<option value="u{admin_id}" selected data-detail="admin">"#
    ));
    form.assert_contains("field-warning");
    // Types and places are off by default.
    assert!(!form.body.contains(r#"name="type_id""#));
    assert!(!form.body.contains(r#"name="place_id""#));

    let requester = format!("u{ursula}");
    let id = open_ticket(
        &app,
        &admin,
        &[
            ("requester", &requester),
            ("category_id", "2"),
            ("subcategory_id", "2"),
            ("title", "Printer jams on floor 2"),
            ("description", "It **jams** every morning."),
            ("priority_id", "2"),
            ("criticality_id", "3"),
            ("time_hope", "60"),
            ("hope_date", "2099-01-31"),
        ],
    )
    .await;
    let page = admin.get(&format!("/tickets/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("Printer jams on floor 2")
        .assert_contains("The ticket has been created.")
        .assert_contains("opened the ticket")
        .assert_contains("assigned the ticket to Ada Admin");
    assert_eq!(
        app.count(&format!("SELECT state_id FROM tickets WHERE id = {id}")),
        1,
        "assigned: waiting"
    );
    assert_eq!(
        app.count(&format!("SELECT requester_id FROM tickets WHERE id = {id}")),
        ursula
    );
    assert_eq!(
        app.text(&format!("SELECT hope_date FROM tickets WHERE id = {id}")),
        "2099-01-31"
    );
    app.stop().await;
}

/// A requester with a password, logged in.
async fn requester(app: &TestApp, login: &str) -> (Client, i64) {
    let client = app.login_as(login, Profile::User).await;
    (client, app.user_id(login))
}

#[tokio::test]
async fn a_requester_sends_a_ticket_through_the_simple_form() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("tina", "technician pass", Profile::Technician)
        .await;
    let tina = app.user_id("tina");
    let (user, uma) = requester(&app, "uma").await;

    let form = user.get("/tickets/new").await;
    assert_eq!(form.status, StatusCode::OK);
    for field in [
        "category_id",
        "subcategory_id",
        "title",
        "description",
        "criticality_id",
        "attachments",
    ] {
        form.assert_contains(&format!(r#"name="{field}""#));
    }
    for hidden in [
        "requester",
        "technician",
        "state_id",
        "priority_id",
        "created_at",
        "time_spent",
    ] {
        assert!(
            !form.body.contains(&format!(r#"name="{hidden}""#)),
            "{hidden} shown to a requester"
        );
    }
    form.assert_contains(">Send<");

    // Crafted fields outside the simple form are ignored: the requester is always the sender.
    let r = user
        .send_ticket_form(
            "/tickets/new",
            &[
                ("title", "My screen flickers"),
                ("description", "Since Monday."),
                ("category_id", "2"),
                ("criticality_id", "2"),
                ("requester", "u1"),
                ("state_id", "3"),
                ("technician", &format!("u{tina}")),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id: i64 = app.count("SELECT max(id) FROM tickets");
    assert_eq!(
        app.count(&format!("SELECT requester_id FROM tickets WHERE id = {id}")),
        uma
    );
    assert_eq!(
        app.count(&format!("SELECT state_id FROM tickets WHERE id = {id}")),
        5,
        "unassigned"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM tickets WHERE id = {id} AND technician_id IS NULL"
        )),
        1
    );

    // Attached to a technician: the next ticket goes straight to them, waiting for handling.
    let r = admin
        .submit(
            &format!("/admin/users/{tina}"),
            &format!("/admin/users/{tina}/requesters"),
            &[("requester", &format!("u{uma}"))],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = user
        .send_ticket_form("/tickets/new", &[("title", "Second problem")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id: i64 = app.count("SELECT max(id) FROM tickets");
    assert_eq!(
        app.count(&format!(
            "SELECT technician_id FROM tickets WHERE id = {id}"
        )),
        tina
    );
    assert_eq!(
        app.count(&format!("SELECT state_id FROM tickets WHERE id = {id}")),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn a_companys_hours_count_the_time_spent_on_its_tickets_and_stop_new_ones_at_zero() {
    let (app, _admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let (uma, uma_id) = requester(&app, "uma").await;
    let (olga, olga_id) = requester(&app, "olga").await;
    app.sql()
        .execute(
            "INSERT INTO companies (name, limit_hour_number, limit_hour_days, limit_hour_date_start)
             VALUES ('ACME', 2, 30, date('now', 'localtime'))",
            [],
        )
        .expect("company");
    let acme: i64 = app.count("SELECT id FROM companies WHERE name = 'ACME'");
    for id in [uma_id, olga_id] {
        app.sql()
            .execute("UPDATE users SET company_id = ?1 WHERE id = ?2", [acme, id])
            .expect("member");
    }
    // Off by default: nothing is counted or shown.
    assert!(!uma.get("/tickets/new").await.body.contains("of work left"));

    app.set_setting("company_limit_hour", "1");
    uma.get("/").await.assert_contains("2.0 h left");
    uma.get("/tickets/new")
        .await
        .assert_contains("Your company (ACME) has 2.0 h of work left in this period.");
    let r = uma
        .send_ticket_form("/tickets/new", &[("title", "Printer")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id: i64 = app.count("SELECT max(id) FROM tickets");

    // The technician records an hour and a half: both members see what is left.
    let saved = tom
        .send_ticket_form(&format!("/tickets/{id}"), &[("time_spent", "60")], &[])
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    app.sql()
        .execute(
            "UPDATE tickets SET time_spent_minutes = time_spent_minutes + 30 WHERE id = ?1",
            [id],
        )
        .expect("more time");
    olga.get("/").await.assert_contains("0.5 h left");

    // Used up: the company's requesters cannot open tickets, and lose nothing they typed.
    app.sql()
        .execute(
            "UPDATE tickets SET time_spent_minutes = 150 WHERE id = ?1",
            [id],
        )
        .expect("used up");
    olga.get("/tickets/new")
        .await
        .assert_contains("Your company (ACME) has used all its hours for this period");
    let refused = olga
        .send_ticket_form(
            "/tickets/new",
            &[("title", "Scanner"), ("description", "keep me")],
            &[],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused
        .assert_contains("The hours of ACME for this period are used up")
        .assert_contains("keep me");
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 1);
    // A period over no longer counts.
    app.sql()
        .execute(
            "UPDATE companies SET limit_hour_date_start = date('now', '-40 days') WHERE id = ?1",
            [acme],
        )
        .expect("period over");
    let r = olga
        .send_ticket_form("/tickets/new", &[("title", "Scanner")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    app.stop().await;
}

#[tokio::test]
async fn ticket_limits_count_down_and_stop_new_tickets() {
    let (app, _admin) = TestApp::with_admin().await;
    let (user, uma) = requester(&app, "uma").await;
    app.set_setting("user_limit_ticket", "1");
    app.sql()
        .execute(
            "UPDATE users SET limit_ticket_number = 2, limit_ticket_days = 0, limit_ticket_date_start = '2020-01-01' WHERE id = ?1",
            [uma],
        )
        .expect("limit");
    user.get("/").await.assert_contains("2 left");
    user.get("/tickets/new")
        .await
        .assert_contains("You can open 2 more tickets.");
    for title in ["one", "two"] {
        let r = user
            .send_ticket_form("/tickets/new", &[("title", title)], &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    user.get("/").await.assert_contains("0 left");
    let refused = user
        .send_ticket_form(
            "/tickets/new",
            &[("title", "three"), ("description", "keep me")],
            &[],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused
        .assert_contains("Your ticket limit (2) is reached")
        .assert_contains("keep me");
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 2);

    // A company limit applies to all its users together.
    app.set_setting("company_limit_ticket", "1");
    app.sql().execute_batch("INSERT INTO companies (name, limit_ticket_number, limit_ticket_date_start) VALUES ('ACME', 3, '2020-01-01');").expect("company");
    let (other, olga) = requester(&app, "olga").await;
    let acme: i64 = app.count("SELECT id FROM companies WHERE name = 'ACME'");
    app.sql()
        .execute(
            "UPDATE users SET company_id = ?1 WHERE id IN (?2, ?3)",
            [acme, uma, olga],
        )
        .expect("company");
    app.sql()
        .execute(
            "UPDATE users SET limit_ticket_number = 0 WHERE id = ?1",
            [uma],
        )
        .expect("no user limit");
    other.get("/").await.assert_contains("one left");
    assert_eq!(
        other
            .send_ticket_form("/tickets/new", &[("title", "four")], &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        user.send_ticket_form("/tickets/new", &[("title", "five")], &[])
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    app.stop().await;
}

#[tokio::test]
async fn the_thread_records_every_event_and_hides_private_replies_from_the_requester() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("tina", "technician pass", Profile::Technician)
        .await;
    let tina = app.user_id("tina");
    let (user, uma) = requester(&app, "uma").await;
    let id = open_ticket(
        &app,
        &admin,
        &[
            ("requester", &format!("u{uma}")),
            ("technician", ""),
            ("title", "VPN down"),
        ],
    )
    .await;
    assert_eq!(
        app.count(&format!("SELECT state_id FROM tickets WHERE id = {id}")),
        5,
        "no technician: unassigned"
    );
    let page = format!("/tickets/{id}");

    // Assigning moves an unassigned ticket to waiting; reassigning is recorded too.
    assert_eq!(
        admin
            .send_ticket_form(&page, &[("technician", "u1")], &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.count(&format!("SELECT state_id FROM tickets WHERE id = {id}")),
        1
    );
    assert_eq!(
        admin
            .send_ticket_form(&page, &[("technician", &format!("u{tina}"))], &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );

    // The technician's first text reply starts the work.
    let tech = app.client();
    tech.login("tina", "technician pass").await;
    let r = tech
        .send_ticket_form(&page, &[("reply", "I am on it.")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count(&format!("SELECT state_id FROM tickets WHERE id = {id}")),
        2,
        "in progress"
    );
    assert!(
        app.count(&format!(
            "SELECT last_tech_reply_at IS NOT NULL FROM tickets WHERE id = {id}"
        )) == 1
    );

    // A reply hidden from the requester.
    let r = tech
        .send_ticket_form(
            &page,
            &[
                ("reply", "Internal: router config is wrong"),
                ("private", "1"),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // The requester replies too.
    let r = user
        .send_ticket_form(&page, &[("reply", "Thanks, still down here.")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count(&format!("SELECT tech_read FROM tickets WHERE id = {id}")),
        0,
        "unread by the technician"
    );

    let seen_by_user = user.get(&page).await;
    seen_by_user
        .assert_contains("I am on it.")
        .assert_contains("Thanks, still down here.");
    assert!(
        !seen_by_user.body.contains("router config"),
        "a hidden reply reached the requester"
    );
    let seen_by_tech = tech.get(&page).await;
    seen_by_tech
        .assert_contains("router config")
        .assert_contains("Hidden");
    assert_eq!(
        app.count(&format!("SELECT tech_read FROM tickets WHERE id = {id}")),
        1,
        "read by its technician"
    );

    // The eye: showing the reply to the requester, then hiding it again.
    let private_id = app.count("SELECT id FROM thread_entries WHERE body LIKE 'Internal:%'");
    let r = tech
        .submit(&page, &format!("{page}/entries/{private_id}/private"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    user.get(&page).await.assert_contains("router config");
    tech.submit(&page, &format!("{page}/entries/{private_id}/private"), &[])
        .await;
    assert!(!user.get(&page).await.body.contains("router config"));
    // The requester cannot toggle, edit or delete someone else's reply.
    let user_token = user.get(&page).await.csrf();
    for action in ["private", "delete"] {
        let path = format!("{page}/entries/{private_id}/{}", action);
        let r = user.post_raw(&path, &[("_csrf", &user_token)]).await;
        assert!(
            matches!(r.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
            "{action}: {}",
            r.status
        );
    }
    let r = user
        .post_raw(
            &format!("{page}/entries/{private_id}"),
            &[("_csrf", &user_token), ("body", "rewritten")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // The technician edits and deletes replies.
    let first = app.count("SELECT id FROM thread_entries WHERE body = 'I am on it.'");
    let r = tech
        .submit(
            &page,
            &format!("{page}/entries/{first}"),
            &[("body", "I am on it (edited).")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    tech.get(&page)
        .await
        .assert_contains("I am on it (edited).")
        .assert_contains("edited");
    let r = tech
        .submit(&page, &format!("{page}/entries/{first}/delete"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM thread_entries WHERE id = {first}"
        )),
        0
    );

    // Without the thread on the page (ticket_resolution_disp), its actions are refused too,
    // replies included, even to the technician who may otherwise edit and delete.
    let second = app.count("SELECT id FROM thread_entries WHERE body = 'Thanks, still down here.'");
    app.set_right(Profile::Technician, "ticket_resolution_disp", false);
    let blind = tech.get(&page).await;
    assert!(!blind.body.contains("Thanks, still down here."));
    let token = blind.csrf();
    for (path, body) in [
        (format!("{page}/entries/{second}"), "rewritten"),
        (format!("{page}/entries/{second}/delete"), ""),
        (format!("{page}/entries/{second}/private"), ""),
    ] {
        let r = tech
            .post_raw(&path, &[("_csrf", &token), ("body", body)])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    let r = tech
        .send_ticket_form(&page, &[("reply", "typed blind")], &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.count("SELECT count(*) FROM thread_entries WHERE body IN ('rewritten', 'typed blind')"),
        0
    );
    app.set_right(Profile::Technician, "ticket_resolution_disp", true);

    // Closing by the requester resolves the ticket and sets its resolution date.
    let r = user.submit(&page, &format!("{page}/close"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.count(&format!("SELECT state_id FROM tickets WHERE id = {id}")),
        3
    );
    assert_eq!(
        app.count(&format!(
            "SELECT resolved_at IS NOT NULL FROM tickets WHERE id = {id}"
        )),
        1
    );

    let kinds: Vec<String> = {
        let sql = app.sql();
        let mut stmt = sql
            .prepare("SELECT kind FROM thread_entries WHERE ticket_id = ?1 ORDER BY created_at, id")
            .expect("prepare");
        stmt.query_map([id], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    assert_eq!(
        kinds,
        [
            "opened", "assigned", "state", "assigned", "state", "text", "text", "closed"
        ]
        .map(String::from)
    );
    let page_text = admin.get(&page).await;
    page_text
        .assert_contains("assigned the ticket to Test tina (was: Ada Admin)")
        .assert_contains("changed the state from Waiting for handling to In progress")
        .assert_contains("closed the ticket (Resolved)");
    app.stop().await;
}

#[tokio::test]
async fn the_description_and_replies_are_sanitized() {
    let (app, admin) = TestApp::with_admin().await;
    let id = open_ticket(&app, &admin, &[
        ("requester", "u1"),
        ("title", "XSS <b>attempt</b>"),
        ("description", "<script>alert('x')</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(2)> **fine**"),
    ]).await;
    let r = admin
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", "<iframe src=https://evil.test></iframe> ok")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    app.set_right(Profile::Administrator, "ticket_description", false);
    let page = admin.get(&format!("/tickets/{id}")).await;
    let body = page.body.to_lowercase();
    assert!(!body.contains("<script>alert"), "script survived");
    // Only real tags count: escaped text inside attribute values (`&lt;img ...`) is inert.
    for (at, _) in body
        .match_indices('<')
        .filter(|(at, _)| !body[*at..].starts_with("<input"))
    {
        let tag = &body[at..body[at..].find('>').map_or(body.len(), |e| at + e)];
        assert!(
            !tag.contains(" onerror") && !tag.contains(" onclick"),
            "event handler survived: {tag}"
        );
        assert!(
            !tag.contains("javascript:"),
            "javascript: link survived: {tag}"
        );
    }
    assert!(!body.contains("<iframe"), "iframe survived");
    page.assert_contains("<strong>fine</strong>")
        .assert_contains("XSS &lt;b&gt;attempt&lt;/b&gt;");
    app.stop().await;
}

/// Adds `n` active users named "Bulk NNN" straight into the database.
pub fn many_users(app: &TestApp, n: i64) {
    app.sql()
        .execute(
            "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?1)
             INSERT INTO users (login, firstname, lastname, profile_id, mail, created_at, updated_at)
             SELECT 'bulk' || i, 'Bulk', printf('%03d', i), 2, 'bulk' || i || '@example.test', 0, 0 FROM k",
            [n],
        )
        .expect("bulk users");
}

#[tokio::test]
async fn a_long_requester_list_is_searched_rather_than_sent_whole() {
    let (app, admin) = TestApp::with_admin().await;
    let (user, uma) = requester(&app, "uma").await;
    app.sql().execute("UPDATE users SET firstname = 'Uma', lastname = 'Zimmer', phone = '+33 1 02 03 04 05' WHERE id = ?1", [uma]).expect("name");
    // A short list is shown whole.
    let form = admin.get("/tickets/new").await;
    form.assert_contains(&format!(r#"<option value="u{uma}""#));
    assert!(!form.body.contains("data-search-url"));

    many_users(&app, 250);
    let form = admin.get("/tickets/new").await;
    form.assert_contains(r#"data-search-url="/users/choices""#);
    assert!(
        !form.body.contains(r#"value="u100""#),
        "every user was listed"
    );
    assert!(
        form.body.len() < 40_000,
        "the form is {} bytes",
        form.body.len()
    );

    // The search finds people by name, login or mail, as JSON the form script reads.
    let found = admin.get("/users/choices?q=zimm").await;
    assert_eq!(found.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&found.body).expect("json");
    assert_eq!(json[0]["value"], format!("u{uma}"));
    // The login (and the company, when there is one) tells homonyms apart.
    assert_eq!(json[0]["label"], "Uma Zimmer");
    assert_eq!(json[0]["detail"], "uma");
    assert_eq!(json[0]["phone"], "+33 1 02 03 04 05");
    let many: serde_json::Value =
        serde_json::from_str(&admin.get("/users/choices?q=bulk").await.body).expect("json");
    assert_eq!(
        many.as_array().map(Vec::len),
        Some(20),
        "answers are capped"
    );
    let none: serde_json::Value =
        serde_json::from_str(&admin.get("/users/choices?q=%25").await.body).expect("json");
    assert_eq!(
        none.as_array().map(Vec::len),
        Some(0),
        "% is a character, not a wildcard"
    );
    // Requesters may not look through the user base.
    assert_eq!(
        user.get("/users/choices?q=bulk").await.status,
        StatusCode::FORBIDDEN
    );

    // A ticket for a found requester shows them on its page even though the list is long.
    let id = open_ticket(
        &app,
        &admin,
        &[
            ("requester", &format!("u{uma}")),
            ("title", "Found by search"),
        ],
    )
    .await;
    admin
        .get(&format!("/tickets/{id}"))
        .await
        .assert_contains(&format!(r#"<option value="u{uma}" selected"#))
        .assert_contains("tel:+33102030405");
    app.stop().await;
}

#[tokio::test]
async fn the_form_follows_settings_and_shows_who_the_requester_is() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("uma", "some password", Profile::User).await;
    let uma = app.user_id("uma");
    app.sql()
        .execute_batch("INSERT INTO companies (name) VALUES ('ACME'); INSERT INTO places (name) VALUES ('Head office');")
        .expect("lists");
    app.sql()
        .execute(
            "UPDATE users SET firstname = 'Uma', lastname = 'Zimmer', mail = 'uma@acme.test', phone = '+33 4 72 00 00 01',
                              company_id = (SELECT id FROM companies WHERE name = 'ACME') WHERE id = ?1",
            [uma],
        )
        .expect("details");

    // Each requester option carries mail and phone for the links beside the list, and the
    // login and company the picker shows under the name.
    let form = admin.get("/tickets/new").await;
    form.assert_contains(&format!(r#"<option value="u{uma}" data-mail="uma@acme.test" data-phone="+33 4 72 00 00 01" data-detail="uma · ACME">Uma Zimmer</option>"#));
    // With ticket_user_company the company comes first.
    app.set_right(Profile::Administrator, "ticket_user_company", true);
    admin
        .get("/tickets/new")
        .await
        .assert_contains(">ACME – Uma Zimmer</option>");

    // Types and places appear when their settings are on.
    app.set_setting("ticket_type", "1");
    app.set_setting("ticket_places", "1");
    let form = admin.get("/tickets/new").await;
    form.assert_contains(r#"name="type_id""#)
        .assert_contains(r#"name="place_id""#)
        .assert_contains(">Incident</option>");
    let place = app.count("SELECT id FROM places WHERE name = 'Head office'");
    let r = admin
        .send_ticket_form(
            "/tickets/new",
            &[
                ("requester", &format!("u{uma}")),
                ("title", "Badge reader"),
                ("type_id", "2"),
                ("place_id", &place.to_string()),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = app.count("SELECT max(id) FROM tickets");
    assert_eq!(
        app.count(&format!(
            "SELECT type_id * 1000 + place_id FROM tickets WHERE id = {id}"
        )),
        2000 + place
    );
    // The saved requester's mail and phone are links.
    admin
        .get(&format!("/tickets/{id}"))
        .await
        .assert_contains(r#"href="mailto:uma@acme.test""#)
        .assert_contains(r#"href="tel:+33472000001""#);

    // Quick add of a subcategory under the chosen category, answered as JSON for the form.
    let dialog = admin.get("/subcategories/quick?category=2").await;
    dialog.assert_contains(r#"name="category_id" value="2""#);
    let r = admin
        .submit_json(
            "/subcategories/quick?category=2",
            "/subcategories/quick",
            &[("category_id", "2"), ("name", "Docking station")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let json: serde_json::Value = serde_json::from_str(&r.body).expect("json");
    assert_eq!(json["label"], "Docking station");
    assert_eq!(json["category"], "2");
    let sub = json["value"].as_str().expect("value").to_owned();
    admin.get("/tickets/new").await.assert_contains(&format!(
        r#"<option value="{sub}" data-category="2">Docking station</option>"#
    ));
    let r = admin
        .submit_json(
            "/subcategories/quick?category=2",
            "/subcategories/quick",
            &[("category_id", "2"), ("name", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("This field is required.");
    app.stop().await;
}

#[tokio::test]
async fn thread_rights_decide_who_edits_and_deletes_which_reply() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("tina", "technician pass", Profile::Technician)
        .await;
    let tina = app.client();
    tina.login("tina", "technician pass").await;
    let id = open_ticket(
        &app,
        &admin,
        &[("requester", "u1"), ("title", "Shared printer")],
    )
    .await;
    let page = format!("/tickets/{id}");
    admin
        .send_ticket_form(&page, &[("reply", "Admin's note")], &[])
        .await;
    tina.send_ticket_form(&page, &[("reply", "Tina's note")], &[])
        .await;
    let admins = app.count("SELECT id FROM thread_entries WHERE body = 'Admin''s note'");
    let tinas = app.count("SELECT id FROM thread_entries WHERE body = 'Tina''s note'");

    // A technician edits their own replies (ticket_thread_edit) but not others' without
    // ticket_thread_edit_all, and deletes nothing without ticket_thread_delete.
    for right in [
        "ticket_thread_edit_all",
        "ticket_thread_delete_all",
        "ticket_thread_delete",
    ] {
        app.set_right(Profile::Technician, right, false);
    }
    let shown = tina.get(&page).await;
    assert!(
        shown
            .body
            .contains(&format!(r#"action="{page}/entries/{tinas}""#))
    );
    assert!(
        !shown
            .body
            .contains(&format!(r#"action="{page}/entries/{admins}""#)),
        "edit offered on someone else's reply"
    );
    let r = tina
        .submit(
            &page,
            &format!("{page}/entries/{admins}"),
            &[("body", "rewritten")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = tina
        .submit(&page, &format!("{page}/entries/{tinas}/delete"), &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    app.set_right(Profile::Technician, "ticket_thread_edit_all", true);
    let r = tina
        .submit(
            &page,
            &format!("{page}/entries/{admins}"),
            &[("body", "Admin's note, completed")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    app.set_right(Profile::Technician, "ticket_thread_delete", true);
    let r = tina
        .submit(&page, &format!("{page}/entries/{tinas}/delete"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = tina
        .submit(&page, &format!("{page}/entries/{admins}/delete"), &[])
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "deleting others' replies needs ticket_thread_delete_all"
    );
    // An empty edit is refused with a message, not saved.
    let r = admin
        .submit(
            &page,
            &format!("{page}/entries/{admins}"),
            &[("body", "  ")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains(r#"<details class="entry-edit" open>"#)
        .assert_contains("This field is required.");
    assert_eq!(
        app.text(&format!(
            "SELECT body FROM thread_entries WHERE id = {admins}"
        )),
        "Admin's note, completed"
    );
    // Without ticket_thread_post nobody replies, even with a crafted form.
    app.set_right(Profile::Technician, "ticket_thread_post", false);
    assert!(!tina.get(&page).await.body.contains(r#"name="reply""#));
    let r = tina
        .send_ticket_form(&page, &[("reply", "sneaky")], &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.count("SELECT count(*) FROM thread_entries WHERE body = 'sneaky'"),
        0
    );
    app.stop().await;
}
