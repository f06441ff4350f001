//! Issue 15, the Message Center: a message is sent once per form, listed with its reference,
//! contract, status and expiry; a staff answer marks it unread and sends a mail that carries no
//! text (and none to a customer who turned mail off); opening it reads it; a reply reopens it; bad
//! input is named and writes nothing; another customer's thread is not found; messages go 30 days
//! after they were sent, except on legal hold.

use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::{annas_loan, today};
use app::domain::message::MessageText;
use app::domain::Issue;
use app::error::AppError;
use serde_json::Value;

const ANNA: &str = "anna.kowalski@demo.example";

async fn send(
    app: &TestApp,
    c: &reqwest::Client,
    topic: &str,
    contract: &str,
    body: &str,
    key: &str,
) -> reqwest::Response {
    app.post(
        c,
        "/api/send_message",
        &[
            ("topic", topic),
            ("contract", contract),
            ("body", body),
            ("key", key),
        ],
    )
    .await
}

async fn json(r: reqwest::Response) -> Value {
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

async fn inbox(app: &TestApp, c: &reqwest::Client) -> Vec<Value> {
    json(app.post(c, "/api/message_inbox", &[]).await)
        .await
        .as_array()
        .unwrap()
        .clone()
}

async fn unread(app: &TestApp, c: &reqwest::Client) -> i64 {
    json(app.post(c, "/api/unread_messages", &[]).await)
        .await
        .as_i64()
        .unwrap()
}

async fn answer(app: &TestApp, thread: i64, text: &str, key: &str) -> Option<i64> {
    let staff: i64 = sqlx::query_scalar("SELECT MIN(id) FROM staff")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let text = MessageText::parse(text).unwrap();
    let mut tx = app.state.db.begin().await.unwrap();
    let r = app::messages::service::answer(&app.state, &mut tx, staff, thread, &text, &[], key)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    r
}

async fn mails_to(app: &TestApp, to: &str, subject: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT subject, body_text FROM mail_outbox WHERE to_addr = $1 AND subject LIKE $2 ORDER BY id",
    )
    .bind(to)
    .bind(subject)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_message_is_sent_once_answered_read_and_replied_to() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let loan = annas_loan(&app, &anna).await;
    let id = loan["id"].as_i64().unwrap().to_string();
    let key = "form-00000000000000m1";
    let body = "When will my next payment post?\nThanks <b>not bold</b>";
    let sent = json(send(&app, &anna, "payments", &id, body, key).await).await;
    let reference = sent["reference"].as_str().unwrap().to_string();
    assert!(reference.starts_with("MSG-"), "{reference}");
    // The same form again: the same thread, not a second one.
    let again = json(send(&app, &anna, "payments", &id, body, key).await).await;
    assert_eq!(again, sent);
    let list = inbox(&app, &anna).await;
    assert_eq!(list.len(), 1, "{list:?}");
    let t = &list[0];
    assert_eq!(t["reference"], reference.as_str());
    assert_eq!(t["topic"], "Payments");
    assert_eq!(t["contract_number"], loan["number"]);
    assert_eq!(t["status"], "Open");
    assert_eq!(t["unread"], false);
    let expires: time::Date = serde_json::from_value(t["expires_on"].clone()).unwrap();
    assert_eq!(expires, today(&app) + time::Duration::days(30));
    assert_eq!(unread(&app, &anna).await, 0);

    // Staff answer: unread, answered, and a mail with the reference and no text of either message.
    let thread = sent["thread_id"].as_i64().unwrap();
    let subject = "%answered%";
    let before = mails_to(&app, ANNA, subject).await.len();
    let answered = answer(
        &app,
        thread,
        "It posts on the 3rd. SECRET-ANSWER-TEXT",
        "form-00000000000000s1",
    )
    .await;
    assert!(answered.is_some());
    assert_eq!(
        answer(
            &app,
            thread,
            "It posts on the 3rd. SECRET-ANSWER-TEXT",
            "form-00000000000000s1"
        )
        .await,
        None,
        "once per form"
    );
    let mails = mails_to(&app, ANNA, subject).await;
    assert_eq!(mails.len(), before + 1, "{mails:?}");
    let (subj, text) = mails.last().unwrap();
    assert!(
        subj.contains(&reference) && text.contains(&reference),
        "{subj}: {text}"
    );
    assert!(text.contains(&format!("/messages/{thread}")), "{text}");
    assert!(
        !text.contains("SECRET-ANSWER-TEXT") && !text.contains("next payment"),
        "{text}"
    );
    assert_eq!(unread(&app, &anna).await, 1);
    let t = &inbox(&app, &anna).await[0];
    assert_eq!(
        (t["status"].as_str(), t["unread"].as_bool()),
        (Some("Answered"), Some(true))
    );

    // Opened: the whole conversation, as sent; read.
    let v = json(
        app.post(&anna, "/api/message_thread", &[("id", &thread.to_string())])
            .await,
    )
    .await;
    let msgs = v["messages"].as_array().unwrap();
    assert_eq!(msgs.len(), 2);
    assert_eq!(
        msgs[0]["body"],
        "When will my next payment post?\nThanks <b>not bold</b>"
    );
    assert_eq!(msgs[0]["from_lender"], false);
    assert_eq!(msgs[1]["from_lender"], true);
    assert_eq!(unread(&app, &anna).await, 0);

    // Closed by the lender, then the customer replies: open again, awaiting the lender.
    sqlx::query("UPDATE message_threads SET status = 'closed' WHERE id = $1")
        .bind(thread)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let r = app
        .post(
            &anna,
            "/api/reply_message",
            &[
                ("thread", &thread.to_string()),
                ("body", "Thank you!"),
                ("key", "form-00000000000000m2"),
            ],
        )
        .await;
    assert_eq!(json(r).await["reference"], reference.as_str());
    let t = &inbox(&app, &anna).await[0];
    assert_eq!(t["status"], "Open");

    // A customer who turned mail notices off gets the answer in the portal only.
    sqlx::query("UPDATE customers SET notify_email = 0 WHERE email = $1")
        .bind(ANNA)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    answer(&app, thread, "You are welcome.", "form-00000000000000s2").await;
    assert_eq!(mails_to(&app, ANNA, subject).await.len(), before + 1);
    assert_eq!(unread(&app, &anna).await, 1);
}

