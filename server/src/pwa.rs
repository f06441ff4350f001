//! The service worker script, stamped with this build's asset hashes so that each release is a new
//! worker (which the page then offers as "Update available — reload").

use app::infra::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// Demo mode only: "releases" simulated since start (see `simulate_release`).
static SIMULATED_RELEASES: AtomicU64 = AtomicU64::new(0);

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

/// This build's id, plus the simulated release count when one was simulated.
fn current_build() -> String {
    match SIMULATED_RELEASES.load(Ordering::Relaxed) {
        0 => build_id().to_string(),
        n => format!("{}-r{n}", build_id()),
    }
}

/// `POST /dev/new-release` (demo mode only, like the dev mailbox): makes the service worker
/// script differ from the installed one, as a redeploy would, so the "Update available — Reload"
/// flow can be seen and tested without a second build.
pub async fn simulate_release(State(state): State<AppState>) -> StatusCode {
    if !state.config.is_demo() {
        return StatusCode::NOT_FOUND;
    }
    SIMULATED_RELEASES.fetch_add(1, Ordering::Relaxed);
    StatusCode::NO_CONTENT
}

pub async fn service_worker() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            // The worker fetches same-origin files only.
            (header::CONTENT_SECURITY_POLICY, "default-src 'self'"),
        ],
        TEMPLATE.replace("__BUILD__", &current_build()),
    )
}
