//! Administration > Settings > Directory against a real OpenLDAP: an administrator fills in the
//! connector (a wrong value comes back with its reason), the service account's password is
//! kept but never shown back, and "Test" counts the users of each branch, or says exactly what
//! failed: a refused password, a missing branch, an untrusted certificate.

use reqwest::StatusCode;

use crate::common::TestApp;
use crate::common::ldap::{self, ADMIN_DN, ADMIN_PASSWORD, LdapPeer, SUFFIX};

#[tokio::test]
async fn an_administrator_sets_up_the_directory_and_its_test_counts_each_branch() {
    let Some(peer) = LdapPeer::get() else { return };
    let mut ldif = ldap::branch("SetStaff") + &ldap::branch("SetInterns");
    for n in 0..3 {
        ldif.push_str(&ldap::user(
            "SetStaff",
            &format!("staff{n}"),
            "Sam",
            "Staff",
            "pw",
        ));
    }
    ldif.push_str(&ldap::user("SetInterns", "intern0", "Ian", "Intern", "pw"));
    peer.add(&ldif);
    let (app, admin) = TestApp::with_admin().await;
    let port = peer.plain_port.to_string();
    let branches = format!("ou=SetStaff,{SUFFIX}; ou=SetInterns,{SUFFIX}");
    let mut fields = vec![
        ("ldap.enabled", "1"),
        ("ldap.type", "ad"),
        ("ldap.host", "127.0.0.1"),
        ("ldap.port", "70000"),
        ("ldap.security", "starttls"),
        ("ldap.accept_invalid_certs", "1"),
        ("ldap.domain", "example.test"),
        ("ldap.user_branches", &branches),
        ("ldap.bind_dn", ADMIN_DN),
        ("ldap.password", ADMIN_PASSWORD),
    ];
    let bad = admin
        .submit("/admin/directory", "/admin/directory", &fields)
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("65535");
    assert!(!bad.body.contains(ADMIN_PASSWORD), "the password came back");
    fields[3] = ("ldap.port", &port);
    let saved = admin
        .submit("/admin/directory", "/admin/directory", &fields)
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = admin.get("/admin/directory").await;
    assert!(!page.body.contains(ADMIN_PASSWORD));
    assert!(
        !admin
            .get("/admin/settings/log")
            .await
            .body
            .contains(ADMIN_PASSWORD)
    );

    let tested = admin
        .submit("/admin/directory", "/admin/directory/test", &[])
        .await;
    assert_eq!(tested.status, StatusCode::OK, "{}", tested.body);
    tested
        .assert_contains("The service account is accepted.")
        .assert_contains("3 users")
        .assert_contains("one user");

    // Each failure in words.
    for (key, value, says) in [
        (
            "ldap.accept_invalid_certs",
            "0",
            "The secure connection failed",
        ),
        (
            "ldap.user_branches",
            "ou=Gone,dc=example,dc=test",
            "no such branch",
        ),
        (
            "ldap.password",
            "not it",
            "refused the service account or its password",
        ),
    ] {
        app.set_setting(key, value);
        let failed = admin
            .submit("/admin/directory", "/admin/directory/test", &[])
            .await;
        assert_eq!(failed.status, StatusCode::UNPROCESSABLE_ENTITY, "{key}");
        failed.assert_contains(says);
        app.set_setting(
            key,
            match key {
                "ldap.accept_invalid_certs" => "1",
                "ldap.user_branches" => &branches,
                _ => ADMIN_PASSWORD,
            },
        );
    }
    app.stop().await;
}
