//! The asset inventory in a real headless Chromium: an administrator declares a model and a
//! network from the lists pages, a technician adds a batch, gives one asset an address, finds
//! the next free one and reads the list on a phone; another imports a spreadsheet's CSV file
//! through its preview and opens a ticket about one of the imported assets. Screenshots land
//! in `target/test-screenshots/`.

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
    let upload = tempfile::tempdir().expect("dir");
    let picture = upload.path().join("latitude.png");
    std::fs::write(&picture, crate::common::PNG_LOGO).expect("picture");
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
        // It gets a picture from its page.
        b.client
            .goto(&app.url(&format!("/admin/lists/asset-models/{model}")))
            .await?;
        b.client
            .find(Locator::Css("#f-picture"))
            .await?
            .send_keys(&picture.display().to_string())
            .await?;
        click_and_wait(&b, "#model-picture form.inline-add button").await?;
        assert_eq!(text_of(&b, ".flash").await?, "Changes saved.");

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
        // The model's picture is on the sheet, and loads.
        let loaded = b
            .client
            .execute(
                "var i = document.querySelector('img.model-picture'); return !!i && i.complete && i.naturalWidth > 0;",
                vec![],
            )
            .await?;
        assert_eq!(loaded.as_bool(), Some(true), "the model's picture is not shown");
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

#[tokio::test]
async fn a_technician_imports_a_spreadsheet_and_opens_a_ticket_about_an_imported_asset() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    for r in ["ticket_asset", "ticket_asset_disp", "ticket_new_asset_disp"] {
        app.set_right(Profile::Technician, r, true);
    }
    app.create_user("tess", "tess password 1", Profile::Technician)
        .await;
    let upload = tempfile::tempdir().expect("dir");
    let file = upload.path().join("inventory.csv");
    std::fs::write(
        &file,
        "\u{feff}name;type;manufacturer;model;state;location;ip;mac\r\n\
         PRN-HALL;Printer;Brother;HL-L5100;Installed;Hall;192.168.20.10;00:1b:a9:00:00:01\r\n\
         PRN-ATTIC;Printer;Brother;HL-L5100;Installed;Attic;192.168.20.10;00:1b:a9:00:00:02\r\n\
         PC-DESK-7;PC;Dell;Optiplex 3020;;Hall;192.168.20.300;\r\n",
    )
    .expect("file");
    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "tess", "tess password 1").await?;
        b.client.goto(&app.url("/assets")).await?;
        click_and_wait(&b, ".list-actions a[href='/assets/import']").await?;
        assert_eq!(text_of(&b, "main h1").await?, "Import assets");
        b.client
            .find(Locator::Css("#f-file"))
            .await?
            .send_keys(&file.display().to_string())
            .await?;
        click_and_wait(&b, "#asset-import-form button.button-primary").await?;
        // The preview says what each line would do; nothing is written yet.
        assert_eq!(
            text_of(&b, "#asset-import-summary").await?,
            "To create: 1 · To update: 0 · Unchanged: 0 · Refused: 2"
        );
        let refused = text_of(&b, "#asset-import-lines").await?;
        assert!(refused.contains("PRN-ATTIC"), "{refused}");
        assert!(refused.contains("PRN-HALL"), "{refused}");
        assert!(refused.contains("ip: "), "{refused}");
        assert!(
            text_of(&b, "#asset-import-added")
                .await?
                .contains("HL-L5100"),
            "the new model is not announced"
        );
        assert_eq!(app.count("SELECT count(*) FROM assets"), 0);
        b.screenshot("76-asset-import-preview").await;
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "import preview");
        click_and_wait(&b, "#asset-import-confirm button.button-primary").await?;
        assert_eq!(
            text_of(&b, ".alert-success").await?,
            "The file was imported."
        );
        b.screenshot("77-asset-import-done").await;
        let printer = app.count("SELECT id FROM assets WHERE name = 'PRN-HALL'");
        assert!(printer > 0, "the printer was not imported");

        // A ticket about the imported printer, picked in the ticket's asset field.
        b.client.goto(&app.url("/tickets/new")).await?;
        fill(&b, "title", "Paper jam in the hall").await?;
        b.client
            .find(Locator::Css(&format!(
                "#f-asset_id option[value='{printer}']"
            )))
            .await?
            .click()
            .await?;
        click_and_wait(&b, "#ticket-form .form-actions button.button-primary").await?;
        assert_eq!(text_of(&b, ".flash").await?, "The ticket has been created.");
        let ticket = app.count("SELECT max(id) FROM tickets");
        assert_eq!(
            app.count(&format!("SELECT asset_id FROM tickets WHERE id = {ticket}")),
            printer
        );
        // The printer's sheet lists the ticket.
        b.client
            .goto(&app.url(&format!("/assets/{printer}")))
            .await?;
        let sheet = text_of(&b, "main").await?;
        assert!(sheet.contains("Paper jam in the hall"), "{sheet}");
        assert!(sheet.contains("192.168.20.10"), "{sheet}");
        b.screenshot("78-asset-sheet-with-ticket").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

