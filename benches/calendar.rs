//! Calendar and availability benchmark on `gestdesk demo --tickets 100000` (which plans about
//! 8,000 interventions, sets about 2,000 reminders and records the outages of three monitored
//! services over its two years).
//!
//!     cargo bench --bench calendar
//!
//! Targets: the week of all technicians and the availability page for a year, each under 20 ms
//! median (end to end over loopback, one keep-alive connection, logged in as the administrator,
//! against the real release `gestdesk` binary). Also reported: a technician's own week, the
//! month of all technicians, a technician's calendar feed (a year ahead and three months back),
//! availability over both years and its CSV export.

mod common;
use common::{attr, stop};

const TICKETS: u32 = 100_000;
const USERS: u32 = 1_000;
const REQUESTS: usize = 300;

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let out = common::demo_timed(dir.path(), TICKETS, USERS);
    let password = common::demo_password(&out);
    let technician = common::demo_technician(&out);
    let (mut server, base) = common::serve_anywhere(dir.path());
    let runtime = common::runtime();
    let results = runtime.block_on(async {
        let admin = common::log_in(&base, "admin", &password, 1).await;
        let tech = common::log_in(&base, &technician, &password, 1).await;
        // The demo's last tickets were opened in the last days: this week is a busy one.
        let today = jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .date();
        let both_years = format!(
            "/availability?period=custom&from={}&to={today}",
            today
                .checked_sub(jiff::Span::new().years(2))
                .unwrap_or(today)
        );
        let mut results = Vec::new();
        for (what, client, path, target) in [
            (
                "week, all technicians",
                &admin,
                "/calendar?view=week&tech=all",
                Some(20.0),
            ),
            ("week, one technician (their own)", &tech, "/calendar", None),
            (
                "month, all technicians",
                &admin,
                "/calendar?view=month&tech=all",
                None,
            ),
            (
                "availability, this year",
                &admin,
                "/availability?period=year",
                Some(20.0),
            ),
            (
                "availability, both years",
                &admin,
                both_years.as_str(),
                None,
            ),
            (
                "availability export, this year",
                &admin,
                "/availability/export.csv?period=year",
                None,
            ),
        ] {
            let times = common::timed_gets(client, &format!("{base}{path}"), 30, REQUESTS).await;
            results.push((what.to_owned(), times, target));
        }
        // The technician's feed, as a calendar program reads it.
        let page = tech
            .get(format!("{base}/calendar"))
            .send()
            .await
            .expect("calendar")
            .text()
            .await
            .expect("body");
        let token = attr(&page, "name=\"_csrf\" value=\"");
        let made = tech
            .post(format!("{base}/calendar/feed"))
            .form(&[("_csrf", token.as_str())])
            .send()
            .await
            .expect("feed")
            .text()
            .await
            .expect("body");
        let at = made.find("/calendar/ics/").expect("feed address");
        let feed = format!("{base}{}", &made[at..at + "/calendar/ics/".len() + 64]);
        let program = reqwest::Client::new();
        let times = common::timed_gets(&program, &feed, 10, REQUESTS).await;
        results.push(("a technician's feed".to_owned(), times, None));
        results
    });
    println!("{TICKETS} tickets, {REQUESTS} requests each:");
    common::report(results);
    stop(&mut server);
}
