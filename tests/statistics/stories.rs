//! Seven tickets around June 2025 (one opened before it and closed in it, one opened on its
//! first second, one on its last hour, one the second after it, one without a technician, one
//! resolved, reopened and resolved again, one resolved after it) and their threads. A
//! supervisor reads June's statistics; each figure is compared with one worked out here
//! independently, from the same facts.

use std::collections::BTreeMap;

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{Client, TestApp};

/// The local time of 2025-06-`day` (or another month) at `hour`:00, as stored.
fn at(month: i8, day: i8, hour: i8) -> i64 {
    jiff::civil::date(2025, month, day)
        .at(hour, 0, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .expect("local time")
        .timestamp()
        .as_second()
}

struct Ticket {
    created: i64,
    resolved: Option<i64>,
    state: i64,
    technician: Option<&'static str>,
    category: &'static str,
    requester: &'static str,
    minutes: i64,
    /// State changes: (when, from, to).
    changes: Vec<(i64, i64, i64)>,
    /// Replies: (when, author, private).
    replies: Vec<(i64, &'static str, bool)>,
}

fn tickets() -> Vec<Ticket> {
    vec![
        // 1: opened before June, resolved in it.
        Ticket {
            created: at(5, 30, 10),
            resolved: Some(at(6, 2, 10)),
            state: 3,
            technician: Some("tina"),
            category: "Printers",
            requester: "alice",
            minutes: 0,
            changes: vec![(at(6, 2, 10), 1, 3)],
            replies: vec![],
        },
        // 2: opened on June's first second; answered by its technician 8 hours later.
        Ticket {
            created: at(6, 1, 0),
            resolved: None,
            state: 2,
            technician: Some("tina"),
            category: "Network",
            requester: "alice",
            minutes: 30,
            changes: vec![(at(6, 1, 9), 1, 2)],
            replies: vec![(at(6, 1, 8), "tina", false)],
        },
        // 3: no technician; only its requester wrote.
        Ticket {
            created: at(6, 10, 12),
            resolved: None,
            state: 5,
            technician: None,
            category: "Printers",
            requester: "bob",
            minutes: 0,
            changes: vec![],
            replies: vec![(at(6, 10, 13), "bob", false)],
        },
        // 4: resolved, reopened, resolved again; a private note before the first answer.
        Ticket {
            created: at(6, 5, 9),
            resolved: Some(at(6, 20, 10)),
            state: 3,
            technician: Some("tom"),
            category: "Network",
            requester: "bob",
            minutes: 120,
            changes: vec![
                (at(6, 5, 10), 1, 2),
                (at(6, 6, 10), 2, 3),
                (at(6, 8, 10), 3, 2),
                (at(6, 20, 10), 2, 3),
            ],
            replies: vec![(at(6, 5, 10), "tom", true), (at(6, 5, 11), "tom", false)],
        },
        // 5: opened in June's last hour.
        Ticket {
            created: at(6, 30, 23),
            resolved: None,
            state: 1,
            technician: Some("tom"),
            category: "Printers",
            requester: "alice",
            minutes: 0,
            changes: vec![],
            replies: vec![],
        },
        // 6: opened the second after June.
        Ticket {
            created: at(7, 1, 0),
            resolved: None,
            state: 1,
            technician: Some("tina"),
            category: "Printers",
            requester: "alice",
            minutes: 0,
            changes: vec![],
            replies: vec![],
        },
        // 7: opened in June, resolved in July.
        Ticket {
            created: at(6, 15, 10),
            resolved: Some(at(7, 2, 10)),
            state: 3,
            technician: Some("tina"),
            category: "Printers",
            requester: "alice",
            minutes: 90,
            changes: vec![(at(7, 2, 10), 1, 3)],
            replies: vec![],
        },
    ]
}

/// Writes the tickets and their threads; returns the users' display names by login.
fn seed(app: &TestApp, list: &[Ticket]) -> BTreeMap<&'static str, String> {
    let conn = app.sql();
    let mut names = BTreeMap::new();
    for login in ["tina", "tom", "alice", "bob"] {
        names.insert(
            login,
            app.text(&format!(
                "SELECT display_name FROM users WHERE login = '{login}'"
            )),
        );
    }
    for (i, name) in ["Printers", "Network"].iter().enumerate() {
        conn.execute(
            "INSERT INTO categories (id, position, name) VALUES (?1, ?1, ?2)",
            rusqlite::params![900 + i as i64, name],
        )
        .expect("category");
    }
    let category = |n: &str| if n == "Printers" { 900 } else { 901 };
    for t in list {
        conn.execute(
            "INSERT INTO tickets (title, state_id, created_at, modified_at, resolved_at,
                 technician_id, category_id, requester_id, time_spent_minutes)
             VALUES ('Seeded', ?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![
                t.state,
                t.created,
                t.resolved,
                t.technician.map(|l| app.user_id(l)),
                category(t.category),
                app.user_id(t.requester),
                t.minutes
            ],
        )
        .expect("ticket");
        let id = conn.last_insert_rowid();
        for (when, from, to) in &t.changes {
            conn.execute(
                "INSERT INTO thread_entries (ticket_id, created_at, kind, state_from_id, state_id)
                 VALUES (?1, ?2, 'state', ?3, ?4)",
                rusqlite::params![id, when, from, to],
            )
            .expect("change");
        }
        for (when, author, private) in &t.replies {
            conn.execute(
                "INSERT INTO thread_entries (ticket_id, created_at, kind, author_id, body, private)
                 VALUES (?1, ?2, 'text', ?3, 'A reply', ?4)",
                rusqlite::params![id, when, app.user_id(author), private],
            )
            .expect("reply");
        }
    }
    names
}

/// Figure `figure`'s rows from its export: label and cells.
async fn rows(client: &Client, query: &str, figure: &str) -> Vec<(String, Vec<String>)> {
    let r = client
        .get(&format!("/statistics/export.csv?{query}&figure={figure}"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{figure}: {}", r.body);
    r.body
        .trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .map(|l| {
            let mut cells: Vec<String> = l
                .split(';')
                .map(|c| c.trim_matches('"').to_owned())
                .collect();
            let label = cells.remove(0);
            (label, cells)
        })
        .collect()
}

/// The first figure of each row, as counts by label.
async fn counts(client: &Client, query: &str, figure: &str) -> BTreeMap<String, i64> {
    rows(client, query, figure)
        .await
        .into_iter()
        .map(|(l, c)| (l, c[0].parse().expect("a number")))
        .collect()
}

fn map(pairs: &[(&str, i64)]) -> BTreeMap<String, i64> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

#[tokio::test]
async fn a_supervisor_reads_junes_figures_as_worked_out_by_hand() {
    let (app, _admin) = TestApp::with_admin().await;
    for (login, profile) in [
        ("tina", Profile::Technician),
        ("tom", Profile::Technician),
        ("alice", Profile::User),
        ("bob", Profile::User),
        ("sam", Profile::Supervisor),
    ] {
        app.create_user(login, "a long pass", profile).await;
    }
    // The time per state needs its own right (GestSup's `stat_ticket_time_by_states`).
    app.set_right(Profile::Supervisor, "stat_ticket_time_by_states", true);
    let list = tickets();
    let names = seed(&app, &list);
    let name = |login: &str| names[login].clone();
    let sam = app.client();
    sam.login("sam", "a long pass").await;
    let june = "period=month&date=2025-06-15";
    let (from, to) = (at(6, 1, 0), at(7, 1, 0));
    let within = |t: i64| t >= from && t < to;

    // Worked out here: the tickets opened in June, and those resolved in it.
    let opened: Vec<&Ticket> = list.iter().filter(|t| within(t.created)).collect();
    let resolved: Vec<&Ticket> = list
        .iter()
        .filter(|t| t.resolved.is_some_and(within))
        .collect();
    assert_eq!((opened.len(), resolved.len()), (5, 2));

    let page = sam.get(&format!("/statistics?{june}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_contains("June 2025")
        .assert_contains("<dt>Opened</dt><dd>5</dd>")
        .assert_contains("<dt>Closed</dt><dd>2</dd>")
        .assert_contains("<dt>Open now</dt><dd>4</dd>")
        .assert_contains(r#"id="time-by-state""#);

    // Per day: opened on the 1st, 5th, 10th, 15th and 30th; closed on the 2nd and 20th;
    // advanced (a change or a reply) once per ticket and day.
    let days = rows(&sam, june, "over-time").await;
    assert_eq!(days.len(), 30);
    let day = |d: usize| days[d - 1].1.clone();
    let mut expected_advanced: BTreeMap<usize, std::collections::BTreeSet<usize>> = BTreeMap::new();
    for (i, t) in list.iter().enumerate() {
        let moments = t
            .changes
            .iter()
            .map(|c| c.0)
            .chain(t.replies.iter().map(|r| r.0));
        for m in moments.filter(|m| within(*m)) {
            let d = ((m - from) / 86_400) as usize + 1;
            expected_advanced.entry(d).or_default().insert(i);
        }
    }
    for d in 1..=30 {
        let opened_that_day = opened
            .iter()
            .filter(|t| ((t.created - from) / 86_400) as usize + 1 == d)
            .count();
        let closed_that_day = resolved
            .iter()
            .filter(|t| ((t.resolved.unwrap_or(0) - from) / 86_400) as usize + 1 == d)
            .count();
        let advanced = expected_advanced.get(&d).map_or(0, |s| s.len());
        assert_eq!(
            day(d),
            [
                opened_that_day.to_string(),
                closed_that_day.to_string(),
                advanced.to_string()
            ],
            "June {d}"
        );
    }

    // Shares of the tickets opened in June.
    assert_eq!(
        counts(&sam, june, "by-technician").await,
        map(&[(&name("tina"), 2), (&name("tom"), 2), ("(none)", 1)])
    );
    assert_eq!(
        counts(&sam, june, "by-category").await,
        map(&[("Printers", 3), ("Network", 2)])
    );
    assert_eq!(
        counts(&sam, june, "top-requesters").await,
        map(&[(&name("alice"), 3), (&name("bob"), 2)])
    );
    assert_eq!(
        counts(&sam, june, "workload").await,
        map(&[("Network", 150), ("Printers", 90)])
    );
    // Open today, whatever the period: 2, 3, 5 and 6.
    assert_eq!(
        counts(&sam, june, "open-now").await,
        map(&[(&name("tina"), 2), (&name("tom"), 1), ("(none)", 1)])
    );

    // Resolution time of the tickets resolved in June: mean, median, count.
    let by_tech = rows(&sam, june, "resolution-technician").await;
    let tina = by_tech
        .iter()
        .find(|(l, _)| *l == name("tina"))
        .expect("tina");
    assert_eq!(tina.1, ["259200", "259200", "1"]);
    let tom = by_tech
        .iter()
        .find(|(l, _)| *l == name("tom"))
        .expect("tom");
    let reopened = at(6, 20, 10) - at(6, 5, 9);
    assert_eq!(
        tom.1,
        [reopened.to_string(), reopened.to_string(), "1".into()]
    );

    // First response: the first public reply by someone else than the requester.
    let first = rows(&sam, june, "first-response").await;
    assert_eq!(
        first,
        [
            (
                name("tina"),
                vec!["28800".into(), "28800".into(), "1".into()]
            ),
            (name("tom"), vec!["7200".into(), "7200".into(), "1".into()]),
        ]
    );
    page.assert_contains("<dt>First response, mean</dt><dd>5 h 00</dd>");

    // Time in each open state, worked out from the same changes, up to now.
    let now = jiff::Timestamp::now().as_second();
    let mut in_state: BTreeMap<i64, i64> = BTreeMap::new();
    for t in &opened {
        let mut state = t.changes.first().map_or(t.state, |c| c.1);
        let mut since = t.created;
        for (when, _, to) in &t.changes {
            if state != 3 && state != 4 {
                *in_state.entry(state).or_default() += when - since;
            }
            state = *to;
            since = *when;
        }
        if state != 3 && state != 4 {
            *in_state.entry(state).or_default() += now - since;
        }
    }
    let states = rows(&sam, june, "time-by-state").await;
    let state_name = |id: i64| {
        let key = app.text(&format!(
            "SELECT COALESCE(name, name_key) FROM ticket_states WHERE id = {id}"
        ));
        gestdesk::i18n::Lang::En.t(&key)
    };
    for (id, seconds) in &in_state {
        let got: i64 = states
            .iter()
            .find(|(l, _)| *l == state_name(*id))
            .map(|(_, c)| c[0].parse().expect("seconds"))
            .unwrap_or_else(|| panic!("state {id} missing: {states:?}"));
        assert!(
            (got - seconds).abs() < 120,
            "state {id}: {got} vs {seconds}"
        );
    }

    // The filters narrow every figure: Tom's tickets, then the printers.
    let toms = format!("{june}&technician={}", app.user_id("tom"));
    assert_eq!(
        counts(&sam, &toms, "by-category").await,
        map(&[("Printers", 1), ("Network", 1)])
    );
    sam.get(&format!("/statistics?{toms}"))
        .await
        .assert_contains("<dt>Opened</dt><dd>2</dd>")
        .assert_contains("<dt>Closed</dt><dd>1</dd>");
    let printers = format!("{june}&category=900");
    assert_eq!(
        counts(&sam, &printers, "by-technician").await,
        map(&[(&name("tina"), 1), (&name("tom"), 1), ("(none)", 1)])
    );

    // The 30 days up to June 30th are June: the same figures.
    sam.get("/statistics?period=30-days&date=2025-06-30")
        .await
        .assert_contains("<dt>Opened</dt><dd>5</dd>")
        .assert_contains("<dt>Closed</dt><dd>2</dd>");

    // The filtered tickets as CSV: June's, oldest first.
    let csv = sam
        .get(&format!("/statistics/export.csv?{june}&figure=tickets"))
        .await;
    assert!(csv.body.starts_with('\u{feff}'));
    assert_eq!(csv.body.lines().count(), 1 + 5);

    // Bad input: a reversed custom period comes back on its field; an unknown figure is not
    // found; a filter that is no id is no filter.
    let r = sam
        .get("/statistics?period=custom&from=2025-06-30&to=2025-06-01")
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("field-error");
    let r = sam
        .get(&format!("/statistics/export.csv?{june}&figure=nothing"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = sam
        .get(&format!("/statistics?{june}&technician=x%27%20OR%201=1"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    r.assert_contains("<dt>Opened</dt><dd>5</dd>");

    // A printable page, and the right it needs.
    let print = sam.get(&format!("/statistics?{june}&print=1")).await;
    print.assert_contains("print-sheet");
    let alice = app.client();
    alice.login("alice", "a long pass").await;
    assert_eq!(
        alice.get(&format!("/statistics?{june}")).await.status,
        StatusCode::FORBIDDEN
    );
    app.stop().await;
}

#[tokio::test]
async fn a_supervisor_counts_the_assets_and_the_warranties_ending_each_quarter() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    app.create_user("sam", "a long pass", Profile::Supervisor)
        .await;
    // This quarter's first day, and days within this quarter, the next, and last year.
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date();
    let quarter = jiff::civil::date(today.year(), (today.month() - 1) / 3 * 3 + 1, 1);
    let day = |d: jiff::civil::Date| d.to_string();
    let this_quarter = day(quarter
        .checked_add(jiff::Span::new().days(10))
        .expect("date"));
    let next_quarter = day(quarter
        .checked_add(jiff::Span::new().months(3).days(5))
        .expect("date"));
    let ended = day(quarter
        .checked_sub(jiff::Span::new().years(1))
        .expect("date"));
    let sql = app.sql();
    sql.execute_batch(
        "INSERT INTO asset_types (id, name) VALUES (2, 'Printer');
         INSERT INTO asset_manufacturers (id, name) VALUES (2, 'HP');
         INSERT INTO asset_models (id, type_id, manufacturer_id, name) VALUES (2, 2, 2, 'LaserJet');",
    )
    .expect("lists");
    for (name, kind, model, maker, state, warranty, deleted) in [
        ("pc-1", 1, 1, 1, 2, Some(this_quarter.as_str()), 0),
        ("pc-2", 1, 1, 1, 2, Some(next_quarter.as_str()), 0),
        ("pc-3", 1, 1, 1, 2, Some(ended.as_str()), 0),
        ("printer-1", 2, 2, 2, 1, None, 0),
        ("printer-2", 2, 2, 2, 1, None, 0),
        ("pc-gone", 1, 1, 1, 4, Some(this_quarter.as_str()), 1),
    ] {
        sql.execute(
            "INSERT INTO assets (name, type_id, model_id, manufacturer_id, state_id, warranty_end,
                 deleted, created_at, modified_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 0)",
            rusqlite::params![name, kind, model, maker, state, warranty, deleted],
        )
        .expect("asset");
    }
    let sam = app.client();
    sam.login("sam", "a long pass").await;
    let page = sam.get("/statistics?tab=assets").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_contains(r#"id="asset-types""#);
    let en = |k: &str| gestdesk::i18n::Lang::En.t(k);
    assert_eq!(
        counts(&sam, "tab=assets", "asset-types").await,
        map(&[(&en("asset-type-pc"), 3), ("Printer", 2)])
    );
    assert_eq!(
        counts(&sam, "tab=assets", "asset-models").await,
        map(&[("Optiplex 3020", 3), ("LaserJet", 2)])
    );
    assert_eq!(
        counts(&sam, "tab=assets", "asset-manufacturers").await,
        map(&[("Dell", 3), ("HP", 2)])
    );
    assert_eq!(
        counts(&sam, "tab=assets", "asset-states").await,
        map(&[
            (&en("asset-state-installed"), 3),
            (&en("asset-state-stock"), 2)
        ])
    );
    let warranties = rows(&sam, "tab=assets", "warranties").await;
    assert_eq!(warranties.len(), 9, "already ended, then eight quarters");
    let figures: Vec<&str> = warranties.iter().map(|(_, c)| c[0].as_str()).collect();
    assert_eq!(figures, ["1", "1", "1", "0", "0", "0", "0", "0", "0"]);
    assert!(
        warranties[1].0.contains(&today.year().to_string()),
        "{warranties:?}"
    );
    app.stop().await;
}
