//! Access control on every endpoint that takes a contract: another customer's contract is not
//! found, and nobody signed in gets 401. A new endpoint that takes a contract is added here.

use super::{id_of, seeded, signed_in};
use crate::common::*;
use app::error::AppError;

fn autopay_form<'a>(contract: &'a str, key: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("contract_id", contract),
        ("source_id", "1"),
        ("amount", ""),
        ("days_before", "0"),
        ("start_month", "2030-01"),
        ("key", key),
    ]
}

#[tokio::test]
async fn another_customers_contract_is_not_found_on_every_endpoint() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let olgas = id_of(&app, "LN-2021-001187").await;
    let annas = id_of(&app, "LN-2023-004512").await;
    let id = olgas.to_string();
    for (path, form) in [
        ("/api/contract_detail", vec![("id", id.as_str())]),
        ("/api/contract_transfer_details", vec![("id", id.as_str())]),
        (
            "/api/contract_schedule",
            vec![("id", id.as_str()), ("page", "1")],
        ),
        (
            "/api/contract_history",
            vec![("id", id.as_str()), ("page", "1")],
        ),
        ("/api/payment_options", vec![("contract_id", id.as_str())]),
        ("/api/payoff_quote", vec![("contract_id", id.as_str())]),
        (
            "/api/review_payment",
            vec![
                ("contract_id", id.as_str()),
                ("source_id", "1"),
                ("amount", "10"),
                ("date", "2026-12-01"),
            ],
        ),
        (
            "/api/enrol_autopay",
            autopay_form(id.as_str(), "form-idor-enrol-000001"),
        ),
        (
            "/api/change_autopay",
            autopay_form(id.as_str(), "form-idor-change-00001"),
        ),
        ("/api/cancel_autopay", vec![("contract_id", id.as_str())]),
        ("/api/application_options", vec![("contract", id.as_str())]),
        (
            "/api/application_preview",
            vec![
                ("contract", id.as_str()),
                ("form[kind]", "due_date_change"),
                ("form[new_day]", "3"),
            ],
        ),
        (
            "/api/file_application",
            vec![
                ("contract", id.as_str()),
                ("form[kind]", "due_date_change"),
                ("form[new_day]", "3"),
                ("key", "form-idor-apply-00001"),
            ],
        ),
    ] {
        let r = app.post(&anna, path, &form).await;
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(error_of(r).await, AppError::NotFound);
    }
    for csv in ["schedule.csv", "history.csv"] {
        let r = anna
            .get(format!("{}/contracts/{olgas}/{csv}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "{csv}");
        let own = anna
            .get(format!("{}/contracts/{annas}/{csv}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(own.status(), 200);
        assert!(own.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv"));
    }
    // Nobody signed in: every endpoint refuses.
    let anon = app.client();
    for path in [
        "/api/my_contracts",
        "/api/contract_detail",
        "/api/contract_transfer_details",
        "/api/contract_schedule",
        "/api/contract_history",
        "/api/link_contract",
        "/api/authorize_device",
        "/api/payment_sources",
        "/api/payment_options",
        "/api/payoff_quote",
        "/api/review_payment",
        "/api/make_payment",
        "/api/my_payments",
        "/api/cancel_payment",
        "/api/change_payment",
        "/api/add_bank_account",
        "/api/add_card",
        "/api/remove_payment_source",
        "/api/autopay_options",
        "/api/enrol_autopay",
        "/api/change_autopay",
        "/api/cancel_autopay",
    ] {
        let r = app
            .post(
                &anon,
                path,
                &[
                    ("id", "1"),
                    ("page", "1"),
                    ("code", "123456"),
                    ("first_name", "A"),
                    ("last_name", "B"),
                    ("method", "vin"),
                    ("vin", ""),
                    ("last_payment", ""),
                    ("customer_id", ""),
                    ("contract_id", "1"),
                    ("source_id", "1"),
                    ("amount", "1"),
                    ("date", "2026-12-01"),
                    ("key", "k"),
                    ("reference", "PMT-X"),
                    ("country", "US"),
                    ("holder", "A B"),
                    ("account_type", "checking"),
                    ("account", "1"),
                    ("account_again", "1"),
                    ("number", "1"),
                    ("expiry", "1"),
                    ("cvc", "1"),
                    ("days_before", "0"),
                    ("start_month", "2026-12"),
                ],
            )
            .await;
        assert_eq!(r.status(), 401, "{path}");
    }
    let r = anon
        .get(format!("{}/contracts/{annas}/schedule.csv", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}
