//! The 5-day due-date reminder for contracts without autopay: sent once however many instances
//! run the job, and not when the customer has turned reminders off. Dates are relative to the
//! app clock.

use crate::autopay::ANNA;
use crate::autopay_drafts::{advance_to, run_jobs};
use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::{annas_loan, today};

/// Due-date reminders for Anna's loan that reached her. The outbox clears a mail's body once it
/// is sent, so a count in the outbox would depend on whether the mail worker had got there yet:
/// they are counted at the SMTP sink once every queued mail has been delivered.
pub(crate) async fn due_mails(app: &TestApp) -> i64 {
    let unsent = || {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")
            .fetch_one(&app.state.db.pool)
    };
    let mut delivered = false;
    for _ in 0..300 {
        if unsent().await.unwrap() == 0 {
            delivered = true;
            break;
        }
        // Mail queued by another instance wakes that instance's worker, not this one's.
        app.state.outbox.wake();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(delivered, "mail was still unsent after 15 s");
    app.smtp
        .all()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == ANNA))
        .map(|m| crate::common::mail::Mail::decode(&m.data))
        .filter(|m| {
            m.subject.starts_with("Payment of ")
                && m.subject.contains(" due on ")
                && m.text.contains("LN-2023-004512")
        })
        .count() as i64
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
    let reminders =
        "SELECT COUNT(*) FROM payment_reminders WHERE contract_id = $1 AND due_date = $2";
    let count = |d: time::Date| {
        sqlx::query_scalar::<_, i64>(reminders)
            .bind(id)
            .bind(d.to_string())
            .fetch_one(&app.state.db.pool)
    };
    let before = count(due).await.unwrap();
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
    let reminded = count(due).await.unwrap();
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
    let reminded = count(next).await.unwrap();
    assert_eq!(reminded, 0);
}
