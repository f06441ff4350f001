//! Back office, issue "what a new agent tripped over": notes on a customer (checked, append-only,
//! each on file with its author) and the home page's recently opened customer files.

use super::*;
use app::domain::Issue;

async fn add_note(
    app: &TestApp,
    c: &reqwest::Client,
    customer: i64,
    note: &str,
) -> reqwest::Response {
    app.post(
        c,
        "/api/staff_add_note",
        &[("customer_id", &customer.to_string()), ("note", note)],
    )
    .await
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

async fn file_of(app: &TestApp, c: &reqwest::Client, customer: i64) -> Value {
    let r = app
        .post(c, "/api/staff_customer", &[("id", &customer.to_string())])
        .await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

#[tokio::test]
async fn notes_are_checked_listed_newest_first_and_on_file() {
    let app = seeded().await;
    let anna = customer_id(&app, "anna.kowalski@demo.example").await;
    let agent = staff(&app, AGENT).await;
    // Empty (after trimming) and too long are refused with a typed answer; nothing is written.
    for (text, issue) in [
        ("   \n ".to_string(), Issue::Required),
        ("x".repeat(2001), Issue::TooLong { max: 2000 }),
    ] {
        let r = add_note(&app, &agent, anna, &text).await;
        assert_eq!(r.status(), 400);
        assert_eq!(error_of(r).await, AppError::validation("note", issue));
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_notes").await, 0);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM staff_actions WHERE action = 'add_note'"
        )
        .await,
        0
    );
    // 2000 characters (not bytes) is the limit; the text is kept trimmed.
    let long = "é".repeat(2000);
    let r = add_note(&app, &agent, anna, &format!("  {long}  ")).await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    app.advance(60);
    let r = add_note(
        &app,
        &agent,
        anna,
        "  Called about the payoff quote.\nSent the link.  ",
    )
    .await;
    assert_eq!(r.status(), 200);
    let done: Value = r.json().await.unwrap();
    let reference = done["reference"].as_str().unwrap().to_string();
    app.advance(60);
    let supervisor = staff(&app, SUPERVISOR).await;
    assert_eq!(
        add_note(&app, &supervisor, anna, "Checked ID by callback.")
            .await
            .status(),
        200
    );

    let file = file_of(&app, &agent, anna).await;
    let notes = file["notes"].as_array().unwrap();
    let seen: Vec<(&str, &str)> = notes
        .iter()
        .map(|n| (n["staff"].as_str().unwrap(), n["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        seen,
        [
            ("Priya Nair", "Checked ID by callback."),
            (
                "Jordan Reyes",
                "Called about the payoff quote.\nSent the link."
            ),
            ("Jordan Reyes", long.as_str()),
        ]
    );
    let times: Vec<i64> = notes.iter().map(|n| n["at"].as_i64().unwrap()).collect();
    assert!(times[0] > times[1] && times[1] > times[2], "{times:?}");
    // Each note is a staff action with its reference, listed on the account.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM staff_actions WHERE action = 'add_note'"
        )
        .await,
        3
    );
    let actions = file["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 3);
    assert!(actions.iter().all(|a| a["action"] == "add_note"));
    assert_eq!(actions[1]["reference"], reference.as_str());
    assert_eq!(actions[1]["staff"], "Jordan Reyes");
    // A note on nobody is not found, and writes nothing.
    assert_eq!(add_note(&app, &agent, 999_999, "lost").await.status(), 404);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_notes").await, 3);
}

#[tokio::test]
async fn the_home_page_lists_the_files_this_agent_opened_last() {
    let app = seeded().await;
    let agent = staff(&app, AGENT).await;
    let supervisor = staff(&app, SUPERVISOR).await;
    let recent = |c: reqwest::Client| {
        let app = &app;
        async move {
            let r = app.post(&c, "/api/staff_recent_customers", &[]).await;
            assert_eq!(r.status(), 200);
            let list: Vec<Value> = r.json().await.unwrap();
            list.iter()
                .map(|c| c["email"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    assert!(recent(agent.clone()).await.is_empty());
    let id = |e: &'static str| customer_id(&app, e);
    let (anna, olga, marc) = (
        id("anna.kowalski@demo.example").await,
        id("olga.ivanova@demo.example").await,
        id("marc.tremblay@demo.example").await,
    );
    for who in [anna, olga, marc, anna] {
        file_of(&app, &agent, who).await;
        app.advance(5);
    }
    // Opening a contract or searching is not opening a file.
    let r = app
        .post(
            &agent,
            "/api/staff_contract",
            &[("id", &contract_id(&app, "LN-2024-005124").await.to_string())],
        )
        .await;
    assert_eq!(r.status(), 200);
    staff_search(&app, &agent, "tremblay").await;
    // The supervisor opened Olga's file last; that is not the agent's history.
    file_of(&app, &supervisor, olga).await;
    assert_eq!(
        recent(agent.clone()).await,
        [
            "anna.kowalski@demo.example",
            "marc.tremblay@demo.example",
            "olga.ivanova@demo.example"
        ]
    );
    assert_eq!(recent(supervisor).await, ["olga.ivanova@demo.example"]);
    // Each entry links to the file by id.
    let r = app.post(&agent, "/api/staff_recent_customers", &[]).await;
    let list: Vec<Value> = r.json().await.unwrap();
    assert_eq!(list[0]["id"], anna);
    assert_eq!(list[0]["name"], "Anna Kowalski");
    // At most ten, the newest: after twelve more files, the three seeded ones have dropped off.
    for n in 0..12 {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO customers (email, first_name, last_name, password_hash, status, created_at) \
             VALUES ($1, 'Extra', 'Customer', 'x', 'active', $2) RETURNING id",
        )
        .bind(format!("extra{n}@demo.example"))
        .bind(app.clock_now())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
        file_of(&app, &agent, id).await;
        app.advance(5);
    }
    let emails = recent(agent.clone()).await;
    let expected: Vec<String> = (2..12)
        .rev()
        .map(|n| format!("extra{n}@demo.example"))
        .collect();
    assert_eq!(emails, expected);
}
