//! The monthly statement run and paper mail (`server::jobs::STATEMENTS`, leased, so one instance
//! runs it at a time):
//! - `issue_month`: once a month has ended, every party to a contract that has a statement for it
//!   gets it issued into the archive in their language, and a delivery row says how it reached them:
//!   'online' (paperless), or 'mail' — queued for the print-and-mail service with the mailing
//!   address as it stood that day ('held' when none is on file). One delivery per contract, party
//!   and month (a unique key), so a run repeated or taken over after a crash issues nothing twice.
//! - `mail_due`: queued pieces are claimed (`claimed_by`, `claim_until`, like the outbox), handed
//!   to `state.print_mail` under their own reference (the service's idempotency key) and marked
//!   sent; a piece the service refuses is held for staff, never retried for ever.

use super::archive::{self, IssuedBy};
use super::periods::Period;
use super::service::addressee;
use crate::error::{AppError, ServiceError};
use crate::i18n::Locale;
use crate::infra::print_mail::{MailPiece, PrintMailError};
use crate::infra::AppState;

/// Parties read per round, and pieces claimed per round.
pub const BATCH: i64 = 50;
/// How long a claimed piece is this instance's.
pub const CLAIM_SECS: i64 = 300;
/// Tries before a piece is held for staff.
pub const MAX_ATTEMPTS: i64 = 5;
/// How long one run of `issue_month` or `mail_due` goes on (two thirds of the job's lease); the
/// next run carries on where it stopped.
pub const RUN_BUDGET: std::time::Duration = std::time::Duration::from_secs(400);

/// What one run of `issue_month` did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Issued {
    pub online: usize,
    pub mail: usize,
    pub held: usize,
}

#[derive(sqlx::FromRow)]
struct Party {
    contract_id: i64,
    customer_id: i64,
    language: String,
    paperless: i64,
}

/// Issues the month that ended last (by the clock's date) to every party who has no delivery for
/// it yet. A contract that closed before that month has no statement for it and is passed over.
pub async fn issue_month(state: &AppState) -> Result<Issued, ServiceError> {
    let period = Period::of(crate::payments::day::lender_today(state)).previous();
    let (first, last) = (
        period.first_day().expect("periods are valid").to_string(),
        period.last_day().to_string(),
    );
    let mut done = Issued::default();
    let mut after = (0_i64, 0_i64);
    let started = std::time::Instant::now();
    loop {
        let parties: Vec<Party> = sqlx::query_as(
            "SELECT p.contract_id, p.customer_id, cu.language, cu.paperless \
             FROM contract_parties p JOIN contracts c ON c.id = p.contract_id \
             JOIN customers cu ON cu.id = p.customer_id \
             WHERE p.customer_id IS NOT NULL AND c.first_due_date <= $1 \
               AND (p.contract_id > $2 OR (p.contract_id = $2 AND p.customer_id > $3)) \
               AND (c.status = 'active' OR EXISTS (SELECT 1 FROM transactions t \
                    WHERE t.contract_id = c.id AND t.kind = 'payment' AND t.status = 'posted' \
                      AND t.effective_date >= $4)) \
               AND NOT EXISTS (SELECT 1 FROM statement_deliveries d WHERE d.contract_id = p.contract_id \
                    AND d.customer_id = p.customer_id AND d.period = $5) \
             ORDER BY p.contract_id, p.customer_id LIMIT $6",
        )
        .bind(&last)
        .bind(after.0)
        .bind(after.1)
        .bind(&first)
        .bind(period.slug())
        .bind(BATCH)
        .fetch_all(&state.db.pool)
        .await?;
        let full = parties.len() as i64 == BATCH;
        for p in parties {
            after = (p.contract_id, p.customer_id);
            // One party's failure never stops the others; the next run tries it again.
            match deliver(state, &p, period).await {
                Ok(Some(channel)) => match channel {
                    "online" => done.online += 1,
                    "queued" => done.mail += 1,
                    _ => done.held += 1,
                },
                Ok(None) | Err(ServiceError::Refused(AppError::NotFound)) => {}
                Err(e) => tracing::error!(
                    contract = p.contract_id,
                    customer = p.customer_id,
                    error = %e,
                    "statement not issued"
                ),
            }
        }
        if !full || started.elapsed() > RUN_BUDGET {
            return Ok(done);
        }
    }
}

