//! An administrator sets availability up through its page; the report over June 2025 on a
//! small set of incidents gives the figures worked out by hand (overlaps counted once, a
//! dependency hitting every service, a planned one, an incident cut by the period's start, one
//! not critical and one deleted left out); a technician corrects a ticket's unavailability and
//! the figures follow; a requester reaches none of it.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::TestApp;

/// Local time `text` (`YYYY-MM-DD HH:MM`) in Unix seconds.
fn at(text: &str) -> i64 {
    let local: jiff::civil::DateTime = text.replacen(' ', "T", 1).parse().expect("local time");
    local
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .expect("zoned")
        .timestamp()
        .as_second()
}

/// A ticket written directly with its dates: critical unless `criticality` says otherwise.
fn ticket(app: &TestApp, title: &str, sub: i64, from: &str, to: &str, criticality: i64) -> i64 {
    let sql = app.sql();
    sql.execute(
        "INSERT INTO tickets (title, state_id, created_at, modified_at, resolved_at, category_id,
             subcategory_id, criticality_id)
         VALUES (?1, 3, ?2, ?2, ?3, (SELECT category_id FROM subcategories WHERE id = ?4), ?4, ?5)",
        rusqlite::params![title, at(from), at(to), sub, criticality],
    )
    .expect("ticket");
    sql.last_insert_rowid()
}

/// The line of `service` in the CSV export: rate, target, downtime, unplanned, planned
/// (minutes), incidents.
fn csv_line(body: &str, service: &str) -> Vec<String> {
    let line = body
        .lines()
        .find(|l| l.contains(service))
        .unwrap_or_else(|| panic!("{service} not in {body}"));
    line.split(';')
        .skip(3)
        .map(|c| c.trim_matches('"').to_owned())
        .collect()
}

