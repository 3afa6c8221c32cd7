//! The directory connector's LDAP side against a real OpenLDAP: the service account binds over
//! plain LDAP, StartTLS and LDAPS (a self-signed certificate refused until it is accepted
//! explicitly); an unknown name, a closed port, a wrong password and a missing branch are each
//! told apart; a branch holding more users than the server's size limit is read whole, page by
//! page; a user's password is checked by binding as them; and what a user types cannot change
//! a search filter.

use std::time::Duration;

use gestdesk::directory::{self, DirectoryError, LdapConfig, Security};

use crate::common::ldap::{self, ADMIN_DN, ADMIN_PASSWORD, LdapPeer, SIZE_LIMIT, SUFFIX};

fn config(peer: &LdapPeer, security: Security) -> LdapConfig {
    LdapConfig {
        host: "127.0.0.1".to_owned(),
        port: match security {
            Security::Ldaps => peer.tls_port,
            _ => peer.plain_port,
        },
        security,
        accept_invalid_certs: security != Security::None,
        bind_dn: ADMIN_DN.to_owned(),
        password: ADMIN_PASSWORD.to_owned(),
        timeout: Duration::from_secs(10),
    }
}

#[tokio::test]
async fn the_service_account_binds_three_ways_and_each_failure_says_what_it_is() {
    let Some(peer) = LdapPeer::get() else { return };
    peer.add(&format!(
        "{}{}",
        ldap::branch("WaysPeople"),
        ldap::user("WaysPeople", "wjones", "Wendy", "Jones", "wendy pass")
    ));
    let branch = format!("ou=WaysPeople,{SUFFIX}");
    for security in [Security::None, Security::StartTls, Security::Ldaps] {
        let mut d = directory::connect(&config(peer, security))
            .await
            .unwrap_or_else(|e| panic!("{security:?}: {e}"));
        assert_eq!(
            d.count(&branch, "(objectClass=user)").await.expect("count"),
            1,
            "{security:?}"
        );
        d.close().await;
    }

    // The certificate is self-signed: refused over LDAPS and StartTLS unless accepted.
    for security in [Security::Ldaps, Security::StartTls] {
        let mut strict = config(peer, security);
        strict.accept_invalid_certs = false;
        let e = directory::connect(&strict).await.err().expect("refused");
        assert!(matches!(e, DirectoryError::Tls(_)), "{security:?}: {e:?}");
    }

    let mut wrong = config(peer, Security::None);
    wrong.password = "not it".to_owned();
    let e = directory::connect(&wrong).await.err().expect("refused");
    assert!(matches!(e, DirectoryError::BadCredentials), "{e:?}");
    // An empty password would be an anonymous bind: never taken for a login.
    wrong.password = String::new();
    let e = directory::connect(&wrong).await.err().expect("refused");
    assert!(matches!(e, DirectoryError::BadCredentials), "{e:?}");

    let mut closed = config(peer, Security::None);
    closed.port = crate::common::free_port();
    let e = directory::connect(&closed).await.err().expect("refused");
    assert!(matches!(e, DirectoryError::Refused(_)), "{e:?}");

    let mut unknown = config(peer, Security::None);
    unknown.host = "no-such-host.invalid".to_owned();
    let e = directory::connect(&unknown).await.err().expect("refused");
    assert!(matches!(e, DirectoryError::NameNotFound(_)), "{e:?}");

    let mut d = directory::connect(&config(peer, Security::None))
        .await
        .expect("bind");
    let e = d
        .count(&format!("ou=Nowhere,{SUFFIX}"), "(objectClass=user)")
        .await
        .expect_err("missing branch");
    assert!(matches!(e, DirectoryError::NoSuchBranch(_)), "{e:?}");
    d.close().await;
}

#[tokio::test]
async fn a_branch_larger_than_the_size_limit_is_read_whole_and_passwords_are_checked_by_binding() {
    let Some(peer) = LdapPeer::get() else { return };
    let total = SIZE_LIMIT * 2 + 200;
    let mut ldif = ldap::branch("ManyPeople");
    for n in 0..total {
        ldif.push_str(&ldap::user(
            "ManyPeople",
            &format!("user{n:04}"),
            "Sam",
            &format!("Number{n}"),
            &format!("pass-{n}"),
        ));
    }
    peer.add(&ldif);
    let branch = format!("ou=ManyPeople,{SUFFIX}");
    let cfg = config(peer, Security::StartTls);
    let mut d = directory::connect(&cfg).await.expect("bind");
    let mut seen = Vec::new();
    let read = d
        .search_each(
            &branch,
            "(objectClass=user)",
            &["sAMAccountName", "mail", "sn", "userAccountControl"],
            |e| seen.push(e),
        )
        .await
        .expect("paged search");
    assert_eq!(read, total);
    assert_eq!(seen.len(), total);
    let one = seen
        .iter()
        .find(|e| e.first("samaccountname") == "user0777")
        .expect("user0777");
    assert_eq!(one.dn, format!("uid=user0777,{branch}"));
    assert_eq!(one.first("mail"), "user0777@example.test");
    assert_eq!(one.first("userAccountControl"), "512");

    // What a user types is escaped: a filter-breaking login finds nobody.
    for typed in ["*)(uid=*", "*", "user0777)(|(sAMAccountName=*"] {
        let filter = format!(
            "(&(objectClass=user)(sAMAccountName={}))",
            directory::escape(typed)
        );
        assert_eq!(
            d.count(&branch, &filter).await.expect("search"),
            0,
            "{typed}"
        );
    }
    let exact = format!(
        "(&(objectClass=user)(sAMAccountName={}))",
        directory::escape("USER0777")
    );
    assert_eq!(
        d.count(&branch, &exact).await.expect("search"),
        1,
        "any case"
    );
    d.close().await;

    // A password is checked by binding as the user, on a connection of its own.
    assert!(
        directory::check_password(&cfg, &one.dn, "pass-777")
            .await
            .expect("answer")
    );
    assert!(
        !directory::check_password(&cfg, &one.dn, "pass-778")
            .await
            .expect("answer")
    );
    assert!(
        !directory::check_password(&cfg, &one.dn, "")
            .await
            .expect("answer")
    );
}