/// Issues one party's statement and records its delivery: the delivery's status, or `None` when
/// the statement is being stored by a download right now (the next run delivers it).
async fn deliver(
    state: &AppState,
    p: &Party,
    period: Period,
) -> Result<Option<&'static str>, ServiceError> {
    let locale = Locale::parse(&p.language).unwrap_or(Locale::En);
    let issued = archive::statement(
        state,
        p.customer_id,
        p.contract_id,
        period,
        locale,
        IssuedBy::Job,
    )
    .await?;
    let Some(statement_id) = issued.id else {
        return Ok(None);
    };
    let (channel, status, address) = if p.paperless == 1 {
        ("online", "done", None)
    } else {
        let to = addressee(state, p.customer_id).await?;
        let status = if to.address.is_empty() {
            "held"
        } else {
            "queued"
        };
        let lines: Vec<String> = std::iter::once(to.name).chain(to.address).collect();
        ("mail", status, Some(lines.join("\n")))
    };
    sqlx::query(
        "INSERT INTO statement_deliveries (contract_id, customer_id, period, statement_id, channel, status, address, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (contract_id, customer_id, period) DO NOTHING",
    )
    .bind(p.contract_id)
    .bind(p.customer_id)
    .bind(period.slug())
    .bind(statement_id)
    .bind(channel)
    .bind(status)
    .bind(address)
    .bind(state.clock.unix())
    .execute(&state.db.pool)
    .await?;
    Ok(Some(if channel == "online" {
        "online"
    } else {
        status
    }))
}

enum Outcome {
    Sent(String),
    Refused(String),
    Failed(String),
}

/// Hands queued paper statements to the print-and-mail service, batch after batch until none is
/// left (or the run's budget is spent); the number sent.
pub async fn mail_due(state: &AppState) -> Result<usize, ServiceError> {
    let started = std::time::Instant::now();
    let mut sent = 0;
    loop {
        let (claimed, handed) = mail_batch(state).await?;
        sent += handed;
        if claimed < BATCH as usize || started.elapsed() > RUN_BUDGET {
            return Ok(sent);
        }
    }
}

/// One claimed batch: how many were claimed and how many were sent.
async fn mail_batch(state: &AppState) -> Result<(usize, usize), ServiceError> {
    let now = state.clock.unix();
    // A read first: an idle run never takes a write lock.
    let any: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM statement_deliveries WHERE status = 'queued' AND (claim_until IS NULL OR claim_until <= $1) LIMIT 1",
    )
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    if any.is_none() {
        return Ok((0, 0));
    }
    let claimed: Vec<(i64, i64, Option<String>, i64)> = sqlx::query_as(
        "UPDATE statement_deliveries SET claimed_by = $1, claim_until = $2, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM statement_deliveries WHERE status = 'queued' \
                        AND (claim_until IS NULL OR claim_until <= $3) ORDER BY id LIMIT $4) \
           AND status = 'queued' AND (claim_until IS NULL OR claim_until <= $3) \
         RETURNING id, statement_id, address, attempts",
    )
    .bind(&*state.instance)
    .bind(now + CLAIM_SECS)
    .bind(now)
    .bind(BATCH)
    .fetch_all(&state.db.pool)
    .await?;
    let (count, mut sent) = (claimed.len(), 0);
    for (id, statement_id, address, attempts) in claimed {
        let lines: Vec<String> = address
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect();
        let reference = format!("STM-{id:08}");
        let outcome = match archive::bytes_of(state, statement_id).await {
            Ok(pdf) => match state
                .print_mail
                .send(MailPiece {
                    reference: &reference,
                    address: &lines,
                    pdf: &pdf,
                })
                .await
            {
                Ok(tracking) => Outcome::Sent(tracking),
                Err(PrintMailError::Refused(why)) => Outcome::Refused(why),
                Err(e) => Outcome::Failed(e.to_string()),
            },
            Err(e) => Outcome::Failed(e.to_string()),
        };
        let (status, mail_reference) = match outcome {
            Outcome::Sent(tracking) => ("sent", Some(tracking)),
            Outcome::Refused(why) => {
                tracing::warn!(piece = %reference, reason = %why, "paper statement refused, held");
                ("held", None)
            }
            Outcome::Failed(why) if attempts >= MAX_ATTEMPTS => {
                tracing::error!(piece = %reference, error = %why, "paper statement failing, held");
                ("held", None)
            }
            Outcome::Failed(why) => {
                // The claim runs out and a later run tries again.
                tracing::error!(piece = %reference, error = %why, "paper statement not handed over");
                continue;
            }
        };
        let moved = sqlx::query(
            "UPDATE statement_deliveries SET status = $1, sent_at = $2, mail_reference = $3, claim_until = NULL \
             WHERE id = $4 AND claimed_by = $5 AND status = 'queued'",
        )
        .bind(status)
        .bind((status == "sent").then(|| state.clock.unix()))
        .bind(mail_reference)
        .bind(id)
        .bind(&*state.instance)
        .execute(&state.db.pool)
        .await?
        .rows_affected();
        if status == "sent" {
            sent += moved as usize;
        }
    }
    Ok((count, sent))
}
