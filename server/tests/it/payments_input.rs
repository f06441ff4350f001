//! Scheduled payments are cancelled until their day, another customer can neither see nor touch
//! them, a source in use asks what to do, and bad input is named by its field.

use crate::common::*;
use crate::contracts::{contracts_of, seeded, signed_in};
use crate::payments::{add_bank, annas_loan, pay, today};
use app::domain::Issue;
use app::error::{AppError, Conflict};
use serde_json::Value;

#[tokio::test]
async fn scheduled_payments_can_be_cancelled_until_their_day_and_bad_input_is_named() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let today = today(&app);
    let later = today + time::Duration::days(5);
    let r = pay(
        &app,
        &anna,
        id,
        source,
        "100.00",
        later,
        "scheduled-0123456789ab",
    )
    .await;
    let receipt: Value = r.json().await.unwrap();
    assert_eq!(receipt["status"], "Scheduled");
    // The dashboard says it is coming, so nobody pays it a second time.
    let card = annas_loan(&app, &anna).await;
    assert_eq!(crate::payments::date_of(&card["scheduled"][0]), later);
    assert_eq!(
        crate::payments::money_of(&card["scheduled"][1]),
        app::domain::Money::from_cents(10_000)
    );
    let reference = receipt["reference"].as_str().unwrap();

    // Another customer cannot see or cancel it, nor pay from Anna's account.
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let r = app
        .post(&olga, "/api/cancel_payment", &[("reference", reference)])
        .await;
    assert_eq!(error_of(r).await, AppError::NotFound);
    let olgas = contracts_of(&app, &olga).await[0]["id"].as_i64().unwrap();
    let r = pay(
        &app,
        &olga,
        olgas,
        source,
        "10.00",
        today,
        "olga-pays-0123456789ab",
    )
    .await;
    assert_eq!(error_of(r).await, AppError::NotFound);
    let olgas_list: Vec<Value> = app
        .post(&olga, "/api/my_payments", &[])
        .await
        .json()
        .await
        .unwrap();
    // Only her own (the demo book's payment in flight, on the days she has one).
    assert!(olgas_list
        .iter()
        .all(|p| !p["reference"].as_str().unwrap().starts_with("PMT-")));

    // Removing the account it uses asks what to do with it.
    let r = app
        .post(
            &anna,
            "/api/remove_payment_source",
            &[("id", &source.to_string())],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::Conflict(Conflict::SourceInUse));

    let r = app
        .post(&anna, "/api/cancel_payment", &[("reference", reference)])
        .await;
    assert_eq!(r.status(), 200);
    let r = app
        .post(&anna, "/api/cancel_payment", &[("reference", reference)])
        .await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::PaymentNotCancellable)
    );

    for (amount, date, field, issue) in [
        ("1,234.567", today, "amount", Issue::MoneyPrecision),
        ("-5", today, "amount", Issue::MoneyNegative),
        ("-0", today, "amount", Issue::MoneyNegative),
        (
            "100000000000000000000",
            today,
            "amount",
            Issue::MoneyTooLarge,
        ),
        ("$ 9 999 999.00", today, "amount", Issue::PaymentOverPayoff),
        (
            "10.00",
            today - time::Duration::days(1),
            "date",
            Issue::PaymentDateRange,
        ),
        (
            "10.00",
            today + time::Duration::days(400),
            "date",
            Issue::PaymentDateRange,
        ),
    ] {
        let r = pay(
            &app,
            &anna,
            id,
            source,
            amount,
            date,
            "bad-input-0123456789ab",
        )
        .await;
        assert_eq!(
            error_of(r).await,
            AppError::validation(field, issue),
            "{amount} on {date}"
        );
    }
    let r = pay(&app, &anna, id, source, "10.00", today, "short").await;
    assert_eq!(error_of(r).await, AppError::validation("key", Issue::OneOf));
    let r = app
        .post(
            &anna,
            "/api/remove_payment_source",
            &[("id", &source.to_string())],
        )
        .await;
    assert_eq!(r.status(), 200, "nothing scheduled any more");
}

#[tokio::test]
async fn card_checks_are_limited_per_login() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let card = [
        ("holder", "Anna Kowalski"),
        ("number", "4000000000000002"),
        ("expiry", "12/35"),
        ("cvc", "123"),
    ];
    let limit = app::payments::sources::CARD_CHECKS_PER_DAY;
    for _ in 0..limit {
        let r = app.post(&anna, "/api/add_card", &card).await;
        assert_eq!(
            error_of(r).await,
            AppError::Conflict(Conflict::CardDeclined)
        );
    }
    let r = app.post(&anna, "/api/add_card", &card).await;
    assert!(
        matches!(error_of(r).await, AppError::RateLimited { .. }),
        "the {}th check waits",
        limit + 1
    );
    // A bad number never reaches the processor and is not counted against the login.
    let r = app
        .post(
            &anna,
            "/api/add_card",
            &[
                ("holder", "Anna Kowalski"),
                ("number", "4111111111111112"),
                ("expiry", "12/35"),
                ("cvc", "123"),
            ],
        )
        .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("number", Issue::CardNumberCheck)
    );
}
