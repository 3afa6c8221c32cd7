//! A cookie-keeping HTTP client that behaves like a browser filling forms: it reads the CSRF
//! token from the page it is on and sends it back.

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, LOCATION};

use super::{ADMIN_LOGIN, ADMIN_PASSWORD, TestApp};

/// One answer: status, headers and body.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    /// Where a redirect points.
    pub fn location(&self) -> Option<&str> {
        self.headers.get(LOCATION).and_then(|v| v.to_str().ok())
    }

    /// The value of header `name`, empty when it is missing or not text.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// The CSRF token of the (first) form on the page.
    pub fn csrf(&self) -> String {
        extract_attr(&self.body, r#"name="_csrf" value=""#).expect("page has a CSRF field")
    }

    /// Every `Set-Cookie` header.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect()
    }

    /// Asserts the body contains `text`.
    #[track_caller]
    pub fn assert_contains(&self, text: &str) -> &Self {
        assert!(
            self.body.contains(text),
            "expected {text:?} in the page ({}):\n{}",
            self.status,
            self.body
        );
        self
    }
}

/// The `(name, value)` of every hidden input of a page.
pub fn hidden_inputs(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in html.match_indices("<input type=\"hidden\"") {
        let tag_end = html[at..].find('>').map_or(html.len(), |e| at + e);
        let tag = &html[at..tag_end];
        if let (Some(name), Some(value)) =
            (extract_attr(tag, "name=\""), extract_attr(tag, "value=\""))
        {
            out.push((
                name,
                value
                    .replace("&amp;", "&")
                    .replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">"),
            ));
        }
    }
    out
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// What a browser would send for the visible fields of the ticket form as shown: text and date
/// inputs, the selected option of each list, and text areas (inside the form, or naming it with
/// `form="ticket-form"`).
pub fn ticket_form_values(html: &str) -> Vec<(String, String)> {
    let start = html
        .find("id=\"ticket-form\"")
        .expect("page has the ticket form");
    let end = html[start..]
        .find("</form>")
        .map_or(html.len(), |e| start + e);
    let inside = start..end;
    let form = html;
    let mut out = Vec::new();
    let mut rest = form;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        let at_index = html.len() - rest.len();
        let belongs = inside.contains(&at_index) || tag.contains("form=\"ticket-form\"");
        let name = extract_attr(tag, "name=\"").filter(|_| belongs);
        if let Some(name) = name
            .filter(|n| !n.starts_with("orig.") && n != "version" && n != "pending" && n != "reply")
        {
            if tag.starts_with("<input")
                && !tag.contains("type=\"hidden\"")
                && !tag.contains("type=\"file\"")
                && !tag.contains("type=\"checkbox\"")
            {
                out.push((
                    name,
                    unescape(&extract_attr(tag, "value=\"").unwrap_or_default()),
                ));
            } else if tag.starts_with("<textarea") {
                let body = &rest[tag_end + 1..];
                let close = body.find("</textarea>").unwrap_or(0);
                out.push((name, unescape(&body[..close])));
            } else if tag.starts_with("<select") {
                let body = &rest[tag_end..];
                let close = body.find("</select>").unwrap_or(body.len());
                let options = &body[..close];
                let chosen = options
                    .split("<option ")
                    .find(|o| o.contains(" selected"))
                    .or_else(|| options.split("<option ").nth(1))
                    .and_then(|o| extract_attr(o, "value=\""));
                out.push((name, unescape(&chosen.unwrap_or_default())));
            }
        }
        rest = &rest[1..];
    }
    out
}

