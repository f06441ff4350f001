//! Demo seeding and the dev mailbox.

use crate::common::*;
use app::error::AppError;

#[tokio::test]
async fn seeding_is_idempotent_and_demo_logins_work() {
    let app = spawn().await;
    assert_eq!(server::seed::seed_demo(&app.state).await.unwrap(), 4);
    assert_eq!(server::seed::seed_demo(&app.state).await.unwrap(), 0);
    let db = &app.state.db.pool;
    let customers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customers")
        .fetch_one(db)
        .await
        .unwrap();
    let contracts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contracts")
        .fetch_one(db)
        .await
        .unwrap();
    let linked: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM contract_parties WHERE customer_id IS NOT NULL")
            .fetch_one(db)
            .await
            .unwrap();
    assert_eq!((customers, contracts, linked), (4, 20, 5));
    let c = app.client();
    let r = login(
        &app,
        &c,
        server::seed::CUSTOMERS[0].email,
        server::seed::DEMO_PASSWORD,
    )
    .await;
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn dev_mailbox_only_without_smtp() {
    let with_smtp = spawn().await;
    let c = with_smtp.client();
    assert_eq!(
        with_smtp.post(&c, "/api/dev_mailbox", &[]).await.status(),
        404
    );

    let demo = spawn_with(Options {
        smtp: false,
        ..Default::default()
    })
    .await;
    let c = demo.client();
    register(
        &demo,
        &c,
        "Dev",
        "Mail",
        "dev@example.com",
        "maple syrup tuesday",
    )
    .await;
    let mut mails = serde_json::Value::Null;
    for _ in 0..100 {
        mails = demo
            .post(&c, "/api/dev_mailbox", &[])
            .await
            .json()
            .await
            .unwrap();
        if mails.as_array().is_some_and(|a| !a.is_empty()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let first = &mails[0];
    assert_eq!(first["to"], "dev@example.com");
    assert!(first["links"][0]
        .as_str()
        .unwrap()
        .contains("/activate?token="));
}

#[tokio::test]
async fn printed_link_details_list_only_contracts_still_unlinked() {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    let before = server::seed::demo_logins_text(&app.state).await.unwrap();
    assert!(before.contains("Jordan Rivera") && before.contains("NS-80100001"));
    assert!(before.contains("anna.kowalski@demo.example"));
    let anna: i64 =
        sqlx::query_scalar("SELECT id FROM customers WHERE email = 'anna.kowalski@demo.example'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    sqlx::query(
        "UPDATE contract_parties SET customer_id = $1 WHERE customer_card_id = 'NS-80100001'",
    )
    .bind(anna)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let after = server::seed::demo_logins_text(&app.state).await.unwrap();
    assert!(!after.contains("NS-80100001"));
    assert!(after.contains("NS-80100002"));
}

/// Issue "production-safe by default", item 1: a server started without PORTAL_ENV is a
/// production server; it has no dev mailbox, no `/dev/*` tools and refuses the demo data.
#[tokio::test]
async fn production_is_the_default_and_has_no_demo_tools() {
    let app = spawn_with(Options {
        production: true,
        ..Default::default()
    })
    .await;
    assert!(!app.state.config.is_demo());
    let c = app.client();
    let get = |path: &'static str| {
        let c = c.clone();
        let base = app.base.clone();
        async move {
            c.get(format!("{base}{path}"))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(get("/healthz").await, 200);
    assert_eq!(get("/login").await, 200);
    for path in ["/dev/mailbox", "/dev/clock"] {
        assert_eq!(get(path).await, 404, "{path}");
    }
    for path in [
        "/api/dev_mailbox",
        "/dev/new-release",
        "/dev/clock?days=1",
        "/dev/run-jobs",
    ] {
        assert_eq!(app.post(&c, path, &[]).await.status(), 404, "{path}");
    }
    // The demo seed (written-down passwords and authenticator secrets) is refused outright.
    assert_eq!(
        AppError::from(server::seed::seed_demo(&app.state).await.unwrap_err()),
        AppError::Forbidden
    );
    let staff: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(staff, 0);
}

/// The demo clock can be read and moved forward (never back) through `/dev/clock`.
#[tokio::test]
async fn demo_clock_is_read_and_moved_through_dev_clock() {
    let app = spawn().await;
    let c = app.client();
    let read = || {
        let c = c.clone();
        let base = app.base.clone();
        async move {
            c.get(format!("{base}/dev/clock"))
                .send()
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap()
        }
    };
    let before = read().await;
    assert_eq!(before["date"], test_today().date().to_string());
    let r = app.post(&c, "/dev/clock?days=2&seconds=30", &[]).await;
    assert_eq!(r.status(), 200);
    let after = read().await;
    assert_eq!(
        after["unix"].as_i64().unwrap() - before["unix"].as_i64().unwrap(),
        2 * 86_400 + 30
    );
    assert_eq!(
        after["date"],
        (test_today().date() + time::Duration::days(2)).to_string()
    );
    assert_eq!(
        app.post(&c, "/dev/clock?days=-1", &[]).await.status(),
        400,
        "time never goes back"
    );
}

/// `POST /dev/run-jobs` runs a payments pass at once: a payment on its way is posted by it once
/// the clock has reached its posting day, and not before. (The harness runs no periodic pass
/// here, so only the request can post it.)
#[tokio::test]
async fn demo_run_jobs_posts_what_the_moved_clock_made_due() {
    use crate::payments::{add_bank, annas_loan, pay, today};
    let app = crate::contracts::seeded().await;
    let anna = crate::contracts::signed_in(&app, "anna.kowalski@demo.example").await;
    let source = add_bank(&app, &anna, "000123456789").await["id"]
        .as_i64()
        .unwrap();
    let loan = annas_loan(&app, &anna).await["id"].as_i64().unwrap();
    let r = pay(
        &app,
        &anna,
        loan,
        source,
        "50.00",
        today(&app),
        "form-0123456789abcdef",
    )
    .await;
    assert_eq!(r.status(), 200);
    let (reference, posts_on): (String, String) = sqlx::query_as(
        "SELECT reference, posts_on FROM payments WHERE idempotency_key NOT LIKE 'seed-%'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let status = || async {
        sqlx::query_scalar::<_, String>("SELECT status FROM payments WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap()
    };
    let c = app.client();
    assert_eq!(app.post(&c, "/dev/run-jobs", &[]).await.status(), 204);
    assert_eq!(status().await, "pending", "nothing posts before its day");
    let posts_on = time::Date::parse(
        &posts_on,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap();
    let days = (posts_on - today(&app)).whole_days();
    assert!(days > 0, "posts on {posts_on}");
    let r = app.post(&c, &format!("/dev/clock?days={days}"), &[]).await;
    assert_eq!(r.status(), 200);
    assert_eq!(status().await, "pending", "the clock alone posts nothing");
    assert_eq!(app.post(&c, "/dev/run-jobs", &[]).await.status(), 204);
    assert_eq!(status().await, "posted");
}

/// The load test's customers (`server seed-load`, scripts/load.sh): each signs in with the demo
/// password, holds its own loan and a verified account, and can pay from it at once.
#[tokio::test]
async fn load_customers_are_seeded_once_and_can_sign_in_and_pay() {
    use server::seed::load::{load_email, seed_load};
    let app = spawn().await;
    assert_eq!(seed_load(&app.state, 3).await.unwrap(), 3);
    assert_eq!(
        seed_load(&app.state, 5).await.unwrap(),
        2,
        "only the missing two"
    );
    let db = &app.state.db.pool;
    let per_customer: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM contract_parties p WHERE p.customer_id = c.id), \
                (SELECT COUNT(*) FROM payment_sources s WHERE s.customer_id = c.id AND s.status = 'verified') \
         FROM customers c WHERE c.email LIKE 'load-%' ORDER BY c.id",
    )
    .fetch_all(db)
    .await
    .unwrap();
    assert_eq!(per_customer, vec![(1, 1); 5]);

    let c = signed_in_with(&app, &load_email(4), server::seed::DEMO_PASSWORD).await;
    let contracts: serde_json::Value = app
        .post(&c, "/api/my_contracts", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(contracts.as_array().unwrap().len(), 1, "{contracts}");
    assert_eq!(contracts[0]["number"], "LN-2025-100004");
    let loan = contracts[0]["id"].to_string();
    let sources: serde_json::Value = app
        .post(&c, "/api/payment_sources", &[])
        .await
        .json()
        .await
        .unwrap();
    let source = sources[0]["id"].to_string();
    let options: serde_json::Value = app
        .post(&c, "/api/payment_options", &[("contract_id", &loan)])
        .await
        .json()
        .await
        .unwrap();
    let [y, o] = [&options["earliest"][0], &options["earliest"][1]].map(|v| v.as_i64().unwrap());
    let day = time::Date::from_ordinal_date(y as i32, o as u16)
        .unwrap()
        .to_string();
    let r = app
        .post(
            &c,
            "/api/make_payment",
            &[
                ("contract_id", &loan),
                ("source_id", &source),
                ("amount", "12.34"),
                ("date", &day),
                ("extra_to", "next_instalment"),
                ("key", "load-test-first-payment"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
}
