//! First run, logging in and out, throttling, CSRF, idle expiry and forced password change.

use gestdesk::domain::profiles::Profile;
use gestdesk::domain::users;
use reqwest::StatusCode;

use crate::common::{ADMIN_LOGIN, ADMIN_PASSWORD, TestApp};

#[tokio::test]
async fn the_first_run_set_up_creates_the_administrator_once() {
    let app = TestApp::spawn().await;
    let setup = app
        .app
        .setup_path()
        .expect("no account yet, so set-up is pending");
    let admin = app.client();

    // On this machine, the home page opens the set-up form directly.
    let home = admin.get("/").await;
    assert_eq!(home.status, StatusCode::SEE_OTHER);
    assert_eq!(home.location(), Some(setup.as_str()));
    // The login page is of no use before set-up.
    assert_eq!(admin.get("/login").await.location(), Some("/"));
    // A wrong token (an old link, from before a restart) leads here to the live link; from
    // anywhere else it is out of date.
    assert_eq!(
        admin.get("/setup/0123456789abcdef").await.location(),
        Some(setup.as_str())
    );
    let elsewhere = admin
        .get_with(
            "/setup/0123456789abcdef",
            &[("x-forwarded-for", "192.0.2.1")],
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    elsewhere.assert_contains("out of date");

    let form = admin.get(&setup).await;
    assert_eq!(form.status, StatusCode::OK);
    for field in [
        "login",
        "firstname",
        "lastname",
        "mail",
        "password",
        "password_confirm",
        "language",
    ] {
        form.assert_contains(&format!(r#"name="{field}""#));
        form.assert_contains(&format!(r#"for="f-{field}""#));
    }

    // Bad input: the form comes back with the typed values and one message per field.
    let bad = admin
        .submit(
            &setup,
            &setup,
            &[
                ("login", "ada lovelace"),
                ("firstname", "Ada"),
                ("lastname", ""),
                ("mail", "not-a-mail"),
                ("password", "short"),
                ("password_confirm", "short"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains(r#"value="ada lovelace""#)
        .assert_contains(r#"value="Ada""#)
        .assert_contains(r#"value="not-a-mail""#)
        .assert_contains("A login cannot contain spaces")
        .assert_contains("This field is required.")
        .assert_contains("This mail address is not valid")
        .assert_contains("at least 8 characters");
    assert!(
        !bad.body.contains(r#"value="short""#),
        "passwords are never re-shown"
    );
    let count: i64 = app.count("SELECT count(*) FROM users");
    assert_eq!(count, 0, "nothing half-written");

    let mismatch = admin
        .submit(
            &setup,
            &setup,
            &[
                ("login", "ada"),
                ("firstname", "Ada"),
                ("lastname", "Admin"),
                ("password", "correct horse battery"),
                ("password_confirm", "correct horse batterY"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
    mismatch.assert_contains("The two passwords are not the same.");

    // Good input: the administrator exists and is logged in.
    admin.create_first_admin(&app).await;
    let home = admin.follow(admin.get("/").await).await;
    assert_eq!(home.status, StatusCode::OK);
    home.assert_contains("Ada Admin")
        .assert_contains("<h1>Your tickets · To handle</h1>")
        .assert_contains("Your administrator account is ready");

    // The link is dead now, for everyone, and a new visitor is sent to the login page.
    assert!(app.app.setup_path().is_none());
    let stranger = app.client();
    assert_eq!(stranger.get(&setup).await.status, StatusCode::NOT_FOUND);
    stranger
        .get(&setup)
        .await
        .assert_contains("already been used");
    assert_eq!(stranger.get("/").await.location(), Some("/login"));
    app.stop().await;
}

#[tokio::test]
async fn logging_in_gives_a_fresh_http_only_session_and_one_message_for_any_failure() {
    let (app, _) = TestApp::with_admin().await;
    let browser = app.client();

    let login_page = browser.get("/login").await;
    assert_eq!(login_page.status, StatusCode::OK);
    login_page
        .assert_contains(r#"<label for="f-login">"#)
        .assert_contains(r#"<label for="f-password">"#)
        .assert_contains(r#"name="login""#)
        .assert_contains(r#"name="password""#);

    let wrong_password = browser.login(ADMIN_LOGIN, "not the password").await;
    let unknown_login = browser.login("nobody", "not the password").await;
    assert_eq!(wrong_password.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_login.status, StatusCode::UNAUTHORIZED);
    wrong_password.assert_contains("Wrong login or password.");
    unknown_login.assert_contains("Wrong login or password.");
    wrong_password.assert_contains(r#"value="admin""#);

    // A session id planted before login is not kept (no session fixation).
    let planted = "f".repeat(64);
    let reply = browser
        .get_with("/login", &[("cookie", &format!("gd_session={planted}"))])
        .await;
    assert_eq!(reply.status, StatusCode::OK);

    let ok = browser.login(ADMIN_LOGIN, ADMIN_PASSWORD).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.location(), Some("/"));
    let cookie = ok
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("gd_session="))
        .expect("session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    assert!(!cookie.contains(&planted));
    let stored: i64 = app
        .sql()
        .query_row(
            "SELECT count(*) FROM sessions WHERE token_hash = ?1",
            [&planted],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(stored, 0);

    // Behind an HTTPS proxy the cookie is Secure.
    let https = app.client();
    let page = https.get("/login").await;
    let token = page.csrf();
    let reply = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(app.url("/login"))
        .header("x-forwarded-proto", "https")
        .header("cookie", format!("gd_csrf={token}"))
        .form(&[
            ("login", ADMIN_LOGIN),
            ("password", ADMIN_PASSWORD),
            ("_csrf", &token),
        ])
        .send()
        .await
        .expect("post");
    let secure_cookie = reply
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("gd_session="))
        .map(str::to_owned);
    let secure_cookie = secure_cookie.unwrap_or_else(|| panic!("no session cookie: {reply:?}"));
    assert!(secure_cookie.contains("; Secure"), "{secure_cookie}");

    // The page after login comes back to where the visitor was going.
    let other = app.client();
    let to_login = other.get("/profile").await;
    assert_eq!(to_login.location(), Some("/login?next=%2Fprofile"));
    let reply = other
        .submit(
            "/login?next=%2Fprofile",
            "/login",
            &[
                ("login", ADMIN_LOGIN),
                ("password", ADMIN_PASSWORD),
                ("next", "/profile"),
            ],
        )
        .await;
    assert_eq!(reply.location(), Some("/profile"));
    // ...but never to another site.
    let reply = app
        .client()
        .submit(
            "/login",
            "/login",
            &[
                ("login", ADMIN_LOGIN),
                ("password", ADMIN_PASSWORD),
                ("next", "//evil.test/"),
            ],
        )
        .await;
    assert_eq!(reply.location(), Some("/"));
    app.stop().await;
}

#[tokio::test]
async fn five_failures_lock_a_login_even_against_the_right_password() {
    let (app, _) = TestApp::with_admin().await;
    let attacker = app.client();
    for _ in 0..5 {
        let r = attacker.login(ADMIN_LOGIN, "guess").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let locked = attacker.login(ADMIN_LOGIN, ADMIN_PASSWORD).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    locked.assert_contains("Too many failed login attempts. Try again in 15 minutes.");
    assert!(
        !locked
            .set_cookies()
            .iter()
            .any(|c| c.starts_with("gd_session=") && !c.contains("Max-Age=0")),
        "no session during the lock"
    );

    // Once the failures leave the 15-minute window, the right password works again.
    app.sql()
        .execute("UPDATE auth_failures SET at = at - 16 * 60", [])
        .expect("age failures");
    let ok = attacker.login(ADMIN_LOGIN, ADMIN_PASSWORD).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);

    // An administrator sees a locked account on its page and unlocks it at once.
    app.create_user("lou", "password-of-lou", Profile::User)
        .await;
    let guesser = app.client();
    for _ in 0..5 {
        guesser.login("lou", "guess").await;
    }
    let lou = app.user_id("lou");
    let page = attacker.get(&format!("/admin/users/{lou}")).await;
    page.assert_contains("This account is locked after repeated failed logins");
    let r = attacker
        .submit(
            &format!("/admin/users/{lou}"),
            &format!("/admin/users/{lou}/unlock"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.client().login("lou", "password-of-lou").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.count("SELECT count(*) FROM event_log WHERE kind = 'throttle_lifted'"),
        1
    );
    app.stop().await;
}

/// Five failures from one address used to lock every account used from it, administrator
/// included, for 15 minutes with nothing to lift it: the desktop console and everyone behind a
/// NAT or a terminal server share one address. Accounts and addresses are now throttled
/// separately: the address only after many failures across accounts, and never for an account
/// that logged in from it before; a correct password for an account that is not itself locked
/// still works.
#[tokio::test]
async fn failures_from_a_shared_address_do_not_lock_out_its_other_users() {
    let (app, _) = TestApp::with_admin().await;
    app.create_user("carla", "password-of-carla", Profile::User)
        .await;
    let sprayer = app.client();
    for name in ["alice", "bob", "carol", "dave", "erin", "frank"] {
        assert_eq!(
            sprayer.login(name, "guess").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // The administrator (who logged in from here) and Carla (who never did) both get in.
    let ok = sprayer.login(ADMIN_LOGIN, ADMIN_PASSWORD).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let carla = app.client();
    assert_eq!(
        carla.login("carla", "password-of-carla").await.status,
        StatusCode::SEE_OTHER
    );

    // Many more failures across accounts throttle the address, for accounts new to it only.
    let limit = gestdesk::domain::auth::throttle::ADDRESS_MAX_FAILURES;
    let sprayer = app.client();
    for n in 0..limit {
        sprayer.login(&format!("nobody{n}"), "guess").await;
    }
    app.create_user("newbie", "password-of-newbie", Profile::User)
        .await;
    let refused = app.client().login("newbie", "password-of-newbie").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    refused.assert_contains("Too many failed logins from your network");
    for (login, password) in [
        (ADMIN_LOGIN, ADMIN_PASSWORD),
        ("carla", "password-of-carla"),
    ] {
        let r = app.client().login(login, password).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{login} is known here");
    }
    assert!(app.count("SELECT count(*) FROM event_log WHERE kind = 'login_throttled'") >= 1);

    // An administrator lifts the address's throttle from Administration > System.
    let admin = app.client();
    admin.login(ADMIN_LOGIN, ADMIN_PASSWORD).await;
    let system = admin.get("/admin/system").await;
    system.assert_contains("127.0.0.1");
    let r = admin
        .submit(
            "/admin/system",
            "/admin/system/throttle/clear",
            &[("ip", "127.0.0.1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.client()
            .login("newbie", "password-of-newbie")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    app.stop().await;
}

/// Sixteen attempts sent at once on one account were all checked, and the right password among
/// them logged in although the limit is five. An attempt is now counted before its password is
/// compared, and only a few run at once per account and per address.
#[tokio::test]
async fn parallel_attempts_are_counted_before_their_password_is_checked() {
    let (app, _) = TestApp::with_admin().await;
    app.create_user("victim", "the right one", Profile::User)
        .await;
    let attacker = app.client();
    for _ in 0..4 {
        assert_eq!(
            attacker.login("victim", "wrong").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let token = attacker.get("/login").await.csrf();
    let attempts: Vec<_> = (0..16)
        .map(|n| {
            let c = attacker.clone();
            let token = token.clone();
            let password = if n == 15 { "the right one" } else { "wrong" };
            tokio::spawn(async move {
                c.post_raw(
                    "/login",
                    &[
                        ("login", "victim"),
                        ("password", password),
                        ("_csrf", &token),
                    ],
                )
                .await
                .status
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for a in attempts {
        statuses.push(a.await.expect("attempt"));
    }
    let checked = app.count(
        "SELECT count(*) FROM event_log WHERE kind IN ('login_failure', 'login_success')
         AND (message LIKE '%victim%')",
    );
    assert!(
        checked <= gestdesk::domain::auth::MAX_FAILURES,
        "{checked} passwords compared: {statuses:?}"
    );
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(refused >= 11, "{statuses:?}");
    // Now locked: the right password does not get in.
    assert_eq!(
        app.client().login("victim", "the right one").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    app.stop().await;
}

/// The current password on the password page was not counted at all: a session left open let
/// anyone guess it. Wrong current passwords now lock password changes (not logins) after five.
#[tokio::test]
async fn wrong_current_passwords_lock_password_changes() {
    let (app, _) = TestApp::with_admin().await;
    let user = app.login_as("ursula", Profile::User).await;
    let hash = || app.text("SELECT password_hash FROM users WHERE login = 'ursula'");
    let before = hash();
    let change = |current: &'static str| {
        let user = user.clone();
        async move {
            user.submit(
                "/password",
                "/password",
                &[
                    ("current", current),
                    ("password", "a new long secret"),
                    ("password_confirm", "a new long secret"),
                ],
            )
            .await
        }
    };
    for _ in 0..5 {
        let r = change("a guess").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        r.assert_contains("The current password is wrong.");
    }
    let r = change("password-of-ursula").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Too many wrong current passwords");
    assert_eq!(hash(), before, "the password was changed");
    // Logging in is another matter.
    assert_eq!(
        app.client()
            .login("ursula", "password-of-ursula")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    app.stop().await;
}

#[tokio::test]
async fn a_post_without_a_valid_csrf_token_is_refused_and_changes_nothing() {
    let (app, admin) = TestApp::with_admin().await;

    // Logging out without the token: refused, and the session still works.
    let refused = admin.post_raw("/logout", &[]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    refused.assert_contains("Form expired");
    assert_eq!(admin.get("/profile").await.status, StatusCode::OK);

    // A token from someone else's session does not count either.
    let other = app.client();
    other.login(ADMIN_LOGIN, ADMIN_PASSWORD).await;
    let foreign = other.get("/profile").await.csrf();
    let refused = admin.post_raw("/logout", &[("_csrf", &foreign)]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(admin.get("/profile").await.status, StatusCode::OK);

    // Logging in without the token: refused before any password check.
    let anonymous = app.client();
    let r = anonymous
        .post_raw(
            "/login",
            &[("login", ADMIN_LOGIN), ("password", ADMIN_PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!r.set_cookies().iter().any(|c| c.starts_with("gd_session=")));

    // A password change without the token changes nothing.
    let r = admin
        .post_raw(
            "/password",
            &[
                ("current", ADMIN_PASSWORD),
                ("password", "another long one"),
                ("password_confirm", "another long one"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let check = app.client();
    assert_eq!(
        check.login(ADMIN_LOGIN, ADMIN_PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );

    // The token also works as a header (for scripts).
    let token = admin.get("/profile").await.csrf();
    let reply = reqwest::Client::new()
        .post(app.url("/logout"))
        .header("x-csrf-token", "wrong")
        .send()
        .await
        .expect("post");
    assert_eq!(reply.status(), StatusCode::FORBIDDEN);
    assert_eq!(token.len(), 64);
    app.stop().await;
}

#[tokio::test]
async fn logging_out_ends_the_session_on_the_server() {
    let (app, admin) = TestApp::with_admin().await;
    let profile = admin.get("/profile").await;
    assert_eq!(profile.status, StatusCode::OK);
    let out = admin.submit("/profile", "/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location(), Some("/login"));
    admin
        .follow(out)
        .await
        .assert_contains("You are logged out.");
    assert_eq!(
        admin.get("/profile").await.location(),
        Some("/login?next=%2Fprofile")
    );
    let sessions: i64 = app.count("SELECT count(*) FROM sessions");
    assert_eq!(sessions, 0);
    app.stop().await;
}

#[tokio::test]
async fn an_idle_session_expires_after_the_configured_timeout() {
    let (app, admin) = TestApp::with_admin().await;
    app.sql()
        .execute(
            "INSERT INTO settings (key, value, updated_at) VALUES ('session_timeout_minutes', '5', 0)",
            [],
        )
        .expect("setting");
    // Four minutes idle: still fine.
    app.sql()
        .execute(
            "UPDATE sessions SET last_seen_at = last_seen_at - 4 * 60",
            [],
        )
        .expect("age");
    assert_eq!(admin.get("/profile").await.status, StatusCode::OK);
    // Six minutes idle: the session is over.
    app.sql()
        .execute(
            "UPDATE sessions SET last_seen_at = last_seen_at - 6 * 60",
            [],
        )
        .expect("age");
    let expired = admin.get("/profile").await;
    assert_eq!(expired.location(), Some("/login?next=%2Fprofile"));
    admin
        .follow(expired)
        .await
        .assert_contains("Your session ended after a period of inactivity.");
    let sessions: i64 = app.count("SELECT count(*) FROM sessions");
    assert_eq!(sessions, 0);

    // Sessions abandoned without a last visit are cleared when anyone logs in.
    app.sql()
        .execute(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at)
             VALUES ('abandoned', 1, 'x', 0, 0)",
            [],
        )
        .expect("stale session");
    assert_eq!(
        app.client().login(ADMIN_LOGIN, ADMIN_PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.count("SELECT count(*) FROM sessions WHERE token_hash = 'abandoned'"),
        0
    );
    assert_eq!(app.count("SELECT count(*) FROM sessions"), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_reset_password_must_be_changed_before_anything_else() {
    let (app, admin) = TestApp::with_admin().await;
    let temporary = users::reset_password(app.app.db(), ADMIN_LOGIN)
        .await
        .expect("reset");
    // The reset ends existing sessions.
    assert_eq!(admin.get("/profile").await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        admin.login(ADMIN_LOGIN, ADMIN_PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );

    let ok = admin.login(ADMIN_LOGIN, &temporary).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    for page in ["/", "/profile", "/admin/system", "/no-such-page"] {
        assert_eq!(
            admin.get(page).await.location(),
            Some("/password"),
            "{page}"
        );
    }
    let change = admin.get("/password").await;
    change.assert_contains("You must choose a new password before going on.");

    let wrong_current = admin
        .submit(
            "/password",
            "/password",
            &[
                ("current", "nope"),
                ("password", "brand new secret"),
                ("password_confirm", "brand new secret"),
            ],
        )
        .await;
    assert_eq!(wrong_current.status, StatusCode::UNPROCESSABLE_ENTITY);
    wrong_current.assert_contains("The current password is wrong.");

    let done = admin
        .submit(
            "/password",
            "/password",
            &[
                ("current", &temporary),
                ("password", "brand new secret"),
                ("password_confirm", "brand new secret"),
            ],
        )
        .await;
    assert_eq!(done.location(), Some("/"));
    admin
        .follow(done)
        .await
        .assert_contains("Your password has been changed.");
    assert_eq!(admin.get("/profile").await.status, StatusCode::OK);
    let fresh = app.client();
    assert_eq!(
        fresh.login(ADMIN_LOGIN, "brand new secret").await.status,
        StatusCode::SEE_OTHER
    );
    app.stop().await;
}

/// A browser that still sends a session cookie the server no longer knows (after a restore,
/// an expiry, or another instance on the same address) logs in: the answer used to set the
/// new session cookie and then delete it, leaving the user logged out.
#[tokio::test]
async fn logging_in_with_an_unknown_session_cookie_keeps_the_new_session() {
    let (app, _) = TestApp::with_admin().await;
    let page = app.client().get("/login").await;
    let token = page.csrf();
    let stale = "0".repeat(64);
    let reply = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(app.url("/login"))
        .header("cookie", format!("gd_csrf={token}; gd_session={stale}"))
        .form(&[
            ("login", ADMIN_LOGIN),
            ("password", ADMIN_PASSWORD),
            ("_csrf", &token),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(reply.status(), StatusCode::SEE_OTHER);
    let sessions: Vec<String> = reply
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter(|c| c.starts_with("gd_session="))
        .map(str::to_owned)
        .collect();
    assert_eq!(sessions.len(), 1, "{sessions:?}");
    assert!(!sessions[0].contains("Max-Age=0"), "{sessions:?}");
    let fresh = sessions[0]
        .trim_start_matches("gd_session=")
        .split(';')
        .next()
        .expect("value")
        .to_owned();
    let home = app
        .client()
        .get_with("/profile", &[("cookie", &format!("gd_session={fresh}"))])
        .await;
    assert_eq!(home.status, StatusCode::OK, "logged in with the new cookie");
    app.stop().await;
}

/// `next` sent to the login form, to the login page while logged in, or to the language
/// switch: a tab or line break before a second slash made browsers leave for another site, and
/// a vertical tab answered 500. Only a plain local path is followed now; anything else leads
/// home.
#[tokio::test]
async fn next_never_leads_to_another_site_or_an_error() {
    let (app, admin) = TestApp::with_admin().await;
    let sneaky = [
        "/\t/evil.example/",
        "/\n/evil.example/",
        "/\r\n/evil.example/",
        "/\x0b/x",
        "/\\evil.example",
        "//evil.example",
        "https://evil.example/",
        "/ /evil.example",
    ];
    for next in sneaky {
        let visitor = app.client();
        let r = visitor
            .submit(
                "/login",
                "/login",
                &[
                    ("login", ADMIN_LOGIN),
                    ("password", ADMIN_PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(r.location(), Some("/"), "login with next {next:?}");
        let encoded = serde_urlencoded::to_string([("next", next)]).expect("query");
        let r = admin.get(&format!("/login?{encoded}")).await;
        assert_eq!(r.location(), Some("/"), "login page with {next:?}");
        let r = app
            .client()
            .submit("/login", "/language", &[("lang", "fr"), ("next", next)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(r.location(), Some("/"), "language with next {next:?}");
    }
    // A plain local path is still followed.
    let r = app
        .client()
        .submit(
            "/login",
            "/language",
            &[("lang", "de"), ("next", "/login?next=%2Fprofile")],
        )
        .await;
    assert_eq!(r.location(), Some("/login?next=%2Fprofile"));
    app.stop().await;
}

/// Live updates (`/live`) went on streaming ticket events after the session that opened them
/// ended. A stream now ends with its session: logout, a password change made elsewhere, an
/// account disabled, a profile changed, or a session removed behind the server's back (a
/// command in another process), the last within the stream's periodic check.
#[tokio::test]
async fn live_updates_end_with_the_session_that_opened_them() {
    use crate::common::events::{closes_within, next_event};
    use std::time::Duration;
    let (app, admin) = TestApp::with_admin().await;

    // Logging out.
    let tom = app.login_as("tom", Profile::Technician).await;
    let mut stream = tom.stream("/live").await;
    let mut buffer = String::new();
    next_event(&mut stream, &mut buffer, "hello").await;
    let r = tom.submit("/profile", "/logout", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        next_event(&mut stream, &mut buffer, "ended").await,
        "session"
    );
    closes_within(&mut stream, Duration::from_secs(2)).await;
    // Coming back without a session is sent to the login page, not streamed to.
    assert_eq!(tom.get("/live").await.status, StatusCode::SEE_OTHER);

    // A password changed in another browser ends the streams of the first.
    app.create_user("uma", "password-of-uma", Profile::User)
        .await;
    let (laptop, phone) = (app.client(), app.client());
    for c in [&laptop, &phone] {
        assert_eq!(
            c.login("uma", "password-of-uma").await.status,
            StatusCode::SEE_OTHER
        );
    }
    let mut stream = laptop.stream("/live").await;
    let mut buffer = String::new();
    next_event(&mut stream, &mut buffer, "hello").await;
    let r = phone
        .submit(
            "/password",
            "/password",
            &[
                ("current", "password-of-uma"),
                ("password", "a brand new secret"),
                ("password_confirm", "a brand new secret"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    next_event(&mut stream, &mut buffer, "ended").await;
    closes_within(&mut stream, Duration::from_secs(2)).await;
    let mut still = phone.stream("/live").await;
    let mut b = String::new();
    next_event(&mut still, &mut b, "hello").await;

    // An administrator disables the account.
    let uma = app.user_id("uma");
    let r = admin
        .submit(
            &format!("/admin/users/{uma}"),
            &format!("/admin/users/{uma}/disable"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    next_event(&mut still, &mut b, "ended").await;
    closes_within(&mut still, Duration::from_secs(2)).await;

    // A session removed by another process (no nudge): within the periodic check.
    let vic = app.login_as("vic", Profile::Technician).await;
    let mut stream = vic.stream("/live").await;
    let mut buffer = String::new();
    next_event(&mut stream, &mut buffer, "hello").await;
    app.sql()
        .execute(
            "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE login = 'vic')",
            [],
        )
        .expect("end session");
    next_event(&mut stream, &mut buffer, "ended").await;
    closes_within(&mut stream, Duration::from_secs(2)).await;
    app.stop().await;
}

/// Settings added with the hardening: an absolute session lifetime (a session ends this long
/// after login however busy it is), and a minimum password strength (length, and refusing the
/// passwords everybody tries first), both on the settings page.
#[tokio::test]
async fn sessions_can_have_a_maximum_age_and_passwords_a_minimum_strength() {
    let (app, admin) = TestApp::with_admin().await;
    let page = admin.get("/admin/settings").await;
    for key in [
        "session_max_hours",
        "password_min_length",
        "password_refuse_common",
    ] {
        page.assert_contains(&format!(r#"name="{key}""#));
    }
    let user = app.login_as("ursula", Profile::User).await;
    assert_eq!(user.get("/profile").await.status, StatusCode::OK);
    // Still in use a minute ago, but logged in two hours ago with a one-hour maximum.
    app.set_setting("session_max_hours", "1");
    app.sql()
        .execute(
            "UPDATE sessions SET created_at = created_at - 7200
             WHERE user_id = (SELECT id FROM users WHERE login = 'ursula')",
            [],
        )
        .expect("age");
    let r = user.get("/profile").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), Some("/login?next=%2Fprofile"));
    app.set_setting("session_max_hours", "0");

    // Passwords: common ones refused, and a longer minimum once set.
    let user = app.client();
    assert_eq!(
        user.login("ursula", "password-of-ursula").await.status,
        StatusCode::SEE_OTHER
    );
    let change = |new: &'static str| {
        let user = user.clone();
        async move {
            user.submit(
                "/password",
                "/password",
                &[
                    ("current", "password-of-ursula"),
                    ("password", new),
                    ("password_confirm", new),
                ],
            )
            .await
        }
    };
    for common in ["azerty123", "Password2026!", "ursula2026", "motdepasse"] {
        let r = change(common).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{common}");
        r.assert_contains("one of those everybody tries first");
    }
    app.set_setting("password_min_length", "16");
    let r = change("fifteen chars!!").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("at least 16 characters");
    let r = change("sixteen chars ok").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    app.stop().await;
}