#[tokio::test]
async fn rates_follow_the_incidents_of_monitored_services_as_worked_out_by_hand() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("availability", "1");
    let sql = app.sql();
    sql.execute_batch(
        "INSERT INTO categories (name) VALUES ('Apps'), ('Network');
         INSERT INTO subcategories (category_id, name)
             SELECT id, 'Mail' FROM categories WHERE name = 'Apps';
         INSERT INTO subcategories (category_id, name)
             SELECT id, 'Web' FROM categories WHERE name = 'Apps';
         INSERT INTO subcategories (category_id, name)
             SELECT id, 'Switch' FROM categories WHERE name = 'Network';",
    )
    .expect("lists");
    let id = |sql_text: &str| app.count(sql_text);
    let apps = id("SELECT id FROM categories WHERE name = 'Apps'");
    let network = id("SELECT id FROM categories WHERE name = 'Network'");
    let mail = id("SELECT id FROM subcategories WHERE name = 'Mail'");
    let web = id("SELECT id FROM subcategories WHERE name = 'Web'");
    let switch = id("SELECT id FROM subcategories WHERE name = 'Switch'");

    // Set up through the page: only Apps' subcategories, dependencies on, critical tickets.
    let page = "/admin/availability";
    let r = admin
        .submit(
            page,
            page,
            &[
                ("availability_all_cat", "0"),
                ("availability_dep", "1"),
                ("availability_condition", "criticality:999"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Choose one of the criticalities or types offered.");
    let r = admin
        .submit(
            page,
            page,
            &[
                ("availability_dep", "1"),
                ("availability_condition", "criticality:1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let add = |list: &'static str, category: i64, sub: Option<i64>| {
        let admin = &admin;
        async move {
            let sub = sub.map(|s| s.to_string()).unwrap_or_default();
            admin
                .submit(
                    page,
                    &format!("/admin/availability/{list}"),
                    &[("category", &category.to_string()), ("subcategory", &sub)],
                )
                .await
        }
    };
    assert_eq!(
        add("monitored", apps, None).await.status,
        StatusCode::SEE_OTHER
    );
    let twice = add("monitored", apps, None).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    twice.assert_contains("It is already in the list.");
    let wrong = add("dependencies", apps, Some(switch)).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    wrong.assert_contains("Choose a subcategory of that category.");
    assert_eq!(
        add("dependencies", network, Some(switch)).await.status,
        StatusCode::SEE_OTHER
    );
    let target = |t: &'static str| {
        let admin = &admin;
        async move {
            admin
                .submit(
                    page,
                    "/admin/availability/targets",
                    &[
                        ("subcategory", &mail.to_string()),
                        ("year", "2025"),
                        ("target", t),
                    ],
                )
                .await
        }
    };
    assert_eq!(target("101").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(target("99,0").await.status, StatusCode::SEE_OTHER);

    // June 2025: 720 hours.
    let t1 = ticket(
        &app,
        "Mail down",
        mail,
        "2025-06-10 08:00",
        "2025-06-10 14:00",
        1,
    );
    let t2 = ticket(
        &app,
        "Mail slow",
        mail,
        "2025-06-10 12:00",
        "2025-06-10 16:00",
        1,
    );
    let t3 = ticket(
        &app,
        "Mail upgrade",
        mail,
        "2025-06-01 09:00",
        "2025-07-01 09:00",
        1,
    );
    sql.execute(
        "INSERT INTO ticket_unavailability (ticket_id, starts_at, ends_at, planned, updated_at)
         VALUES (?1, ?2, ?3, 1, 0)",
        rusqlite::params![t3, at("2025-06-20 22:00"), at("2025-06-21 00:00")],
    )
    .expect("planned");
    ticket(
        &app,
        "Core switch reboot",
        switch,
        "2025-06-25 10:00",
        "2025-06-25 11:00",
        1,
    );
    ticket(
        &app,
        "Mail at midnight",
        mail,
        "2025-05-31 22:00",
        "2025-06-01 02:00",
        1,
    );
    let minor = ticket(
        &app,
        "Mail quota",
        mail,
        "2025-06-15 00:00",
        "2025-06-16 00:00",
        3,
    );
    let deleted = ticket(
        &app,
        "Mail typo",
        mail,
        "2025-06-12 00:00",
        "2025-06-13 00:00",
        1,
    );
    sql.execute("UPDATE tickets SET deleted = 1 WHERE id = ?1", [deleted])
        .expect("deleted");
    ticket(
        &app,
        "Web hiccup",
        web,
        "2025-06-05 09:00",
        "2025-06-05 09:30",
        1,
    );

    // Mail: 08-16 on the 10th (8 h, overlap once), 2 h planned, 1 h switch, 2 h from May:
    // 13 h down of 720, 11 unplanned, 5 incidents. Web: 0.5 h + the switch's hour.
    let june = "/availability?period=custom&from=2025-06-01&to=2025-06-30";
    let report = admin.get(june).await;
    assert_eq!(report.status, StatusCode::OK);
    report
        .assert_contains("98.19%")
        .assert_contains("99.79%")
        .assert_contains("target missed")
        .assert_contains("13 h 00")
        .assert_contains("<svg");
    let csv = admin
        .get("/availability/export.csv?period=month&date=2025-06-15")
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with('\u{feff}'));
    assert_eq!(
        csv_line(&csv.body, "Apps › Mail"),
        ["98.194", "99.000", "780", "660", "120", "5"]
    );
    assert_eq!(
        csv_line(&csv.body, "Apps › Web"),
        ["99.792", "", "90", "90", "0", "2"]
    );
    assert!(!csv.body.contains("Network"), "a dependency is no service");

    // A technician sees T1's unavailability, corrects T2's, and the figures follow.
    app.create_user("tina", "technician pass", Profile::Technician)
        .await;
    let tina = app.client();
    tina.login("tina", "technician pass").await;
    tina.get(&format!("/tickets/{t1}"))
        .await
        .assert_contains("id=\"unavailability\"");
    assert!(
        !tina
            .get(&format!("/tickets/{minor}"))
            .await
            .body
            .contains("id=\"unavailability\""),
        "a ticket that is not critical does not count"
    );
    let t2_page = format!("/tickets/{t2}");
    let fix = format!("/tickets/{t2}/unavailability");
    let r = tina
        .submit(
            &t2_page,
            &fix,
            &[
                ("unavailable_from", "2025-06-10T12:00"),
                ("unavailable_to", "2025-06-10T11:00"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("The end must come after the start.")
        .assert_contains("2025-06-10T11:00");
    let r = tina
        .submit(
            &t2_page,
            &fix,
            &[
                ("unavailable_from", "2025-06-10T12:00"),
                ("unavailable_to", "2025-06-10T13:00"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let csv = admin
        .get("/availability/export.csv?period=month&date=2025-06-15")
        .await;
    assert_eq!(csv_line(&csv.body, "Apps › Mail")[2], "660");
    let r = tina.submit(&t2_page, &format!("{fix}/reset"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let csv = admin
        .get("/availability/export.csv?period=month&date=2025-06-15")
        .await;
    assert_eq!(csv_line(&csv.body, "Apps › Mail")[2], "780");

    // A period the wrong way round is refused with a message.
    let r = admin
        .get("/availability?period=custom&from=2025-06-30&to=2025-06-01")
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("The end must not come before the start.");

    // A requester reaches none of it; with the function off, it is gone.
    app.create_user("rita", "requester pass", Profile::User)
        .await;
    let rita = app.client();
    rita.login("rita", "requester pass").await;
    assert_eq!(rita.get(june).await.status, StatusCode::FORBIDDEN);
    app.set_setting("availability", "0");
    assert_eq!(admin.get(june).await.status, StatusCode::NOT_FOUND);
    app.stop().await;
}
