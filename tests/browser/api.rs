//! The API in a real headless Chromium: an administrator makes a token on Administration > API,
//! copies it from the page, the call log fills as a script uses it, the token is revoked with
//! a confirmation; the reference page reads well in a dark theme and on a phone. Screenshots
//! land in `target/test-screenshots/`.

use fantoccini::Locator;
use fantoccini::error::CmdError;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::browser::{Browser, click_and_wait, fill, log_in, scrolls_sideways, text_of};
use crate::common::{ADMIN_PASSWORD, TestApp};

#[tokio::test]
async fn an_administrator_makes_uses_and_revokes_a_token_in_a_real_browser() {
    let (app, _admin) = TestApp::with_admin().await;
    app.create_user(
        "monitor",
        "pw-monitor",
        gestdesk::domain::profiles::Profile::Technician,
    )
    .await;
    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/admin/api")).await?;
        assert_eq!(text_of(&b, "main h1").await?, "API");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the API page");
        fill(&b, "name", "Monitoring").await?;
        fill(&b, "login", "monitor").await?;
        fill(&b, "days", "30").await?;
        click_and_wait(&b, "#new-token button[type='submit']").await?;
        let secret = b
            .client
            .find(Locator::Css("input.api-secret-value"))
            .await?
            .prop("value")
            .await?
            .expect("the secret");
        assert!(secret.starts_with("gd_"), "{secret}");
        b.screenshot("108-api-token-made").await;

        // A script uses it; the page lists the calls and the last use.
        for path in ["/api/v1/me", "/api/v1/tickets/999"] {
            reqwest::Client::new()
                .get(app.url(path))
                .bearer_auth(&secret)
                .send()
                .await
                .expect("call");
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        b.client.goto(&app.url("/admin/api")).await?;
        let calls = text_of(&b, "#calls table").await?;
        assert!(
            calls.contains("GET /api/v1/me") && calls.contains("404"),
            "{calls}"
        );
        assert!(
            !b.client.source().await?.contains(&secret),
            "shown once only"
        );
        b.client
            .execute(
                "document.getElementById('tokens').scrollIntoView();",
                vec![],
            )
            .await?;
        b.screenshot("109-api-tokens-and-calls").await;

        // Revoked with a confirmation: the script is refused at once.
        b.client
            .execute("window.confirm = function () { return true; };", vec![])
            .await?;
        click_and_wait(&b, "#tokens .actions button").await?;
        assert!(text_of(&b, "#tokens").await?.contains("Revoked on"));
        let r = reqwest::Client::new()
            .get(app.url("/api/v1/me"))
            .bearer_auth(&secret)
            .send()
            .await
            .expect("call");
        assert_eq!(r.status(), reqwest::StatusCode::UNAUTHORIZED);

        // The reference page, in the black theme.
        app.sql()
            .execute("UPDATE users SET theme = 'black' WHERE login = 'admin'", [])
            .expect("theme");
        b.client.goto(&app.url("/api")).await?;
        assert_eq!(text_of(&b, "main h1").await?, "API reference");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the reference page");
        b.screenshot("110-api-reference-black").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");

    let phone = Browser::start(360, 780).await;
    let on_phone = async {
        phone.client.goto(&app.url("/api")).await?;
        assert!(
            !scrolls_sideways(&phone).await?,
            "the reference scrolls sideways"
        );
        phone.screenshot("111-api-reference-phone").await;
        log_in(&phone, &app, "admin", ADMIN_PASSWORD).await?;
        phone.client.goto(&app.url("/admin/api")).await?;
        assert!(
            !scrolls_sideways(&phone).await?,
            "the API page scrolls sideways"
        );
        phone.screenshot("112-api-page-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    phone.close().await;
    on_phone.expect("phone story");
    app.stop().await;
}
