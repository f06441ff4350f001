//! Issue 16, documents: statements are archived as issued — the same bytes on every download,
//! whatever happens to the data they were drawn from — one per party, month and language, checked
//! against their digest, and never left half-written.

use super::{contract, download, pdf_text, read_in, seeded, signed_in};
use crate::common::*;
use app::documents::archive::{self, UNFINISHED_SECS};
use app::documents::periods::Period;
use object_store::path::Path;
use object_store::ObjectStoreExt;

async fn archived(app: &TestApp, contract_id: i64) -> Vec<(String, String, String, String)> {
    sqlx::query_as(
        "SELECT period, language, object_key, issued_by FROM statements \
         WHERE contract_id = $1 AND status = 'ready' ORDER BY id",
    )
    .bind(contract_id)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_statement_is_issued_once_and_every_download_is_the_same_bytes() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let (id, _) = contract(&app, "LN-2023-004512").await;
    let period = Period::of(app.state.clock.now().date()).previous();
    let url = format!(
        "{}/documents/{id}/statement-{}.pdf",
        app.base,
        period.slug()
    );
    assert!(archived(&app, id).await.is_empty());
    let first = download(&anna, url.clone(), Some("en")).await;
    assert_eq!(first.status(), 200);
    let first = first.bytes().await.unwrap();
    let rows = archived(&app, id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].0.as_str(), rows[0].1.as_str(), rows[0].3.as_str()),
        (period.slug().as_str(), "en", "download")
    );
    let stored = app
        .state
        .files
        .store
        .get(&Path::from(rows[0].2.as_str()))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(stored, first, "what was served is what is kept");

    // Later, the data under that month changes (a name corrected, a charge back-dated into it) and
    // time passes: the statement as issued does not.
    sqlx::query(
        "UPDATE customers SET last_name = 'Nowak' WHERE email = 'anna.kowalski@demo.example'",
    )
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO transactions (contract_id, kind, status, effective_date, amount_cents, fees_cents, \
         interest_cents, principal_cents, tax_cents, excess_cents, reference, description, created_at) \
         VALUES ($1, 'late_charge', 'posted', $2, 2500, 2500, 0, 0, 0, 0, 'ADJ-BACKDATED-1', 'late_charge', 0)",
    )
    .bind(id)
    .bind(period.last_day().to_string())
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    app.advance(600);
    let again = download(&anna, url.clone(), Some("en")).await;
    assert_eq!(again.status(), 200);
    let again = again.bytes().await.unwrap();
    assert_eq!(again, first, "the same bytes");
    let text = pdf_text(&again);
    assert!(text.contains("Anna Kowalski") && !text.contains("ADJ-BACKDATED-1"));
    assert_eq!(archived(&app, id).await.len(), 1);

    // Read in French, it is issued once more, in French, and kept too.
    read_in(&app, &anna, "fr-CA").await;
    let fr = download(&anna, url.clone(), None)
        .await
        .bytes()
        .await
        .unwrap();
    assert_ne!(fr, first);
    assert!(pdf_text(&fr).contains("Relevé mensuel"));
    let fr_again = download(&anna, url.clone(), None)
        .await
        .bytes()
        .await
        .unwrap();
    read_in(&app, &anna, "en").await;
    assert_eq!(fr_again, fr);
    let langs: Vec<String> = archived(&app, id).await.into_iter().map(|r| r.1).collect();
    assert_eq!(langs, ["en", "fr-CA"]);

    // Bytes that no longer match their digest are never served as the statement.
    app.state
        .files
        .store
        .put(
            &Path::from(rows[0].2.as_str()),
            b"%PDF-1.7 altered".to_vec().into(),
        )
        .await
        .unwrap();
    let r = download(&anna, url, Some("en")).await;
    assert_eq!(r.status(), 500);
    assert_eq!(error_of(r).await, app::error::AppError::Internal);
}

#[tokio::test]
async fn parallel_first_downloads_keep_one_statement() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let (id, _) = contract(&app, "LN-2023-004512").await;
    let period = Period::of(app.state.clock.now().date())
        .previous()
        .previous();
    let url = format!(
        "{}/documents/{id}/statement-{}.pdf",
        app.base,
        period.slug()
    );
    let downloads = (0..4).map(|_| {
        let (c, url) = (anna.clone(), url.clone());
        async move {
            let r = download(&c, url, Some("en")).await;
            assert_eq!(r.status(), 200);
            pdf_text(&r.bytes().await.unwrap())
        }
    });
    let texts = futures_util::future::join_all(downloads).await;
    assert!(
        texts.windows(2).all(|w| w[0] == w[1]),
        "one statement, read four times"
    );
    assert_eq!(archived(&app, id).await.len(), 1);
    let keys = app.state.files.keys().await.unwrap();
    assert_eq!(
        keys.iter().filter(|k| k.starts_with("statements/")).count(),
        1,
        "no second object: {keys:?}"
    );
}

#[tokio::test]
async fn a_statement_left_half_written_by_a_crash_is_swept_and_issued_again() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let (id, _) = contract(&app, "LN-2023-004512").await;
    let customer: i64 =
        sqlx::query_scalar("SELECT id FROM customers WHERE email = 'anna.kowalski@demo.example'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let period = Period::of(app.state.clock.now().date()).previous();
    // A process stored the object and died before marking its row ready.
    let key = "statements/crashed/object.pdf";
    sqlx::query(
        "INSERT INTO statements (contract_id, customer_id, period, language, object_key, status, issued_at, issued_by) \
         VALUES ($1, $2, $3, 'en', $4, 'writing', $5, 'job')",
    )
    .bind(id)
    .bind(customer)
    .bind(period.slug())
    .bind(key)
    .bind(app.clock_now())
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    app.state
        .files
        .store
        .put(&Path::from(key), b"%PDF-1.7 half".to_vec().into())
        .await
        .unwrap();
    let url = format!(
        "{}/documents/{id}/statement-{}.pdf",
        app.base,
        period.slug()
    );
    // Meanwhile a download draws the statement for itself, and stores nothing.
    let r = download(&anna, url.clone(), Some("en")).await;
    assert_eq!(r.status(), 200);
    assert!(pdf_text(&r.bytes().await.unwrap()).contains("Anna Kowalski"));
    assert!(archived(&app, id).await.is_empty());
    // Not yet old enough to be a crash's leftover.
    assert_eq!(archive::sweep_unfinished(&app.state).await.unwrap(), 0);
    app.advance(UNFINISHED_SECS + 1);
    assert_eq!(archive::sweep_unfinished(&app.state).await.unwrap(), 1);
    assert!(!app
        .state
        .files
        .keys()
        .await
        .unwrap()
        .contains(&key.to_string()));
    let r = download(&anna, url, Some("en")).await;
    assert_eq!(r.status(), 200);
    let rows = archived(&app, id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].3, "download");
}
