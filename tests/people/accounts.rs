//! Administration > Users, the own profile page, self-registration and the quick user dialog.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{ADMIN_LOGIN, TestApp};

fn services(app: &TestApp) -> (i64, i64) {
    let sql = app.sql();
    sql.execute_batch(
        "INSERT INTO services (name) VALUES ('Accounting'), ('Sales');
         INSERT INTO companies (name) VALUES ('ACME');",
    )
    .expect("seed");
    let a = sql
        .query_row(
            "SELECT id FROM services WHERE name = 'Accounting'",
            [],
            |r| r.get(0),
        )
        .expect("id");
    let b = sql
        .query_row("SELECT id FROM services WHERE name = 'Sales'", [], |r| {
            r.get(0)
        })
        .expect("id");
    (a, b)
}

#[tokio::test]
async fn an_administrator_creates_finds_edits_disables_and_enables_an_account() {
    let (app, admin) = TestApp::with_admin().await;
    let (accounting, sales) = services(&app);
    app.set_setting("user_advanced", "1");

    let form = admin.get("/admin/users/new").await;
    assert_eq!(form.status, StatusCode::OK);
    for field in [
        "firstname",
        "lastname",
        "login",
        "mail",
        "phone",
        "password",
        "password_confirm",
        "company",
        "mobile",
        "fax",
        "address1",
        "city",
        "zip",
        "custom1",
        "custom2",
        "services",
        "profile",
        "must_change_password",
        "language",
        "theme",
        "default_ticket_state",
        "ticket_order",
    ] {
        form.assert_contains(&format!(r#"name="{field}""#));
    }
    // Agencies and ticket limits are off by default.
    assert!(!form.body.contains(r#"name="agencies""#));
    assert!(!form.body.contains(r#"name="limit_ticket_number""#));

    let accounting_s = accounting.to_string();
    let sales_s = sales.to_string();
    let created = admin
        .submit(
            "/admin/users/new",
            "/admin/users",
            &[
                ("firstname", "Grace"),
                ("lastname", "Hopper"),
                ("login", "ghopper"),
                ("mail", "grace@example.test"),
                ("phone", "+33 1 23 45 67 89"),
                ("password", "navy cobol 1959"),
                ("password_confirm", "navy cobol 1959"),
                ("services", &accounting_s),
                ("services", &sales_s),
                ("city", "Arlington"),
                ("profile", "0"),
                ("language", "en"),
                ("theme", "pink"),
                ("ticket_order", "created_desc"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let id = app.user_id("ghopper");
    assert_eq!(
        created.location().map(str::to_owned),
        Some(format!("/admin/users/{id}"))
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM user_services WHERE user_id = {id}"
        )),
        2
    );
    assert_eq!(
        app.text(&format!("SELECT city FROM users WHERE id = {id}")),
        "Arlington"
    );
    assert_eq!(
        app.text(&format!("SELECT theme FROM users WHERE id = {id}")),
        "pink"
    );
    // The administrator holds admin_user_profile: the profile was taken.
    assert_eq!(
        app.count(&format!("SELECT profile_id FROM users WHERE id = {id}")),
        0
    );

    // The list finds the account by name, login, mail or company.
    for q in ["hopper", "GHOPP", "grace@", "Grace Hopper"] {
        let page = admin
            .get(&format!("/admin/users?q={}", q.replace(' ', "+")))
            .await;
        page.assert_contains("Grace Hopper");
    }
    let none = admin.get("/admin/users?q=%25%25nobody").await;
    none.assert_contains("No account matches.");

    // Editing keeps the password when both fields are left empty.
    let saved = admin
        .submit(
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}"),
            &[
                ("firstname", "Grace"),
                ("lastname", "Hopper"),
                ("login", "grace"),
                ("mail", "grace@example.test"),
                ("profile", "0"),
                ("services", &sales_s),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM user_services WHERE user_id = {id}"
        )),
        1
    );
    let grace = app.client();
    assert_eq!(
        grace.login("grace", "navy cobol 1959").await.status,
        StatusCode::SEE_OTHER
    );

    // Disabling ends the account's sessions; it shows among the disabled accounts only.
    let disabled = admin
        .submit(
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}/disable"),
            &[],
        )
        .await;
    assert_eq!(disabled.status, StatusCode::SEE_OTHER);
    assert_eq!(grace.get("/profile").await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.client().login("grace", "navy cobol 1959").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert!(
        !admin
            .get("/admin/users")
            .await
            .body
            .contains("Grace Hopper")
    );
    admin
        .get("/admin/users?disabled=1")
        .await
        .assert_contains("Grace Hopper");

    let enabled = admin
        .submit(
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}/enable"),
            &[],
        )
        .await;
    assert_eq!(enabled.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.client().login("grace", "navy cobol 1959").await.status,
        StatusCode::SEE_OTHER
    );

    // Nobody disables their own account.
    let me = app.user_id(ADMIN_LOGIN);
    let refused = admin
        .submit(
            &format!("/admin/users/{me}"),
            &format!("/admin/users/{me}/disable"),
            &[],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_contains("You cannot disable your own account.");
    app.stop().await;
}

#[tokio::test]
async fn bad_input_comes_back_with_what_was_typed_and_saves_nothing() {
    let (app, admin) = TestApp::with_admin().await;
    let before = app.count("SELECT count(*) FROM users");
    let cases: &[(&[(&str, &str)], &str)] = &[
        (
            &[
                ("lastname", "Dup"),
                ("login", "ADMIN"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
                ("profile", "2"),
            ],
            "This login is already taken.",
        ),
        (
            &[
                ("lastname", "Mail"),
                ("login", "m1"),
                ("mail", "not a mail"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
                ("profile", "2"),
            ],
            "This mail address is not valid",
        ),
        (
            &[
                ("lastname", "Short"),
                ("login", "s1"),
                ("password", "short"),
                ("password_confirm", "short"),
                ("profile", "2"),
            ],
            "at least 8 characters",
        ),
        (
            &[
                ("lastname", ""),
                ("login", "n1"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
                ("profile", "2"),
            ],
            "This field is required.",
        ),
        (
            &[
                ("lastname", &"x".repeat(101)),
                ("login", "l1"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
                ("profile", "2"),
            ],
            "At most 100 characters.",
        ),
        (
            &[
                ("lastname", "Svc"),
                ("login", "v1"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
                ("services", "424242"),
                ("profile", "2"),
            ],
            "Choose an entry from the list.",
        ),
        (
            &[
                ("lastname", "Prof"),
                ("login", "p1"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
                ("profile", "9"),
            ],
            "Choose an entry from the list.",
        ),
        (
            &[
                ("lastname", "Phone"),
                ("login", "t1"),
                ("phone", "call me <maybe>"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
                ("profile", "2"),
            ],
            "A phone number may only contain",
        ),
    ];
    for (fields, message) in cases {
        let reply = admin
            .submit("/admin/users/new", "/admin/users", fields)
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        reply.assert_contains(message);
        reply.assert_contains("Some fields need attention; nothing was saved.");
        for (name, value) in *fields {
            if !name.starts_with("password")
                && *name != "services"
                && *name != "profile"
                && !value.is_empty()
            {
                reply.assert_contains(&format!(
                    "value=\"{}\"",
                    value.replace('<', "&lt;").replace('>', "&gt;")
                ));
            }
        }
    }
    assert_eq!(
        app.count("SELECT count(*) FROM users"),
        before,
        "nothing half-written"
    );

    // An unknown account is a 404 page, not an error.
    assert_eq!(
        admin.get("/admin/users/999999").await.status,
        StatusCode::NOT_FOUND
    );
    // So is an address whose id is not a number (the page, without repeating the input).
    let odd = admin.get("/admin/users/abc").await;
    assert_eq!(odd.status, StatusCode::NOT_FOUND);
    assert!(!odd.body.contains("Cannot parse"));
    app.stop().await;
}

#[tokio::test]
async fn a_user_cannot_raise_their_profile_nor_edit_someone_else() {
    let (app, admin) = TestApp::with_admin().await;
    let user = app.login_as("alice", Profile::User).await;
    let alice = app.user_id("alice");
    let admin_id = app.user_id(ADMIN_LOGIN);

    // Crafted fields on the own profile are ignored: login, profile, disabled state.
    let reply = user
        .submit(
            "/profile",
            "/profile",
            &[
                ("firstname", "Alice"),
                ("lastname", "Liddell"),
                ("mail", "alice@example.test"),
                ("login", "root"),
                ("profile", "4"),
                ("must_change_password", "1"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(
        app.count(&format!("SELECT profile_id FROM users WHERE id = {alice}")),
        2
    );
    assert_eq!(
        app.text(&format!("SELECT login FROM users WHERE id = {alice}")),
        "alice"
    );
    assert_eq!(
        app.text(&format!("SELECT lastname FROM users WHERE id = {alice}")),
        "Liddell"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT must_change_password FROM users WHERE id = {alice}"
        )),
        0
    );

    // Administration pages are refused on the server.
    let token = user.get("/profile").await.csrf();
    for (path, fields) in [
        (
            format!("/admin/users/{admin_id}"),
            vec![("lastname", "Pwned"), ("login", "admin"), ("profile", "4")],
        ),
        (
            format!("/admin/users/{alice}"),
            vec![
                ("lastname", "Liddell"),
                ("login", "alice"),
                ("profile", "4"),
            ],
        ),
        (
            "/admin/users".to_owned(),
            vec![("lastname", "X"), ("login", "x"), ("profile", "4")],
        ),
    ] {
        let mut all = fields.clone();
        all.push(("_csrf", &token));
        let r = user.post_raw(&path, &all).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(
        app.count(&format!("SELECT profile_id FROM users WHERE id = {alice}")),
        2
    );
    assert_eq!(
        app.text(&format!("SELECT lastname FROM users WHERE id = {admin_id}")),
        "Admin"
    );

    // A technician may quick-edit requesters, but not an administrator's account.
    let tech = app.login_as("tech", Profile::Technician).await;
    assert_eq!(
        tech.get(&format!("/users/quick/{admin_id}")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        tech.get(&format!("/users/quick/{alice}")).await.status,
        StatusCode::OK
    );
    // Without the admin_user_profile right, an administrator's profile field is ignored.
    app.set_right(Profile::Administrator, "admin_user_profile", false);
    let page = admin.get(&format!("/admin/users/{alice}")).await;
    assert!(!page.body.contains(r#"name="profile""#));
    let r = admin
        .submit(
            &format!("/admin/users/{alice}"),
            &format!("/admin/users/{alice}"),
            &[
                ("lastname", "Liddell"),
                ("login", "alice"),
                ("profile", "4"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.count(&format!("SELECT profile_id FROM users WHERE id = {alice}")),
        2
    );
    app.stop().await;
}

#[tokio::test]
async fn the_own_profile_follows_the_user_profil_rights_and_keeps_preferences() {
    let (app, _admin) = TestApp::with_admin().await;
    let (accounting, _) = services(&app);
    app.set_setting("user_advanced", "1");
    let acme: i64 = app.count("SELECT id FROM companies WHERE name = 'ACME'");
    let user = app.login_as("bob", Profile::User).await;
    let bob = app.user_id("bob");

    // Users may change their company (user_profil_company) but not their services.
    let info = user.get("/profile").await;
    info.assert_contains(r#"name="company""#)
        .assert_contains("Information")
        .assert_contains("Settings");
    assert!(!info.body.contains(r#"name="services""#));
    let acme_s = acme.to_string();
    let accounting_s = accounting.to_string();
    let r = user
        .submit(
            "/profile",
            "/profile",
            &[
                ("lastname", "Builder"),
                ("company", &acme_s),
                ("services", &accounting_s),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count(&format!("SELECT company_id FROM users WHERE id = {bob}")),
        acme
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM user_services WHERE user_id = {bob}"
        )),
        0
    );

    // Without user_profil_company the field disappears and is ignored on save.
    app.set_right(Profile::User, "user_profil_company", false);
    assert!(
        !user
            .get("/profile")
            .await
            .body
            .contains(r#"name="company""#)
    );
    let r = user
        .submit(
            "/profile",
            "/profile",
            &[("lastname", "Builder"), ("company", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.count(&format!("SELECT company_id FROM users WHERE id = {bob}")),
        acme
    );

    // Settings: language, theme, default state, sort order; the language applies at once.
    let settings = user.get("/profile?tab=settings").await;
    settings
        .assert_contains(r#"name="language""#)
        .assert_contains(r#"name="default_ticket_state""#);
    let r = user
        .submit(
            "/profile?tab=settings",
            "/profile/settings",
            &[
                ("language", "fr"),
                ("theme", "grey"),
                ("default_ticket_state", "meta"),
                ("ticket_order", "priority"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    user.follow(r)
        .await
        .assert_contains("Modifications enregistrées.");
    assert_eq!(
        app.text(&format!("SELECT theme FROM users WHERE id = {bob}")),
        "grey"
    );
    assert_eq!(
        app.text(&format!(
            "SELECT default_ticket_state FROM users WHERE id = {bob}"
        )),
        "meta"
    );
    let bad = user
        .submit(
            "/profile?tab=settings",
            "/profile/settings",
            &[("language", "xx"), ("theme", "neon")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("Cette langue n'est pas disponible.");

    // Personal views: add on a category, list, delete; someone else's view is not found.
    let r = user
        .submit(
            "/profile?tab=settings",
            "/profile/views",
            &[("name", "My hardware"), ("target", "c2")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = user.get("/profile?tab=settings").await;
    page.assert_contains("My hardware");
    let view_id = app.count("SELECT id FROM personal_views WHERE name = 'My hardware'");
    let bad = user
        .submit(
            "/profile?tab=settings",
            "/profile/views",
            &[("name", "Ghost"), ("target", "c999")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let other = app.login_as("carol", Profile::User).await;
    let r = other
        .submit(
            "/profile?tab=settings",
            &format!("/profile/views/{view_id}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = user
        .submit(
            "/profile?tab=settings",
            &format!("/profile/views/{view_id}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT count(*) FROM personal_views"), 0);
    app.stop().await;
}

#[tokio::test]
async fn settings_switches_show_agencies_limits_and_advanced_fields() {
    let (app, admin) = TestApp::with_admin().await;
    let logged_before = app.count("SELECT count(*) FROM settings_log");
    let page = admin.get("/admin/settings").await;
    for key in [
        "user_advanced",
        "user_register",
        "user_limit_ticket",
        "company_limit_ticket",
        "user_company_view",
        "user_agency",
        "user_limit_service",
    ] {
        page.assert_contains(&format!(r#"name="{key}""#));
    }
    assert_eq!(
        admin.get("/admin/lists/agencies").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !admin
            .get("/admin/users/new")
            .await
            .body
            .contains(r#"name="mobile""#)
    );

    let saved = admin
        .submit(
            "/admin/settings",
            "/admin/settings",
            &[
                ("company_name", "ACME IT"),
                ("session_timeout_minutes", "60"),
                ("rows_per_page", "25"),
                ("user_advanced", "1"),
                ("user_agency", "1"),
                ("user_limit_ticket", "1"),
                ("company_limit_ticket", "1"),
                ("user_register", "1"),
                ("meta_state", "1"),
                ("live_updates", "1"),
                // Ticked on the page by default, so a browser sends it.
                ("password_refuse_common", "1"),
                ("ticket_reply_reopens", "1"),
                ("ticket_observer", "1"),
                ("planning_ics", "1"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        app.count("SELECT count(*) FROM settings_log") - logged_before,
        8
    );

    let form = admin.get("/admin/users/new").await;
    form.assert_contains(r#"name="mobile""#)
        .assert_contains(r#"name="agencies""#)
        .assert_contains(r#"name="limit_ticket_number""#);
    assert_eq!(
        admin.get("/admin/lists/agencies").await.status,
        StatusCode::OK
    );
    admin
        .get("/admin/lists/companies")
        .await
        .assert_contains(r#"name="limit_ticket_number""#);
    admin.get("/").await.assert_contains("ACME IT");

    // Per-user limit fields are stored.
    let r = admin
        .submit(
            "/admin/users/new",
            "/admin/users",
            &[
                ("lastname", "Limited"),
                ("login", "lim"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
                ("profile", "2"),
                ("limit_ticket_number", "5"),
                ("limit_ticket_days", "30"),
                ("limit_ticket_date_start", "2026-01-01"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count("SELECT limit_ticket_number FROM users WHERE login = 'lim'"),
        5
    );

    // One bad value saves nothing and keeps the typed values.
    let bad = admin
        .submit(
            "/admin/settings",
            "/admin/settings",
            &[
                ("company_name", "Other"),
                ("session_timeout_minutes", "1"),
                ("rows_per_page", "25"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("Enter a whole number from 5 to 43200.")
        .assert_contains(r#"value="Other""#);
    assert_eq!(
        app.text("SELECT value FROM settings WHERE key = 'company_name'"),
        "ACME IT"
    );
    app.stop().await;
}

#[tokio::test]
async fn visitors_register_themselves_only_when_allowed() {
    let (app, _admin) = TestApp::with_admin().await;
    let visitor = app.client();
    assert!(!visitor.get("/login").await.body.contains("/register"));
    assert_eq!(visitor.get("/register").await.status, StatusCode::NOT_FOUND);

    app.set_setting("user_register", "1");
    visitor
        .get("/login")
        .await
        .assert_contains(r#"href="/register""#);
    let form = visitor.get("/register").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(!form.body.contains(r#"name="profile""#));

    let missing_mail = visitor
        .submit(
            "/register",
            "/register",
            &[
                ("lastname", "New"),
                ("login", "newbie"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
            ],
        )
        .await;
    assert_eq!(missing_mail.status, StatusCode::UNPROCESSABLE_ENTITY);
    missing_mail
        .assert_contains("This field is required.")
        .assert_contains(r#"value="newbie""#);

    let ok = visitor
        .submit(
            "/register",
            "/register",
            &[
                ("lastname", "New"),
                ("login", "newbie"),
                ("mail", "new@example.test"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
                ("profile", "4"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    visitor
        .follow(ok)
        .await
        .assert_contains("The account has been created.");
    assert_eq!(
        app.count("SELECT profile_id FROM users WHERE login = 'newbie'"),
        2,
        "always the User profile"
    );

    // A few registrations per address and hour, then a clear refusal.
    for i in 0..4 {
        let c = app.client();
        let login = format!("bot{i}");
        let r = c
            .submit(
                "/register",
                "/register",
                &[
                    ("lastname", "Bot"),
                    ("login", &login),
                    ("mail", "bot@example.test"),
                    ("password", "long enough 1"),
                    ("password_confirm", "long enough 1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let refused = app
        .client()
        .submit(
            "/register",
            "/register",
            &[
                ("lastname", "Bot"),
                ("login", "bot9"),
                ("mail", "bot@example.test"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    refused.assert_contains("Too many accounts were created from your address");
    app.stop().await;
}

#[tokio::test]
async fn the_quick_dialog_adds_and_corrects_requesters() {
    let (app, admin) = TestApp::with_admin().await;
    let tech = app.login_as("tech", Profile::Technician).await;

    let form = tech.get("/users/quick").await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("data-quick-form");
    assert!(!form.body.contains("<html"), "a fragment, not a page");

    let bad = tech
        .submit_json(
            "/users/quick",
            "/users/quick",
            &[("lastname", ""), ("login", "q1")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("This field is required.")
        .assert_contains(r#"value="q1""#);

    let ok = tech
        .submit_json(
            "/users/quick",
            "/users/quick",
            &[
                ("firstname", "Quinn"),
                ("lastname", "Quick"),
                ("login", "quinn"),
                ("password", "long enough 1"),
                ("password_confirm", "long enough 1"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let json: serde_json::Value = serde_json::from_str(&ok.body).expect("json");
    let id = app.user_id("quinn");
    assert_eq!(json["value"], id.to_string());
    assert_eq!(json["label"], "Quinn Quick");
    assert_eq!(
        app.count(&format!("SELECT profile_id FROM users WHERE id = {id}")),
        2
    );

    let edited = tech
        .submit_json(
            &format!("/users/quick/{id}"),
            &format!("/users/quick/{id}"),
            &[
                ("firstname", "Quinn"),
                ("lastname", "Quicker"),
                ("phone", "0102030405"),
            ],
        )
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
    assert_eq!(
        app.text(&format!("SELECT lastname FROM users WHERE id = {id}")),
        "Quicker"
    );

    // A plain user has no quick dialog.
    let user = app.login_as("ursula", Profile::User).await;
    assert_eq!(user.get("/users/quick").await.status, StatusCode::FORBIDDEN);
    drop(admin);
    app.stop().await;
}

#[tokio::test]
async fn requesters_attach_to_a_technician_and_groups_show_last_as_g() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("tech", "technician pass", Profile::Technician)
        .await;
    app.create_user("zoe", "some password", Profile::User).await;
    app.sql()
        .execute(
            "INSERT INTO groups (name, kind) VALUES ('Accounting team', 'user')",
            [],
        )
        .expect("group");
    let tech = app.user_id("tech");
    let zoe = app.user_id("zoe");
    let group: i64 = app.count("SELECT id FROM groups WHERE name = 'Accounting team'");

    let page = admin.get(&format!("/admin/users/{tech}")).await;
    page.assert_contains("Attached requesters");
    // Users first, then [G] groups at the end of the choice list.
    let users_at = page.body.find(">Test zoe<").expect("user choice");
    let group_at = page
        .body
        .find(">[G] Accounting team<")
        .expect("group choice");
    assert!(users_at < group_at);

    for value in [format!("u{zoe}"), format!("g{group}")] {
        let r = admin
            .submit(
                &format!("/admin/users/{tech}"),
                &format!("/admin/users/{tech}/requesters"),
                &[("requester", &value)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM technician_requesters WHERE technician_id = {tech}"
        )),
        2
    );
    admin
        .get(&format!("/admin/users/{tech}"))
        .await
        .assert_contains("[G] Accounting team");

    // A plain user cannot receive requesters; a tampered value is a clear error.
    let r = admin
        .submit(
            &format!("/admin/users/{zoe}"),
            &format!("/admin/users/{zoe}/requesters"),
            &[("requester", &format!("g{group}"))],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Only technicians and administrators can be chosen here.");
    let r = admin
        .submit(
            &format!("/admin/users/{tech}"),
            &format!("/admin/users/{tech}/requesters"),
            &[("requester", "x9")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Choose an entry from the list.");

    let item = app.count(&format!(
        "SELECT id FROM technician_requesters WHERE user_id = {zoe}"
    ));
    let r = admin
        .submit(
            &format!("/admin/users/{tech}"),
            &format!("/admin/users/{tech}/requesters/{item}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM technician_requesters WHERE technician_id = {tech}"
        )),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn the_user_list_is_paged() {
    let (app, admin) = TestApp::with_admin().await;
    {
        let sql = app.sql();
        for i in 0..23 {
            sql.execute(
                "INSERT INTO users (login, lastname, profile_id, created_at, updated_at) VALUES (?1, ?2, 2, 0, 0)",
                rusqlite::params![format!("u{i:02}"), format!("Person{i:02}")],
            )
            .expect("user");
        }
    }
    let first = admin.get("/admin/users").await;
    first
        .assert_contains("24 accounts")
        .assert_contains(r#"href="/admin/users?page=2""#);
    assert_eq!(first.body.matches("class=\"actions\"").count(), 10);
    let third = admin.get("/admin/users?page=3").await;
    assert_eq!(third.body.matches("class=\"actions\"").count(), 4);
    let beyond = admin.get("/admin/users?page=99").await;
    assert_eq!(beyond.status, StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn setting_changes_are_listed_with_who_when_and_both_values() {
    let (app, admin) = TestApp::with_admin().await;
    // The set-up filled the server address with the one the administrator used.
    let first = admin.get("/admin/settings/log").await;
    assert_eq!(first.status, StatusCode::OK);
    first
        .assert_contains("Server address")
        .assert_contains("Default language");
    admin
        .get("/admin/settings")
        .await
        .assert_contains(r#"href="/admin/settings/log""#);
    let saved = admin
        .submit(
            "/admin/settings",
            "/admin/settings",
            &[
                ("company_name", "ACME <IT>"),
                ("session_timeout_minutes", "1440"),
                ("rows_per_page", "30"),
                ("meta_state", "1"),
                ("theme", "grey"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let log = admin.get("/admin/settings/log").await;
    log.assert_contains("Rows per page")
        .assert_contains("<code>10</code>")
        .assert_contains("<code>30</code>")
        .assert_contains("ACME &lt;IT&gt;")
        .assert_contains("Ada Admin");
    // The default theme applies to users who did not choose one; live updates went off with
    // their box unticked, which the next page says to its script.
    let home = admin.get("/").await;
    home.assert_contains(r#"data-theme="grey""#)
        .assert_contains(r#"data-live="0""#)
        .assert_contains(r#"data-flash-ms="6000""#);

    // A server address that is not a web address: the form comes back with the text and why.
    let bad = admin
        .submit(
            "/admin/settings",
            "/admin/settings",
            &[
                ("server_url", "helpdesk.example.com"),
                ("flash_ms", "3000"),
                ("asset", "1"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("Enter an address starting with http:// or https://")
        .assert_contains(r#"value="helpdesk.example.com""#);
    assert_eq!(
        app.count("SELECT count(*) FROM settings WHERE key IN ('flash_ms', 'asset')"),
        0
    );
    let good = admin
        .submit(
            "/admin/settings",
            "/admin/settings",
            &[
                ("server_url", "https://help.example.com/"),
                ("flash_ms", "3000"),
                ("asset", "1"),
            ],
        )
        .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
    assert_eq!(
        app.text("SELECT value FROM settings WHERE key = 'server_url'"),
        "https://help.example.com"
    );
    admin
        .get("/")
        .await
        .assert_contains(r#"data-flash-ms="3000""#);
    let tom = app.login_as("tom", Profile::Technician).await;
    assert_eq!(
        tom.get("/admin/settings/log").await.status,
        StatusCode::FORBIDDEN
    );
    app.stop().await;
}

use crate::common::PNG_LOGO;

#[tokio::test]
async fn the_company_logo_is_checked_then_shown_on_every_page_and_the_login_page() {
    let (app, admin) = TestApp::with_admin().await;
    assert_eq!(
        app.client().get("/logo").await.status,
        StatusCode::NOT_FOUND
    );

    // An SVG with a script, a text file renamed .png, an oversized file: refused with a reason.
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
    let refused = admin
        .post_file("/admin/settings/logo", "logo", "logo.svg", svg)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_contains("Choose a PNG, JPEG or WebP picture");
    let renamed = admin
        .post_file("/admin/settings/logo", "logo", "logo.png", b"not a picture")
        .await;
    assert_eq!(renamed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let big = vec![0u8; 600 * 1024];
    let too_big = admin
        .post_file("/admin/settings/logo", "logo", "big.png", &big)
        .await;
    too_big.assert_contains("The picture is larger than 512 KB.");
    assert!(!app.data_dir().join("logo").exists());

    // A real PNG is kept and served with its type to everyone, logged in or not.
    let saved = admin
        .post_file("/admin/settings/logo", "logo", "acme.png", PNG_LOGO)
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let served = app.client().get("/logo").await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.headers["content-type"], "image/png");
    assert_eq!(served.headers["x-content-type-options"], "nosniff");
    admin
        .get("/")
        .await
        .assert_contains(r#"<img src="/logo?v="#);
    let login = app.client().get("/login").await;
    login.assert_contains(r#"<img src="/logo?v="#);

    // Only administrators change it; removing it brings Gestdesk's back.
    let tom = app.login_as("tom", Profile::Technician).await;
    let denied = tom
        .post_file("/admin/settings/logo", "logo", "x.png", PNG_LOGO)
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let removed = admin
        .submit("/admin/settings", "/admin/settings/logo/delete", &[])
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.client().get("/logo").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!admin.get("/").await.body.contains("/logo?v="));
    app.stop().await;
}

#[tokio::test]
async fn every_setting_refuses_a_bad_value_with_a_message_and_keeps_the_rest() {
    use gestdesk::domain::settings::registry::{Kind, Section, all};
    let (app, admin) = TestApp::with_admin().await;
    // The set-up filled the server address and the default language. Availability's and
    // surveys' pages are there only while their functions are on.
    app.set_setting("availability", "1");
    app.set_setting("survey", "1");
    let logged_at_set_up = app.count("SELECT count(*) FROM settings_log");
    for def in all() {
        let bad = match def.kind {
            Kind::Flag => "maybe".to_owned(),
            Kind::Number { max, .. } => (max + 1).to_string(),
            Kind::Choice(_) => "no-such-choice".to_owned(),
            Kind::Url => "ftp://files.example.com".to_owned(),
            Kind::Text { max } | Kind::Secret { max } | Kind::Html { max } => "x".repeat(max + 1),
            Kind::Email => "helpdesk@example.com\r\nBcc: everyone@example.com".to_owned(),
            Kind::Color => "blue-ish".to_owned(),
            Kind::Host => "smtp example.com".to_owned(),
        };
        // Each setting is on its page; a good value goes along to prove nothing is kept.
        let (page, action, good) = match def.section {
            Section::Smtp | Section::MailAuto | Section::MailContent => {
                ("/admin/mail", "/admin/mail", ("smtp.port", "2525"))
            }
            Section::Backups => (
                "/admin/backups",
                "/admin/backups/settings",
                ("backup_keep", "9"),
            ),
            Section::Network => ("/admin/network", "/admin/network", ("net.ping_rate", "33")),
            Section::Directory => ("/admin/directory", "/admin/directory", ("ldap.port", "636")),
            Section::MailIn => (
                "/admin/mail-in",
                "/admin/mail-in",
                ("mail_in.acknowledge", "0"),
            ),
            Section::Api => ("/admin/api", "/admin/api/settings", ("api_log_days", "33")),
            Section::Availability => (
                "/admin/availability",
                "/admin/availability",
                ("availability_dep", "1"),
            ),
            Section::Surveys => (
                "/admin/surveys",
                "/admin/surveys",
                ("survey_link_days", "9"),
            ),
            Section::Https => ("/admin/https", "/admin/https", ("https_mode", "off")),
            _ => (
                "/admin/settings",
                "/admin/settings",
                ("rows_per_page", "33"),
            ),
        };
        let reply = admin
            .submit(page, action, &[(def.key, bad.as_str()), good])
            .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            def.key
        );
        reply.assert_contains("Some fields need attention; nothing was saved.");
        assert!(
            reply.body.contains("field-error"),
            "{}: no message",
            def.key
        );
        // Nothing was saved, not even the good value sent along.
        assert_eq!(
            app.count("SELECT count(*) FROM settings_log"),
            logged_at_set_up,
            "{} saved something",
            def.key
        );
    }
    app.stop().await;
}

/// A technician holding `admin_user_view` but not `admin` posted a wrong personal view to an
/// administrator's account: the error answer was that account's whole edit page (login, mail,
/// phone), which the technician may not open. The views of another user are changed from that
/// page only, so the action now needs what the page needs, and its error shows nothing more.
#[tokio::test]
async fn another_users_views_need_the_page_they_are_on_even_when_refused() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_right(Profile::Technician, "admin_user_view", true);
    let tom = app.login_as("tom", Profile::Technician).await;
    app.sql()
        .execute(
            "UPDATE users SET phone = '+33 6 12 34 56 78', mail = 'boss@example.test' WHERE login = 'admin'",
            [],
        )
        .expect("admin details");
    let admin_id = app.user_id("admin");
    let token = tom.get("/profile").await.csrf();
    for fields in [
        vec![("name", ""), ("target", "c999")],
        vec![("name", "Hardware"), ("target", "c2")],
    ] {
        let mut all = fields.clone();
        all.push(("_csrf", &token));
        let r = tom
            .post_raw(&format!("/admin/users/{admin_id}/views"), &all)
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{fields:?}");
        for secret in ["boss@example.test", "+33 6 12 34 56 78", "correct horse"] {
            assert!(!r.body.contains(secret), "{secret} shown: {}", r.body);
        }
    }
    assert_eq!(app.count("SELECT count(*) FROM personal_views"), 0);
    // An administrator with the right still manages them, and a mistake comes back on the page.
    app.set_right(Profile::Administrator, "admin_user_view", true);
    let tom_id = app.user_id("tom");
    let page = format!("/admin/users/{tom_id}");
    let bad = admin
        .submit(
            &page,
            &format!("{page}/views"),
            &[("name", ""), ("target", "c999")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let ok = admin
        .submit(
            &page,
            &format!("{page}/views"),
            &[("name", "Hardware"), ("target", "c2")],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT count(*) FROM personal_views"), 1);
    // Each view is a menu entry: thirty at most.
    for n in 2..=30 {
        app.sql()
            .execute(
                "INSERT INTO personal_views (user_id, name, category_id) VALUES (?1, ?2, 2)",
                rusqlite::params![tom_id, format!("View {n}")],
            )
            .expect("view");
    }
    let full = admin
        .submit(
            &page,
            &format!("{page}/views"),
            &[("name", "One more"), ("target", "c2")],
        )
        .await;
    assert_eq!(full.status, StatusCode::UNPROCESSABLE_ENTITY);
    full.assert_contains("You have 30 personal views already");
    assert_eq!(app.count("SELECT count(*) FROM personal_views"), 30);
    app.stop().await;
}

/// With company visibility on, a requester changed her own company from her profile
/// (`user_profil_company` is granted by default) and then read the other company's tickets and
/// procedures. A company, like services under service partitioning, is a boundary only
/// administrators set while it decides what users see.
#[tokio::test]
async fn a_requester_cannot_move_herself_into_another_company_or_service() {
    let (app, admin) = TestApp::with_admin().await;
    let (accounting, sales) = services(&app);
    app.sql()
        .execute("INSERT INTO companies (name) VALUES ('Initech')", [])
        .expect("company");
    let acme = app.count("SELECT id FROM companies WHERE name = 'ACME'");
    let initech = app.count("SELECT id FROM companies WHERE name = 'Initech'");
    app.set_setting("user_advanced", "1");
    let mallory = app.login_as("mallory", Profile::User).await;
    app.create_user("victim", "some password", Profile::User)
        .await;
    let (m, v) = (app.user_id("mallory"), app.user_id("victim"));
    app.sql()
        .execute_batch(&format!(
            "UPDATE users SET company_id = {acme} WHERE id = {m};
             UPDATE users SET company_id = {initech} WHERE id = {v};
             INSERT INTO user_services (user_id, service_id) VALUES ({m}, {accounting});"
        ))
        .expect("companies");
    let secret = crate::common::open_ticket(
        &app,
        &admin,
        &[
            ("requester", &format!("u{v}")),
            ("title", "Initech payroll"),
        ],
    )
    .await;
    app.sql()
        .execute(
            "UPDATE tickets SET service_id = ?1 WHERE id = ?2",
            [sales, secret],
        )
        .expect("service");

    for (setting, field, value) in [
        ("user_company_view", "company", initech),
        ("procedure", "company", initech),
        ("company_limit_ticket", "company", initech),
        ("user_limit_service", "services", sales),
    ] {
        app.set_setting(setting, "1");
        // The service field is offered only with its right; here, for the last round.
        app.set_right(Profile::User, "user_profil_service", field == "services");
        app.set_right(Profile::User, "side_all_service_disp", true);
        let form = mallory.get("/profile").await;
        assert!(
            !form.body.contains(&format!(r#"name="{field}""#)),
            "{setting}: the {field} field is offered"
        );
        let value = value.to_string();
        let own_company = acme.to_string();
        let mut fields = vec![("lastname", "Mallory"), (field, value.as_str())];
        if field == "services" {
            // The company is hers to set in this round: she keeps it.
            fields.push(("company", &own_company));
        }
        let r = mallory.submit("/profile", "/profile", &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{setting}: {}", r.body);
        assert_eq!(
            app.count(&format!("SELECT company_id FROM users WHERE id = {m}")),
            acme,
            "{setting}"
        );
        assert_eq!(
            app.text(&format!(
                "SELECT group_concat(service_id) FROM user_services WHERE user_id = {m}"
            )),
            accounting.to_string(),
            "{setting}"
        );
        assert_eq!(
            mallory.get(&format!("/tickets/{secret}")).await.status,
            StatusCode::NOT_FOUND,
            "{setting}"
        );
        app.set_setting(setting, "0");
    }
    // While nothing depends on it, the right still lets her keep her details right.
    let r = mallory
        .submit(
            "/profile",
            "/profile",
            &[("lastname", "Mallory"), ("company", &initech.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.count(&format!("SELECT company_id FROM users WHERE id = {m}")),
        initech
    );
    app.stop().await;
}

/// A user's own profile save rewrote every column of their account from a copy read before the
/// write, undoing an administrator's change made meanwhile (a demotion came back). It now
/// checks the form against the account inside the write and writes only what the form may
/// change.
#[tokio::test]
async fn saving_ones_profile_does_not_undo_an_administrators_change_made_meanwhile() {
    let (app, _admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let id = app.user_id("tom");
    let form = tom.get("/profile").await;
    let token = form.csrf();
    // Another writer holds the write turn (as an administrator's save would) while Tom saves.
    let mut held = app.sql();
    let tx = held
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .expect("write turn");
    let save = {
        let tom = tom.clone();
        tokio::spawn(async move {
            tom.post_raw(
                "/profile",
                &[
                    ("_csrf", &token),
                    ("firstname", "Tom"),
                    ("lastname", "Tech"),
                    ("phone", "01 23 45 67 89"),
                ],
            )
            .await
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    tx.execute(
        "UPDATE users SET profile_id = ?1, mail = 'tom@example.test' WHERE id = ?2",
        rusqlite::params![Profile::User.id(), id],
    )
    .expect("demote");
    tx.commit().expect("commit");
    let r = save.await.expect("save");
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count(&format!("SELECT profile_id FROM users WHERE id = {id}")),
        Profile::User.id(),
        "the demotion stays"
    );
    assert_eq!(
        app.text(&format!("SELECT phone FROM users WHERE id = {id}")),
        "01 23 45 67 89"
    );
    // The mail is Tom's to change, and his form typed none: the form's value wins, as typed.
    assert_eq!(
        app.text(&format!("SELECT mail FROM users WHERE id = {id}")),
        ""
    );
    app.stop().await;
}

/// The registration limit was counted before the account was written: forms sent at once all
/// passed it. It is counted inside the write now.
#[tokio::test]
async fn registrations_sent_at_once_stay_within_the_limit() {
    let (app, _) = TestApp::with_admin().await;
    app.set_setting("user_register", "1");
    let forms: Vec<_> = (0..12)
        .map(|i| {
            let c = app.client();
            tokio::spawn(async move {
                let page = c.get("/register").await;
                let token = page.csrf();
                let login = format!("flood{i}");
                c.post_raw(
                    "/register",
                    &[
                        ("_csrf", &token),
                        ("lastname", "Flood"),
                        ("login", &login),
                        ("mail", "flood@example.test"),
                        ("password", "long enough 1"),
                        ("password_confirm", "long enough 1"),
                    ],
                )
                .await
                .status
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for f in forms {
        statuses.push(f.await.expect("form"));
    }
    let made = app.count("SELECT count(*) FROM users WHERE login LIKE 'flood%'");
    assert!(
        made <= gestdesk::domain::users::manage::REGISTRATIONS_PER_HOUR,
        "{made} accounts: {statuses:?}"
    );
    assert!(made >= 1, "{statuses:?}");
    app.stop().await;
}

/// The quick dialog lets a technician correct a requester's names and mail, never another
/// technician's or an administrator's. The target was checked before the write: a requester
/// promoted meanwhile could be changed. The check is made on the account as it is when the
/// change is written.
#[tokio::test]
async fn a_quick_edit_is_checked_against_the_account_when_it_is_written() {
    let (app, _admin) = TestApp::with_admin().await;
    let tech = app.login_as("tech", Profile::Technician).await;
    app.create_user("rita", "password-of-rita", Profile::User)
        .await;
    let rita = app.user_id("rita");
    let path = format!("/users/quick/{rita}");
    let token = tech.get("/profile").await.csrf();
    let mut held = app.sql();
    let tx = held
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .expect("write turn");
    let save = {
        let tech = tech.clone();
        let path = path.clone();
        tokio::spawn(async move {
            tech.post_raw(
                &path,
                &[
                    ("_csrf", &token),
                    ("lastname", "Rita"),
                    ("mail", "attacker@example.test"),
                ],
            )
            .await
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    tx.execute(
        "UPDATE users SET profile_id = ?1 WHERE id = ?2",
        rusqlite::params![Profile::Administrator.id(), rita],
    )
    .expect("promote");
    tx.commit().expect("commit");
    let r = save.await.expect("save");
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(
        app.text(&format!("SELECT mail FROM users WHERE id = {rita}")),
        ""
    );
    app.stop().await;
}

#[tokio::test]
async fn accounts_brought_over_from_gestsup_log_in_with_their_gestsup_passwords() {
    let (app, _admin) = TestApp::with_admin().await;
    // GestSup's older hash, md5(salt . md5(password)), as the importer stores it; and PHP's
    // bcrypt ("$2y$").
    let md5 = crate::common::md5_hex;
    let legacy = gestdesk::domain::users::password::legacy(
        "x9Salt",
        &md5(&format!("x9Salt{}", md5("old gestsup password"))),
    );
    let php = bcrypt::hash("php password", 4)
        .expect("hash")
        .replacen("$2b$", "$2y$", 1);
    for (login, hash) in [("olduser", legacy), ("phpuser", php)] {
        app.sql()
            .execute(
                "INSERT INTO users (login, password_hash, profile_id, created_at, updated_at)
                 VALUES (?1, ?2, 2, 0, 0)",
                [login, &hash],
            )
            .expect("account");
    }
    let wrong = app.client().login("olduser", "not it").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(
        app.text("SELECT password_hash FROM users WHERE login = 'olduser'")
            .starts_with("gestsup-md5$")
    );
    let first = app.client().login("olduser", "old gestsup password").await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    let upgraded = app.text("SELECT password_hash FROM users WHERE login = 'olduser'");
    assert!(upgraded.starts_with("$2"), "replaced by bcrypt: {upgraded}");
    let again = app.client().login("olduser", "old gestsup password").await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let php = app.client().login("phpuser", "php password").await;
    assert_eq!(php.status, StatusCode::SEE_OTHER, "{}", php.body);
    app.stop().await;
}
