//! One careless click on one PC with one administrator: what would leave nobody able to
//! administer is refused, dangerous rights changes are confirmed first, every change of the
//! matrix is logged, and a reverse proxy on the same machine is not taken for the console.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{ADMIN_LOGIN, ADMIN_PASSWORD, TestApp};

fn granted(app: &TestApp, profile: Profile, right: &str) -> bool {
    app.count(&format!(
        "SELECT count(*) FROM profile_rights WHERE profile_id = {} AND right_name = '{right}'",
        profile.id()
    )) == 1
}

/// Removing `admin` from the Administrator profile, or demoting the last active
/// administrator, was accepted without a word and locked everyone out for good.
#[tokio::test]
async fn nothing_a_click_does_leaves_no_administrator() {
    let (app, admin) = TestApp::with_admin().await;
    let toggle = |right: &'static str, profile: Profile, confirm: bool| {
        let admin = admin.clone();
        async move {
            let mut fields = vec![
                ("right", right.to_owned()),
                ("profile", profile.id().to_string()),
            ];
            if confirm {
                fields.push(("confirm", "1".to_owned()));
            }
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            admin
                .submit("/admin/rights", "/admin/rights/toggle", &fields)
                .await
        }
    };

    // A dangerous change is shown for confirmation first, and nothing changes yet.
    let asked = toggle("admin", Profile::Administrator, false).await;
    assert_eq!(asked.status, StatusCode::OK);
    asked
        .assert_contains("Deny admin to every Administrator?")
        .assert_contains("They will lose the Administration menu")
        .assert_contains(r#"name="confirm" value="1""#);
    assert!(granted(&app, Profile::Administrator, "admin"));
    // Confirmed, it is still refused: nobody else could administer.
    let refused = toggle("admin", Profile::Administrator, true).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_contains("no enabled account would be able to administer");
    assert!(granted(&app, Profile::Administrator, "admin"));
    // The matrix's script gets a 409 too (and then sends the form itself).
    let token = admin.get("/admin/rights").await.csrf();
    let json = admin
        .submit_json(
            "/admin/rights",
            "/admin/rights/toggle",
            &[("right", "admin"), ("profile", "4"), ("_csrf", &token)],
        )
        .await;
    assert_eq!(json.status, StatusCode::CONFLICT);

    // Demoting oneself, the last administrator, from one's account page.
    let me = app.user_id(ADMIN_LOGIN);
    let page = format!("/admin/users/{me}");
    let form = admin.get(&page).await;
    let mut fields = crate::common::http::hidden_inputs(&form.body);
    fields.retain(|(k, _)| k != "_csrf");
    let r = admin
        .submit(
            &page,
            &page,
            &[
                ("login", ADMIN_LOGIN),
                ("lastname", "Admin"),
                ("firstname", "Ada"),
                ("profile", &Profile::Technician.id().to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    r.assert_contains("no enabled account would be able to administer");
    assert_eq!(
        app.count(&format!("SELECT profile_id FROM users WHERE id = {me}")),
        Profile::Administrator.id()
    );

    // With a second administrator, the same changes go through, confirmed and logged.
    app.create_user("bob", "password-of-bob", Profile::Administrator)
        .await;
    let bob = app.user_id("bob");
    let page = format!("/admin/users/{bob}");
    let r = admin
        .submit(
            &page,
            &page,
            &[
                ("login", "bob"),
                ("lastname", "Bob"),
                ("profile", &Profile::Technician.id().to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let granted_to_techs = toggle("admin_groups", Profile::Technician, true).await;
    assert_eq!(granted_to_techs.status, StatusCode::SEE_OTHER);
    assert!(granted(&app, Profile::Technician, "admin_groups"));
    // Ordinary rights change at once, without a question.
    let plain = toggle("search", Profile::User, false).await;
    assert_eq!(plain.status, StatusCode::SEE_OTHER);
    let history = admin.get("/admin/rights").await;
    history
        .assert_contains(
            "right admin_groups of profile technician: denied -&gt; granted (by admin)",
        )
        .assert_contains("right search of profile user: ");
    assert_eq!(
        app.count(
            "SELECT count(*) FROM event_log WHERE kind = 'right_changed' AND user_id IS NOT NULL"
        ),
        2
    );
    app.stop().await;
}

/// Behind a reverse proxy on the same machine every request comes from this machine: the
/// set-up page was handed to anyone and every client shared one throttled address. A request
/// a proxy forwarded is never taken for the console, and with `--behind-proxy` each client is
/// told apart by the address the proxy gives.
#[tokio::test]
async fn a_reverse_proxy_is_not_taken_for_the_console() {
    // Not configured as behind a proxy: a forwarded request before set-up is only told that
    // the set-up is pending, like a LAN visitor.
    let app = TestApp::spawn().await;
    let visitor = app.client();
    let here = visitor.get("/").await;
    assert_eq!(
        here.location().map(|l| l.starts_with("/setup/")),
        Some(true)
    );
    let forwarded = visitor
        .get_with("/", &[("x-forwarded-for", "198.51.100.20")])
        .await;
    assert_eq!(forwarded.status, StatusCode::OK);
    assert!(!forwarded.body.contains("/setup/"));
    app.stop().await;

    // Behind a proxy: failures from one client throttle that client, not the others.
    let app = TestApp::spawn_behind_proxy().await;
    let admin = app.client();
    admin.create_first_admin(&app).await;
    let from = |ip: &'static str| [("x-forwarded-for", ip)];
    let attacker = app.client();
    let page = attacker.get_with("/login", &from("203.0.113.5")).await;
    let token = page.csrf();
    for n in 0..gestdesk::domain::auth::throttle::ADDRESS_MAX_FAILURES {
        let login = format!("nobody{n}");
        let r = attacker
            .post_with(
                "/login",
                &[("login", &login), ("password", "guess"), ("_csrf", &token)],
                &from("203.0.113.5"),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    app.create_user("newbie", "password-of-newbie", Profile::User)
        .await;
    let blocked = attacker
        .post_with(
            "/login",
            &[
                ("login", "newbie"),
                ("password", "password-of-newbie"),
                ("_csrf", &token),
            ],
            &from("203.0.113.5"),
        )
        .await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    let colleague = app.client();
    let token = colleague
        .get_with("/login", &from("203.0.113.6"))
        .await
        .csrf();
    let ok = colleague
        .post_with(
            "/login",
            &[
                ("login", "newbie"),
                ("password", "password-of-newbie"),
                ("_csrf", &token),
            ],
            &from("203.0.113.6"),
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(
        app.count(
            "SELECT count(*) FROM event_log WHERE kind = 'login_failure' AND ip = '203.0.113.5'"
        ),
        gestdesk::domain::auth::throttle::ADDRESS_MAX_FAILURES
    );
    let _ = (ADMIN_PASSWORD, admin);
    app.stop().await;
}
