//! Reading and setting cookies from inside a server function.

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

/// The device cookie (remembered, authorised browser), if any.
pub async fn device_token(config: &super::Config) -> Option<String> {
    read(crate::auth::device::cookie_name(config)).await
}
