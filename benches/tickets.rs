//! Ticket benchmark: sample data generation and the ticket page on a large database.
//!
//!     cargo bench --bench tickets
//!
//! Targets: `gestdesk demo --tickets 100000` finishes in under 30 s; on that database, the page
//! of a ticket with 50 thread entries and 5 attachments answers in under 5 ms median (measured
//! end to end over loopback, one keep-alive connection, logged in as an administrator).
//! Everything runs against the real release `gestdesk` binary.

use std::path::Path;
use std::time::Duration;

mod common;
use common::{attr, demo, ms, percentile, stop, verdict};

const TICKETS: u32 = 100_000;
const USERS: u32 = 1_000;
const REQUESTS: usize = 2_000;
const ENTRIES: i64 = 50;
const FILES: usize = 5;

/// The ticket form of `page`: its action (it carries the CSRF token) and its hidden fields.
async fn ticket_form(
    client: &reqwest::Client,
    base: &str,
    page: &str,
) -> (String, reqwest::multipart::Form) {
    let html = client
        .get(format!("{base}{page}"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    let at = html.find("id=\"ticket-form\"").expect("ticket form");
    let html = &html[at..];
    let form = html
        .match_indices("<input type=\"hidden\" name=\"")
        .filter_map(|(at, _)| {
            let tag = &html[at..at + html[at..].find('>')?];
            let name = attr(tag, "name=\"");
            (name != "_csrf").then(|| (name, attr(tag, "value=\"")))
        })
        .fold(reqwest::multipart::Form::new(), |f, (k, v)| f.text(k, v));
    (attr(html, "action=\""), form)
}

/// Sends a ticket form; it must be accepted.
async fn send(
    client: &reqwest::Client,
    base: &str,
    action: &str,
    form: reqwest::multipart::Form,
) -> reqwest::Response {
    let r = client
        .post(format!("{base}{action}"))
        .multipart(form)
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 303, "form refused");
    r
}

fn entries(db: &Path, ticket: i64) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("database");
    conn.query_row(
        "SELECT count(*) FROM thread_entries WHERE ticket_id = ?1",
        [ticket],
        |r| r.get(0),
    )
    .expect("count")
}

/// Opens a ticket with five attachments and answers it until its thread has 50 entries, all
/// through the web forms; returns its number.
async fn ticket_with_history(client: &reqwest::Client, base: &str, db: &Path) -> i64 {
    let (action, form) = ticket_form(client, base, "/tickets/new").await;
    let mut form = form
        .text("requester", "u2")
        .text("title", "Accounting server: intermittent freezes")
        .text("category_id", "1")
        .text(
            "description",
            "The accounting server freezes a few times a day.\n\n- since the update\n- **all** users",
        );
    for i in 0..FILES {
        let body = format!("log line {i}\n").repeat(400);
        form = form.part(
            "attachments",
            reqwest::multipart::Part::bytes(body.into_bytes()).file_name(format!("server-{i}.log")),
        );
    }
    let r = send(client, base, &action, form).await;
    let location = r.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let id: i64 = location
        .trim_start_matches("/tickets/")
        .parse()
        .expect("number");
    let mut n = 0;
    while entries(db, id) < ENTRIES {
        n += 1;
        let (action, form) = ticket_form(client, base, &location).await;
        let mut form = form.text(
            "reply",
            format!(
                "Reply {n}: checked the **event log** again; the freeze happened at 10:{n:02}. \
                 Next step: watch the disk queue and the backup window."
            ),
        );
        if n % 5 == 0 {
            form = form.text("private", "1");
        }
        send(client, base, &action, form).await;
    }
    id
}

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let (took, out) = demo(dir.path(), TICKETS, USERS);
    let password = common::demo_password(&out);
    println!(
        "gestdesk demo --tickets {TICKETS} --users {USERS}: {:.1} s",
        took.as_secs_f64()
    );
    println!(
        "  target < 30 s: {}",
        verdict(took < Duration::from_secs(30))
    );

    let (mut server, base) = common::serve_anywhere(dir.path());
    let runtime = common::runtime();
    let db = dir.path().join("gestdesk.sqlite3");
    let (id, times, home) = runtime.block_on(async {
        let client = common::log_in(&base, "admin", &password, 1).await;

        let id = ticket_with_history(&client, &base, &db).await;
        let url = format!("{base}/tickets/{id}");
        let times = common::timed_gets(&client, &url, 100, REQUESTS).await;
        let home = common::timed_gets(&client, &format!("{base}/"), 100, REQUESTS / 4).await;
        (id, times, home)
    });
    let median = percentile(&times, 0.5);
    println!(
        "GET /tickets/{id} ({} thread entries, {FILES} attachments) on {TICKETS} tickets, {REQUESTS} requests:",
        entries(&db, id)
    );
    println!(
        "  median {:.3} ms, p90 {:.3} ms, p99 {:.3} ms",
        ms(median),
        ms(percentile(&times, 0.9)),
        ms(percentile(&times, 0.99))
    );
    println!(
        "  target median < 5 ms: {}",
        verdict(median < Duration::from_millis(5))
    );
    println!(
        "GET / (latest tickets) on {TICKETS} tickets: median {:.3} ms, p99 {:.3} ms",
        ms(percentile(&home, 0.5)),
        ms(percentile(&home, 0.99))
    );
    stop(&mut server);
}
