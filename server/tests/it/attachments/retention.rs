//! Issue 15, attachments over time: uploads limited per person and day; files go with their
//! messages after 30 days (held threads keep theirs), unsent uploads after a day.

use super::*;

#[tokio::test]
async fn uploads_are_limited_per_person_and_day() {
    use app::messages::attachments::UPLOADS_PER_DAY;
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    for i in 0..UPLOADS_PER_DAY {
        uploaded(&app, &anna, &format!("{i}.png"), file(FileKind::Png, 10)).await;
    }
    let r = upload(
        &app,
        &anna,
        "/messages/attachments",
        "one more.png",
        file(FileKind::Png, 10),
    )
    .await;
    assert_eq!(r.status(), 429);
    assert!(matches!(error_of(r).await, AppError::RateLimited { .. }));
    // Another person is not held back; a day after the refusal Anna uploads again.
    let olga = signed_in(&app, OLGA).await;
    uploaded(&app, &olga, "olga.png", file(FileKind::Png, 10)).await;
    app.advance(86_400 + 1);
    let anna = signed_in(&app, ANNA).await;
    uploaded(&app, &anna, "next day.png", file(FileKind::Png, 10)).await;
}

#[tokio::test]
async fn files_go_with_their_messages_and_unsent_uploads_are_swept() {
    use app::messages::service::purge_expired;
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let kept = uploaded(&app, &anna, "kept.pdf", file(FileKind::Pdf, 100)).await;
    let sent: Value = send(&app, &anna, &kept.to_string(), "form-0000000000000pg1")
        .await
        .json()
        .await
        .unwrap();
    let held_file = uploaded(&app, &anna, "held.pdf", file(FileKind::Pdf, 100)).await;
    let held: Value = send(&app, &anna, &held_file.to_string(), "form-0000000000000pg2")
        .await
        .json()
        .await
        .unwrap();
    sqlx::query("UPDATE message_threads SET legal_hold = 1 WHERE id = $1")
        .bind(held["thread_id"].as_i64().unwrap())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let unsent = uploaded(&app, &anna, "never sent.png", file(FileKind::Png, 100)).await;
    assert_eq!(rows_and_objects(&app).await, (3, 3));

    // A day on: the unsent upload goes; sent files stay.
    app.advance(86_400 + 1);
    purge_expired(&app.state).await.unwrap();
    let anna = signed_in(&app, ANNA).await;
    assert_eq!(rows_and_objects(&app).await, (2, 2));
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM message_attachments WHERE id = {unsent}")
        )
        .await,
        0
    );
    assert_eq!(
        get(&app, &anna, &format!("/messages/attachments/{kept}"))
            .await
            .status(),
        200
    );

    // Thirty days after sending: the message and its file go; the held thread keeps its own.
    app.advance(29 * 86_400);
    assert_eq!(purge_expired(&app.state).await.unwrap(), 1);
    assert_eq!(rows_and_objects(&app).await, (1, 1));
    let left: i64 = count(&app, "SELECT id FROM message_attachments").await;
    assert_eq!(left, held_file);
    let anna = signed_in(&app, ANNA).await;
    let r = app
        .post(
            &anna,
            "/api/message_thread",
            &[("id", &sent["thread_id"].to_string())],
        )
        .await;
    assert_eq!(r.status(), 404);
}
