//! Security middleware: response headers on every response (CSP, nosniff, referrer policy, framing,
//! HSTS on https, caching rules) and the cross-site request check for state-changing requests.

use app::error::AppError;
use app::infra::AppState;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// CSP for responses that are not pages (API answers, files, errors): nothing may run.
const STRICT_CSP: &str =
    "default-src 'none'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

pub async fn headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    let status = res.status();
    let h = res.headers_mut();
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(STRICT_CSP));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(self)"),
    );
    if state.config.is_https() {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    // A handler's own "private, no-store" (a download) stays; anything else gets the policy.
    if !h
        .get(header::CACHE_CONTROL)
        .is_some_and(|v| v.as_bytes().ends_with(b"no-store"))
    {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(cache_policy(&path, status)),
        );
    }
    res
}

/// Hashed build output is immutable; other static files may be cached briefly; everything else
/// (pages, API answers) is never stored, since it may be personal.
pub fn cache_policy(path: &str, status: StatusCode) -> &'static str {
    if !status.is_success() {
        return "no-store";
    }
    if let Some(file) = path.strip_prefix("/pkg/") {
        // portal.<hash>.js / .wasm / .css
        let hashed = file.split('.').count() >= 3;
        return if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
    }
    let is_asset = [".svg", ".png", ".ico", ".webmanifest", ".txt"]
        .iter()
        .any(|ext| path.ends_with(ext));
    if is_asset {
        "public, max-age=3600"
    } else {
        "no-store"
    }
}

/// Rejects cross-site state-changing requests: a browser marks them with `Sec-Fetch-Site` and
/// `Origin`, and both must say the request came from this site.
pub async fn csrf(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let cross_site = matches!(fetch_site, Some(s) if s != "same-origin" && s != "none");
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let bad_origin = origin.is_some_and(|o| !origin_allowed(o, host, &state.config.public_url));
    if cross_site || bad_origin {
        tracing::warn!(path = %req.uri().path(), ?origin, ?fetch_site, "cross-site request rejected");
        let body = serde_json::to_string(&AppError::Forbidden).unwrap_or_default();
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
    }
    next.run(req).await
}

fn origin_allowed(origin: &str, host: &str, public_url: &str) -> bool {
    if origin == public_url {
        return true;
    }
    let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
    !host.is_empty() && origin_host == host
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_rules() {
        assert_eq!(
            cache_policy("/pkg/portal.abc123.wasm", StatusCode::OK),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(cache_policy("/pkg/portal.wasm", StatusCode::OK), "no-cache");
        assert_eq!(cache_policy("/dashboard", StatusCode::OK), "no-store");
        assert_eq!(cache_policy("/api/login", StatusCode::OK), "no-store");
        assert_eq!(
            cache_policy("/favicon.svg", StatusCode::OK),
            "public, max-age=3600"
        );
        assert_eq!(
            cache_policy("/pkg/portal.abc.js", StatusCode::NOT_FOUND),
            "no-store"
        );
    }

    #[test]
    fn origins() {
        assert!(origin_allowed(
            "http://127.0.0.1:3000",
            "127.0.0.1:3000",
            "http://x"
        ));
        assert!(origin_allowed(
            "https://portal.example.com",
            "internal:8080",
            "https://portal.example.com"
        ));
        assert!(!origin_allowed(
            "https://evil.example",
            "127.0.0.1:3000",
            "http://127.0.0.1:3000"
        ));
        assert!(!origin_allowed(
            "null",
            "127.0.0.1:3000",
            "http://127.0.0.1:3000"
        ));
    }
}
