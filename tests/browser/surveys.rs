//! A survey in a real headless Chromium: the requester opens the mailed link on a 360-pixel
//! phone, answers by tapping, sends, and is thanked; the administrator's page of questions and
//! the answers with their charts. Screenshots land in `target/test-screenshots/`.

use fantoccini::Locator;
use fantoccini::error::CmdError;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::browser::{Browser, click_and_wait, log_in, scrolls_sideways, text_of};
use crate::common::{ADMIN_PASSWORD, TestApp};

#[tokio::test]
async fn a_requester_answers_the_survey_on_a_phone_and_the_answers_show_as_charts() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("survey", "1");
    let secret = "5e".repeat(32);
    let sql = app.sql();
    sql.execute_batch(
        "INSERT INTO survey_questions (id, position, kind, scale) VALUES
             (1, 1, 'scale', 5), (2, 2, 'yes_no', 5), (3, 3, 'choice', 5), (4, 4, 'text', 5);
         INSERT INTO survey_question_texts (question_id, lang, text, choices, low_label, high_label)
         VALUES (1, 'en', 'How satisfied are you with the help you got?', '', 'Not at all', 'Very'),
                (2, 'en', 'Was the problem solved the first time?', '', '', ''),
                (3, 'en', 'How did you reach us?', 'Phone\nMail\nIn person', '', ''),
                (4, 'en', 'Anything to add?', '', '', '');
         INSERT INTO tickets (id, title, state_id, created_at, modified_at, requester_id)
         VALUES (41, 'The printer on floor 2 jams', 6, unixepoch() - 86400, 0, 1);",
    )
    .expect("survey");
    sql.execute(
        "INSERT INTO survey_invitations (ticket_id, token_hash, lang, created_at, expires_at)
         VALUES (41, ?1, 'en', unixepoch(), unixepoch() + 86400)",
        [gestdesk::domain::token::sha256_hex(&secret)],
    )
    .expect("invitation");

    let phone = Browser::start(360, 780).await;
    let answered = async {
        phone
            .client
            .goto(&app.url(&format!("/survey/{secret}")))
            .await?;
        assert_eq!(text_of(&phone, "main h1").await?, "Satisfaction survey");
        let about = text_of(&phone, "#survey-ticket").await?;
        assert!(
            about.contains("#41") && about.contains("floor 2"),
            "{about}"
        );
        assert!(
            !scrolls_sideways(&phone).await?,
            "the survey scrolls sideways"
        );
        let problems = phone.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the survey page");
        phone.screenshot("131-survey-phone").await;
        for css in [
            "input[name='q1'][value='4']",
            "input[name='q2'][value='yes']",
            "input[name='q3'][value='2']",
        ] {
            phone.client.find(Locator::Css(css)).await?.click().await?;
        }
        phone
            .client
            .find(Locator::Css("textarea[name='q4']"))
            .await?
            .send_keys("Quick and friendly.")
            .await?;
        click_and_wait(&phone, "form.survey button[type='submit']").await?;
        assert_eq!(
            text_of(&phone, "#survey-thanks").await?,
            "Thank you for your answers."
        );
        phone.screenshot("132-survey-thanks").await;
        Ok::<(), CmdError>(())
    }
    .await;
    phone.close().await;
    answered.expect("phone story");
    assert_eq!(app.count("SELECT count(*) FROM survey_answers"), 4);

    let b = Browser::start(1280, 900).await;
    let admin = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/admin/surveys")).await?;
        let questions = text_of(&b, "#survey-questions").await?;
        assert!(questions.contains("How did you reach us?"), "{questions}");
        b.screenshot("133-survey-settings").await;
        b.client.goto(&app.url("/surveys?period=year")).await?;
        let summary = text_of(&b, "#survey-summary").await?;
        assert!(summary.contains("answered: 1"), "{summary}");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the answers page");
        b.screenshot("134-survey-answers").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    admin.expect("browser story");
    app.stop().await;
}
