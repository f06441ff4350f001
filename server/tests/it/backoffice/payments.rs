//! Back office, payments: an agent sees a customer's payments with sources by their last four
//! digits only, and cancels a scheduled one for the customer with a reason — audited, the customer
//! told, refused once the payment is under way; a customer session cannot do it.

use super::*;
use crate::payments::{add_bank, annas_loan, pay, today};
use app::domain::Issue;
use app::error::Conflict;

#[tokio::test]
async fn an_agent_sees_masked_payments_and_cancels_a_scheduled_one_with_a_reason() {
    let app = seeded().await;
    let anna_c = crate::contracts::signed_in(&app, "anna.kowalski@demo.example").await;
    let source = add_bank(&app, &anna_c, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let loan = annas_loan(&app, &anna_c).await["id"].as_i64().unwrap();
    let later = today(&app) + time::Duration::days(6);
    let scheduled: Value = pay(
        &app,
        &anna_c,
        loan,
        source,
        "75.00",
        later,
        "bo-cancel-0123456789ab",
    )
    .await
    .json()
    .await
    .unwrap();
    let reference = scheduled["reference"].as_str().unwrap().to_string();
    let now: Value = pay(
        &app,
        &anna_c,
        loan,
        source,
        "20.00",
        today(&app),
        "bo-pending-0123456789a",
    )
    .await
    .json()
    .await
    .unwrap();
    let pending = now["reference"].as_str().unwrap().to_string();

    let anna = customer_id(&app, "anna.kowalski@demo.example").await;
    let agent = staff(&app, AGENT).await;
    let r = app
        .post(&agent, "/api/staff_customer", &[("id", &anna.to_string())])
        .await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    assert!(
        !body.contains("000123456789") && !body.contains("0001234"),
        "staff see the last four only"
    );
    let file: Value = serde_json::from_str(&body).unwrap();
    // The two made here (the demo book's own payment in flight may be there too, from ••4321).
    let payments: Vec<&Value> = file["payments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["reference"].as_str().unwrap().starts_with("PMT-"))
        .collect();
    assert_eq!(payments.len(), 2);
    assert!(payments.iter().all(|p| p["source"]["last4"] == "6789"));

    // A reason is required; a customer's session cannot cancel through the staff door.
    let cancel = |c: &reqwest::Client, reference: &str, reason: &str| {
        let form = [
            ("reference", reference.to_string()),
            ("reason", reason.to_string()),
        ];
        let (c, base) = (c.clone(), app.base.clone());
        async move {
            c.post(format!("{base}/api/staff_cancel_payment"))
                .header("Origin", &base)
                .form(&form)
                .send()
                .await
                .unwrap()
        }
    };
    let r = cancel(&agent, &reference, "no").await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("reason", Issue::TooShort { min: 5 })
    );
    let r = cancel(&anna_c, &reference, "I want to cancel it").await;
    assert_eq!(r.status(), 401);
    let r = cancel(&agent, &pending, "Customer asked by phone").await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::PaymentNotCancellable),
        "under way already"
    );
    let r = cancel(&agent, "PMT-NOSUCHONE", "Customer asked by phone").await;
    assert_eq!(error_of(r).await, AppError::NotFound);

    let mails = app.queued_for("anna.kowalski@demo.example").await;
    let r = cancel(&agent, &reference, "Customer asked by phone").await;
    assert_eq!(r.status(), 200);
    let done: Value = r.json().await.unwrap();
    assert!(done["reference"].as_str().unwrap().starts_with("BO-"));
    assert_eq!(
        app.queued_for("anna.kowalski@demo.example").await,
        mails + 1,
        "the customer is told"
    );
    let detail: String =
        sqlx::query_scalar("SELECT detail FROM staff_actions WHERE action = 'cancel_payment'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(detail, format!("{reference}: Customer asked by phone"));
    let status: String = sqlx::query_scalar("SELECT status FROM payments WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(status, "cancelled");
    let r = cancel(&agent, &reference, "Customer asked by phone").await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::PaymentNotCancellable),
        "once only"
    );
}
