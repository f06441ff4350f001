//! Back office, issue "what a new agent tripped over": an agent opens a contract from the
//! customer file and sees what the customer sees — the same figures, every schedule row, every
//! transaction with its allocation — plus who holds it, warned when a login's name is not the
//! contract's; opening it is on file.

use super::*;
use crate::contracts::signed_in;
use app::domain::Money;

/// The contract as staff see it (asserting it answered).
async fn staff_contract(app: &TestApp, agent: &reqwest::Client, id: i64) -> Value {
    let r = app
        .post(agent, "/api/staff_contract", &[("id", &id.to_string())])
        .await;
    assert_eq!(r.status(), 200, "contract {id}");
    r.json().await.unwrap()
}

/// What the customer's own API answers at `path` for contract `id` (every row for tables).
async fn customer_view(app: &TestApp, c: &reqwest::Client, path: &str, id: i64) -> Value {
    let id = id.to_string();
    let all = u32::MAX.to_string();
    let r = app.post(c, path, &[("id", &id), ("page", &all)]).await;
    assert_eq!(r.status(), 200, "{path} {id}");
    r.json().await.unwrap()
}

fn money(v: &Value) -> Money {
    serde_json::from_value(v.clone()).unwrap()
}

#[tokio::test]
async fn the_contract_view_shows_what_the_customer_sees() {
    let app = seeded().await;
    // A payment in flight on Olga's loan, so "payments in flight" is compared too.
    let honda = contract_id(&app, "LN-2021-001187").await;
    let today = time::OffsetDateTime::from_unix_timestamp(app.clock_now())
        .unwrap()
        .date();
    sqlx::query(
        "INSERT INTO transactions (contract_id, kind, status, effective_date, amount_cents, fees_cents, \
         interest_cents, principal_cents, tax_cents, excess_cents, reference, description, created_at) \
         VALUES ($1, 'payment', 'pending', $2, 12345, 0, 0, 0, 0, 0, 'PMT-BO-1', 'online_payment', $3)",
    )
    .bind(honda)
    .bind(today.to_string())
    .bind(app.clock_now())
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let agent = staff(&app, AGENT).await;
    let mut compared = 0;
    let mut lease_seen = false;
    for email in [
        "anna.kowalski@demo.example",
        "olga.ivanova@demo.example",
        "marc.tremblay@demo.example",
    ] {
        let customer = signed_in(&app, email).await;
        for mine in crate::contracts::contracts_of(&app, &customer).await {
            let id = mine["id"].as_i64().unwrap();
            let seen = staff_contract(&app, &agent, id).await;
            // The dashboard figures: balance, past due, fees due, in flight, next due, counts.
            assert_eq!(seen["detail"]["summary"], mine, "{email} contract {id}");
            // The terms and standing of the customer's details page.
            let detail = customer_view(&app, &customer, "/api/contract_detail", id).await;
            assert_eq!(seen["detail"], detail, "{email} contract {id}");
            // Every instalment, with the same status as on the customer's schedule.
            let schedule = customer_view(&app, &customer, "/api/contract_schedule", id).await;
            assert_eq!(seen["schedule"], schedule["items"], "contract {id}");
            let rows = seen["schedule"].as_array().unwrap();
            let stored: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM schedule_rows WHERE contract_id = $1")
                    .bind(id)
                    .fetch_one(&app.state.db.pool)
                    .await
                    .unwrap();
            assert_eq!(rows.len() as i64, stored);
            assert_eq!(rows.len() as u64, mine["term_months"].as_u64().unwrap());
            for (n, row) in rows.iter().enumerate() {
                assert_eq!(row["number"].as_u64(), Some(n as u64 + 1));
            }
            // Every transaction; each posted payment is fully allocated.
            let history = customer_view(&app, &customer, "/api/contract_history", id).await;
            assert_eq!(seen["history"], history["items"], "contract {id}");
            let mut posted = 0;
            for t in seen["history"].as_array().unwrap() {
                if t["kind"] == "Payment" && t["status"] == "Posted" {
                    let parts: Money = ["fees", "interest", "principal", "tax", "excess"]
                        .iter()
                        .map(|k| money(&t[*k]))
                        .sum();
                    assert_eq!(parts, money(&t["amount"]), "{t}");
                    posted += 1;
                }
            }
            assert!(posted > 0, "contract {id} has posted payments");
            lease_seen |= mine["kind"] == "Lease";
            compared += 1;
        }
    }
    assert_eq!(compared, 5);
    assert!(lease_seen);
    let olga = staff_contract(&app, &agent, honda).await;
    assert_eq!(
        money(&olga["detail"]["summary"]["in_flight"]["amount"]),
        Money::from_cents(12345)
    );
    assert_eq!(olga["history"][0]["reference"], "PMT-BO-1");
    assert_eq!(olga["history"][0]["status"], "Pending");
    // An unknown contract is not found.
    let r = app
        .post(&agent, "/api/staff_contract", &[("id", "999999")])
        .await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn documents_parties_and_logins_are_listed() {
    let app = seeded().await;
    let agent = staff(&app, AGENT).await;
    let anna = customer_id(&app, "anna.kowalski@demo.example").await;
    // Anna's open loan: Piotr is a co-borrower without a login.
    let x5 = staff_contract(&app, &agent, contract_id(&app, "LN-2023-004512").await).await;
    let parties: Vec<(&str, &str)> = x5["detail"]["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["role"].as_str().unwrap()))
        .collect();
    assert_eq!(
        parties,
        [
            ("Anna Kowalski", "primary"),
            ("Piotr Kowalski", "co_borrower")
        ]
    );
    let holders = x5["holders"].as_array().unwrap();
    assert_eq!(holders.len(), 1);
    assert_eq!(holders[0]["customer_id"], anna);
    assert_eq!(holders[0]["email"], "anna.kowalski@demo.example");
    // The documents are the customer's own list for this contract.
    let anna_c = signed_in(&app, "anna.kowalski@demo.example").await;
    let r = app.post(&anna_c, "/api/my_documents", &[]).await;
    let docs: Vec<Value> = r.json().await.unwrap();
    for d in &docs {
        let seen = staff_contract(&app, &agent, d["contract_id"].as_i64().unwrap()).await;
        assert_eq!(&seen["documents"], d);
    }
    // How the monthly run delivered the statements: nothing yet, then Anna's paper copy, held
    // because she has no mailing address on file.
    let x5_id = x5["detail"]["summary"]["id"].as_i64().unwrap();
    assert_eq!(x5["deliveries"], serde_json::json!([]));
    app::documents::mailing::issue_month(&app.state)
        .await
        .unwrap();
    let seen = staff_contract(&app, &agent, x5_id).await;
    let period = app::documents::periods::Period::of(app.state.clock.now().date()).previous();
    assert_eq!(
        seen["deliveries"],
        serde_json::json!([{ "period": period, "customer": "Anna Kowalski", "status": "Held", "mail_reference": null }])
    );
    let closed = docs
        .iter()
        .find(|d| d["number"] == "LN-2017-000981")
        .unwrap();
    let kinds: Vec<&Value> = closed["letters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| &l["kind"])
        .collect();
    assert_eq!(kinds[..2], ["PaidInFull", "LienRelease"]);
    assert!(
        kinds[2..].iter().all(|k| k["InterestPaid"].is_i64()),
        "{kinds:?}"
    );
    assert!(!x5["documents"]["statements"].as_array().unwrap().is_empty());
    // A contract nobody registered for: parties, no logins.
    let unregistered =
        staff_contract(&app, &agent, contract_id(&app, "LN-2024-005124").await).await;
    assert!(unregistered["holders"].as_array().unwrap().is_empty());
    assert_eq!(
        unregistered["detail"]["parties"].as_array().unwrap().len(),
        1
    );
}

#[tokio::test]
async fn a_name_mismatch_between_login_and_contract_is_flagged_only_when_names_differ() {
    let app = seeded().await;
    let agent = staff(&app, AGENT).await;
    let honda = contract_id(&app, "LN-2021-001187").await;
    let flags = |v: &Value| -> Vec<bool> {
        v["holders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["name_differs"].as_bool().unwrap())
            .collect()
    };
    assert_eq!(flags(&staff_contract(&app, &agent, honda).await), [false]);
    let rename = |first: &'static str, last: &'static str| {
        let db = app.state.db.pool.clone();
        async move {
            sqlx::query(
                "UPDATE contract_parties SET first_name = $1, last_name = $2 WHERE contract_id = $3",
            )
            .bind(first)
            .bind(last)
            .bind(honda)
            .execute(&db)
            .await
            .unwrap();
        }
    };
    // Case and surrounding spaces are not a different name.
    rename("  OLGA", "ivanova ").await;
    assert_eq!(flags(&staff_contract(&app, &agent, honda).await), [false]);
    // Another person's name is.
    rename("Olena", "Ivanova").await;
    let seen = staff_contract(&app, &agent, honda).await;
    assert_eq!(flags(&seen), [true]);
    assert_eq!(seen["holders"][0]["party_name"], "Olena Ivanova");
    assert_eq!(seen["holders"][0]["login_name"], "Olga Ivanova");
    // Her other contract still carries her own name.
    let tesla = contract_id(&app, "LS-2024-010406").await;
    assert_eq!(flags(&staff_contract(&app, &agent, tesla).await), [false]);
}

#[tokio::test]
async fn opening_a_contract_is_on_file_and_customers_cannot_call_the_new_staff_endpoints() {
    let app = seeded().await;
    let olga_id = customer_id(&app, "olga.ivanova@demo.example").await;
    let honda = contract_id(&app, "LN-2021-001187").await;
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let anon = app.client();
    let (id, customer) = (honda.to_string(), olga_id.to_string());
    for c in [&olga, &anon] {
        for (path, form) in [
            ("/api/staff_contract", vec![("id", id.as_str())]),
            ("/api/staff_recent_customers", vec![]),
            (
                "/api/staff_add_note",
                vec![
                    ("customer_id", customer.as_str()),
                    ("note", "from a customer"),
                ],
            ),
        ] {
            let r = app.post(c, path, &form).await;
            assert_eq!(r.status(), 401, "{path}");
        }
    }
    let notes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff_notes")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(notes, 0);

    let agent = staff(&app, AGENT).await;
    staff_contract(&app, &agent, honda).await;
    let (who, on_customer, detail): (String, Option<i64>, Option<String>) = sqlx::query_as(
        "SELECT s.full_name, a.customer_id, a.detail FROM staff_actions a JOIN staff s ON s.id = a.staff_id \
         WHERE a.action = 'view_contract' AND a.contract_id = $1",
    )
    .bind(honda)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(
        (who.as_str(), on_customer, detail.as_deref()),
        ("Jordan Reyes", Some(olga_id), Some("LN-2021-001187"))
    );
    // A read: on file, but not listed among the actions taken on her account.
    let file: Value = app
        .post(&agent, "/api/staff_customer", &[("id", &customer)])
        .await
        .json()
        .await
        .unwrap();
    assert!(file["actions"].as_array().unwrap().is_empty(), "{file}");
}
