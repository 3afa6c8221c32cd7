//! The statistics page in a real headless Chromium: a year of tickets with its charts and
//! tables, in the four themes, on a 360-pixel phone, and printable.
//! Screenshots land in `target/test-screenshots/`.

use fantoccini::Locator;
use fantoccini::error::CmdError;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::browser::{Browser, log_in, scrolls_sideways, text_of};
use crate::common::{ADMIN_PASSWORD, TestApp};

#[tokio::test]
async fn the_statistics_read_well_in_two_themes_on_a_phone_and_on_paper() {
    let (app, _admin) = TestApp::with_admin().await;
    let sql = app.sql();
    // Sixty tickets over 2025, a few a week, half resolved two days later, some replied to.
    for i in 0..60_i64 {
        let month = 1 + i % 12;
        let day = 1 + (i * 7) % 27;
        let state = if i % 2 == 0 { 3 } else { 1 + i % 3 };
        sql.execute(
            &format!(
                "INSERT INTO tickets (title, state_id, created_at, modified_at, resolved_at,
                     technician_id, category_id, priority_id, criticality_id, requester_id,
                     time_spent_minutes)
                 VALUES ('Ticket {i}', {state}, unixepoch('2025-{month:02}-{day:02} 09:00'), 0,
                     CASE WHEN {state} = 3 THEN unixepoch('2025-{month:02}-{day:02} 09:00') + 172800 END,
                     1, {cat}, {prio}, {crit}, 1, {minutes})",
                cat = 1 + i % 2,
                prio = 1 + i % 6,
                crit = 1 + i % 4,
                minutes = 15 * (i % 5)
            ),
            [],
        )
        .expect("ticket");
        let id = sql.last_insert_rowid();
        if i % 3 == 0 {
            sql.execute(
                &format!(
                    "INSERT INTO thread_entries (ticket_id, created_at, kind, author_id, body)
                     VALUES ({id}, unixepoch('2025-{month:02}-{day:02} 11:00'), 'text', 1, 'On it')"
                ),
                [],
            )
            .expect("reply");
        }
    }
    let page = "/statistics?period=year&date=2025-06-15";

    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url(page)).await?;
        assert_eq!(text_of(&b, "main h1").await?, "Statistics");
        let summary = text_of(&b, "#stat-summary").await?;
        assert!(summary.contains("60"), "{summary}");
        let charts = b.client.find_all(Locator::Css("svg.chart")).await?;
        assert!(charts.len() >= 15, "{} charts", charts.len());
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the statistics page");
        b.screenshot("127-statistics").await;
        app.sql()
            .execute("UPDATE users SET theme = 'black' WHERE login = 'admin'", [])
            .expect("theme");
        b.client.refresh().await?;
        b.screenshot("128-statistics-black").await;
        // The two other themes, with the charts' figures still in reach.
        for (theme, shot) in [
            ("pink", "135-statistics-pink"),
            ("grey", "136-statistics-grey"),
        ] {
            app.sql()
                .execute("UPDATE users SET theme = ?1 WHERE login = 'admin'", [theme])
                .expect("theme");
            b.client.refresh().await?;
            let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
            assert_eq!(problems.as_str(), Some(""), "the {theme} theme");
            b.screenshot(shot).await;
        }
        b.client.goto(&app.url(&format!("{page}&print=1"))).await?;
        let sheet = text_of(&b, "main").await?;
        assert!(sheet.contains("Tickets per technician"), "{sheet}");
        // On paper, the figures behind the charts over time are unfolded.
        let folded = b
            .client
            .find_all(Locator::Css("details.chart-details:not([open])"))
            .await?;
        assert!(folded.is_empty(), "{} folded tables", folded.len());
        b.screenshot("129-statistics-print").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");

    let phone = Browser::start(360, 780).await;
    let on_phone = async {
        log_in(&phone, &app, "admin", ADMIN_PASSWORD).await?;
        phone.client.goto(&app.url(page)).await?;
        assert!(
            !scrolls_sideways(&phone).await?,
            "the page scrolls sideways"
        );
        phone.screenshot("130-statistics-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    phone.close().await;
    on_phone.expect("phone story");
    app.stop().await;
}
