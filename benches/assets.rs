//! Asset list benchmark on `gestdesk demo --tickets 100000 --assets 20000` (about 30,000
//! interfaces).
//!
//!     cargo bench --bench assets
//!
//! Targets, end to end over loopback against the release binary, logged in as a sample
//! technician, one request at a time on one keep-alive connection:
//! - the asset list's first page (every state): median under 10 ms;
//! - a search by a partial IP address: median under 10 ms;
//! - a search by a partial MAC address and by a name, for the record;
//! - importing a 10,000-line CSV file from the import page (sending it for its preview, then
//!   confirming it): under 2 s for both. A first file creates 10,000 assets with an interface
//!   each, in 40 new models and 25 new locations; a second creates 8,000 more and moves
//!   2,000 of the first ones (found by their MAC address) to another location.

mod common;
use common::{
    demo_password, demo_technician, demo_with, log_in, ms, percentile, stop, timed_gets, verdict,
};

const TICKETS: u32 = 100_000;
const USERS: u32 = 1_000;
const ASSETS: &str = "20000";
const REQUESTS: usize = 500;
/// Lines of the imported file.
const IMPORT_LINES: usize = 10_000;

/// The header of the imported files.
const IMPORT_HEADER: &str = "name;type;manufacturer;model;location;sn_manufacturer;ip;mac\r\n";

/// Lines of the CSV file the import sends: `lines` lines from number `from`, each a new asset
/// with an interface, or (with `moved`) the same assets moved to another location.
fn import_lines(from: usize, lines: usize, moved: bool) -> String {
    let mut out = String::new();
    for n in from..from + lines {
        let location = if moved {
            "Archive room".to_owned()
        } else {
            format!("Building {}", n % 25)
        };
        out.push_str(&format!(
            "IMP-{n:05};Workstation;Maker {m};Model {model};{location};SN-IMP-{n:05};10.{a}.{b}.{c};02:00:00:{d:02x}:{e:02x}:{f:02x}\r\n",
            m = n % 5,
            model = n % 40,
            a = 100 + n / 65_536,
            b = (n / 256) % 256,
            c = n % 256,
            d = n / 65_536,
            e = (n / 256) % 256,
            f = n % 256,
        ));
    }
    out
}

/// Sends `file` to the import page, then confirms it; returns both times and the result line.
async fn import(
    client: &reqwest::Client,
    base: &str,
    file: Vec<u8>,
) -> (std::time::Duration, std::time::Duration, String) {
    let page = client
        .get(format!("{base}/assets/import"))
        .send()
        .await
        .expect("import page")
        .text()
        .await
        .expect("body");
    let token = common::attr(&page, "name=\"_csrf\" value=\"");
    let started = std::time::Instant::now();
    let part = reqwest::multipart::Part::bytes(file).file_name("bench.csv");
    let preview = client
        .post(format!("{base}/assets/import?_csrf={token}"))
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .expect("preview")
        .text()
        .await
        .expect("body");
    let previewed = started.elapsed();
    let at = preview
        .find("id=\"asset-import-confirm\"")
        .expect("a confirmation form");
    let action = common::attr(&preview[at..], "action=\"");
    let started = std::time::Instant::now();
    let done = client
        .post(format!("{base}{action}"))
        .form(&[("_csrf", token.as_str())])
        .send()
        .await
        .expect("confirm")
        .text()
        .await
        .expect("body");
    let confirmed = started.elapsed();
    let at = done
        .find("id=\"asset-import-summary\"")
        .and_then(|at| done[at..].find('>').map(|end| at + end + 1))
        .unwrap_or_else(|| panic!("no import summary in {}", &done[..done.len().min(3000)]));
    let summary = done[at..].split('<').next().unwrap_or_default().to_owned();
    (previewed, confirmed, summary)
}

/// The number of assets a list page says it found (in whatever language the page is).
fn shown_total(html: &str) -> String {
    let at = html
        .find("class=\"muted\">")
        .map_or(html.len(), |i| i + "class=\"muted\">".len());
    html[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let (took, out) = demo_with(dir.path(), TICKETS, USERS, &["--assets", ASSETS]);
    println!(
        "gestdesk demo with {ASSETS} assets: {:.1} s",
        took.as_secs_f64()
    );
    common::set_setting(dir.path(), "asset", "1");
    let password = demo_password(&out);
    let technician = demo_technician(&out);
    let (mut server, base) = common::serve_anywhere(dir.path());
    let runtime = common::runtime();
    runtime.block_on(async {
        let client = log_in(&base, &technician, &password, 1).await;
        for (what, path, target) in [
            ("first page, every state", "/assets?state=all", Some(10)),
            (
                "search by a partial IP",
                "/assets?state=all&q=10.10.3",
                Some(10),
            ),
            (
                "search by a partial MAC",
                "/assets?state=all&q=00:1a:2b:00:2",
                None,
            ),
            ("search by a name", "/assets?state=all&q=laptop-0001", None),
            (
                "sorted by user, page 20",
                "/assets?state=all&sort=user&page=20",
                None,
            ),
        ] {
            let url = format!("{base}{path}");
            let first = client
                .get(&url)
                .send()
                .await
                .expect("list")
                .text()
                .await
                .expect("body");
            let times = timed_gets(&client, &url, 50, REQUESTS).await;
            let median = percentile(&times, 0.5);
            println!(
                "GET {path} ({what}; {} assets): median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms",
                shown_total(&first),
                ms(median),
                ms(percentile(&times, 0.9)),
                ms(percentile(&times, 0.99)),
            );
            if let Some(target) = target {
                println!(
                    "  target median < {target} ms: {}",
                    verdict(median < std::time::Duration::from_millis(target))
                );
            }
        }
        for (what, lines) in [
            ("new assets", import_lines(0, IMPORT_LINES, false)),
            (
                "8,000 new, 2,000 moved",
                import_lines(IMPORT_LINES, IMPORT_LINES * 4 / 5, false)
                    + &import_lines(0, IMPORT_LINES / 5, true),
            ),
        ] {
            let file = format!("{IMPORT_HEADER}{lines}").into_bytes();
            let (previewed, confirmed, summary) = import(&client, &base, file).await;
            println!(
                "import of {IMPORT_LINES} lines ({what}): preview {:.0} ms, confirmation {:.0} ms, together {:.0} ms ({summary})",
                ms(previewed),
                ms(confirmed),
                ms(previewed + confirmed),
            );
            println!(
                "  target < 2000 ms: {}",
                verdict(previewed + confirmed < std::time::Duration::from_secs(2))
            );
        }
    });
    stop(&mut server);
}
