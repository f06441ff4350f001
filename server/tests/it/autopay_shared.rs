//! A contract two people hold (borrower and co-borrower, each with a login) has at most one
//! autopay: the other holder sees that it is on and who can change it, cannot set up a second one,
//! and cannot change or cancel it from their side.

use crate::autopay::{later_start, send, ANNA};
use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::add_bank;
use app::error::{AppError, Conflict};
use serde_json::Value;

async fn options_for_loan(app: &TestApp, c: &reqwest::Client) -> Value {
    let all: Vec<Value> = app
        .post(c, "/api/autopay_options", &[])
        .await
        .json()
        .await
        .unwrap();
    all.into_iter()
        .find(|x| x["number"] == "LN-2023-004512")
        .expect("the shared loan is offered")
}

#[tokio::test]
async fn a_co_borrower_sees_the_other_holders_autopay_and_cannot_touch_it() {
    let app = seeded().await;
    // Piotr, Anna's co-borrower, registers and links the loan by his customer ID.
    let email = "piotr@example.com";
    let pw = app.registered_active(email).await;
    let piotr = app.client();
    login(&app, &piotr, email, &pw).await;
    let r = app
        .post(
            &piotr,
            "/api/link_contract",
            &[
                ("first_name", "Piotr"),
                ("last_name", "Kowalski"),
                ("method", "customer_id"),
                ("vin", ""),
                ("last_payment", ""),
                ("customer_id", "NS-48213908"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);

    let anna = signed_in(&app, ANNA).await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let o = options_for_loan(&app, &anna).await;
    let id = o["contract_id"].as_i64().unwrap();
    assert_eq!(o["co_borrower_autopay"], false);
    let r = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        source,
        "",
        "0",
        &later_start(&o),
        "shared-autopay-anna-0001",
    )
    .await;
    assert_eq!(r.status(), 200);

    // Piotr sees it is on, set up by the other holder, with no form of his own.
    let mine = options_for_loan(&app, &piotr).await;
    assert!(
        mine["autopay"].is_null(),
        "Anna's account details are not his to see"
    );
    assert_eq!(mine["co_borrower_autopay"], true);
    let html = text_of(piotr.get(format!("{}/payments/autopay", app.base))).await;
    assert!(html.contains("Your co-borrower has set up autopay for this contract"));

    // A second autopay, a change or a cancel from his side: refused, and hers goes on.
    let his = add_bank(&app, &piotr, "000555566667").await["id"]
        .as_i64()
        .unwrap();
    let r = send(
        &app,
        &piotr,
        "enrol_autopay",
        id,
        his,
        "",
        "0",
        &later_start(&mine),
        "shared-autopay-piotr-001",
    )
    .await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::AutopayExists)
    );
    let r = send(
        &app,
        &piotr,
        "change_autopay",
        id,
        his,
        "",
        "0",
        &later_start(&mine),
        "shared-autopay-piotr-002",
    )
    .await;
    assert_eq!(error_of(r).await, AppError::NotFound);
    let r = app
        .post(
            &piotr,
            "/api/cancel_autopay",
            &[("contract_id", &id.to_string())],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::NotFound);
    let active: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM autopays WHERE contract_id = $1 AND status = 'active'",
    )
    .bind(id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(active, 1);
    assert!(!options_for_loan(&app, &anna).await["autopay"].is_null());
}
