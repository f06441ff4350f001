//! Issue 16, documents: the monthly run issues the month that ended to every party of every contract
//! that has a statement for it, once across instances; customers who chose paper get it through the
//! (simulated) print-and-mail service, once, even when an instance dies holding the piece.

use super::{contract, download, seeded, signed_in};
use crate::common::*;
use app::documents::mailing::{self, Issued, CLAIM_SECS};
use app::documents::periods::Period;

/// Anna reads paper at a US address, Marc is paperless, Olga reads paper with no address on file.
async fn preferences(app: &TestApp) {
    for sql in [
        "UPDATE customers SET paperless = 0, addr_country = 'US', addr_line1 = '12 Elm Street', \
         addr_city = 'Springfield', addr_region = 'IL', addr_postal = '62701' \
         WHERE email = 'anna.kowalski@demo.example'",
        "UPDATE customers SET paperless = 1 WHERE email = 'marc.tremblay@demo.example'",
        "UPDATE customers SET paperless = 0, addr_country = NULL WHERE email = 'olga.ivanova@demo.example'",
    ] {
        sqlx::query(sql).execute(&app.state.db.pool).await.unwrap();
    }
}

/// The parties who have a statement for `period`, counted through the documents list.
async fn parties_with(app: &TestApp, period: Period) -> usize {
    let customers: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT customer_id FROM contract_parties WHERE customer_id IS NOT NULL",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    let mut n = 0;
    for c in customers {
        for docs in app::documents::service::list(&app.state, c).await.unwrap() {
            n += usize::from(docs.statements.first() == Some(&period));
        }
    }
    n
}

async fn delivery_of(
    app: &TestApp,
    contract_id: i64,
    customer: i64,
) -> (String, String, Option<String>) {
    sqlx::query_as(
        "SELECT channel, status, address FROM statement_deliveries WHERE contract_id = $1 AND customer_id = $2",
    )
    .bind(contract_id)
    .bind(customer)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_monthly_run_issues_every_party_once_and_mails_paper_copies_once() {
    let app = seeded().await;
    preferences(&app).await;
    let period = Period::of(app.state.clock.now().date()).previous();
    let expected = parties_with(&app, period).await;
    assert!(
        expected >= 4,
        "the demo book has statements to issue ({expected})"
    );
    let done = mailing::issue_month(&app.state).await.unwrap();
    assert_eq!(done.online + done.mail + done.held, expected, "{done:?}");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM statement_deliveries").await,
        expected as i64
    );

    let anna = customer_id(&app, "anna.kowalski@demo.example").await;
    let (annas, _) = contract(&app, "LN-2023-004512").await;
    let (channel, status, address) = delivery_of(&app, annas, anna).await;
    assert_eq!((channel.as_str(), status.as_str()), ("mail", "queued"));
    assert_eq!(
        address.as_deref(),
        Some("Anna Kowalski\n12 Elm Street\nSpringfield, IL 62701")
    );
    let marc = customer_id(&app, "marc.tremblay@demo.example").await;
    let (marcs,): (i64,) = sqlx::query_as(
        "SELECT contract_id FROM contract_parties WHERE customer_id = $1 ORDER BY contract_id LIMIT 1",
    )
    .bind(marc)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let (channel, status, _) = delivery_of(&app, marcs, marc).await;
    assert_eq!((channel.as_str(), status.as_str()), ("online", "done"));
    let olga = customer_id(&app, "olga.ivanova@demo.example").await;
    let (olgas, _) = contract(&app, "LN-2021-001187").await;
    let (_, status, _) = delivery_of(&app, olgas, olga).await;
    assert_eq!(status, "held", "no address on file: held for staff");
    // A loan paid off years ago has no statement this month.
    let (closed, _) = contract(&app, "LN-2017-000981").await;
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM statement_deliveries WHERE contract_id = $1")
            .bind(closed)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(n, 0);

    // Run again, here and on another instance: nothing more.
    let other = app.another_instance().await;
    assert_eq!(
        mailing::issue_month(&other).await.unwrap(),
        Issued::default()
    );
    assert_eq!(
        mailing::issue_month(&app.state).await.unwrap(),
        Issued::default()
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM statement_deliveries").await,
        expected as i64
    );

    // Two instances hand the paper copies over at once: each goes once.
    let queued = count(
        &app,
        "SELECT COUNT(*) FROM statement_deliveries WHERE status = 'queued'",
    )
    .await;
    assert_eq!(queued, done.mail as i64);
    let (a, b) = tokio::join!(mailing::mail_due(&app.state), mailing::mail_due(&other));
    assert_eq!((a.unwrap() + b.unwrap()) as i64, queued);
    assert_eq!(mailing::mail_due(&app.state).await.unwrap(), 0);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM simulated_mail_pieces").await,
        queued
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM simulated_mail_pieces WHERE handed_over <> 1"
        )
        .await,
        0,
        "the service was handed each piece once"
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM statement_deliveries WHERE status = 'sent' AND mail_reference LIKE 'SIM-STM-%'").await,
        queued
    );
    // What was mailed is the archived statement, and what Anna downloads is the same file.
    let (mailed_sha, archived_sha): (String, String) = sqlx::query_as(
        "SELECT p.sha256, s.sha256 FROM statement_deliveries d JOIN statements s ON s.id = d.statement_id \
         JOIN simulated_mail_pieces p ON 'SIM-' || p.reference = d.mail_reference \
         WHERE d.contract_id = $1 AND d.customer_id = $2",
    )
    .bind(annas)
    .bind(anna)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(mailed_sha, archived_sha);
    let c = signed_in(&app, "anna.kowalski@demo.example").await;
    let url = format!(
        "{}/documents/{annas}/statement-{}.pdf",
        app.base,
        period.slug()
    );
    let bytes = download(&c, url, Some("en")).await.bytes().await.unwrap();
    use sha2::Digest;
    assert_eq!(hex::encode(sha2::Sha256::digest(&bytes)), archived_sha);
    let by: String = sqlx::query_scalar(
        "SELECT issued_by FROM statements WHERE contract_id = $1 AND customer_id = $2",
    )
    .bind(annas)
    .bind(anna)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(by, "job");
}

