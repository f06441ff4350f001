//! Contracts of the seeded contract book: dashboard figures, consistency of the stored history
//! with the loan arithmetic, schedule CSV and pages; access control on every contract endpoint
//! in `access`.

use crate::common::*;
use app::domain::account::{TxnKind, TxnStatus};
use app::domain::dates::parse_iso;
use app::domain::loan::LoanLedger;
use app::domain::{Apr, Money};
use serde_json::Value;
use sqlx::Row;

mod access;
mod cards;

pub(crate) async fn seeded() -> TestApp {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    app
}

pub(crate) async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let c = app.client();
    assert_eq!(
        login(app, &c, email, server::seed::DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    c
}

pub(crate) async fn contracts_of(app: &TestApp, c: &reqwest::Client) -> Vec<Value> {
    let r = app.post(c, "/api/my_contracts", &[]).await;
    assert_eq!(r.status(), 200);
    r.json::<Vec<Value>>().await.unwrap()
}

pub(crate) async fn id_of(app: &TestApp, number: &str) -> i64 {
    sqlx::query("SELECT id FROM contracts WHERE contract_number = $1")
        .bind(number)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
        .try_get("id")
        .unwrap()
}

#[tokio::test]
async fn dashboard_figures_follow_the_contract_book() {
    let app = seeded().await;
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let list = contracts_of(&app, &olga).await;
    let numbers: Vec<&str> = list.iter().map(|c| c["number"].as_str().unwrap()).collect();
    assert_eq!(numbers.len(), 2);
    assert!(numbers.contains(&"LN-2021-001187") && numbers.contains(&"LS-2024-010406"));
    let honda = list
        .iter()
        .find(|c| c["number"] == "LN-2021-001187")
        .unwrap();
    // Balance = amount financed − principal of posted payments.
    let principal_paid: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(principal_cents), 0) AS BIGINT) FROM transactions t JOIN contracts c ON c.id = t.contract_id \
         WHERE c.contract_number = 'LN-2021-001187' AND t.kind = 'payment' AND t.status = 'posted'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let balance: Money = serde_json::from_value(honda["balance"].clone()).unwrap();
    assert_eq!(balance, Money::from_cents(2_395_000 - principal_paid));
    assert!(
        honda["next_due"].is_array(),
        "an active loan has a next due date"
    );
    assert_eq!(honda["past_due"], "0.00");

    let sam_id = id_of(&app, "LN-2022-002230").await;
    let sam_past_due: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM transactions WHERE contract_id = $1 AND kind = 'late_charge'",
    )
    .bind(sam_id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert!(
        sam_past_due >= 1,
        "the past-due demo contract carries late charges"
    );

    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let list = contracts_of(&app, &anna).await;
    let closed = list
        .iter()
        .find(|c| c["number"] == "LN-2017-000981")
        .unwrap();
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["balance"], "0.00");
}

#[tokio::test]
async fn stored_history_matches_the_loan_arithmetic() {
    let app = seeded().await;
    let db = &app.state.db.pool;
    let loans = sqlx::query(
        "SELECT id, amount_financed_cents, apr, contract_date FROM contracts WHERE kind = 'loan'",
    )
    .fetch_all(db)
    .await
    .unwrap();
    assert!(loans.len() >= 5);
    for loan in loans {
        let id: i64 = loan.try_get("id").unwrap();
        let apr = Apr::parse(&loan.try_get::<String, _>("apr").unwrap()).unwrap();
        let start = parse_iso(&loan.try_get::<String, _>("contract_date").unwrap()).unwrap();
        let mut ledger = LoanLedger::open(
            Money::from_cents(loan.try_get("amount_financed_cents").unwrap()),
            apr,
            start,
        );
        let txns = sqlx::query("SELECT kind, status, effective_date, amount_cents, fees_cents, interest_cents, principal_cents, excess_cents FROM transactions WHERE contract_id = $1 ORDER BY effective_date, id")
            .bind(id).fetch_all(db).await.unwrap();
        for t in txns {
            let kind = TxnKind::parse(&t.try_get::<String, _>("kind").unwrap()).unwrap();
            let status = TxnStatus::parse(&t.try_get::<String, _>("status").unwrap()).unwrap();
            let date = parse_iso(&t.try_get::<String, _>("effective_date").unwrap()).unwrap();
            let amount = Money::from_cents(t.try_get("amount_cents").unwrap());
            let cents = |c: &str| Money::from_cents(t.try_get(c).unwrap());
            match (kind, status) {
                (TxnKind::Fee | TxnKind::LateCharge, TxnStatus::Posted) => {
                    ledger.charge_fee(amount)
                }
                (TxnKind::Payment, TxnStatus::Posted) => {
                    let a = ledger.apply_payment(date, amount);
                    assert_eq!(
                        (a.fees, a.interest, a.principal, a.excess),
                        (
                            cents("fees_cents"),
                            cents("interest_cents"),
                            cents("principal_cents"),
                            cents("excess_cents")
                        ),
                        "contract {id} on {date}"
                    );
                }
                _ => {}
            }
        }
        assert!(!ledger.principal.amount().is_sign_negative());
    }
}

