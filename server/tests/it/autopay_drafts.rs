//! Autopay's jobs end to end: on the draft day exactly one draft is made, however often and from
//! however many instances the job runs; the 3-day notice goes once (the 5-day due reminder:
//! `autopay_reminders`); a change or a cancel touches only drafts not yet processing; two
//! returns and a payoff stop autopay with a mail. Dates are relative to the app clock.

use crate::autopay::*;
use crate::autopay_reminders::due_mails;
use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::{add_bank, money_of, today};
use app::domain::Money;
use app::error::AppError;
use serde_json::Value;

/// Moves the clock to the start of `day` (if it is still ahead).
pub(crate) fn advance_to(app: &TestApp, day: time::Date) {
    let secs = (day - today(app)).whole_seconds();
    if secs > 0 {
        app.advance(secs);
    }
}

async fn drafts(app: &TestApp) -> Vec<(String, String, i64, String)> {
    sqlx::query_as(
        "SELECT reference, status, amount_cents, due_date FROM payments WHERE autopay_id IS NOT NULL ORDER BY due_date, id",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap()
}

/// Anna with a bank account ending in `account`, enrolled in autopay on her loan (`days_before`
/// the due day, from two months ahead) by form `key`.
struct Enrolled {
    anna: reqwest::Client,
    /// The autopay page's offer for the loan before enrolling.
    offer: Value,
    id: i64,
    source: i64,
    /// The autopay as enrolling answered it.
    view: Value,
}

async fn enrolled(app: &TestApp, account: &str, days_before: &str, key: &str) -> Enrolled {
    let anna = signed_in(app, ANNA).await;
    let source = add_bank(app, &anna, account).await["id"].as_i64().unwrap();
    let offer = offer(app, &anna).await;
    let id = offer["contract_id"].as_i64().unwrap();
    let r = send(
        app,
        &anna,
        "enrol_autopay",
        id,
        source,
        "",
        days_before,
        &later_start(&offer),
        key,
    )
    .await;
    assert_eq!(r.status(), 200);
    let view = r.json().await.unwrap();
    Enrolled {
        anna,
        offer,
        id,
        source,
        view,
    }
}

pub(crate) async fn run_jobs(app: &TestApp) {
    server::jobs::run_payments(&app.state).await.unwrap();
}

#[tokio::test]
async fn the_draft_day_makes_exactly_one_draft_and_the_notice_goes_once() {
    let app = seeded().await;
    let Enrolled { offer: o, view, .. } =
        enrolled(&app, "000123456789", "2", "form-autopay-draft-0001").await;
    let draft_on = date_of(&view["next_draft"][0]);
    let amount = money_of(&view["next_draft"][1]);
    assert_eq!(amount, money_of(&o["regular"]));

    // Three days before: the notice, once.
    advance_to(&app, draft_on - time::Duration::days(3));
    run_jobs(&app).await;
    run_jobs(&app).await;
    assert_eq!(mails_like(&app, "Autopay drafts % on %").await, 1);
    assert!(drafts(&app).await.is_empty(), "not before its day");

    // On the day: one draft, however often and from however many instances the job runs.
    advance_to(&app, draft_on);
    let other = app.another_instance().await;
    let (a, b) = tokio::join!(
        server::jobs::run_payments(&app.state),
        server::jobs::run_payments(&other)
    );
    a.unwrap();
    b.unwrap();
    run_jobs(&app).await;
    let made = drafts(&app).await;
    assert_eq!(made.len(), 1, "{made:?}");
    let (reference, status, cents, due) = &made[0];
    assert!(reference.starts_with("PMT-"));
    assert_eq!(status, "pending", "submitted by the same pass");
    assert_eq!(Money::from_cents(*cents), amount);
    assert_eq!(
        *due,
        (draft_on + time::Duration::days(2)).to_string(),
        "it covers the instalment due two days later"
    );
    assert_eq!(mails_like(&app, "Autopay drafts % on %").await, 1);
    // A contract with autopay gets no due-date reminder.
    assert_eq!(due_mails(&app).await, 0);
}

#[tokio::test]
async fn a_change_or_a_cancel_touches_only_drafts_not_yet_processing() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let o = offer(&app, &anna).await;
    let id = o["contract_id"].as_i64().unwrap();
    let start = later_start(&o);
    let regular = money_of(&o["regular"]);
    let view: Value = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        source,
        "",
        "0",
        &start,
        "form-autopay-edit-00001",
    )
    .await
    .json()
    .await
    .unwrap();
    let first = date_of(&view["next_draft"][0]);
    // The draft is made but not yet submitted (the drafting step alone).
    advance_to(&app, first);
    app::payments::autopay_jobs::draft_due(&app.state)
        .await
        .unwrap();
    assert_eq!(drafts(&app).await[0].1, "scheduled");
    let anna = signed_in(&app, ANNA).await;
    let higher = regular + Money::from_cents(2_500);
    let r = send(
        &app,
        &anna,
        "change_autopay",
        id,
        source,
        &higher.amount().to_string(),
        "0",
        &start,
        "form-autopay-edit-00002",
    )
    .await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        Money::from_cents(drafts(&app).await[0].2),
        higher,
        "the scheduled draft follows"
    );
    // Its review (what the receipt and a later change compare with) follows too, split anew.
    let review: String = sqlx::query_scalar("SELECT review FROM payments WHERE reference = $1")
        .bind(&drafts(&app).await[0].0)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let review: Value = serde_json::from_str(&review).unwrap();
    assert_eq!(money_of(&review["amount"]), higher);
    assert_eq!(
        money_of(&review["total"]),
        higher,
        "a bank draft has no fee"
    );
    let split: Money = ["fees", "interest", "principal", "tax", "excess"]
        .iter()
        .map(|k| money_of(&review[*k]))
        .sum();
    assert_eq!(split, higher, "the split adds up to the new amount");
    run_jobs(&app).await;
    assert_eq!(drafts(&app).await[0].1, "pending");

    // The next month's draft, made and waiting; then a change and a cancel: the one in flight is
    // left alone, the waiting one follows the change and is cancelled with the autopay.
    let view: Value = offer(&app, &anna).await["autopay"].clone();
    let second = date_of(&view["next_draft"][0]);
    advance_to(&app, second);
    app::payments::autopay_jobs::draft_due(&app.state)
        .await
        .unwrap();
    let anna = signed_in(&app, ANNA).await;
    let r = send(
        &app,
        &anna,
        "change_autopay",
        id,
        source,
        "",
        "0",
        &start,
        "form-autopay-edit-00003",
    )
    .await;
    assert_eq!(r.status(), 200);
    let now = drafts(&app).await;
    assert_eq!(now.len(), 2, "{now:?}");
    assert_eq!(Money::from_cents(now[0].2), higher, "in flight: unchanged");
    assert_eq!(
        (now[1].1.as_str(), Money::from_cents(now[1].2)),
        ("scheduled", regular)
    );
    let r = app
        .post(
            &anna,
            "/api/cancel_autopay",
            &[("contract_id", &id.to_string())],
        )
        .await;
    assert_eq!(r.json::<u32>().await.unwrap(), 1);
    let now = drafts(&app).await;
    assert_ne!(now[0].1, "cancelled");
    assert_eq!(now[1].1, "cancelled");
    assert_eq!(
        mails_like(&app, "Autopay cancelled for contract LN-2023-004512").await,
        1
    );
    assert!(offer(&app, &anna).await["autopay"].is_null());
    let r = app
        .post(
            &anna,
            "/api/cancel_autopay",
            &[("contract_id", &id.to_string())],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::NotFound);
}

