//! Attacks on every route, taken from the router's own table so that new routes are covered
//! without editing this file: state changes without a CSRF token or with another session's
//! token, injection and path-traversal payloads in every path and query parameter, cross-site
//! scripting payloads typed into every text field of every form and then looked for on every
//! page, and the security headers of every response.

use std::collections::BTreeSet;

use gestdesk::domain::profiles::Profile;
use gestdesk::web::routes;
use reqwest::StatusCode;

use crate::common::{Client, TestApp, open_ticket};

/// A fingerprint of everything a request could change: each table's row count and the sum of
/// a hash of its rows (sessions, throttling and logs left out: reading a page may touch them).
fn fingerprint(app: &TestApp) -> Vec<(String, i64, String)> {
    let conn = app.sql();
    let tables: Vec<String> = {
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                 AND name NOT LIKE 'tickets_fts%' AND name NOT IN
                 ('sessions', 'event_log', 'login_attempts', 'change_counter', 'refinery_schema_history')
                 ORDER BY name",
            )
            .expect("tables");
        stmt.query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    tables
        .into_iter()
        .map(|t| {
            let (n, digest): (i64, Option<String>) = conn
                .query_row(
                    &format!("SELECT count(*), group_concat(quote(x), '|') FROM (SELECT * FROM \"{t}\") AS x"),
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .or_else(|_| {
                    conn.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| {
                        Ok((r.get(0)?, None))
                    })
                })
                .expect("count");
            (t, n, digest.unwrap_or_default())
        })
        .collect()
}

/// A concrete path for a route pattern, with real ids of the fixtures.
fn concrete(pattern: &str, id: &str) -> String {
    crate::common::concrete_route(pattern, id, "companies")
}

/// Switches on every function that has pages, so that its routes are attacked too (posting
/// the settings form switches them off again).
fn functions_on(app: &TestApp) {
    for route in routes::table() {
        if let Some(function) = route.function {
            app.set_setting(function.name(), "1");
        }
    }
}

