//! Autopay through the server functions: enrolment refuses what it must (lower than the regular
//! payment, a draft day 11 days before, a source in another currency, another customer's contract
//! or source) and is made once per form; the dashboard card and the back office show it with the
//! source masked; a source in use is removed only when the customer says what happens. The jobs'
//! side is in `autopay_drafts`. Dates are relative to the app clock (run at pinned days).

use crate::common::*;
use crate::contracts::{seeded, signed_in};
pub(crate) use crate::payments::date_of;
use crate::payments::{add_bank, annas_loan, money_of};
use app::domain::{Issue, Money};
use app::error::{AppError, Conflict};
use serde_json::Value;

pub(crate) const ANNA: &str = "anna.kowalski@demo.example";
/// Anna's loan as the autopay page offers it.
pub(crate) async fn offer(app: &TestApp, c: &reqwest::Client) -> Value {
    let r = app.post(c, "/api/autopay_options", &[]).await;
    assert_eq!(r.status(), 200);
    let all: Vec<Value> = r.json().await.unwrap();
    all.into_iter()
        .find(|x| x["number"] == "LN-2023-004512")
        .expect("Anna's loan is offered")
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn send(
    app: &TestApp,
    c: &reqwest::Client,
    endpoint: &str,
    contract: i64,
    source: i64,
    amount: &str,
    days_before: &str,
    start: &str,
    key: &str,
) -> reqwest::Response {
    app.post(
        c,
        &format!("/api/{endpoint}"),
        &[
            ("contract_id", contract.to_string().as_str()),
            ("source_id", source.to_string().as_str()),
            ("amount", amount),
            ("days_before", days_before),
            ("start_month", start),
            ("key", key),
        ],
    )
    .await
}

/// Two months ahead: clear of any instalment the demo book's own payment in flight covers.
pub(crate) fn later_start(offer: &Value) -> String {
    offer["start_months"][2].as_str().unwrap().to_string()
}

pub(crate) async fn mails_like(app: &TestApp, subject: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE to_addr = $1 AND subject LIKE $2")
        .bind(ANNA)
        .bind(subject)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn enrolment_refuses_what_it_must_and_is_made_once_per_form() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let o = offer(&app, &anna).await;
    let id = o["contract_id"].as_i64().unwrap();
    let regular = money_of(&o["regular"]);
    let start = o["start_months"][0].as_str().unwrap().to_string();
    let below = (regular - Money::from_cents(1)).amount().to_string();
    let key = "form-autopay-0123456789";
    for (amount, days, month, field, issue) in [
        (
            below.as_str(),
            "0",
            start.as_str(),
            "amount",
            Issue::AutopayBelowRegular,
        ),
        (
            "100.001",
            "0",
            start.as_str(),
            "amount",
            Issue::MoneyPrecision,
        ),
        ("0", "0", start.as_str(), "amount", Issue::MoneyNegative),
        (
            "99999999",
            "0",
            start.as_str(),
            "amount",
            Issue::PaymentOverPayoff,
        ),
        (
            "",
            "11",
            start.as_str(),
            "days_before",
            Issue::AutopayDaysBefore,
        ),
        ("", "0", "2001-01", "start_month", Issue::AutopayStartMonth),
    ] {
        let r = send(
            &app,
            &anna,
            "enrol_autopay",
            id,
            source,
            amount,
            days,
            month,
            key,
        )
        .await;
        assert_eq!(
            error_of(r).await,
            AppError::validation(field, issue),
            "{amount} {days} {month}"
        );
    }
    // A Canadian account cannot pay a US dollar contract.
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
    let canadian = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let r = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        canadian,
        "",
        "0",
        &start,
        key,
    )
    .await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::SourceCurrency)
    );
    assert!(
        !offer(&app, &anna).await["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == canadian),
        "the page does not offer it"
    );
    // Another customer's contract, or source: not found.
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let olgas_source = add_bank(&app, &olga, "000555666777").await["id"]
        .as_i64()
        .unwrap();
    let r = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        olgas_source,
        "",
        "0",
        &start,
        key,
    )
    .await;
    assert_eq!(error_of(r).await, AppError::NotFound);
    let olgas_loan: i64 =
        sqlx::query_scalar("SELECT id FROM contracts WHERE contract_number = 'LN-2021-001187'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let r = send(
        &app,
        &anna,
        "enrol_autopay",
        olgas_loan,
        source,
        "",
        "0",
        &start,
        key,
    )
    .await;
    assert_eq!(error_of(r).await, AppError::NotFound);

    // Enrolled once: a mail; the same form again answers the same; changed, it is refused.
    let mails = app.queued_for(ANNA).await;
    let fixed = (regular + Money::from_cents(5_000)).amount().to_string();
    let r = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        source,
        &fixed,
        "3",
        &start,
        key,
    )
    .await;
    assert_eq!(r.status(), 200);
    let view: Value = r.json().await.unwrap();
    assert_eq!(
        money_of(&view["fixed_amount"]),
        regular + Money::from_cents(5_000)
    );
    assert_eq!(view["days_before"], 3);
    assert!(!view["next_draft"].is_null());
    assert_eq!(app.queued_for(ANNA).await, mails + 1);
    assert_eq!(
        mails_like(&app, "Autopay is on for contract LN-2023-004512").await,
        1
    );
    let again = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        source,
        &fixed,
        "3",
        &start,
        key,
    )
    .await;
    assert_eq!(again.json::<Value>().await.unwrap()["id"], view["id"]);
    let r = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        source,
        "",
        "3",
        &start,
        key,
    )
    .await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::PaymentKeyReused)
    );
    let r = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        source,
        "",
        "3",
        &start,
        "form-autopay-other-key-1",
    )
    .await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::AutopayExists)
    );
    // Later: a change that keeps the source needs no re-authentication; one that moves the
    // drafts to another source does; enrolling always does.
    let other = add_bank(&app, &anna, "000987654321").await["id"]
        .as_i64()
        .unwrap();
    app.advance(6 * 60);
    let r = send(
        &app,
        &anna,
        "change_autopay",
        id,
        source,
        "",
        "5",
        &start,
        "form-autopay-change-01",
    )
    .await;
    assert_eq!(r.status(), 200);
    assert!(r.json::<Value>().await.unwrap()["fixed_amount"].is_null());
    assert_eq!(
        mails_like(&app, "Autopay changed for contract LN-2023-004512").await,
        1
    );
    let r = send(
        &app,
        &anna,
        "change_autopay",
        id,
        other,
        "",
        "5",
        &start,
        "form-autopay-change-02",
    )
    .await;
    assert_eq!(error_of(r).await, AppError::ReauthRequired);
    let r = send(
        &app,
        &olga,
        "enrol_autopay",
        olgas_loan,
        olgas_source,
        "",
        "0",
        &start,
        key,
    )
    .await;
    assert_eq!(error_of(r).await, AppError::ReauthRequired);
}

