//! Network discovery against real hosts, inside the test LAN of `tests/peers/net-up.sh`: a
//! dry run lists what would change and changes nothing; the real run creates the hosts it does
//! not know (a Windows-like host named by its NetBIOS answer, with its real MAC address) and
//! fills the MAC address of the asset it matched by IP; a second run changes nothing; a network
//! too large is refused with its reason; a scan in progress shows and stops, and a second scan
//! of the same network waits for it; only holders of `asset_net_scan` may do any of it.

use std::time::{Duration, Instant};

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::netns::{self, ICMP_HOST, NBNS_HOST, NBNS_MAC, NBNS_NAME};
use crate::common::{Client, TestApp};

/// Declares network `cidr` named `name`, flagged for discovery; returns its id.
async fn declare(app: &TestApp, admin: &Client, name: &str, cidr: &str) -> i64 {
    let r = admin
        .submit(
            "/admin/lists/asset-networks",
            "/admin/lists/asset-networks",
            &[
                ("name", name),
                ("network", cidr),
                ("netmask", ""),
                ("scan", "1"),
            ],
        )
        .await;
    assert!(r.status.is_redirection(), "{}", r.body);
    app.count(&format!(
        "SELECT id FROM asset_networks WHERE name = '{name}'"
    ))
}

/// Waits until `n` discoveries that are not dry runs are logged.
async fn runs_done(app: &TestApp, n: i64) {
    let started = Instant::now();
    while app.count("SELECT count(*) FROM network_runs WHERE kind = 'scan' AND dry_run = 0") < n {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "discovery did not end"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[test]
fn a_network_is_discovered_once_and_a_second_run_changes_nothing() {
    if !netns::lan() {
        return;
    }
    netns::inside(|| async {
        let (app, admin) = TestApp::with_admin().await;
        app.set_setting("asset", "1");
        app.set_setting("asset_ip", "1");
        let lan = declare(&app, &admin, "Test LAN", "10.79.0.0/24").await;
        declare(&app, &admin, "Whole company", "10.0.0.0/8").await;
        let tess = app.login_as("tess", Profile::Technician).await;
        // Without the right, no page and no action.
        app.set_right(Profile::Technician, "asset_net_scan", false);
        assert_eq!(
            tess.get("/assets/discovery").await.status,
            StatusCode::FORBIDDEN
        );
        let r = tess
            .submit("/assets", &format!("/assets/discovery/{lan}/run"), &[])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        app.set_right(Profile::Technician, "asset_net_scan", true);

        // The printer is known by its address only.
        let r = tess
            .submit(
                "/assets/new",
                "/assets",
                &[
                    ("name", "PRINTER-2ND-FLOOR"),
                    ("state", "2"),
                    ("model", "1"),
                    ("iface-0-role", "1"),
                    ("iface-0-ip", ICMP_HOST),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let printer = r.location().expect("sheet").to_owned();

        let page = tess.get("/assets/discovery").await;
        page.assert_contains("Test LAN")
            .assert_contains("10.79.0.0/24")
            // Too large a network says why instead of offering the buttons.
            .assert_contains("10.0.0.0/8 is too large to discover");

        // The dry run: every host that answers, nothing changed.
        let before = app.count("SELECT count(*) FROM assets");
        let r = tess
            .submit(
                "/assets/discovery",
                &format!("/assets/discovery/{lan}/dry-run"),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        r.assert_contains("Dry run: nothing was changed")
            .assert_contains(&format!("new asset {NBNS_NAME} at {NBNS_HOST}"))
            .assert_contains(&format!("<code>{NBNS_MAC}</code>"))
            .assert_contains("<code>02:79:00:00:00:02</code>");
        // The scanner itself, the TCP-only host, the Wake-on-LAN host and the Windows host are
        // new; the printer gets its MAC address; the silent host is nowhere.
        assert_eq!(
            r.body.matches("data-change=\"create\"").count(),
            4,
            "{}",
            r.body
        );
        assert_eq!(r.body.matches("data-change=\"fill\"").count(), 1);
        assert!(!r.body.contains("10.79.0.4"));
        assert_eq!(app.count("SELECT count(*) FROM assets"), before);

        // From the shell, whose hosts file gives the TCP-only host a DNS name.
        let (ok, out) = netns::gestdesk_in_lan(
            app.data_dir(),
            &[],
            &["net", "scan", "--network", "test lan", "--dry-run"],
        );
        assert!(ok, "{out}");
        assert!(out.contains("Dry run: nothing will be changed."), "{out}");
        assert!(out.contains("new asset nas.test.lan at 10.79.0.3"), "{out}");
        assert_eq!(app.count("SELECT count(*) FROM assets"), before);

        // The real run, in the background.
        let r = tess
            .submit(
                "/assets/discovery",
                &format!("/assets/discovery/{lan}/run"),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        runs_done(&app, 1).await;
        assert_eq!(app.count("SELECT count(*) FROM assets"), before + 4);
        assert_eq!(
            app.text(&format!(
                "SELECT a.name || ' ' || i.netbios || ' ' || i.mac FROM assets a
                 JOIN asset_ifaces i ON i.asset_id = a.id WHERE i.ip = '{NBNS_HOST}'"
            )),
            format!("{NBNS_NAME} {NBNS_NAME} {NBNS_MAC}")
        );
        tess.get(&printer)
            .await
            .assert_contains("<code>02:79:00:00:00:02</code>");
        let log = tess.get("/assets/discovery").await;
        log.assert_contains("Discovery log")
            .assert_contains("dry run");

        // Again, from the shell: nothing left to change.
        let (ok, out) = netns::gestdesk_in_lan(app.data_dir(), &[], &["net", "scan"]);
        assert!(ok || out.contains("could not be discovered"), "{out}");
        assert!(
            out.contains("Test LAN (10.79.0.0/24): Answered: 5 of 254 addresses · assets created: 0 · fields filled: 0."),
            "{out}"
        );
        assert!(out.contains("10.0.0.0/8 is too large to discover"), "{out}");
        assert_eq!(app.count("SELECT count(*) FROM assets"), before + 4);
        app.stop().await;
    });
}

#[test]
fn a_scan_in_progress_shows_how_far_it_is_and_stops_when_asked() {
    if !netns::lan() {
        return;
    }
    netns::inside(|| async {
        let (app, admin) = TestApp::with_admin().await;
        app.set_setting("asset", "1");
        app.set_setting("asset_ip", "1");
        // A /20 at 100 addresses a second: forty seconds unless stopped.
        app.set_setting("net.ping_rate", "100");
        let wide = declare(&app, &admin, "Wide", "10.79.16.0/20").await;
        let r = admin
            .submit(
                "/assets/discovery",
                &format!("/assets/discovery/{wide}/run"),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = admin.follow(r).await;
        page.assert_contains("The discovery has started");
        let started = Instant::now();
        loop {
            let page = admin.get("/assets/discovery").await;
            if page.body.contains("probes done") {
                page.assert_contains("id=\"scans-running\"");
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "{}", page.body);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // A second discovery of the same network waits for the first.
        let r = admin
            .submit(
                "/assets/discovery",
                &format!("/assets/discovery/{wide}/run"),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        admin
            .get("/assets/discovery")
            .await
            .assert_contains("waiting for the scan of this network already running");
        // Pages stay fast while it runs.
        let asked = Instant::now();
        assert_eq!(admin.get("/assets").await.status, StatusCode::OK);
        assert!(asked.elapsed() < Duration::from_secs(1));
        let r = admin
            .submit(
                "/assets/discovery",
                &format!("/assets/discovery/{wide}/stop"),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // Both stop: the one running, and the one waiting as soon as its turn comes.
        runs_done(&app, 2).await;
        assert!(started.elapsed() < Duration::from_secs(20));
        assert_eq!(
            app.count("SELECT count(*) FROM network_runs WHERE kind = 'scan' AND stopped = 1"),
            2
        );
        app.stop().await;
    });
}
