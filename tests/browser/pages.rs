//! Pages in a real headless Chromium: the first-run set-up, logging out and in, and the phone
//! layout. Screenshots land in `target/test-screenshots/`.

use std::time::Duration;

use fantoccini::Locator;
use fantoccini::error::CmdError;

use crate::common::browser::{
    Browser, click_and_wait, fill, log_in, scrolls_sideways, text_of, wait_until,
};
use crate::common::{ADMIN_PASSWORD, TestApp};

#[tokio::test]
async fn an_administrator_sets_up_gestdesk_and_logs_in_from_a_real_browser() {
    let app = TestApp::spawn().await;
    let b = Browser::start(1280, 900).await;
    let story = async {
        // The console opens on the set-up form.
        b.client.goto(&app.url("/")).await?;
        assert_eq!(text_of(&b, "h1").await?, "Create the administrator account");
        assert!(b.client.current_url().await?.path().starts_with("/setup/"));
        b.screenshot("01-setup").await;

        // A mistake is shown next to its field and the typed values stay.
        fill(&b, "login", "ada").await?;
        fill(&b, "firstname", "Ada").await?;
        fill(&b, "lastname", "Lovelace").await?;
        fill(&b, "mail", "ada@example.test").await?;
        fill(&b, "password", ADMIN_PASSWORD).await?;
        fill(&b, "password_confirm", "something else").await?;
        click_and_wait(&b, "button[type=submit].button-primary").await?;
        assert_eq!(
            text_of(&b, ".field-error").await?,
            "The two passwords are not the same."
        );
        let kept = b
            .client
            .find(Locator::Css("[name='firstname']"))
            .await?
            .prop("value")
            .await?;
        assert_eq!(kept.as_deref(), Some("Ada"));
        b.screenshot("02-setup-error").await;

        fill(&b, "password", ADMIN_PASSWORD).await?;
        fill(&b, "password_confirm", ADMIN_PASSWORD).await?;
        click_and_wait(&b, "button[type=submit].button-primary").await?;
        assert_eq!(text_of(&b, "main h1").await?, "Your tickets · To handle");
        assert!(
            text_of(&b, ".flash")
                .await?
                .contains("administrator account is ready")
        );
        assert_eq!(text_of(&b, ".user-name").await?, "Ada Lovelace");
        b.screenshot("03-home").await;

        // Log out from the user menu.
        b.client
            .find(Locator::Css(".user-menu summary"))
            .await?
            .click()
            .await?;
        click_and_wait(&b, ".user-menu button[type=submit]").await?;
        assert_eq!(text_of(&b, "h1").await?, "Log in");
        assert_eq!(text_of(&b, ".flash").await?, "You are logged out.");

        // A wrong password, then the right one.
        fill(&b, "login", "ada").await?;
        fill(&b, "password", "wrong password").await?;
        click_and_wait(&b, "button.button-primary").await?;
        assert_eq!(
            text_of(&b, ".alert-error").await?,
            "Wrong login or password."
        );
        b.screenshot("04-login-error").await;
        fill(&b, "password", ADMIN_PASSWORD).await?;
        click_and_wait(&b, "button.button-primary").await?;
        assert_eq!(text_of(&b, "main h1").await?, "Your tickets · To handle");

        // The administrator reaches Administration > System from the left menu.
        click_and_wait(&b, "nav.sidebar a[href='/admin/system']").await?;
        assert_eq!(text_of(&b, "main h1").await?, "System");
        b.screenshot("05-system").await;

        // On a phone the left menu folds behind the menu button.
        b.client.set_window_size(360, 740).await?;
        b.client.goto(&app.url("/")).await?;
        let sidebar = b.client.find(Locator::Css("nav.sidebar")).await?;
        assert!(!sidebar.is_displayed().await? || !sidebar_in_view(&b).await?);
        b.screenshot("06-phone-closed").await;
        b.client
            .find(Locator::Css("[data-menu-toggle]"))
            .await?
            .click()
            .await?;
        // Slid in entirely (the screenshot shows the menu, not its move).
        wait_until(
            &b,
            "return document.querySelector('nav.sidebar').getBoundingClientRect().left >= -1;",
            "the menu did not slide in",
        )
        .await?;
        assert!(sidebar_in_view(&b).await?);
        b.screenshot("07-phone-menu").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

/// Whether the left menu is on screen (not slid out to the left).
async fn sidebar_in_view(b: &Browser) -> Result<bool, CmdError> {
    let right = b
        .client
        .execute(
            "return document.querySelector('nav.sidebar').getBoundingClientRect().right;",
            vec![],
        )
        .await?;
    Ok(right.as_f64().unwrap_or(0.0) > 10.0)
}

#[tokio::test]
async fn the_login_page_follows_the_browser_language_and_offers_a_switch() {
    let (app, _) = TestApp::with_admin().await;
    let b = Browser::start(1024, 768).await;
    let story = async {
        b.client.goto(&app.url("/login")).await?;
        assert_eq!(text_of(&b, "h1").await?, "Log in");
        assert_eq!(
            text_of(&b, "label[for='f-password']")
                .await?
                .trim_end_matches(" *")
                .trim(),
            "Password"
        );
        click_and_wait(&b, ".language-switch button[value='fr']").await?;
        assert_eq!(text_of(&b, "h1").await?, "Connexion");
        b.screenshot("08-login-fr").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

/// Logs in through the login page.
#[tokio::test]
async fn an_administrator_manages_people_rights_and_lists_in_a_real_browser() {
    let (app, _) = TestApp::with_admin().await;
    app.sql()
        .execute("INSERT INTO services (name) VALUES ('Accounting')", [])
        .expect("service");
    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;

        // Create a user from Administration > Users.
        b.client.goto(&app.url("/admin/users")).await?;
        b.screenshot("10-users-empty").await;
        click_and_wait(&b, "a.button-primary[href='/admin/users/new']").await?;
        fill(&b, "firstname", "Grace").await?;
        fill(&b, "lastname", "Hopper").await?;
        fill(&b, "login", "grace").await?;
        fill(&b, "mail", "grace@example.test").await?;
        fill(&b, "password", "navy cobol 1959").await?;
        fill(&b, "password_confirm", "navy cobol 1959").await?;
        b.client
            .find(Locator::Css("#f-services option"))
            .await?
            .click()
            .await?;
        b.screenshot("11-user-new").await;
        click_and_wait(&b, "button[type=submit].button-primary").await?;
        assert_eq!(text_of(&b, "main h1").await?, "User: Grace Hopper");
        assert_eq!(text_of(&b, ".flash").await?, "The account has been created.");
        b.client.goto(&app.url("/admin/users")).await?;
        assert!(text_of(&b, "table.data-table tbody").await?.contains("Grace Hopper"));
        b.screenshot("12-users-list").await;

        // The rights matrix: filter, then one click flips a grant without reloading.
        b.client.goto(&app.url("/admin/rights")).await?;
        let filter = b.client.find(Locator::Css("#rights-filter")).await?;
        filter.send_keys("stat_ticket").await?;
        let visible: i64 = b
            .client
            .execute(
                "return [...document.querySelectorAll('#rights-table tbody tr')].filter(r => !r.hidden).length;",
                vec![],
            )
            .await?
            .as_i64()
            .unwrap_or(0);
        assert_eq!(visible, 1);
        let cell = "#right-stat_ticket_time_by_states td.cell-toggle:nth-of-type(2) button";
        assert_eq!(
            b.client.find(Locator::Css(cell)).await?.attr("aria-pressed").await?.as_deref(),
            Some("false")
        );
        b.client.find(Locator::Css(cell)).await?.click().await?;
        b.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(&format!("{cell}.granted")))
            .await?;
        b.screenshot("13-rights-matrix").await;
        assert_eq!(
            app.count("SELECT count(*) FROM profile_rights WHERE profile_id = 2 AND right_name = 'stat_ticket_time_by_states'"),
            1
        );
        // An administration right asks first, then changes once confirmed.
        b.client.goto(&app.url("/admin/rights?q=admin_groups")).await?;
        let cell = "#right-admin_groups td.cell-toggle:nth-of-type(2) button";
        b.client.find(Locator::Css(cell)).await?.click().await?;
        b.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css("#confirm-right"))
            .await?;
        b.screenshot("13b-rights-confirm").await;
        assert_eq!(
            app.count("SELECT count(*) FROM profile_rights WHERE profile_id = 2 AND right_name = 'admin_groups'"),
            0,
            "changed before it was confirmed"
        );
        b.client
            .find(Locator::Css("#confirm-right button.button-danger"))
            .await?
            .click()
            .await?;
        b.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(&format!("{cell}.granted")))
            .await?;
        assert_eq!(
            app.count("SELECT count(*) FROM profile_rights WHERE profile_id = 2 AND right_name = 'admin_groups'"),
            1
        );

        // A group, and a member added through the quick user dialog.
        b.client.goto(&app.url("/admin/groups")).await?;
        fill(&b, "name", "Accounting team").await?;
        click_and_wait(&b, "form.inline-add button.button-primary").await?;
        assert_eq!(text_of(&b, "main h1").await?, "[G] Accounting team");
        b.client.find(Locator::Css("[data-quick-user]")).await?.click().await?;
        b.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css("dialog form[data-quick-form] [name='lastname']"))
            .await?;
        fill(&b, "lastname", "Quick").await?;
        fill(&b, "firstname", "Quinn").await?;
        fill(&b, "login", "quinn").await?;
        fill(&b, "password", "long enough 1").await?;
        fill(&b, "password_confirm", "long enough 1").await?;
        b.screenshot("14-quick-user-dialog").await;
        b.client.find(Locator::Css("dialog button.button-primary")).await?.click().await?;
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let label = b
                .client
                .execute("var s = document.querySelector('#f-user'); return s.options[s.selectedIndex].text;", vec![])
                .await?;
            if label.as_str() == Some("Quinn Quick") {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "the new user was not selected");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let chosen = b.client.find(Locator::Css("#f-user")).await?.prop("value").await?;
        assert_eq!(chosen, Some(app.user_id("quinn").to_string()));

        // Quick edit of the selected user: the label follows.
        b.client.find(Locator::Css("[data-quick-edit]")).await?.click().await?;
        b.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css("dialog form[data-quick-form] [name='lastname']"))
            .await?;
        fill(&b, "lastname", "Quicker").await?;
        b.client.find(Locator::Css("dialog button.button-primary")).await?.click().await?;
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let label = b
                .client
                .execute("var s = document.querySelector('#f-user'); return s.options[s.selectedIndex].text;", vec![])
                .await?;
            if label.as_str() == Some("Quinn Quicker") {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "the label did not follow the edit");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        click_and_wait(&b, "#members form.inline-add button.button-primary").await?;
        assert!(text_of(&b, "#members .item-list").await?.contains("Quinn Quicker"));
        b.screenshot("15-group").await;

        // Lists: the list of lists on the left, entries on the right.
        b.client.goto(&app.url("/admin/lists/priorities")).await?;
        b.screenshot("16-lists-priorities").await;

        // The own profile's settings tab.
        b.client.goto(&app.url("/profile?tab=settings")).await?;
        b.screenshot("17-profile-settings").await;

        // On a phone the users list drops its optional columns and stays readable.
        b.client.set_window_size(360, 740).await?;
        b.client.goto(&app.url("/admin/users")).await?;
        let overflow: bool = b
            .client
            .execute("return document.documentElement.scrollWidth > window.innerWidth + 1;", vec![])
            .await?
            .as_bool()
            .unwrap_or(true);
        assert!(!overflow, "the page scrolls sideways on a phone");
        b.screenshot("18-users-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

#[tokio::test]
async fn a_ticket_is_opened_with_a_file_answered_by_its_requester_and_closed_in_a_real_browser() {
    let (app, _) = TestApp::with_admin().await;
    app.create_user(
        "uma",
        "uma's password 1",
        gestdesk::domain::profiles::Profile::User,
    )
    .await;
    let uma = app.user_id("uma");
    crate::tickets::stories::many_users(&app, 300);
    let upload = tempfile::tempdir().expect("dir");
    let file = upload.path().join("error-report.txt");
    std::fs::write(&file, "Error 0x80070005 at boot").expect("file");
    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/tickets/new")).await?;
        // The requester starts empty with a warning; choosing one shows their mail.
        assert!(b.client.find(Locator::Css(".field-requester .field-warning")).await.is_ok());
        // With hundreds of users the requester is found by a search, not in one long list:
        // typing asks the server, Enter picks the first match.
        let search = b.client.find(Locator::Css(".field-requester input[role=combobox]")).await?;
        search.send_keys("uma").await?;
        wait_until(
            &b,
            "return !!document.querySelector('#f-requester-listbox [role=option][aria-selected=true]') && document.querySelector('#f-requester-listbox').textContent.includes('uma');",
            "the search did not list the requester",
        )
        .await?;
        search.send_keys("\u{E007}").await?;
        wait_until(
            &b,
            &format!("return document.querySelector('#f-requester').value === 'u{uma}';"),
            "the search did not pick the requester",
        )
        .await?;
        b.screenshot("19-ticket-requester-search").await;
        // The subcategory list follows the category without a reload.
        b.client.find(Locator::Css("#f-category_id option[value='2']")).await?.click().await?;
        wait_until(
            &b,
            "return [...document.querySelectorAll('#f-subcategory_id option[data-category]')].every(o => o.hidden === (o.dataset.category !== '2'));",
            "the subcategories did not follow the category",
        )
        .await?;
        b.client.find(Locator::Css("#f-subcategory_id option[value='2']")).await?.click().await?;
        fill(&b, "title", "Laptop does not boot").await?;
        fill(&b, "description", "Since this morning").await?;
        // The toolbar wraps the selected word in Markdown.
        b.client
            .execute("var t = document.querySelector('#f-description'); t.focus(); t.setSelectionRange(11, 18);", vec![])
            .await?;
        b.client.find(Locator::Css("[data-md='bold']")).await?.click().await?;
        b.client
            .find(Locator::Css("#f-attachments"))
            .await?
            .send_keys(&file.display().to_string())
            .await?;
        b.screenshot("20-ticket-new").await;
        click_and_wait(&b, "#ticket-form .form-actions button.button-primary").await?;
        assert_eq!(text_of(&b, ".flash").await?, "The ticket has been created.");
        assert_eq!(text_of(&b, "#attachments .file-list a").await?, "error-report.txt");
        assert!(text_of(&b, "#thread").await?.contains("attached error-report.txt"));
        b.screenshot("21-ticket-created").await;
        let id = app.count("SELECT max(id) FROM tickets");
        assert_eq!(app.count(&format!("SELECT category_id * 10 + subcategory_id FROM tickets WHERE id = {id}")), 22);
        assert_eq!(app.text(&format!("SELECT description FROM tickets WHERE id = {id}")), "Since this **morning**");

        // The requester answers and closes it.
        b.client.delete_all_cookies().await?;
        log_in(&b, &app, "uma", "uma's password 1").await?;
        b.client.goto(&app.url(&format!("/tickets/{id}"))).await?;
        if b.client.find(Locator::Css("[name='reply']")).await.is_err() {
            let url = b.client.current_url().await?;
            let title = b.client.title().await?;
            panic!("the requester's ticket page has no reply field: {url} ({title})");
        }
        assert!(b.client.find(Locator::Css("[name='requester']")).await.is_err(), "a requester could change the requester");
        fill(&b, "reply", "It shows a blue screen now.").await?;
        click_and_wait(&b, "#save-button").await?;
        assert!(text_of(&b, "#thread").await?.contains("It shows a blue screen now."));
        b.screenshot("22-ticket-user-reply").await;
        b.client.find(Locator::Css("#close-ticket button")).await?.click().await?;
        b.client.accept_alert().await?;
        wait_until(
            &b,
            "var f = document.querySelector('.flash'); return !!f && f.textContent === 'The ticket is closed.';",
            "no page after closing",
        )
        .await?;
        assert_eq!(text_of(&b, ".state-badge").await?, "Resolved");
        assert!(text_of(&b, "#thread").await?.contains("closed the ticket (Resolved)"));
        b.screenshot("23-ticket-closed").await;
        assert_eq!(app.count(&format!("SELECT state_id FROM tickets WHERE id = {id}")), 3);

        // On a phone the ticket page stays within the screen.
        b.client.set_window_size(360, 740).await?;
        b.client.goto(&app.url(&format!("/tickets/{id}"))).await?;
        assert!(!scrolls_sideways(&b).await?, "the ticket page scrolls sideways on a phone");
        b.screenshot("24-ticket-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

#[tokio::test]
async fn a_technician_finds_work_in_lists_and_watches_new_tickets_arrive_live() {
    let (app, admin) = TestApp::with_admin().await;
    let ursula = app
        .login_as("ursula", gestdesk::domain::profiles::Profile::User)
        .await;
    let requester = format!("u{}", app.user_id("ursula"));
    for (title, state) in [
        ("Téléphone en panne", "2"),
        ("Printer offline", "1"),
        ("VPN refuses the password", "6"),
        ("New laptop for Ada", "2"),
    ] {
        crate::common::open_ticket(
            &app,
            &admin,
            &[
                ("requester", &requester),
                ("technician", "u1"),
                ("title", title),
                ("description", "Details to follow."),
                ("state_id", state),
            ],
        )
        .await;
    }
    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        // The home page is the list of what is left to handle, counted in the menu.
        assert_eq!(text_of(&b, "main h1").await?, "Your tickets · To handle");
        assert_eq!(
            b.client.find_all(Locator::Css("#ticket-list tbody tr[data-ticket]")).await?.len(),
            4
        );
        b.screenshot("30-list").await;

        // A search without accents finds the accented title.
        fill(&b, "q", "telephone").await?;
        click_and_wait(&b, ".search-form button[type=submit]").await?;
        assert_eq!(
            b.client.find_all(Locator::Css("#ticket-list tbody tr[data-ticket]")).await?.len(),
            1
        );
        assert!(text_of(&b, "#ticket-list tbody").await?.contains("Téléphone en panne"));
        b.screenshot("31-search").await;

        // A choice under a header filters at once.
        b.client.goto(&app.url("/tickets?view=all")).await?;
        b.client
            .find(Locator::Css("#filter-state option[value='6']"))
            .await?
            .click()
            .await?;
        wait_until(
            &b,
            "return location.search.indexOf('f_state=6') !== -1 && document.querySelectorAll('#ticket-list tbody tr[data-ticket]').length === 1;",
            "the state filter did not apply",
        )
        .await?;
        b.screenshot("32-filter").await;

        // The activity view: what happened today.
        b.client.goto(&app.url("/activity")).await?;
        assert_eq!(text_of(&b, ".counter:first-child .counter-value").await?, "4");
        b.screenshot("33-activity").await;

        // A new ticket from a user appears in the open list without a reload, in red.
        b.client.goto(&app.url("/tickets?view=all")).await?;
        b.client.execute("window.notReloaded = true;", vec![]).await?;
        // The event stream is connected before the ticket is sent.
        wait_until(
            &b,
            "return document.body.getAttribute('data-live-connected') === '1';",
            "the list did not connect to live updates",
        )
        .await?;
        let id = crate::common::open_ticket(
            &app,
            &ursula,
            &[("title", "Keyboard missing keys"), ("description", "F and J.")],
        )
        .await;
        wait_until(
            &b,
            &format!("return window.notReloaded === true && !!document.querySelector('#ticket-list tr.is-new[data-ticket=\"{id}\"]');"),
            "the new ticket did not appear live",
        )
        .await?;
        assert!(text_of(&b, "#userbar .bar-new").await?.contains('1'));
        b.screenshot("34-list-live").await;

        // The supervision screen: no menu, large figures, the newcomer in red.
        b.client.goto(&app.url("/supervision")).await?;
        assert!(b.client.find(Locator::Css("#sidebar")).await.is_err());
        b.client.find(Locator::Css("[data-enable-sound]")).await?.click().await?;
        wait_until(
            &b,
            "return document.body.getAttribute('data-live-connected') === '1';",
            "the supervision screen did not connect to live updates",
        )
        .await?;
        let second = crate::common::open_ticket(
            &app,
            &ursula,
            &[("title", "Mouse is dead"), ("description", "No light.")],
        )
        .await;
        wait_until(
            &b,
            &format!("return !!document.querySelector('.newest-list li.is-new[data-ticket=\"{second}\"]');"),
            "the supervision screen did not show the new ticket",
        )
        .await?;
        assert_eq!(text_of(&b, ".tile:first-child .tile-value").await?, "2");
        b.screenshot("35-supervision-live").await;

        // On a phone, the list becomes cards that fit the screen.
        b.client.set_window_size(360, 740).await?;
        b.client.goto(&app.url("/tickets?view=all")).await?;
        assert!(!scrolls_sideways(&b).await?, "the list scrolls sideways on a phone");
        b.screenshot("36-list-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

/// The lowest text contrast among the page's main kinds of text (body, muted notes, links,
/// primary buttons, top bar, menu, table headers), by WCAG's formula; with what it was found on.
const LOWEST_CONTRAST: &str = r#"
function lum(c) {
  var m = c.match(/[\d.]+/g).map(Number);
  var ch = m.slice(0, 3).map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}
function background(el) {
  while (el) {
    var b = getComputedStyle(el).backgroundColor;
    var m = b.match(/[\d.]+/g);
    if (m && (m.length < 4 || Number(m[3]) > 0.5)) return b;
    el = el.parentElement;
  }
  return 'rgb(255, 255, 255)';
}
var worst = [99, ''];
['main', 'main p', '.muted', 'main a', '.button-primary', '.topbar .brand', '.sidebar a', '.data-table thead th', '.menu-count', '.bar-item', '.field label'].forEach(function (sel) {
  document.querySelectorAll(sel).forEach(function (el) {
    if (!el.offsetParent && el.tagName !== 'MAIN') return;
    var a = lum(getComputedStyle(el).color), b = lum(background(el));
    var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < worst[0]) worst = [ratio, sel];
  });
});
return worst[0].toFixed(2) + ' ' + worst[1];
"#;

#[tokio::test]
async fn every_theme_and_language_reads_well_on_a_wide_screen_and_a_phone() {
    let (app, admin) = TestApp::with_admin().await;
    let id = crate::common::open_ticket(
        &app,
        &admin,
        &[
            ("requester", "u1"),
            ("technician", "u1"),
            ("title", "Printer jams on floor 2"),
            ("description", "It **jams** every morning."),
            ("state_id", "2"),
        ],
    )
    .await;
    let b = Browser::start(1440, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        for theme in ["blue", "black", "pink", "grey"] {
            app.sql()
                .execute("UPDATE users SET theme = ?1 WHERE login = 'admin'", [theme])
                .expect("theme");
            for (page, name) in [
                ("/tickets?view=all", "list"),
                (&format!("/tickets/{id}")[..], "ticket"),
            ] {
                b.client.goto(&app.url(page)).await?;
                let theme_attr = b
                    .client
                    .execute("return document.documentElement.dataset.theme;", vec![])
                    .await?;
                assert_eq!(theme_attr.as_str(), Some(theme));
                let lowest = b.client.execute(LOWEST_CONTRAST, vec![]).await?;
                let lowest = lowest.as_str().unwrap_or_default().to_owned();
                let ratio: f64 = lowest
                    .split(' ')
                    .next()
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(0.0);
                assert!(ratio >= 4.5, "{theme} {name}: text contrast {lowest}");
                b.screenshot(&format!("40-theme-{theme}-{name}")).await;
            }
        }
        app.sql()
            .execute("UPDATE users SET theme = NULL WHERE login = 'admin'", [])
            .expect("theme");
        for (lang, heading) in [
            ("fr", "Tous les tickets"),
            ("en", "All tickets"),
            ("es", "Todos los tickets"),
            ("de", "Alle Tickets"),
        ] {
            app.sql()
                .execute(
                    "UPDATE users SET language = ?1 WHERE login = 'admin'",
                    [lang],
                )
                .expect("language");
            b.client.goto(&app.url("/tickets?view=all")).await?;
            assert_eq!(text_of(&b, "main h1").await?, heading);
            b.screenshot(&format!("41-language-{lang}-list")).await;
            b.client.goto(&app.url(&format!("/tickets/{id}"))).await?;
            b.screenshot(&format!("41-language-{lang}-ticket")).await;
        }
        b.client.set_window_size(360, 740).await?;
        for page in [
            "/tickets?view=all",
            &format!("/tickets/{id}")[..],
            "/admin/settings",
        ] {
            b.client.goto(&app.url(page)).await?;
            assert!(
                !scrolls_sideways(&b).await?,
                "{page} scrolls sideways on a phone"
            );
        }
        b.client.goto(&app.url("/tickets?view=all")).await?;
        b.screenshot("42-phone-list-de").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

/// Problems a page has for keyboard and screen-reader users: form fields without a label,
/// pictures without a text alternative, links and buttons with nothing to read, a page without
/// its language.
pub(crate) const ACCESSIBILITY_PROBLEMS: &str = r#"
var problems = [];
if (!document.documentElement.lang) problems.push('html without lang');
document.querySelectorAll('input, select, textarea').forEach(function (f) {
  if (f.type === 'hidden' || f.type === 'submit' || f.type === 'button') return;
  // A select a picker replaced is out of sight and out of the accessibility tree.
  if (f.hidden && f.getAttribute('aria-hidden') === 'true') return;
  var labelled = (f.id && document.querySelector('label[for="' + CSS.escape(f.id) + '"]')) ||
    f.closest('label') || f.getAttribute('aria-label') || f.getAttribute('aria-labelledby');
  if (!labelled) problems.push('unlabelled ' + f.tagName + ' ' + (f.name || f.id));
});
document.querySelectorAll('img').forEach(function (i) {
  if (!i.hasAttribute('alt')) problems.push('img without alt ' + i.src);
});
document.querySelectorAll('a, button').forEach(function (el) {
  var text = (el.textContent || '').trim() || el.getAttribute('aria-label') || el.getAttribute('title') ||
    Array.prototype.some.call(el.querySelectorAll('img[alt]'), function (i) { return i.alt.trim() !== ''; });
  if (!text) problems.push('nothing to read on ' + el.outerHTML.slice(0, 80));
});
return problems.join('\n');
"#;

/// Presses `key` (a WebDriver key code) in the focused element.
async fn press(b: &Browser, key: &str) -> Result<(), CmdError> {
    b.client.active_element().await?.send_keys(key).await
}

/// Presses Tab until the focused element matches `css`; fails after `max` presses.
async fn tab_to(b: &Browser, css: &str, max: usize) -> Result<(), CmdError> {
    let check = format!(
        "return !!document.activeElement && document.activeElement.matches({});",
        serde_json::to_string(css).expect("css")
    );
    for _ in 0..max {
        press(b, "\u{e004}").await?;
        if b.client.execute(&check, vec![]).await?.as_bool() == Some(true) {
            return Ok(());
        }
    }
    panic!("Tab never reached {css}");
}

#[tokio::test]
async fn the_keyboard_alone_logs_in_and_reaches_a_new_ticket_with_the_focus_visible() {
    let (app, _) = TestApp::with_admin().await;
    let b = Browser::start(1280, 900).await;
    let story = async {
        b.client.goto(&app.url("/login")).await?;
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "login page");
        tab_to(&b, "input[name='login']", 10).await?;
        b.client.active_element().await?.send_keys("admin").await?;
        press(&b, "\u{e004}").await?;
        b.client
            .active_element()
            .await?
            .send_keys(ADMIN_PASSWORD)
            .await?;
        press(&b, "\u{e007}").await?;
        wait_until(
            &b,
            "return location.pathname === '/';",
            "Enter did not log in",
        )
        .await?;

        // The first Tab reaches the skip link, which jumps to the content.
        press(&b, "\u{e004}").await?;
        let skip = b
            .client
            .execute("return document.activeElement.className;", vec![])
            .await?;
        assert_eq!(skip.as_str(), Some("skip-link"));
        let outline = b
            .client
            .execute(
                "return getComputedStyle(document.activeElement).outlineStyle;",
                vec![],
            )
            .await?;
        assert_ne!(outline.as_str(), Some("none"), "the focus is not visible");
        b.screenshot("50-keyboard-skip-link").await;

        // On to "New ticket" in the menu, opened with Enter.
        tab_to(&b, "a[href='/tickets/new']", 30).await?;
        press(&b, "\u{e007}").await?;
        wait_until(
            &b,
            "return location.pathname === '/tickets/new';",
            "Enter did not follow the link",
        )
        .await?;
        for page in [
            "/tickets/new",
            "/tickets?view=all",
            "/admin/settings",
            "/profile",
        ] {
            b.client.goto(&app.url(page)).await?;
            let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
            assert_eq!(problems.as_str(), Some(""), "{page}");
        }
        // The check does see a field without a label and a picture without a text.
        b.client
            .execute("document.body.insertAdjacentHTML('beforeend', '<input name=stray><img src=/logo>');", vec![])
            .await?;
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        let problems = problems.as_str().unwrap_or_default();
        assert!(problems.contains("unlabelled INPUT stray") && problems.contains("img without alt"), "{problems}");
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

#[tokio::test]
async fn an_administrator_sets_up_mail_tests_it_and_a_technician_previews_and_sends_one() {
    let peer = crate::common::smtp::SmtpPeer::start();
    let (app, _) = TestApp::with_admin().await;
    app.set_mail("admin", "admin@example.test", "en");
    app.create_user(
        "uma",
        "uma's password 1",
        gestdesk::domain::profiles::Profile::User,
    )
    .await;
    app.set_mail("uma", "uma@example.test", "en");
    let uma = app.user_id("uma");
    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        b.client.goto(&app.url("/admin/mail")).await?;
        b.client
            .find(Locator::Css("#f-smtp\\.enabled"))
            .await?
            .click()
            .await?;
        fill(&b, "smtp.host", "127.0.0.1").await?;
        fill(&b, "smtp.port", &peer.plain_port.to_string()).await?;
        b.client
            .find(Locator::Css("#f-smtp\\.security option[value='starttls']"))
            .await?
            .click()
            .await?;
        b.client
            .find(Locator::Css("#f-smtp\\.accept_invalid_certs"))
            .await?
            .click()
            .await?;
        b.client
            .find(Locator::Css("#f-smtp\\.auth"))
            .await?
            .click()
            .await?;
        fill(&b, "smtp.username", crate::common::smtp::USER).await?;
        fill(&b, "smtp.password", crate::common::smtp::PASSWORD).await?;
        fill(&b, "smtp.from", "helpdesk@example.test").await?;
        b.screenshot("50-mail-settings").await;
        click_and_wait(&b, "form.stack .form-actions button.button-primary").await?;
        assert_eq!(text_of(&b, ".flash").await?, "Changes saved.");
        // The password field comes back empty; the test mail goes out over STARTTLS.
        let shown: String = b
            .client
            .execute(
                "return document.querySelector('#f-smtp\\\\.password').value;",
                vec![],
            )
            .await?
            .as_str()
            .unwrap_or("?")
            .to_owned();
        assert_eq!(shown, "");
        click_and_wait(&b, "#test button").await?;
        assert!(text_of(&b, "#test .alert-success").await?.contains("250"));
        b.screenshot("51-mail-test-sent").await;
        let got = peer.wait_for(1, 10).await;
        assert!(got[0].tls && got[0].authenticated == crate::common::smtp::USER);

        // A ticket for Uma, then a mail about it, previewed first.
        b.client.goto(&app.url("/tickets/new")).await?;
        b.client
            .execute(
                &format!("document.querySelector('#f-requester').value = 'u{uma}';"),
                vec![],
            )
            .await?;
        fill(&b, "title", "New laptop").await?;
        click_and_wait(&b, "#ticket-form .form-actions button.button-primary").await?;
        click_and_wait(&b, ".ticket-actions a[href$='/mail']").await?;
        fill(&b, "message", "Your laptop is **ready** at the desk.").await?;
        click_and_wait(&b, "button[value='preview']").await?;
        assert!(text_of(&b, "#preview").await?.contains("uma@example.test"));
        b.screenshot("52-mail-preview").await;
        click_and_wait(&b, "button[value='send']").await?;
        assert_eq!(
            text_of(&b, ".flash").await?,
            "The mail is in the outbox and goes out in a moment."
        );
        let got = peer.wait_for(2, 10).await;
        assert!(got[1].html.contains("<strong>ready</strong>"));
        b.client.refresh().await?;
        assert!(
            text_of(&b, "#thread")
                .await?
                .contains("mailed uma@example.test")
        );
        b.screenshot("53-mail-in-thread").await;
        b.client.goto(&app.url("/admin/outbox")).await?;
        b.screenshot("54-outbox").await;
        // On a phone the mail settings stay within the screen.
        b.client.set_window_size(360, 740).await?;
        b.client.goto(&app.url("/admin/mail")).await?;
        assert!(
            !scrolls_sideways(&b).await?,
            "the mail settings scroll sideways on a phone"
        );
        b.screenshot("55-mail-settings-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}

#[tokio::test]
async fn procedures_are_switched_on_written_and_read_from_a_ticket_in_a_real_browser() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user(
        "rita",
        "rita's password 1",
        gestdesk::domain::profiles::Profile::User,
    )
    .await;
    let rita = app.user_id("rita");
    let ticket = crate::common::open_ticket(
        &app,
        &admin,
        &[
            ("requester", &format!("u{rita}")),
            ("title", "My PC will not start"),
            ("category_id", "2"),
            ("subcategory_id", "2"),
        ],
    )
    .await;
    let upload = tempfile::tempdir().expect("dir");
    let file = upload.path().join("bios-settings.txt");
    std::fs::write(&file, "Boot order: disk first").expect("file");
    let b = Browser::start(1280, 900).await;
    let story = async {
        log_in(&b, &app, "admin", ADMIN_PASSWORD).await?;
        // The switch, from the settings page: the menu entry appears on the next page.
        b.client.goto(&app.url("/admin/settings")).await?;
        assert!(b.client.find(Locator::Css(".sidebar a[href='/procedures']")).await.is_err());
        b.client.find(Locator::Css("#f-procedure")).await?.click().await?;
        click_and_wait(&b, "form.stack .form-actions button.button-primary").await?;
        assert_eq!(text_of(&b, ".flash").await?, "Changes saved.");
        click_and_wait(&b, ".sidebar a[href='/procedures']").await?;
        assert_eq!(text_of(&b, "main h1").await?, "Procedures");

        // Written with a file, filed under Hardware › PC, published to requesters.
        click_and_wait(&b, ".list-actions a.button-primary").await?;
        fill(&b, "title", "PC does not start: check the BIOS").await?;
        b.client.find(Locator::Css("#f-category option[value='2']")).await?.click().await?;
        wait_until(
            &b,
            "return [...document.querySelectorAll('#f-subcategory option[data-category]')].every(o => o.hidden === (o.dataset.category !== '2'));",
            "the subcategories did not follow the category",
        )
        .await?;
        b.client.find(Locator::Css("#f-subcategory option[value='2']")).await?.click().await?;
        fill(&b, "body", "1. Press **F2** at start\n2. Put the disk first\n\n| Key | Brand |\n|---|---|\n| F2 | Dell |").await?;
        b.client.find(Locator::Css("#f-published")).await?.click().await?;
        b.client.find(Locator::Css("#f-attachments")).await?.send_keys(&file.display().to_string()).await?;
        b.screenshot("60-procedure-new").await;
        click_and_wait(&b, "#procedure-form .form-actions button.button-primary").await?;
        assert_eq!(text_of(&b, ".flash").await?, "Changes saved.");
        assert_eq!(text_of(&b, ".procedure-text strong").await?, "F2");
        assert_eq!(text_of(&b, "#files .file-list a").await?, "bios-settings.txt");
        b.screenshot("61-procedure-page").await;
        b.client.goto(&app.url("/procedures?q=bios")).await?;
        assert_eq!(text_of(&b, ".data-table tbody td a").await?, "PC does not start: check the BIOS");
        b.screenshot("62-procedures-search").await;
        let problems = b.client.execute(ACCESSIBILITY_PROBLEMS, vec![]).await?;
        assert_eq!(problems.as_str(), Some(""), "procedure list");

        // The requester reads it from their ticket of that category.
        b.client.delete_all_cookies().await?;
        log_in(&b, &app, "rita", "rita's password 1").await?;
        b.client.goto(&app.url(&format!("/tickets/{ticket}"))).await?;
        assert_eq!(text_of(&b, "#procedures-heading").await?, "Procedures for this category");
        b.screenshot("63-procedure-on-ticket").await;
        click_and_wait(&b, "#procedures a").await?;
        assert_eq!(text_of(&b, "main h1").await?, "PC does not start: check the BIOS");
        assert!(b.client.find(Locator::Css(".ticket-actions a[href$='/edit']")).await.is_err());
        b.screenshot("64-procedure-requester").await;

        // On a phone the procedure and its table stay within the screen.
        b.client.set_window_size(360, 740).await?;
        b.client.refresh().await?;
        assert!(!scrolls_sideways(&b).await?, "the procedure page scrolls sideways on a phone");
        b.screenshot("65-procedure-phone").await;
        Ok::<(), CmdError>(())
    }
    .await;
    b.close().await;
    app.stop().await;
    story.expect("browser story");
}