#[tokio::test]
async fn a_paper_copy_held_by_a_dead_instance_is_mailed_once_and_a_refused_one_is_held() {
    let app = seeded().await;
    preferences(&app).await;
    mailing::issue_month(&app.state).await.unwrap();
    let anna = customer_id(&app, "anna.kowalski@demo.example").await;
    let (annas, _) = contract(&app, "LN-2023-004512").await;
    // An instance claimed Anna's piece, handed it to the service and died before writing that down.
    let (piece, statement): (i64, i64) = sqlx::query_as(
        "SELECT id, statement_id FROM statement_deliveries WHERE contract_id = $1 AND customer_id = $2",
    )
    .bind(annas)
    .bind(anna)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let reference = format!("STM-{piece:08}");
    let pdf = app::documents::archive::bytes_of(&app.state, statement)
        .await
        .unwrap();
    let address: Vec<String> = ["Anna Kowalski", "12 Elm Street", "Springfield, IL 62701"]
        .map(String::from)
        .to_vec();
    app.state
        .print_mail
        .send(app::infra::print_mail::MailPiece {
            reference: &reference,
            address: &address,
            pdf: &pdf,
        })
        .await
        .unwrap();
    sqlx::query(
        "UPDATE statement_deliveries SET claimed_by = 'dead-1', claim_until = $1, attempts = 1 \
         WHERE contract_id = $2 AND customer_id = $3",
    )
    .bind(app.clock_now() + CLAIM_SECS)
    .bind(annas)
    .bind(anna)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    // Olga's piece, held for want of an address, is queued again with an address the service
    // cannot use.
    let olga = customer_id(&app, "olga.ivanova@demo.example").await;
    let refused: i64 = sqlx::query_scalar(
        "UPDATE statement_deliveries SET status = 'queued', address = 'Olga Ivanova' \
         WHERE customer_id = $1 AND status = 'held' RETURNING id",
    )
    .bind(olga)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    mailing::mail_due(&app.state).await.unwrap();
    let status: String =
        sqlx::query_scalar("SELECT status FROM statement_deliveries WHERE id = $1")
            .bind(refused)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(status, "held", "refused by the service: held, not retried");
    let (_, status, _) = delivery_of(&app, annas, anna).await;
    assert_eq!(
        status, "queued",
        "still the dead instance's until its claim runs out"
    );
    app.advance(CLAIM_SECS + 1);
    mailing::mail_due(&app.state).await.unwrap();
    let (_, status, _) = delivery_of(&app, annas, anna).await;
    assert_eq!(status, "sent");
    // Handed over again once the claim ran out: one piece at the service, which saw it twice.
    let pieces: Vec<(String, i64)> =
        sqlx::query_as("SELECT reference, handed_over FROM simulated_mail_pieces")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(pieces, [(reference, 2)]);
}
