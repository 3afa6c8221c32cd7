//! "Move from GestSup" in a real headless Chromium: from the first-run set-up page, a person
//! who never opens a shell sends a large backup file to check it (the progress bar fills
//! while it is read, then the report), starts again with the site's real backup and its
//! upload folder as a ZIP, checks, imports, and logs in with their GestSup password; the form
//! fits a phone. Screenshots land in `target/test-screenshots/`.

use fantoccini::Locator;
use fantoccini::error::CmdError;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::TestApp;
use crate::common::browser::{
    Browser, click_and_wait, log_in, scrolls_sideways, text_of, wait_until,
};

/// Waits (up to two minutes) until the progress page shows its end: a report or an error.
async fn until_finished(b: &Browser) -> Result<(), CmdError> {
    for _ in 0..1200 {
        let done = b
            .client
            .execute(
                "return !!document.querySelector('.alert-success, .alert-error');",
                vec![],
            )
            .await?;
        if done.as_bool() == Some(true) {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the import did not end");
}

#[tokio::test]
async fn a_gestsup_site_moves_in_through_the_set_up_page_in_a_real_browser() {
    let app = TestApp::spawn().await;
    let setup = app.app.setup_path().expect("set-up pending");
    let dir = tempfile::tempdir().expect("dir");
    let large = crate::import::gestsup::large_backup_file(dir.path(), 20_000);
    let backup = dir.path().join("2024-03-08-backup-gestsup-3.2.55.sql");
    std::fs::write(&backup, crate::import::gestsup::site_32()).expect("backup");
    let zip = dir.path().join("upload.zip");
    std::fs::write(&zip, crate::import::setup_move::upload_zip()).expect("zip");

    // On a phone, the form fits the screen.
    let phone = Browser::start(390, 844).await;
    let on_phone = async {
        phone
            .client
            .goto(&app.url(&format!("{setup}/gestsup")))
            .await?;
        assert_eq!(text_of(&phone, "main h1").await?, "Move from GestSup");
        assert!(
            !scrolls_sideways(&phone).await?,
            "the form scrolls sideways"
        );
        phone.screenshot("103-move-from-gestsup-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    phone.close().await;
    on_phone.expect("phone story");

    let b = Browser::start(1280, 900).await;
    let story = async {
        b.client.goto(&app.url(&setup)).await?;
        click_and_wait(&b, ".setup-move a.button").await?;
        assert_eq!(text_of(&b, "main h1").await?, "Move from GestSup");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the move form");
        b.screenshot("104-move-from-gestsup-form").await;

        // A large backup, checked: the progress bar fills while the page follows it.
        b.client
            .find(Locator::Css("#f-backup"))
            .await?
            .send_keys(&large.display().to_string())
            .await?;
        click_and_wait(&b, "button[value='check']").await?;
        wait_until(
            &b,
            "return !!document.querySelector('progress[value], .alert-success');",
            "no progress bar",
        )
        .await?;
        if b.client.find(Locator::Css("progress[value]")).await.is_ok() {
            b.screenshot("105-move-from-gestsup-progress").await;
            let label = text_of(&b, "label[for='move-progress']").await?;
            assert!(label.ends_with("% of the rows read"), "{label}");
        }
        until_finished(&b).await?;
        let report = text_of(&b, "pre.move-report").await?;
        assert!(
            report.contains("tincidents: read 20000, imported 20000"),
            "{report}"
        );
        assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);

        // The site's own backup and files: checked, then imported.
        click_and_wait(&b, "main p > a[href$='/gestsup']").await?;
        b.client
            .find(Locator::Css("#f-backup"))
            .await?
            .send_keys(&backup.display().to_string())
            .await?;
        b.client
            .find(Locator::Css("#f-files"))
            .await?
            .send_keys(&zip.display().to_string())
            .await?;
        click_and_wait(&b, "button[value='check']").await?;
        until_finished(&b).await?;
        assert_eq!(
            text_of(&b, ".alert-success").await?,
            "The check is finished: nothing was changed. Read the report, then import."
        );
        b.screenshot("106-move-from-gestsup-checked").await;
        click_and_wait(&b, "main form button.button-primary").await?;
        until_finished(&b).await?;
        assert_eq!(
            text_of(&b, ".alert-success").await?,
            "The move is finished."
        );
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the report");
        b.screenshot("107-move-from-gestsup-done").await;
        assert_eq!(app.count("SELECT count(*) FROM tickets"), 4);

        // GestSup's administrator logs in with their GestSup password and finds ticket 1041.
        log_in(&b, &app, "admin", "gestsup admin").await?;
        b.client.goto(&app.url("/tickets/1041")).await?;
        assert!(
            text_of(&b, "main h1")
                .await?
                .contains("Imprimante du 2e étage")
        );
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}