#[tokio::test]
async fn two_returned_drafts_stop_autopay_with_a_mail() {
    let app = seeded().await;
    // The simulated processor returns every payment from an account ending 0001 (R01).
    enrolled(&app, "000123450001", "0", "form-autopay-returns-01").await;
    for round in 1..=2 {
        let anna = signed_in(&app, ANNA).await;
        let view = offer(&app, &anna).await["autopay"].clone();
        assert!(!view.is_null(), "still on before return {round}");
        advance_to(&app, date_of(&view["next_draft"][0]));
        run_jobs(&app).await;
        // Settled on its posting day: returned.
        app.advance(8 * 24 * 3600);
        run_jobs(&app).await;
        let returned = drafts(&app)
            .await
            .iter()
            .filter(|d| d.1 == "returned")
            .count();
        assert_eq!(returned, round);
    }
    let (status, reason): (String, Option<String>) =
        sqlx::query_as("SELECT status, ended_reason FROM autopays")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), reason.as_deref()),
        ("ended", Some("returns"))
    );
    assert_eq!(
        mails_like(&app, "Autopay ended for contract LN-2023-004512").await,
        1
    );
    let anna = signed_in(&app, ANNA).await;
    assert!(offer(&app, &anna).await["autopay"].is_null());
}

#[tokio::test]
async fn a_payoff_stops_autopay_and_its_waiting_draft() {
    let app = seeded().await;
    let Enrolled {
        anna, id, source, ..
    } = enrolled(&app, "000123456789", "0", "form-autopay-payoff-01").await;
    // Pay the loan off today.
    let r = app
        .post(
            &anna,
            "/api/make_payment",
            &[
                ("contract_id", id.to_string().as_str()),
                ("source_id", source.to_string().as_str()),
                ("amount", ""),
                ("date", today(&app).to_string().as_str()),
                ("extra_to", "next_instalment"),
                ("payoff", "on"),
                ("key", "form-payoff-0123456789"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let receipt: Value = r.json().await.unwrap();
    let posts_on = date_of(&receipt["review"]["posts_on"]);
    advance_to(&app, posts_on);
    run_jobs(&app).await;
    let contract: String = sqlx::query_scalar("SELECT status FROM contracts WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(contract, "paid_off");
    let (status, reason): (String, Option<String>) =
        sqlx::query_as("SELECT status, ended_reason FROM autopays")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), reason.as_deref()),
        ("ended", Some("paid_off"))
    );
    assert_eq!(
        mails_like(&app, "Autopay ended for contract LN-2023-004512").await,
        1
    );
    // Nothing is ever drafted afterwards.
    app.advance(100 * 24 * 3600);
    run_jobs(&app).await;
    assert!(drafts(&app).await.is_empty());
}
