//! Two-factor login in a real headless Chromium: the administrator turns it on from the
//! profile (QR code, key, a first code from pyotp), keeps the recovery codes, then logs in
//! again with a code; the set-up reads on a phone. Screenshots land in
//! `target/test-screenshots/`.

use fantoccini::Locator;
use fantoccini::error::CmdError;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::browser::{Browser, click_and_wait, fill, log_in, scrolls_sideways, text_of};
use crate::common::totp::code_now;
use crate::common::{ADMIN_PASSWORD, TestApp};

#[tokio::test]
async fn the_administrator_turns_two_factor_login_on_and_logs_in_with_a_code() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("user_mfa", "1");

    let phone = Browser::start(360, 780).await;
    let on_phone = async {
        log_in(&phone, &app, "admin", ADMIN_PASSWORD).await?;
        phone.client.goto(&app.url("/profile/two-factor")).await?;
        assert!(
            !scrolls_sideways(&phone).await?,
            "the page scrolls sideways"
        );
        phone.screenshot("142-two-factor-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    phone.close().await;
    on_phone.expect("phone story");

    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/profile")).await?;
        click_and_wait(&b, "a[href='/profile/two-factor']").await?;
        assert_eq!(text_of(&b, "main h1").await?, "Two-factor login");
        let qr = b.client.find(Locator::Css("svg.qr-code")).await?;
        assert!(qr.is_displayed().await?);
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the set-up page");
        b.screenshot("140-two-factor-setup").await;
        let key = text_of(&b, "#manual-key").await?;
        fill(&b, "code", &code_now(&key).await).await?;
        click_and_wait(&b, "form[action='/profile/two-factor/confirm'] button").await?;
        let codes = b
            .client
            .find_all(Locator::Css("ul.recovery-codes code"))
            .await?;
        assert_eq!(codes.len(), 10);
        let recovery = codes[0].text().await?;
        b.screenshot("141-two-factor-codes").await;

        // Logging in again: the password, then the code.
        b.client.delete_all_cookies().await?;
        b.client.goto(&app.url("/login")).await?;
        fill(&b, "login", "admin").await?;
        fill(&b, "password", ADMIN_PASSWORD).await?;
        click_and_wait(&b, "button.button-primary").await?;
        assert_eq!(b.client.current_url().await?.path(), "/login/code");
        assert_eq!(text_of(&b, "main h1").await?, "Login code");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "the code page");
        b.screenshot("143-two-factor-login").await;
        // The first code's step is taken: the recovery code logs in at once.
        fill(&b, "code", &recovery).await?;
        click_and_wait(&b, "button.button-primary").await?;
        assert_ne!(b.client.current_url().await?.path(), "/login/code");
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");
    app.stop().await;
}
