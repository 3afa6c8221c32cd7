//! HTTPS as an administrator turns it on: first with the certificate Gestdesk makes for the
//! machine (curl trusts it as given and openssl reads the same fingerprint as the page shows),
//! then with a certificate of the organisation's own CA (refused when its key is not its own or
//! it has expired; once kept, curl verifies the chain and the name). Plain HTTP from the network
//! is sent to the https:// address, the console on this machine stays plain, cookies over TLS
//! are Secure, HSTS comes on request.

use std::path::Path;
use std::process::Command;

use reqwest::StatusCode;

use crate::common::TestApp;

/// curl over TLS to `url`, trusting `ca` (a PEM file), with `extra` arguments; answers whether
/// it worked and what it printed (headers and body with `-i`).
/// (Run off the test's thread: the server answers on it.)
async fn curl(ca: &Path, url: &str, extra: &[&str]) -> (bool, String) {
    let mut cmd = Command::new("curl");
    cmd.args(["-sS", "-i", "--max-time", "10", "--cacert"])
        .arg(ca)
        .args(extra)
        .arg(url);
    let out = tokio::task::spawn_blocking(move || cmd.output())
        .await
        .expect("curl ran")
        .expect("curl runs");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// The SHA-256 fingerprint of the certificate the server at `port` presents, as openssl reads
/// it from a real handshake.
async fn served_fingerprint(port: u16) -> String {
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(format!(
        "openssl s_client -connect 127.0.0.1:{port} -servername localhost </dev/null 2>/dev/null \
         | openssl x509 -noout -fingerprint -sha256"
    ));
    let shake = tokio::task::spawn_blocking(move || cmd.output())
        .await
        .expect("openssl ran")
        .expect("openssl runs");
    let text = String::from_utf8_lossy(&shake.stdout).into_owned();
    text.trim()
        .rsplit('=')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The text of the element with `id` on `body`.
fn text_of_id(body: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let at = body
        .find(&marker)
        .unwrap_or_else(|| panic!("#{id} on the page"));
    let start = at + body[at..].find('>').expect("tag end") + 1;
    let end = start + body[start..].find('<').expect("text end");
    body[start..end].to_owned()
}

#[tokio::test]
async fn a_self_signed_certificate_serves_https_and_plain_http_from_the_network_is_redirected() {
    let (app, admin) = TestApp::with_admin().await;
    let port = app.port();
    admin
        .get("/admin/system")
        .await
        .assert_contains("Off: plain HTTP");

    // One switch.
    let on = admin
        .submit(
            "/admin/https",
            "/admin/https",
            &[("https_mode", "self_signed")],
        )
        .await;
    assert_eq!(on.status, StatusCode::SEE_OTHER, "{}", on.body);
    let cert = app.data_dir().join("tls/self-signed.crt");
    let key = app.data_dir().join("tls/self-signed.key");
    assert!(cert.exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).expect("key").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the key is private");
    }

    // The page (reached by the console over plain HTTP) shows the fingerprint; a real TLS
    // handshake presents that very certificate, and curl trusts it for "localhost".
    let page = admin.get("/admin/https").await;
    page.assert_contains("On, with a self-signed certificate for this machine");
    let shown = text_of_id(&page.body, "fingerprint");
    assert_eq!(served_fingerprint(port).await, shown);
    let (ok, said) = curl(&cert, &format!("https://localhost:{port}/healthz"), &[]).await;
    assert!(ok && said.starts_with("HTTP/1.1 200"), "{said}");
    // Without the certificate trusted, a client refuses the connection.
    let mut bare = Command::new("curl");
    bare.args(["-sS", "--max-time", "10"])
        .arg(format!("https://localhost:{port}/healthz"));
    let refused = tokio::task::spawn_blocking(move || bare.output())
        .await
        .expect("curl ran")
        .expect("curl");
    assert!(!refused.status.success());

    // Cookies given over TLS are Secure.
    let (_, login) = curl(&cert, &format!("https://localhost:{port}/login"), &[]).await;
    let cookie = login
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
        .expect("a cookie on the login page");
    assert!(cookie.contains("; Secure"), "{cookie}");
    assert!(
        !login
            .to_ascii_lowercase()
            .contains("strict-transport-security")
    );

    // Plain HTTP from the network (any other host name) goes to the https:// address, keeping
    // its path; the console on this machine stays plain.
    let lan = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let moved = lan
        .get(app.url("/tickets?view=all"))
        .header("host", format!("help.example.test:{port}"))
        .send()
        .await
        .expect("plain request");
    assert_eq!(moved.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(
        moved.headers()["location"],
        format!("https://help.example.test:{port}/tickets?view=all").as_str()
    );
    let console = app.client().get("/healthz").await;
    assert_eq!(console.status, StatusCode::OK);

    // HSTS on request, over TLS only.
    admin
        .submit(
            "/admin/https",
            "/admin/https",
            &[("https_mode", "self_signed"), ("https_hsts", "1")],
        )
        .await;
    let (_, hsts) = curl(&cert, &format!("https://localhost:{port}/healthz"), &[]).await;
    assert!(
        hsts.to_ascii_lowercase()
            .contains("strict-transport-security: max-age=31536000"),
        "{hsts}"
    );
    assert!(
        !app.client()
            .get("/healthz")
            .await
            .headers
            .contains_key("strict-transport-security")
    );

    // A new self-signed certificate: a new fingerprint, served at once.
    admin
        .submit("/admin/https", "/admin/https/renew", &[])
        .await;
    let renewed = text_of_id(&admin.get("/admin/https").await.body, "fingerprint");
    assert_ne!(renewed, shown);
    assert_eq!(served_fingerprint(port).await, renewed);

    // Off again: TLS is refused, plain HTTP served to everyone.
    admin
        .submit("/admin/https", "/admin/https", &[("https_mode", "off")])
        .await;
    let (ok, _) = curl(&cert, &format!("https://localhost:{port}/healthz"), &[]).await;
    assert!(!ok);
    let plain = lan
        .get(app.url("/healthz"))
        .header("host", format!("help.example.test:{port}"))
        .send()
        .await
        .expect("plain request");
    assert_eq!(plain.status(), StatusCode::OK);
    app.stop().await;
}

/// A CA and a server certificate it signed for `help.example.test`, valid from `from` to
/// `until` (days from today); the CA's PEM, the server's chain PEM and key PEM.
fn organisation_certificate(from: i64, until: i64) -> (String, String, String) {
    let day = |d: i64| {
        let date = jiff::Timestamp::now()
            .checked_add(jiff::SignedDuration::from_hours(d * 24))
            .expect("date")
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date();
        rcgen::date_time_ymd(
            i32::from(date.year()),
            u8::try_from(date.month()).expect("month"),
            u8::try_from(date.day()).expect("day"),
        )
    };
    let mut ca = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
    ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(rcgen::DnType::CommonName, "Example Org CA");
    let ca = rcgen::CertifiedIssuer::self_signed(ca, rcgen::KeyPair::generate().expect("key"))
        .expect("CA");
    let mut leaf =
        rcgen::CertificateParams::new(vec!["help.example.test".to_owned()]).expect("params");
    leaf.distinguished_name
        .push(rcgen::DnType::CommonName, "help.example.test");
    leaf.not_before = day(from);
    leaf.not_after = day(until);
    let key = rcgen::KeyPair::generate().expect("key");
    let cert = leaf.signed_by(&key, &ca).expect("signed");
    (
        ca.pem(),
        format!("{}{}", cert.pem(), ca.pem()),
        key.serialize_pem(),
    )
}

#[tokio::test]
async fn the_organisations_certificate_is_checked_when_given_and_verified_through_its_chain() {
    let (app, admin) = TestApp::with_admin().await;
    let port = app.port();
    let (ca, chain, key) = organisation_certificate(-1, 365);
    let (_, _, other_key) = organisation_certificate(-1, 365);
    let (_, expired_chain, expired_key) = organisation_certificate(-400, -10);

    // "Own certificate" needs one first.
    let early = admin
        .submit("/admin/https", "/admin/https", &[("https_mode", "own")])
        .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    early.assert_contains("Give your certificate and key below first.");

    // Refusals come back on their field, the certificate as typed, the key never.
    for (cert, key_pem, says) in [
        (
            chain.as_str(),
            other_key.as_str(),
            "not the certificate&#39;s",
        ),
        (expired_chain.as_str(), expired_key.as_str(), "has expired"),
        ("hello", key.as_str(), "No certificate found"),
        (chain.as_str(), "", "No private key found"),
    ] {
        let r = admin
            .submit(
                "/admin/https",
                "/admin/https/certificate",
                &[("certificate", cert), ("key", key_pem)],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{says}");
        assert!(
            r.body.contains(says) || r.body.contains(&says.replace("&#39;", "'")),
            "{says}: {}",
            r.body
        );
        assert!(
            !r.body.contains("PRIVATE KEY-----\n"),
            "the key is not shown again"
        );
    }
    assert!(!app.data_dir().join("tls/own.crt").exists());

    // Given right, kept; then switched on.
    let kept = admin
        .submit(
            "/admin/https",
            "/admin/https/certificate",
            &[("certificate", &chain), ("key", &key)],
        )
        .await;
    assert_eq!(kept.status, StatusCode::SEE_OTHER, "{}", kept.body);
    let on = admin
        .submit("/admin/https", "/admin/https", &[("https_mode", "own")])
        .await;
    assert_eq!(on.status, StatusCode::SEE_OTHER, "{}", on.body);
    let page = admin.get("/admin/https").await;
    page.assert_contains("On, with your own certificate")
        .assert_contains("help.example.test");

    // curl verifies the chain up to the organisation's CA, and the name.
    let dir = tempfile::tempdir().expect("folder");
    let ca_file = dir.path().join("ca.pem");
    std::fs::write(&ca_file, ca).expect("CA file");
    let resolve = format!("help.example.test:{port}:127.0.0.1");
    let (ok, said) = curl(
        &ca_file,
        &format!("https://help.example.test:{port}/healthz"),
        &["--resolve", &resolve],
    )
    .await;
    assert!(ok && said.starts_with("HTTP/1.1 200"), "{said}");
    // Another name is not the certificate's: refused.
    let wrong = format!("other.example.test:{port}:127.0.0.1");
    let (ok, _) = curl(
        &ca_file,
        &format!("https://other.example.test:{port}/healthz"),
        &["--resolve", &wrong],
    )
    .await;
    assert!(!ok);

    // After a restart, the same certificate is in force.
    let app = app.restart().await;
    let port = app.port();
    let resolve = format!("help.example.test:{port}:127.0.0.1");
    let (ok, said) = curl(
        &ca_file,
        &format!("https://help.example.test:{port}/healthz"),
        &["--resolve", &resolve],
    )
    .await;
    assert!(ok, "{said}");
    app.stop().await;
}