/// A helpdesk with a bit of everything, so that routes with ids reach real rows.
async fn fixtures() -> (TestApp, Client) {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("ursula", "password-of-ursula", Profile::User)
        .await;
    let id = open_ticket(
        &app,
        &admin,
        &[("requester", "u2"), ("title", "Fixture ticket")],
    )
    .await;
    let r = admin
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", "fixture reply")],
            &[("fixture.txt", b"hello")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    admin
        .submit(
            "/admin/groups",
            "/admin/groups",
            &[("name", "Fixture group"), ("kind", "technician")],
        )
        .await;
    admin
        .submit(
            "/admin/lists/companies",
            "/admin/lists/companies",
            &[("name", "Fixture company")],
        )
        .await;
    functions_on(&app);
    let form = admin.get("/procedures/new").await;
    let r = admin
        .send_upload_form_from(
            &form,
            "procedure-form",
            &[
                ("title", "Fixture procedure"),
                ("body", "Fixture *steps*"),
                ("category", "1"),
                ("published", "1"),
            ],
            &[("steps.txt", b"step one")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    (app, admin)
}

#[tokio::test]
async fn every_state_change_without_the_sessions_csrf_token_is_refused_and_changes_nothing() {
    let (app, admin) = fixtures().await;
    let other = app.client();
    other
        .login(crate::common::ADMIN_LOGIN, crate::common::ADMIN_PASSWORD)
        .await;
    let foreign = other.get("/profile").await.csrf();
    // The fixtures' tickets wait for the search index job (twice a second); the snapshot is
    // taken once it has taken them, so that only the requests below could change anything.
    for _ in 0..100 {
        if app.count("SELECT count(*) FROM search_pending") == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.count("SELECT count(*) FROM search_pending"),
        0,
        "the index job is stuck"
    );
    let before = fingerprint(&app);
    let mut checked = 0;
    for route in routes::table() {
        if route.method.as_str() != "POST" {
            continue;
        }
        let path = concrete(route.path, "1");
        for (what, fields) in [
            ("no token", vec![("name", "x"), ("title", "x")]),
            (
                "another session's token",
                vec![("_csrf", foreign.as_str()), ("name", "x")],
            ),
            ("an empty token", vec![("_csrf", ""), ("name", "x")]),
        ] {
            let reply = admin.post_raw(&path, &fields).await;
            assert_eq!(
                reply.status,
                StatusCode::FORBIDDEN,
                "POST {path} with {what} answered {}",
                reply.status
            );
            reply.assert_contains("This form has expired or did not come from Gestdesk");
            checked += 1;
        }
    }
    println!("csrf: {checked} refused POSTs");
    assert!(checked >= 3 * 40, "only {checked} requests");
    assert_eq!(fingerprint(&app), before, "a refused request changed data");
    app.stop().await;
}

/// Values that try to break out of SQL, paths and HTML.
const INJECTIONS: &[&str] = &[
    "' OR '1'='1",
    "1; DROP TABLE tickets; --",
    "1' UNION SELECT password_hash FROM users --",
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%00",
    "\"><script>alert(1)</script>",
    "-1",
    "99999999999999999999999",
    "title\" desc",
];

/// Query parameters the pages read.
const PARAMETERS: &[&str] = &[
    "q",
    "sort",
    "order",
    "dir",
    "view",
    "state",
    "page",
    "from",
    "to",
    "next",
    "copy",
    "id",
    "f_title",
    "f_technician",
    "f_category_id",
    "f_state_id",
    "f_created_at",
    "lang",
    "category",
];

fn leaks(body: &str) -> bool {
    let lower = body.to_lowercase();
    [
        "unrecognized token",
        "no such table",
        "syntax error",
        "rusqlite",
        "panicked",
        "no such column",
        "root:x:0:0",
        "$2b$",
        "$2y$",
        "stack backtrace",
    ]
    .iter()
    .any(|needle| lower.contains(needle))
}

#[tokio::test]
async fn injection_and_traversal_payloads_in_every_parameter_give_no_error_and_no_leak() {
    let (app, admin) = fixtures().await;
    let user = app.login_as("walker", Profile::User).await;
    let tickets = app.count("SELECT count(*) FROM tickets");
    let mut checked = 0;
    for route in routes::table() {
        if route.method.as_str() != "GET" || route.path == "/live" {
            continue;
        }
        for payload in INJECTIONS {
            let encoded = urlencode(payload);
            let mut paths = Vec::new();
            if route.path.contains('{') {
                paths.push(concrete(route.path, &encoded));
            }
            let base = concrete(route.path, "1");
            let query: Vec<String> = PARAMETERS
                .iter()
                .map(|p| format!("{p}={encoded}"))
                .collect();
            paths.push(format!("{base}?{}", query.join("&")));
            for path in paths {
                for client in [&admin, &user] {
                    let reply = client.get(&path).await;
                    assert!(
                        reply.status.as_u16() < 500,
                        "GET {path} answered {}",
                        reply.status
                    );
                    assert!(!leaks(&reply.body), "GET {path} leaked: {}", reply.body);
                    checked += 1;
                }
            }
        }
    }
    println!("injections: {checked} requests");
    assert!(checked > 500, "only {checked} requests");
    assert_eq!(app.count("SELECT count(*) FROM tickets"), tickets);
    let ok: String = app
        .sql()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(ok, "ok");
    app.stop().await;
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Markup that would run if a page let it through.
const XSS: &[&str] = &[
    "<script>alert('xss1')</script>",
    "\"><img src=x onerror=alert('xss2')>",
    "'><svg onload=alert('xss3')>",
    "javascript:alert('xss4')",
    "<a href=\"javascript:alert('xss5')\">x</a>",
    "</textarea><script>alert('xss6')</script>",
    "<iframe srcdoc=\"<script>alert('xss7')</script>\"></iframe>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss8')>",
];

/// The tags of `html` that would run script: a `<script>` not from our static files, an
/// event-handler attribute, a `javascript:` address, an `<iframe>` outside our mail preview.
fn live_markup(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = html.to_lowercase();
    let mut at = 0;
    while let Some(start) = lower[at..].find('<').map(|s| s + at) {
        let end = lower[start..]
            .find('>')
            .map_or(lower.len(), |e| start + e + 1);
        let tag = &lower[start..end];
        at = end;
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            continue;
        }
        let script = name == "script" && !tag.contains("src=\"/static/");
        // Attributes: split on spaces outside quotes is enough to find names.
        let mut handler = false;
        let mut in_quote: Option<char> = None;
        let mut previous = ' ';
        for (i, c) in tag.char_indices() {
            match in_quote {
                Some(q) if c == q => in_quote = None,
                Some(_) => {}
                None if c == '"' || c == '\'' => in_quote = Some(c),
                None => {
                    if previous.is_whitespace()
                        && tag[i..].starts_with("on")
                        && tag[i..]
                            .chars()
                            .skip(2)
                            .take_while(|c| c.is_ascii_alphabetic())
                            .count()
                            > 2
                        && tag[i..]
                            .split(['=', ' ', '>'])
                            .next()
                            .is_some_and(|a| tag[i + a.len()..].starts_with('='))
                    {
                        handler = true;
                    }
                }
            }
            previous = c;
        }
        let js_url = [
            "href=\"javascript:",
            "src=\"javascript:",
            "action=\"javascript:",
        ]
        .iter()
        .any(|a| tag.contains(a));
        let frame = name == "iframe" && !tag.contains("sandbox=\"\"");
        if script || handler || js_url || frame {
            found.push(html[start..end].to_owned());
        }
    }
    found
}

/// A form field: name, kind, value.
type Field = (String, String, String);

/// The forms of a page: action and fields, hidden ones kept.
fn forms(html: &str) -> Vec<(String, Vec<Field>)> {
    let mut out = Vec::new();
    for part in html.split("<form").skip(1) {
        let Some(head_end) = part.find('>') else {
            continue;
        };
        let head = &part[..head_end];
        if !head.contains("method=\"post\"") {
            continue;
        }
        let action = attr(head, "action")
            .unwrap_or_default()
            .replace("&amp;", "&");
        let body = &part[..part.find("</form>").unwrap_or(part.len())];
        let mut fields = Vec::new();
        for input in body.split("<input").skip(1) {
            let tag = &input[..input.find('>').unwrap_or(input.len())];
            if let Some(name) = attr(tag, "name") {
                let kind = attr(tag, "type").unwrap_or_else(|| "text".into());
                let value = attr(tag, "value").unwrap_or_default().replace("&amp;", "&");
                fields.push((name, kind, value));
            }
        }
        for area in body.split("<textarea").skip(1) {
            let tag = &area[..area.find('>').unwrap_or(area.len())];
            if let Some(name) = attr(tag, "name") {
                fields.push((name, "textarea".into(), String::new()));
            }
        }
        out.push((action, fields));
    }
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_owned())
}

/// The GET pages to visit: every route with the fixtures' ids.
fn pages() -> Vec<String> {
    let mut out: BTreeSet<String> = BTreeSet::new();
    for route in routes::table() {
        if route.method.as_str() != "GET"
            || route.path == "/live"
            || route.path.starts_with("/static")
            || route.path.contains("attachments")
            || route.path.contains("/files/")
            || route.path.contains("/admin/backups/")
            || route.path.contains("export")
        {
            continue;
        }
        for id in ["1", "2", "3"] {
            out.insert(concrete(route.path, id));
        }
    }
    out.into_iter().collect()
}

#[tokio::test]
async fn script_typed_into_every_form_field_never_comes_back_live_on_any_page() {
    let (app, admin) = fixtures().await;
    let tech = app.login_as("xss-tech", Profile::Technician).await;
    let user = app.client();
    user.login("ursula", "password-of-ursula").await;
    let pages = pages();
    let mut submitted = 0;
    let mut procedure_forms = 0;
    let mut filled = 0;
    for (n, payload) in XSS.iter().enumerate() {
        for page in &pages {
            let html = admin.get(page).await;
            if !html.status.is_success() {
                continue;
            }
            for (action, fields) in forms(&html.body) {
                if action.is_empty()
                    || action.contains("/logout")
                    || action.contains("/delete")
                    || action.contains("/disable")
                    || action.contains("/toggle")
                    || action.contains("/rights")
                    || action.contains("/restore-list")
                    || action.contains("/mail/test")
                    || action == "/admin/backups"
                    || action.starts_with("/language")
                {
                    continue;
                }
                let mut sent: Vec<(String, String)> = Vec::new();
                for (name, kind, value) in &fields {
                    let typed = match kind.as_str() {
                        "text" | "textarea" | "search" | "url" | "email" | "tel" => {
                            if name.contains("password") {
                                value.clone()
                            } else {
                                filled += 1;
                                format!("{payload} {n}")
                            }
                        }
                        "checkbox" | "radio" | "file" | "submit" => continue,
                        _ => value.clone(),
                    };
                    sent.push((name.clone(), typed));
                }
                let pairs: Vec<(&str, &str)> =
                    sent.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let reply = if html.body.contains("enctype=\"multipart/form-data\"")
                    && action.starts_with("/tickets")
                {
                    admin.send_ticket_form_from(&html, &pairs, &[]).await
                } else if html.body.contains("id=\"procedure-form\"")
                    && action.starts_with("/procedures")
                {
                    admin
                        .send_upload_form_from(&html, "procedure-form", &pairs, &[])
                        .await
                } else {
                    admin.post_raw(&action, &pairs).await
                };
                assert!(
                    reply.status.as_u16() < 500,
                    "POST {action} from {page} answered {}",
                    reply.status
                );
                let live = live_markup(&reply.body);
                assert!(
                    live.is_empty(),
                    "POST {action} echoed live markup: {live:?}"
                );
                submitted += 1;
                if action.starts_with("/procedures") {
                    procedure_forms += 1;
                }
                functions_on(&app);
            }
        }
    }
    assert!(submitted > 50, "only {submitted} forms sent");
    assert!(procedure_forms > 0, "no procedure form was attacked");
    // Every page, for every profile, after all that.
    let mut seen = 0;
    for client in [&admin, &tech, &user] {
        for page in &pages {
            let reply = client.get(page).await;
            let live = live_markup(&reply.body);
            assert!(live.is_empty(), "GET {page} shows live markup: {live:?}");
            seen += 1;
        }
        for path in [
            "/tickets?view=all",
            "/tickets?view=all&q=alert",
            "/activity",
        ] {
            let live = live_markup(&client.get(path).await.body);
            assert!(live.is_empty(), "GET {path} shows live markup: {live:?}");
        }
    }
    println!("xss: {submitted} forms sent, {filled} fields filled, {seen} pages checked");
    assert!(seen > 100);
    app.stop().await;
}

#[test]
fn the_live_markup_check_catches_what_it_looks_for() {
    assert!(live_markup("<p>fine</p><script src=\"/static/1/app.js\"></script>").is_empty());
    assert!(!live_markup("<script>alert(1)</script>").is_empty());
    assert!(!live_markup("<img src=x onerror=alert(1)>").is_empty());
    assert!(!live_markup("<a href=\"javascript:alert(1)\">").is_empty());
    assert!(!live_markup("<svg onload=alert(1)>").is_empty());
    assert!(live_markup("<input value=\"&lt;script&gt; onerror=\">").is_empty());
    assert!(live_markup("<p title=\"x onclick=y\">").is_empty());
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_no_banner_or_listing() {
    let (app, admin) = fixtures().await;
    let anonymous = app.client();
    let mut checked = 0;
    let mut paths = pages();
    paths.extend(
        [
            "/no-such-page",
            "/static/",
            "/static/0/",
            "/attachments/",
            "/backups/",
            "/admin/backups/",
            "/.git/config",
            "/gestdesk.sqlite3",
            "/login",
            "/healthz",
        ]
        .iter()
        .map(|s| (*s).to_owned()),
    );
    for path in &paths {
        for client in [&admin, &anonymous] {
            let reply = client.get(path).await;
            let h = &reply.headers;
            let csp = h
                .get("content-security-policy")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_else(|| panic!("{path}: no CSP"));
            let script_src = csp
                .split(';')
                .find(|d| d.trim().starts_with("script-src"))
                .unwrap_or("");
            assert!(!script_src.contains("unsafe-inline"), "{path}: {csp}");
            assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
            assert_eq!(h["x-frame-options"], "DENY", "{path}");
            assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
            assert!(h.get("referrer-policy").is_some(), "{path}");
            assert!(h.get("server").is_none(), "{path}: server banner");
            assert!(h.get("x-powered-by").is_none(), "{path}");
            assert!(
                !reply.body.contains("Index of") && !reply.body.contains("Directory listing"),
                "{path}: a listing"
            );
            if path.ends_with('/') && path.len() > 1
                || path.contains("sqlite")
                || path.contains(".git")
            {
                assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
            }
            checked += 1;
        }
    }
    // A refused POST and an error page carry them too.
    let refused = admin.post_raw("/admin/settings", &[]).await;
    assert_eq!(refused.headers["x-frame-options"], "DENY");
    // The session cookie is HttpOnly and SameSite.
    let login = app.client();
    let page = login.get("/login").await;
    let token = page.csrf();
    let reply = login
        .post_raw(
            "/login",
            &[
                ("login", crate::common::ADMIN_LOGIN),
                ("password", crate::common::ADMIN_PASSWORD),
                ("_csrf", &token),
            ],
        )
        .await;
    let cookie = reply
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("gestdesk_session") || c.contains("session"))
        .unwrap_or_else(|| panic!("no session cookie"))
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite"),
        "{cookie}"
    );
    assert!(checked > 100);
    app.stop().await;
}

#[tokio::test]
async fn forged_uploads_and_archive_bombs_are_refused_and_nothing_is_kept() {
    use std::io::Write;
    let (app, admin) = TestApp::with_admin().await;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&vec![0u8; 64 * 1024 * 1024]).expect("gzip");
    let gzip_bomb = gz.finish().expect("gzip");
    assert!(gzip_bomb.len() < 200 * 1024, "{}", gzip_bomb.len());
    // A ZIP whose one entry is 64 MB of zeros, deflated.
    let mut deflate = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    deflate
        .write_all(&vec![0u8; 64 * 1024 * 1024])
        .expect("deflate");
    let data = deflate.finish().expect("deflate");
    let zip_bomb = zip_with(&data, 64 * 1024 * 1024);
    let cases: [(&str, &[u8]); 4] = [
        ("logs.gz", &gzip_bomb),
        ("photos.zip", &zip_bomb),
        (
            "holiday.png",
            b"MZ\x90\0\x03\0\0\0 a program named like a picture",
        ),
        ("notes.pdf", b"<!DOCTYPE html><script>alert(1)</script>"),
    ];
    for (name, bytes) in cases {
        let r = admin
            .send_ticket_form(
                "/tickets/new",
                &[("requester", "u1"), ("title", "Keep me")],
                &[(name, bytes)],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name} accepted"
        );
        assert!(
            r.body.contains("would unpack to far more than its size")
                || r.body
                    .contains("programs, scripts and web pages cannot be attached"),
            "{name}: no reason given"
        );
        r.assert_contains("value=\"Keep me\"");
    }
    assert_eq!(app.count("SELECT count(*) FROM attachments"), 0);
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);
    // An ordinary small archive is fine.
    let ok = zip_with(b"hello", 5);
    let r = admin
        .send_ticket_form(
            "/tickets/new",
            &[("requester", "u1"), ("title", "With a zip")],
            &[("small.zip", &ok)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    app.stop().await;
}

/// A one-entry ZIP holding `data` (deflated when `unpacked` differs from its length).
fn zip_with(data: &[u8], unpacked: u32) -> Vec<u8> {
    let method: u8 = if u32::try_from(data.len()).expect("size") == unpacked {
        0
    } else {
        8
    };
    let size = u32::try_from(data.len()).expect("size").to_le_bytes();
    let full = unpacked.to_le_bytes();
    let mut out = Vec::new();
    out.extend_from_slice(b"PK\x03\x04\x14\0\0\0");
    out.extend_from_slice(&[method, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    out.extend_from_slice(&size);
    out.extend_from_slice(&full);
    out.extend_from_slice(b"\x05\0\0\0data0");
    out.extend_from_slice(data);
    let dir_at = u32::try_from(out.len()).expect("size").to_le_bytes();
    let mut dir = Vec::new();
    dir.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0");
    dir.extend_from_slice(&[method, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    dir.extend_from_slice(&size);
    dir.extend_from_slice(&full);
    dir.extend_from_slice(b"\x05\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0data0");
    out.extend_from_slice(&dir);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    out.extend_from_slice(&u32::try_from(dir.len()).expect("size").to_le_bytes());
    out.extend_from_slice(&dir_at);
    out.extend_from_slice(b"\0\0");
    out
}
