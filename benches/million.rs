//! One million tickets: every page a technician and an administrator reach, timed.
//!
//!     cargo bench --bench million
//!
//! Builds `gestdesk demo --tickets 1000000 --users 10000` (and times it: target under
//! 3 minutes), then walks, logged in as a sample technician and as the administrator: the
//! landing page, every view of the menu, the list sorted by every sortable column both ways,
//! the first, second, middle and last pages, every choice of every filter under the headers,
//! the activity of the last year, the supervision screen, the CSV export of one page, and
//! searches for a word of one ticket, a common word and a word of nearly every ticket. Each
//! page is asked 20 times after 2 untimed requests, one at a time (3 times when the first
//! answer took over a second); target: p95 under 100 ms
//! for every page. The benchmark prints each page's median and p95, then the pages that miss.
//!
//! `GESTDESK_BENCH_DATA_DIR=<dir>` keeps the sample instance in `<dir>` and uses it again on
//! the next run (building a million tickets takes minutes). `GESTDESK_BENCH_ONLY=<text>` times
//! only the pages whose address holds `<text>` (`sort=`, `q=`...).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

mod common;
use common::{attr, demo, demo_password, demo_technician, log_in, ms, percentile, stop, verdict};

const TICKETS: u32 = 1_000_000;
const USERS: u32 = 10_000;
const TIMED: usize = 20;
const TARGET: Duration = Duration::from_millis(100);
/// A word of one ticket only: the benchmark opens that ticket first.
const RARE: &str = "quokkaphone";
/// Words of many tickets, and of nearly all (the demo's replies say it).
const COMMON: &str = "printer";
const EVERYWHERE: &str = "the";
/// Choices tried per filter.
const CHOICES_PER_FILTER: usize = 6;

/// Every `href="..."` of `html` that starts with `prefix`, unescaped.
fn links(html: &str, prefix: &str) -> Vec<String> {
    let pattern = format!("href=\"{prefix}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&pattern) {
        let start = at + "href=\"".len();
        let end = rest[start..].find('"').map_or(rest.len(), |e| start + e);
        out.push(rest[start..end].replace("&amp;", "&"));
        rest = &rest[end..];
    }
    out
}

/// The options of every `<select name="f_...">` of `html`: (name, values).
fn filters(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<select") {
        let Some(end) = rest[at..].find("</select>").map(|e| at + e) else {
            break;
        };
        let select = &rest[at..end];
        if let Some(n) = select.find("name=\"f_") {
            let name = attr(&select[n..], "name=\"");
            let mut values = Vec::new();
            let mut options = select;
            while let Some(o) = options.find("<option value=\"") {
                let value = attr(&options[o..], "<option value=\"");
                if !value.is_empty() {
                    values.push(value);
                }
                options = &options[o + 1..];
            }
            values.truncate(CHOICES_PER_FILTER);
            out.push((name, values));
        }
        rest = &rest[end..];
    }
    out
}

/// The highest `page=` of the list's page links.
fn last_page(html: &str) -> u64 {
    links(html, "/tickets?")
        .iter()
        .filter_map(|l| {
            l.split('&')
                .find_map(|p| p.strip_prefix("page="))
                .and_then(|n| n.parse().ok())
        })
        .max()
        .unwrap_or(1)
}

