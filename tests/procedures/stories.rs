//! Procedures: the function switch that shows or hides them, technicians writing, finding and
//! changing them with files, tickets of a category pointing to its procedures, and requesters
//! reading only the published ones.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{Client, TestApp, open_ticket};

/// Whether the left menu links to the procedures.
async fn menu_has_procedures(client: &Client) -> bool {
    client.get("/").await.body.contains("href=\"/procedures\"")
}

/// Saves the general settings page with the procedures switch `on` (other values as they were
/// in this test).
async fn switch_procedures(admin: &Client, on: bool) {
    let mut fields = vec![
        ("company_name", "ACME IT"),
        ("session_timeout_minutes", "60"),
        ("rows_per_page", "25"),
    ];
    if on {
        fields.push(("procedure", "1"));
    }
    let saved = admin
        .submit("/admin/settings", "/admin/settings", &fields)
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
}

#[tokio::test]
async fn the_procedures_switch_shows_or_hides_the_function_at_the_next_request() {
    let (app, admin) = TestApp::with_admin().await;
    let tech = app.login_as("tess", Profile::Technician).await;
    let user = app.login_as("ursula", Profile::User).await;

    // Off (the default): no menu entry and no page, even for those holding the rights.
    for client in [&admin, &tech, &user] {
        assert!(!menu_has_procedures(client).await);
        assert_eq!(
            client.get("/procedures").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            client.get("/procedures/new").await.status,
            StatusCode::NOT_FOUND
        );
    }
    admin
        .get("/admin/settings")
        .await
        .assert_contains("name=\"procedure\"")
        .assert_contains("Turns on the procedures function");
    // Switches of functions this version has no pages for say so (the three asset switches
    // that only refine the assets' pages); the procedures, calendar, availability and survey
    // ones do not.
    let settings = admin.get("/admin/settings").await;
    assert_eq!(
        settings
            .body
            .matches("This version of Gestdesk has no pages for this function")
            .count(),
        3
    );

    // On from the settings page: the next request of everyone follows, no restart.
    switch_procedures(&admin, true).await;
    assert_eq!(
        app.text("SELECT new_value FROM settings_log WHERE key = 'procedure'"),
        "1"
    );
    for client in [&admin, &tech] {
        assert!(menu_has_procedures(client).await);
        client
            .get("/procedures")
            .await
            .assert_contains("No procedure yet.");
    }
    // Requesters hold no `procedure` right: no entry, and the list is refused.
    assert!(!menu_has_procedures(&user).await);
    assert_eq!(user.get("/procedures").await.status, StatusCode::FORBIDDEN);

    // Off again: gone again.
    switch_procedures(&admin, false).await;
    assert!(!menu_has_procedures(&tech).await);
    assert_eq!(tech.get("/procedures").await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

/// The id at the end of a redirect to `/procedures/{id}`.
fn procedure_id(location: Option<&str>) -> i64 {
    location
        .and_then(|l| l.strip_prefix("/procedures/"))
        .and_then(|id| id.parse().ok())
        .expect("redirect to the procedure")
}

/// Every field of the procedure form as a browser sends it, published, titled `title`.
fn full_form(title: &str) -> [(&str, &str); 5] {
    [
        ("title", title),
        ("body", "Étapes **importantes**\n\n1. Éteindre\n2. Rallumer"),
        ("category", "1"),
        ("subcategory", "1"),
        ("published", "1"),
    ]
}

#[tokio::test]
async fn technicians_write_procedures_that_tickets_of_their_category_show() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("procedure", "1");
    let tech = app.login_as("tess", Profile::Technician).await;
    let user = app.login_as("rita", Profile::User).await;
    let rita = app.user_id("rita");

    // Wrong input comes back with everything typed and the file already sent.
    let form = tech.get("/procedures/new").await;
    let refused = tech
        .send_upload_form_from(
            &form,
            "procedure-form",
            &[
                ("title", "  "),
                ("body", "Étapes **importantes**"),
                ("category", "1"),
                ("subcategory", "2"),
            ],
            &[("notes.txt", b"printer notes")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused
        .assert_contains("This field is required.")
        .assert_contains("This subcategory does not belong to the chosen category.")
        .assert_contains("Étapes **importantes**")
        .assert_contains("notes.txt");
    assert_eq!(app.count("SELECT count(*) FROM procedures"), 0);

    // Corrected from the page that came back: the kept file goes with it.
    let saved = tech
        .send_upload_form_from(
            &refused,
            "procedure-form",
            &[
                ("title", "Réinitialiser l'imprimante"),
                (
                    "body",
                    "Étapes **importantes**\n\n<script>alert(1)</script>\n\n1. Éteindre\n2. Rallumer",
                ),
                ("category", "1"),
                ("subcategory", "1"),
            ],
            &[],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let id = procedure_id(saved.location());
    let page = tech.get(&format!("/procedures/{id}")).await;
    page.assert_contains("<strong>importantes</strong>")
        .assert_contains("<li>Rallumer</li>")
        .assert_contains("notes.txt")
        .assert_contains("Technicians only")
        .assert_contains("Software › Office");
    assert!(!page.body.contains("<script>alert(1)"));
    let file = app.count(&format!(
        "SELECT id FROM attachments WHERE procedure_id = {id}"
    ));
    let download = tech.get(&format!("/procedures/{id}/files/{file}")).await;
    assert_eq!(download.body, "printer notes");
    assert!(
        download
            .headers
            .get("content-disposition")
            .and_then(|d| d.to_str().ok())
            .is_some_and(|d| d.starts_with("attachment;"))
    );

    // Found by words, accents folded, prefixes matched; filtered by category.
    for q in ["reinit", "IMPRIM", "etapes rallum"] {
        tech.get(&format!("/procedures?q={q}"))
            .await
            .assert_contains("Réinitialiser l'imprimante");
    }
    tech.get("/procedures?q=scanner")
        .await
        .assert_contains("No procedure matches this search.");
    tech.get("/procedures?category=2")
        .await
        .assert_contains("No procedure matches this search.");
    tech.get("/procedures?q=%22%29%20OR%20*&category=abc&page=-4")
        .await
        .assert_contains("No procedure matches this search.");

    // A ticket of that category points to it, for the technician.
    let ticket = open_ticket(
        &app,
        &tech,
        &[
            ("requester", &format!("u{rita}")),
            ("title", "Printer jam"),
            ("category_id", "1"),
            ("subcategory_id", "1"),
        ],
    )
    .await;
    tech.get(&format!("/tickets/{ticket}"))
        .await
        .assert_contains("Procedures for this category")
        .assert_contains(&format!("href=\"/procedures/{id}\""));

    // Not published yet: the requester does not see it anywhere.
    let theirs = user.get(&format!("/tickets/{ticket}")).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains(&format!("href=\"/procedures/{id}\"")));
    assert_eq!(
        user.get(&format!("/procedures/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        user.get(&format!("/procedures/{id}/files/{file}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Published: the requester reads it from the ticket, without the technicians' actions.
    let edit = tech.get(&format!("/procedures/{id}/edit")).await;
    let published = tech
        .send_upload_form_from(
            &edit,
            "procedure-form",
            &full_form("Réinitialiser l'imprimante"),
            &[],
        )
        .await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    user.get(&format!("/tickets/{ticket}"))
        .await
        .assert_contains(&format!("href=\"/procedures/{id}\""));
    let read = user.get(&format!("/procedures/{id}")).await;
    read.assert_contains("<strong>importantes</strong>");
    assert!(!read.body.contains(&format!("/procedures/{id}/edit")));
    assert!(!read.body.contains("/delete"));
    assert_eq!(
        user.get(&format!("/procedures/{id}/files/{file}"))
            .await
            .body,
        "printer notes"
    );
    // Writing stays the technicians' (rights checked on the server, not only hidden).
    let token = user.get("/profile").await.csrf();
    for path in [
        format!("/procedures/{id}/delete"),
        format!("/procedures/{id}/files/{file}/delete"),
    ] {
        assert_eq!(
            user.post_raw(&path, &[("_csrf", &token)]).await.status,
            StatusCode::FORBIDDEN
        );
    }
    assert_eq!(
        user.get("/procedures/new").await.status,
        StatusCode::FORBIDDEN
    );

    // Two technicians edit at once: the second save is refused, its text kept, and saving
    // again (knowingly) replaces the first one's change.
    let other = app.login_as("theo", Profile::Technician).await;
    let mine = tech.get(&format!("/procedures/{id}/edit")).await;
    let theirs = other.get(&format!("/procedures/{id}/edit")).await;
    let first = other
        .send_upload_form_from(
            &theirs,
            "procedure-form",
            &full_form("Printer reset (Theo)"),
            &[],
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let late = tech
        .send_upload_form_from(
            &mine,
            "procedure-form",
            &full_form("Printer reset (Tess)"),
            &[],
        )
        .await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    late.assert_contains("Someone changed this procedure while you were editing it")
        .assert_contains("Printer reset (Tess)");
    assert_eq!(
        app.text(&format!("SELECT title FROM procedures WHERE id = {id}")),
        "Printer reset (Theo)"
    );
    let again = tech
        .send_upload_form_from(
            &late,
            "procedure-form",
            &full_form("Printer reset (Tess)"),
            &[],
        )
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!(
        app.text(&format!("SELECT title FROM procedures WHERE id = {id}")),
        "Printer reset (Tess)"
    );

    // Deleted with its file, from the database and the disk.
    let storage = app.text(&format!(
        "SELECT storage_name FROM attachments WHERE id = {file}"
    ));
    let stored = app.data_dir().join("attachments").join(&storage);
    assert!(stored.is_file());
    let gone = tech
        .submit(
            &format!("/procedures/{id}"),
            &format!("/procedures/{id}/delete"),
            &[],
        )
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT count(*) FROM procedures"), 0);
    assert_eq!(
        app.count("SELECT count(*) FROM attachments WHERE procedure_id IS NOT NULL"),
        0
    );
    assert!(!stored.exists());
    assert!(
        !tech
            .get(&format!("/tickets/{ticket}"))
            .await
            .body
            .contains("Procedures for this category")
    );
    app.stop().await;
}
