//! The system page in a real headless Chromium: the administrator reads the jobs and the
//! connectors (with the desktop app's update check), runs a job from its button, and reads the log files, on a desk and on a phone.
//! Screenshots land in `target/test-screenshots/`.

use fantoccini::error::CmdError;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::browser::{Browser, click_and_wait, log_in, scrolls_sideways, text_of};
use crate::common::{ADMIN_PASSWORD, TestApp};

#[tokio::test]
async fn the_administrator_runs_a_job_and_reads_the_logs_on_the_system_page() {
    let (app, _admin) = TestApp::with_admin().await;
    let logs = app.data_dir().join("logs");
    std::fs::create_dir_all(&logs).expect("logs folder");
    std::fs::write(
        logs.join("gestdesk.2026-12-07.log"),
        "2026-12-07T08:00:00.000001Z  INFO gestdesk: serving on http://127.0.0.1:8080\n\
         2026-12-07T08:01:00.000001Z  WARN gestdesk::jobs: mail fetch: Support: the server refused the login token=abc123\n\
         2026-12-07T08:02:00.000001Z ERROR gestdesk::jobs: backups: No space left on device (os error 28)\n",
    )
    .expect("log");
    // The desktop app's update check found a newer version.
    gestdesk::domain::system::note_update_check(
        &app.sql(),
        &gestdesk::domain::system::UpdateCheck::Available("0.1.1".into()),
        jiff::Timestamp::now().as_second(),
    )
    .expect("recorded");

    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/admin/system")).await?;
        assert_eq!(text_of(&b, "main h1").await?, "System");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the system page");
        let updates = text_of(&b, "tr[data-connector='updates']").await?;
        assert!(updates.contains("Version 0.1.1 available"), "{updates}");
        click_and_wait(&b, "tr[data-job='query statistics'] button[type='submit']").await?;
        let flash = text_of(&b, "[data-flash]").await?;
        assert!(flash.contains("The job has started."), "{flash}");
        let mut row = String::new();
        for _ in 0..50 {
            // The same address with its anchor would not load again: refresh.
            b.client.refresh().await?;
            row = text_of(&b, "tr[data-job='query statistics']").await?;
            if row.contains("Done") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(row.contains("Done"), "{row}");
        b.screenshot("137-system").await;
        // The connectors, with what the desktop app's update check found.
        b.client
            .execute(
                "document.getElementById('connectors').scrollIntoView()",
                vec![],
            )
            .await?;
        b.screenshot("144-system-update-check").await;

        b.client.goto(&app.url("/admin/system/logs")).await?;
        assert_eq!(text_of(&b, "main h1").await?, "Log files");
        let table = text_of(&b, "table.log-table").await?;
        assert!(
            table.contains("token=[hidden]") && !table.contains("abc123"),
            "{table}"
        );
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the log viewer");
        b.screenshot("138-system-logs").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");

    let phone = Browser::start(360, 780).await;
    let on_phone = async {
        log_in(&phone, &app, "admin", ADMIN_PASSWORD).await?;
        phone.client.goto(&app.url("/admin/system")).await?;
        assert!(
            !scrolls_sideways(&phone).await?,
            "the page scrolls sideways"
        );
        phone.screenshot("139-system-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    phone.close().await;
    on_phone.expect("phone story");
    app.stop().await;
}
