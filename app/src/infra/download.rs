//! File downloads (CSV, PDF) are plain axum handlers rather than server functions, so a link can
//! fetch them. They get the same rules: a fully signed-in session (a sign-in still owing its second
//! step does not count), queries filtered by the customer, typed JSON errors, and nothing cached.

use super::session::SessionSlot;
use crate::error::AppError;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// The signed-in customer's id (`Unauthorized` without a complete sign-in).
pub fn customer(slot: &SessionSlot) -> Result<i64, AppError> {
    slot.session
        .as_ref()
        .filter(|s| s.is_full())
        .map(|s| s.customer_id)
        .ok_or(AppError::Unauthorized)
}

/// An error as the same JSON the server functions answer with (a service failure is logged and
/// answered as `Internal`, as at every edge).
pub fn error(e: impl Into<AppError>) -> Response {
    let e: AppError = e.into();
    let body = serde_json::to_string(&e).unwrap_or_default();
    (
        e.status(),
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

/// A file to save: private, never stored by a cache (the service worker skips it too).
pub fn attachment(content_type: &str, filename: &str, body: Vec<u8>) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

/// A saved download link opened in a browser gets pages, not JSON: signed out, the sign-in page
/// (which comes back to the file); not this login's, or gone, the documents page, saying so. API
/// clients (no `text/html` in Accept) keep the typed JSON errors.
pub async fn for_browsers(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    to_pages("/documents?missing=1", req, next).await
}

/// `for_browsers` for a message's file: one that is gone (deleted with its message) or not this
/// login's sends the browser to the Message Center, saying so.
pub async fn message_files_for_browsers(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    to_pages("/messages?missing=1", req, next).await
}

async fn to_pages(
    missing: &str,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let wants_page = crate::error::asks_for_a_page(req.headers());
    let target = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    let res = next.run(req).await;
    if !wants_page {
        return res;
    }
    let to = match res.status() {
        StatusCode::UNAUTHORIZED => format!(
            "/login?reason=signin&next={}",
            crate::domain::paths::encode_query_value(&target)
        ),
        StatusCode::NOT_FOUND => missing.to_string(),
        _ => return res,
    };
    axum::response::Redirect::to(&to).into_response()
}
