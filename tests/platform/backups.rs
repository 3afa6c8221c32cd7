//! Backups and restores: "Back up now" while tickets are being written, the archive's
//! manifest and checksums, `gestdesk backup` / `gestdesk restore` giving back every row and
//! file byte for byte, refusals (server running, damaged archive, newer schema), bringing back
//! one list, downloads, and the daily schedule with its retention.

use std::path::{Path, PathBuf};

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;
use rusqlite::types::Value;

use crate::common::{Client, TestApp, open_ticket, run_gestdesk};

/// Every row of the tables a restore must give back, in order.
fn dump(db: &Path) -> Vec<(String, Vec<Vec<Value>>)> {
    let conn = rusqlite::Connection::open(db).expect("database");
    [
        "tickets",
        "thread_entries",
        "attachments",
        "users",
        "settings",
        "companies",
        "outbox",
    ]
    .iter()
    .map(|t| {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {t} ORDER BY 1"))
            .expect("select");
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
            .expect("rows")
            .collect::<Result<Vec<Vec<Value>>, _>>()
            .expect("rows");
        ((*t).to_owned(), rows)
    })
    .collect()
}

/// Fails naming the first row that differs, table by table.
fn same_rows(got: &[(String, Vec<Vec<Value>>)], want: &[(String, Vec<Vec<Value>>)]) {
    for ((table, got), (_, want)) in got.iter().zip(want) {
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g, w, "a row of {table} differs");
        }
        assert_eq!(
            got.len(),
            want.len(),
            "{table} has a different number of rows"
        );
    }
}

/// Every file under `dir` with its bytes, by relative path.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.strip_prefix(dir).expect("inside").to_owned(),
                    std::fs::read(&p).expect("read"),
                ));
            }
        }
    }
    out.sort();
    out
}

/// The archives in the backups folder, newest first.
fn archives(app: &TestApp) -> Vec<String> {
    gestdesk::backup::list(&app.data_dir().join("backups"))
        .expect("list")
        .into_iter()
        .map(|b| b.name)
        .collect()
}

