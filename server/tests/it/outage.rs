//! Issue 18, faults: with the database out of reach, a signed-in customer is told so — 503 with
//! Retry-After, a page in their language that says they are still signed in, a typed
//! `Unavailable` for the app's own calls — never "your session has ended". (The pool is closed
//! here; `scripts/fault-pg-outage.sh` stops a real PostgreSQL under load and sees the server
//! recover on its own.)

use crate::common::*;
use crate::contracts::{seeded, signed_in};
use app::error::AppError;

#[tokio::test]
async fn with_the_database_out_of_reach_pages_and_calls_say_so_and_keep_the_session() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let r = app
        .post(&anna, "/api/set_language", &[("language", "fr-CA")])
        .await;
    assert_eq!(r.status(), 200);
    app.state.db.pool.close().await;
    let page = anna
        .get(format!("{}/dashboard", app.base))
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 503);
    assert_eq!(page.headers()["retry-after"], "30");
    assert_eq!(page.headers()["cache-control"], "no-store");
    let html = page.text().await.unwrap();
    assert!(html.contains("lang=\"fr-CA\""), "{html}");
    assert!(html.contains("vous êtes toujours connecté"), "{html}");
    let call = app.post(&anna, "/api/my_contracts", &[]).await;
    assert_eq!(call.status(), 503);
    assert_eq!(error_of(call).await, AppError::Unavailable);
    // Signed out, a call that needs the database gets the same typed answer, not a 500.
    let r = app
        .post(
            &app.client(),
            "/api/login",
            &[("email", "a@example.com"), ("password", "x")],
        )
        .await;
    assert_eq!(
        (r.status().as_u16(), error_of(r).await),
        (503, AppError::Unavailable)
    );
}
