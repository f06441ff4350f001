//! Payments end to end through the server functions and the jobs: sources checked, sealed and
//! masked; a payment reviewed, made once per form instance, submitted, posted by the ledger at its
//! posting date or returned; scheduled ones cancelled; bad input refused with the field's problem.

use crate::common::*;
use crate::contracts::{contracts_of, seeded, signed_in};
use app::domain::{Issue, Money};
use app::error::{AppError, Conflict};
use serde_json::Value;

pub(crate) fn date_of(v: &Value) -> time::Date {
    time::Date::from_ordinal_date(v[0].as_i64().unwrap() as i32, v[1].as_u64().unwrap() as u16)
        .unwrap()
}

pub(crate) fn money_of(v: &Value) -> Money {
    serde_json::from_value(v.clone()).unwrap()
}

pub(crate) async fn add_bank(app: &TestApp, c: &reqwest::Client, account: &str) -> Value {
    let r = app
        .post(
            c,
            "/api/add_bank_account",
            &[
                ("country", "US"),
                ("holder", "Anna Kowalski"),
                ("account_type", "checking"),
                ("routing", "021000021"),
                ("account", account),
                ("account_again", account),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

pub(crate) async fn annas_loan(app: &TestApp, c: &reqwest::Client) -> Value {
    contracts_of(app, c)
        .await
        .into_iter()
        .find(|x| x["number"] == "LN-2023-004512")
        .unwrap()
}

/// Principal posted meanwhile by payments other than `reference` (the demo book's own payment in
/// flight, on the days it has one).
pub(crate) async fn others_principal(app: &TestApp, reference: &str) -> Money {
    let cents: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(t.principal_cents), 0) AS BIGINT) FROM transactions t \
         JOIN payments p ON p.transaction_id = t.id WHERE t.status = 'posted' AND p.reference <> $1 \
         AND p.contract_id = (SELECT contract_id FROM payments WHERE reference = $1)",
    )
    .bind(reference)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    Money::from_cents(cents)
}

/// Moves the clock to `day` and runs the payment jobs.
pub(crate) async fn run_jobs_on(app: &TestApp, day: time::Date) {
    app.advance((day - today(app)).whole_seconds());
    server::jobs::run_payments(&app.state).await.unwrap();
}

pub(crate) fn today(app: &TestApp) -> time::Date {
    time::OffsetDateTime::from_unix_timestamp(app.clock_now())
        .unwrap()
        .date()
}

pub(crate) async fn pay(
    app: &TestApp,
    c: &reqwest::Client,
    contract: i64,
    source: i64,
    amount: &str,
    date: time::Date,
    key: &str,
) -> reqwest::Response {
    app.post(
        c,
        "/api/make_payment",
        &[
            ("contract_id", &contract.to_string()),
            ("source_id", &source.to_string()),
            ("amount", amount),
            ("date", &date.to_string()),
            ("extra_to", "next_instalment"),
            ("key", key),
        ],
    )
    .await
}

#[tokio::test]
async fn sources_are_checked_sealed_and_shown_by_their_last_four() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let bank = |routing: &'static str, again: &'static str| {
        [
            ("country", "US"),
            ("holder", "Anna Kowalski"),
            ("account_type", "checking"),
            ("routing", routing),
            ("account", "000123456789"),
            ("account_again", again),
        ]
    };
    let r = app
        .post(
            &anna,
            "/api/add_bank_account",
            &bank("021000022", "000123456789"),
        )
        .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("routing", Issue::RoutingNumberCheck)
    );
    let r = app
        .post(
            &anna,
            "/api/add_bank_account",
            &bank("021000021", "000123456780"),
        )
        .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("account_again", Issue::AccountNumberMismatch)
    );
    let source = add_bank(&app, &anna, "000123456789").await;
    assert_eq!(source["last4"], "6789");
    assert_eq!(source["status"], "Unverified");

    let card = |number: &'static str| {
        [
            ("holder", "Anna Kowalski"),
            ("number", number),
            ("expiry", "12/35"),
            ("cvc", "123"),
        ]
    };
    let r = app
        .post(&anna, "/api/add_card", &card("4111 1111 1111 1112"))
        .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("number", Issue::CardNumberCheck)
    );
    let r = app
        .post(&anna, "/api/add_card", &card("4000000000000002"))
        .await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::CardDeclined)
    );
    let r = app
        .post(&anna, "/api/add_card", &card("4111 1111 1111 1111"))
        .await;
    assert_eq!(r.status(), 200);
    let visa: Value = r.json().await.unwrap();
    assert_eq!(
        (visa["brand"].as_str(), visa["last4"].as_str()),
        (Some("Visa"), Some("1111"))
    );

    // Nothing stored holds the account or card number, or the security code with it.
    let rows: Vec<(String, Option<String>, String)> =
        sqlx::query_as("SELECT last4, sealed_details, processor_token FROM payment_sources WHERE processor_token <> 'sim_bank_4321'")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 2);
    for (last4, sealed, token) in rows {
        let stored = format!("{last4}|{}|{token}", sealed.unwrap_or_default());
        assert!(
            !stored.contains("000123456789") && !stored.contains("4111111111111111"),
            "{stored}"
        );
    }
    let listed: Vec<Value> = app
        .post(&anna, "/api/payment_sources", &[])
        .await
        .json()
        .await
        .unwrap();
    // (On some days the demo book's own checking account ••4321 is there too.)
    assert_eq!(listed.iter().filter(|s| s["last4"] != "4321").count(), 2);

    // A card payment carries the card fee; the card's number is nowhere afterwards.
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let visa_id = visa["id"].as_i64().unwrap();
    let r = pay(
        &app,
        &anna,
        id,
        visa_id,
        "40.00",
        today(&app),
        "card-pay-0123456789ab",
    )
    .await;
    assert_eq!(r.status(), 200);
    let receipt: Value = r.json().await.unwrap();
    assert_eq!(money_of(&receipt["review"]["fee"]), Money::from_cents(295));
    assert_eq!(
        money_of(&receipt["review"]["total"]),
        Money::from_cents(4_295)
    );
    let texts: Vec<(String, String)> = sqlx::query_as(
        "SELECT subject, body_text FROM mail_outbox UNION ALL SELECT reference, request_hash FROM payments \
         UNION ALL SELECT reference, description FROM transactions",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert!(texts.iter().all(|(a, b)| !a.contains("4111111111111111")
        && !b.contains("4111111111111111")
        && !b.contains("1111 1111")));
    // The mail names the card by its last four (read as delivered: the outbox empties a body once
    // it is sent, so reading the outbox raced the delivery).
    let reference = receipt["reference"].as_str().unwrap();
    let mail = app
        .smtp
        .wait_subject(
            "anna.kowalski@demo.example",
            &format!("Payment {reference} received: $42.95"),
        )
        .await;
    assert!(mail.text.contains("Visa ••1111"), "{}", mail.text);
    assert!(!mail.text.contains("4111111111111111"));

    // Adding a source needs a recent re-authentication.
    app.advance(6 * 60);
    let r = app
        .post(&anna, "/api/add_card", &card("5555555555554444"))
        .await;
    assert_eq!(error_of(r).await, AppError::ReauthRequired);
}

