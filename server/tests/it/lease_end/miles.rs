//! Issue 16, lease end: miles bought ahead at the pre-paid rate until 120 days before maturity —
//! charged and paid in one step through the payments flow (the payment pays the charge, never the
//! instalment), once per form, counted in the return estimate; refused once the window has opened.

use super::{marcs_lease, MARC};
use crate::applications::{count, ok};
use crate::common::*;
use crate::contracts::{contracts_of, seeded, signed_in};
use crate::payments::{add_bank, money_of, run_jobs_on, today};
use app::domain::{Issue, Money};
use app::error::{AppError, Conflict};
use serde_json::Value;

const OLGA: &str = "olga.ivanova@demo.example";

async fn olgas_lease(app: &TestApp, c: &reqwest::Client) -> Value {
    contracts_of(app, c)
        .await
        .into_iter()
        .find(|x| x["number"] == "LS-2024-010406")
        .unwrap()
}

async fn buy(
    app: &TestApp,
    c: &reqwest::Client,
    contract: &str,
    miles: &str,
    source: &str,
    key: &str,
) -> reqwest::Response {
    app.post(
        c,
        "/api/buy_extra_miles",
        &[
            ("contract", contract),
            ("miles", miles),
            ("source", source),
            ("key", key),
        ],
    )
    .await
}

#[tokio::test]
async fn miles_bought_ahead_are_charged_and_paid_in_one_step_once_per_form() {
    let app = seeded().await;
    let olga = signed_in(&app, OLGA).await;
    let lease = olgas_lease(&app, &olga).await;
    let id = lease["id"].as_i64().unwrap().to_string();
    let source = add_bank(&app, &olga, "000123456789").await["id"].to_string();
    let v = ok(app
        .post(&olga, "/api/lease_end", &[("contract", &id)])
        .await)
    .await;
    assert_eq!(
        v["miles_open"], true,
        "maturity in 2027: still before the window"
    );
    assert_eq!(v["prepaid_mile_rate"], "0.15");
    assert_eq!(v["bought"], serde_json::json!([]));

    // Bad input is named; nothing is written.
    for (miles, issue) in [
        ("", Issue::Required),
        ("50", Issue::MilesToBuy),
        ("5000.5", Issue::MilesToBuy),
    ] {
        let r = buy(&app, &olga, &id, miles, &source, "miles-form-bad-00001").await;
        assert_eq!(r.status(), 400, "{miles}");
        assert_eq!(error_of(r).await, AppError::validation("miles", issue));
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mile_purchases").await, 0);

    // 5,000 miles at 0.15 = 750.00, charged and paid; the same form twice buys once.
    let key = "miles-form-000000001";
    let first = ok(buy(&app, &olga, &id, "5,000", &source, key).await).await;
    assert_eq!(first["bought"]["miles"], 5_000);
    assert_eq!(
        money_of(&first["bought"]["amount"]),
        Money::from_cents(75_000)
    );
    let reference = first["bought"]["reference"].as_str().unwrap().to_string();
    assert!(reference.starts_with("MIL-"), "{reference}");
    let again = ok(buy(&app, &olga, &id, "5000", &source, key).await).await;
    assert_eq!(again, first);
    let r = buy(&app, &olga, &id, "6000", &source, key).await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::PaymentKeyReused)
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mile_purchases").await, 1);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM transactions WHERE description = 'extra_miles' AND kind = 'fee' AND status = 'posted' AND amount_cents = 75000").await,
        1
    );
    let payment = first["payment"].as_str().unwrap();
    let (amount, review): (i64, String) =
        sqlx::query_as("SELECT amount_cents, review FROM payments WHERE reference = $1")
            .bind(payment)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(amount, 75_000);
    let review: Value = serde_json::from_str(&review).unwrap();
    // Payments pay fees first: this one pays the charge, unless a payment already on its way
    // posts before it and pays (part of) the charge itself — the total is the same.
    let in_flight = count(
        &app,
        &format!(
            "SELECT COUNT(*) FROM payments WHERE contract_id = {id} AND status IN ('pending', 'processing', 'scheduled') AND reference <> '{payment}'"
        ),
    )
    .await;
    if in_flight == 0 {
        assert_eq!(money_of(&review["fees"]), Money::from_cents(75_000));
    }
    // The instalment the customer owes is what it was: the payment on its way is the charge's.
    let after = olgas_lease(&app, &olga).await;
    assert_eq!(after["next_due"], lease["next_due"]);
    assert_eq!(money_of(&after["fees_due"]), Money::ZERO);

    // The return estimate counts the miles bought: 45,000 on a 39,000-mile lease is 1,000 over.
    let e = ok(app
        .post(
            &olga,
            "/api/lease_return_estimate",
            &[("contract", &id), ("odometer", "45000"), ("wear", "")],
        )
        .await)
    .await;
    assert_eq!(e["excess_miles"], 1_000);
    let v = ok(app
        .post(&olga, "/api/lease_end", &[("contract", &id)])
        .await)
    .await;
    assert_eq!(v["bought"][0]["reference"], reference.as_str());

    // Once the payment posts, the charge is paid and nothing else moved.
    let start = today(&app);
    let mut status = String::new();
    for day in 0..8 {
        run_jobs_on(&app, start + time::Duration::days(day)).await;
        status = sqlx::query_scalar("SELECT status FROM payments WHERE reference = $1")
            .bind(payment)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        if status == "posted" {
            break;
        }
    }
    assert_eq!(status, "posted");
    // The posted payments paid the charge (and no other fee was charged meanwhile).
    let since = |sql: &str| {
        format!(
            "{sql} WHERE contract_id = {id} AND status = 'posted' AND effective_date >= '{start}'"
        )
    };
    let fees_charged = count(
        &app,
        &since("SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM transactions")
            .replace("WHERE", "WHERE kind IN ('fee', 'late_charge') AND"),
    )
    .await;
    let fees_paid = count(
        &app,
        &since("SELECT CAST(COALESCE(SUM(fees_cents), 0) AS BIGINT) FROM transactions")
            .replace("WHERE", "WHERE kind = 'payment' AND"),
    )
    .await;
    assert_eq!((fees_charged, fees_paid), (75_000, 75_000));
    let olga = signed_in(&app, OLGA).await;
    assert_eq!(
        money_of(&olgas_lease(&app, &olga).await["fees_due"]),
        Money::ZERO
    );
}

#[tokio::test]
async fn miles_cannot_be_bought_once_the_lease_end_window_has_opened() {
    let app = seeded().await;
    let marc = signed_in(&app, MARC).await;
    let id = marcs_lease(&app, &marc).await.to_string();
    let source = add_bank(&app, &marc, "000123456789").await["id"].to_string();
    let v = ok(app
        .post(&marc, "/api/lease_end", &[("contract", &id)])
        .await)
    .await;
    let r = buy(&app, &marc, &id, "1000", &source, "miles-form-late-0001").await;
    // Marc's lease matures on 2026-12-03: its window is open on every day the suite runs at.
    assert_eq!(v["open"], true);
    assert_eq!(v["miles_open"], false);
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::ExtraMilesClosed)
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mile_purchases").await, 0);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM transactions WHERE description = 'extra_miles'"
        )
        .await,
        0,
        "nothing charged"
    );
}
