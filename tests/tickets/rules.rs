//! Ticket rules around the form: added states, numbering, templates and copies, reminders,
//! who sees which ticket, two people saving at once, and bad input.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::http::ticket_form_values;
use crate::common::{Client, TestApp};

/// Creates a ticket through the full form; returns its number.
async fn open(app: &TestApp, client: &Client, fields: &[(&str, &str)]) -> i64 {
    let r = client.send_ticket_form("/tickets/new", fields, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = r
        .location()
        .expect("location")
        .trim_start_matches("/tickets/")
        .parse()
        .expect("number");
    assert_eq!(
        app.count(&format!("SELECT count(*) FROM tickets WHERE id = {id}")),
        1
    );
    id
}

fn field_of(app: &TestApp, id: i64, column: &str) -> String {
    app.text(&format!(
        "SELECT CAST({column} AS TEXT) FROM tickets WHERE id = {id}"
    ))
}

#[tokio::test]
async fn added_states_are_usable_closing_sets_the_resolution_date_and_numbers_only_go_up() {
    let (app, admin) = TestApp::with_admin().await;
    let r = admin
        .submit(
            "/admin/lists/states",
            "/admin/lists/states",
            &[
                ("name", "Waiting for parts"),
                ("position", "7"),
                ("color", "#888888"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let parts = app.count("SELECT id FROM ticket_states WHERE name = 'Waiting for parts'");
    admin
        .get("/tickets/new")
        .await
        .assert_contains("Waiting for parts");
    let id = open(
        &app,
        &admin,
        &[
            ("requester", "u1"),
            ("title", "Laptop hinge"),
            ("state_id", &parts.to_string()),
        ],
    )
    .await;
    admin
        .get(&format!("/tickets/{id}"))
        .await
        .assert_contains(r#"<span class="badge state-badge">Waiting for parts</span>"#);

    // Resolving by the state field fills the empty resolution date and records the closing.
    assert_eq!(field_of(&app, id, "resolved_at"), "");
    let r = admin
        .send_ticket_form(&format!("/tickets/{id}"), &[("state_id", "3")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_ne!(field_of(&app, id, "resolved_at"), "");
    admin
        .get(&format!("/tickets/{id}"))
        .await
        .assert_contains("closed the ticket (Resolved)");

    // Numbers: the next one can be set higher, never lower.
    let r = admin
        .submit(
            "/admin/settings",
            "/admin/settings/next-number",
            &[("next_number", "100")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        open(&app, &admin, &[("requester", "u1"), ("title", "Numbered")]).await,
        100
    );
    assert_eq!(
        open(&app, &admin, &[("requester", "u1"), ("title", "Next")]).await,
        101
    );
    let r = admin
        .submit(
            "/admin/settings",
            "/admin/settings/next-number",
            &[("next_number", "50")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("The next number cannot go below 102.")
        .assert_contains(r#"value="50""#);
    let r = admin
        .submit(
            "/admin/settings",
            "/admin/settings/next-number",
            &[("next_number", "a lot")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Enter a whole number.");
    assert_eq!(
        open(
            &app,
            &admin,
            &[("requester", "u1"), ("title", "Still in order")]
        )
        .await,
        102
    );
    app.stop().await;
}

#[tokio::test]
async fn templates_and_duplicates_fill_a_new_ticket() {
    let (app, admin) = TestApp::with_admin().await;
    let source = open(
        &app,
        &admin,
        &[
            ("requester", "u1"),
            ("title", "Monthly backup check"),
            ("description", "Check the *backup* logs."),
            ("category_id", "2"),
            ("subcategory_id", "2"),
            ("priority_id", "3"),
        ],
    )
    .await;

    // Administration > Lists > Templates binds a name to a ticket number.
    let r = admin
        .submit(
            "/admin/lists/templates",
            "/admin/lists/templates",
            &[("name", "Backup check"), ("ticket_id", "999")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("There is no ticket with this number.")
        .assert_contains(r#"value="Backup check""#);
    let r = admin
        .submit(
            "/admin/lists/templates",
            "/admin/lists/templates",
            &[("name", "Backup check"), ("ticket_id", &source.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let template = app.count("SELECT id FROM ticket_templates WHERE name = 'Backup check'");

    // "New ticket" offers it, and using it fills the form.
    let form = admin.get("/tickets/new").await;
    form.assert_contains("Start from a template")
        .assert_contains(&format!(
            r#"<option value="{template}">Backup check</option>"#
        ));
    let filled = admin
        .get(&format!("/tickets/new?template={template}"))
        .await;
    filled
        .assert_contains(r#"value="Monthly backup check""#)
        .assert_contains("Check the *backup* logs.")
        .assert_contains(r#"<option value="2" selected>Hardware</option>"#)
        .assert_contains(r#"<option value="3" selected>High</option>"#);
    // Sent as the browser would: every field as filled, plus the requester chosen.
    let mut values = ticket_form_values(&filled.body);
    values.retain(|(k, _)| k != "requester");
    values.push(("requester".to_owned(), "u1".to_owned()));
    let fields: Vec<(&str, &str)> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = admin.send_ticket_form_from(&filled, &fields, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let from_template = app.count("SELECT max(id) FROM tickets");
    assert_eq!(field_of(&app, from_template, "priority_id"), "3");
    assert_eq!(field_of(&app, from_template, "subcategory_id"), "2");
    assert_eq!(
        field_of(&app, from_template, "description"),
        "Check the *backup* logs."
    );

    // "Duplicate" opens a new ticket filled from the current one.
    admin
        .get(&format!("/tickets/{source}"))
        .await
        .assert_contains(&format!(r#"href="/tickets/new?copy={source}""#));
    admin
        .get(&format!("/tickets/new?copy={source}"))
        .await
        .assert_contains(r#"value="Monthly backup check""#);
    // Nobody copies a ticket they cannot see.
    let user = app.login_as("uma", Profile::User).await;
    let page = user.get(&format!("/tickets/new?copy={source}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Monthly backup check"));
    app.stop().await;
}

#[tokio::test]
async fn reminders_ring_for_the_ticket_technician() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("tina", "technician pass", Profile::Technician)
        .await;
    let tina_id = app.user_id("tina");
    let tina = app.client();
    tina.login("tina", "technician pass").await;
    let id = open(
        &app,
        &admin,
        &[
            ("requester", "u1"),
            ("technician", &format!("u{tina_id}")),
            ("title", "Renew certificate"),
        ],
    )
    .await;
    let page = format!("/tickets/{id}");

    // A bad date comes back with the text kept.
    let r = tina
        .submit(
            &page,
            &format!("{page}/reminders"),
            &[("due_at", "tomorrow"), ("text", "Call the registrar")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Enter a date and time.")
        .assert_contains(r#"value="Call the registrar""#);

    // A past date is refused, with what was typed kept.
    let r = tina
        .submit(
            &page,
            &format!("{page}/reminders"),
            &[
                ("due_at", "2020-01-01T09:00"),
                ("text", "Call the registrar"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("This date is past")
        .assert_contains(r#"value="Call the registrar""#);

    // One falls due (time passes), one stays far ahead: only the due one rings.
    for (due, text) in [
        ("2098-01-01T09:00", "Call the registrar"),
        ("2099-01-01T09:00", "Check renewal"),
    ] {
        let r = tina
            .submit(
                &page,
                &format!("{page}/reminders"),
                &[("due_at", due), ("text", text)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    app.sql()
        .execute(
            "UPDATE reminders SET due_at = 1577869200 WHERE text = 'Call the registrar'",
            [],
        )
        .expect("time passes");
    let home = tina.get("/").await;
    home.assert_contains(r#"<span class="bell-count">1</span>"#);
    tina.get(&page)
        .await
        .assert_contains("Call the registrar")
        .assert_contains("Check renewal");
    let due = tina.get("/reminders").await;
    due.assert_contains("Call the registrar")
        .assert_contains("Renew certificate");
    assert!(!due.body.contains("Check renewal"));
    // They ring for the ticket's technician, not for whoever set them.
    assert!(!admin.get("/").await.body.contains("bell-count"));

    let reminder = app.count("SELECT id FROM reminders WHERE text = 'Call the registrar'");
    // Someone else cannot tick it off.
    let token = admin.get("/reminders").await.csrf();
    let r = admin
        .post_raw(&format!("/reminders/{reminder}/done"), &[("_csrf", &token)])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = tina
        .submit("/reminders", &format!("/reminders/{reminder}/done"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!tina.get("/").await.body.contains("bell-count"));
    tina.get("/reminders")
        .await
        .assert_contains("No reminder is due.");

    // Without a technician there is nobody to remind; requesters have no bell.
    let unassigned = open(
        &app,
        &admin,
        &[
            ("requester", "u1"),
            ("technician", ""),
            ("title", "Nobody yet"),
        ],
    )
    .await;
    admin
        .get(&format!("/tickets/{unassigned}"))
        .await
        .assert_contains("assign one first");
    let user = app.login_as("uma", Profile::User).await;
    let token = user.get("/").await.csrf();
    let r = user
        .post_raw(
            &format!("{page}/reminders"),
            &[("_csrf", &token), ("due_at", "2020-01-01T09:00")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn requesters_see_their_own_tickets_technicians_see_all() {
    let (app, admin) = TestApp::with_admin().await;
    let uma_client = app.login_as("uma", Profile::User).await;
    let olga_client = app.login_as("olga", Profile::User).await;
    app.create_user("tina", "technician pass", Profile::Technician)
        .await;
    let tina = app.client();
    tina.login("tina", "technician pass").await;
    let (uma, olga) = (app.user_id("uma"), app.user_id("olga"));
    let mine = open(
        &app,
        &admin,
        &[
            ("requester", &format!("u{uma}")),
            ("title", "Uma's printer"),
        ],
    )
    .await;
    let theirs = open(
        &app,
        &admin,
        &[
            ("requester", &format!("u{olga}")),
            ("title", "Olga's phone"),
        ],
    )
    .await;

    assert_eq!(
        uma_client.get(&format!("/tickets/{mine}")).await.status,
        StatusCode::OK
    );
    let guessed = uma_client.get(&format!("/tickets/{theirs}")).await;
    assert_eq!(guessed.status, StatusCode::NOT_FOUND);
    assert!(!guessed.body.contains("Olga's phone"));
    assert_eq!(
        uma_client.get("/tickets/99999").await.status,
        StatusCode::NOT_FOUND
    );
    // Saving or closing a guessed ticket is "not found" too.
    let r = uma_client
        .send_ticket_form(&format!("/tickets/{mine}"), &[], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let token = uma_client.get(&format!("/tickets/{mine}")).await.csrf();
    let r = uma_client
        .post_raw(&format!("/tickets/{theirs}/close"), &[("_csrf", &token)])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(field_of(&app, theirs, "state_id"), "1");
    for id in [mine, theirs] {
        assert_eq!(
            tina.get(&format!("/tickets/{id}")).await.status,
            StatusCode::OK,
            "technicians see all"
        );
    }
    // The home page lists only what one may see.
    let home = uma_client.get("/").await;
    home.assert_contains("Uma's printer");
    assert!(!home.body.contains("Olga's phone"));

    // A company's users see each other's tickets when that policy is on.
    app.sql()
        .execute_batch("INSERT INTO companies (name) VALUES ('ACME');")
        .expect("company");
    app.sql().execute("UPDATE users SET company_id = (SELECT id FROM companies WHERE name = 'ACME') WHERE id IN (?1, ?2)", [uma, olga]).expect("members");
    assert_eq!(
        uma_client.get(&format!("/tickets/{theirs}")).await.status,
        StatusCode::NOT_FOUND
    );
    app.set_setting("user_company_view", "1");
    let colleague = uma_client.get(&format!("/tickets/{theirs}")).await;
    colleague.assert_contains("Olga's phone");
    // She sees her colleague's ticket, but "Close ticket" is Olga's: the page does not offer
    // it, and posting to its address is refused the same way (it used to close the ticket).
    assert!(!colleague.body.contains(&format!("/tickets/{theirs}/close")));
    let r = uma_client
        .post_raw(
            &format!("/tickets/{theirs}/close"),
            &[("_csrf", &colleague.csrf())],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(field_of(&app, theirs, "state_id"), "1", "still open");
    app.set_right(Profile::User, "side_company", false);
    assert_eq!(
        uma_client.get(&format!("/tickets/{theirs}")).await.status,
        StatusCode::NOT_FOUND
    );
    app.set_setting("user_company_view", "0");

    // With service partitioning, a service's tickets are visible to its members who may see them.
    app.sql()
        .execute_batch("INSERT INTO services (name) VALUES ('Accounting');")
        .expect("service");
    let service = app.count("SELECT id FROM services WHERE name = 'Accounting'");
    app.sql()
        .execute(
            "INSERT INTO user_services (user_id, service_id) VALUES (?1, ?2)",
            [uma, service],
        )
        .expect("member");
    app.sql()
        .execute(
            "UPDATE tickets SET service_id = ?1 WHERE id = ?2",
            [service, theirs],
        )
        .expect("service");
    app.set_setting("user_limit_service", "1");
    assert_eq!(
        uma_client.get(&format!("/tickets/{theirs}")).await.status,
        StatusCode::NOT_FOUND
    );
    app.set_right(Profile::User, "side_all_service_disp", true);
    assert_eq!(
        uma_client.get(&format!("/tickets/{theirs}")).await.status,
        StatusCode::OK
    );

    // A user group's tickets are visible to its members.
    app.sql()
        .execute_batch("INSERT INTO groups (name, kind) VALUES ('Front desk', 'user');")
        .expect("group");
    let group = app.count("SELECT id FROM groups WHERE name = 'Front desk'");
    app.sql()
        .execute(
            "INSERT INTO group_members (group_id, user_id) VALUES (?1, ?2)",
            [group, olga],
        )
        .expect("member");
    let shared = open(
        &app,
        &admin,
        &[
            ("requester", &format!("g{group}")),
            ("title", "Front desk badge reader"),
        ],
    )
    .await;
    olga_client
        .get(&format!("/tickets/{shared}"))
        .await
        .assert_contains("Front desk badge reader");
    assert_eq!(
        uma_client.get(&format!("/tickets/{shared}")).await.status,
        StatusCode::NOT_FOUND
    );

    // Read and unread by the assigned technician.
    let assigned = open(
        &app,
        &admin,
        &[
            ("requester", &format!("u{uma}")),
            ("technician", &format!("u{}", app.user_id("tina"))),
            ("title", "For Tina"),
        ],
    )
    .await;
    assert_eq!(field_of(&app, assigned, "tech_read"), "0");
    admin.get(&format!("/tickets/{assigned}")).await;
    assert_eq!(
        field_of(&app, assigned, "tech_read"),
        "0",
        "only the assigned technician marks it read"
    );
    tina.get(&format!("/tickets/{assigned}")).await;
    assert_eq!(field_of(&app, assigned, "tech_read"), "1");
    app.stop().await;
}

#[tokio::test]
async fn two_people_saving_the_same_ticket_do_not_overwrite_each_other() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("tina", "technician pass", Profile::Technician)
        .await;
    let tina = app.client();
    tina.login("tina", "technician pass").await;
    let id = open(
        &app,
        &admin,
        &[
            ("requester", "u1"),
            ("title", "Slow network"),
            ("priority_id", "4"),
        ],
    )
    .await;
    let page = format!("/tickets/{id}");

    // Different fields: both changes are kept.
    let admin_form = admin.get(&page).await;
    let tina_form = tina.get(&page).await;
    let r = admin
        .send_ticket_form_from(&admin_form, &[("priority_id", "1")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = tina
        .send_ticket_form_from(&tina_form, &[("title", "Slow network on floor 3")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    tina.get(&page)
        .await
        .assert_contains("both changes were kept");
    assert_eq!(field_of(&app, id, "priority_id"), "1");
    assert_eq!(field_of(&app, id, "title"), "Slow network on floor 3");

    // The same field: the second save is held back, with both values shown.
    let admin_form = admin.get(&page).await;
    let tina_form = tina.get(&page).await;
    let r = admin
        .send_ticket_form_from(&admin_form, &[("title", "Switch failure")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let held = tina
        .send_ticket_form_from(
            &tina_form,
            &[
                ("title", "Cable cut"),
                ("priority_id", "5"),
                ("reply", "Found the cause."),
            ],
            &[],
        )
        .await;
    assert_eq!(held.status, StatusCode::UNPROCESSABLE_ENTITY);
    held.assert_contains("Someone saved this ticket while you were editing it.")
        .assert_contains("Changed by someone else while you were editing.")
        .assert_contains("Switch failure")
        .assert_contains(r#"value="Cable cut""#)
        .assert_contains("Found the cause.");
    assert_eq!(field_of(&app, id, "title"), "Switch failure");
    assert_eq!(
        field_of(&app, id, "priority_id"),
        "1",
        "nothing of the held save was written"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM thread_entries WHERE ticket_id = {id} AND kind = 'text'"
        )),
        0
    );
    // Saving again from there keeps Tina's version on purpose.
    let r = tina
        .send_ticket_form_from(
            &held,
            &[
                ("title", "Cable cut"),
                ("priority_id", "5"),
                ("reply", "Found the cause."),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(field_of(&app, id, "title"), "Cable cut");
    assert_eq!(field_of(&app, id, "priority_id"), "5");

    // A tampered version only forces the same careful merge.
    let form = admin.get(&page).await;
    let r = admin
        .send_ticket_form_from(
            &form,
            &[("version", "not a number"), ("priority_id", "2")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(field_of(&app, id, "priority_id"), "2");
    app.stop().await;
}

#[tokio::test]
async fn bad_input_comes_back_with_everything_typed_and_nothing_saved() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("gone", "some password", Profile::User)
        .await;
    app.create_user("ulla", "some password", Profile::User)
        .await;
    let gone = app.user_id("gone");
    app.sql()
        .execute("UPDATE users SET disabled = 1 WHERE id = ?1", [gone])
        .expect("disable");
    let ulla = format!("u{}", app.user_id("ulla"));

    let typed = |extra: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
        let mut fields = vec![
            ("requester", ulla.clone()),
            ("title", "Projector flickers".to_owned()),
            ("description", "In room **B12**".to_owned()),
            ("category_id", "1".to_owned()),
        ];
        for (k, v) in extra {
            fields.retain(|(name, _)| name != k);
            fields.push((k, (*v).to_owned()));
        }
        fields
    };
    let cases: Vec<(Vec<(&str, String)>, &str)> = vec![
        (typed(&[("title", "  ")]), "This field is required."),
        (
            typed(&[("subcategory_id", "2")]),
            "This subcategory does not belong to the chosen category.",
        ),
        (
            typed(&[
                ("created_at", "2026-05-10T10:00"),
                ("hope_date", "2026-05-01"),
            ]),
            "The hoped resolution date cannot be before the opening date.",
        ),
        (
            typed(&[("created_at", "yesterday")]),
            "Enter a date and time.",
        ),
        (
            typed(&[("requester", "u9999")]),
            "Choose an entry from the list.",
        ),
        (
            typed(&[("requester", &format!("u{gone}"))]),
            "Choose an entry from the list.",
        ),
        (
            typed(&[("requester", "g9999")]),
            "Choose an entry from the list.",
        ),
        (
            typed(&[("technician", &ulla)]),
            "Choose an entry from the list.",
        ),
        (
            typed(&[("state_id", "999")]),
            "Choose an entry from the list.",
        ),
        (
            typed(&[("priority_id", "high")]),
            "Choose an entry from the list.",
        ),
        (
            typed(&[("time_spent", "-5")]),
            "Choose an entry from the list.",
        ),
    ];
    for (fields, message) in &cases {
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = admin
            .send_ticket_form("/tickets/new", &borrowed, &[("plan.pdf", b"%PDF-1.4 plan")])
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{message}: {fields:?}"
        );
        r.assert_contains(message)
            .assert_contains("Some fields need attention; nothing was saved.")
            .assert_contains("In room **B12**")
            .assert_contains("plan.pdf")
            .assert_contains(r#"name="pending""#);
        if fields
            .iter()
            .any(|(k, v)| *k == "title" && !v.trim().is_empty())
        {
            r.assert_contains(r#"value="Projector flickers""#);
        }
    }
    assert_eq!(
        app.count("SELECT count(*) FROM tickets"),
        0,
        "a ticket was half-saved"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM attachments WHERE ticket_id IS NOT NULL"),
        0
    );

    // The hoped date becomes mandatory by right.
    app.set_right(Profile::Administrator, "ticket_date_hope_mandatory", true);
    let form = admin.get("/tickets/new").await;
    form.assert_contains(r#"name="hope_date" type="date" value="" required"#);
    let r = admin
        .send_ticket_form(
            "/tickets/new",
            &[("requester", &ulla), ("title", "Projector flickers")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("This field is required.");

    // The same checks guard an existing ticket; a failed save leaves it as it was.
    app.set_right(Profile::Administrator, "ticket_date_hope_mandatory", false);
    let id = open(
        &app,
        &admin,
        &[
            ("requester", &ulla),
            ("title", "Projector flickers"),
            ("category_id", "1"),
        ],
    )
    .await;
    let before = app.text(&format!(
        "SELECT version || title || category_id FROM tickets WHERE id = {id}"
    ));
    let r = admin
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[
                ("title", "Changed"),
                ("subcategory_id", "2"),
                ("reply", "my reply"),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("This subcategory does not belong")
        .assert_contains(r#"value="Changed""#)
        .assert_contains("my reply");
    assert_eq!(
        app.text(&format!(
            "SELECT version || title || category_id FROM tickets WHERE id = {id}"
        )),
        before
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM thread_entries WHERE ticket_id = {id} AND kind = 'text'"
        )),
        0
    );
    app.stop().await;
}
