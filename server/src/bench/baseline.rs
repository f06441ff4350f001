//! What the benchmark compares the jobs with, and what it checks before it prints a figure: a raw
//! batch insert of the same payment rows the draft job made (multi-row `INSERT`s in one
//! transaction, into the same tables), and the counts that prove the jobs did the whole work.

use super::batch::{insert, V};
use app::infra::AppState;
use std::time::{Duration, Instant};

/// The draft rows as the draft job wrote them, copied under new references and keys (and no
/// autopay, whose unique index would refuse a second row per due date), inserted in one
/// transaction; returns the rows inserted and the time from `BEGIN` to `COMMIT`.
pub async fn raw_insert(state: &AppState) -> Result<(u64, Duration), sqlx::Error> {
    type Draft = (
        String,
        i64,
        i64,
        i64,
        i64,
        i64,
        String,
        String,
        String,
        String,
        String,
        i64,
        Option<String>,
    );
    let drafts: Vec<Draft> = sqlx::query_as(
        "SELECT reference, customer_id, contract_id, source_id, amount_cents, fee_cents, extra_to, scheduled_for, \
         idempotency_key, request_hash, review, created_at, due_date FROM payments WHERE autopay_id IS NOT NULL ORDER BY id",
    )
    .fetch_all(&state.db.pool)
    .await?;
    let rows: Vec<Vec<V>> = drafts
        .into_iter()
        .map(|d| {
            vec![
                format!("RAW-{}", d.0).into(),
                d.1.into(),
                d.2.into(),
                d.3.into(),
                d.4.into(),
                d.5.into(),
                d.6.into(),
                d.7.into(),
                "scheduled".into(),
                format!("raw-{}", d.8).into(),
                d.9.into(),
                d.10.into(),
                d.11.into(),
                d.11.into(),
                d.12.into(),
            ]
        })
        .collect();
    let columns = [
        "reference",
        "customer_id",
        "contract_id",
        "source_id",
        "amount_cents",
        "fee_cents",
        "extra_to",
        "scheduled_for",
        "status",
        "idempotency_key",
        "request_hash",
        "review",
        "created_at",
        "updated_at",
        "due_date",
    ];
    let started = Instant::now();
    let mut tx = state.db.begin().await?;
    let n = insert(&mut tx, state.db.kind, "payments", &columns, &rows).await?;
    tx.commit().await?;
    Ok((n, started.elapsed()))
}

/// What the jobs left, counted in the database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Payments made by the draft job.
    pub drafts: i64,
    /// Of them, posted by the settle job.
    pub posted: i64,
    /// Posted payments whose transaction is not posted, or whose parts (fees, interest,
    /// principal, tax, excess) do not add up to its amount, or that paid no principal.
    pub unallocated: i64,
    /// Autopays moved on to their next instalment.
    pub advanced: i64,
}

pub async fn counts(state: &AppState, first_due: &str) -> Result<Counts, sqlx::Error> {
    let one = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .bind(first_due)
            .fetch_one(&state.db.pool)
            .await
    };
    Ok(Counts {
        drafts: one("SELECT COUNT(*) FROM payments WHERE autopay_id IS NOT NULL AND due_date = $1")
            .await?,
        posted: one(
            "SELECT COUNT(*) FROM payments WHERE autopay_id IS NOT NULL AND due_date = $1 AND status = 'posted'",
        )
        .await?,
        unallocated: one(
            "SELECT COUNT(*) FROM payments p LEFT JOIN transactions t ON t.id = p.transaction_id \
             WHERE p.autopay_id IS NOT NULL AND p.due_date = $1 AND p.status = 'posted' AND (t.id IS NULL \
             OR t.status <> 'posted' OR t.principal_cents <= 0 OR t.amount_cents <> p.amount_cents \
             OR t.fees_cents + t.interest_cents + t.principal_cents + t.tax_cents + t.excess_cents <> t.amount_cents)",
        )
        .await?,
        advanced: one("SELECT COUNT(*) FROM autopays WHERE status = 'active' AND next_due > $1")
            .await?,
    })
}

/// The process's peak resident set (VmHWM), in KiB, where the system tells it.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
