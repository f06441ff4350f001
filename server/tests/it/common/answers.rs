//! Reading an answer: its body as text, a typed error, a JSON step, a redirect, a cookie, a link's token.

use app::error::AppError;
use reqwest::header::{HeaderMap, SET_COOKIE};

pub fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// Sends a request and returns its body as text (whatever the status).
pub async fn text_of(request: reqwest::RequestBuilder) -> String {
    request.send().await.unwrap().text().await.unwrap()
}

pub fn token_from(link: &str) -> String {
    link.split("token=").nth(1).unwrap().to_string()
}

pub async fn error_of(r: reqwest::Response) -> AppError {
    let text = r.text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not an AppError ({e}): {text}"))
}

/// The session cookie's value from a Set-Cookie header, with its attribute string.
pub fn session_cookie(headers: &HeaderMap) -> Option<(String, String)> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            let rest = v.strip_prefix("portal_session=")?;
            let (value, attrs) = rest.split_once(';').unwrap_or((rest, ""));
            Some((value.to_string(), attrs.to_string()))
        })
}

/// The JSON body of a 200 answer (e.g. a sign-in step).
pub async fn step_of(r: reqwest::Response) -> serde_json::Value {
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}
