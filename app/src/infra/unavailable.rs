//! The answer while the database cannot be reached (an outage): 503 with Retry-After, a typed
//! `AppError::Unavailable` for the app's own calls, and for a page a plain one in the reader's
//! language saying so — never "your session has ended", which would be false and would send a
//! signed-in customer to sign in again for nothing.

use crate::error::{asks_for_a_page, AppError};
use crate::i18n::t;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Seconds a browser or client is told to wait before trying again.
pub const RETRY_AFTER_SECS: u64 = 30;

pub fn response(headers: &HeaderMap) -> Response {
    let l = crate::i18n::locale_of(headers);
    let (content_type, body) = if asks_for_a_page(headers) {
        let page = format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title}</title></head><body><main><h1>{title}</h1><p>{text}</p>\
             <p><a href=\"\">{retry}</a></p></main></body></html>",
            lang = l.code(),
            title = t(l, "error-unavailable-title"),
            text = t(l, "error-unavailable"),
            retry = t(l, "error-unavailable-retry"),
        );
        ("text/html; charset=utf-8", page)
    } else {
        let json = serde_json::to_string(&AppError::Unavailable).unwrap_or_default();
        ("application/json", json)
    };
    let mut r = (StatusCode::SERVICE_UNAVAILABLE, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
    r
}
