//! What a browser (not the app's own calls) meets when it opens a link directly: saved download
//! links, a portal page after signing out. API clients keep their typed JSON errors (the contract
//! tests); a browser navigation gets pages.

use crate::common::*;
use crate::contracts::signed_in;

const ANNA: &str = "anna.kowalski@demo.example";

async fn open(c: &reqwest::Client, url: String) -> reqwest::Response {
    c.get(url)
        .header("Accept", "text/html,application/xhtml+xml")
        .send()
        .await
        .unwrap()
}

/// Where a browser opening `path` is sent (asserting it is a redirect).
async fn sent_to(app: &TestApp, c: &reqwest::Client, path: &str) -> String {
    let r = open(c, format!("{}{path}", app.base)).await;
    assert_eq!(r.status(), 303, "{path}");
    location(&r)
}

/// The text of the page at `path`.
async fn page_text(app: &TestApp, c: &reqwest::Client, path: &str) -> String {
    open(c, format!("{}{path}", app.base))
        .await
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_saved_download_link_opens_the_sign_in_page_or_the_documents_page() {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    let anon = app.client();
    let file = "/documents/1/statement-2026-01.pdf";
    assert_eq!(
        sent_to(&app, &anon, file).await,
        "/login?reason=signin&next=%2Fdocuments%2F1%2Fstatement-2026-01.pdf"
    );
    assert!(sent_to(&app, &anon, "/contracts/1/schedule.csv")
        .await
        .starts_with("/login?reason=signin&next=%2Fcontracts%2F1"));
    // Signed in, a file that is not this login's: the documents page says so.
    let anna = signed_in(&app, ANNA).await;
    let other = "/documents/999999/statement-2026-01.pdf";
    assert_eq!(sent_to(&app, &anna, other).await, "/documents?missing=1");
    assert!(page_text(&app, &anna, "/documents?missing=1")
        .await
        .contains("That file is not available to this login"));
    // The app's own calls (no text/html) still get the typed errors.
    let r = anon
        .get(format!("{}{file}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(error_of(r).await, app::error::AppError::Unauthorized);
}

#[tokio::test]
async fn a_saved_attachment_link_opens_the_sign_in_page_or_the_message_center() {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    let file = "/messages/attachments/7";
    assert_eq!(
        sent_to(&app, &app.client(), file).await,
        "/login?reason=signin&next=%2Fmessages%2Fattachments%2F7"
    );
    // Signed in, a file that is gone or not this login's: the Message Center says so.
    let anna = signed_in(&app, ANNA).await;
    assert_eq!(sent_to(&app, &anna, file).await, "/messages?missing=1");
    assert!(page_text(&app, &anna, "/messages?missing=1")
        .await
        .contains("files are deleted with their message after 30 days"));
    // The app's own calls keep the typed error.
    let r = anna
        .get(format!("{}{file}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(error_of(r).await, app::error::AppError::NotFound);
}

#[tokio::test]
async fn a_portal_page_after_signing_out_says_so_and_keeps_the_page_to_return_to() {
    let app = spawn().await;
    let email = "signed.out@example.com";
    let pw = app.registered_active(email).await;
    let c = signed_in_with(&app, email, &pw).await;
    let r = app.post(&c, "/api/logout", &[]).await;
    assert_eq!(r.status(), 200);
    let marks: Vec<String> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    assert!(
        marks.iter().any(|m| m.starts_with("portal_signed_out=1;")),
        "{marks:?}"
    );
    let r = open(&c, format!("{}/contracts/4/schedule?page=3", app.base)).await;
    assert_eq!(r.status(), 302);
    assert_eq!(
        location(&r),
        "/login?reason=signed_out&next=%2Fcontracts%2F4%2Fschedule%3Fpage%3D3"
    );
    // A browser that never signed out (or signed in again since) hears that its session ended.
    let stranger = app.client();
    let r = open(&stranger, format!("{}/dashboard", app.base)).await;
    assert_eq!(location(&r), "/login?reason=signin&next=%2Fdashboard");
    let r = login(&app, &c, email, &pw).await;
    assert!(r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with("portal_signed_out=;")));
}