#[tokio::test]
async fn bad_input_is_named_and_nothing_is_written() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let olgas: i64 =
        sqlx::query_scalar("SELECT id FROM contracts WHERE contract_number = 'LN-2021-001187'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let long = "x".repeat(MessageText::MAX + 1);
    let olgas = olgas.to_string();
    let key = "form-00000000000000b1";
    for (topic, contract, body, key, field, issue) in [
        ("payments", "", "", key, "body", Issue::Required),
        ("payments", "", "   \n ", key, "body", Issue::Required),
        (
            "payments",
            "",
            long.as_str(),
            key,
            "body",
            Issue::TooLong { max: 5000 },
        ),
        (
            "payments",
            "",
            "bell\u{7}",
            key,
            "body",
            Issue::TextCharacters,
        ),
        ("", "", "Hello", key, "topic", Issue::Required),
        ("refunds", "", "Hello", key, "topic", Issue::OneOf),
        ("payments", "abc", "Hello", key, "contract", Issue::OneOf),
        (
            "payments",
            olgas.as_str(),
            "Hello",
            key,
            "contract",
            Issue::OneOf,
        ),
        ("payments", "", "Hello", "short", "key", Issue::OneOf),
    ] {
        let r = send(&app, &anna, topic, contract, body, key).await;
        assert_eq!(r.status(), 400, "{field}");
        assert_eq!(
            error_of(r).await,
            AppError::validation(field, issue),
            "{field}: {body:.20}"
        );
    }
    let threads: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM message_threads")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(threads, 0);
    // 5,000 characters exactly, general question: taken.
    let max = "ж".repeat(MessageText::MAX);
    assert_eq!(
        send(&app, &anna, "other", "general", &max, key)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn another_customers_thread_is_not_found() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let sent = json(
        send(
            &app,
            &anna,
            "other",
            "",
            "Private question",
            "form-00000000000000p1",
        )
        .await,
    )
    .await;
    let thread = sent["thread_id"].as_i64().unwrap().to_string();
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    for (path, form) in [
        ("/api/message_thread", vec![("id", thread.as_str())]),
        (
            "/api/reply_message",
            vec![
                ("thread", thread.as_str()),
                ("body", "Hi"),
                ("key", "form-00000000000000p2"),
            ],
        ),
    ] {
        let r = app.post(&olga, path, &form).await;
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(error_of(r).await, AppError::NotFound);
    }
    assert!(inbox(&app, &olga).await.is_empty());
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(count, 1, "the reply was not written");
}

#[tokio::test]
async fn messages_go_thirty_days_after_they_were_sent_except_on_legal_hold() {
    use app::messages::service;
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let me: i64 = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(ANNA)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let first = json(send(&app, &anna, "other", "", "First", "form-00000000000000r1").await).await;
    let held = json(send(&app, &anna, "hardship", "", "Held", "form-00000000000000r2").await).await;
    sqlx::query("UPDATE message_threads SET legal_hold = 1 WHERE id = $1")
        .bind(held["thread_id"].as_i64().unwrap())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    // Ten days on (the session has long ended: the service directly), a reply to the first: its
    // first message goes on day 30, the reply on day 40.
    app.advance(10 * 86_400);
    let text = MessageText::parse("Later").unwrap();
    let thread = first["thread_id"].as_i64().unwrap();
    service::reply(&app.state, me, thread, &text, &[], "form-00000000000000r3")
        .await
        .unwrap();
    let purge = || service::purge_expired(&app.state);
    assert_eq!(purge().await.unwrap(), 0, "nothing is 30 days old yet");
    app.advance(20 * 86_400 - 1);
    assert_eq!(purge().await.unwrap(), 0, "a second early");
    app.advance(1);
    assert_eq!(purge().await.unwrap(), 1, "the first message, on the day");
    let list = service::inbox(&app.state, me).await.unwrap();
    assert_eq!(list.len(), 2, "the first thread lives on with its reply");
    let held_view = list
        .iter()
        .find(|t| t.reference == held["reference"])
        .unwrap();
    assert_eq!(held_view.expires_on, None, "held: no expiry shown");
    let view = service::thread(&app.state, me, thread).await.unwrap();
    assert_eq!(view.messages.len(), 1);
    assert_eq!(view.messages[0].body, "Later");
    app.advance(10 * 86_400);
    assert_eq!(purge().await.unwrap(), 1, "the reply");
    let list = service::inbox(&app.state, me).await.unwrap();
    assert_eq!(
        list.len(),
        1,
        "the empty thread went with it; the held one stays"
    );
    assert_eq!(list[0].reference, held["reference"]);
}

#[tokio::test]
async fn a_login_sends_at_most_thirty_messages_a_day() {
    use app::messages::service::MESSAGES_PER_DAY;
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    for i in 0..MESSAGES_PER_DAY {
        let key = format!("form-0000000000000{i:03}");
        let r = send(&app, &anna, "other", "", "Hello", &key).await;
        assert_eq!(r.status(), 200, "message {i}");
    }
    let r = send(
        &app,
        &anna,
        "other",
        "",
        "One too many",
        "form-00000000000000x1",
    )
    .await;
    assert_eq!(r.status(), 429);
    assert!(matches!(error_of(r).await, AppError::RateLimited { .. }));
    let threads: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM message_threads")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(threads, MESSAGES_PER_DAY, "the refused one was not written");
    // A day later the allowance is back.
    app.advance(86_400 + 1);
    let anna = signed_in(&app, ANNA).await;
    let r = send(
        &app,
        &anna,
        "other",
        "",
        "Next day",
        "form-00000000000000x2",
    )
    .await;
    assert_eq!(r.status(), 200);
}
