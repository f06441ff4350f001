//! The good-through date's range, the payoff letter as a PDF for the contract's own customer in
//! the page's language, and a lease's purchase prices (issue 14, "Payoff in one step").

use super::{loan_quote, quote};
use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::{annas_loan, date_of, money_of, today};
use app::domain::Issue;
use app::error::AppError;
use serde_json::Value;
use time::Duration;

#[tokio::test]
async fn a_good_through_date_outside_today_to_thirty_days_is_refused() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let today = today(&app);
    for bad in ["yesterday", "31 days", "not a date"] {
        let date = match bad {
            "yesterday" => (today - Duration::days(1)).to_string(),
            "31 days" => (today + Duration::days(31)).to_string(),
            _ => "2027-02-30".to_string(),
        };
        let r = app
            .post(
                &anna,
                "/api/payoff_quote",
                &[
                    ("contract_id", id.to_string().as_str()),
                    ("good_through", &date),
                ],
            )
            .await;
        assert_eq!(r.status(), 400, "{bad}");
        assert_eq!(
            error_of(r).await,
            AppError::validation("good_through", Issue::PayoffDateRange),
            "{bad}"
        );
    }
    let q = loan_quote(&app, &anna, id, Some(today + Duration::days(30))).await;
    assert_eq!(date_of(&q["good_through"]), today + Duration::days(30));
}

#[tokio::test]
async fn the_payoff_letter_is_a_pdf_with_the_amount_for_the_contracts_customer_only() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let id = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let through = today(&app) + Duration::days(10);
    let total = money_of(&loan_quote(&app, &anna, id, Some(through)).await["total"]);
    let url = format!(
        "{}{}",
        app.base,
        app::payments::payoff_letter_href(id, through)
    );
    for (lang, amount) in [
        (
            "en",
            app::i18n::format::money(app::i18n::Locale::En, total, "USD"),
        ),
        (
            "fr-CA",
            app::i18n::format::money(app::i18n::Locale::FrCa, total, "USD"),
        ),
        (
            "ru",
            app::i18n::format::money(app::i18n::Locale::Ru, total, "USD"),
        ),
    ] {
        let r = app
            .post(&anna, "/api/set_language", &[("language", lang)])
            .await;
        assert_eq!(r.status(), 200);
        let r = crate::documents::download(&anna, url.clone(), None).await;
        assert_eq!(r.status(), 200, "{lang}");
        assert_eq!(r.headers()["content-type"], "application/pdf");
        let text = crate::documents::pdf_text(&r.bytes().await.unwrap());
        let amount = amount.replace(['\u{a0}', '\u{202f}'], " ");
        assert!(text.contains(&amount), "{lang}: {amount} in {text}");
        assert!(text.contains("LN-2023-004512"), "{lang}");
    }
    // Another customer, and nobody: not found / not signed in.
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let r = crate::documents::download(&olga, url.clone(), None).await;
    assert_eq!(r.status(), 404);
    let r = crate::documents::download(&app.client(), url, None).await;
    assert_eq!(r.status(), 401);
    // A good-through date out of range is refused, not drawn.
    let late = format!(
        "{}{}",
        app.base,
        app::payments::payoff_letter_href(id, today(&app) + Duration::days(31))
    );
    assert_eq!(
        crate::documents::download(&anna, late, None).await.status(),
        400
    );
}

#[tokio::test]
async fn a_lease_is_quoted_its_early_buyout_and_maturity_price() {
    let app = seeded().await;
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let (id, _) = crate::documents::contract(&app, "LS-2024-010406").await;
    let r = quote(&app, &olga, id, None).await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert!(v["loan"].is_null());
    let p = &v["lease"];
    let m = |k: &str| money_of(&p[k]);
    assert_eq!(
        m("remaining_payments") + m("residual") - m("unearned_rent")
            + m("purchase_option_fee")
            + m("fees"),
        m("buyout_total")
    );
    assert_eq!(
        m("remaining_payments"),
        m("monthly_payment") * p["payments_remaining"].as_u64().unwrap() as u32
    );
    assert_eq!(
        m("residual") + m("purchase_option_fee") + m("maturity_tax"),
        m("maturity_total")
    );
    // The maturity price is the one the contract page shows.
    let detail: Value = app
        .post(
            &olga,
            "/api/contract_detail",
            &[("id", id.to_string().as_str())],
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(money_of(&detail["purchase_price"]), m("maturity_total"));
    let html = text_of(olga.get(format!("{}/payments/payoff?contract={id}", app.base))).await;
    assert!(html.contains("Purchase price today") && html.contains("Purchase price at maturity"));
}
