//! The incoming-mail connector's IMAP side against a real Dovecot: a mailbox answers over
//! plain IMAP, STARTTLS and implicit TLS; a closed port, an unknown name, a wrong password, a
//! missing folder and an untrusted certificate are each told apart; the waiting mails are read
//! without being marked, and each handled one is marked read, moved or deleted on the server.

use std::time::Duration;

use gestdesk::mail::imap::{self, After, ImapConfig, ImapError, Security};

use crate::common::imap::ImapPeer;

fn config(peer: &ImapPeer, login: &str, security: Security) -> ImapConfig {
    ImapConfig {
        host: "127.0.0.1".to_owned(),
        port: match security {
            Security::Tls => peer.tls_port,
            _ => peer.plain_port,
        },
        security,
        login: login.to_owned(),
        password: "mailbox secret".to_owned(),
        folder: "INBOX".to_owned(),
        accept_invalid_certs: security != Security::None,
        timeout: Duration::from_secs(10),
    }
}

fn mail(n: u32) -> Vec<u8> {
    format!(
        "From: Alice Martin <alice@example.test>\r\nTo: helpdesk@example.test\r\n\
         Subject: Printer {n} is jammed\r\nMessage-ID: <jam-{n}@example.test>\r\n\
         Date: Sun, 06 Dec 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         The printer on floor {n} is jammed again.\r\n"
    )
    .into_bytes()
}

#[tokio::test]
async fn a_mailbox_is_reached_three_ways_and_each_failure_says_what_it_is() {
    let Some(peer) = ImapPeer::get() else { return };
    peer.add_user("connector-ways", "mailbox secret");
    peer.deliver("connector-ways", "INBOX", &mail(1));
    peer.deliver("connector-ways", "INBOX", &mail(2));
    for security in [Security::None, Security::StartTls, Security::Tls] {
        let mailbox = imap::open(&config(peer, "connector-ways", security))
            .await
            .unwrap_or_else(|e| panic!("{security:?}: {e}"));
        assert_eq!(mailbox.exists, 2, "{security:?}");
        mailbox.close().await;
    }

    let mut wrong = config(peer, "connector-ways", Security::None);
    wrong.password = "not it".to_owned();
    assert!(matches!(
        imap::open(&wrong).await,
        Err(ImapError::LoginRefused(_))
    ));

    let mut folder = config(peer, "connector-ways", Security::None);
    folder.folder = "Tickets".to_owned();
    assert!(matches!(
        imap::open(&folder).await,
        Err(ImapError::NoSuchFolder(_))
    ));

    // The certificate is self-signed: refused unless accepted explicitly.
    let mut untrusted = config(peer, "connector-ways", Security::Tls);
    untrusted.accept_invalid_certs = false;
    assert!(matches!(
        imap::open(&untrusted).await,
        Err(ImapError::Tls(_))
    ));

    let mut closed = config(peer, "connector-ways", Security::None);
    closed.port = crate::common::free_port();
    assert!(matches!(
        imap::open(&closed).await,
        Err(ImapError::Refused(_))
    ));

    let mut unknown = config(peer, "connector-ways", Security::None);
    unknown.host = "no-such-host.invalid".to_owned();
    let e = imap::open(&unknown).await.err().expect("refused");
    assert!(matches!(e, ImapError::NameNotFound(_)), "{e:?}");
}

#[tokio::test]
async fn waiting_mails_are_read_unmarked_then_marked_read_moved_or_deleted() {
    let Some(peer) = ImapPeer::get() else { return };
    peer.add_user("connector-after", "mailbox secret");
    peer.create_folder("connector-after", "Handled");
    for n in 1..=3 {
        peer.deliver("connector-after", "INBOX", &mail(n));
    }
    let mut mailbox = imap::open(&config(peer, "connector-after", Security::StartTls))
        .await
        .expect("open");
    let uids = mailbox.unseen().await.expect("unseen");
    assert_eq!(uids.len(), 3);
    for (n, uid) in uids.iter().enumerate() {
        let raw = mailbox.raw(*uid).await.expect("fetch").expect("body");
        let parsed = mail_parser::MessageParser::default()
            .parse(&raw)
            .expect("a mail");
        assert_eq!(
            parsed.subject(),
            Some(format!("Printer {} is jammed", n + 1).as_str())
        );
    }
    // Reading left them unread.
    assert!(
        peer.flags("connector-after", "INBOX")
            .iter()
            .all(|f| !f.contains("\\Seen"))
    );

    mailbox
        .settle(uids[0], &After::MarkRead)
        .await
        .expect("read");
    mailbox
        .settle(uids[1], &After::MoveTo("Handled".to_owned()))
        .await
        .expect("moved");
    mailbox
        .settle(uids[2], &After::Delete)
        .await
        .expect("deleted");
    assert_eq!(mailbox.unseen().await.expect("unseen"), Vec::<u32>::new());
    mailbox.close().await;

    let inbox = peer.flags("connector-after", "INBOX");
    assert_eq!(inbox.len(), 1, "{inbox:?}");
    assert!(inbox[0].contains("\\Seen"));
    assert_eq!(peer.flags("connector-after", "Handled").len(), 1);
}