#[tokio::test]
async fn the_ping_flags_network_settings_and_discovery_pages_read_well_in_a_real_browser() {
    let (app, admin) = TestApp::with_admin().await;
    for switch in ["asset", "asset_ip"] {
        app.set_setting(switch, "1");
    }
    // Three assets on the documentation range (never probed here): one that answered today,
    // one that last answered seventy days ago, one that never did.
    let now = gestdesk::domain::clock::now();
    for (n, (name, seen)) in [
        ("PC-RECEPTION", Some(now)),
        ("PC-OLD-LAB", Some(now - 70 * 86_400)),
        ("PC-NEVER", None),
    ]
    .into_iter()
    .enumerate()
    {
        let r = admin
            .submit(
                "/assets/new",
                "/assets",
                &[
                    ("name", name),
                    ("state", "2"),
                    ("model", "1"),
                    ("iface-0-role", "1"),
                    ("iface-0-ip", &format!("192.0.2.{}", n + 10)),
                    ("iface-0-mac", &format!("02:00:00:00:00:1{n}")),
                ],
            )
            .await;
        assert!(r.status.is_redirection(), "{}", r.body);
        app.sql()
            .execute(
                "UPDATE asset_ifaces SET last_ping_ok = ?1 WHERE ip = ?2",
                rusqlite::params![seen, format!("192.0.2.{}", n + 10)],
            )
            .expect("seen");
    }
    app.sql()
        .execute(
            "INSERT INTO asset_networks (name, network, netmask, scan) VALUES
                 ('Office', '192.0.2.0', '255.255.255.0', 1),
                 ('Everything', '10.0.0.0', '255.0.0.0', 1)",
            [],
        )
        .expect("networks");
    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/assets?state=all")).await?;
        // Each flag is drawn, with its meaning on hover.
        let drawn = b
            .client
            .execute(
                "return Array.from(document.querySelectorAll('.ping-flag')).map(function (f) {
                     var r = f.getBoundingClientRect();
                     return f.className.replace('ping-flag ', '') + ':' + (r.width > 0 && r.height > 0) + ':' + f.title;
                 }).join('|');",
                vec![],
            )
            .await?;
        let drawn = drawn.as_str().unwrap_or_default().to_owned();
        assert_eq!(drawn.matches(":true:").count(), 3, "{drawn}");
        assert!(drawn.contains("ping-flag-seen:true:Last answered a ping on"), "{drawn}");
        assert!(drawn.contains("ping-flag-stale:true:"), "{drawn}");
        assert!(drawn.contains("ping-flag-never:true:Never answered a ping"), "{drawn}");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "asset list");
        b.screenshot("80-asset-list-ping-flags").await;

        let reception = app.count("SELECT id FROM assets WHERE name = 'PC-RECEPTION'");
        b.client
            .goto(&app.url(&format!("/assets/{reception}")))
            .await?;
        let sheet = text_of(&b, "main").await?;
        assert!(sheet.contains("Ping"), "{sheet}");
        assert!(sheet.contains("Wake up (Wake-on-LAN)"), "{sheet}");
        assert!(sheet.to_lowercase().contains("last answer"), "{sheet}");
        b.screenshot("81-asset-sheet-ping-flag").await;

        b.client.goto(&app.url("/admin/network")).await?;
        let page = text_of(&b, "#probe-method").await?;
        assert!(page.contains("Probing method"), "{page}");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "network settings");
        b.screenshot("82-network-settings").await;

        b.client.goto(&app.url("/assets/discovery")).await?;
        let page = text_of(&b, "#scan-networks").await?;
        assert!(page.contains("192.0.2.0/24"), "{page}");
        assert!(page.contains("10.0.0.0/8 is too large to discover"), "{page}");
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "discovery");
        b.screenshot("83-network-discovery").await;
        // On a phone, nothing scrolls sideways.
        b.client.set_window_size(390, 844).await?;
        b.client.refresh().await?;
        assert!(!scrolls_sideways(&b).await?, "discovery on a phone");
        b.screenshot("84-network-discovery-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}
