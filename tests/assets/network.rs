//! Network tools against real hosts: the stories run inside the test LAN of
//! `tests/peers/net-up.sh` (network namespaces; nothing leaves them). A technician pings a host
//! that answers pings, one that answers only TCP and one that answers nothing, and sees the
//! right flag; wakes an asset and the listener gets the exact magic packet; the scheduled ping
//! and `gestdesk net` do the same; with raw sockets denied, the server falls back and says so.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::netns::{self, ICMP_HOST, MUTE_HOST, TCP_HOST, WOL_HOST, WOL_MAC};
use crate::common::{Client, TestApp};

/// Creates an asset of model 1 (with IP) named `name` at `ip` with `mac`; returns its address.
async fn asset(client: &Client, name: &str, ip: &str, mac: &str) -> String {
    let r = client
        .submit(
            "/assets/new",
            "/assets",
            &[
                ("name", name),
                ("state", "2"),
                ("model", "1"),
                ("iface-0-role", "1"),
                ("iface-0-ip", ip),
                ("iface-0-mac", mac),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().expect("redirect").to_owned()
}

/// An instance with assets and their IP management on, and a technician.
async fn instance() -> (TestApp, Client, Client) {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    app.set_setting("asset_ip", "1");
    let tess = app.login_as("tess", Profile::Technician).await;
    (app, admin, tess)
}

/// The id at the end of an asset's address.
fn id_of(sheet: &str) -> &str {
    sheet.rsplit('/').next().expect("id")
}

#[test]
fn each_kind_of_host_gets_the_right_answer_and_flag() {
    if !netns::lan() {
        return;
    }
    netns::inside(|| async {
        let (app, _admin, tess) = instance().await;
        let up = asset(&tess, "PRINTER-ICMP", ICMP_HOST, "").await;
        let tcp = asset(&tess, "NAS-TCP-ONLY", TCP_HOST, "").await;
        let mute = asset(&tess, "PC-SWITCHED-OFF", MUTE_HOST, "").await;

        // Before any ping, each flag is red.
        let list = tess.get("/assets").await;
        assert_eq!(list.body.matches("ping-flag ping-flag-never").count(), 3);

        // From the sheet: the answer time is shown at once.
        for (sheet, answered) in [(&up, true), (&tcp, true), (&mute, false)] {
            let r = tess.submit(sheet, &format!("{sheet}/ping"), &[]).await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
            r.assert_contains("id=\"ping-results\"");
            if answered {
                r.assert_contains("data-answered=\"1\"")
                    .assert_contains("answered in");
            } else {
                r.assert_contains("data-answered=\"0\"")
                    .assert_contains("no answer");
            }
            // Running as root, the server sends real pings.
            r.assert_contains("ICMP echo (ping) through a raw socket");
        }
        // The flags: green for the two that answered, red for the silent one.
        let list = tess.get("/assets").await;
        assert_eq!(
            list.body.matches("ping-flag ping-flag-seen").count(),
            2,
            "{}",
            list.body
        );
        assert_eq!(list.body.matches("ping-flag ping-flag-never").count(), 1);
        assert!(list.body.contains("Last answered a ping on"));
        assert_eq!(
            app.count("SELECT count(*) FROM asset_ifaces WHERE last_ping_ko IS NOT NULL"),
            1
        );

        // An answer older than sixty days turns the flag orange; an edit keeps the dates.
        let old = gestdesk::domain::clock::now() - 61 * 86_400;
        app.sql()
            .execute(
                "UPDATE asset_ifaces SET last_ping_ok = ?1 WHERE ip = ?2",
                rusqlite::params![old, TCP_HOST],
            )
            .expect("age");
        let edit = format!("{tcp}/edit");
        let r = tess
            .submit(
                &edit,
                &tcp,
                &[
                    ("version", "1"),
                    ("name", "NAS-TCP-ONLY-2"),
                    ("state", "2"),
                    ("model", "1"),
                    ("iface-0-role", "1"),
                    ("iface-0-ip", TCP_HOST),
                    ("iface-0-mac", ""),
                ],
            )
            .await;
        assert!(r.status.is_redirection(), "{}", r.body);
        tess.get(&tcp)
            .await
            .assert_contains("ping-flag ping-flag-stale");

        // The list's selection: the three at once, one line each.
        let page = tess.get("/assets").await;
        let csrf = page.csrf();
        let r = tess
            .post_raw(
                "/assets/network",
                &[
                    ("_csrf", &csrf),
                    ("action", "ping"),
                    ("id", id_of(&up)),
                    ("id", id_of(&tcp)),
                    ("id", id_of(&mute)),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.body.matches("data-answered=\"1\"").count(), 2);
        assert_eq!(r.body.matches("data-answered=\"0\"").count(), 1);
        r.assert_contains("Answered: 2 of 3 addresses");

        // The export carries the last answer's date.
        let csv = tess.get("/assets/export.csv").await;
        assert!(csv.body.contains("Last answer"), "{}", csv.body);
        let today = jiff::tz::TimeZone::system()
            .to_datetime(jiff::Timestamp::now())
            .strftime("%Y-%m-%d")
            .to_string();
        assert_eq!(csv.body.matches(&today).count(), 2, "{}", csv.body);
        app.stop().await;
    });
}

#[test]
fn waking_an_asset_sends_the_exact_magic_packet_and_notes_it() {
    if !netns::lan() {
        return;
    }
    netns::inside(|| async {
        let (app, admin, tess) = instance().await;
        // The host's network is declared: its broadcast address is used as well.
        let r = admin
            .submit(
                "/admin/lists/asset-networks",
                "/admin/lists/asset-networks",
                &[
                    ("name", "Test LAN"),
                    ("network", "10.79.0.0/24"),
                    ("netmask", ""),
                ],
            )
            .await;
        assert!(r.status.is_redirection(), "{}", r.body);
        let sheet = asset(&tess, "PC-SLEEPING", WOL_HOST, "02-79-00-00-00-05").await;
        tess.get(&sheet)
            .await
            .assert_contains("Wake up (Wake-on-LAN)");

        let listener = netns::listen_for_magic(10);
        let r = tess.submit(&sheet, &format!("{sheet}/wake"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let heard = netns::heard(listener);
        let mac = "027900000005";
        let magic = format!("{}{}", "ff".repeat(6), mac.repeat(16));
        assert!(
            heard
                .iter()
                .any(|l| l.ends_with(&magic) && l.starts_with("10.79.0.1 ")),
            "{heard:?}"
        );
        tess.follow(r)
            .await
            .assert_contains("The Wake-on-LAN magic packets were sent.")
            .assert_contains(&format!("sent the Wake-on-LAN magic packet to {WOL_MAC}."));

        // A reader who may not change assets may not wake them, whatever they send.
        app.set_right(Profile::Technician, "asset_list_view_only", true);
        let r = tess.submit(&sheet, &format!("{sheet}/wake"), &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        assert_eq!(
            app.count("SELECT count(*) FROM asset_events WHERE field = 'wake'"),
            1
        );

        // From the command line, by name.
        let (ok, out) =
            netns::gestdesk_in_lan(app.data_dir(), &[], &["net", "wake", "pc-sleeping"]);
        assert!(ok, "{out}");
        assert!(
            out.contains("Magic packet for 02:79:00:00:00:05 sent to 10.79.0.255, 255.255.255.255"),
            "{out}"
        );
        let (ok, out) =
            netns::gestdesk_in_lan(app.data_dir(), &[], &["net", "wake", "nothing-here"]);
        assert!(!ok);
        assert!(out.contains("No asset is called or numbered"), "{out}");
        app.stop().await;
    });
}

#[test]
fn the_scheduled_ping_and_the_command_line_ping_every_asset_and_fall_back_without_raw_sockets() {
    if !netns::lan() {
        return;
    }
    netns::inside(|| async {
        let (app, admin, tess) = instance().await;
        asset(&tess, "PRINTER-ICMP", ICMP_HOST, "").await;
        asset(&tess, "NAS-TCP-ONLY", TCP_HOST, "").await;
        asset(&tess, "PC-SWITCHED-OFF", MUTE_HOST, "").await;

        // Off by default; once turned on, the next look at the schedule pings everything.
        let db = app.app.db().clone();
        let said = gestdesk::jobs::ping_all::check(&db, gestdesk::jobs::supervisor::Run::Scheduled)
            .await
            .expect("check");
        assert_eq!(said, "not due");
        let r = admin
            .submit(
                "/admin/network",
                "/admin/network",
                &[
                    ("net.ping_every_hours", "24"),
                    ("net.ping_rate", "500"),
                    ("net.ping_timeout_ms", "800"),
                    ("net.wol_port", "9"),
                ],
            )
            .await;
        assert!(r.status.is_redirection(), "{}", r.body);
        let said = gestdesk::jobs::ping_all::check(&db, gestdesk::jobs::supervisor::Run::Scheduled)
            .await
            .expect("check");
        assert!(
            said.starts_with("scheduled ping: 2 of 3 interfaces answered"),
            "{said}"
        );
        assert_eq!(
            gestdesk::jobs::ping_all::check(&db, gestdesk::jobs::supervisor::Run::Scheduled)
                .await
                .expect("check"),
            "not due"
        );
        let page = admin.get("/admin/network").await;
        page.assert_contains("Latest runs")
            .assert_contains("<td>schedule</td>")
            .assert_contains("2 / 3")
            .assert_contains("data-method=\"raw-icmp\"");

        // Wrong settings come back with what was typed.
        let r = admin
            .submit(
                "/admin/network",
                "/admin/network",
                &[
                    ("net.ping_every_hours", "24"),
                    ("net.ping_rate", "0"),
                    ("net.ping_timeout_ms", "lots"),
                    ("net.wol_port", "70000"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        r.assert_contains("value=\"lots\"")
            .assert_contains("value=\"70000\"");
        assert_eq!(
            app.text("SELECT value FROM settings WHERE key = 'net.ping_timeout_ms'"),
            "800"
        );

        // The command line, as root: real pings.
        let (ok, out) = netns::gestdesk_in_lan(app.data_dir(), &[], &["net", "ping-all"]);
        assert!(ok, "{out}");
        assert!(
            out.contains("Probing method: ICMP echo (ping) through a raw socket"),
            "{out}"
        );
        assert!(out.contains("Answered: 2 of 3 interfaces"), "{out}");
        // Denied raw sockets (and the system's ping sockets, off by default), it knocks on TCP
        // ports instead, and still finds both hosts that are up.
        let denied = ["setpriv", "--inh-caps=-net_raw", "--bounding-set=-net_raw"];
        let (ok, out) = netns::gestdesk_in_lan(app.data_dir(), &denied, &["net", "ping-all"]);
        assert!(ok, "{out}");
        assert!(
            out.contains("Probing method: TCP connection attempts"),
            "{out}"
        );
        assert!(out.contains("Answered: 2 of 3 interfaces"), "{out}");
        // With the system's ping sockets allowed to its group, it sends pings through them.
        let sysctl = |range: &str| {
            let ok = std::process::Command::new("ip")
                .args(["netns", "exec", netns::SCANNER, "sysctl", "-q", "-w"])
                .arg(format!("net.ipv4.ping_group_range={range}"))
                .status()
                .expect("sysctl")
                .success();
            assert!(ok, "sysctl {range}");
        };
        sysctl("0 0");
        let (ok, out) = netns::gestdesk_in_lan(app.data_dir(), &denied, &["net", "ping-all"]);
        sysctl("1 0");
        assert!(ok, "{out}");
        assert!(
            out.contains("through the system's unprivileged ping sockets"),
            "{out}"
        );
        assert!(out.contains("Answered: 2 of 3 interfaces"), "{out}");
        app.stop().await;
    });
}
