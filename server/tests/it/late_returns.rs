//! Issue 14, returns after posting: a payment the payer's bank returns after it posted (R10, the
//! simulated account ending 0010) is taken off when its return window closes — the payment and its
//! transaction returned, the payments posted after it split again, the returned-payment fee charged,
//! the customer told once — and the balance is again what the ledger says; a payoff taken off so
//! reopens the contract; a payment nobody returns becomes final quietly.

use crate::autopay::mails_like;
use crate::common::*;
use crate::contracts::signed_in;
use crate::payments::{add_bank, annas_loan, date_of, money_of, run_jobs_on, today};
use app::domain::Money;
use serde_json::Value;

const ANNA: &str = "anna.kowalski@demo.example";
/// Business days after posting in which a return may still come (longer than a bank payment takes
/// to post, so a later payment posts inside the window).
const WINDOW: u32 = 5;

async fn seeded_with_window() -> TestApp {
    let app = spawn_with(Options {
        env: vec![("LATE_RETURN_DAYS", WINDOW.to_string())],
        ..Options::default()
    })
    .await;
    server::seed::seed_demo(&app.state).await.unwrap();
    app
}

async fn pay(
    app: &TestApp,
    c: &reqwest::Client,
    id: i64,
    source: i64,
    amount: &str,
    payoff: bool,
    key: &str,
) -> Value {
    let (id, source, date) = (id.to_string(), source.to_string(), today(app).to_string());
    let mut form = vec![
        ("contract_id", id.as_str()),
        ("source_id", source.as_str()),
        ("amount", amount),
        ("date", date.as_str()),
        ("extra_to", "next_instalment"),
        ("key", key),
    ];
    if payoff {
        form.push(("payoff", "on"));
    }
    let r = app.post(c, "/api/make_payment", &form).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

async fn payment(
    app: &TestApp,
    reference: &str,
) -> (String, Option<String>, Option<String>, Option<i64>) {
    sqlx::query_as(
        "SELECT status, return_code, final_on, final_at FROM payments WHERE reference = $1",
    )
    .bind(reference)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap()
}

/// (status, interest, principal, total of the split) of a payment's transaction.
async fn split(app: &TestApp, reference: &str) -> (String, i64, i64, i64) {
    sqlx::query_as(
        "SELECT status, interest_cents, principal_cents, fees_cents + interest_cents + principal_cents + excess_cents \
         FROM transactions WHERE reference = $1",
    )
    .bind(reference)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_payment_returned_after_it_posted_is_taken_off_and_the_next_one_split_again() {
    let app = seeded_with_window().await;
    let anna = signed_in(&app, ANNA).await;
    let late = add_bank(&app, &anna, "000987650010").await["id"]
        .as_i64()
        .unwrap();
    let good = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();

    let a = pay(
        &app,
        &anna,
        id,
        late,
        "300.00",
        false,
        "late-return-a-0123456",
    )
    .await;
    let a_ref = a["reference"].as_str().unwrap().to_string();
    let a_posts = date_of(&a["review"]["posts_on"]);
    run_jobs_on(&app, a_posts).await;
    let (status, _, final_on, final_at) = payment(&app, &a_ref).await;
    assert_eq!(status, "posted");
    assert_eq!(
        final_at, None,
        "not final while the bank may still return it"
    );
    let final_on = app::domain::dates::parse_iso(&final_on.unwrap()).unwrap();
    assert_eq!(final_on, app.state.config.payment_rules.final_on(a_posts));
    let (_, _, a_principal, _) = split(&app, &a_ref).await;

    // A second payment posts inside A's window.
    let anna = signed_in(&app, ANNA).await;
    let b = pay(
        &app,
        &anna,
        id,
        good,
        "300.00",
        false,
        "late-return-b-0123456",
    )
    .await;
    let b_ref = b["reference"].as_str().unwrap().to_string();
    let b_posts = date_of(&b["review"]["posts_on"]);
    assert!(b_posts < final_on);
    run_jobs_on(&app, b_posts).await;
    let (b_status, b_interest, b_principal, b_total) = split(&app, &b_ref).await;
    assert_eq!(b_status, "posted");
    let anna = signed_in(&app, ANNA).await;
    let balance_before = money_of(&annas_loan(&app, &anna).await["balance"]);

    // The window closes: the processor says R10, and A is taken off.
    let day_before = final_on.previous_day().unwrap();
    run_jobs_on(&app, day_before).await;
    assert_eq!(
        payment(&app, &a_ref).await.0,
        "posted",
        "not before its day"
    );
    run_jobs_on(&app, final_on).await;
    let (status, code, _, final_at) = payment(&app, &a_ref).await;
    assert_eq!(
        (status.as_str(), code.as_deref()),
        ("returned", Some("R10"))
    );
    assert!(final_at.is_some());
    assert_eq!(split(&app, &a_ref).await.0, "returned");
    // B now also pays the interest A had paid: more interest, less principal, same total.
    let (_, b_interest2, b_principal2, b_total2) = split(&app, &b_ref).await;
    assert_eq!(b_total2, b_total);
    assert!(
        b_interest2 > b_interest && b_principal2 < b_principal,
        "B split again"
    );
    let fee: i64 = sqlx::query_scalar(
        "SELECT amount_cents FROM transactions WHERE reference = $1 AND status = 'posted'",
    )
    .bind(format!("{a_ref}-FEE"))
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(fee, 2_500);
    // The balance is again the ledger's: the quote's principal, replayed from the amounts.
    let anna = signed_in(&app, ANNA).await;
    let card = annas_loan(&app, &anna).await;
    let balance = money_of(&card["balance"]);
    assert_eq!(
        balance,
        balance_before + Money::from_cents(a_principal + b_principal - b_principal2)
    );
    let quote: Value = app
        .post(
            &anna,
            "/api/payoff_quote",
            &[("contract_id", id.to_string().as_str())],
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(money_of(&quote["loan"]["principal"]), balance);
    assert_eq!(money_of(&quote["loan"]["fees"]), Money::from_cents(2_500));
    let subject = format!("Payment {a_ref} was returned after it posted");
    assert_eq!(mails_like(&app, &subject).await, 1);
    let mail = app.smtp.wait_subject(ANNA, &subject).await;
    assert!(
        mail.text.contains("$25.00"),
        "the fee is said: {}",
        mail.text
    );

    // B's own window closes quietly; nothing is taken off twice.
    let b_final = app.state.config.payment_rules.final_on(b_posts);
    run_jobs_on(&app, b_final).await;
    let (status, _, _, final_at) = payment(&app, &b_ref).await;
    assert_eq!(status, "posted");
    assert!(final_at.is_some(), "final once its window closed");
    assert_eq!(mails_like(&app, &subject).await, 1);
    assert_eq!(
        split(&app, &b_ref).await,
        ("posted".into(), b_interest2, b_principal2, b_total2)
    );
}

#[tokio::test]
async fn a_payoff_returned_after_it_posted_reopens_the_contract() {
    let app = seeded_with_window().await;
    let anna = signed_in(&app, ANNA).await;
    let late = add_bank(&app, &anna, "000987650010").await["id"]
        .as_i64()
        .unwrap();
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let receipt = pay(&app, &anna, id, late, "", true, "late-return-payoff-01234").await;
    let reference = receipt["reference"].as_str().unwrap().to_string();
    let posts_on = date_of(&receipt["review"]["posts_on"]);
    run_jobs_on(&app, posts_on).await;
    let status = |app: &TestApp| {
        let pool = app.state.db.pool.clone();
        async move {
            sqlx::query_scalar::<_, String>("SELECT status FROM contracts WHERE id = $1")
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(status(&app).await, "paid_off");
    run_jobs_on(&app, app.state.config.payment_rules.final_on(posts_on)).await;
    assert_eq!(payment(&app, &reference).await.0, "returned");
    assert_eq!(status(&app).await, "active", "open again");
    assert_eq!(
        mails_like(
            &app,
            &format!("Payoff payment {reference} was returned — your contract is open")
        )
        .await,
        1
    );
    let anna = signed_in(&app, ANNA).await;
    let card = annas_loan(&app, &anna).await;
    assert!(money_of(&card["balance"]).is_positive());
    assert_eq!(card["payoff_returned"], reference.as_str());
}
