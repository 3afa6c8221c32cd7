//! "Move from GestSup" on the first-run set-up page: wrong input comes back beside the form
//! with what was typed, a check reports and changes nothing, the import that follows it
//! brings the 3.2 site and its files (sent as a ZIP) over, the set-up link dies and GestSup's
//! administrator logs in with their GestSup password. A site without an administrator who
//! could log in is refused whole, and the set-up goes on. A database is read directly too.

use std::io::Write;

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

use crate::common::http::{Client, Reply};
use crate::common::mariadb::MariaDb;
use crate::common::{PNG_LOGO, TestApp};

/// The upload form's address, with its CSRF token, as the page writes it.
async fn action_of(client: &Client, form_page: &str) -> String {
    let page = client.get(form_page).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let start = page.body.find("action=\"").expect("a form") + 8;
    let end = start + page.body[start..].find('"').expect("end");
    page.body[start..end].replace("&amp;", "&")
}

/// GestSup's upload folder as a ZIP, as a Windows "compressed folder" holds it.
pub(crate) fn upload_zip() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("upload/ticket/1041_65f0c1.png", options)
        .expect("entry");
    zip.write_all(PNG_LOGO).expect("data");
    zip.start_file("upload/procedure/proc_1.pdf", options)
        .expect("entry");
    zip.write_all(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
        .expect("data");
    zip.finish().expect("zip").into_inner()
}

