//! Static files (CSS, scripts, icons) embedded in the binary, served under content-hashed URLs
//! with long-lived cache headers.
//!
//! `ui/` holds the style sheets and scripts; `assets/icons/` the icons, served under `icons/`,
//! beside the line icons' sprite, made from [`icons`].
//! Pages link to [`url`], which puts the first 12 hex digits of the file's SHA-256 in the path,
//! so a changed file gets a new URL and browsers may cache each URL for a year.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rust_embed::{EmbeddedFile, RustEmbed};
use sha2::{Digest, Sha256};

use crate::web::ui::icons;

#[derive(RustEmbed)]
#[folder = "ui/"]
struct Ui;

#[derive(RustEmbed)]
#[folder = "assets/icons/"]
struct Icons;

const ICONS_PREFIX: &str = "icons/";

fn file(path: &str) -> Option<EmbeddedFile> {
    match path.strip_prefix(ICONS_PREFIX) {
        Some(icon) => Icons::get(icon),
        None => Ui::get(path),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hash_of(f: &EmbeddedFile) -> String {
    hex(&f.metadata.sha256_hash()[..6])
}

fn hashes() -> &'static HashMap<String, String> {
    static HASHES: OnceLock<HashMap<String, String>> = OnceLock::new();
    HASHES.get_or_init(|| {
        let ui = Ui::iter().map(|p| p.to_string());
        let icons = Icons::iter().map(|p| format!("{ICONS_PREFIX}{p}"));
        let mut hashes: HashMap<String, String> = ui
            .chain(icons)
            .filter_map(|p| file(&p).map(|f| (p, hash_of(&f))))
            .collect();
        let sprite = Sha256::digest(icons::sprite().as_bytes());
        hashes.insert(icons::SPRITE.to_owned(), hex(&sprite[..6]));
        hashes
    })
}

/// The URL of embedded file `path` (e.g. `app.css`, `icons/gestdesk.svg`).
pub fn url(path: &str) -> String {
    let hash = hashes().get(path).map_or("0", String::as_str);
    format!("/static/{hash}/{path}")
}

/// The text of embedded file `path` (a page that cannot link to it, such as the start-up
/// failure page, inlines it).
pub fn text(path: &str) -> Option<String> {
    file(path).map(|f| String::from_utf8_lossy(&f.data).into_owned())
}

/// The handler.
pub async fn serve(Path((hash, path)): Path<(String, String)>) -> Response {
    let (data, mime) = if path == icons::SPRITE {
        (
            Bytes::from_static(icons::sprite().as_bytes()),
            "image/svg+xml".to_owned(),
        )
    } else if let Some(f) = file(&path) {
        (
            Bytes::from(f.data.into_owned()),
            f.metadata.mimetype().to_owned(),
        )
    } else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let current = hashes().get(&path).is_some_and(|h| *h == hash);
    let cache = if current {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = data.into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&mime) {
        headers.insert(CONTENT_TYPE, v);
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}
