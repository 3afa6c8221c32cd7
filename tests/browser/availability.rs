//! The availability page in a real headless Chromium: a year of two monitored services with
//! their monthly charts and target marks, in the default and the black theme and on a
//! 360-pixel phone. Screenshots land in `target/test-screenshots/`.

use fantoccini::Locator;
use fantoccini::error::CmdError;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::browser::{Browser, log_in, scrolls_sideways, text_of};
use crate::common::{ADMIN_PASSWORD, TestApp};

#[tokio::test]
async fn the_availability_report_reads_well_in_two_themes_and_on_a_phone() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("availability", "1");
    app.set_setting("availability_all_cat", "0");
    let sql = app.sql();
    sql.execute_batch(
        "INSERT INTO categories (name) VALUES ('Applications');
         INSERT INTO subcategories (category_id, name)
             SELECT id, 'Mail' FROM categories WHERE name = 'Applications';
         INSERT INTO subcategories (category_id, name)
             SELECT id, 'Intranet' FROM categories WHERE name = 'Applications';
         INSERT INTO availability_monitored (category_id) SELECT id FROM categories WHERE name = 'Applications';
         INSERT INTO availability_targets (subcategory_id, year, target)
             SELECT id, 2025, 99.8 FROM subcategories WHERE name IN ('Mail', 'Intranet');",
    )
    .expect("services");
    // An outage a month or so for Mail, longer in March; a short one for the intranet.
    for (sub, month, hours) in [
        ("Mail", 1, 1),
        ("Mail", 2, 2),
        ("Mail", 3, 24),
        ("Mail", 5, 1),
        ("Mail", 8, 3),
        ("Intranet", 4, 1),
    ] {
        sql.execute(
            &format!(
                "INSERT INTO tickets (title, state_id, created_at, modified_at, resolved_at,
                     category_id, subcategory_id, criticality_id)
                 SELECT '{sub} outage', 3, unixepoch('2025-{month:02}-10 08:00'), 0,
                        unixepoch('2025-{month:02}-10 08:00') + {hours} * 3600,
                        category_id, id, 1
                 FROM subcategories WHERE name = '{sub}'"
            ),
            [],
        )
        .expect("outage");
    }

    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client
            .goto(&app.url("/availability?period=year&date=2025-06-15"))
            .await?;
        assert_eq!(text_of(&b, "main h1").await?, "Availability");
        let table = text_of(&b, ".availability-table").await?;
        assert!(
            table.contains("Applications › Mail") && table.contains("target missed"),
            "{table}"
        );
        let charts = b
            .client
            .find_all(Locator::Css("svg.availability-chart"))
            .await?;
        assert_eq!(charts.len(), 2);
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the availability page");
        b.screenshot("124-availability").await;
        app.sql()
            .execute("UPDATE users SET theme = 'black' WHERE login = 'admin'", [])
            .expect("theme");
        b.client.refresh().await?;
        b.screenshot("125-availability-black").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");

    let phone = Browser::start(360, 780).await;
    let on_phone = async {
        log_in(&phone, &app, "admin", ADMIN_PASSWORD).await?;
        phone
            .client
            .goto(&app.url("/availability?period=year&date=2025-06-15"))
            .await?;
        assert!(
            !scrolls_sideways(&phone).await?,
            "the page scrolls sideways"
        );
        phone.screenshot("126-availability-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    phone.close().await;
    on_phone.expect("phone story");
    app.stop().await;
}
