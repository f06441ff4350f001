//! Reading and setting cookies from inside a server function.

use super::Config;
use axum::http::{header, HeaderMap, HeaderValue};

/// The value of cookie `name` on the current request.
pub async fn read(name: &str) -> Option<String> {
    let headers = leptos_axum::extract::<HeaderMap>().await.ok()?;
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| super::session::read_cookie(h, name).map(str::to_owned))
}

/// Adds a Set-Cookie header to the current response.
pub fn set(value: &str) {
    if let (Some(opts), Ok(v)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        opts.append_header(header::SET_COOKIE, v);
    }
}

/// The device cookie (a remembered, authorised browser; `auth/device.rs`), if any.
pub async fn device_token(config: &Config) -> Option<String> {
    read(device_cookie_name(config)).await
}

pub fn device_cookie_name(config: &Config) -> &'static str {
    if config.is_https() {
        "__Host-portal_device"
    } else {
        "portal_device"
    }
}

/// The Set-Cookie value remembering this browser as an authorised device.
pub fn device_cookie(config: &Config, token: &str) -> String {
    let secure = if config.is_https() { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        device_cookie_name(config),
        config.device_remember_secs()
    )
}
