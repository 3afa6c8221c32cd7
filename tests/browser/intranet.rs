//! The intranet form in a real headless Chromium, inside a frame of an intranet page served on
//! another loopback port (another origin): a colleague fills it in and reads their ticket's
//! number; on a phone too. Screenshots land in `target/test-screenshots/`.

use std::time::Duration;

use axum::Router;
use axum::response::Html;
use axum::routing::get;
use fantoccini::Locator;
use fantoccini::error::CmdError;

use crate::common::browser::{Browser, fill, log_in, scrolls_sideways, text_of, wait_until};
use crate::common::{ADMIN_PASSWORD, TestApp};

/// Serves an intranet page framing the form of `app`; answers the page's address.
async fn intranet_page(app: &TestApp) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let origin = format!(
        "http://127.0.0.1:{}",
        listener.local_addr().expect("addr").port()
    );
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Our intranet</title></head><body style=\"font-family:sans-serif;margin:0\">\
         <h1 style=\"margin:0.5rem\">Our intranet</h1>\
         <iframe id=\"helpdesk\" src=\"{}\" title=\"Helpdesk\" \
         style=\"width:100%;height:60rem;border:0\"></iframe></body></html>",
        app.url("/intranet/form")
    );
    let router = Router::new().route("/", get(move || async move { Html(page) }));
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (origin, task)
}

#[tokio::test]
async fn a_colleague_asks_for_help_from_the_form_framed_in_an_intranet_page() {
    let (app, admin) = TestApp::with_admin().await;
    let (origin, server) = intranet_page(&app).await;
    let saved = admin
        .submit(
            "/admin/intranet-form",
            "/admin/intranet-form",
            &[
                ("enabled", "1"),
                ("origins", &origin),
                ("ask_name", "1"),
                ("create_requesters", "1"),
                ("per_hour", "5"),
                ("min_seconds", "1"),
            ],
        )
        .await;
    assert_eq!(
        saved.status,
        reqwest::StatusCode::SEE_OTHER,
        "{}",
        saved.body
    );

    let b = Browser::start(1280, 900).await;
    let story = async {
        b.client.goto(&format!("{origin}/")).await?;
        b.client
            .find(Locator::Css("#helpdesk"))
            .await?
            .enter_frame()
            .await?;
        wait_until(
            &b,
            "return document.querySelector(\"[name='mail']\") !== null;",
            "the framed form",
        )
        .await?;
        fill(&b, "name", "Chloé Petit").await?;
        fill(&b, "mail", "chloe.petit@example.test").await?;
        fill(&b, "title", "The badge reader refuses my badge").await?;
        fill(
            &b,
            "description",
            "Since this morning, at the main entrance.",
        )
        .await?;
        b.client.enter_parent_frame().await?;
        b.screenshot("116-intranet-form-framed").await;
        b.client
            .find(Locator::Css("#helpdesk"))
            .await?
            .enter_frame()
            .await?;
        tokio::time::sleep(Duration::from_millis(1_100)).await;
        b.client
            .find(Locator::Css("button[type='submit']"))
            .await?
            .click()
            .await?;
        wait_until(
            &b,
            "return document.querySelector('.intranet-number') !== null;",
            "the ticket's number",
        )
        .await?;
        let said = text_of(&b, ".intranet-number").await?;
        assert!(said.contains("ticket #"), "{said}");
        b.client.enter_parent_frame().await?;
        b.screenshot("117-intranet-form-recorded").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");
    assert_eq!(
        app.text("SELECT title FROM tickets"),
        "The badge reader refuses my badge"
    );

    let phone = Browser::start(360, 780).await;
    let on_phone = async {
        phone.client.goto(&app.url("/intranet/form")).await?;
        assert!(
            !scrolls_sideways(&phone).await?,
            "the form scrolls sideways"
        );
        phone.screenshot("118-intranet-form-phone").await;
        log_in(&phone, &app, "admin", ADMIN_PASSWORD).await?;
        phone.client.goto(&app.url("/admin/intranet-form")).await?;
        assert!(
            !scrolls_sideways(&phone).await?,
            "the administration page scrolls sideways"
        );
        phone.screenshot("119-intranet-admin-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    phone.close().await;
    on_phone.expect("phone story");
    server.abort();
    app.stop().await;
}