#[tokio::test]
async fn a_payment_is_reviewed_made_once_and_posted_by_the_ledger() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let loan = annas_loan(&app, &anna).await;
    let id = loan["id"].as_i64().unwrap();
    // On some days the demo book already has a payment on its way.
    let already = match loan["in_flight"].is_null() {
        true => Money::ZERO,
        false => money_of(&loan["in_flight"]["amount"]),
    };
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
    let due = money_of(&options["due_now"]);
    assert!(due.is_positive(), "{options}");
    let today = today(&app);
    let amount = due.amount().to_string();

    // The review: where the money goes, to the cent, at the posting date.
    let r = app
        .post(
            &anna,
            "/api/review_payment",
            &[
                ("contract_id", &id.to_string()),
                ("source_id", &source.to_string()),
                ("amount", &amount),
                ("date", &today.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let review: Value = r.json().await.unwrap();
    let parts = ["fees", "interest", "principal", "tax", "excess"].map(|k| money_of(&review[k]));
    assert_eq!(parts.iter().copied().sum::<Money>(), due);
    assert_eq!(
        money_of(&review["fee"]),
        Money::ZERO,
        "bank payments are free"
    );
    let posts_on = date_of(&review["posts_on"]);
    assert_eq!(
        posts_on,
        app.state
            .config
            .payment_rules
            .posts_on(app::domain::payment::SourceKind::Bank, today)
    );

    let mails = app.queued_for("anna.kowalski@demo.example").await;
    let key = "form-0123456789abcdef";
    let r = pay(&app, &anna, id, source, &amount, today, key).await;
    assert_eq!(r.status(), 200);
    let receipt: Value = r.json().await.unwrap();
    let reference = receipt["reference"].as_str().unwrap().to_string();
    assert!(reference.starts_with("PMT-"), "{reference}");
    assert_eq!(
        receipt["status"], "Pending",
        "dated today: submitted at once"
    );
    assert_eq!(
        app.queued_for("anna.kowalski@demo.example").await,
        mails + 1,
        "a confirmation with the number"
    );
    // The same form sent again: the first answer. Changed: refused.
    let again: Value = pay(&app, &anna, id, source, &amount, today, key)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["reference"], reference.as_str());
    let r = pay(&app, &anna, id, source, "1.00", today, key).await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::PaymentKeyReused)
    );
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM payments WHERE idempotency_key NOT LIKE 'seed-%'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(count, 1);

    // In flight: nothing more is due now, and the dashboard says so.
    let card = annas_loan(&app, &anna).await;
    assert_eq!(money_of(&card["in_flight"]["amount"]), already + due);
    assert_eq!(money_of(&card["past_due"]), Money::ZERO);
    let balance_before = money_of(&card["balance"]);

    // On the posting day the job posts it, split exactly as the review said.
    server::jobs::run_payments(&app.state).await.unwrap();
    let status: String = sqlx::query_scalar("SELECT status FROM payments")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(status, "pending", "not before its posting day");
    app.advance((posts_on - today).whole_seconds());
    server::jobs::run_payments(&app.state).await.unwrap();
    // Days have passed: the session has timed out.
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let list: Vec<Value> = app
        .post(&anna, "/api/my_payments", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list[0]["status"], "Posted");
    let (interest, principal, date): (i64, i64, String) = sqlx::query_as(
        "SELECT interest_cents, principal_cents, effective_date FROM transactions WHERE reference = $1",
    )
    .bind(&reference)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(date, posts_on.to_string());
    assert_eq!(Money::from_cents(interest), parts[1]);
    assert_eq!(Money::from_cents(principal), parts[2]);
    let after = annas_loan(&app, &anna).await;
    assert_eq!(
        money_of(&after["balance"]),
        balance_before - parts[2] - others_principal(&app, &reference).await,
        "the balance falls by the principal"
    );
    assert!(after["in_flight"].is_null());
    let posted: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mail_outbox WHERE to_addr = $1 AND subject LIKE $2",
    )
    .bind("anna.kowalski@demo.example")
    .bind(format!("Payment {reference} posted"))
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(posted, 1, "a mail says it posted");
}
