//! Who is asking: the first middleware of every page request.
//!
//! It reads the session cookie, loads the user and the rights of their profile, the settings,
//! the language (user's choice, else the login page's choice, else the browser's, else the
//! server's default language)
//! and the CSRF token, and hands them to the rest of the request as a [`Visitor`].

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::domain::Actor;
use crate::domain::sessions::visit::{self, Session};
use crate::domain::settings::Settings;
use crate::domain::users::{User, preferences};
use crate::domain::worklist::counters::Summary;
use crate::domain::worklist::reader::Reader;
use crate::domain::{clock, token};
use crate::i18n::Lang;

use super::cookies::{self, Lifetime};
use super::error::WebError;
use super::flash::Flash;
use super::frame_cache;
use super::state::AppState;

/// The logged-in user of a request.
#[derive(Debug, Clone)]
pub struct SessionUser {
    /// Who acts, for every use case of the request.
    pub actor: Actor,
    /// Identifies the session without revealing its cookie.
    pub token_hash: String,
}

/// Everything a page needs to know about whoever is asking.
#[derive(Debug, Clone)]
pub struct Visitor {
    pub lang: Lang,
    /// The token forms must send back.
    pub csrf: String,
    /// Whether `csrf` came with the request (a freshly made token cannot be matched yet).
    pub csrf_known: bool,
    pub ip: String,
    pub user_agent: String,
    /// Whether the request came over HTTPS (through a proxy that says so).
    pub secure: bool,
    pub session: Option<Arc<SessionUser>>,
    pub settings: Arc<Settings>,
    pub flash: Option<Flash>,
    /// Whether the request came from this machine (the admin console).
    pub from_loopback: bool,
    /// The path asked for, with its query.
    pub path: String,
    /// Reminders due for the signed-in technician.
    pub due_reminders: i64,
    /// In how many seconds the next of this technician's reminders falls due, for the page to
    /// show it live.
    pub next_reminder: Option<i64>,
    /// The message the user's company shows its users (Administration > Lists > Companies).
    pub company_message: Option<String>,
    /// Tickets the signed-in user may still open, when a ticket limit applies.
    pub tickets_left: Option<i64>,
    /// Hours of work the signed-in user's company has left, when an hour limit applies.
    pub hours_left: Option<f64>,
    /// Who reads ticket lists (the signed-in user), and their menu and user bar counters.
    pub reader: Option<Arc<Reader>>,
    pub frame: Frame,
    /// The database's ticket change number when the page was made (live updates compare it).
    pub ticket_generation: Option<i64>,
    /// The version of the company logo, when there is one.
    pub logo: Option<u64>,
}

impl Visitor {
    /// The logged-in user, if any.
    pub fn user(&self) -> Option<&User> {
        self.session.as_deref().map(|s| &s.actor.user)
    }

    /// The colour theme of the pages: the user's own, else the one set for everyone.
    pub fn theme(&self) -> &str {
        let own = self
            .user()
            .and_then(|u| u.theme.as_deref())
            .filter(|t| preferences::is_theme(t));
        let global = self.settings.raw(crate::domain::settings::THEME);
        own.unwrap_or(if preferences::is_theme(global) {
            global
        } else {
            "blue"
        })
    }

    /// Whether the logged-in user holds right `name`.
    pub fn has_right(&self, right: crate::domain::rights::Right) -> bool {
        self.session
            .as_deref()
            .is_some_and(|s| s.actor.rights.has(right))
    }

    /// The ticket change number the page was made at, for live updates.
    pub fn generation(&self) -> Option<i64> {
        self.ticket_generation
    }

    /// The company name to show.
    pub fn company_name(&self) -> String {
        let name = self.settings.company_name().trim();
        if name.is_empty() {
            "Gestdesk".to_owned()
        } else {
            name.to_owned()
        }
    }
}

/// The menu and user bar counters of a signed-in reader, read the first time a page shows
/// them: a request answered with a redirect, a file or a fragment never reads them. Clones
/// share what was read.
#[derive(Clone, Default)]
pub struct Frame {
    read: Arc<OnceLock<Option<Arc<Summary>>>>,
    source: Option<FrameSource>,
}

/// Where a [`Frame`] reads its counters from.
#[derive(Clone)]
struct FrameSource {
    state: AppState,
    reader: Arc<Reader>,
    generation: i64,
}