async fn ticket_with_file(app: &TestApp, admin: &Client, n: usize) -> i64 {
    let id = open_ticket(
        app,
        admin,
        &[
            ("requester", "u1"),
            ("title", &format!("Backup ticket {n}")),
        ],
    )
    .await;
    let body = format!("log {n}\n").repeat(50 + n);
    let r = admin
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", &format!("reply {n}"))],
            &[(&format!("trace-{n}.txt"), body.as_bytes())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    id
}

#[tokio::test]
async fn a_backup_taken_while_tickets_are_written_restores_every_row_and_file_byte_for_byte() {
    let (app, admin) = TestApp::with_admin().await;
    for n in 0..5 {
        ticket_with_file(&app, &admin, n).await;
    }
    let r = admin
        .post_file(
            "/admin/settings/logo",
            "logo",
            "logo.png",
            crate::common::PNG_LOGO,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    app.set_setting("company_name", "ACME");
    let r = admin
        .post_file(
            "/admin/lists/asset-models/1/picture",
            "picture",
            "optiplex.png",
            crate::common::PNG_LOGO,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    // "Back up now" while another client keeps opening tickets.
    let writer = app.client();
    writer
        .login(crate::common::ADMIN_LOGIN, crate::common::ADMIN_PASSWORD)
        .await;
    let app_ref = &app;
    let load = async {
        for n in 100..130 {
            ticket_with_file(app_ref, &writer, n).await;
        }
    };
    let backup_now = async {
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        admin.submit("/admin/backups", "/admin/backups", &[]).await
    };
    let ((), made) = tokio::join!(load, backup_now);
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let name = archives(&app).pop().expect("an archive");

    // The online copy is whole: it passes SQLite's check and every attachment row it holds has
    // its file in the archive with the right checksum.
    let check = tempfile::tempdir().expect("dir");
    let manifest = gestdesk::backup::restore::unpack_and_check(
        &app.data_dir().join("backups").join(&name),
        check.path(),
    )
    .expect("a good archive");
    let copy = rusqlite::Connection::open(check.path().join("gestdesk.sqlite3")).expect("copy");
    let ok: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(ok, "ok");
    let rows: i64 = copy
        .query_row("SELECT count(*) FROM attachments", [], |r| r.get(0))
        .expect("count");
    assert_eq!(manifest.counts.attachments, rows);
    assert_eq!(
        manifest
            .files
            .iter()
            .filter(|f| f.path.starts_with("attachments/"))
            .count() as i64,
        rows
    );
    assert_eq!(
        manifest.schema_version,
        gestdesk::db::latest_schema_version()
    );
    drop(copy);

    // A quiet backup from the shell, then changes after it.
    let (ok, out) = app.run_command(&["backup"]);
    assert!(ok && out.contains("Backup written"), "{out}");
    let quiet = archives(&app)[0].clone();
    let before = dump(&app.db_path());
    let attachments_before = files(&app.data_dir().join("attachments"));
    let logo_before = std::fs::read(app.data_dir().join("logo")).ok();
    let picture_before = std::fs::read(app.data_dir().join("model-pictures").join("1")).ok();
    ticket_with_file(&app, &admin, 999).await;
    app.set_setting("company_name", "Changed after the backup");

    // Restoring is refused while the server runs.
    let archive = app.data_dir().join("backups").join(&quiet);
    let archive_arg = archive.display().to_string();
    let (ok, out) = app.run_command(&["restore", &archive_arg]);
    assert!(!ok && out.contains("stop it, then restore"), "{out}");

    let dir = app.pause().await;
    let (ok, out) = run_gestdesk(dir.path(), &["restore", &archive_arg]);
    assert!(ok && out.contains("Backup restored"), "{out}");
    same_rows(&dump(&dir.path().join("gestdesk.sqlite3")), &before);
    assert_eq!(files(&dir.path().join("attachments")), attachments_before);
    assert!(logo_before.is_some());
    assert_eq!(std::fs::read(dir.path().join("logo")).ok(), logo_before);
    assert!(picture_before.is_some());
    assert_eq!(
        std::fs::read(dir.path().join("model-pictures").join("1")).ok(),
        picture_before
    );
    // What was replaced is kept aside.
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].path().join("gestdesk.sqlite3").is_file());

    // The restored instance serves: the ticket written after the backup is gone.
    let app = TestApp::resume(dir).await;
    let admin = app.client();
    admin
        .login(crate::common::ADMIN_LOGIN, crate::common::ADMIN_PASSWORD)
        .await;
    assert_eq!(
        app.count("SELECT count(*) FROM tickets WHERE title = 'Backup ticket 999'"),
        0
    );
    admin
        .get("/tickets/1")
        .await
        .assert_contains("Backup ticket 0");
    app.stop().await;
}

#[tokio::test]
async fn damaged_foreign_and_newer_archives_are_refused_and_change_nothing() {
    let (app, admin) = TestApp::with_admin().await;
    ticket_with_file(&app, &admin, 1).await;
    let (ok, out) = app.run_command(&["backup"]);
    assert!(ok, "{out}");
    let name = archives(&app)[0].clone();
    let good = app.data_dir().join("backups").join(&name);
    let dir = app.pause().await;
    let before = dump(&dir.path().join("gestdesk.sqlite3"));
    let scratch = tempfile::tempdir().expect("dir");

    // A file that is not an archive.
    let junk = scratch.path().join("junk.tar.gz");
    std::fs::write(&junk, b"not an archive at all").expect("write");
    let (ok, out) = run_gestdesk(dir.path(), &["restore", &junk.display().to_string()]);
    assert!(!ok && out.contains("is not a Gestdesk backup"), "{out}");

    // An archive whose attachment was altered after the manifest was written.
    let unpacked = scratch.path().join("unpacked");
    let manifest =
        gestdesk::backup::restore::unpack_and_check(&good, &unpacked).expect("good archive");
    let attachment = manifest
        .files
        .iter()
        .find(|f| f.path.starts_with("attachments/"))
        .expect("an attachment");
    std::fs::write(unpacked.join(&attachment.path), b"tampered").expect("tamper");
    let tampered = scratch.path().join("tampered.tar.gz");
    repack(&unpacked, &manifest, &tampered);
    let (ok, out) = run_gestdesk(dir.path(), &["restore", &tampered.display().to_string()]);
    assert!(!ok && out.contains("is damaged"), "{out}");

    // An archive from a newer schema.
    let mut newer = manifest.clone();
    newer.schema_version = gestdesk::db::latest_schema_version() + 1;
    let unpacked2 = scratch.path().join("unpacked2");
    gestdesk::backup::restore::unpack_and_check(&good, &unpacked2).expect("good archive");
    let future = scratch.path().join("future.tar.gz");
    repack(&unpacked2, &newer, &future);
    let (ok, out) = run_gestdesk(dir.path(), &["restore", &future.display().to_string()]);
    assert!(!ok && out.contains("newer Gestdesk"), "{out}");

    // A member trying to leave the data directory.
    let evil = scratch.path().join("evil.tar.gz");
    {
        let file = std::fs::File::create(&evil).expect("create");
        let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(
            file,
            flate2::Compression::fast(),
        ));
        let mut header = tar::Header::new_gnu();
        header.set_size(4);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, "attachments/a/../../../escaped", &b"evil"[..])
            .ok();
        tar.into_inner().expect("tar").finish().expect("gz");
    }
    let (ok, out) = run_gestdesk(dir.path(), &["restore", &evil.display().to_string()]);
    assert!(!ok && out.contains("is not a Gestdesk backup"), "{out}");
    assert!(!dir.path().join("escaped").exists());

    same_rows(&dump(&dir.path().join("gestdesk.sqlite3")), &before);
    let app = TestApp::resume(dir).await;
    app.stop().await;
}

