//! Two-factor login as people meet it: a technician turns it on from the profile with an
//! authenticator app (here pyotp, an implementation independent of the server's), logs in with
//! a code (one step late still works, a replayed or old code does not), with a recovery code
//! when the phone is lost, is throttled after wrong codes, and turns it off; an administrator
//! makes it compulsory for technicians (the next login sets it up) and resets it for someone
//! who lost their phone. API tokens go on working without any code.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::http::Reply;
use crate::common::totp::{code_at, code_now, now_inside_a_step};
use crate::common::{Client, TestApp};

/// The text of the element with `id` (its first text node).
fn text_of_id(page: &Reply, id: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let at = page
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("#{id} on the page"));
    let start = at + page.body[at..].find('>').expect("tag end") + 1;
    let end = start + page.body[start..].find('<').expect("text end");
    page.body[start..end].to_owned()
}

/// The recovery codes a page shows.
fn recovery_codes(page: &Reply) -> Vec<String> {
    let at = page
        .body
        .find("class=\"recovery-codes\"")
        .expect("recovery codes shown");
    let list = &page.body[at..at + page.body[at..].find("</ul>").expect("end")];
    list.split("<code>")
        .skip(1)
        .map(|s| s[..s.find("</code>").expect("code end")].to_owned())
        .collect()
}

