//! The service worker script, stamped with this build's asset hashes so that each release is a new
//! worker (which the page then offers as "Update available — reload").

use axum::http::header;
use axum::response::IntoResponse;
use std::sync::OnceLock;

const TEMPLATE: &str = include_str!("../../public/sw.js");

fn build_id() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        let hashes = std::env::current_exe()
            .ok()
            .and_then(|exe| std::fs::read_to_string(exe.with_file_name("hash.txt")).ok())
            .unwrap_or_default();
        let compact: String = hashes
            .lines()
            .filter_map(|l| {
                l.split_once(':')
                    .map(|(_, h)| h.trim().chars().take(8).collect::<String>())
            })
            .collect::<Vec<_>>()
            .join("-");
        if compact.is_empty() {
            env!("CARGO_PKG_VERSION").to_string()
        } else {
            compact
        }
    })
}

pub async fn service_worker() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            // The worker fetches same-origin files only.
            (header::CONTENT_SECURITY_POLICY, "default-src 'self'"),
        ],
        TEMPLATE.replace("__BUILD__", build_id()),
    )
}
