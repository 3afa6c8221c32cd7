//! `GET /live`: the server-sent events that keep lists, counters and the user bar current. A
//! browser gets `hello` (with the current change number) on connecting, `tickets` when tickets
//! changed, and `ticket` for each new ticket it may see (with whether to ring). Browsers
//! reconnect on their own when the connection drops; the stream ends when the server stops.
//!
//! A stream lives as long as the session that opened it: it checks the session every
//! [`SESSION_CHECK`] (and at once when this server ends sessions), and when it is over (logout,
//! password change, account disabled, profile changed, idle expiry) sends `ended` and closes.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use tokio::sync::broadcast::error::RecvError;

use crate::db::Db;
use crate::domain::sessions;
use crate::domain::settings;
use crate::domain::worklist::reader::Reader;
use crate::domain::worklist::use_cases;
use crate::live::{Change, Hub};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::state::AppState;

/// How often a stream checks that its session is still open.
pub const SESSION_CHECK: Duration = Duration::from_secs(5);

/// The session a stream belongs to.
#[derive(Clone)]
struct Owner {
    token_hash: String,
    user: crate::domain::ids::UserId,
    profile: crate::domain::profiles::Profile,
    lifetime: sessions::Lifetime,
}

impl Owner {
    async fn still_open(&self, db: &Db) -> bool {
        let o = self.clone();
        sessions::is_open(db, o.token_hash, o.user, o.profile, o.lifetime).await
    }
}

/// What one stream carries along.
struct Listener {
    rx: tokio::sync::broadcast::Receiver<Change>,
    hub: Hub,
    db: Db,
    owner: Owner,
    check: tokio::time::Interval,
    /// Set once the session is found over: the `ended` event has been sent.
    ended: bool,
    reader: std::sync::Arc<Reader>,
    /// Technicians hear new tickets sent by requesters, and tickets nobody has, when the
    /// setting is on.
    ring: bool,
}

/// The event for a change, if this listener should get one.
async fn event_for(l: &Listener, change: Change) -> Option<Event> {
    match change {
        Change::Sessions => None,
        Change::Tickets { generation } => Some(
            Event::default()
                .event("tickets")
                .data(generation.to_string()),
        ),
        Change::NewTicket {
            id,
            by_requester,
            unassigned,
        } => {
            let reader = l.reader.clone();
            let seen = use_cases::sees(&l.db, reader, id).await.unwrap_or(false);
            seen.then(|| {
                let data = serde_json::json!({
                    "id": id,
                    "byRequester": by_requester,
                    "unassigned": unassigned,
                    "ring": l.ring && (by_requester || unassigned),
                });
                Event::default().event("ticket").data(data.to_string())
            })
        }
    }
}

fn events(l: Listener, first: Event) -> impl Stream<Item = Result<Event, Infallible>> {
    let start = stream::once(async move { Ok::<_, Infallible>(first) });
    let rest = stream::unfold(l, |mut l| async move {
        if l.ended {
            return None;
        }
        loop {
            let hub = l.hub.clone();
            let next = tokio::select! {
                () = hub.closed() => return None,
                _ = l.check.tick() => Ok(Change::Sessions),
                r = l.rx.recv() => r,
            };
            if matches!(next, Ok(Change::Sessions)) && !l.owner.still_open(&l.db).await {
                l.ended = true;
                return Some((Ok(Event::default().event("ended").data("session")), l));
            }
            match next {
                Ok(change) => {
                    if let Some(e) = event_for(&l, change).await {
                        return Some((Ok(e), l));
                    }
                }
                // Too slow to keep up: a plain "tickets changed" makes the page catch up.
                Err(RecvError::Lagged(_)) => {
                    return Some((Ok(Event::default().event("tickets").data("lagged")), l));
                }
                Err(RecvError::Closed) => return None,
            }
        }
    });
    futures_util::StreamExt::chain(start, rest)
}

/// `GET /live`.
pub async fn stream(
    State(state): State<AppState>,
    authed: Authed,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, WebError> {
    let reader = authed.visitor.reader.clone().ok_or(WebError::Forbidden)?;
    let owner = Owner {
        token_hash: authed.session.token_hash.clone(),
        user: authed.session.actor.user.id,
        profile: authed.session.actor.user.profile,
        lifetime: sessions::Lifetime::from_settings(&authed.visitor.settings),
    };
    let mut check = tokio::time::interval(SESSION_CHECK);
    check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // The first tick is immediate: the session was just checked by this request.
    check.reset();
    let generation = use_cases::generation(state.db()).await?;
    let listener = Listener {
        rx: state.hub().subscribe(),
        hub: state.hub().clone(),
        db: state.db().clone(),
        owner,
        check,
        ended: false,
        ring: reader.technician && reader.settings.flag(settings::NOTIFY),
        reader,
    };
    let hello = Event::default()
        .event("hello")
        .data(generation.to_string())
        .retry(Duration::from_secs(3));
    Ok(Sse::new(events(listener, hello))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(20))))
}
