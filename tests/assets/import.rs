//! Importing assets from a CSV file: a technician previews a spreadsheet's export line by line,
//! confirms it once, and finds the assets, their new list values and their history; files
//! beyond the bounds are refused whole; the shell command and the watched folder follow the
//! same rules; who may import. And the pictures of models, shown on their assets' sheets.

use std::time::{Duration, SystemTime};

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{Client, TestApp, run_gestdesk};

/// An installed workstation (model 1, with IP) holding 10.0.0.5 and MAC AA:BB:CC:DD:EE:01.
async fn workstation(client: &Client) {
    let r = client
        .submit(
            "/assets/new",
            "/assets",
            &[
                ("name", "PC-ACCOUNTS-01"),
                ("state", "2"),
                ("model", "1"),
                ("sn_manufacturer", "CN-0X1234"),
                ("iface-0-ip", "10.0.0.5"),
                ("iface-0-mac", "aa-bb-cc-dd-ee-01"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

/// The address of the confirmation form in a preview page.
fn confirm_action(body: &str) -> String {
    let at = body
        .find("id=\"asset-import-confirm\"")
        .expect("a confirmation form");
    let action = &body[at..];
    let start = action.find("action=\"").expect("action") + 8;
    let end = action[start..].find('"').expect("end") + start;
    action[start..end].to_owned()
}

/// A file as an older spreadsheet writes it: Windows-1252, comma-separated, CRLF.
fn windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[tokio::test]
async fn a_technician_previews_a_spreadsheet_line_by_line_then_imports_it_once() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    app.login_as("ursula", Profile::User).await;
    workstation(&tess).await;

    // The stock view leads to the import, which offers the template.
    tess.get("/assets")
        .await
        .assert_contains("href=\"/assets/import\"");
    let template = tess.get("/assets/import/template.csv").await;
    assert_eq!(template.status, StatusCode::OK);
    assert!(
        template
            .body
            .starts_with("\u{feff}name;type;manufacturer;model;state;user"),
        "{}",
        template.body
    );

    let file = windows_1252(
        "name,manufacturer,model,type,location,user,mac,ip,virtual,purchased_on\r\n\
         PC-ACCOUNTS-01,,,,Salle serveur,ursula,aa:bb:cc:dd:ee:01,,,\r\n\
         Imprimante étage,HP,LaserJet 400,Imprimante,Salle serveur,,00-11-22-33-44-55,10.0.0.50,non,14/03/2025\r\n\
         Broken IP,,Optiplex 3020,,,,,10.0.0.300,,\r\n\
         Broken MAC,,Optiplex 3020,,,,zz:11,,,\r\n\
         Same printer,,,,,,001122334455,,,\r\n\
         Address taken,,Optiplex 3020,,,,,10.0.0.5,,\r\n\
         Nobody's,,,,,nobody,,,,\r\n\
         Not a flag,,,,,,,,maybe,\r\n\
         Too wide,,,,,,,,,,extra\r\n",
    );
    let preview = tess
        .post_file("/assets/import", "file", "stock.csv", &file)
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    preview
        .assert_contains("To create: 1 · To update: 1 · Unchanged: 0 · Refused: 7")
        .assert_contains("Read as Windows-1252, cells separated by “,”.")
        .assert_contains("Imprimante étage")
        .assert_contains("LaserJet 400")
        .assert_contains("Salle serveur")
        .assert_contains("ip: ")
        .assert_contains("mac: ")
        .assert_contains("the same asset as line 3")
        .assert_contains("PC-ACCOUNTS-01")
        .assert_contains("no account with the login or address “nobody”")
        .assert_contains("virtual: expected yes or no")
        .assert_contains("a cell in column 11");
    // Nothing is written by a preview.
    assert_eq!(
        app.count("SELECT count(*) FROM assets WHERE name = 'Imprimante étage'"),
        0
    );
    assert_eq!(
        app.count("SELECT count(*) FROM asset_models WHERE name = 'LaserJet 400'"),
        0
    );
    // The preview can be shown again while it waits.
    let action = confirm_action(&preview.body);
    tess.get(&action)
        .await
        .assert_contains("To create: 1 · To update: 1");

    let done = tess.submit(&action, &action, &[]).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    done.assert_contains("The file was imported.")
        .assert_contains("Created: 1 · Updated: 1 · Unchanged: 0 · Refused: 7");
    assert_eq!(
        app.count(
            "SELECT count(*) FROM assets a
             JOIN asset_models m ON m.id = a.model_id
             JOIN asset_types t ON t.id = a.type_id AND t.id = m.type_id
             JOIN asset_manufacturers f ON f.id = a.manufacturer_id
             JOIN asset_ifaces i ON i.asset_id = a.id
             WHERE a.name = 'Imprimante étage' AND m.name = 'LaserJet 400' AND m.has_ip = 1
               AND t.name = 'Imprimante' AND f.name = 'HP' AND a.purchased_on = '2025-03-14'
               AND i.ip = '10.0.0.50' AND i.mac = '00:11:22:33:44:55'"
        ),
        1
    );
    // The workstation matched by its MAC: a new location and its user, in its history.
    assert_eq!(
        app.count(
            "SELECT count(*) FROM assets a JOIN asset_locations l ON l.id = a.location_id
             JOIN users u ON u.id = a.user_id
             WHERE a.name = 'PC-ACCOUNTS-01' AND l.name = 'Salle serveur' AND u.login = 'ursula'"
        ),
        1
    );
    assert_eq!(
        app.count("SELECT count(*) FROM asset_locations WHERE name = 'Salle serveur'"),
        1
    );
    let sheet = tess.get("/assets?q=PC-ACCOUNTS").await;
    assert!(sheet.body.contains("PC-ACCOUNTS-01"));
    assert_eq!(
        app.count(
            "SELECT count(*) FROM asset_events e JOIN assets a ON a.id = e.asset_id
             WHERE a.name = 'PC-ACCOUNTS-01' AND e.kind = 'changed' AND e.field = 'location'"
        ),
        1
    );

    // A second confirmation (a double click, a replay) imports nothing more.
    let again = tess
        .post_raw(&action, &[("_csrf", &tess.get("/assets").await.csrf())])
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    again.assert_contains("already imported");
    assert_eq!(
        app.count("SELECT count(*) FROM assets WHERE name = 'Imprimante étage'"),
        1
    );
    // The import is logged with what it did.
    tess.get("/assets/import")
        .await
        .assert_contains("stock.csv")
        .assert_contains("Created: 1 · Updated: 1 · Unchanged: 0 · Refused: 7");
    app.stop().await;
}

#[tokio::test]
async fn files_beyond_the_bounds_are_refused_whole_and_write_nothing() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    let before = app.count("SELECT count(*) FROM assets");
    let many = format!("name\n{}", "PC\n".repeat(100_000));
    let wide = format!("name\n{}\n", "x;".repeat(10_000));
    let long = format!("name;description\nPC;{}\n", "x".repeat(1_000_000));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "binary.csv",
            b"PK\x03\x04\x00\x00binary".to_vec(),
            "This is not a CSV text file.",
        ),
        ("many.csv", many.into_bytes(), "more than 20000 lines"),
        ("wide.csv", wide.into_bytes(), "more than 64 cells"),
        ("long.csv", long.into_bytes(), "longer than 5000 characters"),
        (
            "colour.csv",
            b"name;colour\nPC;red\n".to_vec(),
            "Unknown column “colour”",
        ),
        (
            "nameless.csv",
            b"ip\n10.0.0.1\n".to_vec(),
            "no “name” column",
        ),
        ("huge.csv", vec![b'a'; 9 * 1024 * 1024], "larger than 8 MB"),
    ];
    for (name, bytes, why) in cases {
        let r = tess.post_file("/assets/import", "file", name, &bytes).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        r.assert_contains(why);
        assert!(!r.body.contains("asset-import-confirm"), "{name}");
    }
    let none = tess
        .post_file("/assets/import", "other", "x.csv", b"name\nPC\n")
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    none.assert_contains("Choose a CSV file to import.");
    assert_eq!(app.count("SELECT count(*) FROM assets"), before);
    app.stop().await;
}

