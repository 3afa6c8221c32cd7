//! Finding work: the left menu's views and their counters for each viewer, the ticket list
//! (columns, sort, filters, pages, colours and markers), search, the activity view, the user
//! bar, the supervision screen, server-sent events and the CSV export, and bad input on each.

use std::time::Duration;

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::events::next_event;
use crate::common::lists::{listed, menu_count, parse_csv, row, userbar};
use crate::common::{Client, TestApp, open_ticket};

/// A ticket for `requester` (a login), handled by `technician` (a login or nobody), in `state`.
async fn ticket(
    app: &TestApp,
    by: &Client,
    title: &str,
    requester: &str,
    technician: Option<&str>,
    state: i64,
) -> i64 {
    let requester = format!("u{}", app.user_id(requester));
    let technician = technician.map_or(String::new(), |t| format!("u{}", app.user_id(t)));
    let state = state.to_string();
    open_ticket(
        app,
        by,
        &[
            ("requester", &requester),
            ("technician", &technician),
            ("title", title),
            ("description", "Details to follow."),
            ("state_id", &state),
        ],
    )
    .await
}

#[tokio::test]
async fn a_technicians_own_tickets_count_once_whether_handled_asked_or_both() {
    let (app, admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    app.create_user("victor", "some password", Profile::User)
        .await;
    let handled = ticket(&app, &admin, "Handled", "victor", Some("tom"), 2).await;
    let asked = ticket(&app, &admin, "Asked", "tom", Some("admin"), 2).await;
    let both = ticket(&app, &admin, "Both", "tom", Some("tom"), 6).await;
    ticket(&app, &admin, "Neither", "victor", Some("admin"), 2).await;
    let gone = ticket(&app, &admin, "Deleted", "tom", Some("tom"), 2).await;
    app.sql()
        .execute("UPDATE tickets SET deleted = 1 WHERE id = ?1", [gone])
        .expect("delete");
    app.sql()
        .execute("UPDATE change_counter SET tickets = tickets + 1", [])
        .expect("bump");

    let home = tom.get("/").await;
    assert_eq!(menu_count(&home.body, "/tickets?view=your"), Some(3));
    assert_eq!(
        menu_count(&home.body, "/tickets?view=your&state=2"),
        Some(2)
    );
    assert_eq!(
        menu_count(&home.body, "/tickets?view=your&state=meta"),
        Some(3)
    );
    // The lists agree with the menu, with or without a state.
    let mut all = listed(&tom.get("/tickets?view=your").await.body);
    all.sort_unstable();
    assert_eq!(all, vec![handled, asked, both]);
    let mut in_progress = listed(&tom.get("/tickets?view=your&state=2").await.body);
    in_progress.sort_unstable();
    assert_eq!(in_progress, vec![handled, asked]);
    // A filter narrows the list below the view's count, read for the filter.
    let filtered = tom.get("/tickets?view=your&f_title=both").await;
    assert_eq!(listed(&filtered.body), vec![both]);
    app.stop().await;
}

#[tokio::test]
async fn the_menu_counts_each_view_as_each_viewer_may_see_it() {
    let (app, admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    app.create_user("victor", "some password", Profile::User)
        .await;

    let t1 = ticket(&app, &admin, "Mail is slow", "ursula", Some("tom"), 2).await;
    let t2 = ticket(&app, &admin, "New badge", "ursula", Some("tom"), 6).await;
    let t3 = ticket(&app, &admin, "Screen flickers", "victor", Some("admin"), 1).await;
    let t4 = ticket(&app, &admin, "Wi-Fi drops", "victor", None, 5).await;
    let t5 = ticket(&app, &admin, "Toner", "ursula", Some("tom"), 3).await;

    // Tom's own tickets, by state, and everyone's.
    let home = tom.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert_eq!(
        menu_count(&home.body, "/tickets?view=your&state=meta"),
        Some(2)
    );
    assert_eq!(
        menu_count(&home.body, "/tickets?view=your&state=2"),
        Some(1)
    );
    assert_eq!(
        menu_count(&home.body, "/tickets?view=your&state=3"),
        Some(1)
    );
    assert_eq!(menu_count(&home.body, "/tickets?view=your"), Some(3));
    assert_eq!(
        menu_count(&home.body, "/tickets?view=all&state=meta"),
        Some(3)
    );
    assert_eq!(menu_count(&home.body, "/tickets?view=all&state=5"), Some(1));
    assert_eq!(menu_count(&home.body, "/tickets?view=all"), Some(5));
    // The home page is the default view: what is left to handle.
    let mut shown = listed(&home.body);
    shown.sort_unstable();
    assert_eq!(shown, vec![t1, t2]);

    // Ursula sees her own three tickets, nothing of Victor's, and no "all tickets".
    let mine = ursula.get("/").await;
    assert_eq!(menu_count(&mine.body, "/tickets?view=all"), None);
    let everything = ursula.get("/tickets?view=your").await;
    let mut seen = listed(&everything.body);
    seen.sort_unstable();
    assert_eq!(seen, vec![t1, t2, t5]);
    assert_eq!(
        ursula.get("/tickets?view=all").await.status,
        StatusCode::NOT_FOUND
    );

    // A technician group Tom belongs to gets its own view; the ticket given to the group counts.
    let sql = app.sql();
    sql.execute_batch(&format!(
        "INSERT INTO groups (id, name, kind) VALUES (7, 'Network', 'technician');
         INSERT INTO group_members (group_id, user_id) VALUES (7, {tom_id});
         UPDATE tickets SET tech_group_id = 7, state_id = 1 WHERE id = {t4};",
        tom_id = app.user_id("tom")
    ))
    .expect("group");
    // The group views come with `side_your_tech_group`, which no profile has at first.
    let home = tom.get("/").await;
    assert_eq!(
        menu_count(&home.body, "/tickets?view=group-7&state=open"),
        None
    );
    app.set_right(Profile::Technician, "side_your_tech_group", true);
    let home = tom.get("/").await;
    assert_eq!(
        menu_count(&home.body, "/tickets?view=group-7&state=open"),
        Some(1)
    );
    assert_eq!(
        listed(&tom.get("/tickets?view=group-7").await.body),
        vec![t4]
    );
    // Another technician's group is not Tom's to open.
    assert_eq!(
        tom.get("/tickets?view=group-99").await.status,
        StatusCode::NOT_FOUND
    );

    // A personal view: a shortcut to a category, added from the profile.
    let targets = tom.get("/profile?tab=settings").await;
    assert!(
        targets.body.contains("name=\"target\""),
        "no personal view form"
    );
    app.sql()
        .execute("UPDATE tickets SET category_id = 2 WHERE id = ?1", [t3])
        .expect("category");
    let added = tom
        .submit(
            "/profile?tab=settings",
            "/profile/views",
            &[("name", "Hardware"), ("target", "c2")],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let view_id = app.count("SELECT id FROM personal_views WHERE name = 'Hardware'");
    let home = tom.get("/").await;
    let href = format!("/tickets?view=personal-{view_id}&state=open");
    assert_eq!(menu_count(&home.body, &href), Some(1), "{}", home.body);

    // A change shows at once in the counters.
    app.sql()
        .execute("UPDATE tickets SET state_id = 3 WHERE id = ?1", [t1])
        .expect("resolve");
    let home = tom.get("/").await;
    assert_eq!(
        menu_count(&home.body, "/tickets?view=your&state=meta"),
        Some(1)
    );
    assert_eq!(
        menu_count(&home.body, "/tickets?view=your&state=3"),
        Some(2)
    );
    app.stop().await;
}

#[tokio::test]
async fn the_list_sorts_filters_pages_and_shows_columns_by_right() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("ursula", "some password", Profile::User)
        .await;
    app.set_setting("rows_per_page", "5");
    let mut ids = Vec::new();
    for n in 1..=12 {
        let state = if n % 3 == 0 { 2 } else { 1 };
        let title = format!("Ticket {n:02}");
        ids.push(ticket(&app, &admin, &title, "ursula", Some("admin"), state).await);
    }

    // Sorting by title, both ways, page by page.
    let up = admin.get("/tickets?view=all&sort=title&dir=asc").await;
    assert_eq!(listed(&up.body), ids[..5].to_vec());
    up.assert_contains(r#"aria-sort="ascending""#)
        .assert_contains("12 tickets");
    let down = admin.get("/tickets?view=all&sort=title&dir=desc").await;
    assert_eq!(
        listed(&down.body),
        ids.iter().rev().take(5).copied().collect::<Vec<_>>()
    );
    let last = admin
        .get("/tickets?view=all&sort=title&dir=asc&page=3")
        .await;
    assert_eq!(listed(&last.body), ids[10..].to_vec());
    // The header link reverses the order and keeps the view.
    up.assert_contains("/tickets?view=all&amp;sort=title&amp;dir=desc");

    // The default order (by state) is the same with a search that matches everything.
    let by_state = listed(&admin.get("/tickets?view=all").await.body);
    assert_eq!(
        listed(&admin.get("/tickets?view=all&q=ticket").await.body),
        by_state
    );
    assert_eq!(
        listed(&admin.get("/tickets?view=all&q=ticket&page=2").await.body),
        listed(&admin.get("/tickets?view=all&page=2").await.body)
    );

    // Filters under the headers: text contains, a listed value, a number.
    let one = admin.get("/tickets?view=all&f_title=ket+07").await;
    assert_eq!(listed(&one.body), vec![ids[6]]);
    let in_progress = admin
        .get("/tickets?view=all&f_state=2&sort=number&dir=asc")
        .await;
    assert_eq!(
        listed(&in_progress.body),
        vec![ids[2], ids[5], ids[8], ids[11]]
    );
    let by_number = admin
        .get(&format!("/tickets?view=all&f_number={}", ids[3]))
        .await;
    assert_eq!(listed(&by_number.body), vec![ids[3]]);
    // The filter keeps what was typed.
    one.assert_contains(r#"name="f_title" value="ket 07""#);

    // Columns follow the dashboard_col_* rights.
    assert!(!up.body.contains(r#"class="col-company""#));
    up.assert_contains(r#"class="col-category""#);
    app.set_right(Profile::Administrator, "dashboard_col_company", true);
    app.set_right(Profile::Administrator, "dashboard_col_category", false);
    let page = admin.get("/tickets?view=all").await;
    page.assert_contains(r#"class="col-company""#);
    assert!(!page.body.contains(r#"class="col-category""#));

    // Bad input: an unknown column, a negative or huge page, a filter that is not a number.
    let odd = admin
        .get("/tickets?view=all&sort=nonsense&dir=sideways")
        .await;
    assert_eq!(odd.status, StatusCode::OK);
    assert_eq!(listed(&odd.body).len(), 5);
    let negative = admin.get("/tickets?view=all&sort=title&page=-4").await;
    assert_eq!(listed(&negative.body), ids[..5].to_vec());
    let beyond = admin
        .get("/tickets?view=all&sort=title&page=999999999999")
        .await;
    assert_eq!(beyond.status, StatusCode::OK);
    assert_eq!(listed(&beyond.body), ids[10..].to_vec());
    let typo = admin
        .get("/tickets?view=all&f_number=abc&f_state=xyz")
        .await;
    assert_eq!(typo.status, StatusCode::OK);
    typo.assert_contains("alert-warning")
        .assert_contains("This filter was left out.");
    assert_eq!(listed(&typo.body).len(), 5);
    let unknown_view = admin.get("/tickets?view=group-abc&state=-1").await;
    assert_eq!(unknown_view.status, StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn numbers_are_coloured_and_marked_from_their_dates() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("ursula", "some password", Profile::User)
        .await;
    let unread = ticket(&app, &admin, "Unread", "ursula", Some("admin"), 1).await;
    let unanswered = ticket(&app, &admin, "Unanswered", "ursula", Some("admin"), 2).await;
    let advanced = ticket(&app, &admin, "Advanced", "ursula", Some("admin"), 2).await;
    let older = ticket(&app, &admin, "Older", "ursula", Some("admin"), 2).await;
    let closed = ticket(&app, &admin, "Closed late", "ursula", Some("admin"), 3).await;
    let now = jiff::Timestamp::now().as_second();
    let days_ago = now - 3 * 86_400;
    app.sql()
        .execute_batch(&format!(
            "UPDATE tickets SET tech_read = 0 WHERE id = {unread};
             UPDATE tickets SET tech_read = 1, last_tech_reply_at = NULL WHERE id = {unanswered};
             UPDATE tickets SET tech_read = 1, last_tech_reply_at = {now} WHERE id = {advanced};
             UPDATE tickets SET tech_read = 1, last_tech_reply_at = {days_ago},
                 created_at = {days_ago}, hope_date = '2001-02-03' WHERE id = {older};
             UPDATE tickets SET tech_read = 1, last_tech_reply_at = {days_ago},
                 created_at = {days_ago}, hope_date = '2001-02-03' WHERE id = {closed};"
        ))
        .expect("dates");

    let page = admin.get("/tickets?view=all").await;
    assert!(row(&page.body, unread).contains("num num-unread"));
    assert!(row(&page.body, unread).contains(r#"title="Not read yet by its technician""#));
    assert!(row(&page.body, unanswered).contains("num num-unanswered"));
    assert!(row(&page.body, advanced).contains("num num-advanced"));
    assert!(row(&page.body, older).contains("num num-other"));
    // Opened today: a red dot; a hoped date passed on an open ticket: a red clock.
    assert!(row(&page.body, advanced).contains("mark-new"));
    assert!(!row(&page.body, older).contains("mark-new"));
    assert!(row(&page.body, older).contains("mark-overdue"));
    assert!(!row(&page.body, closed).contains("mark-overdue"));
    // A file on the ticket: a paperclip.
    let with_file = admin
        .send_ticket_form(
            &format!("/tickets/{advanced}"),
            &[("reply", "Here is the log.")],
            &[("log.txt", b"line 1\n")],
        )
        .await;
    assert_eq!(
        with_file.status,
        StatusCode::SEE_OTHER,
        "{}",
        with_file.body
    );
    let page = admin.get("/tickets?view=all").await;
    assert!(row(&page.body, advanced).contains("mark-attachment"));
    assert!(!row(&page.body, older).contains("mark-attachment"));

    // A hoped date is mandatory: open tickets without one get a red warning sign.
    assert!(!row(&page.body, unread).contains("mark-hope-missing"));
    app.set_right(Profile::Administrator, "ticket_date_hope_mandatory", true);
    let page = admin.get("/tickets?view=all").await;
    assert!(row(&page.body, unread).contains("mark-hope-missing"));
    assert!(!row(&page.body, older).contains("mark-hope-missing"));

    // The tooltips speak the reader's language.
    app.sql()
        .execute("UPDATE users SET language = 'fr' WHERE login = 'admin'", [])
        .expect("language");
    let page = admin.get("/tickets?view=all").await;
    assert!(row(&page.body, unread).contains(r#"title="Pas encore lu par son technicien""#));
    app.stop().await;
}

/// A word found in nearly every one of 25,000 tickets: the list is read in its own order,
/// keeping the matches, up to 500, and says there are more; a rarer word is counted exactly.
#[tokio::test]
async fn a_word_in_nearly_every_ticket_lists_its_first_matches_in_order() {
    let (app, admin) = TestApp::with_admin().await;
    app.sql()
        .execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000)
             INSERT INTO tickets (title, state_id, created_at, modified_at)
             SELECT CASE WHEN i % 10 = 0 THEN 'Screen flickers ' ELSE 'Printer jammed ' END || i,
                    2, 1700000000 + i, 1700000000 + i FROM n",
        )
        .expect("tickets");
    // The printer tickets, newest first, from the `skip`th on.
    let printers = |skip: usize| -> Vec<i64> {
        (1..=25_000_i64)
            .rev()
            .filter(|i| i % 10 != 0)
            .skip(skip)
            .take(10)
            .collect()
    };
    let first = admin
        .get("/tickets?view=all&q=printer&sort=number&dir=desc")
        .await;
    assert_eq!(first.status, StatusCode::OK);
    first.assert_contains("More than 500 tickets");
    assert_eq!(listed(&first.body), printers(0));
    // Acting on the whole view is not offered when its size is not known.
    assert!(first.body.contains(r#"option value="page""#));
    assert!(!first.body.contains(r#"option value="view""#));
    // The next pages go on in order; past the 500th match, the last page of them is shown.
    let third = admin
        .get("/tickets?view=all&q=printer&sort=number&dir=desc&page=3")
        .await;
    assert_eq!(listed(&third.body), printers(20));
    let far = admin
        .get("/tickets?view=all&q=printer&sort=number&dir=desc&page=9999")
        .await;
    assert_eq!(listed(&far.body), printers(490));
    far.assert_contains("More than 500 tickets");
    // The export of every page holds every match, not only the first 500.
    let export = admin.get("/export/tickets.csv?view=all&q=printer").await;
    assert_eq!(export.status, StatusCode::OK);
    assert_eq!(export.body.trim_end().lines().count(), 1 + 22_500);
    // 2,500 screens: few enough to be counted and sorted the usual way.
    let screens = admin
        .get("/tickets?view=all&q=screen&sort=number&dir=asc")
        .await;
    screens.assert_contains("2500 tickets");
    assert_eq!(
        listed(&screens.body),
        (1..=10).map(|i| i * 10).collect::<Vec<i64>>()
    );
    app.stop().await;
}

/// The search index is written in batches: a search finds what was saved just before it,
/// and the server indexes on its own what nobody searched for yet.
#[tokio::test]
async fn a_ticket_is_found_the_moment_it_is_saved_and_indexed_even_if_nobody_searches() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("ursula", "some password", Profile::User)
        .await;
    let pending = || app.count("SELECT count(*) FROM search_pending");
    let indexed = |word: &str| {
        app.count(&format!(
            "SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH '\"{word}\"*'"
        ))
    };
    // Searched at once: found, and the search left nothing waiting.
    let projector = ticket(&app, &admin, "Projector flickers", "ursula", None, 1).await;
    assert_eq!(
        listed(&admin.get("/tickets?view=all&q=projector").await.body),
        vec![projector]
    );
    assert_eq!(pending(), 0);

    // Not searched: a reply, a new ticket and the requester's new name reach the index by
    // themselves within a moment.
    let scanner = ticket(&app, &admin, "Scanner jams", "ursula", None, 1).await;
    let r = admin
        .send_ticket_form(
            &format!("/tickets/{projector}"),
            &[("reply", "Replaced the lamp and the toner")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    app.sql()
        .execute(
            "UPDATE users SET lastname = 'Quintana' WHERE login = 'ursula'",
            [],
        )
        .expect("rename");
    let mut waited = 0;
    while pending() > 0 {
        assert!(waited < 50, "the index did not catch up within 5 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += 1;
    }
    assert_eq!(indexed("scanner"), 1);
    assert_eq!(indexed("toner"), 1);
    assert_eq!(indexed("quintana"), 2);
    assert_eq!(
        listed(&admin.get("/tickets?view=all&q=quintana+lamp").await.body),
        vec![projector]
    );
    assert_eq!(
        listed(&admin.get("/tickets?view=all&q=scanner").await.body),
        vec![scanner]
    );
}

#[tokio::test]
async fn search_folds_accents_matches_prefixes_and_stays_within_the_view() {
    let (app, admin) = TestApp::with_admin().await;
    let ursula = app.login_as("ursula", Profile::User).await;
    app.create_user("victor", "some password", Profile::User)
        .await;
    let phone = ticket(
        &app,
        &admin,
        "Téléphone en panne",
        "ursula",
        Some("admin"),
        2,
    )
    .await;
    let printer = ticket(&app, &admin, "Printer offline", "ursula", Some("admin"), 2).await;
    let victors = ticket(
        &app,
        &admin,
        "Telephone headset",
        "victor",
        Some("admin"),
        2,
    )
    .await;
    let page = format!("/tickets/{printer}");
    for (text, private) in [
        ("The Cisco router restarted", "0"),
        ("Admin password is hunter2", "1"),
    ] {
        let r = admin
            .send_ticket_form(&page, &[("reply", text), ("private", private)], &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }

    let found = |body: &str| {
        let mut v = listed(body);
        v.sort_unstable();
        v
    };
    // Accents folded both ways, prefixes, thread text, requester names, numbers.
    let r = admin.get("/tickets?view=all&q=telephone").await;
    assert_eq!(found(&r.body), vec![phone, victors]);
    assert_eq!(
        found(&admin.get("/tickets?view=all&q=T%C3%89L%C3%89PH").await.body),
        vec![phone, victors]
    );
    assert_eq!(
        found(&admin.get("/tickets?view=all&q=cisco").await.body),
        vec![printer]
    );
    assert_eq!(
        found(&admin.get("/tickets?view=all&q=hunter2").await.body),
        vec![printer]
    );
    assert_eq!(
        found(&admin.get("/tickets?view=all&q=victor").await.body),
        vec![victors]
    );
    assert_eq!(
        found(
            &admin
                .get(&format!("/tickets?view=all&q={printer}"))
                .await
                .body
        ),
        vec![printer]
    );
    // Two words must both be there; the search keeps the column filters and the sort.
    assert_eq!(
        found(&admin.get("/tickets?view=all&q=telephone+panne").await.body),
        vec![phone]
    );
    let sorted = admin
        .get("/tickets?view=all&q=telephone&sort=number&dir=desc&f_requester=ursula")
        .await;
    assert_eq!(listed(&sorted.body), vec![phone]);
    sorted.assert_contains(r#"name="q" value="telephone""#);

    // A requester (given the search right, which requesters lack by default) searches only her
    // tickets, and never hidden replies.
    app.set_right(Profile::User, "search", true);
    assert_eq!(
        found(&ursula.get("/tickets?view=your&q=telephone").await.body),
        vec![phone]
    );
    assert_eq!(
        found(&ursula.get("/tickets?view=your&q=cisco").await.body),
        vec![printer]
    );
    assert!(found(&ursula.get("/tickets?view=your&q=hunter2").await.body).is_empty());

    // Search syntax typed in the box, and a very long text: a normal page.
    let long = "word ".repeat(2048);
    for q in [
        "\"unbalanced",
        "NEAR(telephone panne)",
        "*",
        "( )",
        "telephone OR",
        "-panne",
        "title:x",
        "a\"b*c^d",
        long.as_str(),
    ] {
        let url = format!("/tickets?view=all&q={}", urlencoding(q));
        let r = admin.get(&url).await;
        assert_eq!(r.status, StatusCode::OK, "{q:.40}");
    }
    assert_eq!(
        found(&admin.get("/tickets?view=all&q=%22telephone%22").await.body),
        vec![phone, victors]
    );
    app.stop().await;
}

/// `text` written for an address.
fn urlencoding(text: &str) -> String {
    serde_urlencoded::to_string([("q", text)])
        .expect("encode")
        .trim_start_matches("q=")
        .to_owned()
}

#[tokio::test]
async fn the_activity_view_counts_what_was_opened_closed_and_advanced() {
    let (app, admin) = TestApp::with_admin().await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let today_one = ticket(&app, &admin, "Opened today", "ursula", Some("admin"), 2).await;
    let yesterday = ticket(&app, &admin, "Opened yesterday", "ursula", Some("admin"), 2).await;
    let earlier = jiff::Timestamp::now().as_second() - 86_400 * 2;
    app.sql()
        .execute(
            "UPDATE tickets SET created_at = ?2 WHERE id = ?1",
            [yesterday, earlier],
        )
        .expect("date");
    // The technician answers the old ticket, then closes it; the requester's reply on the new
    // one does not count as progress.
    let page = format!("/tickets/{yesterday}");
    let r = admin
        .send_ticket_form(&page, &[("reply", "Fixed the cable.")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = admin
        .send_ticket_form(&page, &[("state_id", "3")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = ursula
        .send_ticket_form(
            &format!("/tickets/{today_one}"),
            &[("reply", "Any news?")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    let counter = |body: &str, label: &str| -> i64 {
        let at = body.find(&format!(">{label}</span>")).expect(label);
        let before = &body[..at];
        let value = before.rfind("counter-value\">").expect("value") + "counter-value\">".len();
        before[value..value + before[value..].find('<').expect("end")]
            .parse()
            .expect("number")
    };
    let today = admin.get("/activity").await;
    assert_eq!(today.status, StatusCode::OK);
    assert_eq!(counter(&today.body, "Opened"), 1);
    assert_eq!(counter(&today.body, "Closed"), 1);
    assert_eq!(counter(&today.body, "Advanced"), 1);
    today.assert_contains(r#"title="Tickets opened in the period""#);
    let mut shown = listed(&today.body);
    shown.sort_unstable();
    assert_eq!(shown, vec![today_one, yesterday]);
    assert!(row(&today.body, today_one).contains("mark-new"));
    assert!(!row(&today.body, yesterday).contains("mark-new"));

    // A range that starts three days ago also counts the older ticket as opened.
    let from = gestdesk::domain::clock::date_text(jiff::Timestamp::now().as_second() - 3 * 86_400);
    let range = admin.get(&format!("/activity?from={from}")).await;
    assert_eq!(counter(&range.body, "Opened"), 2);
    range.assert_contains(&format!(r#"name="from" value="{from}""#));
    // A period that has ended (up to yesterday) reads the replies themselves: the older ticket
    // was opened in it, but closed and answered today.
    let yesterday_date =
        gestdesk::domain::clock::date_text(jiff::Timestamp::now().as_second() - 86_400);
    let ended = admin
        .get(&format!("/activity?from={from}&to={yesterday_date}"))
        .await;
    assert_eq!(counter(&ended.body, "Opened"), 1);
    assert_eq!(counter(&ended.body, "Closed"), 0);
    assert_eq!(counter(&ended.body, "Advanced"), 0);
    assert_eq!(listed(&ended.body), vec![yesterday]);
    // A date that is not one: today, with a message.
    let bad = admin.get("/activity?from=31%2F02&to=never").await;
    assert_eq!(bad.status, StatusCode::OK);
    bad.assert_contains("alert-warning");
    assert_eq!(counter(&bad.body, "Opened"), 1);
    // The activity view is for technicians (`userbar`).
    assert_eq!(ursula.get("/activity").await.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn the_user_bar_shows_each_profile_its_own_figures() {
    let (app, admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let a = ticket(&app, &admin, "One", "ursula", Some("tom"), 2).await;
    ticket(&app, &admin, "Two", "ursula", Some("tom"), 6).await;
    ticket(&app, &admin, "Three", "ursula", Some("tom"), 3).await;
    ticket(&app, &admin, "Four", "ursula", None, 5).await;
    app.sql()
        .execute(
            "UPDATE tickets SET time_hope_minutes = 150, time_spent_minutes = 30 WHERE id = ?1",
            [a],
        )
        .expect("times");

    let bar = tom.get("/").await;
    let tech = userbar(&bar.body);
    // To handle: waiting or in progress / the same plus waiting for their user.
    assert!(
        tech.contains(
            r#"href="/tickets?view=your&amp;state=active" aria-label="One of your tickets waiting or in progress">1</a>"#
        ),
        "{tech}"
    );
    assert!(
        tech.contains(
            r#"href="/tickets?view=your&amp;state=meta" aria-label="2 of your tickets to handle">2</a>"#
        ),
        "{tech}"
    );
    // Workload: two hours of estimated time left.
    assert!(tech.contains("2.0 h"), "{tech}");
    // Resolved, and a red inbox for the ticket nobody has.
    assert!(
        tech.contains(r#"<span class="bar-label">Resolved</span><span class="bar-value">1</span>"#),
        "{tech}"
    );
    assert!(tech.contains("bar-new"), "{tech}");
    assert!(
        tech.contains(r#"href="/tickets?view=all&amp;state=5""#),
        "{tech}"
    );

    let plain = ursula.get("/").await;
    let user = userbar(&plain.body);
    assert!(
        user.contains(r#"<span class="bar-label">Resolved</span><span class="bar-value">1</span>"#),
        "{user}"
    );
    assert!(
        !user.contains("Workload") && !user.contains("bar-new"),
        "{user}"
    );

    // Without the `userbar` right a technician sees only the resolved figure.
    app.set_right(Profile::Technician, "userbar", false);
    let bar = tom.get("/").await;
    assert!(!userbar(&bar.body).contains("Workload"));
    app.stop().await;
}

#[tokio::test]
async fn live_events_tell_each_viewer_about_the_tickets_they_may_see() {
    let (app, admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let victor = app.login_as("victor", Profile::User).await;
    app.set_setting("notify", "1");

    let mut tech_stream = tom.stream("/live").await;
    assert_eq!(tech_stream.status(), StatusCode::OK);
    assert_eq!(
        tech_stream.headers()["content-type"]
            .to_str()
            .expect("type"),
        "text/event-stream"
    );
    let mut other_stream = victor.stream("/live").await;
    let (mut tech_buf, mut other_buf) = (String::new(), String::new());
    let hello: i64 = next_event(&mut tech_stream, &mut tech_buf, "hello")
        .await
        .parse()
        .expect("generation");
    next_event(&mut other_stream, &mut other_buf, "hello").await;

    // Ursula declares a ticket: nobody handles it yet.
    let id = open_ticket(
        &app,
        &ursula,
        &[("title", "Cannot print"), ("description", "Paper jam.")],
    )
    .await;
    let news: serde_json::Value =
        serde_json::from_str(&next_event(&mut tech_stream, &mut tech_buf, "ticket").await)
            .expect("json");
    assert_eq!(news["id"], id);
    assert_eq!(news["byRequester"], true);
    assert_eq!(news["unassigned"], true);
    assert_eq!(news["ring"], true, "the sound setting is on");
    let changed: i64 = next_event(&mut tech_stream, &mut tech_buf, "tickets")
        .await
        .parse()
        .expect("generation");
    assert!(changed > hello);
    // Victor learns that tickets changed (his counters may move) but not about Ursula's.
    next_event(&mut other_stream, &mut other_buf, "tickets").await;
    assert!(!other_buf.contains("event: ticket\n"), "{other_buf}");

    // The page's own number matches, so a page loaded now does not refresh for nothing.
    let page = tom.get("/").await;
    assert!(
        page.body
            .contains(&format!("data-generation=\"{changed}\"")),
        "page generation differs from {changed}"
    );
    // A reconnecting browser hears the current number right away.
    let mut again = tom.stream("/live").await;
    let mut buf = String::new();
    let now: i64 = next_event(&mut again, &mut buf, "hello")
        .await
        .parse()
        .expect("n");
    assert_eq!(now, changed);

    // Without the sound setting, technicians see the ticket without a ring.
    app.set_setting("notify", "0");
    let mut quiet = tom.stream("/live").await;
    let mut quiet_buf = String::new();
    next_event(&mut quiet, &mut quiet_buf, "hello").await;
    open_ticket(
        &app,
        &ursula,
        &[
            ("title", "Screen dark"),
            ("description", "Since this morning."),
        ],
    )
    .await;
    let news: serde_json::Value =
        serde_json::from_str(&next_event(&mut quiet, &mut quiet_buf, "ticket").await)
            .expect("json");
    assert_eq!(news["ring"], false);

    // A ticket a technician saves without anyone to handle it rings too (the red bell's case).
    app.set_setting("notify", "1");
    let mut loud = tom.stream("/live").await;
    let mut loud_buf = String::new();
    next_event(&mut loud, &mut loud_buf, "hello").await;
    open_ticket(
        &app,
        &admin,
        &[
            ("title", "Phone line noisy"),
            ("description", "Desk 12."),
            ("technician", ""),
        ],
    )
    .await;
    let news: serde_json::Value =
        serde_json::from_str(&next_event(&mut loud, &mut loud_buf, "ticket").await).expect("json");
    assert_eq!(
        (news["byRequester"].as_bool(), news["unassigned"].as_bool()),
        (Some(false), Some(true))
    );
    assert_eq!(news["ring"], true);
    drop(loud);

    // Anonymous visitors get no stream. Stopping the server ends every stream.
    assert!(app.client().get_head("/live").await.status.is_redirection());
    drop((tech_stream, other_stream, again));
    app.stop().await;
    loop {
        match tokio::time::timeout(Duration::from_secs(5), quiet.chunk()).await {
            Ok(Ok(Some(_))) => continue,
            Ok(_) => break,
            Err(_) => panic!("the stream outlived the server"),
        }
    }
}

#[tokio::test]
async fn the_export_gives_the_list_as_csv_with_a_bom_and_harmless_formulas() {
    let (app, admin) = TestApp::with_admin().await;
    let ursula = app.login_as("ursula", Profile::User).await;
    app.create_user("victor", "some password", Profile::User)
        .await;
    app.set_setting("rows_per_page", "5");
    let formula = ticket(
        &app,
        &admin,
        "=HYPERLINK(\"http://x\")",
        "ursula",
        Some("admin"),
        2,
    )
    .await;
    let accents = ticket(
        &app,
        &admin,
        "Téléphone; \"cassé\"",
        "ursula",
        Some("admin"),
        2,
    )
    .await;
    for n in 0..8 {
        ticket(&app, &admin, &format!("+{n} more"), "victor", None, 5).await;
    }

    let reply = admin
        .get("/export/tickets.csv?view=all&sort=number&dir=asc")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.headers["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/csv")
    );
    assert!(
        reply.headers["content-disposition"]
            .to_str()
            .expect("cd")
            .starts_with("attachment")
    );
    assert!(reply.body.starts_with('\u{feff}'), "no byte-order mark");
    let rows = parse_csv(reply.body.trim_start_matches('\u{feff}'), ';');
    // Every page of the list, not only the first.
    assert_eq!(rows.len(), 1 + 10);
    let head = &rows[0];
    for label in [
        "No.",
        "Title",
        "State",
        "Technician",
        "state_id",
        "requester_id",
    ] {
        assert!(head.iter().any(|h| h == label), "no {label} in {head:?}");
    }
    let col = |name: &str| head.iter().position(|h| h == name).expect("column");
    assert_eq!(rows[1][col("No.")], formula.to_string());
    assert_eq!(rows[1][col("Title")], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[2][col("Title")], "Téléphone; \"cassé\"");
    assert_eq!(rows[2][col("No.")], accents.to_string());
    assert_eq!(rows[3][col("Title")], "'+0 more");
    assert_eq!(
        rows[1][col("requester_id")],
        app.user_id("ursula").to_string()
    );

    // "Export this page" takes the rows of the page shown only, in the list's order.
    app.set_setting("rows_per_page", "5");
    let list = admin
        .get("/tickets?view=all&sort=number&dir=asc&page=2")
        .await;
    assert!(
        list.body.contains(
            "/export/tickets.csv?view=all&amp;sort=number&amp;dir=asc&amp;page=2&amp;rows=page"
        ),
        "no link to export the page"
    );
    let page = admin
        .get("/export/tickets.csv?view=all&sort=number&dir=asc&page=2&rows=page")
        .await;
    let paged = parse_csv(page.body.trim_start_matches('\u{feff}'), ';');
    assert_eq!(paged.len(), 1 + 5);
    assert_eq!(paged[1..], rows[6..]);
    app.set_setting("rows_per_page", "10");

    // The current filters apply; the separator is a setting.
    app.set_setting("csv_separator", ",");
    let filtered = admin.get("/export/tickets.csv?view=all&f_state=5").await;
    let rows = parse_csv(filtered.body.trim_start_matches('\u{feff}'), ',');
    assert_eq!(rows.len(), 1 + 8);
    assert!(rows[0].len() > 5, "not cut on commas: {:?}", rows[0]);

    // A requester exports her own tickets only; everyone's is not hers to take.
    let mine = ursula.get("/export/tickets.csv?view=your").await;
    let rows = parse_csv(mine.body.trim_start_matches('\u{feff}'), ',');
    assert_eq!(rows.len(), 1 + 2);
    assert_eq!(
        ursula.get("/export/tickets.csv?view=all").await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

#[tokio::test]
async fn the_supervision_screen_shows_the_figures_without_the_menu() {
    let (app, admin) = TestApp::with_admin().await;
    let ursula = app.login_as("ursula", Profile::User).await;
    open_ticket(
        &app,
        &ursula,
        &[("title", "Help"), ("description", "Please.")],
    )
    .await;
    let critical = ticket(&app, &admin, "Server down", "ursula", Some("admin"), 2).await;
    app.sql()
        .execute(
            "UPDATE tickets SET criticality_id = 1 WHERE id = ?1",
            [critical],
        )
        .expect("critical");

    let wall = admin.get("/supervision").await;
    assert_eq!(wall.status, StatusCode::OK);
    assert!(
        !wall.body.contains("id=\"sidebar\""),
        "the wall has no menu"
    );
    let tile = |label: &str| -> i64 {
        let at = wall.body.find(&format!(">{label}</span>")).expect(label);
        let before = &wall.body[..at];
        let v = before.rfind("tile-value\">").expect("value") + "tile-value\">".len();
        before[v..v + before[v..].find('<').expect("end")]
            .parse()
            .expect("n")
    };
    assert_eq!(tile("New tickets"), 1);
    assert_eq!(tile("Open critical tickets"), 1);
    assert_eq!(tile("Opened today"), 2);
    assert_eq!(tile("All open tickets"), 2);
    wall.assert_contains("Help")
        .assert_contains("data-live-region");
    assert_eq!(
        ursula.get("/supervision").await.status,
        StatusCode::FORBIDDEN
    );
    app.stop().await;
}

#[tokio::test]
async fn default_order_and_state_come_from_settings_unless_the_user_chose_their_own() {
    let (app, admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    app.create_user("ursula", "some password", Profile::User)
        .await;
    let a = ticket(&app, &admin, "First", "ursula", Some("tom"), 2).await;
    let b = ticket(&app, &admin, "Second", "ursula", Some("tom"), 3).await;
    let c = ticket(&app, &admin, "Third", "ursula", Some("tom"), 1).await;

    // Global: newest number first, every state at login.
    app.set_setting("order", "number_desc");
    app.set_setting("ticket_default_state", "all");
    let home = tom.get("/").await;
    home.assert_contains("<h1>Your tickets</h1>");
    assert_eq!(listed(&home.body), vec![c, b, a]);
    // Tom's own choices win: oldest first, resolved tickets at login.
    app.sql()
        .execute(
            "UPDATE users SET ticket_order = 'created_asc', default_ticket_state = '3' WHERE login = 'tom'",
            [],
        )
        .expect("preferences");
    let home = tom.get("/").await;
    home.assert_contains("<h1>Your tickets · Resolved</h1>");
    assert_eq!(listed(&home.body), vec![b]);
    assert_eq!(
        listed(&tom.get("/tickets?view=your").await.body),
        vec![a, b, c]
    );
    app.stop().await;
}

#[tokio::test]
async fn service_and_company_views_hold_the_tickets_of_their_members() {
    let (app, admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    app.create_user("ursula", "some password", Profile::User)
        .await;
    app.create_user("victor", "some password", Profile::User)
        .await;
    let mine = ticket(&app, &admin, "Accounts ledger", "ursula", Some("admin"), 2).await;
    let other = ticket(
        &app,
        &admin,
        "Warehouse scanner",
        "victor",
        Some("admin"),
        2,
    )
    .await;
    app.sql()
        .execute_batch(&format!(
            "INSERT INTO services (id, name) VALUES (3, 'Accounting');
             INSERT INTO user_services (user_id, service_id) VALUES ({tom}, 3);
             UPDATE tickets SET service_id = 3 WHERE id = {mine};
             INSERT INTO companies (id, name) VALUES (4, 'Acme');
             UPDATE users SET company_id = 4 WHERE login IN ('tom', 'victor');",
            tom = app.user_id("tom")
        ))
        .expect("organisation");
    app.set_setting("user_limit_service", "1");
    app.set_right(Profile::Technician, "side_all_service_disp", true);
    app.set_setting("user_company_view", "1");
    app.set_right(Profile::Technician, "side_company", true);

    let home = tom.get("/").await;
    assert_eq!(
        menu_count(&home.body, "/tickets?view=service-3&state=open"),
        Some(1)
    );
    assert_eq!(
        listed(&tom.get("/tickets?view=service-3").await.body),
        vec![mine]
    );
    assert_eq!(
        menu_count(&home.body, "/tickets?view=company&state=open"),
        Some(1)
    );
    assert_eq!(
        listed(&tom.get("/tickets?view=company").await.body),
        vec![other]
    );
    // A service Tom is not in is not his to open.
    assert_eq!(
        tom.get("/tickets?view=service-9").await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

#[tokio::test]
async fn time_spent_and_requester_service_columns_follow_their_rights() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("ursula", "some password", Profile::User)
        .await;
    let quick = ticket(&app, &admin, "Quick fix", "ursula", Some("admin"), 2).await;
    let long = ticket(&app, &admin, "Long job", "ursula", Some("admin"), 2).await;
    app.sql()
        .execute_batch(&format!(
            "INSERT INTO services (id, name) VALUES (5, 'Finance');
             UPDATE tickets SET time_spent_minutes = 90, sender_service_id = 5 WHERE id = {long};
             UPDATE tickets SET time_spent_minutes = 10 WHERE id = {quick};"
        ))
        .expect("times");
    let page = admin.get("/tickets?view=all").await;
    assert!(
        !page.body.contains("col-time\""),
        "time column without its right"
    );
    app.set_right(Profile::Administrator, "dashboard_col_time", true);
    app.set_right(Profile::Administrator, "dashboard_col_user_service", true);
    let page = admin.get("/tickets?view=all&sort=time&dir=desc").await;
    assert_eq!(listed(&page.body), vec![long, quick]);
    assert!(
        row(&page.body, long).contains("1.5 h"),
        "{}",
        row(&page.body, long)
    );
    assert!(row(&page.body, long).contains("Finance"));
    let finance = admin.get("/tickets?view=all&f_requester-service=5").await;
    assert_eq!(listed(&finance.body), vec![long]);
    let csv = admin
        .get("/export/tickets.csv?view=all&sort=number&dir=asc")
        .await;
    let rows = parse_csv(csv.body.trim_start_matches('\u{feff}'), ';');
    let col = rows[0]
        .iter()
        .position(|h| h == "Time spent (minutes)")
        .expect("time column");
    assert_eq!(rows[2][col], "90");
    app.stop().await;
}

/// Sorting by a column whose order has a function with commas in it (technician, requester,
/// type, category, subcategory) answered 500 descending, for every profile, on pages and in
/// the CSV export. Every column now sorts both ways, and descending is ascending reversed.
#[tokio::test]
async fn every_column_sorts_both_ways_on_the_page_and_in_the_export() {
    use gestdesk::domain::worklist::columns::Column;
    let (app, admin) = TestApp::with_admin().await;
    for login in ["ursula", "victor"] {
        app.create_user(login, "some password", Profile::User).await;
    }
    app.create_user("tom", "some password", Profile::Technician)
        .await;
    let a = ticket(&app, &admin, "Alpha", "ursula", Some("admin"), 1).await;
    let b = ticket(&app, &admin, "Bravo", "victor", Some("tom"), 2).await;
    let c = ticket(&app, &admin, "Charlie", "ursula", None, 1).await;
    for right in [
        "dashboard_col_company",
        "dashboard_col_service",
        "dashboard_col_user_service",
        "dashboard_col_agency",
        "dashboard_col_type",
        "dashboard_col_time",
        "dashboard_col_date_hope",
        "dashboard_col_date_res",
        "dashboard_col_date_modif",
        "dashboard_col_criticality",
    ] {
        app.set_right(Profile::Administrator, right, true);
    }
    for flag in ["ticket_type", "user_agency", "ticket_places"] {
        app.set_setting(flag, "1");
    }
    for column in Column::ALL {
        let code = column.code();
        let up = admin
            .get(&format!("/tickets?view=all&sort={code}&dir=asc"))
            .await;
        let down = admin
            .get(&format!("/tickets?view=all&sort={code}&dir=desc"))
            .await;
        assert_eq!(up.status, StatusCode::OK, "{code} ascending");
        assert_eq!(down.status, StatusCode::OK, "{code} descending");
        let (up, down) = (listed(&up.body), listed(&down.body));
        assert_eq!(up.len(), 3, "{code}");
        if matches!(column, Column::Technician | Column::Number | Column::Title) {
            // Every row has a value or the empty one stays last: the others swap places.
            let mut valued: Vec<i64> = up.iter().copied().filter(|id| *id != c).collect();
            valued.reverse();
            let down_valued: Vec<i64> = down.iter().copied().filter(|id| *id != c).collect();
            assert_eq!(down_valued, valued, "{code}");
        }
        for dir in ["asc", "desc"] {
            let csv = admin
                .get(&format!(
                    "/export/tickets.csv?view=all&sort={code}&dir={dir}"
                ))
                .await;
            assert_eq!(csv.status, StatusCode::OK, "{code} {dir} export");
        }
    }
    // Descending by technician: Tom before Admin (by last name), the unassigned ticket last.
    let down = admin
        .get("/tickets?view=all&sort=technician&dir=desc")
        .await;
    assert_eq!(listed(&down.body), vec![b, a, c]);
    app.stop().await;
}

#[tokio::test]
async fn the_menu_lists_the_tickets_of_each_user_group_with_side_group() {
    let (app, _admin) = TestApp::with_admin().await;
    let uma = app.login_as("uma", Profile::User).await;
    let olga = app.login_as("olga", Profile::User).await;
    let sql = app.sql();
    sql.execute_batch(&format!(
        "INSERT INTO groups (name, kind) VALUES ('Front desk', 'user');
         INSERT INTO group_members (group_id, user_id)
             SELECT id, {} FROM groups WHERE name = 'Front desk';
         INSERT INTO group_members (group_id, user_id)
             SELECT id, {} FROM groups WHERE name = 'Front desk';",
        app.user_id("uma"),
        app.user_id("olga")
    ))
    .expect("group");
    let group = app.count("SELECT id FROM groups WHERE name = 'Front desk'");
    let id = open_ticket(&app, &uma, &[("title", "Badge printer")]).await;
    sql.execute(
        "UPDATE tickets SET requester_id = NULL, user_group_id = ?1 WHERE id = ?2",
        [group, id],
    )
    .expect("group ticket");
    let view = format!("/tickets?view=users-{group}&state=open");
    assert!(!olga.get("/profile").await.body.contains("view=users-"));
    assert_eq!(olga.get(&view).await.status, StatusCode::NOT_FOUND);
    app.set_right(Profile::User, "side_group", true);
    olga.get("/profile")
        .await
        .assert_contains(&format!("view=users-{group}"))
        .assert_contains("[G] Front desk");
    assert_eq!(listed(&olga.get(&view).await.body), vec![id]);
    app.stop().await;
}

#[tokio::test]
async fn the_list_names_people_by_their_last_name_unless_first_names_are_granted() {
    let (app, admin) = TestApp::with_admin().await;
    app.login_as("ursula", Profile::User).await;
    app.sql()
        .execute(
            "UPDATE users SET firstname = 'Ursula', lastname = 'Le Guin' WHERE login = 'ursula'",
            [],
        )
        .expect("names");
    let ursula = app.user_id("ursula");
    let id = open_ticket(
        &app,
        &admin,
        &[("requester", &format!("u{ursula}")), ("title", "Toner")],
    )
    .await;
    let cell = |body: &str| {
        let r = row(body, id);
        let at = r.find("col-requester").expect("requester cell");
        r[at..at + r[at..].find("</td>").expect("end")].to_owned()
    };
    let plain = cell(&admin.get("/tickets?view=all&state=all").await.body);
    assert!(
        plain.contains("Le Guin") && !plain.contains("Ursula"),
        "{plain}"
    );
    app.set_right(Profile::Administrator, "dashboard_firstname", true);
    let full = cell(&admin.get("/tickets?view=all&state=all").await.body);
    assert!(full.contains("Ursula Le Guin"), "{full}");
    app.stop().await;
}