/// Logs in with the password; answers the reply (a redirect to the code page when a code is
/// wanted).
async fn password(client: &Client, login: &str) -> Reply {
    let r = client.login(login, &format!("password-of-{login}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r
}

/// Gives `code` on the code page.
async fn give(client: &Client, code: &str) -> Reply {
    client
        .submit("/login/code", "/login/code", &[("code", code)])
        .await
}

#[tokio::test]
async fn a_technician_logs_in_with_codes_from_an_authenticator_app() {
    let (app, admin) = TestApp::with_admin().await;
    // Not offered: the profile says so, and nothing is asked at login.
    let tess = app.login_as("tess", Profile::Technician).await;
    tess.get("/profile/two-factor")
        .await
        .assert_contains("not offered");
    // Nor can it be turned on by posting the form the page does not show.
    let sneaked = tess
        .submit(
            "/profile/two-factor",
            "/profile/two-factor/confirm",
            &[("code", "123456")],
        )
        .await;
    assert_eq!(sneaked.status, StatusCode::CONFLICT);
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE totp_secret IS NOT NULL"),
        0
    );
    app.set_setting("user_mfa", "1");

    // Turning it on: the QR code and the key; a wrong first code is refused.
    let page = tess.get("/profile/two-factor").await;
    page.assert_contains("<svg class=\"qr-code\"")
        .assert_contains("Two-factor login is off.");
    let key = text_of_id(&page, "manual-key");
    assert_eq!(key.replace(' ', "").len(), 32, "{key}");
    // The key does not change when the page is shown again.
    assert_eq!(
        text_of_id(&tess.get("/profile/two-factor").await, "manual-key"),
        key
    );
    let wrong = tess
        .submit(
            "/profile/two-factor",
            "/profile/two-factor/confirm",
            &[("code", "000000")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    wrong.assert_contains("not the right one");
    // A phone whose clock is 30 s slow: its code is one step behind, and still taken.
    let confirmed_at = now_inside_a_step().await;
    let on = tess
        .submit(
            "/profile/two-factor",
            "/profile/two-factor/confirm",
            &[("code", &code_at(&key, confirmed_at - 30))],
        )
        .await;
    assert_eq!(on.status, StatusCode::OK, "{}", on.body);
    let codes = recovery_codes(&on);
    assert_eq!(codes.len(), 10);
    // Stored hashed: no code appears in the database.
    let stored = app.text("SELECT group_concat(code_hash) FROM recovery_codes");
    assert!(codes.iter().all(|c| !stored.contains(c.as_str())));

    // The next login asks for a code after the password; the session waits for it.
    let tess = app.client();
    let r = password(&tess, "tess").await;
    assert!(r.location().is_some_and(|l| l.starts_with("/login/code")));
    assert!(
        r.set_cookies()
            .iter()
            .any(|c| c.starts_with("gd_2fa=") && c.contains("HttpOnly"))
    );
    assert_eq!(tess.get("/tickets").await.status, StatusCode::SEE_OTHER);
    tess.get("/login/code")
        .await
        .assert_contains("six-digit code");
    // A phone 30 s fast: its code is one step ahead, and taken.
    let now = now_inside_a_step().await;
    let ahead = code_at(&key, now + 30);
    let inside = give(&tess, &ahead).await;
    assert_eq!(inside.status, StatusCode::SEE_OTHER, "{}", inside.body);
    assert_eq!(tess.get("/tickets").await.status, StatusCode::OK);

    // On another login the same code, replayed, is refused; so is one three steps old, and so
    // is one older than the last taken. The page says how many tries are left.
    let other = app.client();
    password(&other, "tess").await;
    let replay = give(&other, &ahead).await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
    replay
        .assert_contains("used already")
        .assert_contains("4 more tries");
    for stale in [now - 90, now] {
        assert_eq!(
            give(&other, &code_at(&key, stale)).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // A lost phone: a recovery code logs in, once.
    let recovered = give(&other, &codes[0].to_uppercase()).await;
    assert_eq!(
        recovered.status,
        StatusCode::SEE_OTHER,
        "{}",
        recovered.body
    );

    // Someone with the password but not the phone: the used recovery code and four guesses.
    // The fifth wrong code ends the wait (back to the password), and the account is then
    // refused for a while even with the right code, as after wrong passwords.
    let guesser = app.client();
    password(&guesser, "tess").await;
    for guess in [codes[0].as_str(), "111111", "222222", "333333"] {
        assert_eq!(
            give(&guesser, guess).await.status,
            StatusCode::UNAUTHORIZED,
            "{guess}"
        );
    }
    let ended = give(&guesser, "444444").await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER);
    assert_eq!(ended.location(), Some("/login"));
    assert_eq!(
        app.count("SELECT count(*) FROM auth_failures WHERE kind = 'code'"),
        5
    );
    password(&guesser, "tess").await;
    let throttled = give(&guesser, &codes[1]).await;
    assert_eq!(
        throttled.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        throttled.body
    );
    throttled.assert_contains("Too many");
    // An administrator unlocking the account forgets the wrong codes too.
    let tess_id = app.user_id("tess");
    admin
        .submit(
            &format!("/admin/users/{tess_id}"),
            &format!("/admin/users/{tess_id}/unlock"),
            &[],
        )
        .await;
    assert_eq!(
        app.count("SELECT count(*) FROM auth_failures WHERE kind = 'code'"),
        0
    );

    // An API token of the account needs no code.
    let token =
        crate::api::make_token(&admin, &[("name", "Tess's script"), ("login", "tess")]).await;
    let me = reqwest::Client::new()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("API call");
    assert_eq!(me.status(), StatusCode::OK);

    // New recovery codes replace the old ones, against a code of a step not taken yet.
    let tess = app.client();
    password(&tess, "tess").await;
    give(&tess, &codes[1]).await;
    let page = tess.get("/profile/two-factor").await;
    page.assert_contains("Recovery codes left: 8.");
    let taken = now.div_euclid(30) + 1;
    while now_inside_a_step().await.div_euclid(30) <= taken {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
    let fresh = tess
        .submit(
            "/profile/two-factor",
            "/profile/two-factor/codes",
            &[("code", &code_now(&key).await)],
        )
        .await;
    assert_eq!(fresh.status, StatusCode::OK, "{}", fresh.body);
    assert_eq!(recovery_codes(&fresh).len(), 10);
    // Turning it off takes a code: an old recovery code no longer is one.
    let off = tess
        .submit(
            "/profile/two-factor",
            "/profile/two-factor/off",
            &[("code", &codes[2])],
        )
        .await;
    assert_eq!(
        off.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old codes are gone"
    );
    let new_codes = recovery_codes(&fresh);
    let off = tess
        .submit(
            "/profile/two-factor",
            "/profile/two-factor/off",
            &[("code", &new_codes[0])],
        )
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER);
    let plain = app.client();
    let r = password(&plain, "tess").await;
    assert_eq!(r.location(), Some("/"));
    app.stop().await;
}

#[tokio::test]
async fn compulsory_for_technicians_the_next_login_sets_it_up_and_an_administrator_resets_it() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("theo", "password-of-theo", Profile::Technician)
        .await;
    app.create_user("uma", "password-of-uma", Profile::User)
        .await;
    // The settings page offers it per profile.
    admin
        .get("/admin/settings")
        .await
        .assert_contains("name=\"user_mfa_technician\"")
        .assert_contains("Two-factor login compulsory for technicians");
    app.set_setting("user_mfa_technician", "1");

    // A user is not concerned.
    let uma = app.client();
    assert_eq!(password(&uma, "uma").await.location(), Some("/"));

    // Theo must set it up before his session opens.
    let theo = app.client();
    password(&theo, "theo").await;
    let setup = theo.get("/login/code").await;
    setup
        .assert_contains("set it up now")
        .assert_contains("<svg class=\"qr-code\"");
    let key = text_of_id(&setup, "manual-key");
    assert_eq!(theo.get("/tickets").await.status, StatusCode::SEE_OTHER);
    let done = give(&theo, &code_now(&key).await).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert_eq!(recovery_codes(&done).len(), 10);
    assert!(
        done.set_cookies()
            .iter()
            .any(|c| c.starts_with("gd_session="))
    );
    assert_eq!(theo.get("/tickets").await.status, StatusCode::OK);
    // He cannot turn it off.
    let page = theo.get("/profile/two-factor").await;
    page.assert_contains("cannot be turned off");
    assert!(!page.body.contains("/profile/two-factor/off"));
    let refused = theo
        .submit(
            "/profile/two-factor",
            "/profile/two-factor/off",
            &[("code", &recovery_codes(&done)[0])],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);

    // He loses his phone: an administrator resets it, and his next login sets a new one up.
    let theo_id = app.user_id("theo");
    let edit = admin.get(&format!("/admin/users/{theo_id}")).await;
    edit.assert_contains("logs in with a second factor");
    let reset = admin
        .submit(
            &format!("/admin/users/{theo_id}"),
            &format!("/admin/users/{theo_id}/two-factor/reset"),
            &[],
        )
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM recovery_codes WHERE user_id = {theo_id}"
        )),
        0
    );
    let theo = app.client();
    password(&theo, "theo").await;
    let again = theo.get("/login/code").await;
    assert_ne!(text_of_id(&again, "manual-key"), key, "a new secret");

    // Only an administrator resets: a user's own valid token is refused.
    let uma_reset = uma
        .submit(
            "/",
            &format!("/admin/users/{theo_id}/two-factor/reset"),
            &[],
        )
        .await;
    assert_eq!(uma_reset.status, StatusCode::FORBIDDEN);
    app.stop().await;
}
