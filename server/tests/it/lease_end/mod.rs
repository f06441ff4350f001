//! Issue 16, lease end: the page's figures are the payoff flow's (the purchase prices) and the
//! domain's (the return estimate at the contract's rate); the window opens 120 days before
//! maturity; a pre-inspection is booked once per form, on a bookable day, and a new booking
//! replaces the old; loans and other customers' leases are not found. Runs at the pinned days.

use crate::applications::{count, ok};
use crate::common::*;
use crate::contracts::{contracts_of, seeded, signed_in};
use crate::payments::{date_of, money_of, today};
use app::domain::dates::{add_business_days, is_business_day};
use app::domain::Issue;
use app::error::AppError;

mod miles;

pub(crate) const MARC: &str = "marc.tremblay@demo.example";

pub(crate) async fn marcs_lease(app: &TestApp, c: &reqwest::Client) -> i64 {
    contracts_of(app, c)
        .await
        .into_iter()
        .find(|x| x["number"] == "LS-2023-007731")
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn the_options_show_the_payoff_flows_prices_and_the_domains_estimate() {
    let app = seeded().await;
    let marc = signed_in(&app, MARC).await;
    let id = marcs_lease(&app, &marc).await.to_string();
    let v = ok(app
        .post(&marc, "/api/lease_end", &[("contract", &id)])
        .await)
    .await;
    let quote = ok(app
        .post(&marc, "/api/payoff_quote", &[("contract_id", &id)])
        .await)
    .await;
    assert_eq!(
        money_of(&v["buyout_today"]),
        money_of(&quote["lease"]["buyout_total"])
    );
    assert_eq!(
        money_of(&v["maturity_price"]),
        money_of(&quote["lease"]["maturity_total"])
    );
    let maturity = date_of(&v["maturity"]);
    assert_eq!(
        date_of(&v["opens_on"]),
        maturity - time::Duration::days(120)
    );
    assert_eq!(
        v["open"].as_bool().unwrap(),
        (maturity - today(&app)).whole_days() <= 120
    );
    // 38,500 miles on a 36,000-mile lease at $0.25, plus $150 declared: 2,500 × 0.25 + 150.
    let e = ok(app
        .post(
            &marc,
            "/api/lease_return_estimate",
            &[("contract", &id), ("odometer", "38,500"), ("wear", "150")],
        )
        .await)
    .await;
    assert_eq!(e["excess_miles"], 2_500);
    assert_eq!(
        money_of(&e["mileage_charge"]),
        app::domain::Money::from_cents(62_500)
    );
    assert_eq!(
        money_of(&e["total"]),
        app::domain::Money::from_cents(77_500)
    );
    for (odometer, issue) in [
        ("", Issue::Required),
        ("12.5", Issue::WholeMiles),
        ("-3", Issue::WholeMiles),
    ] {
        let r = app
            .post(
                &marc,
                "/api/lease_return_estimate",
                &[("contract", &id), ("odometer", odometer), ("wear", "")],
            )
            .await;
        assert_eq!(
            error_of(r).await,
            AppError::validation("odometer", issue),
            "{odometer}"
        );
    }
}

#[tokio::test]
async fn a_pre_inspection_is_booked_once_per_form_on_a_bookable_day_and_a_new_one_replaces_it() {
    let app = seeded().await;
    let marc = signed_in(&app, MARC).await;
    let id = marcs_lease(&app, &marc).await.to_string();
    let v = ok(app
        .post(&marc, "/api/lease_end", &[("contract", &id)])
        .await)
    .await;
    let maturity = date_of(&v["maturity"]);
    let mut day = add_business_days(today(&app), 2);
    while !is_business_day(day) {
        day += time::Duration::days(1);
    }
    let book = |date: time::Date, key: &'static str| {
        let id = id.clone();
        let marc = marc.clone();
        let app = &app;
        async move {
            app.post(
                &marc,
                "/api/book_lease_inspection",
                &[("contract", &id), ("date", &date.to_string()), ("key", key)],
            )
            .await
        }
    };
    if !v["open"].as_bool().unwrap() || day > maturity + time::Duration::days(30) {
        let r = book(day, "inspect-form-000001").await;
        assert_eq!(
            error_of(r).await,
            AppError::validation("date", Issue::InspectionDate)
        );
        return;
    }
    let first = ok(book(day, "inspect-form-000001").await).await;
    assert!(first["reference"].as_str().unwrap().starts_with("INS-"));
    assert_eq!(first, ok(book(day, "inspect-form-000001").await).await);
    // Too soon, or a weekend: refused with the reason.
    let r = book(today(&app), "inspect-form-000002").await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("date", Issue::InspectionDate)
    );
    let mut weekend = day;
    while is_business_day(weekend) {
        weekend += time::Duration::days(1);
    }
    let r = book(weekend, "inspect-form-000003").await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("date", Issue::InspectionDate)
    );
    // Moved: the new booking replaces the old one.
    let mut later = day + time::Duration::days(1);
    while !is_business_day(later) {
        later += time::Duration::days(1);
    }
    if later <= maturity + time::Duration::days(30) {
        let second = ok(book(later, "inspect-form-000004").await).await;
        assert_ne!(second["reference"], first["reference"]);
        let v = ok(app
            .post(&marc, "/api/lease_end", &[("contract", &id)])
            .await)
        .await;
        assert_eq!(v["inspection"], second);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM lease_inspections WHERE cancelled_at IS NULL"
            )
            .await,
            1
        );
    }
}

#[tokio::test]
async fn a_loan_or_another_customers_lease_is_not_found() {
    let app = seeded().await;
    let marc = signed_in(&app, MARC).await;
    let lease = marcs_lease(&app, &marc).await.to_string();
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let loan = crate::payments::annas_loan(&app, &anna).await["id"]
        .as_i64()
        .unwrap()
        .to_string();
    for contract in [&lease, &loan] {
        for (path, form) in [
            ("/api/lease_end", vec![("contract", contract.as_str())]),
            (
                "/api/lease_return_estimate",
                vec![
                    ("contract", contract.as_str()),
                    ("odometer", "1000"),
                    ("wear", ""),
                ],
            ),
            (
                "/api/book_lease_inspection",
                vec![
                    ("contract", contract.as_str()),
                    ("date", "2026-12-20"),
                    ("key", "inspect-idor-000001"),
                ],
            ),
            (
                "/api/buy_extra_miles",
                vec![
                    ("contract", contract.as_str()),
                    ("miles", "1000"),
                    ("source", "1"),
                    ("key", "miles-idor-00000001"),
                ],
            ),
        ] {
            let r = app.post(&anna, path, &form).await;
            assert_eq!(error_of(r).await, AppError::NotFound, "{path} {contract}");
            let r = app.post(&app.client(), path, &form).await;
            assert_eq!(r.status(), 401, "{path}");
        }
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM lease_inspections").await,
        0
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mile_purchases").await, 0);
}
