//! Logging in with the directory's password: a synchronised account's password is checked by
//! binding as its entry each time (never stored), its login in any case, while injected
//! filters and NUL bytes log nobody in; an account disabled in the directory is refused before
//! the next synchronisation; failures are throttled as for local logins; and when the
//! directory cannot be reached, the local administrator still logs in and directory users are
//! told the directory is out rather than that their password is wrong. The daily
//! synchronisation waits for a first one made by hand, then runs once a day.

use reqwest::StatusCode;

use crate::common::TestApp;
use crate::common::ldap::{self, LdapPeer, user_dn};
use crate::common::{ADMIN_LOGIN, ADMIN_PASSWORD};

const ERIN_PASSWORD: &str = "Erin's Windows password";

async fn synchronised(peer: &LdapPeer, ou: &str) -> (TestApp, crate::common::Client) {
    let (app, admin) = TestApp::with_admin().await;
    peer.configure(&app, &[ou], "", "");
    let done = admin
        .submit("/admin/directory", "/admin/directory/sync", &[])
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    (app, admin)
}

#[tokio::test]
async fn a_directory_user_logs_in_with_the_directory_password_and_nothing_else() {
    let Some(peer) = LdapPeer::get() else { return };
    let erin = user_dn("LoginStaff", "erin");
    peer.add(
        &(ldap::branch("LoginStaff")
            + &ldap::user("LoginStaff", "erin", "Erin", "Blanc", ERIN_PASSWORD)
            + &ldap::user("LoginStaff", "frank", "Frank", "Noir", "frank pw")),
    );
    let (app, _admin) = synchronised(peer, "LoginStaff").await;
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE password_hash IS NOT NULL AND login = 'erin'"),
        0,
        "no password is stored"
    );

    let ok = app.client().login("erin", ERIN_PASSWORD).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let upper = app.client().login("ERIN", ERIN_PASSWORD).await;
    assert_eq!(
        upper.status,
        StatusCode::SEE_OTHER,
        "the login's case does not count"
    );
    // Typed the Windows way, with the domain set.
    app.set_setting("ldap.domain", "example.test");
    for typed in ["erin@example.test", "EXAMPLE\\erin", "example.test\\Erin"] {
        let windows = app.client().login(typed, ERIN_PASSWORD).await;
        assert_eq!(
            windows.status,
            StatusCode::SEE_OTHER,
            "{typed}: {}",
            windows.body
        );
    }
    let elsewhere = app
        .client()
        .login("erin@elsewhere.test", ERIN_PASSWORD)
        .await;
    assert_eq!(elsewhere.status, StatusCode::UNAUTHORIZED);

    // Erin's password is the directory's: the profile says where to change it, and a change
    // sent anyway is refused.
    let erin_session = app.client();
    erin_session.login("erin", ERIN_PASSWORD).await;
    let profile = erin_session.get("/profile?tab=settings").await;
    profile.assert_contains("Your password is the one of your directory account");
    assert!(!profile.body.contains(r#"name="current""#));
    let change = erin_session
        .submit(
            "/password",
            "/password",
            &[
                ("current", ERIN_PASSWORD),
                ("password", "a new local one 123"),
                ("password_confirm", "a new local one 123"),
            ],
        )
        .await;
    assert_eq!(change.status, StatusCode::UNPROCESSABLE_ENTITY);
    change.assert_contains("Your password is the one of your directory account");
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE password_hash IS NOT NULL AND login = 'erin'"),
        0
    );

    let wrong = app.client().login("erin", "not the password").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    wrong.assert_contains("Wrong login or password");
    for attack in [
        "*)(uid=*",
        "*",
        "erin)(|(uid=*",
        "erin\0",
        "*)(sAMAccountName=*))(|(uid=*",
    ] {
        let refused = app.client().login(attack, ERIN_PASSWORD).await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{attack:?}");
    }
    // Frank's password does not open Erin's account, nor the reverse.
    let crossed = app.client().login("erin", "frank pw").await;
    assert_eq!(crossed.status, StatusCode::UNAUTHORIZED);
    assert!(
        !std::fs::read_dir(app.data_dir().join("logs"))
            .map(|d| {
                d.flatten().any(|f| {
                    std::fs::read_to_string(f.path()).is_ok_and(|t| t.contains(ERIN_PASSWORD))
                })
            })
            .unwrap_or(false),
        "the password is in a log"
    );

    // Disabled in the directory: refused at once, before any synchronisation.
    peer.modify(&format!(
        "dn: {erin}\nchangetype: modify\nreplace: userAccountControl\nuserAccountControl: 514\n\n"
    ));
    let disabled = app.client().login("erin", ERIN_PASSWORD).await;
    assert_eq!(disabled.status, StatusCode::UNAUTHORIZED);
    peer.modify(&format!(
        "dn: {erin}\nchangetype: modify\nreplace: userAccountControl\nuserAccountControl: 512\n\n"
    ));
    // A new password in the directory works at once; the old one no longer does.
    peer.modify(&format!(
        "dn: {erin}\nchangetype: modify\nreplace: userPassword\nuserPassword: changed in AD\n\n"
    ));
    let old = app.client().login("erin", ERIN_PASSWORD).await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let new = app.client().login("erin", "changed in AD").await;
    assert_eq!(new.status, StatusCode::SEE_OTHER, "{}", new.body);

    // Throttled like a local login: after five failures, the right password waits too.
    let guesser = app.client();
    for _ in 0..5 {
        let r = guesser.login("frank", "guess").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let locked = guesser.login("frank", "frank pw").await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    app.stop().await;
}

#[tokio::test]
async fn with_the_directory_out_the_local_administrator_still_logs_in() {
    // A server of this story's own, since it is stopped.
    let Some(peer) = LdapPeer::private() else {
        return;
    };
    peer.add(
        &(ldap::branch("OutageStaff")
            + &ldap::user("OutageStaff", "gina", "Gina", "Vert", "gina pw")),
    );
    let (app, _admin) = synchronised(&peer, "OutageStaff").await;
    let before = app.client().login("gina", "gina pw").await;
    assert_eq!(before.status, StatusCode::SEE_OTHER, "{}", before.body);

    // The directory server stops.
    peer.stop();
    let out = app.client().login("gina", "gina pw").await;
    assert_eq!(out.status, StatusCode::SERVICE_UNAVAILABLE);
    out.assert_contains("cannot be reached");
    assert!(!out.body.contains("Wrong login or password"));
    // Not counted as failures: the account is not locked by an outage.
    for _ in 0..6 {
        let again = app.client().login("gina", "gina pw").await;
        assert_eq!(again.status, StatusCode::SERVICE_UNAVAILABLE);
    }
    // An unknown login is refused as before.
    let unknown = app.client().login("nobody", "x").await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);

    let admin = app.client().login(ADMIN_LOGIN, ADMIN_PASSWORD).await;
    assert_eq!(admin.status, StatusCode::SEE_OTHER, "{}", admin.body);

    // Back: Gina logs in again.
    peer.resume();
    let back = app.client().login("gina", "gina pw").await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    app.stop().await;
}

