//! The directory's settings in a real headless Chromium against a real OpenLDAP: an
//! administrator opens the Directory tab, fills in the connector, saves it and presses Test,
//! which lists each branch with its number of users; simulates and synchronises, reads the
//! history, simulates a change on a phone, and a synchronised user logs in with the
//! directory's password. Screenshots land in
//! `target/test-screenshots/`.

use fantoccini::Locator;
use fantoccini::error::CmdError;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::browser::{Browser, click_and_wait, fill, log_in, scrolls_sideways, text_of};
use crate::common::ldap::{self, ADMIN_DN, ADMIN_PASSWORD as DIRECTORY_PASSWORD, LdapPeer, SUFFIX};
use crate::common::{ADMIN_PASSWORD, TestApp};

#[tokio::test]
async fn an_administrator_sets_up_the_directory_and_tests_it_in_a_real_browser() {
    let Some(peer) = LdapPeer::get() else { return };
    let mut ldif = ldap::branch("BrowserStaff");
    for n in 0..4 {
        ldif.push_str(&ldap::user(
            "BrowserStaff",
            &format!("bstaff{n}"),
            "Bo",
            "Staff",
            "pw",
        ));
    }
    peer.add(&ldif);
    let (app, _admin) = TestApp::with_admin().await;
    let port = peer.plain_port.to_string();
    let branch = format!("ou=BrowserStaff,{SUFFIX}");
    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/admin/settings")).await?;
        click_and_wait(&b, "nav.tabs a[href='/admin/directory']").await?;
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "directory tab");
        b.client
            .find(Locator::Css("#f-ldap\\.enabled"))
            .await?
            .click()
            .await?;
        fill(&b, "ldap.host", "127.0.0.1").await?;
        fill(&b, "ldap.port", &port).await?;
        b.client
            .find(Locator::Css("#f-ldap\\.accept_invalid_certs"))
            .await?
            .click()
            .await?;
        fill(&b, "ldap.user_branches", &branch).await?;
        fill(&b, "ldap.bind_dn", ADMIN_DN).await?;
        fill(&b, "ldap.password", DIRECTORY_PASSWORD).await?;
        b.screenshot("96-directory-settings").await;
        click_and_wait(&b, "form.stack .form-actions button.button-primary").await?;
        assert_eq!(text_of(&b, ".flash").await?, "Changes saved.");
        click_and_wait(&b, "#directory-test-button").await?;
        let said = text_of(&b, "#test-result").await?;
        assert!(said.contains("The service account is accepted."), "{said}");
        assert!(said.contains("4 users"), "{said}");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "directory test");
        b.screenshot("97-directory-tested").await;

        // Simulate: the table of what would change, nothing changed.
        click_and_wait(&b, "#directory-simulate").await?;
        let said = text_of(&b, "#directory-create h3").await?;
        assert_eq!(said, "Accounts to create: 4");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "simulation");
        assert_eq!(app.count("SELECT count(*) FROM users WHERE ldap_guid <> ''"), 0);
        b.screenshot("99-directory-simulation").await;
        // Synchronise from the simulation's page: the same table, done.
        click_and_wait(&b, "#directory-synchronise").await?;
        let said = text_of(&b, "#directory-outcome").await?;
        assert!(said.contains("The directory was synchronised"), "{said}");
        assert_eq!(app.count("SELECT count(*) FROM users WHERE ldap_guid <> ''"), 4);
        b.screenshot("100-directory-synchronised").await;
        b.client.goto(&app.url("/admin/directory/runs")).await?;
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "history");
        assert!(text_of(&b, "#directory-runs").await?.contains("created: 4"));
        b.screenshot("101-directory-history").await;
        b.client.set_window_size(390, 844).await?;
        b.client.goto(&app.url("/admin/directory")).await?;
        let wide = b
            .client
            .execute(
                "return Array.from(document.querySelectorAll('main *')).filter(function (e) {
                     return e.getBoundingClientRect().right > window.innerWidth + 1;
                 }).slice(0, 5).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className + ':' + e.textContent.slice(0, 60); }).join(' | ');",
                vec![],
            )
            .await?;
        assert!(!scrolls_sideways(&b).await?, "the directory tab on a phone: {wide}");
        b.screenshot("98-directory-phone").await;
        // A change in the directory, simulated on a phone: the table scrolls inside itself.
        peer.modify(&format!(
            "dn: uid=bstaff1,{branch}\nchangetype: modify\nreplace: mail\nmail: bo.staff.one.with.a.long.address@example.test\n\n"
        ));
        click_and_wait(&b, "#directory-simulate").await?;
        assert_eq!(text_of(&b, "#directory-update h3").await?, "Accounts to update: 1");
        assert!(!scrolls_sideways(&b).await?, "the simulation on a phone");
        b.screenshot("102-directory-simulation-phone").await;
        // A synchronised user logs in with the directory's password.
        b.client.delete_all_cookies().await?;
        log_in(&b, &app, "bstaff0", "pw").await?;
        assert!(!b.client.current_url().await?.path().starts_with("/login"));
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}
