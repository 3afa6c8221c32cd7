//! Synchronising users from a real OpenLDAP with an Active Directory look-alike schema: an
//! administrator simulates (the table shows everything, nothing changes), synchronises (the
//! same table, done), then the directory changes (a mail, a disabled account, a group left, an
//! entry removed) and the next run follows it, from the page and from `gestdesk ldap sync`,
//! while what Gestdesk owns (profiles, a hand-disabled account, a local password) is kept.
//! Thousands of users across two branches come through the server's size limit.

use reqwest::StatusCode;

use crate::common::TestApp;
use crate::common::ldap::{self, LdapPeer, SIZE_LIMIT, group, user_dn, user_with};
use gestdesk::domain::profiles::Profile;

fn services_of(app: &TestApp, login: &str) -> String {
    app.text(&format!(
        "SELECT group_concat(name, ',') FROM (SELECT s.name FROM user_services us
           JOIN services s ON s.id = us.service_id JOIN users u ON u.id = us.user_id
           WHERE u.login = '{login}' ORDER BY s.name)"
    ))
}

fn agencies_of(app: &TestApp, login: &str) -> String {
    app.text(&format!(
        "SELECT group_concat(name, ',') FROM (SELECT a.name FROM user_agencies ua
           JOIN agencies a ON a.id = ua.agency_id JOIN users u ON u.id = ua.user_id
           WHERE u.login = '{login}' ORDER BY a.name)"
    ))
}

fn disabled(app: &TestApp, login: &str) -> bool {
    app.count(&format!(
        "SELECT disabled FROM users WHERE login = '{login}'"
    )) == 1
}