#[tokio::test]
async fn the_daily_synchronisation_runs_once_a_day_after_a_first_one_by_hand() {
    let Some(peer) = LdapPeer::get() else { return };
    peer.add(
        &(ldap::branch("DailyStaff") + &ldap::user("DailyStaff", "hugo", "Hugo", "Roux", "pw")),
    );
    let (app, _admin) = TestApp::with_admin().await;
    peer.configure(&app, &["DailyStaff"], "", "");
    app.set_setting("ldap.sync_hour", "0");
    let db = app.app.db().clone();
    // Never synchronised by hand: the schedule waits (an administrator simulates first).
    assert_eq!(
        gestdesk::directory_sync::run_due(&db, gestdesk::jobs::supervisor::Run::Scheduled).await,
        Ok(String::new())
    );
    assert_eq!(app.count("SELECT count(*) FROM directory_runs"), 0);
    let (ok, said) = app.run_command(&["ldap", "sync"]);
    assert!(ok, "{said}");
    // Done today already: not due.
    assert_eq!(
        gestdesk::directory_sync::run_due(&db, gestdesk::jobs::supervisor::Run::Scheduled).await,
        Ok(String::new())
    );
    // The last one was two days ago: due, and it runs.
    app.sql()
        .execute(
            "UPDATE directory_runs SET started_at = started_at - 2 * 86400",
            [],
        )
        .expect("older");
    peer.modify(&format!(
        "dn: {}\nchangetype: modify\nreplace: sn\nsn: Rousseau\n\n",
        user_dn("DailyStaff", "hugo")
    ));
    let said = gestdesk::directory_sync::run_due(&db, gestdesk::jobs::supervisor::Run::Scheduled)
        .await
        .expect("run");
    assert!(said.contains("1 updated"), "{said}");
    assert_eq!(
        app.text("SELECT lastname FROM users WHERE login = 'hugo'"),
        "Rousseau"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM directory_runs WHERE trigger = 'schedule'"),
        1
    );
    // Switched off: nothing.
    app.sql()
        .execute(
            "UPDATE directory_runs SET started_at = started_at - 2 * 86400",
            [],
        )
        .expect("older");
    app.set_setting("ldap.sync_daily", "0");
    assert_eq!(
        gestdesk::directory_sync::run_due(&db, gestdesk::jobs::supervisor::Run::Scheduled).await,
        Ok(String::new())
    );
    app.stop().await;
}
