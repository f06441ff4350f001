//! Issue 14, a lease bought in one step: the pay form offers today's purchase price (the payoff
//! page's early buyout), the review shows it as the vehicle's price after any fees owed, it is paid
//! on the first processing day only and not while other payments are on their way, and when it
//! posts the lease ends — status paid off, nothing owing, the lease completion letter, no quote.

use super::{quote, run_jobs_on, status_of};
use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::{add_bank, date_of, money_of, today};
use app::domain::{Issue, Money};
use app::error::{AppError, Conflict};
use serde_json::Value;

const OLGA: &str = "olga.ivanova@demo.example";

async fn buy(
    app: &TestApp,
    c: &reqwest::Client,
    id: i64,
    source: i64,
    date: time::Date,
    key: &str,
) -> reqwest::Response {
    let (id, source, date) = (id.to_string(), source.to_string(), date.to_string());
    app.post(
        c,
        "/api/make_payment",
        &[
            ("contract_id", id.as_str()),
            ("source_id", source.as_str()),
            ("amount", ""),
            ("date", date.as_str()),
            ("extra_to", "next_instalment"),
            ("payoff", "on"),
            ("key", key),
        ],
    )
    .await
}

#[tokio::test]
async fn a_lease_is_bought_at_todays_purchase_price_and_ends_when_it_posts() {
    let app = seeded().await;
    let (id, _) = crate::documents::contract(&app, "LS-2024-010406").await;
    // The demo book may have a payment of this lease on its way: it posts first.
    let on_its_way: Option<String> = sqlx::query_scalar(
        "SELECT MAX(posts_on) FROM payments WHERE contract_id = $1 AND status IN ('scheduled', 'processing', 'pending')",
    )
    .bind(id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    if let Some(day) = on_its_way
        .as_deref()
        .and_then(app::domain::dates::parse_iso)
    {
        run_jobs_on(&app, day).await;
    }
    let olga = signed_in(&app, OLGA).await;
    let source = add_bank(&app, &olga, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let q: Value = quote(&app, &olga, id, None).await.json().await.unwrap();
    let price = money_of(&q["lease"]["buyout_total"]);
    let options: Value = app
        .post(
            &olga,
            "/api/payment_options",
            &[("contract_id", id.to_string().as_str())],
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        money_of(&options["payoff"]),
        price,
        "the form offers today's price"
    );

    // Today's price is paid on the first processing day only.
    let first = date_of(&options["earliest"]);
    let r = buy(
        &app,
        &olga,
        id,
        source,
        first.next_day().unwrap(),
        "lease-purchase-later-01",
    )
    .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("date", Issue::PaymentDateRange)
    );
    let r = buy(&app, &olga, id, source, first, "lease-purchase-now-0001").await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let receipt: Value = r.json().await.unwrap();
    let review = &receipt["review"];
    assert_eq!(money_of(&review["amount"]), price);
    assert_eq!(money_of(&review["interest"]), Money::ZERO);
    assert_eq!(money_of(&review["excess"]), Money::ZERO);
    assert_eq!(
        money_of(&review["fees"]) + money_of(&review["principal"]),
        price
    );
    // Nothing else is bought while it is on its way.
    let r = buy(&app, &olga, id, source, first, "lease-purchase-again-01").await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::PaymentsInProgress)
    );

    let posts_on = date_of(&review["posts_on"]);
    assert!(posts_on > today(&app));
    run_jobs_on(&app, posts_on).await;
    assert_eq!(status_of(&app, id).await, "paid_off", "the lease has ended");
    let (fees, principal, excess): (i64, i64, i64) = sqlx::query_as(
        "SELECT fees_cents, principal_cents, excess_cents FROM transactions WHERE reference = $1 AND status = 'posted'",
    )
    .bind(receipt["reference"].as_str().unwrap())
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(Money::from_cents(fees + principal), price);
    assert_eq!(excess, 0, "nothing is refunded");
    let olga = signed_in(&app, OLGA).await;
    let contracts: Vec<Value> = app
        .post(&olga, "/api/my_contracts", &[])
        .await
        .json()
        .await
        .unwrap();
    let lease = contracts.iter().find(|c| c["id"] == id).unwrap();
    assert_eq!(money_of(&lease["balance"]), Money::ZERO);
    let docs: Vec<Value> = app
        .post(&olga, "/api/my_documents", &[])
        .await
        .json()
        .await
        .unwrap();
    let mine = docs.iter().find(|d| d["contract_id"] == id).unwrap();
    assert_eq!(mine["letters"][0]["kind"], "PaidInFull");
    assert_eq!(
        error_of(quote(&app, &olga, id, None).await).await,
        AppError::Conflict(Conflict::ContractClosed)
    );
}