/// Follows the progress page (it asks to be shown again every second) until the import ends.
pub(crate) async fn until_finished(client: &Client, progress: &str) -> Reply {
    for _ in 0..600 {
        let page = client.get(progress).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        if !page.headers.contains_key("refresh") {
            return page;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the import did not end");
}

fn file(name: &str, bytes: Vec<u8>) -> Part {
    Part::bytes(bytes).file_name(name.to_owned())
}

#[tokio::test]
async fn a_gestsup_site_moves_in_from_the_set_up_page() {
    let app = TestApp::spawn().await;
    let setup = app.app.setup_path().expect("set-up pending");
    let client = app.client();
    let page = client.get(&setup).await;
    let move_page = format!("{setup}/gestsup");
    page.assert_contains(&format!("href=\"{move_page}\""))
        .assert_contains("Move from GestSup");
    let action = action_of(&client, &move_page).await;

    // Nothing chosen; a compressed file; a database without its name: each said beside its
    // field, what was typed kept, nothing changed.
    let none = client
        .raw_post_multipart(
            &action,
            Form::new().text("from", "file").text("mode", "check"),
        )
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    none.assert_contains("Choose GestSup's backup file");
    let gz = client
        .raw_post_multipart(
            &action,
            Form::new().text("from", "file").part(
                "backup",
                file("backup.sql.gz", vec![0x1f, 0x8b, 8, 0, 1, 2]),
            ),
        )
        .await;
    assert_eq!(gz.status, StatusCode::UNPROCESSABLE_ENTITY);
    gz.assert_contains("This file is compressed");
    let not_zip = client
        .raw_post_multipart(
            &action,
            Form::new()
                .text("from", "file")
                .part(
                    "backup",
                    file("b.sql", crate::import::gestsup::site_32().into_bytes()),
                )
                .part("files", file("upload.zip", b"not a zip".to_vec())),
        )
        .await;
    assert_eq!(not_zip.status, StatusCode::UNPROCESSABLE_ENTITY);
    not_zip.assert_contains("This is not a ZIP file.");
    let no_name = client
        .raw_post_multipart(
            &action,
            Form::new()
                .text("from", "database")
                .text("host", "db.example.test")
                .text("port", "70000")
                .text("user", "gestsup")
                .text("password", "typed secret"),
        )
        .await;
    assert_eq!(no_name.status, StatusCode::UNPROCESSABLE_ENTITY);
    no_name
        .assert_contains("value=\"db.example.test\"")
        .assert_contains("Give a port number between 1 and 65535.")
        .assert_contains("This field is required.");
    assert!(
        !no_name.body.contains("typed secret"),
        "a password is never shown again"
    );
    // A form of thousands of little fields is refused as a whole.
    let mut flood = Form::new().text("from", "file");
    for i in 0..2_000 {
        flood = flood.text(format!("f{i}"), "x");
    }
    let flooded = client.raw_post_multipart(&action, flood).await;
    assert_eq!(flooded.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.count("SELECT count(*) FROM users"), 0);

    // A check: the report, nothing changed.
    let sent = client
        .raw_post_multipart(
            &action,
            Form::new()
                .text("from", "file")
                .text("mode", "check")
                .part(
                    "backup",
                    file("backup.sql", crate::import::gestsup::site_32().into_bytes()),
                )
                .part("files", file("upload.zip", upload_zip())),
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let progress = sent.location().expect("to the progress").to_owned();
    let checked = until_finished(&client, &progress).await;
    checked
        .assert_contains("The check is finished: nothing was changed.")
        .assert_contains("tincidents: read 4, imported 4, left out 0")
        .assert_contains("tattachments: read 3, imported 2, left out 1");
    assert_eq!(app.count("SELECT count(*) FROM users"), 0);
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);

    // The import that follows, with what the check was given.
    let token = crate::common::http::extract_attr(&checked.body, "name=\"_csrf\" value=\"")
        .expect("the import button's form");
    let confirm = client
        .post_raw(&format!("{move_page}/confirm"), &[("_csrf", &token)])
        .await;
    assert_eq!(confirm.status, StatusCode::SEE_OTHER, "{}", confirm.body);
    let done = until_finished(&client, &progress).await;
    done.assert_contains("The move is finished.")
        .assert_contains("Log in with your GestSup account: admin.")
        .assert_contains("tthreads: read 6, imported 6, left out 0");
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 4);
    assert_eq!(
        app.text(
            "SELECT theme || '|' || default_ticket_state || '|' || ticket_order
             FROM users WHERE login = 'admin'"
        ),
        "black|all|meta|created_desc"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM attachments WHERE ticket_id = 1041"),
        1,
        "the picture came from the ZIP"
    );
    assert!(
        std::fs::read_dir(app.data_dir())
            .expect("data dir")
            .flatten()
            .any(|f| f
                .file_name()
                .to_string_lossy()
                .starts_with("gestsup-import-")),
        "the report is kept in the data folder"
    );
    assert!(
        !std::fs::read_dir(app.data_dir())
            .expect("data dir")
            .flatten()
            .any(|f| f.file_name().to_string_lossy().starts_with("gestsup-move-")),
        "what was sent is removed"
    );
    assert!(
        !app.text("SELECT value FROM settings WHERE key = 'server_url'")
            .is_empty(),
        "the server's address is kept, as the set-up does"
    );

    // The set-up is over: its link is dead, the form too; GestSup's administrator logs in.
    assert_eq!(client.get(&setup).await.status, StatusCode::NOT_FOUND);
    assert_eq!(client.get(&move_page).await.status, StatusCode::NOT_FOUND);
    let again = client
        .raw_post_multipart(&action, Form::new().text("from", "file"))
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let admin = app.client();
    let r = admin.login("admin", "gestsup admin").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    admin
        .get("/tickets/1041")
        .await
        .assert_contains("photo imprimante.png");
    app.stop().await;
}

#[tokio::test]
async fn a_site_that_brings_no_administrator_is_refused_and_the_set_up_goes_on() {
    let app = TestApp::spawn().await;
    let setup = app.app.setup_path().expect("set-up pending");
    let client = app.client();
    let move_page = format!("{setup}/gestsup");
    let action = action_of(&client, &move_page).await;
    let sent = client
        .raw_post_multipart(
            &action,
            Form::new()
                .text("from", "file")
                .text("mode", "import")
                .part(
                    "backup",
                    file("old.sql", crate::import::gestsup::site_31().into_bytes()),
                ),
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let done = until_finished(&client, sent.location().expect("progress")).await;
    done.assert_contains("no enabled administrator with a password")
        .assert_contains("Nothing was changed.");
    assert_eq!(app.count("SELECT count(*) FROM users"), 0);
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);
    assert_eq!(client.get(&setup).await.status, StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn the_set_up_page_reads_a_gestsup_database_directly() {
    let Some(server) = MariaDb::get() else {
        return;
    };
    server.load(
        "gd_setup_move",
        &crate::import::gestsup::site_32().replace("utf8mb3", "utf8mb4"),
    );
    let app = TestApp::spawn().await;
    let setup = app.app.setup_path().expect("set-up pending");
    let client = app.client();
    let move_page = format!("{setup}/gestsup");
    let action = action_of(&client, &move_page).await;
    let form = |password: &str| {
        Form::new()
            .text("from", "database")
            .text("mode", "import")
            .text("host", "127.0.0.1")
            .text("port", server.port.to_string())
            .text("database", "gd_setup_move")
            .text("user", crate::common::mariadb::USER)
            .text("password", password.to_owned())
    };
    // A database that is not GestSup's, said beside the form in the reader's language (the
    // later field of the same name is the one read).
    server.load("gd_setup_not_gestsup", "CREATE TABLE notes (id int);");
    let other = client
        .raw_post_multipart(
            &action,
            form(crate::common::mariadb::PASSWORD).text("database", "gd_setup_not_gestsup"),
        )
        .await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    other.assert_contains("This database holds no GestSup site");
    let wrong = client
        .raw_post_multipart(&action, form("wrong password"))
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    wrong
        .assert_contains("Access denied")
        .assert_contains("value=\"gd_setup_move\"");
    let sent = client
        .raw_post_multipart(&action, form(crate::common::mariadb::PASSWORD))
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let done = until_finished(&client, sent.location().expect("progress")).await;
    done.assert_contains("The move is finished.");
    assert_eq!(
        app.text("SELECT title FROM tickets WHERE id = 1041"),
        "Imprimante du 2e étage 🖨️"
    );
    app.stop().await;
}
