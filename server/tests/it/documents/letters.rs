//! Issue 16, documents: the lien release after payoff, the interest paid in a calendar year and the
//! balance confirmation, as PDFs in three languages, their figures read back out of the file and
//! checked against the books.

use super::{contract, download, pdf_text, read_in, says, seeded, signed_in, spaces};
use crate::common::*;
use app::domain::Money;
use app::i18n::{format, t, tf, Locale};

const LANGS: [(&str, Locale); 3] = [
    ("en", Locale::En),
    ("fr-CA", Locale::FrCa),
    ("ru", Locale::Ru),
];

/// A letter of contract `id` downloaded by `c`, in the language `c` reads.
async fn letter(app: &TestApp, c: &reqwest::Client, id: i64, file: &str) -> reqwest::Response {
    download(c, format!("{}/documents/{id}/{file}", app.base), None).await
}

async fn sum(app: &TestApp, column: &str, contract_id: i64, year: i32) -> (i64, i64) {
    sqlx::query_as(&format!(
        "SELECT COUNT(*), CAST(COALESCE(SUM({column}), 0) AS BIGINT) FROM transactions WHERE contract_id = $1 \
         AND kind = 'payment' AND status = 'posted' AND effective_date >= $2 AND effective_date <= $3"
    ))
    .bind(contract_id)
    .bind(format!("{year}-01-01"))
    .bind(format!("{year}-12-31"))
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_interest_letter_adds_up_the_interest_posted_payments_paid_in_the_year() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let (id, _) = contract(&app, "LN-2023-004512").await;
    let year = app.state.clock.now().date().year() - 1;
    // A payment returned in that year paid nothing: it must not count.
    sqlx::query(
        "INSERT INTO transactions (contract_id, kind, status, effective_date, amount_cents, fees_cents, \
         interest_cents, principal_cents, tax_cents, excess_cents, reference, description, created_at) \
         VALUES ($1, 'payment', 'returned', $2, 50000, 0, 12345, 37655, 0, 0, 'PAY-RETURNED-1', 'online_payment', 0)",
    )
    .bind(id)
    .bind(format!("{year}-06-15"))
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let (payments, interest) = sum(&app, "interest_cents", id, year).await;
    let (_, total) = sum(&app, "amount_cents", id, year).await;
    assert!(
        payments >= 10 && interest > 0,
        "a year of payments ({payments})"
    );
    let url = format!("{}/documents/{id}/interest-{year}.pdf", app.base);
    for (lang, l) in LANGS {
        read_in(&app, &anna, lang).await;
        let r = download(&anna, url.clone(), None).await;
        assert_eq!(r.status(), 200, "{lang}");
        assert_eq!(
            r.headers()["content-disposition"],
            format!("attachment; filename=\"LN-2023-004512-interest-{year}.pdf\"")
        );
        let text = pdf_text(&r.bytes().await.unwrap());
        let title = tf(l, "pdf-letter-interest-title", &[("year", year.into())]);
        assert!(text.contains(&spaces(&title)), "{lang}: {text}");
        let interest = format::money(l, Money::from_cents(interest), "USD");
        let total = format::money(l, Money::from_cents(total), "USD");
        assert!(
            text.contains(&spaces(&interest)),
            "{lang}: {interest} in {text}"
        );
        assert!(text.contains(&spaces(&total)), "{lang}: {total} in {text}");
        assert!(
            text.contains(&format!(" {payments} ")),
            "{lang}: {payments} payments"
        );
        assert!(text.contains("5UXCR6C03N9K12345"));
    }
    // The year still running, and a year before the contract, have no letter.
    for y in [year + 1, 2019] {
        let r = letter(&app, &anna, id, &format!("interest-{y}.pdf")).await;
        assert_eq!(r.status(), 404, "{y}");
    }
}

