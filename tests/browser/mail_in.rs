//! Incoming mail in a real headless Chromium against a real Dovecot: an administrator adds a
//! mailbox on the "Incoming mail" tab, tests it before saving, saves it, fetches it now, and
//! reads the rejected mails, on a desktop and on a phone. Screenshots land in
//! `target/test-screenshots/`.

use fantoccini::Locator;
use fantoccini::error::CmdError;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::browser::{Browser, click_and_wait, fill, log_in, scrolls_sideways, text_of};
use crate::common::imap::ImapPeer;
use crate::common::{ADMIN_PASSWORD, TestApp};

#[tokio::test]
async fn an_administrator_sets_up_a_mailbox_and_reads_the_rejected_mails_in_a_real_browser() {
    let Some(peer) = ImapPeer::get() else { return };
    let (app, _admin) = TestApp::with_admin().await;
    peer.add_user("browser-mailbox", "mailbox secret");
    peer.deliver(
        "browser-mailbox",
        "INBOX",
        b"From: Hugo <hugo@example.test>\r\nTo: support@example.test\r\nSubject: Projector\r\n\
Message-ID: <browser-1@example.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
The projector of room 4 shows nothing.\r\n",
    );
    peer.deliver(
        "browser-mailbox",
        "INBOX",
        b"Subject: Lost\r\nMessage-ID: <browser-2@example.test>\r\n\r\nA mail with no sender.\r\n",
    );
    let port = peer.plain_port.to_string();
    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/admin/mail")).await?;
        click_and_wait(&b, "nav.tabs a[href='/admin/mail-in']").await?;
        let page = text_of(&b, "#mailboxes").await?;
        assert!(page.contains("No mailbox yet"), "{page}");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "incoming mail tab");
        b.screenshot("90-mail-in-tab").await;

        click_and_wait(&b, "#mailboxes a[href='/admin/mail-in/new']").await?;
        fill(&b, "name", "Support").await?;
        fill(&b, "host", "127.0.0.1").await?;
        fill(&b, "port", &port).await?;
        b.client
            .find(Locator::Css("#f-security option[value='none']"))
            .await?
            .click()
            .await?;
        fill(&b, "login", "browser-mailbox").await?;
        fill(&b, "password", "mailbox secret").await?;
        // Tested before saving: two mails wait; the password typed is not shown back.
        click_and_wait(&b, "#mailbox-test").await?;
        let said = text_of(&b, "#test-result").await?;
        assert!(said.contains("2 unread mails wait"), "{said}");
        let typed = b
            .client
            .find(Locator::Css("#f-password"))
            .await?
            .prop("value")
            .await?;
        assert_eq!(typed.as_deref(), Some(""));
        b.screenshot("91-mailbox-tested").await;
        fill(&b, "password", "mailbox secret").await?;
        click_and_wait(&b, "form.stack .form-actions button.button-primary").await?;
        assert_eq!(text_of(&b, ".flash").await?, "Changes saved.");
        assert!(text_of(&b, "#mailboxes table").await?.contains("Support"));

        click_and_wait(&b, "#mailboxes table a").await?;
        click_and_wait(&b, "#mailbox-fetch").await?;
        let figures = text_of(&b, "#fetch-result-figures").await?;
        assert!(figures.contains("Read: 2. Tickets: 1."), "{figures}");
        assert!(figures.contains("Rejected: 1."), "{figures}");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "mailbox page");
        b.screenshot("92-mailbox-fetched").await;

        b.client.goto(&app.url("/admin/mail-in/rejected")).await?;
        let listed = text_of(&b, "#rejected").await?;
        assert!(
            listed.contains("Lost") && listed.contains("No sender address"),
            "{listed}"
        );
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "rejected mails");
        b.screenshot("93-mail-rejected").await;

        b.client.goto(&app.url("/admin/mail-in/fetches")).await?;
        assert!(text_of(&b, "#fetches").await?.contains("Support"));
        b.screenshot("94-mail-fetches").await;

        // On a phone, nothing scrolls sideways.
        b.client.set_window_size(390, 844).await?;
        for path in [
            "/admin/mail-in",
            "/admin/mail-in/rejected",
            "/admin/mail-in/fetches",
        ] {
            b.client.goto(&app.url(path)).await?;
            assert!(!scrolls_sideways(&b).await?, "{path} on a phone");
        }
        b.screenshot("95-mail-fetches-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}
