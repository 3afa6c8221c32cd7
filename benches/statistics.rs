//! Statistics benchmark on `gestdesk demo --tickets 100000` (two years of tickets, with their
//! threads and the survey answers the demo gives).
//!
//!     cargo bench --bench statistics
//!
//! Targets: the full statistics page for one year under 100 ms median, and for both years
//! with no filter under 300 ms (end to end over loopback, one keep-alive connection, logged in
//! as the administrator, against the real release `gestdesk` binary). Also reported: one year
//! for one technician, one month, the assets' tab, a figure's export, the filtered tickets'
//! export for a month, and the survey answers over a year.

mod common;
use common::stop;

const TICKETS: u32 = 100_000;
const USERS: u32 = 1_000;
const REQUESTS: usize = 40;

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let out = common::demo_timed(dir.path(), TICKETS, USERS);
    // The demo adds assets but leaves their function as it found it: on, for the assets' tab.
    let on = std::process::Command::new(common::BIN)
        .args(["settings", "set", "asset", "1"])
        .env("GESTDESK_DATA_DIR", dir.path())
        .output()
        .expect("gestdesk settings");
    assert!(on.status.success(), "settings set asset 1");
    let password = common::demo_password(&out);
    let (mut server, base) = common::serve_anywhere(dir.path());
    let runtime = common::runtime();
    let results = runtime.block_on(async {
        let admin = common::log_in(&base, "admin", &password, 1).await;
        let today = jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .date();
        let two_years_ago = today
            .checked_sub(jiff::Span::new().years(2))
            .unwrap_or(today);
        let both_years = format!("/statistics?period=custom&from={two_years_ago}&to={today}");
        let one_tech = format!("/statistics?period=year&technician={}", 2);
        let mut results = Vec::new();
        for (what, path, target) in [
            (
                "one year, no filter",
                "/statistics?period=year",
                Some(100.0),
            ),
            ("both years, no filter", both_years.as_str(), Some(300.0)),
            ("one year, one technician", one_tech.as_str(), None),
            ("one month, no filter", "/statistics?period=month", None),
            ("assets", "/statistics?tab=assets", None),
            (
                "export of one figure (per technician), one year",
                "/statistics/export.csv?period=year&figure=by-technician",
                None,
            ),
            (
                "export of the month's tickets",
                "/statistics/export.csv?period=month&figure=tickets",
                None,
            ),
            ("survey answers, one year", "/surveys?period=year", None),
        ] {
            let times = common::timed_gets(&admin, &format!("{base}{path}"), 5, REQUESTS).await;
            results.push((what.to_owned(), times, target));
        }
        results
    });
    println!("{TICKETS} tickets, {REQUESTS} requests each:");
    common::report(results);
    stop(&mut server);
}
