//! Background jobs: mail delivery from the outbox (claimed batches), and leased periodic jobs: the
//! clean-up of expired sessions, the Message Center's 30-day retention, the payments pass, the
//! monthly statements. Every instance runs these loops; the database decides which
//! instance does each piece of work (`app::infra::jobs`), so work runs once across instances.

use app::infra::jobs::{run_if_due, Periodic};
use app::infra::{outbox, session, AppState};

pub const PURGE_SESSIONS: Periodic = Periodic {
    name: "purge_sessions",
    every_secs: 300,
    lease_secs: 120,
};

/// Payments: end autopays that must stop, make the autopay drafts that are due, submit what is
/// due, settle what has reached its posting day, send the payment reminders.
pub const PAYMENTS: Periodic = Periodic {
    name: "payments",
    every_secs: 60,
    lease_secs: 300,
};

/// The Message Center's retention: messages sent more than 30 days ago go (held threads stay).
pub const PURGE_MESSAGES: Periodic = Periodic {
    name: "purge_messages",
    every_secs: 3600,
    lease_secs: 300,
};

/// Monthly statements: the month that ended is issued into the archive for every party, paper copies
/// go to the print-and-mail service, and archive rows a crash left half-written are swept.
pub const STATEMENTS: Periodic = Periodic {
    name: "statements",
    every_secs: 900,
    lease_secs: 600,
};

/// Which background loops an instance runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jobs {
    /// Mail delivery and the periodic passes (what a deployed instance runs).
    All,
    /// Mail delivery only: tests that drive the periodic passes themselves, so a pass never runs
    /// in the middle of what they count.
    MailOnly,
    /// Nothing: tests that drive or crash the workers themselves.
    None,
}

pub fn spawn(state: AppState, which: Jobs) {
    if which == Jobs::None {
        return;
    }
    tokio::spawn(outbox::run_worker(state.clone()));
    if which == Jobs::MailOnly {
        return;
    }
    // The statements run draws PDFs for minutes at the start of a month: its own loop, so the
    // payments pass never waits for it.
    let statements = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            let ran = run_if_due(&statements, STATEMENTS, || run_statements(&statements)).await;
            if let Err(e) = ran {
                tracing::error!(error = %e, "statements lease failed");
            }
        }
    });
    tokio::spawn(async move {
        // Each instance asks every 30 s; the lease lets one of them run it every 5 minutes.
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(30));
        loop {
            tick.tick().await;
            let ran = run_if_due(&state, PURGE_SESSIONS, || async {
                purge_sessions(&state).await.map(|_| ())
            })
            .await;
            if let Err(e) = ran {
                tracing::error!(error = %e, "session purge lease failed");
            }
            let ran = run_if_due(&state, PURGE_MESSAGES, || async {
                app::messages::service::purge_expired(&state)
                    .await
                    .map(|n| {
                        if n > 0 {
                            tracing::info!(messages = n, "expired messages deleted");
                        }
                    })
            })
            .await;
            if let Err(e) = ran {
                tracing::error!(error = %e, "message purge lease failed");
            }
            let ran = run_if_due(&state, PAYMENTS, || run_payments(&state)).await;
            if let Err(e) = ran {
                tracing::error!(error = %e, "payments lease failed");
            }
        }
    });
}

/// Deletes sessions past their idle or absolute timeout.
pub async fn purge_sessions(state: &AppState) -> Result<u64, sqlx::Error> {
    let now = state.clock.unix();
    let r = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .bind(now - session::IDLE_TIMEOUT_SECS)
        .bind(now - session::ABSOLUTE_TIMEOUT_SECS)
        .execute(&state.db.pool)
        .await?;
    Ok(r.rows_affected())
}

/// One pass of the payment jobs: batch after batch until nothing is due (or two thirds of the
/// lease are used; the next pass goes on). Each payment is also claimed on its own row, so a pass
/// that overlaps another instance's does no work twice, and a batch left by a crashed instance is
/// taken over when its claims expire.
pub async fn run_payments(state: &AppState) -> Result<(), app::error::ServiceError> {
    use app::payments::{autopay_jobs, late_returns, reminders, settle, submit};
    let started = std::time::Instant::now();
    let budget = std::time::Duration::from_secs(PAYMENTS.lease_secs as u64 * 2 / 3);
    let mut stopped = autopay_jobs::stop_finished(state).await?;
    let (mut drafted, mut submitted, mut settled, mut finalised) = (0, 0, 0, 0);
    loop {
        let d = autopay_jobs::draft_due(state).await?;
        let (s, p, f) = (
            submit::submit_due(state).await?,
            settle::settle_due(state).await?,
            late_returns::finalise_due(state).await?,
        );
        drafted += d;
        submitted += s;
        settled += p;
        finalised += f;
        let full = settle::BATCH;
        if (d < full && s < full && p < full && f < full) || started.elapsed() > budget {
            break;
        }
    }
    // After settling, so an autopay whose contract was just paid off stops in the same pass.
    stopped += autopay_jobs::stop_finished(state).await?;
    let reminded = reminders::send_due(state).await?;
    // Approved early repayments that have posted: their schedules are made again.
    let recalculated = app::applications::recalc::after_posted(state).await?;
    if stopped + drafted + submitted + settled + finalised + reminded + recalculated > 0 {
        tracing::info!(
            stopped,
            drafted,
            submitted,
            settled,
            finalised,
            reminded,
            recalculated,
            "payments processed"
        );
    }
    Ok(())
}

/// One pass of the statement jobs (see `STATEMENTS`).
pub async fn run_statements(state: &AppState) -> Result<(), app::error::ServiceError> {
    use app::documents::{archive, mailing};
    let swept = archive::sweep_unfinished(state).await?;
    let issued = mailing::issue_month(state).await?;
    let mailed = mailing::mail_due(state).await?;
    if swept as usize + issued.online + issued.mail + issued.held + mailed > 0 {
        tracing::info!(
            swept,
            online = issued.online,
            queued = issued.mail,
            held = issued.held,
            mailed,
            "statements issued"
        );
    }
    Ok(())
}
