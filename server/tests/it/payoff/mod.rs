//! Issue 14, "Payoff in one step": the quote's parts add up to the cent and equal what the review
//! charges for a payoff posting that day; the good-through date is checked; paying it closes the
//! contract with its paid-in-full letter; an overpayment shows as a refund due; a returned payoff
//! leaves the contract open and says so (mail, contract page, back office); the payoff letter is a
//! real PDF for the contract's own customer only; a lease is quoted its purchase prices.

use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::{add_bank, annas_loan, date_of, money_of, run_jobs_on, today};
use app::domain::{Issue, Money};
use app::error::{AppError, Conflict};
use serde_json::Value;
use time::{Date, Duration};

mod letter;
mod purchase;

async fn quote(
    app: &TestApp,
    c: &reqwest::Client,
    id: i64,
    date: Option<Date>,
) -> reqwest::Response {
    let id = id.to_string();
    let date = date.map(|d| d.to_string());
    let mut form = vec![("contract_id", id.as_str())];
    if let Some(d) = &date {
        form.push(("good_through", d.as_str()));
    }
    app.post(c, "/api/payoff_quote", &form).await
}

async fn loan_quote(app: &TestApp, c: &reqwest::Client, id: i64, date: Option<Date>) -> Value {
    let r = quote(app, c, id, date).await;
    assert_eq!(r.status(), 200);
    r.json::<Value>().await.unwrap()["loan"].clone()
}

fn parts_sum(q: &Value) -> Money {
    let m = |k: &str| money_of(&q[k]);
    m("principal") + m("interest_to_date") + m("days_interest") + m("fees") - m("credits")
}

