//! A scheduled payment can be changed (amount, date, source) and cancelled until its processing day
//! comes, and the lender's cut-off, in the lender's time zone, ends a processing day: a payment
//! asked for after it is the next day's work. The same change twice is one change and one mail.

use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::{add_bank, annas_loan, date_of, money_of, pay, today};
use app::domain::payment::SourceKind;
use app::domain::{Issue, Money};
use app::error::{AppError, Conflict};
use serde_json::Value;
use time::{Date, Duration, OffsetDateTime, Time, UtcOffset};

const ANNA: &str = "anna.kowalski@demo.example";

/// Moves the test clock forward to `at` on `day`, read on the lender's clock.
fn to_lender_time(app: &TestApp, day: Date, at: Time) {
    let zone = &app.state.config.lender_zone;
    let noon = day.midnight().assume_utc() + Duration::hours(12);
    let offset = app::i18n::zone::offset_in(zone, noon.unix_timestamp());
    let target = day
        .with_time(at)
        .assume_offset(UtcOffset::from_whole_seconds(offset).unwrap());
    let now = OffsetDateTime::from_unix_timestamp(app.clock_now()).unwrap();
    assert!(target > now, "the clock only moves forward");
    app.advance((target - now).whole_seconds());
}

async fn change(
    app: &TestApp,
    c: &reqwest::Client,
    reference: &str,
    source: i64,
    amount: &str,
    date: Date,
) -> reqwest::Response {
    app.post(
        c,
        "/api/change_payment",
        &[
            ("reference", reference),
            ("source_id", &source.to_string()),
            ("amount", amount),
            ("date", &date.to_string()),
            ("extra_to", "next_instalment"),
        ],
    )
    .await
}

async fn mine(app: &TestApp, c: &reqwest::Client, reference: &str) -> Value {
    let list: Vec<Value> = app
        .post(c, "/api/my_payments", &[])
        .await
        .json()
        .await
        .unwrap();
    list.into_iter()
        .find(|p| p["reference"] == reference)
        .expect("listed")
}

#[tokio::test]
async fn a_scheduled_payment_is_changed_until_its_processing_day_and_only_once() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let bank = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let other_bank = add_bank(&app, &anna, "000987654321").await["id"]
        .as_i64()
        .unwrap();
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let today = today(&app);
    let (first_day, second_day) = (today + Duration::days(5), today + Duration::days(6));
    let receipt: Value = pay(
        &app,
        &anna,
        id,
        bank,
        "100.00",
        first_day,
        "change-me-0123456789",
    )
    .await
    .json()
    .await
    .unwrap();
    let reference = receipt["reference"].as_str().unwrap().to_string();
    let mails_before = app.queued_for(ANNA).await;

    // Another amount, day and account: the same number, and a mail saying what it is now.
    let r = change(&app, &anna, &reference, other_bank, "150.00", second_day).await;
    assert_eq!(r.status(), 200);
    let changed: Value = r.json().await.unwrap();
    assert_eq!(changed["reference"], reference.as_str());
    assert_eq!(changed["status"], "Scheduled");
    assert_eq!(
        money_of(&changed["review"]["amount"]),
        Money::from_cents(15_000)
    );
    let listed = mine(&app, &anna, &reference).await;
    assert_eq!(money_of(&listed["amount"]), Money::from_cents(15_000));
    assert_eq!(date_of(&listed["date"]), second_day);
    assert_eq!(listed["source"]["id"].as_i64(), Some(other_bank));
    assert_eq!(app.queued_for(ANNA).await, mails_before + 1);
    let mail = app
        .smtp
        .wait_subject(ANNA, &format!("Payment {reference} changed: $150.00"))
        .await;
    assert!(mail.text.contains(&reference), "{}", mail.text);

    // The same change again (a double click, a retry) changes nothing and mails nothing.
    let again: Value = change(&app, &anna, &reference, other_bank, "150.00", second_day)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["review"], changed["review"]);
    assert_eq!(app.queued_for(ANNA).await, mails_before + 1);

    // Checked as a new payment is; nothing is written when it is refused.
    let r = change(&app, &anna, &reference, bank, "1.505", second_day).await;
    assert!(
        matches!(error_of(r).await, AppError::Validation { ref field, .. } if field == "amount")
    );
    let r = change(
        &app,
        &anna,
        &reference,
        bank,
        "150.00",
        today + Duration::days(400),
    )
    .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("date", Issue::PaymentDateRange)
    );
    assert_eq!(
        money_of(&mine(&app, &anna, &reference).await["amount"]),
        Money::from_cents(15_000)
    );

    // Another customer cannot touch it.
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let r = change(&app, &olga, &reference, bank, "10.00", second_day).await;
    assert_eq!(error_of(r).await, AppError::NotFound);

    // The evening before, until the lender's cut-off, it can still be changed; from the cut-off
    // on, its processing day has come: neither change nor cancel.
    let cutoff = app.state.config.payment_rules.cutoff;
    to_lender_time(&app, first_day, cutoff - Duration::minutes(1));
    let anna = signed_in(&app, ANNA).await;
    let r = change(&app, &anna, &reference, other_bank, "140.00", second_day).await;
    assert_eq!(r.status(), 200, "a minute before the cut-off");
    to_lender_time(&app, first_day, cutoff);
    let anna = signed_in(&app, ANNA).await;
    let r = change(&app, &anna, &reference, other_bank, "130.00", second_day).await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::PaymentNotCancellable)
    );
    let r = app
        .post(&anna, "/api/cancel_payment", &[("reference", &reference)])
        .await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::PaymentNotCancellable)
    );
    let listed = mine(&app, &anna, &reference).await;
    assert_eq!(listed["can_cancel"], false);
    assert_eq!(money_of(&listed["amount"]), Money::from_cents(14_000));
}

#[tokio::test]
async fn a_payment_asked_for_after_the_cut_off_is_the_next_days_work() {
    let app = seeded().await;
    let today = today(&app);
    let tomorrow = today.next_day().unwrap();
    let cutoff = app.state.config.payment_rules.cutoff;
    to_lender_time(&app, today, cutoff + Duration::minutes(30));
    let anna = signed_in(&app, ANNA).await;
    let bank = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();

    let options: Value = app
        .post(
            &anna,
            "/api/payment_options",
            &[("contract_id", &id.to_string())],
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(date_of(&options["earliest"]), tomorrow, "{options}");
    assert!(options["cutoff"].as_str().unwrap().starts_with(&format!(
        "{:02}:{:02}",
        cutoff.hour(),
        cutoff.minute()
    )));
    let r = pay(
        &app,
        &anna,
        id,
        bank,
        "50.00",
        today,
        "after-cutoff-today-01",
    )
    .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("date", Issue::PaymentDateRange),
        "today's work is done"
    );
    // Dated the processing day, it goes now and posts counting from that day.
    let receipt: Value = pay(
        &app,
        &anna,
        id,
        bank,
        "50.00",
        tomorrow,
        "after-cutoff-next-01",
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(receipt["status"], "Pending", "{receipt}");
    let rules = &app.state.config.payment_rules;
    assert_eq!(
        date_of(&receipt["review"]["posts_on"]),
        rules.posts_on(SourceKind::Bank, tomorrow)
    );
    let listed = mine(&app, &anna, receipt["reference"].as_str().unwrap()).await;
    assert_eq!(
        date_of(&listed["posts_on"]),
        rules.posts_on(SourceKind::Bank, tomorrow)
    );
}