#[tokio::test]
async fn only_those_who_may_create_assets_import_and_only_their_own_previews() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    let theo = app.login_as("theo", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let preview = tess
        .post_file("/assets/import", "file", "a.csv", b"name\nPC-TESS\n")
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    let action = confirm_action(&preview.body);
    // Another technician finds no such preview, and cannot confirm it.
    assert_eq!(theo.get(&action).await.status, StatusCode::NOT_FOUND);
    let stolen = theo
        .post_raw(&action, &[("_csrf", &theo.get("/assets").await.csrf())])
        .await;
    assert_eq!(stolen.status, StatusCode::CONFLICT);
    // A requester has no import at all.
    for path in ["/assets/import", "/assets/import/template.csv"] {
        assert_eq!(
            ursula.get(path).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let r = ursula
        .post_file("/assets/import", "file", "a.csv", b"name\nPC\n")
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Nor does a technician who only reads the inventory, even with a preview waiting.
    app.set_right(Profile::Technician, "asset_list_view_only", true);
    assert_eq!(
        tess.get("/assets/import").await.status,
        StatusCode::FORBIDDEN
    );
    let r = tess
        .post_raw(&action, &[("_csrf", &tess.get("/assets").await.csrf())])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    app.set_right(Profile::Technician, "asset_list_view_only", false);
    assert_eq!(
        app.count("SELECT count(*) FROM assets WHERE name = 'PC-TESS'"),
        0
    );
    let done = tess.submit(&action, &action, &[]).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert_eq!(
        app.count("SELECT count(*) FROM assets WHERE name = 'PC-TESS'"),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn the_shell_and_the_watched_folder_import_with_the_same_rules() {
    let (app, _admin) = TestApp::with_admin().await;
    let work = tempfile::tempdir().expect("temp dir");
    let file = work.path().join("servers.csv");
    std::fs::write(
        &file,
        "name;type;model;ip\nSRV-01;Serveur;VM;10.1.0.1\nSRV-02;Serveur;VM;10.1.0.999\n",
    )
    .expect("write");
    let dir = app.data_dir();
    let path = file.to_str().expect("utf-8 path");

    let (ok, out) = run_gestdesk(dir, &["assets", "import", path, "--dry-run"]);
    assert!(ok, "{out}");
    assert!(out.contains("Dry run: nothing was changed."), "{out}");
    assert!(
        out.contains("Created: 1 · Updated: 0 · Unchanged: 0 · Refused: 1"),
        "{out}"
    );
    assert!(out.contains("3 SRV-02: Refused: ip: "), "{out}");
    assert_eq!(app.count("SELECT count(*) FROM assets"), 0);
    assert_eq!(
        app.count("SELECT count(*) FROM asset_models WHERE name = 'VM'"),
        0
    );
    assert_eq!(app.count("SELECT count(*) FROM asset_imports"), 0);

    let (ok, out) = run_gestdesk(dir, &["assets", "import", path]);
    assert!(ok, "{out}");
    assert!(
        out.contains("Created: 1 · Updated: 0 · Unchanged: 0 · Refused: 1"),
        "{out}"
    );
    // The new model takes the line's type and, since the line has an address, IP.
    assert_eq!(
        app.count(
            "SELECT count(*) FROM assets a JOIN asset_types t ON t.id = a.type_id
             JOIN asset_models m ON m.id = a.model_id AND m.type_id = t.id AND m.has_ip = 1
             WHERE a.name = 'SRV-01' AND t.name = 'Serveur'"
        ),
        1
    );
    // Again: the same server, unchanged.
    let (ok, out) = run_gestdesk(dir, &["assets", "import", path]);
    assert!(ok, "{out}");
    assert!(
        out.contains("Created: 0 · Updated: 0 · Unchanged: 1 · Refused: 1"),
        "{out}"
    );
    let (ok, out) = run_gestdesk(dir, &["assets", "import", "/nonexistent.csv"]);
    assert!(!ok, "{out}");
    let binary = work.path().join("binary.csv");
    std::fs::write(&binary, b"\x00\x01\x02").expect("write");
    let (ok, out) = run_gestdesk(dir, &["assets", "import", binary.to_str().expect("path")]);
    assert!(!ok && out.contains("This is not a CSV text file."), "{out}");

    // Dropped in the folder: imported, then filed with a report next to it.
    let folder = dir.join("imports").join("assets");
    std::fs::create_dir_all(&folder).expect("folder");
    let settled = SystemTime::now() - Duration::from_secs(60);
    for (name, text) in [
        ("printers.csv", "name;ip\nPRN-01;\nPRN-02;\n".as_bytes()),
        ("junk.csv", b"\x00\x01binary".as_slice()),
    ] {
        let p = folder.join(name);
        std::fs::write(&p, text).expect("write");
        std::fs::File::options()
            .write(true)
            .open(&p)
            .and_then(|f| f.set_modified(settled))
            .expect("settle");
    }
    let mut waited = Duration::ZERO;
    while folder.join("printers.csv").exists() || folder.join("junk.csv").exists() {
        assert!(
            waited < Duration::from_secs(40),
            "the folder was not imported"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
        waited += Duration::from_millis(250);
    }
    let filed = |sub: &str, suffix: &str| {
        std::fs::read_dir(folder.join(sub))
            .expect("filed")
            .map(|e| e.expect("entry").path())
            .find(|p| p.to_string_lossy().ends_with(suffix))
            .unwrap_or_else(|| panic!("no {suffix} in {sub}"))
    };
    filed("done", "printers.csv");
    let report = std::fs::read_to_string(filed("done", "printers.csv.report.txt")).expect("report");
    assert!(report.contains("Created: 2"), "{report}");
    let failed = std::fs::read_to_string(filed("failed", "junk.csv.report.txt")).expect("report");
    assert!(failed.contains("This is not a CSV text file."), "{failed}");
    assert_eq!(
        app.count("SELECT count(*) FROM assets WHERE name LIKE 'PRN-0%'"),
        2
    );
    assert_eq!(
        app.count("SELECT count(*) FROM asset_imports WHERE source = 'folder'"),
        2
    );
    app.stop().await;
}

/// A model's picture: an administrator gives the model a picture from its list page; the
/// sheets of its assets show it; it is served as the picture it is; a file that is no picture
/// comes back with the reason; only list managers change it, only asset holders see it.
#[tokio::test]
async fn a_model_s_picture_is_shown_on_its_assets_sheets() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    workstation(&tess).await;
    let asset = app.count("SELECT id FROM assets WHERE name = 'PC-ACCOUNTS-01'");
    let page = admin.get("/admin/lists/asset-models/1").await;
    page.assert_contains("id=\"model-picture\"");
    // Something else named .png is refused, by its bytes.
    let refused = admin
        .post_file(
            "/admin/lists/asset-models/1/picture",
            "picture",
            "photo.png",
            b"<svg onload=alert(1)>",
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_contains("This is not a PNG, JPEG or WebP picture.");
    let big = [crate::common::PNG_LOGO, &vec![0u8; 2 * 1024 * 1024]].concat();
    let refused = admin
        .post_file(
            "/admin/lists/asset-models/1/picture",
            "picture",
            "big.png",
            &big,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_contains("larger than 1024 KB");
    // Only those who manage lists give pictures.
    let r = tess
        .post_file(
            "/admin/lists/asset-models/1/picture",
            "picture",
            "p.png",
            crate::common::PNG_LOGO,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Another list has no pictures.
    let r = admin
        .post_file(
            "/admin/lists/asset-types/1/picture",
            "picture",
            "p.png",
            crate::common::PNG_LOGO,
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    let sent = admin
        .post_file(
            "/admin/lists/asset-models/1/picture",
            "picture",
            "optiplex.png",
            crate::common::PNG_LOGO,
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let sheet = tess.get(&format!("/assets/{asset}")).await;
    sheet.assert_contains("class=\"model-picture\" src=\"/assets/models/1/picture?v=");
    let picture = tess.get("/assets/models/1/picture").await;
    assert_eq!(picture.status, StatusCode::OK);
    assert_eq!(picture.headers["content-type"], "image/png");
    assert_eq!(picture.headers["x-content-type-options"], "nosniff");
    // A requester sees no assets, so no pictures.
    assert_eq!(
        ursula.get("/assets/models/1/picture").await.status,
        StatusCode::FORBIDDEN
    );
    // Removed: the sheet shows none, and there is nothing to fetch.
    let removed = admin
        .submit(
            "/admin/lists/asset-models/1",
            "/admin/lists/asset-models/1/picture/delete",
            &[],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(
        !tess
            .get(&format!("/assets/{asset}"))
            .await
            .body
            .contains("model-picture")
    );
    assert_eq!(
        tess.get("/assets/models/1/picture").await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}