/// The value after `prefix` up to the next double quote.
pub fn extract_attr(html: &str, prefix: &str) -> Option<String> {
    let start = html.find(prefix)? + prefix.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

/// A browser-like client. Redirects are not followed automatically, so that tests can check
/// them; [`Client::follow`] follows them.
#[derive(Clone)]
pub struct Client {
    base: String,
    http: reqwest::Client,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
}

impl Client {
    /// A client for the server at `base` asking for pages in `lang`.
    pub fn new(base: &str, lang: &str) -> Self {
        let mut headers = HeaderMap::new();
        headers.insert(
            reqwest::header::ACCEPT_LANGUAGE,
            lang.parse().expect("header value"),
        );
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let http = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .expect("client");
        Client {
            base: base.to_owned(),
            http,
            jar,
        }
    }

    /// The `Cookie` header this client sends to `base` (for requests written by hand).
    pub fn cookie_header(&self, base: &str) -> String {
        use reqwest::cookie::CookieStore;
        let url: reqwest::Url = base.parse().expect("url");
        self.jar
            .cookies(&url)
            .and_then(|v| v.to_str().ok().map(str::to_owned))
            .unwrap_or_default()
    }

    fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base)
        }
    }

    async fn reply(r: reqwest::Response) -> Reply {
        Reply {
            status: r.status(),
            headers: r.headers().clone(),
            body: r.text().await.expect("body"),
        }
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Reply {
        Self::reply(self.http.get(self.url(path)).send().await.expect("GET")).await
    }

    /// `GET path`, keeping the status and headers only: for streams that never end.
    pub async fn get_head(&self, path: &str) -> Reply {
        let r = self.http.get(self.url(path)).send().await.expect("GET");
        Reply {
            status: r.status(),
            headers: r.headers().clone(),
            body: String::new(),
        }
    }

    /// The open response of `GET path`, to read as it comes (server-sent events).
    pub async fn stream(&self, path: &str) -> reqwest::Response {
        self.http.get(self.url(path)).send().await.expect("GET")
    }

    /// Sends one file as field `field` of a `multipart/form-data` POST to `action`, with the
    /// CSRF token in the address as the upload forms carry it.
    pub async fn post_file(&self, action: &str, field: &str, name: &str, bytes: &[u8]) -> Reply {
        let token = self.get("/profile").await.csrf();
        let part = reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_owned());
        let form = reqwest::multipart::Form::new().part(field.to_owned(), part);
        Self::reply(
            self.http
                .post(self.url(&format!("{action}?_csrf={token}")))
                .multipart(form)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }

    /// Posts a multipart `form` to `url` as it is (its CSRF token in the address).
    pub async fn raw_post_multipart(&self, url: &str, form: reqwest::multipart::Form) -> Reply {
        Self::reply(
            self.http
                .post(self.url(url))
                .multipart(form)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }

    /// `GET path` with extra headers.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut req = self.http.get(self.url(path));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        Self::reply(req.send().await.expect("GET")).await
    }

    /// `POST path` with exactly these fields (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        Self::reply(
            self.http
                .post(self.url(path))
                .form(fields)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }

    /// `POST path` with exactly these fields and extra headers (no CSRF token added).
    pub async fn post_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut req = self.http.post(self.url(path)).form(fields);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        Self::reply(req.send().await.expect("POST")).await
    }

    /// Opens `page`, then submits its form to `action` with `fields` and the page's CSRF token.
    pub async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Reply {
        let form_page = self.get(page).await;
        assert!(
            form_page.status.is_success(),
            "form page {page} answered {}",
            form_page.status
        );
        let token = form_page.csrf();
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("_csrf", &token));
        self.post_raw(action, &all).await
    }

    /// Posts `fields` to `action` asking for JSON, with the CSRF token of page `from`.
    pub async fn submit_json(&self, from: &str, action: &str, fields: &[(&str, &str)]) -> Reply {
        let token = self.get(from).await.csrf();
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("_csrf", &token));
        Self::reply(
            self.http
                .post(self.url(action))
                .header("accept", "application/json")
                .form(&all)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }

    /// Opens `page`, then sends its ticket form (`#ticket-form`, multipart, CSRF token in its
    /// action) with `fields` and `files` (`(name, content)` pairs sent as `attachments`).
    pub async fn send_ticket_form(
        &self,
        page: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> Reply {
        let form_page = self.get(page).await;
        assert!(
            form_page.status.is_success(),
            "{page} answered {}",
            form_page.status
        );
        self.send_ticket_form_from(&form_page, fields, files).await
    }

    /// Opens a ticket through the full new-ticket form with `fields`; returns its number.
    pub async fn open_ticket(&self, fields: &[(&str, &str)]) -> i64 {
        let r = self.send_ticket_form("/tickets/new", fields, &[]).await;
        assert_eq!(r.status, reqwest::StatusCode::SEE_OTHER, "{}", r.body);
        r.location()
            .expect("location")
            .trim_start_matches("/tickets/")
            .parse()
            .expect("number")
    }

    /// Sends the ticket form of an already fetched page.
    pub async fn send_ticket_form_from(
        &self,
        form_page: &Reply,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> Reply {
        self.send_upload_form_from(form_page, "ticket-form", fields, files)
            .await
    }

    /// Sends the file-carrying form `form_id` of an already fetched page, with its hidden
    /// fields, `fields` and `files` (as `attachments`).
    pub async fn send_upload_form_from(
        &self,
        form_page: &Reply,
        form_id: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> Reply {
        let at = form_page
            .body
            .find(&format!("id=\"{form_id}\""))
            .unwrap_or_else(|| panic!("page has the form {form_id}"));
        let action = extract_attr(&form_page.body[at..], "action=\"")
            .expect("form action")
            .replace("&amp;", "&");
        // The hidden fields the form already carries (version, original values, kept uploads).
        let mut form = reqwest::multipart::Form::new();
        let mut sent: Vec<String> = fields.iter().map(|(k, _)| (*k).to_owned()).collect();
        for (name, value) in hidden_inputs(&form_page.body) {
            if !sent.contains(&name) && name != "_csrf" {
                form = form.text(name.clone(), value);
                sent.push(name);
            }
        }
        for (k, v) in fields {
            form = form.text((*k).to_owned(), (*v).to_owned());
        }
        for (name, content) in files {
            let part =
                reqwest::multipart::Part::bytes(content.to_vec()).file_name((*name).to_owned());
            form = form.part("attachments", part);
        }
        Self::reply(
            self.http
                .post(self.url(&action))
                .multipart(form)
                .send()
                .await
                .expect("POST multipart"),
        )
        .await
    }

    /// Follows redirects from `reply` until a page.
    pub async fn follow(&self, mut reply: Reply) -> Reply {
        for _ in 0..10 {
            if !reply.status.is_redirection() {
                return reply;
            }
            let to = reply
                .location()
                .expect("redirect has a location")
                .to_owned();
            reply = self.get(&to).await;
        }
        panic!("too many redirects");
    }

    /// Logs in through the login page; returns the answer to the form.
    pub async fn login(&self, login: &str, password: &str) -> Reply {
        self.submit(
            "/login",
            "/login",
            &[("login", login), ("password", password)],
        )
        .await
    }

    /// Goes through the first-run set-up as the administrator; ends logged in.
    pub async fn create_first_admin(&self, app: &TestApp) {
        let setup = app.app.setup_path().expect("set-up pending");
        let reply = self
            .submit(
                &setup,
                &setup,
                &[
                    ("login", ADMIN_LOGIN),
                    ("firstname", "Ada"),
                    ("lastname", "Admin"),
                    ("mail", "ada@example.test"),
                    ("password", ADMIN_PASSWORD),
                    ("password_confirm", ADMIN_PASSWORD),
                    ("language", "en"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    }
}
