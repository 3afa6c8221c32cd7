//! Load test: 200 simulated people working at once against the release `gestdesk` binary on
//! `gestdesk demo --tickets 100000`, on loopback, for 5 minutes: technicians and requesters
//! log in (all at once, timed apart, before the rest), then list, open tickets, reply, and
//! open tickets with a file attached, with a short pause between actions.
//!
//!     cargo bench --bench load                          # 200 people, 5 minutes
//!     GESTDESK_LOAD_SECS=60 GESTDESK_LOAD_USERS=50 cargo bench --bench load
//!
//! Reports requests, errors (target: none), latency percentiles per kind of request, and the
//! server's memory after warm-up and at the end: resident (with the database pages it maps
//! from the system's file cache) and allocated (`RssAnon`; targets: under 100 MB, no growth).
//! `GESTDESK_BENCH_LOG=<filter>` shows the server's log.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;
use common::{attr, demo, ms, percentile, stop, verdict};

const TICKETS: u32 = 100_000;
const USERS: u32 = 1_000;

#[derive(Default)]
struct Stats {
    times: BTreeMap<&'static str, Vec<Duration>>,
    errors: BTreeMap<String, usize>,
}

impl Stats {
    fn ok(&mut self, kind: &'static str, took: Duration) {
        self.times.entry(kind).or_default().push(took);
    }

    fn error(&mut self, what: String) {
        *self.errors.entry(what).or_default() += 1;
    }
}

/// The memory the server allocated (`RssAnon`) in MB (Linux).
fn anon_mb(pid: u32) -> f64 {
    common::status_kib(pid, "RssAnon:") as f64 / 1024.0
}

/// The server's resident memory in MB (Linux).
fn rss_mb(pid: u32) -> f64 {
    common::rss_kib(pid) as f64 / 1024.0
}

/// An error and its causes, on one line.
fn causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

async fn timed(
    stats: &Mutex<Stats>,
    kind: &'static str,
    request: reqwest::RequestBuilder,
) -> Option<String> {
    let t = Instant::now();
    match request.send().await {
        Ok(r) if r.status().is_success() || r.status().is_redirection() => {
            let body = r.text().await.unwrap_or_default();
            stats.lock().expect("stats").ok(kind, t.elapsed());
            Some(body)
        }
        Ok(r) => {
            stats
                .lock()
                .expect("stats")
                .error(format!("{kind}: {}", r.status()));
            None
        }
        Err(e) => {
            stats
                .lock()
                .expect("stats")
                .error(format!("{kind}: {}", causes(&e.without_url())));
            None
        }
    }
}

/// Ticket numbers listed on a page.
fn listed(html: &str) -> Vec<i64> {
    html.split("<tr data-ticket=\"")
        .skip(1)
        .filter_map(|p| p[..p.find('"')?].parse().ok())
        .collect()
}

/// Opens a ticket with a small file through the requester's form.
async fn new_ticket(
    client: &reqwest::Client,
    base: &str,
    login: &str,
    n: u64,
    stats: &Mutex<Stats>,
) {
    let Some(html) = timed(stats, "new form", client.get(format!("{base}/tickets/new"))).await
    else {
        return;
    };
    let Some(at) = html.find("id=\"ticket-form\"") else {
        return;
    };
    let action = attr(&html[at..], "action=\"");
    let form = reqwest::multipart::Form::new()
        .text("title", format!("Load ticket {n} from {login}"))
        .text("description", "The printer on floor 2 **jams** again.")
        .part(
            "attachments",
            reqwest::multipart::Part::bytes(format!("trace {n}\n").repeat(300).into_bytes())
                .file_name(format!("trace-{login}-{n}.txt")),
        );
    timed(
        stats,
        "new+file",
        client.post(format!("{base}{action}")).multipart(form),
    )
    .await;
}

/// One person working until `until`.
async fn person(
    base: String,
    client: reqwest::Client,
    login: String,
    technician: bool,
    until: Instant,
    stats: Arc<Mutex<Stats>>,
) {
    let mut n = 0u64;
    while Instant::now() < until {
        n += 1;
        let list = if technician && n.is_multiple_of(3) {
            format!("{base}/tickets?view=all&state=meta")
        } else if technician && n.is_multiple_of(7) {
            format!("{base}/tickets?view=all&q=printer")
        } else {
            format!("{base}/")
        };
        let Some(html) = timed(&stats, "list", client.get(&list)).await else {
            continue;
        };
        let ids = listed(&html);
        if let Some(id) = ids.get(usize::try_from(n).unwrap_or(0) % ids.len().max(1)) {
            let page = format!("{base}/tickets/{id}");
            let Some(html) = timed(&stats, "ticket", client.get(&page)).await else {
                continue;
            };
            if n.is_multiple_of(4)
                && let Some(at) = html.find("id=\"ticket-form\"")
            {
                let form_html = &html[at..];
                let action = attr(form_html, "action=\"");
                let mut form = reqwest::multipart::Form::new();
                for (i, _) in form_html.match_indices("<input type=\"hidden\" name=\"") {
                    let tag = &form_html[i..i + form_html[i..].find('>').unwrap_or(0)];
                    let name = attr(tag, "name=\"");
                    if name != "_csrf" && tag.contains("value=\"") {
                        form = form.text(name, attr(tag, "value=\""));
                    }
                }
                form = form.text(
                    "reply",
                    format!("Load reply {n} from {login}: checked again, still **fine**."),
                );
                timed(
                    &stats,
                    "reply",
                    client.post(format!("{base}{action}")).multipart(form),
                )
                .await;
            }
        }
        // Now and then a requester opens a ticket with a file attached.
        if !technician && n.is_multiple_of(20) {
            new_ticket(&client, &base, &login, n, &stats).await;
        }
        let pause = 250 + (n * 7919 % 500);
        tokio::time::sleep(Duration::from_millis(pause)).await;
    }
}