/// An autopay form for `contract` (the source is Olga's own or nobody's: not found either way).
#[tokio::test]
async fn schedule_csv_has_every_instalment_and_pages_cover_them() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let id = id_of(&app, "LN-2023-004512").await;
    let csv = text_of(anna.get(format!("{}/contracts/{id}/schedule.csv", app.base))).await;
    assert_eq!(csv.lines().count(), 61, "header + 60 instalments");
    let principal: Money = csv
        .lines()
        .skip(1)
        .map(|l| Money::round(l.split(',').nth(4).unwrap().parse().unwrap()))
        .sum();
    assert_eq!(
        principal,
        Money::from_cents(4_850_000),
        "principal column sums to the amount financed"
    );
    let page: Value = app
        .post(
            &anna,
            "/api/contract_schedule",
            &[("id", &id.to_string()), ("page", "5")],
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["pages"], 5);
    assert_eq!(page["items"].as_array().unwrap().len(), 12);
    assert_eq!(page["items"][11]["number"], 60);
}

/// The walk-through asked for a "due today" flag and a schedule that opens on the page with the
/// next payment due. Both are checked on whatever day this runs (layer 1b pins several).
#[tokio::test]
async fn due_today_is_flagged_and_the_schedule_opens_at_the_next_due_row() {
    let app = seeded().await;
    let mut c = signed_in(&app, "anna.kowalski@demo.example").await;
    let active = |list: Vec<Value>| {
        list.into_iter()
            .find(|x| x["status"] == "active" && !x["next_due"].is_null())
            .expect("an active contract with a payment due")
    };
    let contract = active(contracts_of(&app, &c).await);
    let id = contract["id"].as_i64().unwrap().to_string();
    // A date travels as [year, day of the year].
    let when = &contract["next_due"][0];
    let due = time::Date::from_ordinal_date(
        when[0].as_i64().unwrap() as i32,
        when[1].as_u64().unwrap() as u16,
    )
    .unwrap();
    let today = time::OffsetDateTime::from_unix_timestamp(app.clock_now())
        .unwrap()
        .date();
    assert_eq!(contract["due_today"], due == today, "{due} vs {today}");
    if due > today {
        app.advance((due - today).whole_seconds());
        c = signed_in(&app, "anna.kowalski@demo.example").await;
        let same = contracts_of(&app, &c)
            .await
            .into_iter()
            .find(|x| x["id"].as_i64().unwrap().to_string() == id)
            .unwrap();
        assert_eq!(same["due_today"], true, "on {due}");
    }
    // No page asked for: the page holding the first row not yet paid.
    let r = app
        .post(&c, "/api/contract_schedule", &[("id", &id), ("page", "0")])
        .await;
    let page: Value = r.json().await.unwrap();
    let items = page["items"].as_array().unwrap();
    assert!(
        items
            .iter()
            .any(|row| row["status"] != "Paid" && row["status"] != "PaidLate"),
        "page {} shows an unpaid row: {items:?}",
        page["page"]
    );
    if page["page"].as_u64().unwrap() > 1 {
        let before = page["page"].as_u64().unwrap() - 1;
        let r = app
            .post(
                &c,
                "/api/contract_schedule",
                &[("id", &id), ("page", &before.to_string())],
            )
            .await;
        let earlier: Value = r.json().await.unwrap();
        assert!(
            earlier["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|row| row["status"] == "Paid" || row["status"] == "PaidLate"),
            "the page before holds only paid rows"
        );
    }
}
