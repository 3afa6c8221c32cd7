//! Extractors: the visitor of any page, and the logged-in user of pages that need one.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use super::error::WebError;
use super::paths;
use super::visitor::{SessionUser, Visitor};

/// Whoever asks (logged in or not).
pub struct Page(pub Arc<Visitor>);

impl<S: Send + Sync> FromRequestParts<S> for Page {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Arc<Visitor>>()
            .cloned()
            .map(Page)
            .ok_or_else(|| WebError::internal("visitor middleware missing"))
    }
}

/// A logged-in user; anyone else is sent to the login page and brought back afterwards.
pub struct Authed {
    pub visitor: Arc<Visitor>,
    pub session: Arc<SessionUser>,
}

impl<S: Send + Sync> FromRequestParts<S> for Authed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Page(visitor) = Page::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match visitor.session.clone() {
            Some(session) => Ok(Authed { visitor, session }),
            None => Err(login_redirect(&visitor.path)),
        }
    }
}

impl Authed {
    /// Who acts, for the domain's use cases.
    pub fn actor(&self) -> &crate::domain::Actor {
        &self.session.actor
    }
}

/// A redirect to the login page that comes back to `next` afterwards.
pub fn login_redirect(next: &str) -> Response {
    if next == paths::HOME || !paths::is_local_path(next) {
        return Redirect::to(paths::LOGIN).into_response();
    }
    let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
    Redirect::to(&format!("{}?{query}", paths::LOGIN)).into_response()
}

/// A urlencoded form; an unreadable body gets the "bad request" page instead of a bare error.
pub struct FormData<T>(pub T);

impl<S, T> axum::extract::FromRequest<S> for FormData<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned,
{
    type Rejection = WebError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        axum::Form::<T>::from_request(req, state)
            .await
            .map(|axum::Form(v)| FormData(v))
            .map_err(|e| {
                tracing::info!("unreadable form: {e}");
                WebError::BadRequest
            })
    }
}

/// A urlencoded form as its `(name, value)` pairs, in order (repeated names kept, as sent by
/// multiple choice lists).
pub struct FormPairs(pub Vec<(String, String)>);

impl<S: Send + Sync> axum::extract::FromRequest<S> for FormPairs {
    type Rejection = WebError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| WebError::BadRequest)?;
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .map(|pairs| {
                FormPairs(
                    pairs
                        .into_iter()
                        .filter(|(k, _)| k != super::csrf::FIELD)
                        .collect(),
                )
            })
            .map_err(|_| WebError::BadRequest)
    }
}

impl FormPairs {
    /// The first value of `name`, or empty.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value of `name`, in order (checkboxes and multiple choices).
    pub fn get_all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Whether the form carried a field `name` (even empty).
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }

    /// The fields as a map (first value of each name).
    pub fn to_map(&self) -> std::collections::HashMap<String, String> {
        let mut map = std::collections::HashMap::new();
        for (k, v) in &self.0 {
            map.entry(k.clone()).or_insert_with(|| v.clone());
        }
        map
    }
}