#[tokio::test]
async fn an_administrator_simulates_then_synchronises_and_the_directory_leads_from_then_on() {
    let Some(peer) = LdapPeer::get() else { return };
    let alice = user_dn("SyStaff", "alice");
    let bob = user_dn("SyStaff", "bob");
    let dave = user_dn("SyOthers", "dave");
    let mut ldif = ldap::branch("SyStaff")
        + &ldap::branch("SyOthers")
        + &ldap::branch("SyServices")
        + &ldap::branch("SyAgencies");
    ldif += &user_with(
        "SyStaff",
        "alice",
        "Alice",
        "Martin",
        "pw",
        "department: Accounting\ncompany: Acme\ntitle: Controller\ntelephoneNumber: 0102030405\n",
    );
    ldif += &user_with("SyStaff", "bob", "Bob", "Durand", "pw", "department: IT\n");
    ldif += &user_with(
        "SyStaff",
        "carol",
        "Carol",
        "Petit",
        "pw",
        "userAccountControl: 514\n",
    )
    .replace("userAccountControl: 512\n", "");
    ldif += &ldap::user("SyOthers", "dave", "Dave", "Leroy", "pw");
    ldif += &ldap::user("SyOthers", "bad login", "Bad", "Login", "pw");
    ldif += &group("SyServices", "Helpdesk", &[alice.clone(), bob.clone()]);
    ldif += &group("SyAgencies", "Paris", &[alice.clone(), dave.clone()]);
    ldif += &group("SyAgencies", "Lyon", &[alice.clone(), bob.clone()]);
    peer.add(&ldif);

    let (app, admin) = TestApp::with_admin().await;
    // Dave had a local account before the directory: it is linked, keeps its password and
    // its profile.
    app.create_user("Dave", "local password of dave", Profile::Technician)
        .await;
    peer.configure(&app, &["SyStaff", "SyOthers"], "SyServices", "SyAgencies");

    // Simulate: the whole table, nothing changed.
    let simulated = admin
        .submit("/admin/directory", "/admin/directory/simulate", &[])
        .await;
    assert_eq!(simulated.status, StatusCode::OK, "{}", simulated.body);
    simulated
        .assert_contains("Nothing was changed")
        .assert_contains("Users read from the directory: 5")
        .assert_contains("Accounts to create: 3")
        .assert_contains(r#"data-login="alice""#)
        .assert_contains(r#"data-login="carol""#)
        .assert_contains("disabled in the directory")
        .assert_contains("Services to create: 3")
        .assert_contains("Companies to create: 1")
        .assert_contains("Agencies to create: 2")
        .assert_contains(r#"data-list="Paris" data-added="true""#)
        .assert_contains("the login &quot;bad login&quot; cannot be used");
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE ldap_guid <> ''"),
        0
    );
    assert_eq!(app.count("SELECT count(*) FROM services"), 0);

    // Synchronise: the same table, done.
    let done = admin
        .submit("/admin/directory", "/admin/directory/sync", &[])
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    done.assert_contains("The directory was synchronised")
        .assert_contains("Accounts to create: 3");
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE ldap_guid <> ''"),
        4
    );
    assert_eq!(
        app.count(
            "SELECT count(*) FROM users WHERE login IN ('alice', 'bob', 'carol')
               AND profile_id = 2 AND password_hash IS NULL"
        ),
        3,
        "synchronised accounts are requesters without a local password"
    );
    assert_eq!(services_of(&app, "alice"), "Accounting,Helpdesk");
    assert_eq!(services_of(&app, "bob"), "Helpdesk,IT");
    assert_eq!(agencies_of(&app, "alice"), "Lyon,Paris");
    assert_eq!(agencies_of(&app, "Dave"), "Paris");
    assert_eq!(
        app.text(
            "SELECT c.name || '|' || u.function || '|' || u.phone FROM users u
             JOIN companies c ON c.id = u.company_id WHERE u.login = 'alice'"
        ),
        "Acme|Controller|0102030405"
    );
    assert!(disabled(&app, "carol"));
    assert_eq!(
        app.count("SELECT profile_id FROM users WHERE login = 'Dave'"),
        Profile::Technician.id()
    );
    assert_eq!(
        app.count("SELECT password_hash IS NOT NULL FROM users WHERE login = 'Dave'"),
        1
    );

    // Gestdesk's own changes: alice becomes a technician, bob is disabled by hand.
    app.sql()
        .execute(
            "UPDATE users SET profile_id = ?1 WHERE login = 'alice'",
            [Profile::Technician.id()],
        )
        .expect("profile");
    app.sql()
        .execute("UPDATE users SET disabled = 1 WHERE login = 'bob'", [])
        .expect("disable");

    // The directory changes.
    peer.modify(&format!(
        "dn: {alice}\nchangetype: modify\nreplace: mail\nmail: alice.martin@example.test\n\n\
         dn: cn=Lyon,ou=SyAgencies,{}\nchangetype: modify\ndelete: member\nmember: {alice}\n\n\
         dn: uid=carol,ou=SyStaff,{}\nchangetype: modify\nreplace: userAccountControl\nuserAccountControl: 512\n\n",
        ldap::SUFFIX,
        ldap::SUFFIX
    ));
    peer.modify(&format!(
        "dn: cn=Paris,ou=SyAgencies,{}\nchangetype: modify\ndelete: member\nmember: {dave}\n\n",
        ldap::SUFFIX
    ));
    peer.delete(&[&dave]);

    let again = admin
        .submit("/admin/directory", "/admin/directory/simulate", &[])
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    again
        .assert_contains("Accounts to update: 1")
        .assert_contains("alice@example.test")
        .assert_contains("alice.martin@example.test")
        .assert_contains(r#"data-list="Lyon" data-added="false""#)
        .assert_contains("Accounts to disable: 1")
        .assert_contains("no longer in the directory")
        .assert_contains("Accounts to enable again: 1");

    // The command line says the same, then does it.
    let (ok, said) = app.run_command(&["ldap", "sync", "--dry-run"]);
    assert!(ok, "{said}");
    assert!(
        said.contains("~ alice: Mail address: alice@example.test -> alice.martin@example.test"),
        "{said}"
    );
    assert!(
        said.contains("- Dave (no longer in the directory)"),
        "{said}"
    );
    assert!(said.contains("* carol"), "{said}");
    assert!(said.contains("simulation read: 4"), "{said}");
    assert_eq!(
        app.count("SELECT disabled FROM users WHERE login = 'Dave'"),
        0
    );
    let (ok, said) = app.run_command(&["ldap", "sync"]);
    assert!(ok, "{said}");

    assert_eq!(
        app.text("SELECT mail FROM users WHERE login = 'alice'"),
        "alice.martin@example.test"
    );
    assert_eq!(
        app.count("SELECT profile_id FROM users WHERE login = 'alice'"),
        Profile::Technician.id(),
        "the profile set in Gestdesk is kept"
    );
    assert_eq!(agencies_of(&app, "alice"), "Paris");
    assert!(disabled(&app, "Dave"), "missing from the directory");
    assert!(!disabled(&app, "carol"), "enabled again in the directory");
    assert!(disabled(&app, "bob"), "disabled by hand, and left so");

    // A run with nothing to do says so; every run is in the history.
    let quiet = admin
        .submit("/admin/directory", "/admin/directory/simulate", &[])
        .await;
    quiet.assert_contains("Everything is up to date");
    let history = admin.get("/admin/directory/runs").await;
    assert_eq!(history.status, StatusCode::OK);
    history
        .assert_contains("the command line")
        .assert_contains("simulation")
        .assert_contains("created: 3");
    assert_eq!(app.count("SELECT count(*) FROM directory_runs"), 6);

    // A directory that cannot be reached changes nothing and is recorded.
    app.set_setting("ldap.port", &crate::common::free_port().to_string());
    let failed = admin
        .submit("/admin/directory", "/admin/directory/sync", &[])
        .await;
    assert_eq!(failed.status, StatusCode::BAD_GATEWAY);
    failed.assert_contains("refused the connection");
    assert_eq!(
        app.count("SELECT count(*) FROM directory_runs WHERE error <> ''"),
        1
    );
    admin
        .get("/admin/directory/runs")
        .await
        .assert_contains("The server refused the connection.");
    app.stop().await;
}

#[tokio::test]
async fn thousands_of_users_in_two_branches_come_through_the_size_limit() {
    let Some(peer) = LdapPeer::get() else { return };
    let (big, small) = (1_500, 600);
    assert!(big > SIZE_LIMIT && small > SIZE_LIMIT);
    let mut ldif = ldap::branch("ManyA") + &ldap::branch("ManyB") + &ldap::branch("ManyGroups");
    let mut members = Vec::new();
    for n in 0..big {
        ldif += &user_with(
            "ManyA",
            &format!("a{n:04}"),
            "Ann",
            &format!("A{n}"),
            "pw",
            "department: Sales\n",
        );
        if n % 2 == 0 {
            members.push(user_dn("ManyA", &format!("a{n:04}")));
        }
    }
    for n in 0..small {
        ldif += &ldap::user("ManyB", &format!("b{n:04}"), "Ben", &format!("B{n}"), "pw");
        members.push(user_dn("ManyB", &format!("b{n:04}")));
    }
    ldif += &group("ManyGroups", "Everyone half", &members);
    // Two agencies sharing 200 people: they belong to both.
    let north: Vec<String> = (0..700)
        .map(|n| user_dn("ManyA", &format!("a{n:04}")))
        .collect();
    let south: Vec<String> = (500..1_200)
        .map(|n| user_dn("ManyA", &format!("a{n:04}")))
        .collect();
    ldif += &ldap::branch("ManyAgencies");
    ldif += &group("ManyAgencies", "North", &north);
    ldif += &group("ManyAgencies", "South", &south);
    peer.add(&ldif);

    let (app, admin) = TestApp::with_admin().await;
    peer.configure(&app, &["ManyA", "ManyB"], "ManyGroups", "ManyAgencies");
    let done = admin
        .submit("/admin/directory", "/admin/directory/sync", &[])
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    done.assert_contains(&format!("Accounts to create: {}", big + small))
        .assert_contains("… and 1600 more");
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE ldap_guid <> ''"),
        i64::try_from(big + small).expect("count")
    );
    assert_eq!(
        app.count(
            "SELECT count(*) FROM user_services us JOIN services s ON s.id = us.service_id
             WHERE s.name = 'Everyone half'"
        ),
        i64::try_from(members.len()).expect("count")
    );
    assert_eq!(
        app.count(
            "SELECT count(*) FROM user_services us JOIN services s ON s.id = us.service_id
             WHERE s.name = 'Sales'"
        ),
        i64::try_from(big).expect("count")
    );
    assert_eq!(app.count("SELECT count(*) FROM user_agencies"), 1_400);
    assert_eq!(
        app.count(
            "SELECT count(*) FROM (SELECT user_id FROM user_agencies GROUP BY user_id
             HAVING count(*) = 2)"
        ),
        200
    );
    // A second run finds nothing to do.
    let again = admin
        .submit("/admin/directory", "/admin/directory/simulate", &[])
        .await;
    again.assert_contains("Everything is up to date");
    app.stop().await;
}
