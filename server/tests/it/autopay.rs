//! Autopay end to end through the server functions and the jobs: enrolment refuses what it must
//! (lower than the regular payment, a draft day 11 days before, a source in another currency,
//! another customer's contract or source); on the draft day exactly one draft is made, however
//! often and from however many instances the job runs; the 3-day notice and the 5-day due
//! reminder go once; a change or a cancel touches only drafts not yet processing; two returns and
//! a payoff stop autopay with a mail. Dates are relative to the app clock (run at pinned days).

use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::{add_bank, annas_loan, money_of, today};
use app::domain::{Issue, Money};
use app::error::{AppError, Conflict};
use serde_json::Value;

pub(crate) const ANNA: &str = "anna.kowalski@demo.example";

/// Anna's loan as the autopay page offers it.
async fn offer(app: &TestApp, c: &reqwest::Client) -> Value {
    let r = app.post(c, "/api/autopay_options", &[]).await;
    assert_eq!(r.status(), 200);
    let all: Vec<Value> = r.json().await.unwrap();
    all.into_iter()
        .find(|x| x["number"] == "LN-2023-004512")
        .expect("Anna's loan is offered")
}

#[allow(clippy::too_many_arguments)]
async fn send(
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

/// The start month two months ahead: clear of any instalment the demo book's own payment in
/// flight may already cover.
fn later_start(offer: &Value) -> String {
    offer["start_months"][2].as_str().unwrap().to_string()
}

fn date_of(v: &Value) -> time::Date {
    crate::payments::date_of(v)
}

/// Moves the clock to the start of `day` (if it is still ahead).
fn advance_to(app: &TestApp, day: time::Date) {
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

async fn mails_like(app: &TestApp, subject: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE to_addr = $1 AND subject LIKE $2")
        .bind(ANNA)
        .bind(subject)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

/// Due-date reminders for Anna's loan.
async fn due_mails(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM mail_outbox WHERE to_addr = $1 AND subject LIKE 'Payment of % due on %' \
         AND body_text LIKE '%LN-2023-004512%'",
    )
    .bind(ANNA)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap()
}

async fn run_jobs(app: &TestApp) {
    server::jobs::run_payments(&app.state).await.unwrap();
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
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM autopays")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(count, 1);

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
async fn the_draft_day_makes_exactly_one_draft_and_the_notice_goes_once() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let o = offer(&app, &anna).await;
    let id = o["contract_id"].as_i64().unwrap();
    let r = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        source,
        "",
        "2",
        &later_start(&o),
        "form-autopay-draft-0001",
    )
    .await;
    assert_eq!(r.status(), 200);
    let view: Value = r.json().await.unwrap();
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
async fn the_due_reminder_goes_five_days_before_once_and_honours_the_preference() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    // An instalment well ahead (clear of the demo book's own payment in flight).
    let dues: Vec<String> = sqlx::query_scalar(
        "SELECT due_date FROM schedule_rows WHERE contract_id = $1 AND due_date > $2 ORDER BY due_date LIMIT 3",
    )
    .bind(id)
    .bind((today(&app) + time::Duration::days(40)).to_string())
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    let due = app::domain::dates::parse_iso(&dues[0]).unwrap();
    advance_to(&app, due - time::Duration::days(6));
    run_jobs(&app).await;
    let before = {
        let c: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM payment_reminders WHERE due_date = $1")
                .bind(due.to_string())
                .fetch_one(&app.state.db.pool)
                .await
                .unwrap();
        c
    };
    assert_eq!(before, 0, "not six days before");
    app.advance(24 * 3600);
    let other = app.another_instance().await;
    let (a, b) = tokio::join!(
        server::jobs::run_payments(&app.state),
        server::jobs::run_payments(&other)
    );
    a.unwrap();
    b.unwrap();
    run_jobs(&app).await;
    let reminded: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM payment_reminders WHERE contract_id = $1 AND due_date = $2 AND kind = 'due_soon'",
    )
    .bind(id)
    .bind(due.to_string())
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(reminded, 1);
    assert_eq!(due_mails(&app).await, 1);

    // Reminders off in the profile: the next month's is not sent.
    sqlx::query("UPDATE customers SET notify_email = 0 WHERE email = $1")
        .bind(ANNA)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let next = app::domain::dates::parse_iso(&dues[1]).unwrap();
    advance_to(&app, next - time::Duration::days(4));
    run_jobs(&app).await;
    // (The mail is queued in the transaction that writes this row: no row, no mail.)
    let reminded: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM payment_reminders WHERE contract_id = $1 AND due_date = $2",
    )
    .bind(id)
    .bind(next.to_string())
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(reminded, 0);
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
    let anna = signed_in(&app, ANNA).await;
    // The simulated processor returns every payment from an account ending 0001 (R01).
    let source = add_bank(&app, &anna, "000123450001").await["id"]
        .as_i64()
        .unwrap();
    let o = offer(&app, &anna).await;
    let id = o["contract_id"].as_i64().unwrap();
    let r = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        source,
        "",
        "0",
        &later_start(&o),
        "form-autopay-returns-01",
    )
    .await;
    assert_eq!(r.status(), 200);
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
    let anna = signed_in(&app, ANNA).await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let o = offer(&app, &anna).await;
    let id = o["contract_id"].as_i64().unwrap();
    let r = send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        source,
        "",
        "0",
        &later_start(&o),
        "form-autopay-payoff-01",
    )
    .await;
    assert_eq!(r.status(), 200);
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
    let anna_id = crate::backoffice::customer_id(&app, ANNA).await;
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
    let remove = |cancel: bool| {
        let mut form = vec![("id", source.to_string())];
        if cancel {
            form.push(("cancel_scheduled", "on".to_string()));
        }
        form
    };
    let form = remove(false);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = app.post(&anna, "/api/remove_payment_source", &form).await;
    assert_eq!(error_of(r).await, AppError::Conflict(Conflict::SourceInUse));
    let form = remove(true);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = app.post(&anna, "/api/remove_payment_source", &form).await;
    assert_eq!(r.status(), 200);
    assert!(annas_loan(&app, &anna).await["autopay"].is_null());
    assert_eq!(
        mails_like(&app, "Autopay cancelled for contract LN-2023-004512").await,
        1
    );
}
