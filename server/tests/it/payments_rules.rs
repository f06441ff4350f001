//! The payment rules a reviewer would try to break: a repeated request keeps its first answer
//! whatever happened since; a payoff pays the contract off on the day it posts; a second payoff
//! finds nothing left to pay; a bank account pays only its own currency; a source cannot go while
//! its payments are in progress.

use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::{add_bank, annas_loan, date_of};
use app::domain::Issue;
use app::error::{AppError, Conflict};
use serde_json::Value;

fn today(app: &TestApp) -> time::Date {
    time::OffsetDateTime::from_unix_timestamp(app.clock_now())
        .unwrap()
        .date()
}

async fn pay(
    app: &TestApp,
    c: &reqwest::Client,
    form: &[(&str, &str)],
    key: &str,
) -> reqwest::Response {
    let mut all = form.to_vec();
    all.push(("key", key));
    app.post(c, "/api/make_payment", &all).await
}

#[tokio::test]
async fn a_repeated_request_gets_its_first_answer_the_next_day_too() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let id = annas_loan(&app, &anna).await["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let today = today(&app).to_string();
    let form = [
        ("contract_id", id.as_str()),
        ("source_id", source.as_str()),
        ("amount", "120.00"),
        ("date", today.as_str()),
    ];
    let first: Value = pay(&app, &anna, &form, "retry-after-midnight-01")
        .await
        .json()
        .await
        .unwrap();
    // The answer was lost; the browser retries after midnight, when "today" has moved on and the
    // payment itself is in flight.
    app.advance(86_400);
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let r = pay(&app, &anna, &form, "retry-after-midnight-01").await;
    assert_eq!(r.status(), 200);
    let again: Value = r.json().await.unwrap();
    assert_eq!(again["reference"], first["reference"]);
    assert_eq!(
        again["review"], first["review"],
        "the review first shown, not a new one"
    );
}

#[tokio::test]
async fn a_payoff_pays_the_loan_off_on_its_posting_day_and_a_second_finds_nothing_owing() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let id = annas_loan(&app, &anna).await["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let date = (today(&app) + time::Duration::days(2)).to_string();
    let form = [
        ("contract_id", id.as_str()),
        ("source_id", source.as_str()),
        ("amount", ""),
        ("date", date.as_str()),
        ("payoff", "on"),
    ];
    let r = pay(&app, &anna, &form, "payoff-once-0123456789").await;
    assert_eq!(r.status(), 200);
    let receipt: Value = r.json().await.unwrap();
    assert_eq!(receipt["status"], "Scheduled");
    // A second payoff (another form) finds the first already pays everything.
    let r = pay(&app, &anna, &form, "payoff-twice-0123456789").await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("amount", Issue::PaymentOverPayoff)
    );
    let r = pay(
        &app,
        &anna,
        &[
            ("contract_id", id.as_str()),
            ("source_id", source.as_str()),
            ("amount", "50.00"),
            ("date", date.as_str()),
        ],
        "payoff-plus-0123456789",
    )
    .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("amount", Issue::PaymentOverPayoff),
        "nor can anything else be paid on top"
    );

    // Its day comes: submitted; its posting day: the loan is paid off, to the cent.
    let day = time::Date::parse(
        &date,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap();
    app.advance((day - today(&app)).whole_seconds());
    server::jobs::run_payments(&app.state).await.unwrap();
    let posts_on = date_of(&receipt["review"]["posts_on"]);
    app.advance((posts_on - today(&app)).whole_seconds());
    server::jobs::run_payments(&app.state).await.unwrap();
    let status: String = sqlx::query_scalar("SELECT status FROM contracts WHERE id = $1")
        .bind(id.parse::<i64>().unwrap())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let payment: String = sqlx::query_scalar("SELECT status FROM payments WHERE reference = $1")
        .bind(receipt["reference"].as_str().unwrap())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!((payment.as_str(), status.as_str()), ("posted", "paid_off"));
    let excess: i64 =
        sqlx::query_scalar("SELECT excess_cents FROM transactions WHERE reference = $1")
            .bind(receipt["reference"].as_str().unwrap())
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(excess, 0, "exactly the payoff: nothing left, nothing over");
}

