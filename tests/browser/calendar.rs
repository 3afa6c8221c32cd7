//! The calendar in a real headless Chromium: a technician's week with two overlapping
//! interventions and a reminder, one moved by dragging it onto another hour (the page script
//! fills its plain form), another by the plain form alone; the ticket's interventions; the
//! month on a 360-pixel phone. Screenshots land in `target/test-screenshots/`.

use fantoccini::Locator;
use fantoccini::error::CmdError;
use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::browser::{Browser, click_and_wait, log_in, scrolls_sideways, text_of};
use crate::common::{Client, TestApp};

async fn open(client: &Client, tech: i64, title: &str) -> i64 {
    client
        .open_ticket(&[
            ("requester", "u1"),
            ("technician", &format!("u{tech}")),
            ("title", title),
        ])
        .await
}

async fn plan(client: &Client, ticket: i64, date: &str, start: &str, end: &str) {
    let r = client
        .submit(
            &format!("/tickets/{ticket}"),
            &format!("/tickets/{ticket}/interventions"),
            &[
                ("start_date", date),
                ("start_time", start),
                ("end_time", end),
                ("note", "Bring a spare cable"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

#[tokio::test]
async fn a_technician_reads_and_rearranges_the_week_and_the_month_reads_on_a_phone() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("planning", "1");
    app.create_user("tina", "technician pass", Profile::Technician)
        .await;
    let tina_id = app.user_id("tina");
    let first = open(&admin, tina_id, "Install the new printer").await;
    let second = open(&admin, tina_id, "Move the desk phone").await;
    let tina = app.client();
    tina.login("tina", "technician pass").await;
    plan(&tina, first, "2030-03-05", "09:00", "11:00").await;
    plan(&tina, second, "2030-03-05", "10:00", "12:00").await;
    let dragged = app.count(&format!(
        "SELECT id FROM interventions WHERE ticket_id = {first}"
    ));
    let formed = app.count(&format!(
        "SELECT id FROM interventions WHERE ticket_id = {second}"
    ));

    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "tina", "technician pass").await?;
        b.client
            .goto(&app.url("/calendar?view=week&date=2030-03-05&tech=all"))
            .await?;
        assert_eq!(text_of(&b, "main h1").await?, "Calendar");
        let week = text_of(&b, ".calendar").await?;
        assert!(week.contains("Install the new printer") && week.contains("Move the desk phone"), "{week}");
        let marked = b.client.find_all(Locator::Css(".cal-entry.cal-conflict")).await?;
        assert_eq!(marked.len(), 2, "both overlapping interventions are marked");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the week");
        b.screenshot("120-calendar-week").await;

        // Dragged onto Thursday 14:00: the page script fills the plain form and sends it.
        let old = b.client.find(Locator::Css("html")).await?;
        b.client
            .execute(
                &format!(
                    "var entry = document.querySelector('.cal-entry[data-intervention=\"{dragged}\"]');
                     var cell = document.querySelector('td[data-date=\"2030-03-07\"][data-time=\"14:00\"]');
                     var data = new DataTransfer();
                     entry.dispatchEvent(new DragEvent('dragstart', {{bubbles: true, dataTransfer: data}}));
                     cell.dispatchEvent(new DragEvent('dragover', {{bubbles: true, cancelable: true, dataTransfer: data}}));
                     cell.dispatchEvent(new DragEvent('drop', {{bubbles: true, cancelable: true, dataTransfer: data}}));"
                ),
                vec![],
            )
            .await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while old.tag_name().await.is_ok() {
            assert!(std::time::Instant::now() < deadline, "the drop sent nothing");
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        let moved = text_of(&b, "td[data-date='2030-03-07'][data-time='14:00']").await?;
        assert!(moved.contains("Install the new printer"), "{moved}");

        // The other by its plain form, as from the keyboard: open "Move", change the hour.
        b.client
            .find(Locator::Css(&format!(".cal-entry[data-intervention='{formed}'] .cal-move summary")))
            .await?
            .click()
            .await?;
        let form = format!(".cal-entry[data-intervention='{formed}'] .cal-move form");
        let time = b.client.find(Locator::Css(&format!("{form} input[name='start_time']"))).await?;
        b.client
            .execute(
                "arguments[0].value = '15:00';",
                vec![serde_json::to_value(&time).expect("element")],
            )
            .await?;
        click_and_wait(&b, &format!("{form} button[type='submit']")).await?;
        let later = text_of(&b, "td[data-date='2030-03-05'][data-time='15:00']").await?;
        assert!(later.contains("Move the desk phone"), "{later}");
        assert!(
            b.client.find_all(Locator::Css(".cal-entry.cal-conflict")).await?.is_empty(),
            "no more overlap"
        );
        b.screenshot("121-calendar-week-rearranged").await;

        // The ticket's interventions, with the form that plans another.
        b.client.goto(&app.url(&format!("/tickets/{first}"))).await?;
        let section = text_of(&b, "#interventions").await?;
        assert!(section.contains("Bring a spare cable"), "{section}");
        b.client
            .execute("document.getElementById('interventions').scrollIntoView();", vec![])
            .await?;
        b.screenshot("122-ticket-interventions").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");
    assert_eq!(
        app.count(&format!(
            "SELECT version FROM interventions WHERE id = {dragged}"
        )),
        1
    );

    let phone = Browser::start(360, 780).await;
    let on_phone = async {
        log_in(&phone, &app, "tina", "technician pass").await?;
        phone
            .client
            .goto(&app.url("/calendar?view=month&date=2030-03-05&tech=all"))
            .await?;
        assert!(
            text_of(&phone, ".calendar-heading")
                .await?
                .contains("March 2030")
        );
        assert!(
            !scrolls_sideways(&phone).await?,
            "the month scrolls sideways"
        );
        let month = text_of(&phone, ".calendar").await?;
        assert!(month.contains("Move the desk phone"), "{month}");
        phone.screenshot("123-calendar-month-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    phone.close().await;
    on_phone.expect("phone story");
    app.stop().await;
}