/// Writes a `.tar.gz` of `unpacked`'s files with `manifest` (as the backup writer would).
fn repack(unpacked: &Path, manifest: &gestdesk::backup::Manifest, to: &Path) {
    let file = std::fs::File::create(to).expect("create");
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(
        file,
        flate2::Compression::fast(),
    ));
    let json = serde_json::to_vec(manifest).expect("json");
    let mut header = tar::Header::new_gnu();
    header.set_size(json.len() as u64);
    header.set_mode(0o600);
    header.set_cksum();
    tar.append_data(&mut header, "manifest.json", json.as_slice())
        .expect("manifest");
    for f in &manifest.files {
        tar.append_path_with_name(unpacked.join(&f.path), &f.path)
            .expect("file");
    }
    tar.into_inner().expect("tar").finish().expect("gz");
}

#[tokio::test]
async fn a_deleted_company_comes_back_from_a_backup_and_archives_download_for_admins_only() {
    let (app, admin) = TestApp::with_admin().await;
    let r = admin
        .submit(
            "/admin/lists/companies",
            "/admin/lists/companies",
            &[("name", "Globex")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = app.count("SELECT id FROM companies WHERE name = 'Globex'");
    let made = admin.submit("/admin/backups", "/admin/backups", &[]).await;
    // A company added after the backup is left alone by the restore.
    app.sql()
        .execute("INSERT INTO companies (name) VALUES ('Initech')", [])
        .expect("company");
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let name = archives(&app)[0].clone();
    let page = admin.get("/admin/backups").await;
    page.assert_contains(&name)
        .assert_contains("Backup written.");

    let r = admin
        .submit(
            "/admin/lists/companies",
            &format!("/admin/lists/companies/{id}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count("SELECT count(*) FROM companies WHERE name = 'Globex'"),
        0
    );
    let back = admin
        .submit(
            "/admin/backups",
            &format!("/admin/backups/{name}/restore-list"),
            &[("list", "companies")],
        )
        .await;
    // Redirected after the post: a refresh of the page does not restore the list again.
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    assert_eq!(back.location(), Some("/admin/backups"));
    admin
        .follow(back)
        .await
        .assert_contains("The list has been brought back from the backup");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM companies WHERE id = {id} AND name = 'Globex'"
        )),
        1
    );
    assert_eq!(
        app.count("SELECT count(*) FROM companies WHERE name = 'Initech'"),
        1
    );

    // Download: the archive itself, as an attachment; names outside the folder are not found.
    let got = admin.get(&format!("/admin/backups/{name}")).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.headers["content-type"], "application/gzip");
    assert!(
        got.headers["content-disposition"]
            .to_str()
            .expect("ascii")
            .starts_with("attachment;")
    );
    for bad in [
        "..%2Fgestdesk.sqlite3",
        "gestdesk.sqlite3",
        "gestdesk-1.tar.gz",
    ] {
        assert_eq!(
            admin.get(&format!("/admin/backups/{bad}")).await.status,
            StatusCode::NOT_FOUND,
            "{bad}"
        );
    }
    let tech = app.login_as("tina", Profile::Technician).await;
    assert_eq!(
        tech.get(&format!("/admin/backups/{name}")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        tech.get("/admin/backups").await.status,
        StatusCode::FORBIDDEN
    );
    app.stop().await;
}

#[tokio::test]
async fn a_missed_daily_backup_is_made_at_start_and_old_ones_beyond_retention_go() {
    let (app, admin) = TestApp::with_admin().await;
    ticket_with_file(&app, &admin, 1).await;
    let r = admin
        .submit(
            "/admin/backups",
            "/admin/backups/settings",
            &[
                ("backup_auto", "1"),
                ("backup_hour", "0"),
                ("backup_keep", "2"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // Three old archives, written days ago.
    for _ in 0..3 {
        let (ok, out) = app.run_command(&["backup"]);
        assert!(ok, "{out}");
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    let old = archives(&app);
    let two_days = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86_400);
    for name in &old {
        std::fs::File::options()
            .write(true)
            .open(app.data_dir().join("backups").join(name))
            .expect("open")
            .set_modified(two_days)
            .expect("age it");
    }
    let app = app.restart().await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let now = archives(&app);
        if now.len() == 2 && !old.contains(&now[0]) {
            // The newest is today's; the two oldest went.
            assert_eq!(now[1], old[0]);
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no scheduled backup: {now:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // A bad value is refused with its message and saves nothing.
    let admin = app.client();
    admin
        .login(crate::common::ADMIN_LOGIN, crate::common::ADMIN_PASSWORD)
        .await;
    let r = admin
        .submit(
            "/admin/backups",
            "/admin/backups/settings",
            &[("backup_hour", "24"), ("backup_keep", "5")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("field-error");
    assert_eq!(
        app.text("SELECT value FROM settings WHERE key = 'backup_keep'"),
        "2"
    );
    app.stop().await;
}