fn main() {
    let secs: u64 = std::env::var("GESTDESK_LOAD_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let people: usize = std::env::var("GESTDESK_LOAD_USERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().expect("dir");
    let (took, out) = demo(dir.path(), TICKETS, USERS);
    println!("demo: {:.1} s", took.as_secs_f64());
    let password = common::demo_password(&out);
    let technicians: usize = out
        .lines()
        .find(|l| l.starts_with("Technicians "))
        .and_then(|l| l.split(" to tech").nth(1))
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(1);
    let (mut server, base) = common::serve_anywhere(dir.path());
    let pid = server.id();
    let runtime = common::client_runtime();
    let stats = Arc::new(Mutex::new(Stats::default()));
    // (seconds, resident MB, allocated MB): resident memory counts the database pages mapped
    // from the system's file cache; allocated memory (RssAnon) is the server's own.
    let memory = Arc::new(Mutex::new(Vec::<(u64, f64, f64)>::new()));
    let warm_up = Duration::from_secs((secs / 5).max(10));
    // Everyone logs in first, all at once (a password check takes a quarter of a second of a
    // core by design); the timed work starts when the last one is in.
    let login_started = Instant::now();
    let people_in: Vec<(reqwest::Client, String, bool)> = runtime.block_on(async {
        let logins: Vec<_> = (0..people)
            .map(|i| {
                // One in ten is a technician.
                let (login, tech) = if i % 10 == 0 {
                    (format!("tech{}", 1 + (i / 10) % technicians), true)
                } else {
                    (
                        format!("user{}", 1 + i % usize::try_from(USERS).unwrap_or(1)),
                        false,
                    )
                };
                let (base, password) = (base.clone(), password.clone());
                tokio::spawn(async move {
                    let client = common::log_in(&base, &login, &password, 1).await;
                    (client, login, tech)
                })
            })
            .collect();
        let mut out = Vec::new();
        for l in logins {
            out.push(l.await.expect("login"));
        }
        out
    });
    println!(
        "{people} people logged in at once in {:.1} s",
        login_started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let until = started + Duration::from_secs(secs);
    runtime.block_on(async {
        let mut tasks = Vec::new();
        for (client, login, tech) in people_in {
            tasks.push(tokio::spawn(person(
                base.clone(),
                client,
                login,
                tech,
                until,
                stats.clone(),
            )));
        }
        let sampler = {
            let memory = memory.clone();
            tokio::spawn(async move {
                while Instant::now() < until {
                    memory.lock().expect("memory").push((
                        started.elapsed().as_secs(),
                        rss_mb(pid),
                        anon_mb(pid),
                    ));
                    tokio::time::sleep(Duration::from_secs(5)).await;
                }
            })
        };
        for t in tasks {
            let _ = t.await;
        }
        let _ = sampler.await;
    });
    let end_rss = rss_mb(pid);
    let (end_anon, end_file) = (
        common::status_kib(pid, "RssAnon:") / 1024,
        common::status_kib(pid, "RssFile:") / 1024,
    );
    stop(&mut server);
    let stats = stats.lock().expect("stats");
    let total: usize = stats.times.values().map(Vec::len).sum();
    let errors: usize = stats.errors.values().sum();
    println!(
        "{people} people for {secs} s against {TICKETS} tickets: {total} requests ({:.0}/s), {errors} errors",
        total as f64 / secs as f64
    );
    for (what, n) in &stats.errors {
        println!("  error {what}: {n}");
    }
    for (kind, times) in &stats.times {
        let mut t = times.clone();
        t.sort();
        println!(
            "  {kind:<11} {:>7} requests: median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.0} ms",
            t.len(),
            ms(percentile(&t, 0.5)),
            ms(percentile(&t, 0.9)),
            ms(percentile(&t, 0.99)),
            ms(*t.last().unwrap_or(&Duration::ZERO))
        );
    }
    let samples = memory.lock().expect("memory");
    let after_warm_up = samples
        .iter()
        .find(|(at, _, _)| Duration::from_secs(*at) >= warm_up)
        .map_or((0.0, 0.0), |(_, rss, anon)| (*rss, *anon));
    let peak = samples.iter().map(|(_, mb, _)| *mb).fold(0.0, f64::max);
    let peak_anon = samples.iter().map(|(_, _, mb)| *mb).fold(0.0, f64::max);
    println!(
        "  server memory: resident {:.0} MB after warm-up ({} s), {end_rss:.0} MB at the end, peak {peak:.0} MB",
        after_warm_up.0,
        warm_up.as_secs()
    );
    println!(
        "  at the end: {end_anon} MB allocated (RssAnon; {:.0} MB after warm-up, peak {peak_anon:.0} MB), {end_file} MB of mapped files (RssFile: the program and the database's map)",
        after_warm_up.1
    );
    let curve = |pick: fn(&(u64, f64, f64)) -> f64| -> String {
        samples
            .iter()
            .filter(|s| s.0 % 30 == 0)
            .map(|s| format!("{}s {:.0}", s.0, pick(s)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("  resident every 30 s (MB): {}", curve(|s| s.1));
    println!("  allocated every 30 s (MB): {}", curve(|s| s.2));
    println!("  target zero errors: {}", verdict(errors == 0));
    println!(
        "  target allocated memory under 100 MB: {}",
        verdict(peak_anon < 100.0)
    );
    println!(
        "  target allocated memory stable after warm-up (< 20% growth): {}",
        verdict(end_anon as f64 <= after_warm_up.1 * 1.2 + 5.0)
    );
}
