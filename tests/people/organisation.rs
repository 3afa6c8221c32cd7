//! Administration > Groups and Administration > Lists.

use gestdesk::domain::lists;
use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::TestApp;

#[tokio::test]
async fn groups_of_users_and_technicians_with_their_members() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("ted", "some password", Profile::Technician)
        .await;
    app.create_user("uma", "some password", Profile::User).await;
    let ted = app.user_id("ted");
    let uma = app.user_id("uma");

    let page = admin.get("/admin/groups").await;
    page.assert_contains("User groups")
        .assert_contains("Technician groups");
    let created = admin
        .submit(
            "/admin/groups?kind=technician",
            "/admin/groups",
            &[("kind", "technician"), ("name", "Network team")],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let group: i64 = app.count("SELECT id FROM groups WHERE name = 'Network team'");
    assert_eq!(
        app.text("SELECT kind FROM groups WHERE name = 'Network team'"),
        "technician"
    );

    // The same name twice in one kind, or no name: the form says so.
    let dup = admin
        .submit(
            "/admin/groups?kind=technician",
            "/admin/groups",
            &[("kind", "technician"), ("name", "network TEAM")],
        )
        .await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
    dup.assert_contains("This value is already used.")
        .assert_contains(r#"value="network TEAM""#);
    let empty = admin
        .submit(
            "/admin/groups",
            "/admin/groups",
            &[("kind", "user"), ("name", " ")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A technician group takes technicians only.
    let path = format!("/admin/groups/{group}");
    let refused = admin
        .submit(
            &path,
            &format!("{path}/members"),
            &[("user", &uma.to_string())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_contains("Only technicians and administrators can be chosen here.");
    let added = admin
        .submit(
            &path,
            &format!("{path}/members"),
            &[("user", &ted.to_string())],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    admin.get(&path).await.assert_contains("Test ted");
    // The member's profile page lists the group.
    let ted_client = app.client();
    ted_client.login("ted", "some password").await;
    ted_client
        .get("/profile?tab=settings")
        .await
        .assert_contains("[G] Network team");
    admin
        .get(&format!("/admin/users/{ted}"))
        .await
        .assert_contains("[G] Network team");

    let renamed = admin
        .submit(&path, &path, &[("name", "Network & systems")])
        .await;
    assert_eq!(renamed.status, StatusCode::SEE_OTHER);
    admin
        .get(&path)
        .await
        .assert_contains("[G] Network &amp; systems");

    let removed = admin
        .submit(&path, &format!("{path}/members/{ted}/delete"), &[])
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT count(*) FROM group_members"), 0);

    // A group used by a ticket cannot be deleted; an unused one can.
    app.sql()
        .execute(
            "INSERT INTO tickets (title, state_id, created_at, modified_at, tech_group_id) VALUES ('t', 5, 0, 0, ?1)",
            [group],
        )
        .expect("ticket");
    let in_use = admin.submit(&path, &format!("{path}/delete"), &[]).await;
    assert_eq!(in_use.status, StatusCode::UNPROCESSABLE_ENTITY);
    in_use.assert_contains("This group is used by one ticket or category");
    app.sql().execute("DELETE FROM tickets", []).expect("clean");
    let deleted = admin.submit(&path, &format!("{path}/delete"), &[]).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT count(*) FROM groups"), 0);
    app.stop().await;
}

#[tokio::test]
async fn every_list_opens_and_takes_a_new_entry() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("user_agency", "1");
    for def in lists::ALL {
        let page = admin.get(&format!("/admin/lists/{}", def.code)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", def.code);
    }
    // One entry in a few lists, with their own columns.
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("places", &[("name", "Building B")]),
        ("services", &[("name", "Accounting")]),
        ("companies", &[("name", "ACME"), ("city", "Lyon")]),
        (
            "agencies",
            &[("name", "Rennes"), ("mail", "rennes@example.test")],
        ),
        ("times", &[("name", "15 minutes"), ("minutes", "15")]),
        (
            "priorities",
            &[("name", "Blocker"), ("position", "0"), ("color", "#AA0000")],
        ),
        (
            "asset-models",
            &[
                ("name", "Latitude"),
                ("type_id", "1"),
                ("manufacturer_id", "1"),
                ("has_ip", "1"),
                ("has_wifi", "1"),
                ("warranty_years", "4"),
            ],
        ),
        (
            "asset-networks",
            &[
                ("name", "Office LAN"),
                ("network", "10.1.0.0"),
                ("netmask", "255.255.255.0"),
                ("scan", "1"),
            ],
        ),
        (
            "asset-states",
            &[
                ("name", "Lent"),
                ("position", "5"),
                ("color", "#123456"),
                ("block_ip_search", "1"),
            ],
        ),
        (
            "asset-types",
            &[("name", "Server"), ("virtualization", "1")],
        ),
    ];
    for (code, fields) in cases {
        let path = format!("/admin/lists/{code}");
        let r = admin.submit(&path, &path, fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{code}: {}", r.body);
        admin.get(&path).await.assert_contains(fields[0].1);
    }
    assert_eq!(
        app.text("SELECT color FROM priorities WHERE name = 'Blocker'"),
        "#aa0000"
    );
    assert_eq!(
        app.count("SELECT warranty_years FROM asset_models WHERE name = 'Latitude'"),
        4
    );
    assert_eq!(
        app.count("SELECT block_ip_search FROM asset_states WHERE name = 'Lent'"),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn list_entries_are_checked_and_never_leave_a_ticket_pointing_to_nothing() {
    let (app, admin) = TestApp::with_admin().await;

    // A subcategory needs an existing category.
    for (category, message) in [
        ("", "This field is required."),
        ("999", "Choose an entry from the list."),
        ("abc", "Choose an entry from the list."),
    ] {
        let r = admin
            .submit(
                "/admin/lists/subcategories",
                "/admin/lists/subcategories",
                &[("category_id", category), ("name", "Printers")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{category}");
        r.assert_contains(message)
            .assert_contains(r#"value="Printers""#);
    }
    assert_eq!(
        app.count("SELECT count(*) FROM subcategories WHERE name = 'Printers'"),
        0
    );

    // Bad values per kind.
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let bad: &[Case] = &[
        (
            "priorities",
            &[("name", "X"), ("color", "red")],
            "Enter a colour as #rrggbb",
        ),
        (
            "asset-networks",
            &[
                ("name", "N"),
                ("network", "10.0.0.300"),
                ("netmask", "255.255.255.0"),
            ],
            "Enter an IPv4 address",
        ),
        (
            "asset-networks",
            &[
                ("name", "N"),
                ("network", "10.0.0.0"),
                ("netmask", "255.0.255.0"),
            ],
            "Enter a netmask",
        ),
        (
            "times",
            &[("name", "Again"), ("minutes", "60")],
            "This value is already used.",
        ),
        (
            "times",
            &[("name", "Zero"), ("minutes", "0")],
            "Enter a whole number from 1 to 1000000.",
        ),
        (
            "asset-models",
            &[("name", "M"), ("warranty_years", "99")],
            "Enter a whole number from 0 to 50.",
        ),
        ("places", &[("name", "")], "This field is required."),
    ];
    for (code, fields, message) in bad {
        let path = format!("/admin/lists/{code}");
        let r = admin.submit(&path, &path, fields).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{code} {message}"
        );
        r.assert_contains(message);
    }

    // Built-in states can be renamed but not deleted.
    let r = admin
        .submit(
            "/admin/lists/states/5",
            "/admin/lists/states/5",
            &[("name", "New"), ("position", "1"), ("color", "#d15b47")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.text("SELECT name FROM ticket_states WHERE id = 5"),
        "New"
    );
    let r = admin
        .submit("/admin/lists/states", "/admin/lists/states/5/delete", &[])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    r.assert_contains("Built-in entries are needed by Gestdesk");
    assert_eq!(app.count("SELECT count(*) FROM ticket_states"), 6);
    // A built-in name left as shown stays translated.
    let r = admin
        .submit(
            "/admin/lists/states/3",
            "/admin/lists/states/3",
            &[
                ("name", "Resolved"),
                ("position", "5"),
                ("color", "#82af6f"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(app.text("SELECT name FROM ticket_states WHERE id = 3"), "");
    app.client_in("fr").get("/").await;

    // A category used by a subcategory and a ticket: deletion refused with where it is used.
    app.sql()
        .execute("INSERT INTO tickets (title, state_id, created_at, modified_at, category_id) VALUES ('t', 5, 0, 0, 2)", [])
        .expect("ticket");
    let r = admin
        .submit(
            "/admin/lists/categories",
            "/admin/lists/categories/2/delete",
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    r.assert_contains("This entry cannot be deleted.")
        .assert_contains("used by one ticket")
        .assert_contains("used by one subcategory")
        .assert_contains("Disable it instead");
    assert_eq!(app.count("SELECT count(*) FROM categories WHERE id = 2"), 1);
    // ... so it is disabled instead, and restored.
    let r = admin
        .submit(
            "/admin/lists/categories",
            "/admin/lists/categories/2/toggle",
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT disabled FROM categories WHERE id = 2"), 1);
    admin
        .submit(
            "/admin/lists/categories",
            "/admin/lists/categories/2/toggle",
            &[],
        )
        .await;
    assert_eq!(app.count("SELECT disabled FROM categories WHERE id = 2"), 0);
    // An unused entry is deleted.
    let r = admin
        .submit(
            "/admin/lists/subcategories",
            "/admin/lists/subcategories/1/delete",
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        admin.get("/admin/lists/subcategories/1").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        admin.get("/admin/lists/no-such-list").await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

#[tokio::test]
async fn service_partitioning_binds_categories_subcategories_and_criticalities_to_services() {
    let (app, admin) = TestApp::with_admin().await;
    for code in ["categories", "subcategories", "criticalities"] {
        let page = admin.get(&format!("/admin/lists/{code}")).await;
        assert!(!page.body.contains(r#"name="service_id""#), "{code}");
    }
    app.set_setting("user_limit_service", "1");
    app.sql()
        .execute("INSERT INTO services (name) VALUES ('Facilities')", [])
        .expect("service");
    let service: i64 = app.count("SELECT id FROM services WHERE name = 'Facilities'");
    for code in ["categories", "subcategories", "criticalities"] {
        admin
            .get(&format!("/admin/lists/{code}"))
            .await
            .assert_contains(r#"name="service_id""#);
    }
    let s = service.to_string();
    let r = admin
        .submit(
            "/admin/lists/categories",
            "/admin/lists/categories",
            &[("name", "Plumbing"), ("position", "3"), ("service_id", &s)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count("SELECT service_id FROM categories WHERE name = 'Plumbing'"),
        service
    );
    let r = admin
        .submit(
            "/admin/lists/criticalities",
            "/admin/lists/criticalities",
            &[
                ("name", "Leak"),
                ("position", "1"),
                ("color", "#0000ff"),
                ("service_id", &s),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // The service is now in use and cannot be deleted.
    let r = admin
        .submit(
            "/admin/lists/services",
            &format!("/admin/lists/services/{service}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    r.assert_contains("used by one category")
        .assert_contains("used by one criticality");
    app.stop().await;
}

#[tokio::test]
async fn list_rights_open_only_their_own_lists() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_right(Profile::Supervisor, "admin_lists_category", true);
    let supervisor = app.login_as("sue", Profile::Supervisor).await;
    let page = supervisor.get("/admin/lists").await;
    assert_eq!(page.location(), Some("/admin/lists/categories"));
    let categories = supervisor.get("/admin/lists/categories").await;
    assert_eq!(categories.status, StatusCode::OK);
    assert!(
        !categories.body.contains("/admin/lists/services"),
        "only manageable lists in the menu"
    );
    assert_eq!(
        supervisor.get("/admin/lists/services").await.status,
        StatusCode::FORBIDDEN
    );
    let r = supervisor
        .submit(
            "/admin/lists/categories",
            "/admin/lists/states",
            &[("name", "Hack"), ("color", "#000000")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT count(*) FROM ticket_states"), 6);
    app.stop().await;
}

#[tokio::test]
async fn a_retired_entry_stays_on_what_uses_it_but_is_no_longer_offered() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("user_advanced", "1");
    app.sql()
        .execute("INSERT INTO companies (name) VALUES ('Old Corp')", [])
        .expect("company");
    let company: i64 = app.count("SELECT id FROM companies WHERE name = 'Old Corp'");
    app.create_user("olga", "some password", Profile::User)
        .await;
    let olga = app.user_id("olga");
    app.sql()
        .execute(
            "UPDATE users SET company_id = ?1 WHERE id = ?2",
            [company, olga],
        )
        .expect("link");

    let r = admin
        .submit(
            "/admin/lists/companies",
            &format!("/admin/lists/companies/{company}/toggle"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        !admin
            .get("/admin/users/new")
            .await
            .body
            .contains("Old Corp")
    );
    let edit = admin.get(&format!("/admin/users/{olga}")).await;
    edit.assert_contains(&format!(
        r#"<option value="{company}" selected>Old Corp (disabled)</option>"#
    ));
    let saved = admin
        .submit(
            &format!("/admin/users/{olga}"),
            &format!("/admin/users/{olga}"),
            &[
                ("lastname", "olga"),
                ("login", "olga"),
                ("profile", "2"),
                ("company", &company.to_string()),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        app.count(&format!("SELECT company_id FROM users WHERE id = {olga}")),
        company
    );
    app.stop().await;
}

#[tokio::test]
async fn an_administrator_moves_every_ticket_of_one_agency_to_another_after_confirming() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("user_agency", "1");
    let sql = app.sql();
    for (id, name, disabled) in [(1, "North", 0), (2, "South", 0), (3, "Closed", 1)] {
        sql.execute(
            "INSERT INTO agencies (id, name, disabled) VALUES (?1, ?2, ?3)",
            rusqlite::params![id, name, disabled],
        )
        .expect("agency");
    }
    let mut tickets = Vec::new();
    for n in 0..3 {
        tickets.push(
            crate::common::open_ticket(&app, &admin, &[("title", &format!("North {n}"))]).await,
        );
    }
    let other = crate::common::open_ticket(&app, &admin, &[("title", "Elsewhere")]).await;
    sql.execute(
        &format!(
            "UPDATE tickets SET agency_id = 1 WHERE id IN ({})",
            tickets
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",")
        ),
        [],
    )
    .expect("agency of tickets");
    let version_before = app.count(&format!(
        "SELECT version FROM tickets WHERE id = {}",
        tickets[0]
    ));

    let list = admin.get("/admin/lists/agencies").await;
    list.assert_contains("/admin/agencies/1/move");
    let page = admin.get("/admin/agencies/1/move").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("Agency North has 3 tickets.");
    assert!(
        !page.body.contains(">Closed<"),
        "a disabled agency is not offered"
    );

    // A wrong target: the same agency, a disabled one, nonsense.
    for to in ["1", "3", "x", ""] {
        let refused = admin
            .submit(
                "/admin/agencies/1/move",
                "/admin/agencies/1/move",
                &[("to", to), ("confirmed", "yes")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{to}");
        refused.assert_contains("Choose another enabled agency.");
    }
    assert_eq!(
        app.count("SELECT count(*) FROM tickets WHERE agency_id = 1"),
        3
    );

    // Choosing asks first, and says how many.
    let asked = admin
        .submit(
            "/admin/agencies/1/move",
            "/admin/agencies/1/move",
            &[("to", "2")],
        )
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    asked.assert_contains("3 tickets of agency North will move to agency South.");
    assert_eq!(
        app.count("SELECT count(*) FROM tickets WHERE agency_id = 1"),
        3
    );
    let done = admin
        .submit(
            "/admin/agencies/1/move",
            "/admin/agencies/1/move",
            &[("to", "2"), ("confirmed", "yes")],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    done.assert_contains("3 tickets moved from agency North to agency South.");
    assert_eq!(
        app.count("SELECT count(*) FROM tickets WHERE agency_id = 1"),
        0
    );
    assert_eq!(
        app.count("SELECT count(*) FROM tickets WHERE agency_id = 2"),
        3
    );
    assert_eq!(
        app.count(&format!(
            "SELECT agency_id IS NULL FROM tickets WHERE id = {other}"
        )),
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT version FROM tickets WHERE id = {}",
            tickets[0]
        )),
        version_before + 1,
        "a form opened before cannot write the old agency back unseen"
    );

    // Only administrators.
    let tech = app.login_as("tech", Profile::Technician).await;
    assert_eq!(
        tech.get("/admin/agencies/2/move").await.status,
        StatusCode::FORBIDDEN
    );
    app.stop().await;
}