fn year_ago() -> String {
    let out = std::process::Command::new("date")
        .args(["-d", "1 year ago", "+%F"])
        .output()
        .expect("date");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

async fn get(client: &reqwest::Client, url: &str) -> String {
    let r = client.get(url).send().await.expect("GET");
    assert_eq!(r.status(), 200, "{url}");
    r.text().await.expect("body")
}

/// The pages `client` reaches from the landing page and the list of every ticket.
async fn pages(client: &reqwest::Client, base: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    out.insert("/".to_owned());
    let home = get(client, &format!("{base}/")).await;
    for prefix in ["/tickets?", "/activity", "/supervision"] {
        out.extend(links(&home, prefix));
    }
    let list = get(client, &format!("{base}/tickets?view=all")).await;
    for sorted in links(&list, "/tickets?")
        .into_iter()
        .filter(|l| l.contains("sort="))
    {
        let plain: Vec<&str> = sorted
            .split(['?', '&'])
            .skip(1)
            .filter(|p| !p.starts_with("dir=") && !p.starts_with("page="))
            .collect();
        for dir in ["asc", "desc"] {
            out.insert(format!("/tickets?{}&dir={dir}", plain.join("&")));
        }
    }
    let last = last_page(&list);
    for page in [2, last / 2, last] {
        out.insert(format!("/tickets?view=all&page={page}"));
        out.insert(format!("/tickets?view=all&sort=title&dir=asc&page={page}"));
    }
    for (name, values) in filters(&list) {
        for v in values {
            out.insert(format!("/tickets?view=all&{name}={}", urlencode(&v)));
        }
    }
    out.insert(format!("/activity?from={}&to=2100-01-01", year_ago()));
    out.insert("/export/tickets.csv?view=all&rows=page".to_owned());
    for word in [RARE, COMMON, EVERYWHERE] {
        out.insert(format!("/tickets?view=all&q={word}"));
    }
    out
}

fn urlencode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Times every page of `urls` for `who`; returns the pages that missed the target.
async fn walk(
    who: &str,
    client: &reqwest::Client,
    base: &str,
    urls: &BTreeSet<String>,
) -> Vec<(String, Duration)> {
    let mut missed = Vec::new();
    for url in urls {
        let full = format!("{base}{url}");
        // A page slower than a second is timed 3 times only: it misses anyway.
        let first = Instant::now();
        get(client, &full).await;
        let count = if first.elapsed() > Duration::from_secs(1) {
            3
        } else {
            TIMED
        };
        let times = common::timed_gets(client, &full, 1, count).await;
        let p95 = percentile(&times, 0.95);
        println!(
            "{who} GET {url}: median {:.1} ms, p95 {:.1} ms{}",
            ms(percentile(&times, 0.5)),
            ms(p95),
            if p95 < TARGET { "" } else { "  (missed)" }
        );
        if p95 >= TARGET {
            missed.push((url.clone(), p95));
        }
    }
    missed
}

/// Opens a ticket holding [`RARE`], through the technician's form.
async fn rare_ticket(client: &reqwest::Client, base: &str) {
    let action = common::new_ticket_action(client, base).await;
    let fields = reqwest::multipart::Form::new()
        .text("requester", "u2")
        .text("title", format!("The {RARE} does not ring"))
        .text("description", "Nothing happens when someone calls.");
    let r = client
        .post(format!("{base}{action}"))
        .multipart(fields)
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 303, "ticket refused");
}

fn main() {
    let kept = std::env::var_os("GESTDESK_BENCH_DATA_DIR").map(PathBuf::from);
    let temp = tempfile::tempdir().expect("dir");
    let dir = kept.clone().unwrap_or_else(|| temp.path().to_owned());
    let saved = dir.join("demo.out");
    let (out, fresh) = match std::fs::read_to_string(&saved) {
        Ok(out) if kept.is_some() => {
            println!("using the sample instance in {}", dir.display());
            (out, false)
        }
        _ => {
            std::fs::create_dir_all(&dir).expect("data dir");
            let (took, out) = demo(&dir, TICKETS, USERS);
            println!(
                "gestdesk demo --tickets {TICKETS} --users {USERS}: {:.1} s (target < 180 s): {}",
                took.as_secs_f64(),
                verdict(took < Duration::from_secs(180))
            );
            std::fs::write(&saved, &out).expect("save the demo's output");
            (out, true)
        }
    };
    let password = demo_password(&out);
    let technician = demo_technician(&out);
    let (mut server, base) = common::serve_anywhere(&dir);
    let pid = server.id();
    let runtime = common::runtime();
    let started = Instant::now();
    runtime.block_on(async {
        let mut missed = Vec::new();
        for login in [technician.as_str(), "admin"] {
            let client = log_in(&base, login, &password, 1).await;
            if login == technician && fresh {
                rare_ticket(&client, &base).await;
            }
            let only = std::env::var("GESTDESK_BENCH_ONLY").unwrap_or_default();
            let mut urls = pages(&client, &base).await;
            urls.retain(|u| u.contains(&only));
            println!("{login}: {} pages", urls.len());
            for (url, p95) in walk(login, &client, &base, &urls).await {
                missed.push((login.to_owned(), url, p95));
            }
        }
        println!(
            "server resident memory after the walk: {} MB ({} MB allocated, {} MB of mapped \
             files: the program and the database)",
            common::rss_kib(pid) / 1024,
            common::status_kib(pid, "RssAnon:") / 1024,
            common::status_kib(pid, "RssFile:") / 1024
        );
        println!(
            "every page p95 < {} ms: {}",
            TARGET.as_millis(),
            verdict(missed.is_empty())
        );
        missed.sort_by_key(|m| std::cmp::Reverse(m.2));
        for (login, url, p95) in &missed {
            println!("  {login} GET {url}: p95 {:.1} ms", ms(*p95));
        }
    });
    println!("walked in {:.0} s", started.elapsed().as_secs_f64());
    stop(&mut server);
}
