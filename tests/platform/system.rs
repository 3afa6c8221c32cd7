//! The system page as an administrator uses it when something goes wrong: the SMTP connector
//! working then failing with the server's words, a job run on demand, a job failing with its
//! error, the integrity check, and the log files read and downloaded with their secrets hidden.

use std::time::{Duration, Instant};

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::TestApp;
use crate::common::http::Reply;
use crate::common::smtp::SmtpPeer;

/// The table row of `attr="value"` in `page`, up to its end.
fn row<'a>(page: &'a Reply, attr: &str) -> &'a str {
    let at = page
        .body
        .find(attr)
        .unwrap_or_else(|| panic!("{attr} on the page"));
    let end = page.body[at..]
        .find("</tr>")
        .map_or(page.body.len(), |i| at + i);
    &page.body[at..end]
}

/// Asks for a new password for `who`, which queues a mail.
async fn forgot(app: &TestApp, who: &str) {
    let r = app
        .client_in("en")
        .submit("/password/forgot", "/password/forgot", &[("who", who)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

/// Reloads the system page until `test` holds on it (at most 20 s).
async fn wait_for_page(admin: &crate::common::Client, test: impl Fn(&Reply) -> bool) -> Reply {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let page = admin.get("/admin/system").await;
        assert_eq!(page.status, StatusCode::OK);
        if test(&page) {
            return page;
        }
        assert!(Instant::now() < deadline, "never came: {}", page.body);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_administrator_sees_a_failing_connector_and_a_failed_job_and_runs_jobs_on_demand() {
    let mut peer = SmtpPeer::start();
    let (app, admin) = TestApp::with_admin().await;
    app.use_smtp(&peer);
    for login in ["uwe", "vera"] {
        app.create_user(login, "a long enough pass", Profile::User)
            .await;
        app.set_mail(login, &format!("{login}@example.test"), "en");
    }

    // Before any mail, the connector is on but unused; the directory is off.
    let page = admin.get("/admin/system").await;
    assert!(row(&page, r#"data-connector="smtp""#).contains("Not used yet"));
    assert!(row(&page, r#"data-connector="directory""#).contains("Off"));
    page.assert_contains("Free space in the data folder")
        .assert_contains("Schema history")
        .assert_contains(r#"id="lan-url""#);

    // A mail goes out: the connector works.
    forgot(&app, "uwe").await;
    peer.wait_for(1, 10).await;
    app.outbox_drained(10).await;
    let page = admin.get("/admin/system").await;
    let smtp = row(&page, r#"data-connector="smtp""#);
    assert!(smtp.contains("Working"), "{smtp}");

    // The SMTP server goes away: the next mail fails, and the page says why in its words.
    peer.stop();
    forgot(&app, "vera").await;
    let page = wait_for_page(&admin, |p| {
        row(p, r#"data-connector="smtp""#).contains("Failing")
    })
    .await;
    let said = app.text("SELECT last_error FROM connector_status WHERE connector = 'smtp'");
    assert!(!said.is_empty());
    let smtp = row(&page, r#"data-connector="smtp""#);
    assert!(smtp.contains(&said), "{smtp}");

    // Every job is listed with its schedule; the periodic ones can be started now.
    for job in [
        "mail outbox",
        "backups",
        "search index",
        "mail fetch",
        "directory synchronisation",
        "ping of every asset",
        "network discovery",
        "query statistics",
    ] {
        page.assert_contains(&format!(r#"data-job="{job}""#));
    }
    assert!(row(&page, r#"data-job="mail outbox""#).contains("All the time"));
    assert!(!row(&page, r#"data-job="mail outbox""#).contains("Run now"));
    // The query statistics wait an hour after the start: nothing has run yet.
    let statistics = row(&page, r#"data-job="query statistics""#);
    assert!(statistics.contains("every hour") && !statistics.contains("Done"));
    let started = admin
        .submit(
            "/admin/system",
            "/admin/system/jobs/run",
            &[("job", "query statistics")],
        )
        .await;
    let started = admin.follow(started).await;
    started.assert_contains("The job has started.");
    wait_for_page(&admin, |p| {
        row(p, r#"data-job="query statistics""#).contains("Done")
    })
    .await;

    // A job that cannot do its work says why: the backups folder is a file here.
    app.set_setting("backup_auto", "1");
    let backups = app.data_dir().join("backups");
    let _ = std::fs::remove_dir_all(&backups);
    std::fs::write(&backups, "not a folder").expect("a file in the way");
    admin
        .submit(
            "/admin/system",
            "/admin/system/jobs/run",
            &[("job", "backups")],
        )
        .await;
    let page = wait_for_page(&admin, |p| {
        row(p, r#"data-job="backups""#).contains("Failed")
    })
    .await;
    assert!(row(&page, r#"data-job="backups""#).contains("<code>"));

    // A job that does not exist, or one that runs all the time, cannot be started.
    for job in ["nothing", "mail outbox"] {
        let r = admin
            .submit("/admin/system", "/admin/system/jobs/run", &[("job", job)])
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{job}");
    }

    // The integrity check runs on demand and reports a whole database.
    let checked = admin
        .submit("/admin/system", "/admin/system/integrity", &[])
        .await;
    admin
        .follow(checked)
        .await
        .assert_contains("The integrity check is done.")
        .assert_contains("The database is whole");

    // None of it is open to a technician, by the page or by the actions.
    let tech = app.login_as("tess", Profile::Technician).await;
    let page = tech.get("/admin/system").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    for (action, fields) in [
        ("/admin/system/jobs/run", vec![("job", "backups")]),
        ("/admin/system/integrity", vec![]),
    ] {
        // With the technician's own valid token, from a page of theirs.
        let r = tech.submit("/", action, &fields).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{action}");
    }
    assert_eq!(
        tech.get("/admin/system/logs").await.status,
        StatusCode::FORBIDDEN
    );
    app.stop().await;
}

#[tokio::test]
async fn the_desktop_apps_update_check_shows_what_it_found_among_the_connectors() {
    use gestdesk::domain::system::{UpdateCheck, forget_update_check, note_update_check};
    let (app, admin) = TestApp::with_admin().await;
    // A headless server, or a desktop app without an update address: no row.
    let page = admin.get("/admin/system").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("data-connector=\"updates\""),
        "{}",
        page.body
    );

    // The desktop app's check at start found a newer version (what it records, as it does).
    let now = jiff::Timestamp::now().as_second();
    let found = UpdateCheck::Available("0.1.1".into());
    note_update_check(&app.sql(), &found, now).expect("recorded");
    let page = admin.get("/admin/system").await;
    let updates = row(&page, "data-connector=\"updates\"");
    assert!(updates.contains("Desktop app updates"), "{updates}");
    assert!(updates.contains("Version 0.1.1 available"), "{updates}");
    assert!(
        page.body
            .contains("choose “Install version 0.1.1 and restart” in the desktop app's tray menu"),
        "{}",
        page.body
    );

    // The next day the update server does not answer: failing, in the updater's words.
    let words = "error sending request for url (https://updates.example.org/latest.json)";
    note_update_check(&app.sql(), &UpdateCheck::Failed(words.into()), now + 86_400)
        .expect("recorded");
    let page = admin.get("/admin/system").await;
    let updates = row(&page, "data-connector=\"updates\"");
    assert!(updates.contains("Failing"), "{updates}");
    assert!(updates.contains(words), "{updates}");
    assert!(
        !page.body.contains("update-hint"),
        "no install hint while failing"
    );

    // Once installed, the check finds nothing newer.
    note_update_check(&app.sql(), &UpdateCheck::UpToDate, now + 2 * 86_400).expect("recorded");
    let page = admin.get("/admin/system").await;
    let updates = row(&page, "data-connector=\"updates\"");
    assert!(updates.contains("Up to date"), "{updates}");
    assert!(!updates.contains("Failing"), "{updates}");

    // In French, and forgotten when a server starts without it.
    let fr = app.login_as("adele", Profile::Administrator).await;
    app.set_mail("adele", "adele@example.test", "fr");
    let page = fr.get("/admin/system").await;
    assert!(
        row(&page, "data-connector=\"updates\"").contains("À jour"),
        "{}",
        page.body
    );
    forget_update_check(&app.sql()).expect("forgotten");
    let page = admin.get("/admin/system").await;
    assert!(!page.body.contains("data-connector=\"updates\""));
    app.stop().await;
}

#[tokio::test]
async fn the_log_files_read_newest_first_filtered_and_downloaded_without_their_secrets() {
    let (app, admin) = TestApp::with_admin().await;
    let none = admin.get("/admin/system/logs").await;
    assert_eq!(none.status, StatusCode::OK);
    let logs = app.data_dir().join("logs");
    std::fs::create_dir_all(&logs).expect("logs folder");
    std::fs::write(
        logs.join("gestdesk.2026-12-06.log"),
        "2026-12-06T08:00:00.000001Z  INFO gestdesk: yesterday's start\n",
    )
    .expect("older log");
    std::fs::write(
        logs.join("gestdesk.2026-12-07.log"),
        "2026-12-07T08:00:00.000001Z  INFO gestdesk: serving on 127.0.0.1\n\
         2026-12-07T08:01:00.000001Z  WARN gestdesk::jobs: mail fetch: login refused with password=Hunter2!\n\
         2026-12-07T08:02:00.000001Z ERROR gestdesk::jobs: directory: bind to ldap://cn=admin:S3cret@dc.lan failed\n\
         2026-12-07T08:03:00.000001Z  INFO gestdesk: <script>alert(1)</script>\n",
    )
    .expect("log");

    // The newest file opens first, its newest line first, secrets hidden, markup escaped.
    let page = admin.get("/admin/system/logs").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    assert!(
        !body.contains("Hunter2") && !body.contains("S3cret"),
        "{body}"
    );
    assert!(!body.contains("<script>alert"));
    page.assert_contains("password=[hidden]")
        .assert_contains("ldap://cn=admin:[hidden]@dc.lan");
    let newest = body.find("&lt;script&gt;").expect("last line");
    let oldest = body.find("serving on 127.0.0.1").expect("first line");
    assert!(newest < oldest, "newest first");
    assert!(!body.contains("yesterday's start"));

    // Warnings and worse only; then a text search; then the older file.
    let warned = admin.get("/admin/system/logs?level=WARN").await;
    assert!(warned.body.contains("login refused") && warned.body.contains("bind to"));
    assert!(!warned.body.contains("serving on"));
    let searched = admin.get("/admin/system/logs?q=BIND").await;
    assert!(searched.body.contains("bind to") && !searched.body.contains("login refused"));
    admin
        .get("/admin/system/logs?file=gestdesk.2026-12-06.log")
        .await
        .assert_contains("yesterday's start");
    admin
        .get("/admin/system/logs?q=nothing-like-this")
        .await
        .assert_contains("No line matches.");

    // The download is the whole file, secrets hidden, as an attachment; no other file opens.
    let file = admin
        .get("/admin/system/logs/gestdesk.2026-12-07.log")
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.body.contains("password=[hidden]") && !file.body.contains("Hunter2"));
    assert_eq!(file.body.lines().count(), 4);
    for bad in ["gestdesk.db", "..%2Fgestdesk.db", "gestdesk.2026-12-08.log"] {
        let r = admin.get(&format!("/admin/system/logs/{bad}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{bad}");
    }
    app.stop().await;
}
