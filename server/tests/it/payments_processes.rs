//! Issue 14, exactly once with real processes: two `server serve` processes on one database run
//! the payment jobs — each payment is submitted once (one transaction each); then a process is
//! killed (SIGKILL) in the middle of settling, and a new one, started after the dead one's claims
//! have expired, finishes the work: every payment posted once, and no payment is posted without
//! its allocation (nor an allocation left on a payment that is not posted).
//! (On PostgreSQL when the suite runs with PORTAL_TEST_DB=postgres.)

use crate::common::*;
use std::time::Duration;
use time::Date;

const N: i64 = 150;

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

/// Waits (up to 200 s: the suite runs many tests at once on two cores) until `sql` counts at least `n`; returns the count.
async fn until_at_least(app: &TestApp, sql: &str, n: i64) -> i64 {
    for _ in 0..10_000 {
        let c = count(app, sql).await;
        if c >= n {
            return c;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("`{sql}` never reached {n} (is {})", count(app, sql).await);
}

const POSTED: &str =
    "SELECT COUNT(*) FROM payments WHERE reference LIKE 'PMT-P%' AND status = 'posted'";

/// Payments and their transactions agree: posted ⇔ posted with the whole amount allocated.
async fn consistent(app: &TestApp) {
    let posted_without_allocation = count(
        app,
        "SELECT COUNT(*) FROM payments p JOIN transactions t ON t.id = p.transaction_id \
         WHERE p.reference LIKE 'PMT-P%' AND p.status = 'posted' AND (t.status <> 'posted' OR \
         t.fees_cents + t.interest_cents + t.principal_cents + t.tax_cents + t.excess_cents <> p.amount_cents)",
    )
    .await;
    assert_eq!(
        posted_without_allocation, 0,
        "payments posted without their allocation"
    );
    let allocated_not_posted = count(
        app,
        "SELECT COUNT(*) FROM payments p JOIN transactions t ON t.id = p.transaction_id \
         WHERE p.reference LIKE 'PMT-P%' AND p.status <> 'posted' AND t.status = 'posted'",
    )
    .await;
    assert_eq!(
        allocated_not_posted, 0,
        "transactions posted for payments that are not"
    );
    let transactions = count(
        app,
        "SELECT COUNT(*) FROM transactions WHERE reference LIKE 'PMT-P%'",
    )
    .await;
    let distinct = count(
        app,
        "SELECT COUNT(DISTINCT reference) FROM transactions WHERE reference LIKE 'PMT-P%'",
    )
    .await;
    assert_eq!(transactions, distinct, "one transaction per payment");
}

fn server(app: &TestApp, dir: &std::path::Path, day: Date, at: &str) -> tokio::process::Child {
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_server"));
    cmd.arg("serve")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("PORTAL_ENV", "demo")
        .env("PORTAL_CLOCK", format!("{day}T{at}Z"))
        .env("PORTAL_DATA_DIR", dir)
        .env("PORTAL_ADDR", "127.0.0.1:0")
        .env("DATABASE_URL", &app.state.config.database_url)
        .env("SMTP_URL", app.smtp.url())
        .env("RUST_LOG", "warn")
        .env("LEPTOS_OUTPUT_NAME", "portal")
        .stdout(std::process::Stdio::null())
        .kill_on_drop(true);
    cmd.spawn().expect("server process")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn payments_are_submitted_and_posted_once_across_processes_and_a_kill() {
    let app = spawn_with(Options {
        jobs: false,
        ..Default::default()
    })
    .await;
    server::seed::seed_demo(&app.state).await.unwrap();
    let today = test_today().date();
    let (customer, contract): (i64, i64) = sqlx::query_as(
        "SELECT cu.id, c.id FROM customers cu JOIN contract_parties h ON h.customer_id = cu.id \
         JOIN contracts c ON c.id = h.contract_id WHERE cu.email = 'anna.kowalski@demo.example' \
         AND c.contract_number = 'LN-2023-004512'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let now = app.clock_now();
    let source: i64 = sqlx::query_scalar(
        "INSERT INTO payment_sources (customer_id, kind, country, holder, account_type, last4, \
         processor_token, status, created_at) VALUES ($1, 'bank', 'US', 'Anna Kowalski', 'checking', \
         '1234', 'sim_bank_1234', 'verified', $2) RETURNING id",
    )
    .bind(customer)
    .bind(now)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let mut tx = app.state.db.begin().await.unwrap();
    for i in 0..N {
        sqlx::query(
            "INSERT INTO payments (reference, customer_id, contract_id, source_id, amount_cents, fee_cents, \
             extra_to, scheduled_for, status, idempotency_key, request_hash, review, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, 100, 0, 'next_instalment', $5, 'scheduled', $1, '-', '{}', $6, $6)",
        )
        .bind(format!("PMT-P{i:05}"))
        .bind(customer)
        .bind(contract)
        .bind(source)
        .bind(today.to_string())
        .bind(now)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let dir = std::env::temp_dir().join(format!("portal-pay-procs-{}", rand::random::<u64>()));
    std::fs::create_dir_all(&dir).unwrap();

    // Two processes on the payment day: every payment submitted, each once.
    let (mut one, mut two) = (
        server(&app, &dir, today, "12:00:00"),
        server(&app, &dir, today, "12:00:00"),
    );
    until_at_least(
        &app,
        "SELECT COUNT(*) FROM payments WHERE reference LIKE 'PMT-P%' AND status = 'pending'",
        N,
    )
    .await;
    consistent(&app).await;
    for p in [&mut one, &mut two] {
        assert!(
            p.try_wait().unwrap().is_none(),
            "both processes kept running"
        );
        p.kill().await.unwrap();
    }

    // Ten days on, one process settles; it is killed in the middle.
    let later = today + time::Duration::days(10);
    let mut three = server(&app, &dir, later, "12:00:00");
    let before_kill = until_at_least(&app, POSTED, 1).await;
    three.start_kill().unwrap();
    three.wait().await.unwrap();
    let at_kill = count(&app, POSTED).await;
    assert!(before_kill <= at_kill);
    consistent(&app).await;

    // A new process, after the dead one's claims have expired, finishes: every payment once.
    let mut four = server(&app, &dir, later, "13:00:00");
    until_at_least(&app, POSTED, N).await;
    consistent(&app).await;
    assert!(
        at_kill < N,
        "the kill came in the middle of the batch ({at_kill} of {N} posted)"
    );
    four.kill().await.unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}
