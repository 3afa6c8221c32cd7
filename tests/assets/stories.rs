//! Assets: a technician inventories an asset with its interfaces and finds it by any address;
//! wrong input comes back; an address an installed asset holds is refused; the later of two
//! saves is refused knowingly; notes, deletion, the export and who may do what.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{Client, TestApp};

/// The fields of an asset form: `base` with `changes` applied.
fn form<'a>(
    base: &[(&'a str, &'a str)],
    changes: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut out: Vec<(&str, &str)> = base
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .copied()
        .collect();
    out.extend_from_slice(changes);
    out
}

/// A workstation of model 1 (an Optiplex with IP and three years of warranty), installed.
const WORKSTATION: &[(&str, &str)] = &[
    ("name", "PC-ACCOUNTS-01"),
    ("state", "2"),
    ("model", "1"),
    ("sn_manufacturer", "CN-0X1234"),
    ("purchased_on", "2024-03-01"),
    ("iface-0-role", "1"),
    ("iface-0-netbios", "ACCOUNTS01"),
    ("iface-0-ip", " 10.0.0.5 "),
    ("iface-0-mac", "aa-bb-cc-dd-ee-01"),
];

/// Creates an asset through the form; returns its address.
async fn create(client: &Client, fields: &[(&str, &str)]) -> String {
    let r = client.submit("/assets/new", "/assets", fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().expect("redirect").to_owned()
}

#[tokio::test]
async fn a_technician_inventories_an_asset_and_finds_it_by_any_of_its_addresses() {
    let (app, _admin) = TestApp::with_admin().await;
    let tess = app.login_as("tess", Profile::Technician).await;
    // Off by default: no menu entry, no page.
    assert_eq!(tess.get("/assets").await.status, StatusCode::NOT_FOUND);
    app.set_setting("asset", "1");
    assert!(tess.get("/").await.body.contains("href=\"/assets\""));
    tess.get("/assets")
        .await
        .assert_contains("No asset matches.");

    let sheet = create(&tess, WORKSTATION).await;
    let page = tess.get(&sheet).await;
    page.assert_contains("PC-ACCOUNTS-01")
        // Addresses are kept in one form, whatever was typed.
        .assert_contains("<code>10.0.0.5</code>")
        .assert_contains("<code>AA:BB:CC:DD:EE:01</code>")
        // The model says the type and the manufacturer, and its years the warranty's end.
        .assert_contains("Optiplex 3020")
        .assert_contains("Dell")
        .assert_contains("03/01/2027")
        .assert_contains("created the asset.");

    // Found by name, serial, NetBIOS name, part of its IP, its MAC written any way.
    for text in [
        "accounts-01",
        "cn-0x12",
        "accounts01",
        "10.0.0",
        "aa:bb:cc",
        "ddee01",
    ] {
        let found = tess.get(&format!("/assets?q={text}")).await;
        assert!(
            found.body.contains("PC-ACCOUNTS-01"),
            "not found by {text:?}"
        );
    }
    let none = tess.get("/assets?q=10.0.1").await;
    assert!(!none.body.contains("PC-ACCOUNTS-01"));

    // State tabs count what the search finds.
    let list = tess.get("/assets").await;
    list.assert_contains("All states <span class=\"count\">1</span>")
        .assert_contains("Installed <span class=\"count\">1</span>")
        .assert_contains("In stock <span class=\"count\">0</span>");

    // The export holds every asset with its addresses, for spreadsheets.
    let csv = tess.get("/assets/export.csv?state=all").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with('\u{feff}'));
    assert!(csv.body.contains("\"PC-ACCOUNTS-01\""));
    assert!(csv.body.contains("\"10.0.0.5\""));
    assert_eq!(
        csv.headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .map(|v| v.starts_with("attachment")),
        Some(true)
    );

    // A change is recorded field by field, and a note joins the history.
    let edit = tess.get(&format!("{sheet}/edit")).await;
    let version = crate::common::http::extract_attr(&edit.body, r#"name="version" value=""#)
        .expect("version");
    let changed = form(
        WORKSTATION,
        &[
            ("version", &version),
            ("state", "3"),
            ("iface-0-ip", "10.0.0.6"),
        ],
    );
    let r = tess
        .submit(&format!("{sheet}/edit"), &sheet, &changed)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = tess
        .submit(
            &sheet,
            &format!("{sheet}/notes"),
            &[("note", "Screen replaced.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = tess.get(&sheet).await;
    page.assert_contains("<strong>State</strong>: Installed → Standby")
        .assert_contains("10.0.0.5")
        .assert_contains("10.0.0.6")
        .assert_contains("Screen replaced.");
    app.stop().await;
}

#[tokio::test]
async fn wrong_input_comes_back_with_what_was_typed_and_stores_nothing() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    let sent = form(
        WORKSTATION,
        &[
            ("name", "   "),
            ("iface-0-ip", "10.0.0.300"),
            ("iface-0-mac", "aa:bb:cc"),
            ("purchased_on", "31/02/2024"),
            ("state", "999"),
            ("user", "u999999"),
            ("iface-1-ip", "10.0.0.7"),
            ("iface-1-mac", "AA:BB:CC:DD:EE:02"),
            ("iface-2-ip", "10.0.0.7"),
        ],
    );
    let r = tess.submit("/assets/new", "/assets", &sent).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("This field is required.")
        .assert_contains("Enter an IP address such as 192.168.1.20")
        .assert_contains("Enter a MAC address such as AA:BB:CC:DD:EE:FF.")
        .assert_contains("Enter a date as YYYY-MM-DD.")
        .assert_contains("Choose an entry from the list.")
        .assert_contains("This address is already on another interface of this asset.")
        // What was typed is shown again.
        .assert_contains("value=\"10.0.0.300\"")
        .assert_contains("value=\"31/02/2024\"")
        .assert_contains("value=\"CN-0X1234\"");
    assert_eq!(app.count("SELECT count(*) FROM assets"), 0);

    // Interfaces need a model with IP; a type that cannot be virtual refuses the flag (shown
    // to those holding `asset_virtualization_disp`).
    app.set_right(Profile::Technician, "asset_virtualization_disp", true);
    app.sql()
        .execute_batch(
            "INSERT INTO asset_models (id, type_id, manufacturer_id, name, has_ip) VALUES (2, 1, 1, 'Dock', 0);",
        )
        .expect("model");
    let r = tess
        .submit(
            "/assets/new",
            "/assets",
            &form(WORKSTATION, &[("model", "2"), ("virtual", "1")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Choose a model with IP to give this asset interfaces.")
        .assert_contains("This type of asset cannot be virtual.");
    assert_eq!(app.count("SELECT count(*) FROM assets"), 0);
    app.stop().await;
}

#[tokio::test]
async fn an_address_held_by_an_installed_asset_is_refused_with_its_name() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    create(&tess, WORKSTATION).await;
    let second = form(
        WORKSTATION,
        &[
            ("name", "PC-ACCOUNTS-02"),
            ("iface-0-mac", "AA:BB:CC:DD:EE:09"),
            ("iface-0-ip", "10.0.0.5"),
        ],
    );
    let r = tess.submit("/assets/new", "/assets", &second).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("This address is used by PC-ACCOUNTS-01");
    // Once the first one is recycled (a state that frees its addresses), the address is free.
    app.sql()
        .execute_batch("UPDATE assets SET state_id = 4 WHERE name = 'PC-ACCOUNTS-01'")
        .expect("recycle");
    create(&tess, &second).await;
    assert_eq!(
        app.count("SELECT count(*) FROM asset_ifaces WHERE ip = '10.0.0.5'"),
        2
    );
    app.stop().await;
}

#[tokio::test]
async fn of_two_people_saving_the_same_asset_the_later_is_refused_knowingly() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    let theo = app.login_as("theo", Profile::Technician).await;
    let sheet = create(&tess, WORKSTATION).await;
    let edit = format!("{sheet}/edit");
    let version = |html: &str| {
        crate::common::http::extract_attr(html, r#"name="version" value=""#).expect("version")
    };
    let tess_form = tess.get(&edit).await;
    let theo_form = theo.get(&edit).await;
    let (v1, v2) = (version(&tess_form.body), version(&theo_form.body));
    let r = tess
        .submit(
            &edit,
            &sheet,
            &form(WORKSTATION, &[("version", &v1), ("socket", "B-12")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // Theo's save was based on the version before Tess's: refused, his input kept.
    let r = theo
        .submit(
            &edit,
            &sheet,
            &form(WORKSTATION, &[("version", &v2), ("socket", "C-40")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    r.assert_contains("Someone saved this asset after you opened it")
        .assert_contains("value=\"C-40\"");
    assert_eq!(app.text("SELECT socket FROM assets"), "B-12");
    // Saving again from that form replaces Tess's change, knowingly.
    let again = version(&r.body);
    let r = theo
        .submit(
            &edit,
            &sheet,
            &form(WORKSTATION, &[("version", &again), ("socket", "C-40")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(app.text("SELECT socket FROM assets"), "C-40");
    assert_eq!(
        app.count("SELECT count(*) FROM asset_events WHERE field = 'socket'"),
        2
    );
    app.stop().await;
}

#[tokio::test]
async fn who_may_see_change_and_delete_assets_is_checked_on_every_action() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let sheet = create(&tess, WORKSTATION).await;
    let id = sheet.trim_start_matches("/assets/").to_owned();

    // A requester holds no `asset` right: no entry, pages and actions refused.
    assert!(!ursula.get("/").await.body.contains("href=\"/assets\""));
    for path in [
        "/assets",
        sheet.as_str(),
        "/assets/new",
        "/assets/export.csv",
    ] {
        assert_eq!(
            ursula.get(path).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let token = ursula.get("/profile").await.csrf();
    let r = ursula
        .post_raw(&format!("{sheet}/delete"), &[("_csrf", &token)])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Read-only technicians see the sheet without its actions, and their saves are refused
    // by the rule itself, not only by a hidden button.
    app.set_right(Profile::Technician, "asset_list_view_only", true);
    let page = tess.get(&sheet).await;
    assert!(!page.body.contains("/edit\""));
    assert_eq!(
        tess.get(&format!("{sheet}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    let token = tess.get(&sheet).await.csrf();
    let r = tess
        .post_raw(
            &sheet,
            &form(
                WORKSTATION,
                &[("_csrf", &token), ("version", "1"), ("name", "Renamed")],
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = tess
        .post_raw(
            &format!("{sheet}/notes"),
            &[("_csrf", &token), ("note", "sneaky")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(app.text("SELECT name FROM assets"), "PC-ACCOUNTS-01");
    app.set_right(Profile::Technician, "asset_list_view_only", false);

    // Deleting takes `asset_delete`; the asset leaves the list, its history stays.
    app.set_right(Profile::Technician, "asset_delete", false);
    let token = tess.get(&sheet).await.csrf();
    let r = tess
        .post_raw(&format!("{sheet}/delete"), &[("_csrf", &token)])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    app.set_right(Profile::Technician, "asset_delete", true);
    let r = tess
        .post_raw(&format!("{sheet}/delete"), &[("_csrf", &token)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(tess.get(&sheet).await.status, StatusCode::NOT_FOUND);
    assert!(!tess.get("/assets").await.body.contains("PC-ACCOUNTS-01"));
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM asset_events WHERE asset_id = {id} AND kind = 'deleted'"
        )),
        1
    );

    // Narrowed to one's company: the assets of other companies' users are not there.
    let again = create(
        &tess,
        &form(
            WORKSTATION,
            &[
                ("name", "PC-OTHER"),
                ("iface-0-ip", "10.0.0.8"),
                ("iface-0-mac", ""),
            ],
        ),
    )
    .await;
    app.set_right(Profile::Technician, "asset_list_company_only", true);
    assert!(!tess.get("/assets").await.body.contains("PC-OTHER"));
    assert_eq!(tess.get(&again).await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_batch_is_created_at_once_or_not_at_all_and_shown_in_the_list() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    let batch = [
        ("model", "1"),
        ("state", "1"),
        ("pattern", "LAPTOP-{n:03}"),
        ("start", "98"),
        ("count", "5"),
        ("purchased_on", "2025-01-15"),
    ];
    // A pattern without a number, or too many at once: nothing is created.
    let r = tess
        .submit(
            "/assets/batch",
            "/assets/batch",
            &form(&batch, &[("pattern", "LAPTOP")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Write the number once")
        .assert_contains("value=\"LAPTOP\"");
    let r = tess
        .submit(
            "/assets/batch",
            "/assets/batch",
            &form(&batch, &[("count", "501")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("From 1 to 500 assets per batch.");
    assert_eq!(app.count("SELECT count(*) FROM assets"), 0);

    let r = tess.submit("/assets/batch", "/assets/batch", &batch).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let list = r.location().expect("the list").to_owned();
    let page = tess.get(&list).await;
    for name in [
        "LAPTOP-098",
        "LAPTOP-099",
        "LAPTOP-100",
        "LAPTOP-101",
        "LAPTOP-102",
    ] {
        page.assert_contains(name);
    }
    page.assert_contains("5 assets");
    // Each one has the model's warranty from the purchase date, and its own history.
    assert_eq!(
        app.count("SELECT count(*) FROM assets WHERE warranty_end = '2028-01-15' AND model_id = 1"),
        5
    );
    assert_eq!(
        app.count("SELECT count(*) FROM asset_events WHERE kind = 'created'"),
        5
    );
    app.stop().await;
}

#[tokio::test]
async fn free_addresses_of_a_network_leave_out_reserved_ones_and_the_sheet_links_to_vnc() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    app.set_setting("asset_ip", "1");
    app.set_setting("asset_vnc_link", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    // A /30 network declared from the lists page, written as address/prefix: two host
    // addresses, .5 and .6.
    let r = admin
        .submit(
            "/admin/lists/asset-networks",
            "/admin/lists/asset-networks",
            &[
                ("name", "Printers"),
                ("network", "10.0.0.4/30"),
                ("netmask", ""),
            ],
        )
        .await;
    assert!(r.status.is_redirection(), "{}", r.body);
    assert_eq!(
        app.text("SELECT network || ' ' || netmask FROM asset_networks WHERE name = 'Printers'"),
        "10.0.0.4 255.255.255.252"
    );
    // A prefix beyond 32 is refused with the field's message, nothing stored.
    let r = admin
        .submit(
            "/admin/lists/asset-networks",
            "/admin/lists/asset-networks",
            &[
                ("name", "Wrong"),
                ("network", "10.0.0.0/33"),
                ("netmask", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count("SELECT count(*) FROM asset_networks WHERE name = 'Wrong'"),
        0
    );
    let network = app.count("SELECT id FROM asset_networks WHERE name = 'Printers'");
    let page = tess
        .get(&format!("/assets/free-ip?network={network}"))
        .await;
    page.assert_contains("<code>10.0.0.5</code>")
        .assert_contains("<code>10.0.0.6</code>");
    assert!(!page.body.contains("<code>10.0.0.4</code>"));
    assert!(!page.body.contains("<code>10.0.0.7</code>"));

    // An installed asset takes .5: it is no longer offered, and shown in use.
    let sheet = create(&tess, WORKSTATION).await;
    let page = tess
        .get(&format!("/assets/free-ip?network={network}"))
        .await;
    let free = &page.body[page.body.find("id=\"free-ips\"").expect("free")
        ..page.body.find("id=\"used-ips\"").expect("used")];
    assert!(!free.contains("10.0.0.5"));
    assert!(free.contains("10.0.0.6"));
    page.assert_contains("PC-ACCOUNTS-01");
    tess.get(&sheet)
        .await
        .assert_contains("href=\"vnc://10.0.0.5\"");
    // With the switch off, no page and no link.
    app.set_setting("asset_ip", "0");
    app.set_setting("asset_vnc_link", "0");
    assert_eq!(
        tess.get("/assets/free-ip").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!tess.get(&sheet).await.body.contains("vnc://"));
    app.stop().await;
}

#[tokio::test]
async fn a_requester_sees_the_assets_in_their_name_on_their_profile() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let owner = format!("u{}", app.user_id("ursula"));
    app.sql()
        .execute_batch(
            "INSERT INTO companies (name) VALUES ('Initech');
             UPDATE users SET company_id = (SELECT id FROM companies WHERE name = 'Initech')
             WHERE login = 'ursula';",
        )
        .expect("company");
    let sheet = create(&tess, &form(WORKSTATION, &[("user", &owner)])).await;
    // The sheet names her company, from her account.
    tess.get(&sheet)
        .await
        .assert_contains("<dt>Company</dt><dd>Initech</dd>");
    let profile = ursula.get("/profile").await;
    profile
        .assert_contains("Your equipment")
        .assert_contains("PC-ACCOUNTS-01")
        .assert_contains("Optiplex 3020");
    // Named, not linked: she holds no right to the asset pages.
    assert!(!profile.body.contains("href=\"/assets/"));
    // With the function off, nothing about assets.
    app.set_setting("asset", "0");
    assert!(!ursula.get("/profile").await.body.contains("PC-ACCOUNTS-01"));
    app.stop().await;
}

#[tokio::test]
async fn a_ticket_is_about_one_of_its_requesters_assets_and_the_sheet_lists_it() {
    let peer = crate::common::smtp::SmtpPeer::start();
    let (app, admin) = TestApp::with_admin().await;
    app.use_smtp(&peer);
    app.set_setting("mail_auto", "1");
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    app.login_as("ursula", Profile::User).await;
    app.set_mail("ursula", "ursula@example.test", "en");
    let ursula = app.user_id("ursula");
    let sheet = create(
        &tess,
        &form(WORKSTATION, &[("user", &format!("u{ursula}"))]),
    )
    .await;
    let asset = sheet.trim_start_matches("/assets/").to_owned();
    let other = create(
        &tess,
        &form(
            WORKSTATION,
            &[
                ("name", "PC-RECEPTION"),
                ("iface-0-ip", "10.0.0.9"),
                ("iface-0-mac", ""),
            ],
        ),
    )
    .await;
    let other = other.trim_start_matches("/assets/").to_owned();
    // Technicians hold the asset field's rights by default; the administrator opens a
    // ticket for Ursula about her workstation.
    for r in ["ticket_asset", "ticket_asset_disp", "ticket_new_asset_disp"] {
        app.set_right(Profile::Administrator, r, true);
        app.set_right(Profile::Technician, r, true);
    }
    app.set_right(Profile::Technician, "ticket_asset_user_only", true);
    let ticket = crate::common::open_ticket(
        &app,
        &admin,
        &[
            ("requester", &format!("u{ursula}")),
            ("title", "Screen flickers"),
            ("asset_id", &asset),
        ],
    )
    .await;
    assert_eq!(
        app.count(&format!("SELECT asset_id FROM tickets WHERE id = {ticket}"))
            .to_string(),
        asset
    );
    // Her mail names the asset and its address.
    let mails = peer.wait_for(1, 20).await;
    assert!(
        mails
            .iter()
            .any(|m| m.text.contains("PC-ACCOUNTS-01 (10.0.0.5)")),
        "{:?}",
        mails.iter().map(|m| &m.text).collect::<Vec<_>>()
    );
    tess.get(&sheet)
        .await
        .assert_contains(&format!("href=\"/tickets/{ticket}\""))
        .assert_contains("Screen flickers");

    // The ticket list shows the asset column (`dashboard_col_asset`), sorts and filters by it,
    // and exports it.
    app.set_right(Profile::Technician, "dashboard_col_asset", true);
    let list = tess.get("/tickets?view=all&state=all").await;
    list.assert_contains("class=\"col-asset\"")
        .assert_contains("PC-ACCOUNTS-01");
    let sorted = tess
        .get("/tickets?view=all&state=all&sort=asset&dir=desc")
        .await;
    assert_eq!(sorted.status, StatusCode::OK);
    let found = tess
        .get("/tickets?view=all&state=all&f_asset=accounts")
        .await;
    assert_eq!(crate::common::lists::listed(&found.body), vec![ticket]);
    let none = tess
        .get("/tickets?view=all&state=all&f_asset=reception")
        .await;
    assert!(crate::common::lists::listed(&none.body).is_empty());
    let csv = tess.get("/export/tickets.csv?view=all&state=all").await;
    assert!(csv.body.contains("\"PC-ACCOUNTS-01\""), "{}", csv.body);

    // With the VNC switch, the ticket links to its asset's first address.
    assert!(
        !tess
            .get(&format!("/tickets/{ticket}"))
            .await
            .body
            .contains("vnc://")
    );
    app.set_setting("asset_vnc_link", "1");
    tess.get(&format!("/tickets/{ticket}"))
        .await
        .assert_contains("href=\"vnc://10.0.0.5\"");
    app.set_setting("asset_vnc_link", "0");

    // Limited to the requester's assets: the other one is not offered, and a crafted
    // request naming it is refused with a message.
    let page = tess.get(&format!("/tickets/{ticket}")).await;
    page.assert_contains("PC-ACCOUNTS-01");
    assert!(!page.body.contains("PC-RECEPTION"));
    let r = tess
        .send_ticket_form(
            &format!("/tickets/{ticket}"),
            &[("asset_id", other.as_str())],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    r.assert_contains("Choose one of the requester's assets.");
    assert_eq!(
        app.count(&format!("SELECT asset_id FROM tickets WHERE id = {ticket}"))
            .to_string(),
        asset
    );
    app.stop().await;
}

#[tokio::test]
async fn an_assets_files_are_checked_kept_served_as_attachments_and_noted_in_its_history() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    let sheet = create(&tess, WORKSTATION).await;
    let files = format!("{sheet}/files");

    // A program is refused by its content and name, with the sheet again; nothing is kept.
    let r = tess
        .post_file(
            &files,
            "attachments",
            "setup.exe",
            b"MZ\x90\x00\x03\x00\x00\x00",
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    r.assert_contains("PC-ACCOUNTS-01")
        .assert_contains("class=\"field-error\"");
    assert_eq!(
        app.count("SELECT count(*) FROM attachments WHERE asset_id IS NOT NULL"),
        0
    );

    // An invoice is kept, listed, served as an attachment and noted in the history.
    let r = tess
        .post_file(
            &files,
            "attachments",
            "invoice-2024.txt",
            b"Invoice 2024-031: 1 x OptiPlex",
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = tess.get(&sheet).await;
    page.assert_contains("invoice-2024.txt")
        .assert_contains("<strong>Files</strong>: — → invoice-2024.txt");
    let file = app.count("SELECT id FROM attachments WHERE asset_id IS NOT NULL");
    let stored = app.data_dir().join("attachments").join(app.text(&format!(
        "SELECT storage_name FROM attachments WHERE id = {file}"
    )));
    assert!(stored.is_file());
    let got = tess.get(&format!("{files}/{file}")).await;
    assert_eq!(got.status, StatusCode::OK);
    assert!(
        got.headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("attachment")),
    );
    assert_eq!(got.body, "Invoice 2024-031: 1 x OptiPlex");

    // A read-only technician downloads it but may neither add nor remove.
    app.set_right(Profile::Technician, "asset_list_view_only", true);
    let r = tess
        .post_file(&files, "attachments", "more.txt", b"more")
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let token = tess.get(&sheet).await.csrf();
    let r = tess
        .post_raw(&format!("{files}/{file}/delete"), &[("_csrf", &token)])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    app.set_right(Profile::Technician, "asset_list_view_only", false);

    // Removed: gone from the sheet, the store and the database; the history says so.
    let r = tess
        .post_raw(&format!("{files}/{file}/delete"), &[("_csrf", &token)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        tess.get(&format!("{files}/{file}")).await.status,
        StatusCode::NOT_FOUND
    );
    tess.get(&sheet)
        .await
        .assert_contains("<strong>Files</strong>: invoice-2024.txt → —");
    assert_eq!(app.count("SELECT count(*) FROM attachments"), 0);
    assert!(!stored.exists());
    app.stop().await;
}

#[tokio::test]
async fn with_many_assets_the_tickets_asset_field_searches_them() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    for r in ["ticket_asset", "ticket_asset_disp"] {
        app.set_right(Profile::Technician, r, true);
    }
    app.set_right(Profile::Technician, "ticket_asset_user_only", false);
    // More than the field lists at once.
    let batch = [
        ("model", "1"),
        ("state", "2"),
        ("pattern", "DESK-{n:03}"),
        ("start", "1"),
        ("count", "250"),
    ];
    let r = tess.submit("/assets/batch", "/assets/batch", &batch).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let ticket = crate::common::open_ticket(&app, &admin, &[("title", "Desk phone")]).await;
    let page = tess.get(&format!("/tickets/{ticket}")).await;
    page.assert_contains("data-search-url=\"/assets/choices\"");
    assert!(!page.body.contains("DESK-250"), "every asset listed");

    // The search answers what is typed, by any part of a name.
    let found = tess.get("/assets/choices?q=desk-24").await;
    assert_eq!(found.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&found.body).expect("json");
    let names: Vec<&str> = json
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|m| m["label"].as_str())
        .collect();
    assert!(
        names.contains(&"DESK-240") && names.contains(&"DESK-249"),
        "{names:?}"
    );
    assert!(names.len() <= 20);
    // Choosing one saves it.
    let desk = app
        .count("SELECT id FROM assets WHERE name = 'DESK-245'")
        .to_string();
    let r = tess
        .send_ticket_form(
            &format!("/tickets/{ticket}"),
            &[("asset_id", desk.as_str())],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count(&format!("SELECT asset_id FROM tickets WHERE id = {ticket}"))
            .to_string(),
        desk
    );
    // Requesters may not search assets; limited technicians get nothing to search.
    assert_eq!(
        ursula.get("/assets/choices?q=desk").await.status,
        StatusCode::FORBIDDEN
    );
    app.set_right(Profile::Technician, "ticket_asset_user_only", true);
    assert_eq!(tess.get("/assets/choices?q=desk").await.body, "[]");
    app.stop().await;
}
