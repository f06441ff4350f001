//! A payment submitted but not yet posted counts against what is due — on the dashboard, the
//! details, the schedule and the history — so nobody is asked to pay the same instalment twice; it
//! counts against the balance only when it posts. Descriptions are codes, named in each language.

use crate::contracts::{contracts_of, seeded, signed_in};
use app::domain::dates::add_business_days;
use app::domain::Money;
use serde_json::Value;

/// A date as it travels in JSON: [year, day of the year].
fn date_of(v: &Value) -> time::Date {
    time::Date::from_ordinal_date(v[0].as_i64().unwrap() as i32, v[1].as_u64().unwrap() as u16)
        .unwrap()
}

fn money_of(v: &Value) -> Money {
    serde_json::from_value(v.clone()).unwrap()
}

#[tokio::test]
async fn a_payment_in_flight_is_netted_from_what_is_due() {
    let app = seeded().await;
    let c = signed_in(&app, "anna.kowalski@demo.example").await;
    let before = contracts_of(&app, &c)
        .await
        .into_iter()
        .find(|x| x["status"] == "active" && !x["next_due"].is_null())
        .expect("an active contract with a payment due");
    let id = before["id"].as_i64().unwrap();
    let (due, amount) = (
        date_of(&before["next_due"][0]),
        money_of(&before["next_due"][1]),
    );
    // On some days the demo book already has a payment on its way (paid a day or two ago).
    let (already, already_posts) = match before["in_flight"].is_null() {
        true => (Money::ZERO, None),
        false => (
            money_of(&before["in_flight"]["amount"]),
            Some(date_of(&before["in_flight"]["posts_on"])),
        ),
    };
    let past_due = money_of(&before["past_due"]);
    let fees_due = money_of(&before["fees_due"]);
    let today = time::OffsetDateTime::from_unix_timestamp(app.clock_now())
        .unwrap()
        .date();

    // The customer pays exactly what is due now (past due, fees, the next instalment) today.
    let paid = past_due + fees_due + amount;
    sqlx::query(
        "INSERT INTO transactions (contract_id, kind, status, effective_date, amount_cents, fees_cents, \
         interest_cents, principal_cents, tax_cents, excess_cents, reference, description, created_at) \
         VALUES ($1, 'payment', 'pending', $2, $3, 0, 0, 0, 0, 0, 'PMT-TEST-1', 'online_payment', $4)",
    )
    .bind(id)
    .bind(today.to_string())
    .bind(paid.cents())
    .bind(app.clock_now())
    .execute(&app.state.db.pool)
    .await
    .unwrap();

    let after = contracts_of(&app, &c)
        .await
        .into_iter()
        .find(|x| x["id"].as_i64() == Some(id))
        .unwrap();
    assert_eq!(money_of(&after["past_due"]), Money::ZERO, "{after}");
    assert_eq!(money_of(&after["fees_due"]), Money::ZERO, "{after}");
    assert_eq!(after["due_today"], false);
    if !after["next_due"].is_null() {
        assert!(
            date_of(&after["next_due"][0]) > due,
            "the next unpaid instalment: {after}"
        );
    }
    assert_eq!(money_of(&after["in_flight"]["amount"]), already + paid);
    assert_eq!(
        Some(date_of(&after["in_flight"]["posts_on"])),
        Some(add_business_days(today, 3)).max(already_posts),
        "the last of them"
    );
    assert_eq!(
        after["balance"], before["balance"],
        "the balance moves when it posts"
    );
    assert_eq!(after["payments_made"], before["payments_made"]);

    // The schedule marks the instalment it covers (on whichever page it is: the schedule opens at
    // the next unpaid one, which may be on the following page now); the history lists it as pending.
    let schedule_page = |page: u32| {
        let c = &c;
        let app = &app;
        async move {
            let r = app
                .post(
                    c,
                    "/api/contract_schedule",
                    &[("id", &id.to_string()), ("page", &page.to_string())],
                )
                .await;
            r.json::<Value>().await.unwrap()
        }
    };
    let pages = schedule_page(1).await["pages"].as_u64().unwrap() as u32;
    let mut row = None;
    for page in 1..=pages {
        row = schedule_page(page).await["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| date_of(&r["due_date"]) == due)
            .cloned();
        if row.is_some() {
            break;
        }
    }
    let row = row.expect("the covered row is in the schedule");
    assert_eq!(row["status"], "Pending", "{row}");

    // The dashboard says so, in the customer's language, and the history names the payment.
    for (lang, pending, online) in [
        ("en", "pending, posts on", "Online payment"),
        ("ru", "в обработке, будет зачислен", "Онлайн-платёж"),
        (
            "fr-CA",
            "en traitement, porté au compte le",
            "Paiement en ligne",
        ),
    ] {
        app.post(&c, "/api/set_language", &[("language", lang)])
            .await;
        let get = |path: String| c.get(format!("{}{path}", app.base)).send();
        let html = get("/dashboard".into())
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains(pending), "{lang}: {pending}");
        let html = get(format!("/contracts/{id}/history"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains(online), "{lang}: {online}");
        if lang != "en" {
            assert!(!html.contains("Online payment"), "{lang}: no English note");
        }
    }
}
