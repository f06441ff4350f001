//! Issue 14: the payment jobs write each claimed batch in one transaction, each payment in a
//! savepoint of its own. Two payments of one contract posting in the same batch are allocated one
//! after the other (the second reads the first's split in the same transaction), and a payment
//! whose write fails is rolled back alone: the others in its batch post, it keeps its claim and
//! posts once the claim has expired and the fault is gone.

use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::{add_bank, annas_loan, pay, run_jobs_on, today};

/// (status, fees, interest, principal, excess) of a payment's transaction.
async fn split(app: &TestApp, reference: &str) -> (String, i64, i64, i64, i64) {
    sqlx::query_as(
        "SELECT t.status, t.fees_cents, t.interest_cents, t.principal_cents, t.excess_cents \
         FROM transactions t WHERE t.reference = $1",
    )
    .bind(reference)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap()
}

async fn status_and_claim(app: &TestApp, reference: &str) -> (String, Option<String>) {
    sqlx::query_as("SELECT status, claimed_by FROM payments WHERE reference = $1")
        .bind(reference)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_batch_posts_a_contracts_payments_in_order_and_a_failing_one_alone_waits() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let day = today(&app);
    let mut refs = Vec::new();
    for (amount, key) in [
        ("100.00", "form-00000000000000b1"),
        ("50.00", "form-00000000000000b2"),
        ("25.00", "form-00000000000000b3"),
    ] {
        let r = pay(&app, &anna, id, source, amount, day, key).await;
        assert_eq!(r.status(), 200, "{amount}: {}", r.text().await.unwrap());
        let receipt: serde_json::Value = r.json().await.unwrap();
        refs.push(receipt["reference"].as_str().unwrap().to_string());
    }
    // Submitted (at once, or by the job when asked after the cut-off); all post on one day.
    run_jobs_on(&app, day).await;
    let posts_on: Vec<Option<String>> = sqlx::query_scalar(
        "SELECT DISTINCT posts_on FROM payments WHERE reference IN ($1, $2, $3)",
    )
    .bind(&refs[0])
    .bind(&refs[1])
    .bind(&refs[2])
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(posts_on.len(), 1, "{posts_on:?}");
    let posts_on = posts_on[0]
        .as_deref()
        .and_then(app::domain::dates::parse_iso)
        .expect("submitted, with a posting day");

    // The third one's write will fail: its transaction is out of reach.
    let txn: Option<i64> =
        sqlx::query_scalar("SELECT transaction_id FROM payments WHERE reference = $1")
            .bind(&refs[2])
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    sqlx::query("UPDATE payments SET transaction_id = NULL WHERE reference = $1")
        .bind(&refs[2])
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    run_jobs_on(&app, posts_on).await;

    // The first pays the interest to that day (and any fees); the second, posted the same day
    // after it, finds none left and goes to principal whole — read from the first's split in the
    // same transaction (had it read the book before the batch, it would pay that interest again).
    let (status, fees, interest, principal, excess) = split(&app, &refs[0]).await;
    assert_eq!(status, "posted");
    assert_eq!(fees + interest + principal + excess, 10_000);
    // (On days the demo book has its own payment posting then, that one pays the interest.)
    let that_days_interest: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(interest_cents), 0) AS BIGINT) FROM transactions \
         WHERE contract_id = $1 AND status = 'posted' AND effective_date = $2",
    )
    .bind(id)
    .bind(posts_on.to_string())
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert!(
        that_days_interest > 0,
        "a loan accrues interest between payments"
    );
    assert_eq!(
        split(&app, &refs[1]).await,
        ("posted".into(), 0, 0, 5_000, 0)
    );
    assert_eq!(
        status_and_claim(&app, &refs[0]).await,
        ("posted".into(), None)
    );
    assert_eq!(
        status_and_claim(&app, &refs[1]).await,
        ("posted".into(), None)
    );

    // The failing one was rolled back alone: still pending, still claimed, nothing half-written.
    let (status, claim) = status_and_claim(&app, &refs[2]).await;
    assert_eq!(status, "pending");
    assert!(claim.is_some(), "it keeps its claim until it expires");
    assert_eq!(split(&app, &refs[2]).await.0, "pending");

    // Mended, and after its claim expired, the next pass posts it — after the other two.
    sqlx::query("UPDATE payments SET transaction_id = $1 WHERE reference = $2")
        .bind(txn)
        .bind(&refs[2])
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    app.advance(301);
    run_jobs_on(&app, posts_on).await;
    assert_eq!(
        split(&app, &refs[2]).await,
        ("posted".into(), 0, 0, 2_500, 0)
    );
    assert_eq!(
        status_and_claim(&app, &refs[2]).await,
        ("posted".into(), None)
    );
}
