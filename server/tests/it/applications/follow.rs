//! What approval must not do: make a payment when it cannot apply (the contract fell behind while
//! the application waited), or leave an autopay drafting for a date the schedule no longer has.

use super::*;
use crate::payments::add_bank;

#[tokio::test]
async fn an_approval_that_cannot_apply_makes_no_payment() {
    let (app, anna, _, contract) = anna_and_her_loan().await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let on = (today(&app) + time::Duration::days(2)).to_string();
    let filed = ok(call(
        &app,
        &anna,
        "file_application",
        &[
            ("contract", &contract),
            ("kind", "early_repayment"),
            ("amount", "2500.00"),
            ("date", &on),
            ("effect", "shorten_term"),
            ("source", &source),
            ("key", "apply-early-late-0001"),
        ],
    )
    .await)
    .await;
    let id = filed["id"].as_i64().unwrap();
    let supervisor = staff(&app, SUPERVISOR).await;
    ok(decide(&app, &supervisor, id, "Review", "").await).await;
    // Forty days on, an instalment is overdue: approval is refused, and nothing was paid.
    app.advance(40 * 86_400);
    let supervisor = staff(&app, SUPERVISOR).await;
    let r = decide(&app, &supervisor, id, "Approve", "").await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::NotEligible(Ineligible::PastDue))
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM payments WHERE idempotency_key LIKE 'application-payment-%'"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM applications WHERE status = 'under_review'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn an_autopay_drafts_its_instalment_on_the_new_due_date() {
    let (app, anna, loan, contract) = anna_and_her_loan().await;
    let id = loan["id"].as_i64().unwrap();
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let offer = crate::autopay::offer(&app, &anna).await;
    let start = crate::autopay::later_start(&offer);
    let r = crate::autopay::send(
        &app,
        &anna,
        "enrol_autopay",
        id,
        source,
        "",
        "0",
        &start,
        "autopay-follow-000001",
    )
    .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let next_due = |app: &TestApp| {
        let pool = app.state.db.pool.clone();
        async move {
            let d: String =
                sqlx::query_scalar("SELECT next_due FROM autopays WHERE status = 'active'")
                    .fetch_one(&pool)
                    .await
                    .unwrap();
            app::domain::dates::parse_iso(&d).unwrap()
        }
    };
    let before = next_due(&app).await;
    let old_dates = due_dates(&app, id).await;
    let filed = ok(call(
        &app,
        &anna,
        "file_application",
        &[
            ("contract", &contract),
            ("kind", "due_date_change"),
            ("new_day", "27"),
            ("key", "apply-due-follow-0001"),
        ],
    )
    .await)
    .await;
    let app_id = filed["id"].as_i64().unwrap();
    let supervisor = staff(&app, SUPERVISOR).await;
    ok(decide(&app, &supervisor, app_id, "Review", "").await).await;
    ok(decide(&app, &supervisor, app_id, "Approve", "").await).await;
    // The instalment the autopay was waiting for is the same one, on its new date.
    let new_dates = due_dates(&app, id).await;
    let k = old_dates
        .iter()
        .position(|d| *d == before)
        .expect("the autopay waits for an instalment");
    assert_eq!(next_due(&app).await, new_dates[k]);
    assert_eq!(new_dates[k].day(), 27);
}

#[tokio::test]
async fn the_same_due_day_and_an_early_lease_extension_are_refused_with_their_reasons() {
    let (app, anna, loan, contract) = anna_and_her_loan().await;
    let day = date_of(&loan["next_due"][0]).day().to_string();
    let r = call(
        &app,
        &anna,
        "application_preview",
        &[
            ("contract", &contract),
            ("kind", "due_date_change"),
            ("new_day", &day),
        ],
    )
    .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("new_day", app::domain::Issue::SameDueDay)
    );
    // Olga's Tesla lease ends in late 2027: an extension is for its last 120 days.
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let tesla = crate::contracts::contracts_of(&app, &olga)
        .await
        .into_iter()
        .find(|c| c["number"] == "LS-2024-010406")
        .unwrap();
    let options = options_of(&app, &olga, &tesla["id"].as_i64().unwrap().to_string()).await;
    let extension = &options["kinds"][4];
    assert_eq!(extension[0], "LeaseExtension");
    assert!(
        extension[1]["Err"]["NotYet"]["from"].is_array(),
        "{options}"
    );
}