/// Pays the payoff (the amount is the payoff on the posting day); the receipt.
async fn pay_off(app: &TestApp, c: &reqwest::Client, id: i64, source: i64, key: &str) -> Value {
    let r = app
        .post(
            c,
            "/api/make_payment",
            &[
                ("contract_id", id.to_string().as_str()),
                ("source_id", source.to_string().as_str()),
                ("amount", ""),
                ("date", today(app).to_string().as_str()),
                ("extra_to", "next_instalment"),
                ("payoff", "on"),
                ("key", key),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

async fn status_of(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("SELECT status FROM contracts WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_quote_adds_up_and_equals_the_reviews_payoff_for_that_posting_day() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let today = today(&app);
    // No date: good through today.
    let q = loan_quote(&app, &anna, id, None).await;
    assert_eq!(date_of(&q["good_through"]), today);
    assert_eq!(parts_sum(&q), money_of(&q["total"]));
    assert!(money_of(&q["principal"]).is_positive());
    // The review of a payoff paid today from the bank account: it posts on `posts_on`.
    let r = app
        .post(
            &anna,
            "/api/review_payment",
            &[
                ("contract_id", id.to_string().as_str()),
                ("source_id", source.to_string().as_str()),
                ("amount", ""),
                ("date", today.to_string().as_str()),
                ("payoff", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let review: Value = r.json().await.unwrap();
    let posts_on = date_of(&review["posts_on"]);
    assert!(posts_on > today);
    // One way: the quote good through the posting day is what the review charges.
    let q = loan_quote(&app, &anna, id, Some(posts_on)).await;
    assert_eq!(money_of(&q["total"]), money_of(&review["amount"]));
    assert_eq!(parts_sum(&q), money_of(&q["total"]));
    let days = (posts_on - date_of(&q["from"])).whole_days();
    assert_eq!(q["days"].as_i64().unwrap(), days);
    // The other way: the quoted total typed as an amount is taken; a cent more is over the payoff.
    let total = money_of(&q["total"]);
    for (amount, ok) in [(total, true), (total + Money::from_cents(1), false)] {
        let r = app
            .post(
                &anna,
                "/api/review_payment",
                &[
                    ("contract_id", id.to_string().as_str()),
                    ("source_id", source.to_string().as_str()),
                    ("amount", amount.amount().to_string().as_str()),
                    ("date", today.to_string().as_str()),
                ],
            )
            .await;
        if ok {
            assert_eq!(r.status(), 200);
            let v: Value = r.json().await.unwrap();
            assert_eq!(money_of(&v["principal"]), money_of(&q["principal"]));
            assert_eq!(money_of(&v["excess"]), Money::ZERO);
        } else {
            assert_eq!(
                error_of(r).await,
                AppError::validation("amount", Issue::PaymentOverPayoff)
            );
        }
    }
    // Every good-through day in the window adds up, and interest only grows.
    let mut last = Money::ZERO;
    for d in 0..=30 {
        let q = loan_quote(&app, &anna, id, Some(today + Duration::days(d))).await;
        let total = money_of(&q["total"]);
        assert_eq!(parts_sum(&q), total, "day {d}");
        assert!(total >= last, "day {d}");
        last = total;
    }
}

#[tokio::test]
async fn a_posted_payoff_pays_the_contract_off_with_its_letter() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let receipt = pay_off(&app, &anna, id, source, "payoff-0123456789abcd").await;
    let posts_on = date_of(&receipt["review"]["posts_on"]);
    let q = loan_quote(&app, &anna, id, Some(posts_on)).await;
    // Scheduled payoffs are credits against a new quote; this one is already on its way.
    assert_eq!(money_of(&q["total"]), Money::ZERO);
    run_jobs_on(&app, posts_on).await;
    assert_eq!(status_of(&app, id).await, "paid_off");
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let card = annas_loan(&app, &anna).await;
    assert_eq!(money_of(&card["balance"]), Money::ZERO);
    assert_eq!(
        money_of(&card["refund_due"]),
        Money::ZERO,
        "exactly the payoff"
    );
    let (principal, excess): (i64, i64) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(principal_cents), 0) AS BIGINT), CAST(COALESCE(SUM(excess_cents), 0) AS BIGINT) FROM transactions \
         WHERE contract_id = $1 AND kind = 'payment' AND status = 'posted'",
    )
    .bind(id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let financed: i64 =
        sqlx::query_scalar("SELECT amount_financed_cents FROM contracts WHERE id = $1")
            .bind(id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(
        (principal, excess),
        (financed, 0),
        "every cent of principal, nothing more"
    );
    let docs: Vec<Value> = app
        .post(&anna, "/api/my_documents", &[])
        .await
        .json()
        .await
        .unwrap();
    let mine = docs.iter().find(|d| d["contract_id"] == id).unwrap();
    assert_eq!(mine["letters"][0]["kind"], "PaidInFull");
    // Closed: no more quotes, and what stops at payoff sees it.
    let r = quote(&app, &anna, id, None).await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::ContractClosed)
    );
    assert!(app::payments::payoff::contract_paid_off(&app.state, id)
        .await
        .unwrap());
}

#[tokio::test]
async fn a_payoff_overtaking_a_payment_in_flight_leaves_a_refund_due() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let bank = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let r = app
        .post(
            &anna,
            "/api/add_card",
            &[
                ("holder", "Anna Kowalski"),
                ("number", "4111111111111111"),
                ("expiry", "12/35"),
                ("cvc", "123"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let card = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    // A regular payment from the bank (posts in 3 business days), then the payoff by card (posts
    // the next business day): the card's payoff arrives first, so the bank payment pays more than
    // is left when it posts.
    let first = crate::payments::pay(
        &app,
        &anna,
        id,
        bank,
        "500.00",
        today(&app),
        "regular-0123456789ab",
    )
    .await;
    assert_eq!(first.status(), 200);
    let first: Value = first.json().await.unwrap();
    let payoff = pay_off(&app, &anna, id, card, "payoff-card-0123456789").await;
    assert!(date_of(&payoff["review"]["posts_on"]) < date_of(&first["review"]["posts_on"]));
    run_jobs_on(&app, date_of(&first["review"]["posts_on"])).await;
    assert_eq!(status_of(&app, id).await, "paid_off");
    let excess: i64 =
        sqlx::query_scalar("SELECT excess_cents FROM transactions WHERE reference = $1")
            .bind(first["reference"].as_str().unwrap())
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(excess > 0, "the bank payment paid beyond the payoff");
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let loan = annas_loan(&app, &anna).await;
    assert_eq!(money_of(&loan["refund_due"]), Money::from_cents(excess));
    let detail: Value = app
        .post(
            &anna,
            "/api/contract_detail",
            &[("id", id.to_string().as_str())],
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        money_of(&detail["summary"]["refund_due"]),
        Money::from_cents(excess)
    );
    // The pages say it in the page's language.
    for (lang, words) in [
        ("en", "Refund due to you"),
        ("fr-CA", "Remboursement qui vous est dû"),
        ("ru", "Вам причитается возврат"),
    ] {
        let r = app
            .post(&anna, "/api/set_language", &[("language", lang)])
            .await;
        assert_eq!(r.status(), 200);
        let html = text_of(anna.get(format!("{}/contracts/{id}", app.base))).await;
        assert!(html.contains(words), "{lang}");
    }
}

#[tokio::test]
async fn a_returned_payoff_leaves_the_contract_open_and_says_so() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    // The simulated bank returns every payment from an account ending 0001 (R01).
    let source = add_bank(&app, &anna, "000987650001").await["id"]
        .as_i64()
        .unwrap();
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let receipt = pay_off(&app, &anna, id, source, "payoff-returned-012345").await;
    let reference = receipt["reference"].as_str().unwrap().to_string();
    run_jobs_on(&app, date_of(&receipt["review"]["posts_on"])).await;
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
    assert_eq!(status_of(&app, id).await, "active");
    assert!(!app::payments::payoff::contract_paid_off(&app.state, id)
        .await
        .unwrap());
    let mails: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE to_addr = $1 AND subject = $2")
            .bind("anna.kowalski@demo.example")
            .bind(format!(
                "Payoff payment {reference} was returned — your contract is open"
            ))
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(mails, 1);
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    assert_eq!(
        annas_loan(&app, &anna).await["payoff_returned"],
        reference.as_str()
    );
    let html = text_of(anna.get(format!("{}/contracts/{id}", app.base))).await;
    assert!(html.contains(&format!("Your payoff payment {reference} was returned")));
    // The back office's contract view says so too.
    let agent = crate::backoffice::staff(&app, crate::backoffice::AGENT).await;
    let r = app
        .post(
            &agent,
            "/api/staff_contract",
            &[("id", id.to_string().as_str())],
        )
        .await;
    assert_eq!(r.status(), 200);
    let file: Value = r.json().await.unwrap();
    assert_eq!(
        file["detail"]["summary"]["payoff_returned"],
        reference.as_str()
    );
    // And it can be quoted and paid again.
    assert!(parts_sum(&loan_quote(&app, &anna, id, None).await).is_positive());
}
