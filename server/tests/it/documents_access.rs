//! Documents belong to their contract's signed-in parties: another customer, a signed-out
//! browser and a sign-in still owing its second step get nothing.

use crate::common::*;
use crate::documents::{contract, download, seeded, signed_in};
use app::documents::periods::Period;
use app::error::AppError;

#[tokio::test]
async fn documents_are_only_for_their_signed_in_parties() {
    let app = seeded().await;
    let (annas, _) = contract(&app, "LN-2023-004512").await;
    let period = Period::of(app.state.clock.now().date()).previous();
    let url = |id: i64, file: &str| format!("{}/documents/{id}/{file}", app.base);
    let statement = format!("statement-{}.pdf", period.slug());
    // Another customer: not found, exactly like a contract that does not exist.
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let (annas_closed, _) = contract(&app, "LN-2017-000981").await;
    let last_year = app.state.clock.now().date().year() - 1;
    let files = [
        statement.clone(),
        "paid-in-full.pdf".into(),
        "lien-release.pdf".into(),
        "balance-confirmation.pdf".into(),
        format!("interest-{last_year}.pdf"),
    ];
    for id in [annas, annas_closed, 999_999] {
        for file in &files {
            let r = download(&olga, url(id, file), None).await;
            assert_eq!(r.status(), 404, "{id} {file}");
            assert_eq!(error_of(r).await, AppError::NotFound);
        }
    }
    // Nobody signed in.
    let r = download(&app.client(), url(annas, &statement), None).await;
    assert_eq!(r.status(), 401);
    assert_eq!(error_of(r).await, AppError::Unauthorized);
    // A sign-in still owing its device code opens no documents and no CSV.
    forget_devices(&app, "anna.kowalski@demo.example").await;
    let pending = app.client();
    let r = login_first_step(
        &app,
        &pending,
        "anna.kowalski@demo.example",
        server::seed::DEMO_PASSWORD,
    )
    .await;
    assert_eq!(step_of(r).await["Code"]["new_device"], true);
    // (Its code email has left before the owner signs in below, so the two are not confused.)
    app.smtp
        .wait_subject(
            "anna.kowalski@demo.example",
            "Your device authorization code",
        )
        .await;
    let r = download(&pending, url(annas, &statement), None).await;
    assert_eq!(r.status(), 401);
    let r = download(
        &pending,
        format!("{}/contracts/{annas}/history.csv", app.base),
        None,
    )
    .await;
    assert_eq!(r.status(), 401);
    let r = app.post(&pending, "/api/my_documents", &[]).await;
    assert_eq!(r.status(), 401);
    // The owner: months that have not ended, are before the contract, or are malformed are not there.
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let this_month = Period::of(app.state.clock.now().date());
    for file in [
        format!("statement-{}.pdf", this_month.slug()),
        "statement-2019-01.pdf".to_string(),
        "statement-2026-13.pdf".to_string(),
        "statement-x.pdf".to_string(),
        "letter.pdf".to_string(),
        "interest-26.pdf".to_string(),
        "interest-2026x.pdf".to_string(),
        format!("interest-{}.pdf", this_month.year),
    ] {
        let r = download(&anna, url(annas, &file), None).await;
        assert_eq!(r.status(), 404, "{file}");
    }
    assert_eq!(
        download(&anna, url(annas, &statement), None).await.status(),
        200
    );
    // (Each of them is there for Anna, so the 404s above are about who asks.)
    for file in &files {
        let id = if file.starts_with("paid") || file.starts_with("lien") {
            annas_closed
        } else {
            annas
        };
        assert_eq!(
            download(&anna, url(id, file), None).await.status(),
            200,
            "{file}"
        );
    }
}
