//! A technician plans an intervention from a ticket, the requester gets an invitation their
//! calendar program reads, the calendar shows it by week and by month with the technician's
//! conflicts, it moves and goes; and a technician subscribes to their private feed.

use std::io::Write;
use std::process::{Command, Stdio};

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::smtp::{Received, SmtpPeer};
use crate::common::{Client, TestApp};

/// Reads an iCalendar text with Python's `icalendar` package (an implementation of RFC 5545
/// independent of ours); returns one line per event: `UID|SEQUENCE|SUMMARY|DTSTART|DTEND|STATUS`,
/// times in UTC (whole days as dates), after a first line holding the calendar's METHOD.
pub fn parse_ics(text: &str) -> Vec<String> {
    let script = r#"
import sys, datetime
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
print(str(cal.get('METHOD', '')))
def when(v):
    d = v.dt
    if isinstance(d, datetime.datetime):
        return d.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    return d.isoformat()
for e in cal.walk('VEVENT'):
    print('|'.join([str(e['UID']), str(e.get('SEQUENCE', 0)), str(e['SUMMARY']),
                    when(e['DTSTART']), when(e['DTEND']), str(e.get('STATUS', ''))]))
"#;
    // Debian's interpreter, where python3-icalendar is installed.
    let mut child = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is needed: run installer/install-test-deps.sh");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("python3");
    assert!(
        out.status.success(),
        "icalendar refused the calendar ({}):\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The UTC time `date` `time` (local) is, as the parser prints it.
fn utc(date: &str, time: &str) -> String {
    let local: jiff::civil::DateTime = format!("{date}T{time}").parse().expect("local time");
    let z = local
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .expect("zoned");
    z.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Opens a ticket for `requester` handled by `technician` through the full form.
async fn open(client: &Client, requester: i64, technician: i64, title: &str) -> i64 {
    client
        .open_ticket(&[
            ("requester", &format!("u{requester}")),
            ("technician", &format!("u{technician}")),
            ("title", title),
        ])
        .await
}

/// Waits for the mails about interventions, `n` of them.
async fn invitations(smtp: &SmtpPeer, n: usize) -> Vec<Received> {
    smtp.wait_for_subject("Planned intervention", n).await
}

fn the_invitation(mail: &Received) -> String {
    let (name, kind, text) = mail
        .attachments
        .iter()
        .find(|(name, ..)| name.ends_with(".ics"))
        .cloned()
        .expect("an .ics attachment");
    assert_eq!(name, "invitation.ics");
    assert_eq!(kind, "text/calendar");
    text
}

#[tokio::test]
async fn a_planned_intervention_reaches_the_requester_the_calendar_and_moves_with_a_conflict_shown()
{
    let smtp = SmtpPeer::start();
    let (app, admin) = TestApp::with_admin().await;
    app.use_smtp(&smtp);
    app.set_setting("planning", "1");
    app.create_user("tina", "technician pass", Profile::Technician)
        .await;
    app.create_user("alice", "requester pass", Profile::User)
        .await;
    app.set_mail("alice", "alice@example.test", "en");
    let (tina_id, alice_id) = (app.user_id("tina"), app.user_id("alice"));
    let first = open(&admin, alice_id, tina_id, "Install the new printer").await;
    let second = open(&admin, alice_id, tina_id, "Move the desk phone").await;
    let tina = app.client();
    tina.login("tina", "technician pass").await;
    let page = format!("/tickets/{first}");
    let plan = format!("/tickets/{first}/interventions");
    tina.get(&page)
        .await
        .assert_contains("Plan an intervention");

    // A wrong date and time come back with what was typed and a message on each field.
    let r = tina
        .submit(
            &page,
            &plan,
            &[
                ("start_date", "04/03/2030"),
                ("start_time", "9h"),
                ("end_time", "11:30"),
                ("note", "Bring the toner"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Enter a date as YYYY-MM-DD.")
        .assert_contains("Enter a time as HH:MM.")
        .assert_contains("Bring the toner")
        .assert_contains(r#"value="04/03/2030""#);
    // An end before the start is refused too; nothing was written.
    let r = tina
        .submit(
            &page,
            &plan,
            &[
                ("start_date", "2030-03-04"),
                ("start_time", "11:00"),
                ("end_time", "10:00"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("The end must come after the start.");
    assert_eq!(app.count("SELECT count(*) FROM interventions"), 0);

    // Planned for the ticket's technician (the default), it shows on the ticket and its thread.
    let r = tina
        .submit(
            &page,
            &plan,
            &[
                ("start_date", "2030-03-04"),
                ("start_time", "09:00"),
                ("end_time", "11:30"),
                ("note", "Bring the toner"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let i1 = app.count(&format!(
        "SELECT id FROM interventions WHERE ticket_id = {first}"
    ));
    let r = tina.get(&page).await;
    r.assert_contains("Bring the toner").assert_contains("tina");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM thread_entries WHERE ticket_id = {first} AND kind = 'intervention_planned'"
        )),
        1
    );
    r.assert_contains("planned an intervention of");

    // The requester gets a mail with an invitation their calendar program reads.
    let mails = invitations(&smtp, 1).await;
    assert_eq!(mails[0].to, vec!["alice@example.test".to_owned()]);
    let events = parse_ics(&the_invitation(&mails[0]));
    assert_eq!(events[0], "PUBLISH");
    let fields: Vec<&str> = events[1].split('|').collect();
    assert!(
        fields[0].starts_with(&format!("intervention-{i1}@")),
        "{fields:?}"
    );
    assert_eq!(fields[1], "0");
    assert_eq!(fields[2], format!("#{first} Install the new printer"));
    assert_eq!(fields[3], utc("2030-03-04", "09:00:00"));
    assert_eq!(fields[4], utc("2030-03-04", "11:30:00"));

    // A second one at an overlapping time, on another ticket: planned, and the conflict shown.
    let r = tina
        .submit(
            &format!("/tickets/{second}"),
            &format!("/tickets/{second}/interventions"),
            &[
                ("technician", &tina_id.to_string()),
                ("start_date", "2030-03-04"),
                ("start_time", "10:00"),
                ("end_time", "12:00"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let i2 = app.count(&format!(
        "SELECT id FROM interventions WHERE ticket_id = {second}"
    ));
    tina.get(&format!("/tickets/{second}"))
        .await
        .assert_contains("The technician is already planned at that time:")
        .assert_contains(&format!("#{first} Install the new printer"));

    // The week: both, marked as overlapping; the month: the same, under its name.
    let week = tina.get("/calendar?view=week&date=2030-03-06").await;
    assert_eq!(week.status, StatusCode::OK);
    week.assert_contains(&format!("#{first} Install the new printer"))
        .assert_contains(&format!("#{second} Move the desk phone"))
        .assert_contains("cal-conflict");
    let month = tina.get("/calendar?view=month&date=2030-03-20").await;
    month
        .assert_contains("March 2030")
        .assert_contains(&format!("#{second} Move the desk phone"));
    // The day after holds nothing.
    tina.get("/calendar?view=day&date=2030-03-05")
        .await
        .assert_contains("Nothing is planned in this period.");

    // Moved to the next afternoon by the calendar's plain form: same length, no more conflict.
    let r = tina
        .submit(
            "/calendar?view=week&date=2030-03-04",
            &format!("/calendar/interventions/{i2}/move"),
            &[
                ("version", "0"),
                ("start_date", "2030-03-05"),
                ("start_time", "14:00"),
                ("technician", &tina_id.to_string()),
                ("view", "week"),
                ("tech", &tina_id.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let back = r.location().expect("back to the calendar").to_owned();
    assert!(
        back.contains("view=week") && back.contains(&format!("moved={i2}")),
        "{back}"
    );
    assert_eq!(
        app.text(&format!(
            "SELECT (ends_at - starts_at) || ' ' || version FROM interventions WHERE id = {i2}"
        )),
        "7200 1"
    );
    let mails = invitations(&smtp, 3).await;
    let moved = mails
        .iter()
        .map(|m| parse_ics(&the_invitation(m)))
        .find(|e| e[1].contains(&utc("2030-03-05", "14:00:00")))
        .expect("the changed invitation");
    let fields: Vec<&str> = moved[1].split('|').collect();
    assert_eq!(fields[1], "1");
    assert_eq!(fields[3], utc("2030-03-05", "14:00:00"));

    // A day that is none comes back on the entry's form, with what was typed.
    let r = tina
        .submit(
            "/calendar?view=week&date=2030-03-04",
            &format!("/calendar/interventions/{i2}/move"),
            &[
                ("version", "1"),
                ("start_date", "next friday"),
                ("start_time", "14:00"),
                ("view", "week"),
                ("date", "2030-03-05"),
                ("tech", "all"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Enter a date as YYYY-MM-DD.")
        .assert_contains("next friday");

    // The same move from a page that showed the old version is refused, not applied twice.
    let r = tina
        .submit(
            "/calendar?view=week&date=2030-03-04",
            &format!("/calendar/interventions/{i2}/move"),
            &[
                ("version", "0"),
                ("start_date", "2030-03-06"),
                ("start_time", "08:00"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(
        app.count(&format!(
            "SELECT version FROM interventions WHERE id = {i2}"
        )),
        1
    );

    // Removed: gone from the ticket, recorded, and the requester's calendar told to drop it.
    let r = tina
        .submit(
            &page,
            &format!("/calendar/interventions/{i1}/delete"),
            &[("version", "0")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM interventions WHERE id = {i1}"
        )),
        0
    );
    tina.get(&page)
        .await
        .assert_contains("removed the intervention of");
    let mails = invitations(&smtp, 4).await;
    let cancelled = mails
        .iter()
        .map(|m| parse_ics(&the_invitation(m)))
        .find(|e| e[0] == "CANCEL")
        .expect("the cancellation");
    assert_eq!(cancelled[0], "CANCEL");
    assert!(cancelled[1].ends_with("|CANCELLED"), "{cancelled:?}");

    // From the calendar itself, by ticket number (`planning_direct_event`): a number that is
    // none comes back with what was typed; a good one plans and shows its week.
    app.set_right(Profile::Technician, "planning_direct_event", true);
    let direct = |ticket: String| {
        let tina = &tina;
        async move {
            tina.submit(
                "/calendar",
                "/calendar/interventions",
                &[
                    ("ticket", ticket.as_str()),
                    ("start_date", "2030-03-08"),
                    ("start_time", "09:00"),
                    ("end_time", "10:00"),
                    ("note", "Swap the handset"),
                ],
            )
            .await
        }
    };
    let r = direct("#12x".to_owned()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Enter the number of a ticket you see.")
        .assert_contains("Swap the handset");
    let r = direct("999999".to_owned()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = direct(format!("#{second}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(r.location().unwrap_or_default().contains("date=2030-03-08"));
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM interventions WHERE ticket_id = {second}"
        )),
        2
    );

    // A requester reaches neither the calendar nor the planning, whatever they send.
    let alice = app.client();
    alice.login("alice", "requester pass").await;
    assert_eq!(alice.get("/calendar").await.status, StatusCode::FORBIDDEN);
    let r = alice
        .submit(
            &format!("/tickets/{first}"),
            &plan,
            &[
                ("start_date", "2030-03-04"),
                ("start_time", "09:00"),
                ("end_time", "10:00"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // With the function off, the calendar is not there.
    app.set_setting("planning", "0");
    assert_eq!(tina.get("/calendar").await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_technician_subscribes_to_a_private_feed_that_a_new_address_or_removal_stops() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("planning", "1");
    app.create_user("tina", "technician pass", Profile::Technician)
        .await;
    let tina_id = app.user_id("tina");
    let ticket = open(
        &admin,
        app.user_id("admin"),
        tina_id,
        "Replace the UPS battery",
    )
    .await;
    let tina = app.client();
    tina.login("tina", "technician pass").await;
    // Two whole days next week: a feed reaches a year ahead.
    let today = gestdesk::domain::calendar::period::date_of(gestdesk::domain::clock::now());
    let (first, last, after) = (
        today.checked_add(jiff::Span::new().days(7)).expect("date"),
        today.checked_add(jiff::Span::new().days(8)).expect("date"),
        today.checked_add(jiff::Span::new().days(9)).expect("date"),
    );
    let r = tina
        .submit(
            &format!("/tickets/{ticket}"),
            &format!("/tickets/{ticket}/interventions"),
            &[
                ("start_date", &first.to_string()),
                ("end_date", &last.to_string()),
                ("all_day", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    let secret_of = |body: &str| -> String {
        let at = body.find("/calendar/ics/").expect("the feed address") + "/calendar/ics/".len();
        body[at..at + 64].to_owned()
    };
    let r = tina.submit("/calendar", "/calendar/feed", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let secret = secret_of(&r.body);
    // Only its hash is kept.
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM calendar_feeds WHERE token_hash = '{secret}'"
        )),
        0
    );
    assert_eq!(app.count("SELECT count(*) FROM calendar_feeds"), 1);

    // A calendar program, with no session, reads it.
    let program = app.client();
    let feed = program.get(&format!("/calendar/ics/{secret}")).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(
        feed.headers["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/calendar")
    );
    let events = parse_ics(&feed.body);
    assert_eq!(events.len(), 2, "{events:?}");
    let fields: Vec<&str> = events[1].split('|').collect();
    assert_eq!(fields[2], format!("#{ticket} Replace the UPS battery"));
    assert_eq!(
        (fields[3].to_owned(), fields[4].to_owned()),
        (first.to_string(), after.to_string())
    );
    tina.get("/calendar").await.assert_contains("Last read on");

    // A wrong secret, then the old one after a new address, then the new one after removal:
    // each answers "not found".
    let wrong = format!("{}0", &secret[..63]);
    let wrong = if wrong == secret {
        format!("{}1", &secret[..63])
    } else {
        wrong
    };
    assert_eq!(
        program.get(&format!("/calendar/ics/{wrong}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        program.get("/calendar/ics/nonsense").await.status,
        StatusCode::NOT_FOUND
    );
    let r = tina.submit("/calendar", "/calendar/feed", &[]).await;
    let renewed = secret_of(&r.body);
    assert_ne!(renewed, secret);
    assert_eq!(
        program.get(&format!("/calendar/ics/{secret}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        program
            .get(&format!("/calendar/ics/{renewed}"))
            .await
            .status,
        StatusCode::OK
    );
    // An owner who no longer holds `planning` (or is disabled) reads nothing.
    app.set_right(Profile::Technician, "planning", false);
    assert_eq!(
        program
            .get(&format!("/calendar/ics/{renewed}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    app.set_right(Profile::Technician, "planning", true);
    let r = tina.submit("/calendar", "/calendar/feed/delete", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        program
            .get(&format!("/calendar/ics/{renewed}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}
