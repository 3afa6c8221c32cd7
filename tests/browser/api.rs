//! The API in a real headless Chromium: an administrator makes a token on Administration > API,
//! copies it from the page, the call log fills as a script uses it, the token is revoked with
//! a confirmation; the reference page reads well in a dark theme and on a phone. A webhook is
//! registered and its deliveries read on its page, on a phone too. Screenshots
//! land in `target/test-screenshots/`.

use fantoccini::Locator;
use fantoccini::error::CmdError;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::browser::{Browser, click_and_wait, fill, log_in, scrolls_sideways, text_of};
use crate::common::{ADMIN_PASSWORD, TestApp};

/// The secret the page shows once, in the read-only field `css`.
async fn secret_shown(b: &Browser, css: &str) -> Result<String, CmdError> {
    Ok(b.client
        .find(Locator::Css(css))
        .await?
        .prop("value")
        .await?
        .unwrap_or_default())
}

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
        let secret = secret_shown(&b, "input.api-secret-value").await?;
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

#[tokio::test]
async fn an_administrator_registers_a_webhook_and_watches_its_deliveries_in_a_real_browser() {
    let (app, _admin) = TestApp::with_admin().await;
    let alice = app
        .login_as("alice", gestdesk::domain::profiles::Profile::User)
        .await;
    let chat = crate::common::receiver::Receiver::start().await;
    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/admin/webhooks")).await?;
        assert_eq!(text_of(&b, "main h1").await?, "Webhooks");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the webhooks page");
        fill(&b, "url", &chat.url("/hooks/helpdesk")).await?;
        click_and_wait(&b, "#new-hook button[type='submit']").await?;
        let secret = secret_shown(&b, "#signing input.api-secret-value").await?;
        assert!(secret.starts_with("whsec_"), "{secret}");

        // A ticket is opened; the page lists its delivery with the receiver's answer.
        crate::common::lists::open_ticket(&app, &alice, &[("title", "Projector has no signal")])
            .await;
        chat.wait_for(1, 10).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        b.client.refresh().await?;
        let deliveries = text_of(&b, "#deliveries table").await?;
        assert!(
            deliveries.contains("ticket.created") && deliveries.contains("Delivered"),
            "{deliveries}"
        );
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "a webhook's page");
        b.client
            .execute(
                "document.getElementById('signing').scrollIntoView();",
                vec![],
            )
            .await?;
        b.screenshot("113-webhook-deliveries").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");

    let phone = Browser::start(360, 780).await;
    let on_phone = async {
        log_in(&phone, &app, "admin", ADMIN_PASSWORD).await?;
        for (path, shot) in [
            ("/admin/webhooks", "114-webhooks-phone"),
            ("/admin/webhooks/1", "115-webhook-phone"),
        ] {
            phone.client.goto(&app.url(path)).await?;
            assert!(!scrolls_sideways(&phone).await?, "{path} scrolls sideways");
            phone.screenshot(shot).await;
        }
        Ok::<(), CmdError>(())
    }
    .await;
    phone.close().await;
    on_phone.expect("phone story");
    app.stop().await;
}