#[tokio::test]
async fn the_dashboard_and_the_back_office_show_autopay_with_a_masked_source() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let o = offer(&app, &anna).await;
    let id = o["contract_id"].as_i64().unwrap();
    assert!(annas_loan(&app, &anna).await["autopay"].is_null(), "off");
    let view: Value = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        source,
        "",
        "4",
        &later_start(&o),
        "form-autopay-badge-001",
    )
    .await
    .json()
    .await
    .unwrap();
    let card = annas_loan(&app, &anna).await;
    assert_eq!(card["autopay"]["last4"], "6789");
    assert_eq!(
        date_of(&card["autopay"]["next_draft"]),
        date_of(&view["next_draft"][0])
    );

    let agent = crate::backoffice::staff(&app, crate::backoffice::AGENT).await;
    let anna_id = crate::common::customer_id(&app, ANNA).await;
    let body = app
        .post(
            &agent,
            "/api/staff_customer",
            &[("id", &anna_id.to_string())],
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !body.contains("000123456789"),
        "staff see the last four only"
    );
    let file: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(file["autopays"][0]["contract_number"], "LN-2023-004512");
    assert_eq!(file["autopays"][0]["autopay"]["source"]["last4"], "6789");

    // The source cannot go without saying what happens to the autopay; told, it ends it.
    let sid = source.to_string();
    let r = app
        .post(&anna, "/api/remove_payment_source", &[("id", sid.as_str())])
        .await;
    assert_eq!(error_of(r).await, AppError::Conflict(Conflict::SourceInUse));
    let told = [("id", sid.as_str()), ("cancel_scheduled", "on")];
    let r = app.post(&anna, "/api/remove_payment_source", &told).await;
    assert_eq!(r.status(), 200);
    assert!(annas_loan(&app, &anna).await["autopay"].is_null());
    assert_eq!(
        mails_like(&app, "Autopay cancelled for contract LN-2023-004512").await,
        1
    );
}