#[tokio::test]
async fn a_bank_account_pays_its_own_currency_and_stays_while_payments_are_in_progress() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let id = annas_loan(&app, &anna).await["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let r = app
        .post(
            &anna,
            "/api/add_bank_account",
            &[
                ("country", "CA"),
                ("holder", "Anna Kowalski"),
                ("account_type", "checking"),
                ("institution", "004"),
                ("transit", "12345"),
                ("account", "1234567"),
                ("account_again", "1234567"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let canadian = r.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let today = today(&app).to_string();
    let r = pay(
        &app,
        &anna,
        &[
            ("contract_id", id.as_str()),
            ("source_id", canadian.as_str()),
            ("amount", "10.00"),
            ("date", today.as_str()),
        ],
        "wrong-currency-0123456",
    )
    .await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::SourceCurrency)
    );

    let us = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let r = pay(
        &app,
        &anna,
        &[
            ("contract_id", id.as_str()),
            ("source_id", us.as_str()),
            ("amount", "10.00"),
            ("date", today.as_str()),
        ],
        "in-progress-0123456789",
    )
    .await;
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "Pending");
    let r = app
        .post(
            &anna,
            "/api/remove_payment_source",
            &[("id", us.as_str()), ("cancel_scheduled", "on")],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::Conflict(Conflict::SourceBusy));
}

#[tokio::test]
async fn a_returned_payment_is_reversed_and_said_so() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    // The simulated bank returns every payment from an account ending 0001 (R01).
    let source = add_bank(&app, &anna, "000987650001").await["id"]
        .as_i64()
        .unwrap();
    let loan = annas_loan(&app, &anna).await;
    let id = loan["id"].as_i64().unwrap();
    let today = today(&app);
    let r = crate::payments::pay(
        &app,
        &anna,
        id,
        source,
        "250.00",
        today,
        "returned-0123456789ab",
    )
    .await;
    let reference = r.json::<Value>().await.unwrap()["reference"]
        .as_str()
        .unwrap()
        .to_string();
    app.advance(7 * 86_400);
    server::jobs::run_payments(&app.state).await.unwrap();
    let (status, code): (String, Option<String>) =
        sqlx::query_as("SELECT status, return_code FROM payments WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), code.as_deref()),
        ("returned", Some("R01"))
    );
    let txn: String = sqlx::query_scalar("SELECT status FROM transactions WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(txn, "returned");
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let after = annas_loan(&app, &anna).await;
    assert_eq!(
        crate::payments::money_of(&after["balance"]),
        crate::payments::money_of(&loan["balance"])
            - crate::payments::others_principal(&app, &reference).await,
        "nothing of it was applied"
    );
    assert!(after["in_flight"].is_null());
    // The returned-payment fee is charged (due first) and the mail says so.
    let fee = app.state.config.payment_rules.returned_fee("USD");
    assert!(fee.is_positive());
    let fee_txn: (String, i64, String) = sqlx::query_as(
        "SELECT kind, amount_cents, description FROM transactions WHERE reference = $1",
    )
    .bind(format!("{reference}-FEE"))
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(
        fee_txn,
        ("fee".into(), fee.cents(), "returned_payment_fee".into())
    );
    assert_eq!(
        crate::payments::money_of(&after["fees_due"]),
        crate::payments::money_of(&loan["fees_due"]) + fee
    );
    let mail = app
        .smtp
        .wait_subject(
            "anna.kowalski@demo.example",
            &format!("Payment {reference} was returned"),
        )
        .await;
    assert!(
        mail.text.contains("returned-payment fee of $25.00"),
        "{}",
        mail.text
    );
}

#[tokio::test]
async fn a_hundred_identical_submissions_make_one_payment() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let date = today(&app) + time::Duration::days(2);
    let form = [
        ("contract_id", id.to_string()),
        ("source_id", source.to_string()),
        ("amount", "100.00".to_string()),
        ("date", date.to_string()),
        ("extra_to", "next_instalment".to_string()),
        ("key", "double-click-0123456789".to_string()),
    ];
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let (c, base, form) = (anna.clone(), app.base.clone(), form.clone());
            tokio::spawn(async move {
                c.post(format!("{base}/api/make_payment"))
                    .header("Origin", &base)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut references = std::collections::BTreeSet::new();
    for call in calls {
        let r = call.await.unwrap();
        assert_eq!(r.status(), 200);
        let v: Value = r.json().await.unwrap();
        references.insert(v["reference"].as_str().unwrap().to_string());
    }
    assert_eq!(references.len(), 1, "{references:?}");
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM payments WHERE idempotency_key NOT LIKE 'seed-%'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(count, 1);
}