impl std::fmt::Debug for Frame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Frame")
            .field("read", &self.read.get().map(Option::is_some))
            .finish_non_exhaustive()
    }
}

impl Frame {
    /// The counters of `reader` at ticket change number `generation`, when first asked for.
    fn later(state: AppState, reader: Arc<Reader>, generation: i64) -> Frame {
        Frame {
            read: Arc::new(OnceLock::new()),
            source: Some(FrameSource {
                state,
                reader,
                generation,
            }),
        }
    }

    /// The counters; `None` for a visitor who is not signed in, or when they cannot be read
    /// (the page is then shown without them, and the failure logged).
    pub fn get(&self) -> Option<&Summary> {
        self.read
            .get_or_init(|| self.source.as_ref().and_then(FrameSource::read))
            .as_deref()
    }
}

impl FrameSource {
    fn read(&self) -> Option<Arc<Summary>> {
        let key = frame_cache::fingerprint(&self.reader, self.generation);
        if let Some(found) = self.state.frames().get(self.reader.user, key) {
            return Some(found);
        }
        match visit::frame_now(self.state.db(), &self.reader) {
            Ok(summary) => {
                let summary = Arc::new(summary);
                self.state
                    .frames()
                    .put(self.reader.user, key, summary.clone());
                Some(summary)
            }
            Err(e) => {
                tracing::error!("cannot read the menu counters: {e}");
                None
            }
        }
    }
}

impl Visitor {
    /// Has the menu and user bar counters read again when the page shows them, for a page
    /// shown after its request changed tickets (the change number taken when the request came
    /// in is of before).
    pub async fn refresh_frame(&mut self, state: &AppState) -> Result<(), WebError> {
        let Some(reader) = self.reader.clone() else {
            return Ok(());
        };
        let generation = crate::domain::worklist::use_cases::generation(state.db()).await?;
        self.frame = Frame::later(state.clone(), reader, generation);
        self.ticket_generation = Some(generation);
        Ok(())
    }
}

/// Whether the page at `path` shows the user's company message: where users start (the home
/// page, the ticket lists, a new ticket). Other pages do not read it.
pub fn shows_company_message(path: &str) -> bool {
    use super::paths::{HOME, TICKET_NEW, TICKETS};
    matches!(path, HOME | TICKETS | TICKET_NEW)
}