#[tokio::test]
async fn the_lien_release_names_the_vehicle_its_owners_and_the_day_after_payoff_only() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let (closed, _) = contract(&app, "LN-2017-000981").await;
    let (active, _) = contract(&app, "LN-2023-004512").await;
    let day: String = sqlx::query_scalar(
        "SELECT MAX(effective_date) FROM transactions WHERE contract_id = $1 AND kind = 'payment' AND status = 'posted'",
    )
    .bind(closed)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let day = app::domain::dates::parse_iso(&day).unwrap();
    for (lang, l) in LANGS {
        read_in(&app, &anna, lang).await;
        let r = letter(&app, &anna, closed, "lien-release.pdf").await;
        assert_eq!(r.status(), 200, "{lang}");
        let text = pdf_text(&r.bytes().await.unwrap());
        says(
            &text,
            l,
            lang,
            &[
                "pdf-letter-lien-title",
                "pdf-letter-lien-to",
                "pdf-letter-released-on",
            ],
        );
        assert!(
            text.contains(&spaces(&format::date(l, day))),
            "{lang}: {day}"
        );
        assert!(text.contains("JM1BN1V79H1112233") && text.contains("LN-2017-000981"));
        assert!(text.contains("Anna Kowalski"), "the owner is named");
    }
    // Not while a loan is being paid.
    let r = letter(&app, &anna, active, "lien-release.pdf").await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn the_balance_confirmation_gives_todays_balance_and_only_for_an_open_contract() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let (active, _) = contract(&app, "LN-2023-004512").await;
    let (closed, _) = contract(&app, "LN-2017-000981").await;
    let r = app.post(&anna, "/api/my_contracts", &[]).await;
    assert_eq!(r.status(), 200);
    let list: serde_json::Value = r.json().await.unwrap();
    let summary = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == active)
        .expect("Anna's loan")
        .clone();
    let balance: Money = serde_json::from_value(summary["balance"].clone()).unwrap();
    assert!(!balance.is_zero());
    let today = app.state.clock.now().date();
    for (lang, l) in LANGS {
        read_in(&app, &anna, lang).await;
        let r = letter(&app, &anna, active, "balance-confirmation.pdf").await;
        assert_eq!(r.status(), 200, "{lang}");
        let text = pdf_text(&r.bytes().await.unwrap());
        assert!(
            text.contains(&spaces(&t(l, "pdf-letter-balance-title"))),
            "{lang}: {text}"
        );
        let b = format::money(l, balance, "USD");
        assert!(text.contains(&spaces(&b)), "{lang}: {b} in {text}");
        assert!(
            text.contains(&spaces(&format::date(l, today))),
            "{lang}: dated today"
        );
    }
    let r = letter(&app, &anna, closed, "balance-confirmation.pdf").await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn the_lien_release_waits_until_the_payment_that_settled_the_loan_is_final() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let (id, _) = contract(&app, "LN-2023-004512").await;
    // The loan's last payment posts today and pays it off (as the settle job would record it).
    let today = app.state.clock.now().date();
    sqlx::query(
        "INSERT INTO transactions (contract_id, kind, status, effective_date, amount_cents, fees_cents, \
         interest_cents, principal_cents, tax_cents, excess_cents, reference, description, created_at) \
         VALUES ($1, 'payment', 'posted', $2, 100, 0, 0, 100, 0, 0, 'PAY-PAYOFF-TODAY', 'final_payoff', 0)",
    )
    .bind(id)
    .bind(today.to_string())
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    sqlx::query("UPDATE contracts SET status = 'paid_off' WHERE id = $1")
        .bind(id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let url = format!("{}/documents/{id}/lien-release.pdf", app.base);
    let kinds = |list: &serde_json::Value| -> Vec<serde_json::Value> {
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["contract_id"] == id)
            .unwrap()["letters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["kind"].clone())
            .collect()
    };
    // While that payment can still come back, the paid-in-full letter is there, the release not.
    let list: serde_json::Value = app
        .post(&anna, "/api/my_documents", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(kinds(&list)[0], "PaidInFull");
    assert!(!kinds(&list).contains(&"LienRelease".into()));
    assert_eq!(download(&anna, url.clone(), None).await.status(), 404);
    // Once it is final (the late-return window, in business days, has passed), it is.
    let final_on = app.state.config.payment_rules.final_on(today);
    app.advance((final_on - today).whole_seconds());
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let list: serde_json::Value = app
        .post(&anna, "/api/my_documents", &[])
        .await
        .json()
        .await
        .unwrap();
    assert!(kinds(&list).contains(&"LienRelease".into()));
    assert_eq!(download(&anna, url, None).await.status(), 200);
}

#[tokio::test]
async fn a_lease_bought_at_its_end_gets_the_title_release_a_returned_one_does_not() {
    let app = seeded().await;
    let (id, _) = contract(&app, "LS-2023-007731").await;
    // Marc bought his lease the day after his last instalment posted, and that purchase is final.
    let last: String = sqlx::query_scalar(
        "SELECT MAX(effective_date) FROM transactions WHERE contract_id = $1 AND kind = 'payment' AND status = 'posted'",
    )
    .bind(id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let bought = app::domain::dates::parse_iso(&last).unwrap() + time::Duration::days(1);
    sqlx::query(
        "INSERT INTO transactions (contract_id, kind, status, effective_date, amount_cents, fees_cents, \
         interest_cents, principal_cents, tax_cents, excess_cents, reference, description, created_at) \
         VALUES ($1, 'payment', 'posted', $2, 100, 0, 0, 100, 0, 0, 'PAY-LEASE-BOUGHT', 'final_payoff', 0)",
    )
    .bind(id)
    .bind(bought.to_string())
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let final_on = app.state.config.payment_rules.final_on(bought);
    let today = app.state.clock.now().date();
    if final_on > today {
        app.advance((final_on - today).whole_seconds());
    }
    let marc = signed_in(&app, "marc.tremblay@demo.example").await;
    for (status, expected) in [("closed", 404), ("paid_off", 200)] {
        sqlx::query("UPDATE contracts SET status = $1 WHERE id = $2")
            .bind(status)
            .bind(id)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
        let r = letter(&app, &marc, id, "title-release.pdf").await;
        assert_eq!(r.status(), expected, "{status}");
        // A lease has no lien release either way (the lessor owns the vehicle).
        assert_eq!(
            letter(&app, &marc, id, "lien-release.pdf").await.status(),
            404
        );
    }
    for (lang, l) in LANGS {
        read_in(&app, &marc, lang).await;
        let text = pdf_text(
            &letter(&app, &marc, id, "title-release.pdf")
                .await
                .bytes()
                .await
                .unwrap(),
        );
        says(
            &text,
            l,
            lang,
            &[
                "pdf-letter-title-title",
                "pdf-letter-bought-on",
                "pdf-letter-title-next",
            ],
        );
        assert!(
            text.contains(&spaces(&format::date(l, bought))),
            "{lang}: {bought}"
        );
        assert!(text.contains("WBA5R1C09LFH54321") && text.contains("Marc Tremblay"));
    }
}
