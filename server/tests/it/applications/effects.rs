//! What approval does, kind by kind: a hardship deferral (after being sent back and corrected)
//! moves the unpaid instalments by its months; a partial early repayment schedules its payment
//! once, to principal; a lease extension adds its months at the same payment.

use super::*;
use crate::payments::add_bank;
use app::domain::Money;

#[tokio::test]
async fn a_deferral_sent_back_is_corrected_resubmitted_once_and_moves_the_schedule_when_approved() {
    let (app, anna, loan, contract) = anna_and_her_loan().await;
    let id = loan["id"].as_i64().unwrap();
    let next_due = date_of(&loan["next_due"][0]);
    let before = due_dates(&app, id).await;
    let filed = ok(call(
        &app,
        &anna,
        "file_application",
        &[
            ("contract", &contract),
            ("kind", "deferral"),
            ("months", "2"),
            ("text", "Reduced hours at work this winter."),
            ("key", "apply-deferral-0001"),
        ],
    )
    .await)
    .await;
    let app_id = filed["id"].as_i64().unwrap();
    let agent = staff(&app, AGENT).await;
    ok(decide(&app, &agent, app_id, "Review", "").await).await;
    // Sending back needs a reason, which the customer reads.
    let r = decide(&app, &agent, app_id, "Return", "  ").await;
    assert_eq!(r.status(), 400);
    ok(decide(
        &app,
        &agent,
        app_id,
        "Return",
        "Please attach your employer's letter and ask for one month.",
    )
    .await)
    .await;
    let mine = ok(app.post(&anna, "/api/my_applications", &[]).await).await;
    assert_eq!(mine[0]["status"], "Returned");
    assert_eq!(
        mine[0]["events"][2]["note"],
        "Please attach your employer's letter and ask for one month."
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE 'Your application APP-% needs a correction'").await,
        1
    );
    // Its preview: the open application of its kind is the one being corrected.
    let corrected_form = [
        ("contract", contract.as_str()),
        ("kind", "deferral"),
        ("months", "1"),
        (
            "text",
            "Reduced hours at work this winter. Letter attached.",
        ),
    ];
    let r = call(&app, &anna, "application_preview", &corrected_form).await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::NotEligible(Ineligible::AlreadyOpen))
    );
    let mut correcting = corrected_form.to_vec();
    let id_text = app_id.to_string();
    correcting.push(("correcting", &id_text));
    let preview = ok(call(&app, &anna, "application_preview", &correcting).await).await;
    assert!(preview["Deferral"]["resumes_on"].is_array(), "{preview}");
    // Corrected once per form; only a returned application can be corrected.
    let correction = [
        ("id", &*app_id.to_string()),
        ("kind", "deferral"),
        ("months", "1"),
        (
            "text",
            "Reduced hours at work this winter. Letter attached.",
        ),
        ("key", "apply-deferral-fix-01"),
    ];
    let first = ok(call(&app, &anna, "resubmit_application", &correction).await).await;
    assert_eq!(
        first,
        ok(call(&app, &anna, "resubmit_application", &correction).await).await
    );
    let mut other = correction.to_vec();
    other[4] = ("key", "apply-deferral-fix-02");
    let r = call(&app, &anna, "resubmit_application", &other).await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::ApplicationNotReturned)
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM application_events WHERE status = 'submitted'"
        )
        .await,
        2
    );
    // Approved as corrected: one month later, every unpaid instalment.
    ok(decide(&app, &agent, app_id, "Review", "").await).await;
    let supervisor = staff(&app, SUPERVISOR).await;
    ok(decide(
        &app,
        &supervisor,
        app_id,
        "Approve",
        "Approved for one month.",
    )
    .await)
    .await;
    // (Those paid, or covered by a payment on its way, stay.)
    let after = due_dates(&app, id).await;
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        let expected = if *b >= next_due {
            app::domain::dates::with_due_day(app::domain::dates::add_months(*b, 1), 15)
        } else {
            *b
        };
        assert_eq!(*a, expected);
    }
}