/// The middleware.
pub async fn load(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let headers = req.headers().clone();
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_canonical());
    let now = clock::now();
    let session_cookie = cookies::get(&headers, cookies::SESSION).map(str::to_owned);
    let company_page = shows_company_message(req.uri().path());

    let loaded = visit::visit(state.db(), session_cookie, now, company_page).await;
    let mut loaded = match loaded {
        Ok(l) => l,
        Err(e) => return WebError::from(e).into_response(),
    };
    let (reader, frame, ticket_generation) = match loaded.reader.take() {
        Some((reader, generation)) => {
            let frame = Frame::later(state.clone(), reader.clone(), generation);
            (Some(reader), frame, Some(generation))
        }
        None => (None, Frame::default(), None),
    };

    // Over TLS here, or to a proxy that took TLS for us: cookies are then Secure.
    let secure = super::https::is_secure(&req);
    let mut set_cookies: Vec<String> = Vec::new();
    let mut expired = false;

    let session = match loaded.session {
        Session::Signed(signed) => {
            let visit::Signed {
                actor,
                token_hash,
                csrf,
                needs_touch: _,
            } = *signed;
            Some((Arc::new(SessionUser { actor, token_hash }), csrf))
        }
        Session::Expired => {
            expired = true;
            set_cookies.push(cookies::set(cookies::SESSION, "", Lifetime::Remove, secure));
            None
        }
        Session::None => {
            if cookies::get(&headers, cookies::SESSION).is_some() {
                set_cookies.push(cookies::set(cookies::SESSION, "", Lifetime::Remove, secure));
            }
            None
        }
    };

    let (session, csrf, csrf_known) = match session {
        Some((s, csrf)) => (Some(s), csrf, true),
        None => match cookies::get(&headers, cookies::ANON_CSRF) {
            Some(t) if t.len() == 64 && t.chars().all(|c| c.is_ascii_hexdigit()) => {
                (None, t.to_owned(), true)
            }
            _ => {
                let t = token::random_hex(32);
                set_cookies.push(cookies::set(
                    cookies::ANON_CSRF,
                    &t,
                    Lifetime::Session,
                    secure,
                ));
                (None, t, false)
            }
        },
    };

    let lang = choose_language(
        session.as_deref().map(|s| &s.actor.user),
        &headers,
        &loaded.settings,
    );
    let flash_cookie = cookies::get(&headers, cookies::FLASH);
    let flash = if expired {
        Some(Flash::SessionExpired)
    } else {
        flash_cookie.and_then(Flash::from_code)
    };
    // Behind a reverse proxy every request comes from this machine: the client is the one the
    // proxy names, and nothing forwarded counts as coming from this machine (the set-up link).
    let forwarded = is_forwarded(&headers);
    let behind_proxy = state.app().config().behind_proxy;
    let client = match peer {
        Some(ip) if behind_proxy && ip.is_loopback() => forwarded_client(&headers).or(Some(ip)),
        other => other,
    };
    let from_loopback = !behind_proxy && !forwarded && peer.is_some_and(|ip| ip.is_loopback());
    let visitor = Visitor {
        lang,
        csrf,
        csrf_known,
        ip: client.map(|ip| ip.to_string()).unwrap_or_default(),
        user_agent: headers
            .get(axum::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
        secure,
        session,
        settings: loaded.settings,
        flash,
        from_loopback,
        due_reminders: loaded.due_reminders,
        next_reminder: loaded.next_reminder.map(|at| (at - clock::now()).max(0)),
        company_message: loaded.company_message,
        tickets_left: loaded.tickets_left,
        hours_left: loaded.hours_left,
        reader,
        frame,
        ticket_generation,
        logo: state.logo_version(),
        path: req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".to_owned()),
    };
    req.extensions_mut().insert(Arc::new(visitor));

    let mut response = next.run(req).await;
    // A flash is shown by the first page rendered after it was set; redirects pass it on.
    let redirected = response.status().is_redirection();
    if expired && redirected {
        // Carried to the login page the visitor is being sent to.
        set_cookies.push(cookies::set(
            cookies::FLASH,
            Flash::SessionExpired.code(),
            Lifetime::Seconds(60),
            secure,
        ));
    } else if flash_cookie.is_some() && !redirected {
        set_cookies.push(cookies::set(cookies::FLASH, "", Lifetime::Remove, secure));
    }
    // What the handler set wins: a login answers with a new session cookie, which the removal
    // of the unknown one it came with must not follow.
    let set_by_handler: Vec<String> = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split_once('=').map(|(name, _)| name.trim().to_owned()))
        .collect();
    set_cookies.retain(|c| {
        c.split_once('=')
            .is_none_or(|(name, _)| !set_by_handler.iter().any(|n| n == name))
    });
    append_cookies(response.headers_mut(), &set_cookies);
    response
}

/// Whether a proxy says it forwarded the request (whoever sent it).
fn is_forwarded(headers: &HeaderMap) -> bool {
    [
        "forwarded",
        "x-forwarded-for",
        "x-real-ip",
        "x-forwarded-host",
    ]
    .iter()
    .any(|h| headers.contains_key(*h))
}

/// The client address a proxy on this machine put last in `X-Forwarded-For` (the address it
/// saw; earlier ones were sent by the client and prove nothing).
fn forwarded_client(headers: &HeaderMap) -> Option<std::net::IpAddr> {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .next_back()
        .and_then(|ip| ip.trim().parse::<std::net::IpAddr>().ok())
        .map(|ip| ip.to_canonical())
}

fn choose_language(user: Option<&User>, headers: &HeaderMap, settings: &Settings) -> Lang {
    user.and_then(|u| u.language.as_deref())
        .and_then(Lang::from_code)
        .or_else(|| cookies::get(headers, cookies::LANGUAGE).and_then(Lang::from_code))
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .or_else(|| Lang::from_code(settings.raw(crate::domain::settings::DEFAULT_LANGUAGE)))
        .unwrap_or_default()
}

/// Adds `Set-Cookie` headers.
pub fn append_cookies(headers: &mut HeaderMap, cookies: &[String]) {
    for c in cookies {
        if let Ok(v) = HeaderValue::from_str(c) {
            headers.append(SET_COOKIE, v);
        }
    }
}
