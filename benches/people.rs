//! Person pickers benchmark: what the requester, technician and recipient pickers cost with
//! 5,000 users.
//!
//!     cargo bench --bench people
//!
//! Target: with 5,000 users, the new-ticket form, a person search and the manual mail form each
//! answer in under 5 ms median (end to end over loopback, one keep-alive connection, logged in
//! as an administrator, against the real release `gestdesk` binary).

use std::time::Duration;

mod common;
use common::{demo, ms, percentile, stop, verdict};

const USERS: u32 = 5_000;
const TICKETS: u32 = 2_000;
const REQUESTS: usize = 1_000;

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, out) = demo(dir.path(), TICKETS, USERS);
    let password = common::demo_password(&out);
    let (mut server, base) = common::serve_anywhere(dir.path());
    let runtime = common::runtime();
    let results = runtime.block_on(async {
        let client = common::log_in(&base, "admin", &password, 1).await;
        let mut results = Vec::new();
        for (what, path) in [
            ("GET /tickets/new", "/tickets/new".to_owned()),
            (
                "GET /users/choices?q=mar",
                "/users/choices?q=mar".to_owned(),
            ),
            (
                "GET /users/choices?q=user42",
                "/users/choices?q=user42".to_owned(),
            ),
            ("GET /tickets/1/mail", "/tickets/1/mail".to_owned()),
        ] {
            let times = common::timed_gets(&client, &format!("{base}{path}"), 50, REQUESTS).await;
            results.push((what, times));
        }
        results
    });
    println!("{USERS} users, {TICKETS} tickets, {REQUESTS} requests each:");
    for (what, times) in results {
        let median = percentile(&times, 0.5);
        println!(
            "  {what}: median {:.3} ms, p99 {:.3} ms; target median < 5 ms: {}",
            ms(median),
            ms(percentile(&times, 0.99)),
            verdict(median < Duration::from_millis(5))
        );
    }
    stop(&mut server);
}
