//! The page frame, the left menu built from rights, the translated 404 page, the health check
//! and static files.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::TestApp;

#[tokio::test]
async fn healthz_reports_version_and_database() {
    let app = TestApp::spawn().await;
    let reply = app.client().get("/healthz").await;
    assert_eq!(reply.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&reply.body).expect("json");
    assert_eq!(json["status"], "ok");
    assert_eq!(json["database"], "ok");
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
    app.stop().await;
}

#[tokio::test]
async fn unknown_urls_get_a_translated_page_not_a_bare_text() {
    let (app, admin) = TestApp::with_admin().await;
    let en = app.client_in("en").get("/no/such/page").await;
    assert_eq!(en.status, StatusCode::NOT_FOUND);
    en.assert_contains("<title>Page not found")
        .assert_contains("does not match any Gestdesk page");
    let fr = app.client_in("fr-FR,fr;q=0.9").get("/no/such/page").await;
    assert_eq!(fr.status, StatusCode::NOT_FOUND);
    fr.assert_contains("Page introuvable")
        .assert_contains(r#"<html lang="fr""#);
    let de = app.client_in("de-DE").get("/nope").await;
    de.assert_contains("Seite nicht gefunden")
        .assert_contains(r#"<html lang="de""#);
    let es = app.client_in("es-ES,es;q=0.9").get("/nope").await;
    es.assert_contains("Página no encontrada");
    // A language Gestdesk does not speak falls back to the server's default language: the one
    // chosen at set-up (English here), then whatever the administrator sets.
    let it = app.client_in("it-IT").get("/nope").await;
    it.assert_contains("Page not found");
    app.set_setting("default_language", "fr");
    let it = app.client_in("it-IT").get("/nope").await;
    it.assert_contains("Page introuvable");

    // Logged in, the 404 page keeps the frame (menu, user name).
    let inside = admin.get("/nope").await;
    assert_eq!(inside.status, StatusCode::NOT_FOUND);
    inside
        .assert_contains("Page not found")
        .assert_contains("Ada Admin");

    // A wrong method also gets a page.
    let wrong = app.client().get("/logout").await;
    assert_eq!(wrong.status, StatusCode::METHOD_NOT_ALLOWED);
    wrong.assert_contains("<html");
    app.stop().await;
}

#[tokio::test]
async fn the_frame_shows_the_company_the_user_menu_and_a_menu_built_from_rights() {
    let (app, admin) = TestApp::with_admin().await;
    let home = admin.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    home.assert_contains(r#"class="brand""#)
        .assert_contains(">Gestdesk<")
        .assert_contains(r#"href="/profile""#)
        .assert_contains(r#"action="/logout""#)
        .assert_contains(r#"href="/admin/system""#)
        .assert_contains(r#"aria-current="page""#);

    // The company name comes from the settings, on the next request.
    app.sql()
        .execute(
            "INSERT INTO settings (key, value, updated_at) VALUES ('company_name', 'ACME <IT>', 0)",
            [],
        )
        .expect("setting");
    let home = admin.get("/").await;
    home.assert_contains("ACME &lt;IT&gt;");
    assert!(!home.body.contains("ACME <IT>"), "escaped");
    app.stop().await;
}

#[tokio::test]
async fn administration_is_refused_on_the_server_without_the_admin_right() {
    let (app, admin) = TestApp::with_admin().await;
    assert_eq!(admin.get("/admin/system").await.status, StatusCode::OK);

    // GestSup's defaults give the administration menu to the administrator profile only.
    app.create_user("tech", "technician pass", Profile::Technician)
        .await;
    let tech = app.client();
    assert_eq!(
        tech.login("tech", "technician pass").await.status,
        StatusCode::SEE_OTHER
    );
    let home = tech.get("/").await;
    assert!(!home.body.contains("/admin/system"), "no menu entry");
    let refused = tech.get("/admin/system").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    refused.assert_contains("Access denied");

    // Granting the right applies on the technician's next request; revoking it too.
    app.sql()
        .execute(
            "INSERT INTO profile_rights (profile_id, right_name) VALUES (0, 'admin')",
            [],
        )
        .expect("grant");
    assert_eq!(tech.get("/admin/system").await.status, StatusCode::OK);
    tech.get("/")
        .await
        .assert_contains(r#"href="/admin/system""#);
    app.sql()
        .execute(
            "DELETE FROM profile_rights WHERE profile_id = 4 AND right_name = 'admin'",
            [],
        )
        .expect("revoke");
    assert_eq!(
        admin.get("/admin/system").await.status,
        StatusCode::FORBIDDEN
    );

    // Anonymous visitors are sent to the login page.
    let anonymous = app.client();
    assert_eq!(
        anonymous.get("/admin/system").await.location(),
        Some("/login?next=%2Fadmin%2Fsystem")
    );
    app.stop().await;
}

#[tokio::test]
async fn the_system_page_shows_version_data_folder_and_database() {
    let (app, admin) = TestApp::with_admin().await;
    let page = admin.get("/admin/system").await;
    page.assert_contains(env!("CARGO_PKG_VERSION"))
        .assert_contains(&app.data_dir().display().to_string())
        .assert_contains("gestdesk.sqlite3")
        .assert_contains("Schema version")
        .assert_contains("http://localhost:");
    app.stop().await;
}

#[tokio::test]
async fn a_technician_s_icons_come_from_one_cached_sprite() {
    let app = TestApp::spawn().await;
    let tech = app.login_as("tina", Profile::Technician).await;
    let page = tech.get("/tickets?view=all").await;
    let href = crate::common::http::extract_attr(&page.body, r#"<use href=""#)
        .expect("an icon of the menu");
    let (sprite, symbol) = href.split_once('#').expect("a symbol in the sprite");
    assert!(
        sprite.starts_with("/static/") && sprite.ends_with("/icons/line.svg"),
        "{sprite}"
    );
    let reply = tech.get(sprite).await;
    assert_eq!(reply.status, StatusCode::OK);
    let header = |name: &str| reply.header(name).to_owned();
    assert_eq!(header("content-type"), "image/svg+xml");
    assert!(header("cache-control").contains("immutable"));
    assert!(
        reply.body.contains(&format!(r#"<symbol id="{symbol}" "#)),
        "{symbol} not in the sprite"
    );
    // No icon draws its own path in the page any more.
    assert!(!page.body.contains("<path d="));
    app.stop().await;
}

#[tokio::test]
async fn static_files_have_hashed_urls_long_cache_and_compression() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let page = client.follow(client.get("/").await).await;
    let css = crate::common::http::extract_attr(&page.body, r#"rel="stylesheet" href=""#)
        .expect("stylesheet link");
    assert!(
        css.starts_with("/static/") && css.ends_with("/app.css"),
        "{css}"
    );

    let reply = client.get_with(&css, &[("accept-encoding", "gzip")]).await;
    assert_eq!(reply.status, StatusCode::OK);
    let header = |name: &str| reply.header(name).to_owned();
    assert!(
        header("cache-control").contains("immutable"),
        "{}",
        header("cache-control")
    );
    assert!(header("content-type").starts_with("text/css"));
    assert_eq!(header("content-encoding"), "gzip");

    // An outdated hash still serves the file, but without the long cache.
    let stale = client.get("/static/000000000000/app.css").await;
    assert_eq!(stale.status, StatusCode::OK);
    assert_eq!(
        stale
            .headers
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-cache")
    );
    assert_eq!(
        client.get("/static/x/../Cargo.toml").await.status,
        StatusCode::NOT_FOUND
    );

    // Pages are compressed too, and carry the security headers.
    let page = client
        .get_with("/login", &[("accept-encoding", "br")])
        .await;
    assert!(page.headers.get("content-security-policy").is_some());
    assert_eq!(
        page.headers
            .get("x-frame-options")
            .and_then(|v| v.to_str().ok()),
        Some("DENY")
    );
    assert!(page.headers.get("server").is_none(), "no version banner");
    app.stop().await;
}

#[tokio::test]
async fn a_server_error_shows_its_details_only_to_administrators_in_debug_mode() {
    let (app, admin) = TestApp::with_admin().await;
    // Break the table one page reads, as a damaged database would.
    app.sql()
        .execute_batch("DROP TABLE settings_log")
        .expect("drop");
    let plain = admin.get("/admin/settings/log").await;
    assert_eq!(plain.status, StatusCode::INTERNAL_SERVER_ERROR);
    plain
        .assert_contains("Server error")
        .assert_contains("Ada Admin");
    assert!(
        !plain.body.contains("settings_log"),
        "details shown without debug mode"
    );

    app.set_setting("debug", "1");
    let detailed = admin.get("/admin/settings/log").await;
    assert_eq!(detailed.status, StatusCode::INTERNAL_SERVER_ERROR);
    detailed
        .assert_contains("Details (debug mode, administrators only)")
        .assert_contains("no such table: settings_log");

    // Anyone else sees the plain message, debug mode or not.
    let ursula = app
        .login_as("ursula", gestdesk::domain::profiles::Profile::User)
        .await;
    app.set_right(gestdesk::domain::profiles::Profile::User, "search", true);
    app.sql()
        .execute_batch("DROP TABLE tickets_fts")
        .expect("drop");
    let user_view = ursula.get("/tickets?view=your&q=printer").await;
    assert_eq!(user_view.status, StatusCode::INTERNAL_SERVER_ERROR);
    user_view.assert_contains("Server error");
    assert!(
        !user_view.body.contains("tickets_fts"),
        "details shown to a user"
    );
    app.stop().await;
}
