//! Payments issue: "Paying from another bank: each contract shows transfer details (payee,
//! account, routing/BIK, reference = contract number) in the contract's country format."
//!
//! The demo book writes every contract in USD, so the test gives one demo customer's contract
//! CAD and another's RUB (the currency tells the country) before signing in.

use crate::common::*;
use crate::contracts::{contracts_of, seeded, signed_in};
use app::domain::remittance::{Remittance, TransferDetails};
use app::domain::Money;
use app::error::AppError;
use serde_json::Value;

/// (login, contract number, currency given to it)
const CASES: [(&str, &str, &str); 3] = [
    ("anna.kowalski@demo.example", "LN-2023-004512", "USD"),
    ("marc.tremblay@demo.example", "LS-2023-007731", "CAD"),
    ("olga.ivanova@demo.example", "LN-2021-001187", "RUB"),
];

async fn set_currency(app: &TestApp, number: &str, currency: &str) {
    let done = sqlx::query("UPDATE contracts SET currency = $1 WHERE contract_number = $2")
        .bind(currency)
        .bind(number)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(done.rows_affected(), 1, "{number}");
}

fn money(v: &Value) -> Money {
    serde_json::from_value(v.clone()).unwrap()
}

/// The account number a customer must type for each country, from the configured account.
fn payee_account(details: &TransferDetails) -> &str {
    match details {
        TransferDetails::Us(a) => a.account.as_str(),
        TransferDetails::Ca(a) => a.account.as_str(),
        TransferDetails::Ru(a) => a.account.as_str(),
    }
}

#[tokio::test]
async fn each_contract_shows_its_countrys_transfer_details_with_the_contract_number_as_reference() {
    let app = seeded().await;
    for (_, number, currency) in CASES {
        set_currency(&app, number, currency).await;
    }
    let defaults = Remittance::default();
    let mut owed = false;
    for (email, number, currency) in CASES {
        let c = signed_in(&app, email).await;
        let contract = contracts_of(&app, &c)
            .await
            .into_iter()
            .find(|x| x["number"] == number)
            .expect("the customer holds the contract");
        let id = contract["id"].as_i64().unwrap().to_string();
        let r = app
            .post(&c, "/api/contract_transfer_details", &[("id", &id)])
            .await;
        assert_eq!(r.status(), 200, "{number}");
        let x: Value = r.json().await.unwrap();
        assert_eq!(x["reference"], number);
        assert_eq!(x["currency"], currency);
        let details: TransferDetails = serde_json::from_value(x["account"].clone()).unwrap();
        assert_eq!(Some(&details), defaults.for_currency(currency).as_ref());
        match (&details, currency) {
            (TransferDetails::Us(a), "USD") => assert_eq!(a.routing.as_str(), "114000925"),
            (TransferDetails::Ca(a), "CAD") => assert_eq!(a.transit, "10071"),
            (TransferDetails::Ru(a), "RUB") => assert_eq!(a.bik.as_str(), "044525318"),
            other => panic!("{number}: wrong country {other:?}"),
        }
        // Due now: past due + fees due + the next instalment, as the dashboard shows them.
        let next = contract["next_due"]
            .as_array()
            .map_or(Money::ZERO, |d| money(&d[1]));
        let due = money(&contract["past_due"]) + money(&contract["fees_due"]) + next;
        assert_eq!(money(&x["amount_due"]), due, "{number}");
        owed |= due != Money::ZERO;

        // The details page, server-rendered, lays the account and the reference out.
        let page = c
            .get(format!("{}/contracts/{id}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        let account = payee_account(&details);
        // (In the card itself, not only in the serialized resource the page carries for hydration.)
        assert!(
            html.contains(&format!(r#"<span class="copy-value">{account}"#)),
            "{number}: the page shows {account}"
        );
        assert!(html.contains(&format!(r#"<span class="copy-value">{number}"#)));
        assert!(html.contains(r#"class="card transfer""#));
        // Each value has a real button naming what it copies.
        assert!(
            html.contains(r#"<button type="button" aria-label="Copy Reference (contract number)""#)
        );
        let buttons = html
            .matches(r#"<button type="button" aria-label="Copy "#)
            .count();
        assert!(buttons >= 6, "{number}: {buttons} copy buttons");
    }
    assert!(owed, "some contract has an amount due now");
}

#[tokio::test]
async fn another_customers_contract_has_no_transfer_details() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let olgas = contracts_of(&app, &olga).await[0]["id"].as_i64().unwrap();
    let r = app
        .post(
            &anna,
            "/api/contract_transfer_details",
            &[("id", &olgas.to_string())],
        )
        .await;
    assert_eq!(r.status(), 404);
    assert_eq!(error_of(r).await, AppError::NotFound);
    // Olga herself gets them.
    let r = app
        .post(
            &olga,
            "/api/contract_transfer_details",
            &[("id", &olgas.to_string())],
        )
        .await;
    assert_eq!(r.status(), 200);
}
