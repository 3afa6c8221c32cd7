//! Ticket attachments: uploads on new and existing tickets, the count and size settings,
//! dangerous files refused by name and by content, storage under generated names, downloads
//! only for those who see the ticket, and removal recorded in the thread.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::TestApp;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

/// Every file name under `dir`, recursively.
fn files_under(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                out.extend(files_under(&path));
            } else {
                out.push(e.file_name().to_string_lossy().into_owned());
            }
        }
    }
    out
}

#[tokio::test]
async fn files_are_attached_stored_under_generated_names_and_downloaded_safely() {
    let (app, admin) = TestApp::with_admin().await;
    let uma_client = app.login_as("uma", Profile::User).await;
    let olga_client = app.login_as("olga", Profile::User).await;
    let uma = app.user_id("uma");

    // A technician opens a ticket for Uma with two files.
    let requester = format!("u{uma}");
    let r = admin
        .send_ticket_form(
            "/tickets/new",
            &[
                ("requester", &requester),
                ("title", "Broken invoice export"),
            ],
            &[("../../etc/Invoice 2026.pdf", PDF), ("screen.png", PNG)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = app.count("SELECT max(id) FROM tickets");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM attachments WHERE ticket_id = {id}"
        )),
        2
    );
    assert_eq!(
        app.text("SELECT filename FROM attachments ORDER BY id LIMIT 1"),
        "Invoice 2026.pdf"
    );

    // Stored under generated names inside the data directory, never under the sent name.
    let stored = files_under(&app.data_dir().join("attachments"));
    assert_eq!(stored.len(), 2, "{stored:?}");
    assert!(
        stored
            .iter()
            .all(|n| n.len() == 32 && n.chars().all(|c| c.is_ascii_hexdigit())),
        "{stored:?}"
    );
    let storage = app.text("SELECT storage_name FROM attachments ORDER BY id LIMIT 1");
    assert_eq!(
        std::fs::read(app.data_dir().join("attachments").join(&storage)).expect("stored file"),
        PDF
    );

    // The page lists them with icon, name and size; the thread records them.
    let page = admin.get(&format!("/tickets/{id}")).await;
    page.assert_contains("Invoice 2026.pdf")
        .assert_contains("screen.png")
        .assert_contains("file-icon-file")
        .assert_contains("file-icon-image")
        .assert_contains(&format!("({} B)", PDF.len()))
        .assert_contains("attached Invoice 2026.pdf");

    // Downloads are attachments, never sniffed, for the technician and the requester.
    let file_id = app.count("SELECT min(id) FROM attachments");
    let url = format!("/tickets/{id}/attachments/{file_id}");
    for client in [&admin, &uma_client] {
        let d = client.get(&url).await;
        assert_eq!(d.status, StatusCode::OK);
        let disposition = d.headers["content-disposition"].to_str().expect("ascii");
        assert!(disposition.starts_with("attachment;"), "{disposition}");
        assert!(
            disposition.contains("filename*=UTF-8''Invoice%202026.pdf"),
            "{disposition}"
        );
        assert_eq!(d.headers["x-content-type-options"], "nosniff");
        assert_eq!(d.headers["content-type"], "application/pdf");
        assert_eq!(d.body.as_bytes(), PDF);
    }

    // Another user guessing the ticket or the file gets "not found", even through their own ticket.
    assert_eq!(
        olga_client.get(&format!("/tickets/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(olga_client.get(&url).await.status, StatusCode::NOT_FOUND);
    let r = olga_client
        .send_ticket_form("/tickets/new", &[("title", "Mine")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let own = app.count("SELECT max(id) FROM tickets");
    assert_eq!(
        olga_client
            .get(&format!("/tickets/{own}/attachments/{file_id}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let token = olga_client.get(&format!("/tickets/{own}")).await.csrf();
    let r = olga_client
        .post_raw(
            &format!("/tickets/{id}/attachments/{file_id}/delete"),
            &[("_csrf", &token)],
        )
        .await;
    assert!(
        matches!(r.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
        "{}",
        r.status
    );
    assert_eq!(app.count("SELECT count(*) FROM attachments"), 2);

    // The requester adds a file to the existing ticket.
    let r = uma_client
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[],
            &[("notes.txt", b"plain notes")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM attachments WHERE ticket_id = {id}"
        )),
        3
    );
    let notes = app.count("SELECT max(id) FROM attachments");
    assert_eq!(
        uma_client
            .get(&format!("/tickets/{id}/attachments/{notes}"))
            .await
            .body,
        "plain notes"
    );

    // A technician removes one: gone from the page and the disk, recorded in the thread.
    let r = admin
        .submit(
            &format!("/tickets/{id}"),
            &format!("/tickets/{id}/attachments/{file_id}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!app.data_dir().join("attachments").join(&storage).exists());
    assert_eq!(admin.get(&url).await.status, StatusCode::NOT_FOUND);
    admin
        .get(&format!("/tickets/{id}"))
        .await
        .assert_contains("removed the attachment Invoice 2026.pdf");
    // A requester has no right to remove attachments.
    let token = uma_client.get(&format!("/tickets/{id}")).await.csrf();
    let r = uma_client
        .post_raw(
            &format!("/tickets/{id}/attachments/{notes}/delete"),
            &[("_csrf", &token)],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn dangerous_files_are_refused_by_name_and_by_content_and_nothing_is_lost() {
    let (app, admin) = TestApp::with_admin().await;
    // Refused by name: only documents, pictures, text, mail, archives, sound and video pass;
    // the types after "page.html" got through a list of refused types.
    let by_name: [(&str, &[u8]); 19] = [
        ("shell.php", b"hello"),
        ("archive.tar.PHP5", b"hello"),
        ("page.html", b"hello"),
        ("logo.svg", b"hello"),
        ("run.jse", b"hello"),
        ("component.wsc", b"hello"),
        ("help.chm", b"hello"),
        ("console.msc", b"hello"),
        ("explorer.scf", b"hello"),
        ("intranet.url", b"[InternetShortcut]"),
        ("install.iso", b"hello"),
        ("disk.vhd", b"hello"),
        ("budget.xlsm", b"hello"),
        ("letter.docm", b"hello"),
        ("saved.mht", b"hello"),
        ("Makefile", b"hello"),
        ("invoice.exe.pdf", b"%PDF-1.7"),
        // A right-to-left override shows this one as "invoicexe.pdf".
        ("invoice\u{202e}fdp.exe", b"%PDF-1.7"),
        ("notes\u{202e}txt.bat", b"echo"),
    ];
    // Refused by content, whatever the name says.
    let by_content: [(&str, &[u8]); 3] = [
        ("notes.txt", b"<?php system($_GET['c']); ?>"),
        ("invoice.pdf", b"MZ\x90\0\x03\0\0\0program"),
        ("report.doc", b"  <html><script>alert(1)</script>"),
    ];
    let cases = by_name
        .iter()
        .map(|c| {
            (
                c,
                "is refused: only documents, pictures, text, mail, archives",
            )
        })
        .chain(by_content.iter().map(|c| {
            (
                c,
                "is refused: programs, scripts and web pages cannot be attached",
            )
        }));
    for ((name, content), said) in cases {
        let r = admin
            .send_ticket_form(
                "/tickets/new",
                &[
                    ("requester", "u1"),
                    ("title", "Keep this title"),
                    ("description", "and this text"),
                ],
                &[(name, content)],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name} accepted"
        );
        r.assert_contains(said)
            .assert_contains(r#"value="Keep this title""#)
            .assert_contains("and this text");
        assert!(!r.body.contains('\u{202e}'), "the override was shown");
    }
    assert_eq!(
        app.count("SELECT count(*) FROM tickets"),
        0,
        "a ticket was half-saved"
    );
    assert_eq!(app.count("SELECT count(*) FROM attachments"), 0);
    assert!(
        files_under(&app.data_dir().join("attachments")).is_empty(),
        "a refused file stayed on disk"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_size_and_count_settings_limit_attachments_and_kept_files_survive_the_error() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("attachment_max_mb", "1");
    app.set_setting("attachment_max_count", "2");
    let big = vec![b'a'; 1024 * 1024 + 10];

    // One file too big, one fine: the form comes back with the fine one kept.
    let r = admin
        .send_ticket_form(
            "/tickets/new",
            &[("requester", "u1"), ("title", "Large logs")],
            &[("server.log", &big), ("small.txt", b"small")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("server.log is larger than 1 MB.")
        .assert_contains("small.txt")
        .assert_contains(r#"name="pending""#)
        .assert_contains(r#"value="Large logs""#);
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);
    // Sending the form again (without the big file) creates the ticket with the kept file.
    let again = admin
        .send_ticket_form_from(&r, &[("requester", "u1"), ("title", "Large logs")], &[])
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    let id = app.count("SELECT max(id) FROM tickets");
    assert_eq!(
        app.text(&format!(
            "SELECT group_concat(filename) FROM attachments WHERE ticket_id = {id}"
        )),
        "small.txt"
    );

    // The count limit holds on an existing ticket: one more fits, two more do not.
    let page = format!("/tickets/{id}");
    let r = admin
        .send_ticket_form(
            &page,
            &[("reply", "two more")],
            &[("a.txt", b"a"), ("b.txt", b"b")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("At most 2 attachments per ticket.")
        .assert_contains("two more");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM attachments WHERE ticket_id = {id}"
        )),
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM thread_entries WHERE ticket_id = {id} AND kind = 'text'"
        )),
        0,
        "the reply was half-saved"
    );
    let r = admin.send_ticket_form(&page, &[], &[("a.txt", b"a")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    admin
        .get(&page)
        .await
        .assert_contains("No more files, 1 MB each");
    app.stop().await;
}
