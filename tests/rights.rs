//! Rights enforced on the server: every route walked with each of the five profiles against
//! the matrix, and the rights matrix page itself.

use std::collections::HashSet;

use gestdesk::domain::profiles::Profile;
use gestdesk::web::{Access, routes};
use reqwest::StatusCode;

use crate::common::{Client, TestApp};

/// A concrete path for a route pattern: parameters point to nothing, so that an allowed request
/// changes nothing (it ends in a 404 or a validation error after the guard let it through).
fn concrete(pattern: &str) -> String {
    crate::common::concrete_route(pattern, "999999", "categories")
}

fn granted(app: &TestApp, profile: Profile) -> HashSet<String> {
    let sql = app.sql();
    let mut stmt = sql
        .prepare("SELECT right_name FROM profile_rights WHERE profile_id = ?1")
        .expect("prepare");
    stmt.query_map([profile.id()], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

async fn request(client: &Client, method: &str, path: &str) -> crate::common::http::Reply {
    if method == "GET" && path == "/live" {
        // The event stream stays open: its status and headers say enough.
        client.get_head(path).await
    } else if method == "GET" {
        client.get(path).await
    } else {
        let token = client.get("/profile").await.csrf();
        client.post_raw(path, &[("_csrf", &token)]).await
    }
}

/// Walks every route with `clients` and checks each answer against the rights in the database.
async fn walk(app: &TestApp, clients: &[(Profile, Client)]) -> usize {
    let mut checked = 0;
    for route in routes::table() {
        if route.access == Access::Anyone || route.path == "/logout" {
            continue;
        }
        // Switched on for the walk (walking the settings form's POST switches them off).
        if let Some(function) = route.function {
            app.set_setting(function, "1");
        }
        let path = concrete(route.path);
        for (profile, client) in clients {
            let rights = granted(app, *profile);
            let has = |r: &str| rights.contains(r);
            let expected = route.access.allows(Some(&has));
            let reply = request(client, route.method.as_str(), &path).await;
            if expected {
                assert_ne!(
                    reply.status,
                    StatusCode::FORBIDDEN,
                    "{profile:?} refused {} {path}",
                    route.method
                );
                assert!(
                    !reply.location().is_some_and(|l| l.starts_with("/login")),
                    "{profile:?} sent to login by {} {path}",
                    route.method
                );
            } else {
                assert_eq!(
                    reply.status,
                    StatusCode::FORBIDDEN,
                    "{profile:?} allowed {} {path}",
                    route.method
                );
            }
            checked += 1;
        }
    }
    checked
}

#[tokio::test]
async fn every_route_answers_each_profile_as_the_matrix_says() {
    let (app, admin) = TestApp::with_admin().await;
    // Functions are walked switched on; switched off, their routes do not exist (below).
    let functions: HashSet<&str> = routes::table().iter().filter_map(|r| r.function).collect();
    assert!(functions.contains("procedure"));
    let clients = vec![
        (
            Profile::User,
            app.login_as("walk-user", Profile::User).await,
        ),
        (
            Profile::PowerUser,
            app.login_as("walk-power", Profile::PowerUser).await,
        ),
        (
            Profile::Supervisor,
            app.login_as("walk-super", Profile::Supervisor).await,
        ),
        (
            Profile::Technician,
            app.login_as("walk-tech", Profile::Technician).await,
        ),
        (Profile::Administrator, admin.clone()),
    ];
    let checked = walk(&app, &clients).await;
    assert!(checked > 150, "only {checked} requests checked");

    // Not logged in: every guarded route sends to the login page.
    let anonymous = app.client();
    for route in routes::table() {
        if route.access == Access::Anyone || route.method.as_str() != "GET" {
            continue;
        }
        let reply = anonymous.get_head(&concrete(route.path)).await;
        assert!(
            reply.location().is_some_and(|l| l.starts_with("/login")),
            "{} answered {} to a visitor",
            route.path,
            reply.status
        );
    }

    // Changing grants flips the outcome on the next request, and the walk still agrees.
    app.set_right(Profile::User, "admin_groups", true);
    app.set_right(Profile::Technician, "admin", true);
    app.set_right(Profile::Administrator, "admin_user_view", false);
    assert_eq!(
        clients[0].1.get("/admin/groups").await.status,
        StatusCode::OK
    );
    assert_eq!(
        clients[3].1.get("/admin/users").await.status,
        StatusCode::OK
    );
    walk(&app, &clients).await;

    // A function switched off: its routes answer "not found" to everyone logged in, even to
    // those holding its rights, and still send visitors to the login page.
    for f in &functions {
        app.set_setting(f, "0");
    }
    for route in routes::table() {
        if route.function.is_none() {
            continue;
        }
        let path = concrete(route.path);
        for (profile, client) in &clients {
            let reply = request(client, route.method.as_str(), &path).await;
            assert_eq!(
                reply.status,
                StatusCode::NOT_FOUND,
                "{profile:?} reached {} {path} with its function off",
                route.method
            );
        }
        if route.method.as_str() == "GET" {
            let reply = anonymous.get_head(&path).await;
            assert!(reply.location().is_some_and(|l| l.starts_with("/login")));
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn the_rights_matrix_lists_every_right_and_toggles_with_one_click() {
    let (app, admin) = TestApp::with_admin().await;
    let page = admin.get("/admin/rights").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("data-toggle-right").count(), 195 * 5);
    page.assert_contains("<code>ticket_title_disp</code>")
        .assert_contains("Shows the title field on the ticket")
        .assert_contains("Power user");

    // The filter matches names and descriptions.
    let filtered = admin.get("/admin/rights?q=mandatory").await;
    let rows = filtered.body.matches("<th scope=\"row\">").count();
    assert!(rows > 5 && rows < 30, "{rows}");
    assert!(!filtered.body.contains("<code>ticket_title_disp</code>"));
    let by_text = admin.get("/admin/rights?q=groups%20only").await;
    by_text.assert_contains("<code>admin_groups</code>");

    // A plain form post flips a grant and comes back to the row.
    assert!(!granted(&app, Profile::User).contains("stat"));
    let user = app.login_as("ulla", Profile::User).await;
    let flipped = admin
        .submit(
            "/admin/rights",
            "/admin/rights/toggle",
            &[
                ("right", "admin_groups"),
                ("profile", "2"),
                ("confirm", "1"),
            ],
        )
        .await;
    assert_eq!(flipped.status, StatusCode::SEE_OTHER);
    assert_eq!(flipped.location(), Some("/admin/rights#right-admin_groups"));
    assert!(granted(&app, Profile::User).contains("admin_groups"));
    assert_eq!(
        user.get("/admin/groups").await.status,
        StatusCode::OK,
        "applies on the next request"
    );
    user.get("/")
        .await
        .assert_contains(r#"href="/admin/groups""#);

    // A script gets JSON: a 409 while an administration right is not confirmed (it then sends
    // the form, which asks), the new state once it is.
    let unconfirmed = admin
        .submit_json(
            "/admin/rights",
            "/admin/rights/toggle",
            &[("right", "admin_groups"), ("profile", "2")],
        )
        .await;
    assert_eq!(unconfirmed.status, StatusCode::CONFLICT);
    let json = admin
        .submit_json(
            "/admin/rights",
            "/admin/rights/toggle",
            &[
                ("right", "admin_groups"),
                ("profile", "2"),
                ("confirm", "1"),
            ],
        )
        .await;
    assert_eq!(json.status, StatusCode::OK);
    let value: serde_json::Value = serde_json::from_str(&json.body).expect("json");
    assert_eq!(value["granted"], false);
    assert_eq!(
        user.get("/admin/groups").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.count("SELECT count(*) FROM event_log WHERE kind = 'right_changed'"),
        2
    );

    // Unknown rights and profiles change nothing.
    for (right, profile) in [("no_such_right", "2"), ("admin", "7"), ("admin", "x")] {
        let r = admin
            .submit(
                "/admin/rights",
                "/admin/rights/toggle",
                &[("right", right), ("profile", profile)],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{right} {profile}");
    }
    assert_eq!(
        app.count("SELECT count(*) FROM profile_rights WHERE profile_id = 2"),
        39
    );
    app.stop().await;
}