#[tokio::test]
async fn an_approved_partial_early_repayment_schedules_its_payment_once_to_principal() {
    let (app, anna, loan, contract) = anna_and_her_loan().await;
    let bank = add_bank(&app, &anna, "000123456789").await;
    let source = bank["id"].as_i64().unwrap().to_string();
    let on = (today(&app) + time::Duration::days(3)).to_string();
    let form = [
        ("contract", contract.as_str()),
        ("kind", "early_repayment"),
        ("amount", "2000.00"),
        ("date", &on),
        ("effect", "lower_payment"),
        ("source", &source),
    ];
    let preview = ok(call(&app, &anna, "application_preview", &form).await).await;
    let p = &preview["EarlyRepayment"];
    let money = |v: &Value| crate::payments::money_of(v);
    // What it pays on principal comes off the balance (and so does what a payment on its way
    // pays, on the days the demo book has one).
    let in_flight = loan["in_flight"].is_object();
    let left = money(&p["balance_before"]) - money(&p["principal"]);
    if in_flight {
        assert!(money(&p["balance_after"]) < left, "{p}");
    } else {
        assert_eq!(money(&p["balance_after"]), left);
    }
    assert!(
        money(&p["payment_after"]) < money(&p["payment_before"]),
        "{p}"
    );
    // The same months: those from the next one due, less that one when this payment covers it.
    let next_due = date_of(&loan["next_due"][0]);
    let covers_next = money(&loan["next_due"][1]).is_positive();
    let from_next = due_dates(&app, loan["id"].as_i64().unwrap())
        .await
        .into_iter()
        .filter(|d| *d >= next_due)
        .count() as u64;
    assert_eq!(
        p["remaining_after"].as_u64().unwrap() + u64::from(covers_next),
        from_next
    );
    // The whole payoff is not a partial repayment.
    let mut all = form.to_vec();
    all[2] = ("amount", "99999.00");
    let r = call(&app, &anna, "application_preview", &all).await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("amount", app::domain::Issue::PrepaymentNotPartial)
    );
    let mut filing = form.to_vec();
    filing.push(("key", "apply-early-000001"));
    let filed = ok(call(&app, &anna, "file_application", &filing).await).await;
    let app_id = filed["id"].as_i64().unwrap();
    let agent = staff(&app, AGENT).await;
    ok(decide(&app, &agent, app_id, "Review", "").await).await;
    let supervisor = staff(&app, SUPERVISOR).await;
    ok(decide(&app, &supervisor, app_id, "Approve", "").await).await;
    let (reference, amount, extra, status): (String, i64, String, String) = sqlx::query_as(
        "SELECT reference, amount_cents, extra_to, status FROM payments WHERE idempotency_key = $1",
    )
    .bind(app::applications::apply::payment_key(app_id))
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(
        (amount, extra.as_str(), status.as_str()),
        (200_000, "principal", "scheduled")
    );
    let mine = ok(app.post(&anna, "/api/my_applications", &[]).await).await;
    assert_eq!(mine[0]["outcome"]["payment_reference"], reference.as_str());
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM payments WHERE idempotency_key LIKE 'application-payment-%'"
        )
        .await,
        1
    );

    // Once it has posted, the schedule is made again from the balance it left: the same months,
    // a lower payment — what the preview promised — and only once, however often the job runs.
    let id = loan["id"].as_i64().unwrap();
    let paid_before = loan["payments_made"].as_i64().unwrap();
    let rows_before = count(
        &app,
        &format!("SELECT COUNT(*) FROM schedule_rows WHERE contract_id = {id}"),
    )
    .await;
    crate::payments::run_jobs_on(&app, app::domain::dates::parse_iso(&on).unwrap()).await;
    let posts_on: String = sqlx::query_scalar("SELECT posts_on FROM payments WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    crate::payments::run_jobs_on(&app, app::domain::dates::parse_iso(&posts_on).unwrap()).await;
    let status: String = sqlx::query_scalar("SELECT status FROM payments WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(status, "posted");
    server::jobs::run_payments(&app.state).await.unwrap();
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM applications WHERE recalculated_at IS NOT NULL"
        )
        .await,
        1
    );
    let payment_cents: i64 =
        sqlx::query_scalar("SELECT payment_cents FROM contracts WHERE id = $1")
            .bind(id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM schedule_rows WHERE contract_id = {id}")
        )
        .await,
        rows_before
    );
    // The level payment of the balance left over the months left (5.49 % APR): what the
    // preview promised.
    let anna = signed_in(&app, ANNA).await;
    let after = annas_loan(&app, &anna).await;
    let apr = app::domain::Apr::new(rust_decimal::Decimal::new(549, 2)).unwrap();
    let remaining = after["payments_remaining"].as_u64().unwrap() as u32;
    assert_eq!(
        Money::from_cents(payment_cents),
        app::domain::loan::level_payment(money(&after["balance"]), apr, remaining)
    );
    assert_eq!(Money::from_cents(payment_cents), money(&p["payment_after"]));
    assert!(Money::from_cents(payment_cents) < money(&p["payment_before"]));
    let paid_now = after["payments_made"].as_i64().unwrap();
    let unpaid: Vec<i64> = sqlx::query_scalar(
        "SELECT payment_cents FROM schedule_rows WHERE contract_id = $1 AND number > $2 ORDER BY number",
    )
    .bind(id)
    .bind(paid_now)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert!(paid_now >= paid_before);
    assert!(
        unpaid[..unpaid.len() - 1]
            .iter()
            .all(|c| *c == payment_cents),
        "{unpaid:?}"
    );
    let mine = ok(app.post(&anna, "/api/my_applications", &[]).await).await;
    assert_eq!(
        money(&mine[0]["outcome"]["payment_after"]),
        Money::from_cents(payment_cents)
    );
}

#[tokio::test]
async fn a_lease_extension_adds_its_months_at_the_same_payment() {
    let app = seeded().await;
    let marc = signed_in(&app, "marc.tremblay@demo.example").await;
    let lease = crate::contracts::contracts_of(&app, &marc)
        .await
        .into_iter()
        .find(|c| c["number"] == "LS-2023-007731")
        .unwrap();
    let id = lease["id"].as_i64().unwrap();
    let rows_before = count(
        &app,
        &format!("SELECT COUNT(*) FROM schedule_rows WHERE contract_id = {id}"),
    )
    .await;
    let r = call(
        &app,
        &marc,
        "file_application",
        &[
            ("contract", &id.to_string()),
            ("kind", "lease_extension"),
            ("months", "2"),
            ("key", "apply-extend-000001"),
        ],
    )
    .await;
    if lease["status"] != "active" || lease["past_due"] != "0.00" && lease["past_due"] != "0" {
        // On a pinned day after its last instalment, or behind: refused with the reason.
        assert_eq!(r.status(), 409);
        return;
    }
    let app_id = ok(r).await["id"].as_i64().unwrap();
    let agent = staff(&app, AGENT).await;
    ok(decide(&app, &agent, app_id, "Review", "").await).await;
    let supervisor = staff(&app, SUPERVISOR).await;
    ok(decide(&app, &supervisor, app_id, "Approve", "").await).await;
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT number, payment_cents FROM schedule_rows WHERE contract_id = $1 ORDER BY number DESC LIMIT 3",
    )
    .bind(id)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(rows[0].0, rows_before + 2);
    assert!(rows[0].1 == rows[1].1 && rows[1].1 == rows[2].1, "{rows:?}");
}
