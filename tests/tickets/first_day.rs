//! What a technician and an administrator coming from GestSup expect on their first day: the
//! conversation at the centre of the ticket, replies that take the ticket, "Save and close",
//! requesters reopening by replying, pictures pasted into texts.

use reqwest::StatusCode;

use crate::common::lists::open_ticket;
use crate::common::{TestApp, http::Client};
use gestdesk::domain::profiles::Profile;

/// A small valid PNG (1×1, transparent).
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

/// A requester's ticket nobody has yet.
async fn unassigned_ticket(app: &TestApp, requester: &Client, title: &str) -> i64 {
    open_ticket(
        app,
        requester,
        &[("title", title), ("description", "It does not work.")],
    )
    .await
}

fn state_and_technician(app: &TestApp, id: i64) -> (i64, Option<i64>) {
    app.sql()
        .query_row(
            "SELECT state_id, technician_id FROM tickets WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("ticket")
}

#[tokio::test]
async fn a_technicians_reply_takes_the_ticket_and_lands_back_at_the_conversation() {
    let (app, _admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let id = unassigned_ticket(&app, &ursula, "Printer jammed").await;
    assert_eq!(state_and_technician(&app, id), (5, None));

    // The page has one primary save, with the reply box and its toolbar in the conversation.
    let page = tom.get(&format!("/tickets/{id}")).await;
    assert_eq!(
        page.body.matches("button-primary").count(),
        1,
        "one primary button"
    );
    page.assert_contains(r#"data-md-for="f-reply""#);
    let thread_at = page.body.find(r#"id="thread""#).expect("thread");
    let fields_at = page.body.find("ticket-fields").expect("fields");
    assert!(
        thread_at < fields_at,
        "the conversation comes before the fields"
    );

    // Tom answers: he takes the ticket, it is in progress, and he is back at the reply box.
    let r = tom
        .send_ticket_form(&format!("/tickets/{id}"), &[("reply", "On my way.")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), Some(format!("/tickets/{id}#reply").as_str()));
    assert_eq!(
        state_and_technician(&app, id),
        (2, Some(app.user_id("tom")))
    );
    let page = tom.get(&format!("/tickets/{id}")).await;
    page.assert_contains("assigned the ticket to");

    // A technician who picks someone else in the same save keeps that choice.
    let id2 = unassigned_ticket(&app, &ursula, "Screen dark").await;
    let admin_id = app.user_id("admin");
    let r = tom
        .send_ticket_form(
            &format!("/tickets/{id2}"),
            &[
                ("reply", "Ada will see."),
                ("technician", &format!("u{admin_id}")),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(state_and_technician(&app, id2).1, Some(admin_id));
    app.stop().await;
}

#[tokio::test]
async fn technicians_save_and_close_and_a_requesters_reply_reopens_the_ticket() {
    let (app, _admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let id = unassigned_ticket(&app, &ursula, "Mail quota").await;
    let page = format!("/tickets/{id}");

    // "Save and close" resolves the ticket with the reply that explains it.
    let form = tom.get(&page).await;
    form.assert_contains(r#"name="close" value="1""#);
    let r = tom
        .send_ticket_form_from(&form, &[("reply", "Quota raised."), ("close", "1")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(state_and_technician(&app, id).0, 3);
    assert!(
        app.count(&format!(
            "SELECT count(*) FROM tickets WHERE id = {id} AND resolved_at IS NOT NULL"
        )) == 1
    );
    // A requester has no such button, and posting it is refused.
    let mine = ursula.get(&page).await;
    assert!(!mine.body.contains(r#"name="close""#));

    // Ursula answers the resolved ticket: it is open again, with Tom still on it.
    let r = ursula
        .send_ticket_form(&page, &[("reply", "Still full!")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        state_and_technician(&app, id),
        (2, Some(app.user_id("tom")))
    );
    assert!(
        app.count(&format!(
            "SELECT count(*) FROM tickets WHERE id = {id} AND resolved_at IS NULL"
        )) == 1
    );

    let r = ursula
        .send_ticket_form(
            &page,
            &[("reply", "Closing it myself"), ("close", "1")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(state_and_technician(&app, id).0, 2, "nothing saved");

    // With the setting off, a reply to a resolved ticket leaves it resolved.
    app.set_setting("ticket_reply_reopens", "0");
    let r = tom.send_ticket_form(&page, &[("close", "1")], &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = ursula
        .send_ticket_form(&page, &[("reply", "Thanks")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(state_and_technician(&app, id).0, 3);

    // Without the right, the button is gone and the server refuses it.
    app.set_right(Profile::Technician, "ticket_save_close", false);
    let id2 = unassigned_ticket(&app, &ursula, "Keyboard").await;
    let form = tom.get(&format!("/tickets/{id2}")).await;
    assert!(!form.body.contains(r#"name="close""#));
    let r = tom
        .send_ticket_form_from(&form, &[("close", "1")], &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(state_and_technician(&app, id2).0, 5);
    app.stop().await;
}

/// Posts `files` to the page's picture address for `into` (as the page script does).
async fn paste(
    client: &Client,
    page: &str,
    into: &str,
    files: &[(&str, &[u8])],
) -> (StatusCode, serde_json::Value) {
    let html = client.get(page).await;
    let marker = format!(r#"data-paste-for="f-{into}" data-paste-url=""#);
    let at = html
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no paste address for {into}"));
    let rest = &html.body[at + marker.len()..];
    let url = rest[..rest.find('"').expect("end")].replace("&amp;", "&");
    let mut form = reqwest::multipart::Form::new();
    for (name, bytes) in files {
        form = form.part(
            "attachments",
            reqwest::multipart::Part::bytes(bytes.to_vec()).file_name((*name).to_owned()),
        );
    }
    let r = client.raw_post_multipart(&url, form).await;
    let json = serde_json::from_str(&r.body).unwrap_or(serde_json::Value::Null);
    (r.status, json)
}

#[tokio::test]
async fn a_pasted_screenshot_is_attached_and_shown_inside_the_reply() {
    let (app, _admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let vera = app.login_as("vera", Profile::User).await;
    let id = unassigned_ticket(&app, &ursula, "Error message").await;
    let page = format!("/tickets/{id}");

    // Ursula pastes a screenshot into her reply: it is attached at once and written in.
    let (status, json) = paste(&ursula, &page, "reply", &[("image.png", PNG)]).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    let markdown = json["files"][0]["markdown"]
        .as_str()
        .expect("markdown")
        .to_owned();
    let url = json["files"][0]["url"].as_str().expect("url").to_owned();
    assert!(markdown.starts_with("![image.png](/tickets/"), "{markdown}");
    let r = ursula
        .send_ticket_form(
            &page,
            &[("reply", &format!("Here it is:\n\n{markdown}"))],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let seen = tom.get(&page).await;
    seen.assert_contains(&format!(r#"<img src="{url}" alt="image.png">"#));
    let picture = tom.get(&url).await;
    assert_eq!(picture.status, StatusCode::OK);
    assert_eq!(picture.headers["content-type"], "image/png");

    // Only pictures go in a text; the message says so in the user's language.
    let (status, json) = paste(&ursula, &page, "reply", &[("notes.txt", b"plain text")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        json["error"]
            .as_str()
            .unwrap_or_default()
            .contains("Only pictures"),
        "{json}"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM attachments WHERE ticket_id = {id}"
        )),
        1
    );

    // Vera cannot paste into a ticket she does not see, nor can anyone without the right.
    let html = ursula.get(&page).await;
    let at = html.body.find("/pictures?").expect("address");
    let start = html.body[..at].rfind('"').expect("start") + 1;
    let url = html.body[start..at + html.body[at..].find('"').expect("end")].replace("&amp;", "&");
    let url_for_vera = url.split("_csrf=").next().expect("path").to_owned()
        + "_csrf="
        + &vera.get("/tickets/new").await.csrf();
    let form = reqwest::multipart::Form::new().part(
        "attachments",
        reqwest::multipart::Part::bytes(PNG.to_vec()).file_name("x.png"),
    );
    let r = vera.raw_post_multipart(&url_for_vera, form).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    app.set_right(Profile::User, "ticket_resolution_insert_image", false);
    let html = ursula.get(&page).await;
    assert!(!html.body.contains(r#"data-paste-for="f-reply""#));
    let form = reqwest::multipart::Form::new().part(
        "attachments",
        reqwest::multipart::Part::bytes(PNG.to_vec()).file_name("y.png"),
    );
    let r = ursula.raw_post_multipart(&url, form).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM attachments WHERE ticket_id = {id}"
        )),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn the_conversation_is_in_sight_and_follows_what_others_do_in_a_real_browser() {
    use crate::common::browser::{Browser, click_and_wait, log_in, scrolls_sideways, wait_until};
    use fantoccini::Locator;

    let (app, admin) = TestApp::with_admin().await;
    let _tom = app.login_as("tom", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let id = unassigned_ticket(&app, &ursula, "VPN drops every hour").await;
    let page = format!("/tickets/{id}");
    let b = Browser::start(1440, 900).await;
    let story = async {
        log_in(&b, &app, "tom", "password-of-tom").await?;
        // On a new ticket, the reply box is on the first screen.
        b.client.goto(&app.url(&page)).await?;
        let in_sight = "var r = document.getElementById('f-reply').getBoundingClientRect();
             return r.bottom <= window.innerHeight;";
        let fits = b.client.execute(in_sight, vec![]).await?;
        b.screenshot("14-01-ticket-1440").await;
        assert_eq!(fits.as_bool(), Some(true), "the reply box is below the first screen");
        // With a conversation going on, the conversation starts on the first screen and the
        // reply box follows its newest entry.
        for text in ["It started on Monday.", "Also at home.", "Here is the log:\n\n    error 809"] {
            let r = ursula.send_ticket_form(&page, &[("reply", text)], &[]).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER);
        }
        b.client.goto(&app.url(&page)).await?;
        let thread_top = b
            .client
            .execute("return document.getElementById('thread').getBoundingClientRect().top / window.innerHeight;", vec![])
            .await?
            .as_f64()
            .unwrap_or(f64::MAX);
        assert!(thread_top < 0.6, "the conversation starts at {thread_top} of the screen");
        assert!(!scrolls_sideways(&b).await?, "the ticket page scrolls sideways");
        let primaries = b
            .client
            .execute(
                "return Array.prototype.filter.call(document.querySelectorAll('main .button-primary'),
                    function (e) { return e.checkVisibility(); }).length;",
                vec![],
            )
            .await?;
        assert_eq!(primaries.as_u64(), Some(1), "one primary button in sight");

        // Typing a reply turns the button into "Save and send"; sending comes back to it.
        b.client
            .find(Locator::Css("#f-reply"))
            .await?
            .send_keys("Please try the new profile.")
            .await?;
        assert_eq!(b.client.find(Locator::Css("#save-button")).await?.text().await?, "Save and send");
        click_and_wait(&b, "#save-button").await?;
        assert_eq!(b.client.current_url().await?.fragment(), Some("reply"));
        let newest_in_sight = b
            .client
            .execute(
                "var e = document.querySelectorAll('#thread-entries .thread-entry');
                 var r = e[e.length - 1].getBoundingClientRect();
                 return r.top >= 0 && r.bottom <= window.innerHeight;",
                vec![],
            )
            .await?;
        assert_eq!(newest_in_sight.as_bool(), Some(true), "the newest entry is in sight");
        b.screenshot("14-02-ticket-after-reply").await;

        // Ursula answers and Ada raises the priority while Tom has the page open.
        let r = ursula.send_ticket_form(&page, &[("reply", "It works now, thanks!")], &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        wait_until(
            &b,
            "return document.getElementById('thread-entries').textContent.indexOf('It works now') >= 0;",
            "the requester's reply did not appear",
        )
        .await?;
        let r = admin.send_ticket_form(&page, &[("priority_id", "1")], &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        wait_until(
            &b,
            "var n = document.querySelector('.field-priority_id .changed-live');
             return !!n && n.textContent.indexOf('Urgent') >= 0;",
            "the changed priority was not flagged",
        )
        .await?;
        b.screenshot("14-03-ticket-changed-live").await;

        b.client.set_window_size(360, 740).await?;
        b.client.goto(&app.url(&page)).await?;
        assert!(!scrolls_sideways(&b).await?, "the ticket page scrolls sideways on a phone");
        b.screenshot("14-04-ticket-360").await;
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

#[tokio::test]
async fn after_an_edit_conflict_untouched_fields_show_what_is_saved_now() {
    use crate::common::http::ticket_form_values;

    let (app, admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let id = open_ticket(
        &app,
        &admin,
        &[
            ("requester", "u1"),
            ("title", "Slow network"),
            ("priority_id", "4"),
        ],
    )
    .await;
    let page = format!("/tickets/{id}");
    let toms_form = tom.get(&page).await;

    // Ada changes the title and the priority; Tom, on the page opened before, changes the title.
    let r = admin
        .send_ticket_form(
            &page,
            &[("title", "Switch failure"), ("priority_id", "1")],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mut sent = ticket_form_values(&toms_form.body);
    for (k, v) in &mut sent {
        if k == "title" {
            *v = "Cable cut".into();
        }
    }
    let fields: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let held = tom.send_ticket_form_from(&toms_form, &fields, &[]).await;
    assert_eq!(
        held.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        held.body
    );
    // His title comes back; the priority he never touched shows Ada's "Urgent", not the old one.
    let shown = ticket_form_values(&held.body);
    let value = |name: &str| {
        shown
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(value("title").as_deref(), Some("Cable cut"));
    assert_eq!(value("priority_id").as_deref(), Some("1"));

    // Saving again keeps his title and her priority.
    let again: Vec<(String, String)> = shown;
    let fields: Vec<(&str, &str)> = again
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = tom.send_ticket_form_from(&held, &fields, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.text(&format!("SELECT title FROM tickets WHERE id = {id}")),
        "Cable cut"
    );
    assert_eq!(
        app.count(&format!("SELECT priority_id FROM tickets WHERE id = {id}")),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn search_finds_wi_fi_written_either_way_and_tickets_by_their_requesters_mail() {
    use crate::common::lists::listed;

    let (app, admin) = TestApp::with_admin().await;
    let ursula = app.login_as("ursula", Profile::User).await;
    app.set_mail("ursula", "ursula.kahn@acme.example", "en");
    let hyphen = unassigned_ticket(&app, &ursula, "Wi-Fi down on floor 2").await;
    let joined = open_ticket(
        &app,
        &admin,
        &[("requester", "u1"), ("title", "Guest wifi password")],
    )
    .await;
    let other = open_ticket(
        &app,
        &admin,
        &[("requester", "u1"), ("title", "Wide screen flickers")],
    )
    .await;
    for typed in ["wifi", "Wi-Fi", "WIFI", "wi-fi"] {
        let page = admin
            .get(&format!("/tickets?view=all&state=all&q={typed}"))
            .await;
        let mut found = listed(&page.body);
        found.sort_unstable();
        assert_eq!(found, vec![hyphen, joined], "searching {typed}");
    }
    // The requester's mail address, whole or in part.
    for typed in ["ursula.kahn@acme.example", "kahn@acme"] {
        let page = admin
            .get(&format!(
                "/tickets?view=all&state=all&q={}",
                typed.replace('@', "%40")
            ))
            .await;
        assert_eq!(listed(&page.body), vec![hyphen], "searching {typed}");
    }
    // A new address is searchable at once.
    app.set_mail("ursula", "u.kahn@initech.example", "en");
    let page = admin.get("/tickets?view=all&state=all&q=initech").await;
    assert_eq!(listed(&page.body), vec![hyphen]);
    assert!(!listed(&admin.get("/tickets?view=all&state=all&q=wifi").await.body).contains(&other));
    app.stop().await;
}

#[tokio::test]
async fn lists_refuse_a_name_they_have_and_categories_hand_new_tickets_to_their_technician() {
    let (app, admin) = TestApp::with_admin().await;
    let _tom = app.login_as("tom", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let tom = app.user_id("tom");

    // "Hardware" exists (built in, "Matériel" in French): no second one, whatever the case,
    // accents or language; the form comes back with what was typed.
    for typed in ["hardware", "  HARDWARE ", "Matériel", "materiel"] {
        let r = admin
            .submit(
                "/admin/lists/categories",
                "/admin/lists/categories",
                &[("name", typed)],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{typed}: {}",
            r.body
        );
        r.assert_contains("is already in this list");
    }
    assert_eq!(app.count("SELECT count(*) FROM categories"), 2);
    let r = admin
        .submit(
            "/admin/lists/categories",
            "/admin/lists/categories",
            &[("name", "Réseau")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let network = app.count("SELECT id FROM categories WHERE name = 'Réseau'");
    // The same subcategory name under two categories is fine; twice under one is not.
    for (category, status) in [
        ("1", StatusCode::SEE_OTHER),
        (network.to_string().as_str(), StatusCode::SEE_OTHER),
        ("1", StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let r = admin
            .submit(
                "/admin/lists/subcategories",
                "/admin/lists/subcategories",
                &[("category_id", category), ("name", "Wi-Fi")],
            )
            .await;
        assert_eq!(r.status, status, "{}", r.body);
    }

    // The network category names Tom as its technician: Ursula's network tickets go to him,
    // and the thread says Gestdesk did it, not Ursula.
    let path = format!("/admin/lists/categories/{network}");
    let form = admin.get(&path).await;
    form.assert_contains(r#"name="technician_id""#)
        .assert_contains(r#"name="tech_group_id""#);
    let r = admin
        .submit(
            &path,
            &path,
            &[
                ("name", "Réseau"),
                ("position", "0"),
                ("technician_id", &tom.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let bad = admin
        .submit(
            &path,
            &path,
            &[
                ("name", "Réseau"),
                ("position", "0"),
                ("technician_id", "999"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let id = open_ticket(
        &app,
        &ursula,
        &[
            ("title", "No network"),
            ("category_id", &network.to_string()),
        ],
    )
    .await;
    assert_eq!(state_and_technician(&app, id), (1, Some(tom)));
    let page = ursula.get(&format!("/tickets/{id}")).await;
    page.assert_contains("Gestdesk assigned the ticket to Test tom");
    assert!(!page.body.contains("Test ursula assigned"));
    // A technician who picks someone keeps the choice.
    let id2 = open_ticket(
        &app,
        &admin,
        &[
            ("requester", "u1"),
            ("title", "Switch"),
            ("category_id", &network.to_string()),
            ("technician", "u1"),
        ],
    )
    .await;
    assert_eq!(state_and_technician(&app, id2).1, Some(1));
    app.stop().await;
}

#[tokio::test]
async fn a_reminder_falling_due_shows_up_on_the_open_page_beside_a_distinct_new_tickets_sign() {
    use crate::common::browser::{Browser, log_in, wait_until};

    let (app, admin) = TestApp::with_admin().await;
    let _tom = app.login_as("tom", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let tom = app.user_id("tom");
    unassigned_ticket(&app, &ursula, "Nobody has me").await;
    let id = open_ticket(
        &app,
        &admin,
        &[
            ("requester", "u1"),
            ("technician", &format!("u{tom}")),
            ("title", "Renew certificate"),
        ],
    )
    .await;
    let b = Browser::start(1440, 900).await;
    let story = async {
        log_in(&b, &app, "tom", "password-of-tom").await?;
        // Due in six seconds; the list is opened before.
        app.sql()
            .execute(
                "INSERT INTO reminders (ticket_id, technician_id, due_at, text, created_by, created_at)
                 VALUES (?1, ?2, unixepoch() + 6, 'Call the registrar', ?2, unixepoch())",
                [id, tom],
            )
            .expect("reminder");
        b.client.goto(&app.url("/tickets?view=all")).await?;
        // New tickets nobody has: an inbox with its own label, not a bell.
        let sign = b.client.find(fantoccini::Locator::Css(".bar-new")).await?.text().await?;
        assert!(sign.contains("New"), "{sign}");
        wait_until(
            &b,
            "return !!document.querySelector('#reminder-bell .bell') && !!document.querySelector('.reminder-notice');",
            "the due reminder did not show up",
        )
        .await?;
        let bell = b.client.find(fantoccini::Locator::Css("#reminder-bell .bell")).await?.text().await?;
        assert!(bell.contains("Reminders") && bell.contains('1'), "{bell}");
        b.screenshot("14-05-reminder-due-1440").await;
        b.client.set_window_size(360, 740).await?;
        b.client.refresh().await?;
        b.screenshot("14-06-topbar-360").await;
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

#[tokio::test]
async fn the_default_list_fits_a_1440_screen_in_every_language_with_names_on_one_line() {
    use crate::common::browser::{Browser, log_in};

    let (app, admin) = TestApp::with_admin().await;
    let _tom = app.login_as("tom", Profile::Technician).await;
    app.sql()
        .execute_batch(
            "UPDATE users SET firstname = 'Anne-Sophie', lastname = 'Delacroix-Beaumont' WHERE login = 'tom';
             UPDATE users SET firstname = 'Maximilian', lastname = 'Schwarzenberger' WHERE login = 'admin';",
        )
        .expect("names");
    let tom = app.user_id("tom");
    for (title, priority) in [
        (
            "The shared printer on the second floor prints blank pages since the update",
            "1",
        ),
        ("VPN", "3"),
    ] {
        open_ticket(
            &app,
            &admin,
            &[
                ("requester", "u1"),
                ("technician", &format!("u{tom}")),
                ("title", title),
                ("category_id", "2"),
                ("subcategory_id", "2"),
                ("priority_id", priority),
                ("criticality_id", "2"),
            ],
        )
        .await;
    }
    let b = Browser::start(1440, 900).await;
    let story = async {
        log_in(&b, &app, "tom", "password-of-tom").await?;
        for lang in ["fr", "de", "es", "en"] {
            app.sql()
                .execute("UPDATE users SET language = ?1 WHERE login = 'tom'", [lang])
                .expect("language");
            b.client.goto(&app.url("/tickets?view=all&state=all")).await?;
            let report = b
                .client
                .execute(
                    "var out = [];
                     if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                       out.push('page ' + document.documentElement.scrollWidth);
                       document.querySelectorAll('body *').forEach(function (e) {
                         var r = e.getBoundingClientRect();
                         if (r.right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.closest('.table-scroll'))) out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + r.right);
                       });
                     }
                     var box = document.querySelector('.table-scroll');
                     if (box.scrollWidth > box.clientWidth + 1) out.push('table ' + box.scrollWidth + '>' + box.clientWidth);
                     document.querySelectorAll('tbody td.col-technician, tbody td.col-requester').forEach(function (td) {
                       var walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT), node, lines = {};
                       while ((node = walk.nextNode())) {
                         var range = document.createRange();
                         range.selectNodeContents(node);
                         Array.prototype.forEach.call(range.getClientRects(), function (r) { if (r.width > 0) lines[Math.round(r.top)] = true; });
                       }
                       if (Object.keys(lines).length > 1) out.push('wraps: ' + td.textContent);
                     });
                     if (out.length) document.querySelectorAll('thead tr:first-child th').forEach(function (th) { out.push(th.textContent + '=' + Math.round(th.getBoundingClientRect().width)); });
                     document.querySelectorAll('.menu-label').forEach(function (l) {
                       if (l.scrollWidth > l.clientWidth + 1) out.push('menu cut: ' + l.textContent);
                     });
                     return out.join('; ');",
                    vec![],
                )
                .await?;
            b.screenshot(&format!("14-07-list-1440-{lang}")).await;
            assert_eq!(report.as_str(), Some(""), "{lang}: {report}");
        }
        // On a phone the table turns into cards; each filter keeps its column's name.
        b.client.set_window_size(360, 740).await?;
        b.client.goto(&app.url("/tickets?view=all&state=all")).await?;
        let label = b
            .client
            .execute(
                "var td = document.querySelector('.filter-row td.col-technician');
                 return getComputedStyle(td, '::before').content;",
                vec![],
            )
            .await?;
        assert_eq!(label.as_str(), Some("\"Technician\""), "{label}");
        assert!(!crate::common::browser::scrolls_sideways(&b).await?);
        b.screenshot("14-07-list-360").await;
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

#[tokio::test]
async fn on_a_fresh_instance_the_administrator_can_open_a_ticket_for_themself() {
    let (app, admin) = TestApp::with_admin().await;
    let form = admin.get("/tickets/new").await;
    let at = form
        .body
        .find(r#"name="requester""#)
        .expect("requester field");
    let list = &form.body[at..at + form.body[at..].find("</select>").expect("end")];
    assert!(list.contains(r#"<option value="u1""#), "{list}");
    let id = open_ticket(
        &app,
        &admin,
        &[("requester", "u1"), ("title", "First ticket")],
    )
    .await;
    assert_eq!(
        app.count(&format!("SELECT requester_id FROM tickets WHERE id = {id}")),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn deleting_a_user_deletes_or_anonymises_and_says_which_first() {
    let (app, admin) = TestApp::with_admin().await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let _vera = app.login_as("vera", Profile::User).await;
    app.set_mail("ursula", "ursula@example.test", "en");
    let (ursula_id, vera_id) = (app.user_id("ursula"), app.user_id("vera"));
    let id = unassigned_ticket(&app, &ursula, "My screen").await;

    // Vera has nothing in any ticket: she is deleted.
    let page = admin.get(&format!("/admin/users/{vera_id}")).await;
    page.assert_contains(&format!(r#"href="/admin/users/{vera_id}/delete""#));
    let confirm = admin.get(&format!("/admin/users/{vera_id}/delete")).await;
    confirm.assert_contains("the account will be deleted");
    let r = admin
        .submit(
            &format!("/admin/users/{vera_id}/delete"),
            &format!("/admin/users/{vera_id}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.count(&format!("SELECT count(*) FROM users WHERE id = {vera_id}")),
        0
    );

    // Ursula opened a ticket: she is anonymised, the ticket stays whole.
    let confirm = admin.get(&format!("/admin/users/{ursula_id}/delete")).await;
    confirm
        .assert_contains("appears in one ticket")
        .assert_contains("anonymised");
    let r = admin
        .submit(
            &format!("/admin/users/{ursula_id}/delete"),
            &format!("/admin/users/{ursula_id}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.text(&format!("SELECT login || '|' || firstname || '|' || lastname || '|' || mail || '|' || disabled FROM users WHERE id = {ursula_id}")),
        format!("deleted-{ursula_id}||||1")
    );
    assert_eq!(
        app.count(&format!("SELECT requester_id FROM tickets WHERE id = {id}")),
        ursula_id
    );
    let ticket = admin.get(&format!("/tickets/{id}")).await;
    ticket.assert_contains("My screen");
    assert!(!ticket.body.contains("ursula@example.test"));
    // Her session ended, and her password is gone.
    assert_eq!(ursula.get("/tickets").await.status, StatusCode::SEE_OTHER);
    let again = app.client();
    let r = again.login("ursula", "password-of-ursula").await;
    assert_ne!(r.status, StatusCode::SEE_OTHER);
    // Nobody deletes their own account.
    let admin_id = app.user_id("admin");
    let r = admin
        .submit(
            &format!("/admin/users/{admin_id}/delete"),
            &format!("/admin/users/{admin_id}/delete"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    r.assert_contains("You cannot delete your own account.");
    app.stop().await;
}

#[tokio::test]
async fn a_technician_saves_a_ticket_as_a_template_that_leaves_its_technician_behind() {
    let (app, admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let tom_id = app.user_id("tom");
    let id = open_ticket(
        &app,
        &tom,
        &[
            ("requester", "u1"),
            ("technician", &format!("u{tom_id}")),
            ("title", "New employee: accounts and laptop"),
            ("category_id", "2"),
            ("description", "Create the accounts, prepare the laptop."),
        ],
    )
    .await;
    let page = format!("/tickets/{id}");
    tom.get(&page)
        .await
        .assert_contains(&format!(r#"action="/tickets/{id}/template""#));
    // A name is needed, and one a template has already is refused.
    let r = tom
        .submit(
            &page,
            &format!("{page}/template"),
            &[("template_name", " ")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = tom
        .submit(
            &page,
            &format!("{page}/template"),
            &[("template_name", "Arrival")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = tom
        .submit(
            &page,
            &format!("{page}/template"),
            &[("template_name", "ARRIVAL")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("is already in this list");
    assert_eq!(app.count("SELECT count(*) FROM ticket_templates"), 1);

    // Ada starts a ticket from it: the fields come, Tom does not.
    let template = app.count("SELECT id FROM ticket_templates WHERE name = 'Arrival'");
    let form = admin
        .get(&format!("/tickets/new?template={template}"))
        .await;
    form.assert_contains("New employee: accounts and laptop")
        .assert_contains("Create the accounts, prepare the laptop.");
    let tech = form.body.find(r#"name="technician""#).expect("technician");
    let tech_list = &form.body[tech..tech + form.body[tech..].find("</select>").expect("end")];
    assert!(
        !tech_list.contains(&format!(r#"value="u{tom_id}" selected"#)),
        "{tech_list}"
    );
    // Requesters have no such action.
    let mine = unassigned_ticket(&app, &ursula, "Mine").await;
    let r = ursula
        .submit(
            &format!("/tickets/{mine}"),
            &format!("/tickets/{mine}/template"),
            &[("template_name", "X")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn any_menu_view_can_be_the_landing_page_and_a_personal_views_count_matches_its_list() {
    use crate::common::lists::{listed, menu_count};

    let (app, admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let tom_id = app.user_id("tom");
    // "All tickets · To handle" is offered and kept.
    let settings = tom.get("/profile?tab=settings").await;
    settings.assert_contains(r#"value="all|meta""#);
    let r = tom
        .submit(
            "/profile?tab=settings",
            "/profile/settings",
            &[("language", "en"), ("default_ticket_state", "all|meta")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let again = app.client();
    let r = again.login("tom", "password-of-tom").await;
    let landing = again.follow(r).await;
    landing.assert_contains("<title>All tickets · To handle");
    // A scope one may not open falls back to one's own tickets.
    let r = tom
        .submit(
            "/profile?tab=settings",
            "/profile/settings",
            &[
                ("language", "en"),
                ("default_ticket_state", "nonsense|meta"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Tom's personal view of hardware: one open and one resolved ticket; the menu counts the
    // open one and the view lists the same.
    for (title, state) in [("Broken mouse", "2"), ("Old keyboard", "3")] {
        open_ticket(
            &app,
            &admin,
            &[
                ("requester", "u1"),
                ("technician", &format!("u{tom_id}")),
                ("title", title),
                ("category_id", "2"),
                ("state_id", state),
            ],
        )
        .await;
    }
    app.sql()
        .execute(
            "INSERT INTO personal_views (user_id, name, category_id) VALUES (?1, 'Hardware', 2)",
            [tom_id],
        )
        .expect("view");
    let view = app.count("SELECT id FROM personal_views WHERE name = 'Hardware'");
    let page = tom.get("/tickets").await;
    let href = format!("/tickets?view=personal-{view}&state=open");
    assert_eq!(menu_count(&page.body, &href), Some(1), "menu entry {href}");
    let list = tom.get(&href).await;
    assert_eq!(listed(&list.body).len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn the_rights_matrix_keeps_its_headers_in_sight_and_the_focus_on_the_toggled_cell() {
    use crate::common::ADMIN_PASSWORD;
    use crate::common::browser::{Browser, log_in, scrolls_sideways, wait_until};

    let (app, _admin) = TestApp::with_admin().await;
    let b = Browser::start(1440, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/admin/rights")).await?;
        // The five profile columns are on the screen.
        let outside = b
            .client
            .execute(
                "return Array.prototype.filter.call(document.querySelectorAll('#rights-table .col-profile'),
                   function (th) { return th.getBoundingClientRect().right > window.innerWidth; }).length;",
                vec![],
            )
            .await?;
        assert_eq!(outside.as_u64(), Some(0), "profile columns off screen");
        // Scrolled down and across, the header row and the right names stay in sight.
        let sticky = b
            .client
            .execute(
                "var box = document.getElementById('rights-scroll');
                 box.scrollTop = 1200; box.scrollLeft = 300;
                 var head = document.querySelector('#rights-table thead th.col-profile').getBoundingClientRect();
                 var name = document.querySelector('#rights-table tbody tr:nth-child(30) th').getBoundingClientRect();
                 var b = box.getBoundingClientRect();
                 return Math.abs(head.top - b.top) < 3 && Math.abs(name.left - b.left) < 3;",
                vec![],
            )
            .await?;
        b.screenshot("14-08-rights-1440").await;
        assert_eq!(sticky.as_bool(), Some(true), "headers scrolled away");
        // A toggle keeps the focus on its cell.
        b.client
            .execute("document.getElementById('rights-scroll').scrollTop = 0;", vec![])
            .await?;
        let cell = "#right-search td.cell-toggle:nth-child(3) button";
        b.client.find(fantoccini::Locator::Css(cell)).await?.click().await?;
        wait_until(
            &b,
            &format!(
                "var bt = document.querySelector('{cell}');
                 return !bt.hasAttribute('aria-busy') && document.activeElement === bt;"
            ),
            "the focus left the toggled cell",
        )
        .await?;
        b.client.set_window_size(360, 740).await?;
        b.client.goto(&app.url("/admin/rights")).await?;
        let wide = b
            .client
            .execute(
                "var out = [];
                 document.querySelectorAll('body *').forEach(function (e) {
                   var r = e.getBoundingClientRect();
                   if (r.right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.closest('#rights-scroll')))
                     out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right));
                 });
                 out.push('doc ' + document.documentElement.scrollWidth + ' win ' + window.innerWidth + ' body ' + document.body.scrollWidth);
                 document.querySelectorAll('body *').forEach(function (e) {
                   if (e.scrollWidth > window.innerWidth && getComputedStyle(e).overflowX === 'visible') out.push('wide ' + e.tagName + '#' + e.id + '.' + e.className + ' ' + e.scrollWidth);
                 });
                 return out.slice(0, 12).join('; ');",
                vec![],
            )
            .await?;
        assert!(!scrolls_sideways(&b).await?, "the rights page scrolls sideways on a phone: {wide}");
        b.screenshot("14-09-rights-360").await;
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

#[tokio::test]
async fn a_requester_added_from_the_ticket_form_needs_no_password_and_shows_their_contact_at_once()
{
    let (app, _admin) = TestApp::with_admin().await;
    let tech = app.login_as("tech", Profile::Technician).await;
    let form = tech.get("/users/quick").await;
    form.assert_contains("Leave both empty for a requester who will not log in");
    assert!(
        !form
            .body
            .contains(r#"name="password" autocomplete="new-password" required"#)
    );
    let ok = tech
        .submit_json(
            "/users/quick",
            "/users/quick",
            &[
                ("firstname", "Rita"),
                ("lastname", "Reception"),
                ("login", "rita"),
                ("mail", "rita@example.test"),
                ("phone", "0102030405"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let json: serde_json::Value = serde_json::from_str(&ok.body).expect("json");
    assert_eq!(json["mail"], "rita@example.test");
    assert_eq!(json["phone"], "0102030405");
    let id = app.user_id("rita");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM users WHERE id = {id} AND password_hash IS NULL"
        )),
        1
    );
    // Nobody logs in to it, whatever they type.
    let r = app.client().login("rita", "").await;
    assert_ne!(r.status, StatusCode::SEE_OTHER);
    // A password typed is still checked.
    let weak = tech
        .submit_json(
            "/users/quick",
            "/users/quick",
            &[
                ("lastname", "Weak"),
                ("login", "weak"),
                ("password", "abc"),
                ("password_confirm", "abc"),
            ],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

#[tokio::test]
async fn companies_have_gestsups_fields_and_a_message_their_users_see() {
    let (app, admin) = TestApp::with_admin().await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let vera = app.login_as("vera", Profile::User).await;
    app.set_setting("company_limit_hour", "1");
    let form = admin.get("/admin/lists/companies").await;
    for field in [
        "legal_status",
        "siret",
        "vat",
        "comment",
        "information_message",
        "limit_hour_number",
        "limit_hour_days",
        "limit_hour_date_start",
    ] {
        form.assert_contains(&format!(r#"name="{field}""#));
    }
    let r = admin
        .submit(
            "/admin/lists/companies",
            "/admin/lists/companies",
            &[
                ("name", "ACME"),
                ("legal_status", "SAS"),
                ("siret", "12345678900011"),
                ("vat", "FR12345678901"),
                ("comment", "Main customer"),
                (
                    "information_message",
                    "Printer maintenance on Friday: call 1234 for anything urgent.",
                ),
                ("limit_hour_number", "40"),
                ("limit_hour_days", "30"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.text("SELECT legal_status || '|' || siret || '|' || vat || '|' || limit_hour_number FROM companies WHERE name = 'ACME'"),
        "SAS|12345678900011|FR12345678901|40"
    );
    app.sql()
        .execute("UPDATE users SET company_id = (SELECT id FROM companies WHERE name = 'ACME') WHERE login = 'ursula'", [])
        .expect("company");
    for page in ["/tickets", "/tickets?view=all&state=meta", "/tickets/new"] {
        ursula
            .get(page)
            .await
            .assert_contains("Printer maintenance on Friday");
        assert!(
            !vera.get(page).await.body.contains("Printer maintenance"),
            "{page}"
        );
    }
    assert!(
        !ursula
            .get("/profile")
            .await
            .body
            .contains("Printer maintenance")
    );
    // Ticket types say whether they need the requester's validation.
    admin
        .get("/admin/lists/types/1")
        .await
        .assert_contains(r#"name="user_validation""#);
    app.stop().await;
}

#[tokio::test]
async fn names_read_in_the_order_the_settings_choose_everywhere() {
    use crate::common::browser::{Browser, click_and_wait, log_in, text_of};

    let (app, admin) = TestApp::with_admin().await;
    let _tom = app.login_as("tom", Profile::Technician).await;
    let _ursula = app.login_as("ursula", Profile::User).await;
    // The list shows first names with `dashboard_firstname` (last names alone without).
    app.set_right(Profile::Administrator, "dashboard_firstname", true);
    app.set_right(Profile::Technician, "dashboard_firstname", true);
    app.sql()
        .execute_batch(
            "UPDATE users SET firstname = 'Grace', lastname = 'Hopper' WHERE login = 'tom';
             UPDATE users SET firstname = 'Ursula', lastname = 'Le Guin' WHERE login = 'ursula';",
        )
        .expect("names");
    let (tom, ursula) = (app.user_id("tom"), app.user_id("ursula"));
    let id = open_ticket(
        &app,
        &admin,
        &[
            ("requester", &format!("u{ursula}")),
            ("technician", &format!("u{tom}")),
            ("title", "Screen flickers"),
        ],
    )
    .await;

    // By default names read "First Last": in the list, the thread, pickers and the top bar.
    let list = admin.get("/tickets?view=all&state=all").await;
    list.assert_contains("Grace Hopper")
        .assert_contains("Ursula Le Guin");
    let choices = admin.get("/users/choices?q=hopp").await;
    assert!(
        choices
            .body
            .contains(r#""label":"Grace Hopper","detail":"tom""#),
        "{}",
        choices.body
    );

    let b = Browser::start(1440, 900).await;
    let story = async {
        log_in(&b, &app, "tom", "password-of-tom").await?;
        assert_eq!(text_of(&b, ".user-name").await?, "Grace Hopper");
        b.client.goto(&app.url(&format!("/tickets/{id}"))).await?;
        let thread = text_of(&b, "#thread").await?;
        assert!(thread.contains("Grace Hopper"), "{thread}");

        // An administrator chooses "Last First" on the settings page.
        b.client.delete_all_cookies().await?;
        log_in(&b, &app, "admin", crate::common::ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/admin/settings")).await?;
        b.client
            .find(fantoccini::Locator::Css(
                "select[name=name_order] option[value=last_first]",
            ))
            .await?
            .click()
            .await?;
        click_and_wait(&b, "form[action='/admin/settings'] .form-actions button").await?;
        b.client
            .goto(&app.url("/tickets?view=all&state=all"))
            .await?;
        let technician = text_of(&b, "tbody td.col-technician").await?;
        let requester = text_of(&b, "tbody td.col-requester").await?;
        assert_eq!(
            (technician.as_str(), requester.as_str()),
            ("Hopper Grace", "Le Guin Ursula")
        );
        b.screenshot("14-20-names-last-first").await;
        b.client.goto(&app.url(&format!("/tickets/{id}"))).await?;
        let thread = text_of(&b, "#thread").await?;
        assert!(thread.contains("Hopper Grace"), "{thread}");
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");

    // Pickers, the users' administration and mails follow too; sorting follows the shown name.
    let choices = admin.get("/users/choices?q=hopp").await;
    assert!(
        choices.body.contains(r#""label":"Hopper Grace""#),
        "{}",
        choices.body
    );
    admin
        .get("/admin/users")
        .await
        .assert_contains("Le Guin Ursula");
    // A renamed account takes the order at once.
    app.sql()
        .execute(
            "UPDATE users SET firstname = 'Amazing' WHERE login = 'tom'",
            [],
        )
        .expect("rename");
    assert_eq!(
        app.text("SELECT display_name FROM users WHERE login = 'tom'"),
        "Hopper Amazing"
    );
    app.stop().await;
}

#[tokio::test]
async fn people_are_picked_by_typing_with_the_keyboard_among_five_thousand_users() {
    use crate::common::browser::{Browser, click_and_wait, log_in, text_of, wait_until};
    use fantoccini::Locator;

    let (app, admin) = TestApp::with_admin().await;
    let _tom = app.login_as("tom", Profile::Technician).await;
    crate::tickets::stories::many_users(&app, 5_000);
    // Two homonyms in two companies, and a technician to find.
    app.sql()
        .execute_batch(
            "INSERT INTO companies (name) VALUES ('ACME'), ('Globex');
             INSERT INTO users (login, firstname, lastname, profile_id, mail, company_id, created_at, updated_at)
             VALUES ('jmartin', 'Jean', 'Martin', 2, 'jean.martin@acme.test',
                     (SELECT id FROM companies WHERE name = 'ACME'), 0, 0),
                    ('jmartin2', 'Jean', 'Martin', 2, 'jean.martin@globex.test',
                     (SELECT id FROM companies WHERE name = 'Globex'), 0, 0);
             UPDATE users SET firstname = 'Grace', lastname = 'Hopper' WHERE login = 'tom';",
        )
        .expect("people");
    let (globex_jean, tom) = (app.user_id("jmartin2"), app.user_id("tom"));

    // The form does not carry 5,000 names; the search tells the homonyms apart.
    let form = admin.get("/tickets/new").await;
    assert!(!form.body.contains("bulk4999"), "the whole list was sent");
    let found: serde_json::Value =
        serde_json::from_str(&admin.get("/users/choices?q=jean+martin").await.body).expect("json");
    let details: Vec<&str> = found
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|p| p["detail"].as_str())
        .collect();
    assert_eq!(details, ["jmartin · ACME", "jmartin2 · Globex"]);
    // Words match in any order and in any of name, login, mail and company.
    for q in ["martin+jean", "globex+jean", "jean.martin%40acme"] {
        let found: serde_json::Value =
            serde_json::from_str(&admin.get(&format!("/users/choices?q={q}")).await.body)
                .expect("json");
        let n = found.as_array().map_or(0, Vec::len);
        assert_eq!(n, if q == "martin+jean" { 2 } else { 1 }, "{q}");
    }
    // LIKE's own signs are taken literally.
    let none = admin.get("/users/choices?q=%25_%5C").await;
    assert_eq!(none.status, reqwest::StatusCode::OK);
    assert_eq!(none.body, "[]");

    let b = Browser::start(1440, 900).await;
    let story = async {
        log_in(&b, &app, "admin", crate::common::ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/tickets/new")).await?;
        // Requester: type, see both homonyms with their login and company, arrow down, Enter.
        let requester = b
            .client
            .find(Locator::Css("#f-requester-input"))
            .await?;
        requester.send_keys("jean mar").await?;
        wait_until(
            &b,
            "return document.querySelectorAll('#f-requester-listbox [role=option]').length === 2;",
            "the two homonyms were not listed",
        )
        .await?;
        let listed = text_of(&b, "#f-requester-listbox").await?;
        assert!(listed.contains("jmartin · ACME") && listed.contains("jmartin2 · Globex"), "{listed}");
        b.screenshot("14-10-requester-picker-1440").await;
        requester.send_keys("\u{E015}").await?; // arrow down
        requester.send_keys("\u{E007}").await?; // Enter
        wait_until(
            &b,
            &format!("return document.querySelector('#f-requester').value === 'u{globex_jean}';"),
            "Enter did not pick the second homonym",
        )
        .await?;
        // The pick shows the person's mail at once and clears the empty-requester warning.
        assert_eq!(text_of(&b, "#requester-info .requester-mail").await?, "jean.martin@globex.test");
        assert!(b.client.find(Locator::Css(".field-requester .field-warning")).await.is_err());

        // Technician: the same picker over technicians and groups, with their login.
        let technician = b.client.find(Locator::Css("#f-technician-input")).await?;
        technician.click().await?;
        technician.send_keys("\u{E009}a").await?; // Ctrl+A selects what is shown
        technician.send_keys("hopp").await?;
        wait_until(
            &b,
            "return (document.querySelector('#f-technician-listbox [aria-selected=true]') || {}).textContent === 'Grace Hoppertom';",
            "the technician was not offered",
        )
        .await?;
        technician.send_keys("\u{E007}").await?;
        wait_until(
            &b,
            &format!("return document.querySelector('#f-technician').value === 'u{tom}';"),
            "Enter did not pick the technician",
        )
        .await?;
        // Escape closes the list and keeps the pick.
        technician.send_keys("xyz").await?;
        technician.send_keys("\u{E00C}").await?;
        assert_eq!(
            b.client
                .execute("return document.querySelector('#f-technician-input').value;", vec![])
                .await?
                .as_str(),
            Some("Grace Hopper")
        );
        b.client
            .find(Locator::Css("[name=title]"))
            .await?
            .send_keys("Second screen not detected")
            .await?;
        click_and_wait(&b, "#ticket-form .form-actions button.button-primary").await?;

        // The manual mail: the requester is a chip; others are found by typing.
        let id: i64 = app.count("SELECT max(id) FROM tickets");
        b.client.goto(&app.url(&format!("/tickets/{id}/mail"))).await?;
        let chips = text_of(&b, ".combobox-chips").await?;
        assert!(chips.contains("jean.martin@globex.test"), "{chips}");
        let others = b.client.find(Locator::Css("#f-users-input")).await?;
        others.send_keys("bulk4321").await?;
        wait_until(
            &b,
            "return (document.querySelector('#f-users-listbox [aria-selected=true]') || {}).textContent === 'Bulk 4321 <bulk4321@example.test>bulk4321';",
            "the recipient search found nobody",
        )
        .await?;
        others.send_keys("\u{E007}").await?;
        wait_until(
            &b,
            "return document.querySelectorAll('.combobox-chip').length === 2;",
            "the recipient was not added",
        )
        .await?;
        b.screenshot("14-11-mail-recipients-1440").await;
        // Backspace on the empty box removes the last chip; the chip's button removes its own.
        others.send_keys("\u{E003}").await?;
        wait_until(
            &b,
            "return document.querySelectorAll('.combobox-chip').length === 1;",
            "Backspace did not remove the last recipient",
        )
        .await?;
        others.send_keys("bulk4321").await?;
        wait_until(
            &b,
            "return !!document.querySelector('#f-users-listbox [aria-selected=true]');",
            "the recipient search found nobody",
        )
        .await?;
        others.send_keys("\u{E007}").await?;
        b.client.find(Locator::Css("[name=subject]")).await?.clear().await?;
        b.client
            .find(Locator::Css("[name=subject]"))
            .await?
            .send_keys("About your screen")
            .await?;
        click_and_wait(&b, "button[value=preview]").await?;
        let to = text_of(&b, "#preview dd").await?;
        assert!(
            to.contains("jean.martin@globex.test") && to.contains("bulk4321@example.test"),
            "{to}"
        );

        // On a phone the picker and its list stay within the screen.
        b.client.set_window_size(360, 740).await?;
        b.client.goto(&app.url("/tickets/new")).await?;
        let requester = b.client.find(Locator::Css("#f-requester-input")).await?;
        requester.send_keys("jean").await?;
        wait_until(
            &b,
            "return document.querySelectorAll('#f-requester-listbox [role=option]').length === 2;",
            "the phone picker listed nobody",
        )
        .await?;
        assert!(!crate::common::browser::scrolls_sideways(&b).await?);
        b.screenshot("14-12-requester-picker-360").await;
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    b.close().await;
    story.expect("browser story");
    let (requester, technician): (i64, i64) = app
        .sql()
        .query_row(
            "SELECT requester_id, technician_id FROM tickets ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("ticket");
    assert_eq!((requester, technician), (globex_jean, tom));
    app.stop().await;
}
