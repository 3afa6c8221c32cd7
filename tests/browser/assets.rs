//! The asset inventory in a real headless Chromium: an administrator declares a model and a
//! network from the lists pages, a technician adds a batch, gives one asset an address, finds
//! the next free one and reads the list on a phone. Screenshots land in
//! `target/test-screenshots/`.

use fantoccini::Locator;
use fantoccini::error::CmdError;
use gestdesk::domain::profiles::Profile;

use super::pages::ACCESSIBILITY_PROBLEMS;
use crate::common::browser::{Browser, click_and_wait, fill, log_in, scrolls_sideways, text_of};
use crate::common::{ADMIN_PASSWORD, TestApp};

#[tokio::test]
async fn a_technician_adds_a_batch_and_gives_an_asset_a_free_address_in_a_real_browser() {
    let (app, _admin) = TestApp::with_admin().await;
    for switch in ["asset", "asset_ip", "asset_warranty"] {
        app.set_setting(switch, "1");
    }
    app.create_user("tess", "tess password 1", Profile::Technician)
        .await;
    let b = Browser::start(1280, 900).await;
    let story = async {
        // The administrator declares a model with IP and a network, from the lists pages.
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/admin/lists/asset-models")).await?;
        fill(&b, "name", "Latitude 5440").await?;
        b.client
            .find(Locator::Css("#f-type_id option[value='1']"))
            .await?
            .click()
            .await?;
        b.client
            .find(Locator::Css("#f-manufacturer_id option[value='1']"))
            .await?
            .click()
            .await?;
        b.client
            .find(Locator::Css("#f-has_ip"))
            .await?
            .click()
            .await?;
        fill(&b, "warranty_years", "3").await?;
        click_and_wait(
            &b,
            "form[action='/admin/lists/asset-models'] button[type='submit']",
        )
        .await?;
        b.client
            .goto(&app.url("/admin/lists/asset-networks"))
            .await?;
        fill(&b, "name", "Office").await?;
        fill(&b, "network", "192.168.10.0").await?;
        fill(&b, "netmask", "255.255.255.0").await?;
        click_and_wait(
            &b,
            "form[action='/admin/lists/asset-networks'] button[type='submit']",
        )
        .await?;
        let model = app.count("SELECT id FROM asset_models WHERE name = 'Latitude 5440'");
        assert!(model > 0, "the model was not declared");

        // A technician adds a batch of twelve laptops from the stock view.
        b.client.delete_all_cookies().await?;
        log_in(&b, &app, "tess", "tess password 1").await?;
        click_and_wait(&b, ".sidebar a[href='/assets']").await?;
        assert_eq!(text_of(&b, "main h1").await?, "Assets");
        click_and_wait(&b, ".list-actions a[href='/assets/batch']").await?;
        b.client
            .find(Locator::Css(&format!("#f-model option[value='{model}']")))
            .await?
            .click()
            .await?;
        fill(&b, "pattern", "LT-{n:02}").await?;
        fill(&b, "count", "12").await?;
        b.screenshot("70-asset-batch").await;
        click_and_wait(&b, "#asset-batch-form .form-actions button.button-primary").await?;
        assert_eq!(text_of(&b, ".flash").await?, "Changes saved.");
        assert_eq!(text_of(&b, "main p.muted").await?, "12 assets");
        b.screenshot("71-asset-list").await;
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "asset list");

        // The first one gets an address typed loosely; its sheet shows it in one form.
        click_and_wait(&b, "#asset-table tbody a").await?;
        assert_eq!(text_of(&b, "main h1").await?, "LT-01");
        click_and_wait(&b, ".list-actions a[href$='/edit']").await?;
        fill(&b, "iface-0-ip", "192.168.10.1").await?;
        fill(&b, "iface-0-mac", "a4bb.6d01.0203").await?;
        click_and_wait(&b, "#asset-form .form-actions button.button-primary").await?;
        assert_eq!(text_of(&b, ".flash").await?, "Changes saved.");
        assert_eq!(
            text_of(&b, "table.data-table tbody td:nth-child(4) code").await?,
            "A4:BB:6D:01:02:03"
        );
        b.screenshot("72-asset-sheet").await;
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "asset sheet");

        // The warranty view: the batch is under its model's three years.
        click_and_wait(&b, ".sidebar a[href='/assets?warranty=under']").await?;
        assert_eq!(text_of(&b, "main p.muted").await?, "12 assets");
        b.screenshot("73-asset-warranties").await;

        // The next free address of the office network: .1 is taken (the laptop is in stock,
        // which does not reserve it, so it is listed as used but still offered).
        b.client.goto(&app.url("/assets")).await?;
        click_and_wait(&b, ".list-actions a[href='/assets/free-ip']").await?;
        click_and_wait(&b, "form.search-form button.button-primary").await?;
        assert_eq!(text_of(&b, "#used-ips td a").await?, "LT-01");
        assert_eq!(text_of(&b, "#free-ips li code").await?, "192.168.10.1");
        b.screenshot("74-asset-free-ip").await;

        // On a phone the list stays within the screen.
        b.client.set_window_size(360, 740).await?;
        b.client.goto(&app.url("/assets")).await?;
        b.screenshot("75-asset-list-phone").await;
        assert!(
            !scrolls_sideways(&b).await?,
            "the asset list scrolls sideways on a phone"
        );
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}
