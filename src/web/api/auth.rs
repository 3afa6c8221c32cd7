//! Who calls the API: the `Authorization: Bearer <token>` of each request, checked against the
//! tokens administrators made (never the browser's session cookie, so that a page elsewhere
//! cannot make a logged-in browser call the API). Then the token's pace, its read-only scope,
//! and the call log.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header::{AUTHORIZATION, HeaderValue, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::domain::api::{self, Call, Caller};
use crate::domain::{clock, settings};
use crate::i18n::{Lang, msg};
use crate::web::error::WebError;
use crate::web::state::AppState;

use super::problem::{ApiLang, Problem};

/// The secret after `Bearer ` (the scheme in any case, as RFC 9110 allows).
fn bearer(req: &Request) -> Option<String> {
    let value = req.headers().get(AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, secret) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| secret.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// `401` with the challenge.
fn unauthorized(lang: Lang) -> Response {
    let mut response = Problem::new(
        StatusCode::UNAUTHORIZED,
        &msg("api-unauthorized-title"),
        msg("api-unauthorized-text").render(lang),
        lang,
    )
    .response();
    response.headers_mut().insert(
        WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"gestdesk\""),
    );
    response
}

/// The language of an answer to a caller not known yet: the one their client asks for, else
/// English (the language of integrations).
fn asked_lang(req: &Request) -> Lang {
    req.headers()
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
        .unwrap_or(Lang::En)
}

/// The middleware of every API route: the caller, their pace and scope, then the handler, and
/// the call written to the log.
pub async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let now = clock::now();
    let Some(secret) = bearer(&req) else {
        return unauthorized(asked_lang(&req));
    };
    let caller = match api::authenticate(state.db(), secret, now).await {
        Ok(Ok(caller)) => caller,
        Ok(Err(refusal)) => {
            tracing::info!(?refusal, path = %req.uri().path(), "API token refused");
            return unauthorized(asked_lang(&req));
        }
        Err(e) => return WebError::from(e).into_response(),
    };
    let lang = lang_of(&caller.actor);
    let call = Call {
        token: caller.token,
        user: caller.actor.id(),
        at: now,
        method: req.method().to_string(),
        route: req
            .extensions()
            .get::<MatchedPath>()
            .map_or_else(|| req.uri().path().to_owned(), |p| p.as_str().to_owned()),
        status: 0,
        ms: 0,
        kept_days: caller.actor.settings.number(settings::API_LOG_DAYS),
    };
    let pace = u32::try_from(caller.actor.settings.number(settings::API_CALLS_PER_MINUTE))
        .unwrap_or(u32::MAX);
    if let Err(wait) = state.api_limiter().admit(caller.token, now, pace) {
        let mut response = Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            &msg("api-too-many-title"),
            msg("api-too-many-text").arg("seconds", wait).render(lang),
            lang,
        )
        .response();
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(wait));
        return finish(&state, call, response, started, lang);
    }
    if caller.read_only && !matches!(*req.method(), Method::GET | Method::HEAD) {
        let response = Problem::new(
            StatusCode::FORBIDDEN,
            &msg("error-forbidden-title"),
            msg("api-read-only-text").render(lang),
            lang,
        )
        .response();
        return finish(&state, call, response, started, lang);
    }
    req.extensions_mut().insert(Arc::new(caller));
    let response = next.run(req).await;
    finish(&state, call, response, started, lang)
}

/// Writes `call` with the status of `response` to the log (without making the caller wait for
/// it), and tags the response with the caller's language for the problem documents.
fn finish(
    state: &AppState,
    mut call: Call,
    mut response: Response,
    started: Instant,
    lang: Lang,
) -> Response {
    call.status = response.status().as_u16();
    call.ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    let db = state.db().clone();
    tokio::spawn(async move {
        if let Err(e) = api::record_call(&db, call).await {
            tracing::warn!("could not log an API call: {e}");
        }
    });
    response.extensions_mut().insert(ApiLang(lang));
    response
}

/// The language `actor` reads: their own, else the server's default.
pub fn lang_of(actor: &crate::domain::Actor) -> Lang {
    actor
        .user
        .language
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_else(|| actor.settings.default_lang())
}

/// The caller of a request that passed [`authenticate`].
pub fn caller(req: &Request) -> Option<Arc<Caller>> {
    req.extensions().get::<Arc<Caller>>().cloned()
}
