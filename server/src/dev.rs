//! Demo-mode tools: `/dev/mailbox` (a page), `POST /dev/new-release` (see `pwa`), `/dev/clock`
//! (read and move the pinned demo clock) and `POST /dev/run-jobs` (one payments pass now, so the
//! end-to-end suite sees what a moved clock posts without waiting for the next tick). In
//! production none of them exists: `production_has_no_dev` answers 404 for `/dev/*` and the
//! dev-mailbox server function before any handler runs.

use app::infra::AppState;
use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// 404 for every demo-only path unless the server runs in demo mode.
pub async fn production_has_no_dev(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    let dev_only = path.starts_with("/dev/") || path == "/dev" || path == "/api/dev_mailbox";
    if dev_only && !state.config.is_demo() {
        return StatusCode::NOT_FOUND.into_response();
    }
    next.run(req).await
}

#[derive(serde::Serialize)]
pub struct ClockReading {
    /// Unix seconds.
    pub unix: i64,
    /// The date the portal takes as today (UTC), `YYYY-MM-DD`.
    pub date: String,
}

fn reading(state: &AppState) -> ClockReading {
    let now = state.clock.now();
    ClockReading {
        unix: now.unix_timestamp(),
        date: now.date().to_string(),
    }
}

/// `GET /dev/clock`: what the portal takes as now (the end-to-end suite computes authenticator
/// codes from it).
pub async fn clock_now(State(state): State<AppState>) -> Json<ClockReading> {
    Json(reading(&state))
}

#[derive(serde::Deserialize)]
pub struct Advance {
    #[serde(default)]
    pub days: i64,
    #[serde(default)]
    pub seconds: i64,
}

/// `POST /dev/clock?days=N&seconds=N`: moves the demo clock forward (never back: the ledger and
/// the audit trail assume time only grows). 409 when the clock cannot move (no `PORTAL_CLOCK`).
pub async fn clock_advance(State(state): State<AppState>, Query(by): Query<Advance>) -> Response {
    if by.days < 0 || by.seconds < 0 || by.days > 3_660 {
        return (
            StatusCode::BAD_REQUEST,
            "days and seconds must be 0 or more",
        )
            .into_response();
    }
    let d = time::Duration::days(by.days) + time::Duration::seconds(by.seconds);
    if !state.clock.advance(d) {
        return (
            StatusCode::CONFLICT,
            "this clock is the system clock; start with PORTAL_CLOCK to move it",
        )
            .into_response();
    }
    tracing::info!(days = by.days, seconds = by.seconds, "demo clock moved");
    Json(reading(&state)).into_response()
}

/// `POST /dev/run-jobs`: one pass of the payment jobs now (`jobs::run_payments`: autopay drafts,
/// submissions, settlements, reminders), as the background loop would run at its next tick. Safe
/// beside that loop: each payment is claimed on its own row, so overlapping passes do nothing twice.
pub async fn run_jobs(State(state): State<AppState>) -> Response {
    match crate::jobs::run_payments(&state).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "payments pass asked through /dev/run-jobs failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
