//! The pages emailed links open work without JavaScript: their form posts the token to the server
//! function, which sends the browser on to a page saying what happened — or back to the link's
//! page with the error in the address, which the page renders (`components/token_link.rs`).

use crate::common::*;

/// A plain HTML form post (what a browser without JavaScript sends): Accept text/html, Referer
/// the page the form is on.
async fn plain_post(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    referer: &str,
    token: &str,
) -> reqwest::Response {
    c.post(format!("{}{path}", app.base))
        .header("Origin", &app.base)
        .header("Accept", "text/html,application/xhtml+xml")
        .header("Referer", referer)
        .form(&[("token", token)])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_activation_link_works_without_javascript() {
    let app = spawn().await;
    let email = "nojs.activate@example.com";
    let c = app.client();
    let r = register(&app, &c, "Anna", "Kowalski", email, "maple syrup tuesday").await;
    assert_eq!(r.status(), 200);
    let link = app.smtp.wait_for(email, 1).await.link("/activate?token=");
    // The page itself renders the form with the token in a hidden field.
    let page = text_of(c.get(&link)).await;
    let token = token_from(&link);
    assert!(page.contains(r#"action="/api/activate""#), "{page}");
    assert!(
        page.contains(&format!(r#"value="{token}""#)),
        "the form carries the token"
    );

    let r = plain_post(&app, &c, "/api/activate", &link, &token).await;
    assert_eq!(r.status(), 302);
    assert_eq!(location(&r), "/login?reason=activated");
    assert_eq!(
        login(&app, &c, email, "maple syrup tuesday").await.status(),
        200
    );

    // Used again: back to the link's page, with the error for the page to show.
    let again = plain_post(&app, &c, "/api/activate", &link, &token).await;
    assert_eq!(again.status(), 302);
    let back = location(&again);
    assert!(back.starts_with(&link) && back.contains("__err="), "{back}");
    let shown = c
        .get(format!(
            "{}{}",
            app.base,
            back.trim_start_matches(&app.base)
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        shown.contains("This link is invalid"),
        "the page shows the error: {shown}"
    );
}

#[tokio::test]
async fn an_unlock_link_works_without_javascript() {
    let app = spawn().await;
    let email = "nojs.unlock@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    for _ in 0..5 {
        login(&app, &c, email, "not my password").await;
    }
    assert_eq!(login(&app, &c, email, &pw).await.status(), 429);
    let link = app.smtp.wait_for(email, 2).await.link("/unlock?token=");
    let page = text_of(c.get(&link)).await;
    assert!(page.contains(r#"action="/api/unlock_account""#), "{page}");

    let r = plain_post(&app, &c, "/api/unlock_account", &link, &token_from(&link)).await;
    assert_eq!(r.status(), 302);
    assert_eq!(location(&r), "/login?reason=unlocked");
    assert_eq!(login(&app, &c, email, &pw).await.status(), 200);
}
