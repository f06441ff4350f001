//! Issue 15, the staff side of the Message Center: the queue (awaiting the lender, the longest
//! waiting first, the service level, the topic filter), a conversation, an answer made once per
//! form that the customer sees as unread with a mail, close / assign / legal hold (supervisors) —
//! each read and action on file — and only staff may do any of it.

use super::*;
use crate::contracts::signed_in;

const ANNA: &str = "anna.kowalski@demo.example";

async fn send(app: &TestApp, c: &reqwest::Client, topic: &str, body: &str, key: &str) -> Value {
    let r = app
        .post(
            c,
            "/api/send_message",
            &[
                ("topic", topic),
                ("contract", ""),
                ("body", body),
                ("key", key),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

async fn queue(app: &TestApp, c: &reqwest::Client, topic: &str) -> Vec<Value> {
    let r = app
        .post(c, "/api/staff_message_queue", &[("topic", topic)])
        .await;
    assert_eq!(r.status(), 200);
    r.json::<Value>().await.unwrap().as_array().unwrap().clone()
}

async fn act(app: &TestApp, c: &reqwest::Client, id: i64, what: &str) -> reqwest::Response {
    app.post(
        c,
        "/api/staff_thread_action",
        &[("id", &id.to_string()), ("what", what)],
    )
    .await
}

async fn actions(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM staff_actions WHERE action = $1")
        .bind(action)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn staff_answer_the_queue_oldest_first_and_every_step_is_on_file() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let first = send(
        &app,
        &anna,
        "payments",
        "First question",
        "form-00000000000000q1",
    )
    .await;
    app.advance(60);
    let second = send(
        &app,
        &anna,
        "hardship",
        "Second question",
        "form-00000000000000q2",
    )
    .await;
    let agent = staff(&app, AGENT).await;

    // Oldest first; the filter keeps one topic; due by the next business day, not yet overdue.
    let all = queue(&app, &agent, "").await;
    let refs: Vec<_> = all.iter().map(|q| q["reference"].clone()).collect();
    assert_eq!(
        refs,
        vec![first["reference"].clone(), second["reference"].clone()]
    );
    assert_eq!(all[0]["customer"], "Anna Kowalski");
    assert_eq!(all[0]["overdue"], false);
    let hardship = queue(&app, &agent, "hardship").await;
    assert_eq!(hardship.len(), 1);
    assert_eq!(hardship[0]["reference"], second["reference"]);
    let r = app
        .post(&agent, "/api/staff_message_queue", &[("topic", "refunds")])
        .await;
    assert_eq!(r.status(), 400);
    assert!(
        actions(&app, "view_message_queue").await >= 2,
        "the queue reads are on file"
    );

    // The conversation, then the answer: once per form, the customer's unread count and a mail.
    let id = first["thread_id"].as_i64().unwrap();
    let r = app
        .post(&agent, "/api/staff_thread", &[("id", &id.to_string())])
        .await;
    assert_eq!(r.status(), 200);
    let t: Value = r.json().await.unwrap();
    assert_eq!(t["messages"].as_array().unwrap().len(), 1);
    assert_eq!(actions(&app, "view_thread").await, 1);
    let answer = [
        ("id", id.to_string()),
        ("body", "We will look into it.".into()),
        ("key", "form-00000000000000a1".into()),
    ];
    let answer: Vec<(&str, &str)> = answer.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mails = app.queued_for(ANNA).await;
    let done: Value = app
        .post(&agent, "/api/staff_answer", &answer)
        .await
        .json()
        .await
        .unwrap();
    let again: Value = app
        .post(&agent, "/api/staff_answer", &answer)
        .await
        .json()
        .await
        .unwrap();
    assert!(
        done["reference"].as_str().unwrap().starts_with("BO-"),
        "{done}"
    );
    assert_eq!(
        again["reference"], done["reference"],
        "the same form: the first answer"
    );
    assert_eq!(actions(&app, "answer_message").await, 1);
    assert_eq!(app.queued_for(ANNA).await, mails + 1);
    let unread: i64 = app
        .post(&anna, "/api/unread_messages", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unread, 1);
    // Answered: no longer in the queue.
    assert_eq!(queue(&app, &agent, "").await.len(), 1);

    // Assign, close; a legal hold is for supervisors.
    assert_eq!(act(&app, &agent, id, "assign").await.status(), 200);
    let t: Value = app
        .post(&agent, "/api/staff_thread", &[("id", &id.to_string())])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(t["assigned_to"], "Jordan Reyes");
    assert_eq!(act(&app, &agent, id, "close").await.status(), 200);
    let inbox: Value = app
        .post(&anna, "/api/message_inbox", &[])
        .await
        .json()
        .await
        .unwrap();
    let mine = inbox
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(mine["status"], "Closed");
    let r = act(&app, &agent, id, "hold").await;
    assert_eq!(r.status(), 403);
    assert_eq!(error_of(r).await, AppError::Forbidden);
    let supervisor = staff(&app, SUPERVISOR).await;
    assert_eq!(act(&app, &supervisor, id, "hold").await.status(), 200);
    let held: i64 = sqlx::query_scalar("SELECT legal_hold FROM message_threads WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(held, 1);
    for a in ["assign_thread", "close_thread", "legal_hold"] {
        assert_eq!(actions(&app, a).await, 1, "{a}");
    }
    // Unknown action: named; another thread: not found.
    assert_eq!(act(&app, &agent, id, "delete").await.status(), 400);
    let r = act(&app, &agent, 999_999, "close").await;
    assert_eq!(r.status(), 404);

    // The service level: three business days on, the second question is overdue.
    app.advance(5 * 86_400);
    let agent = staff(&app, AGENT).await;
    assert_eq!(queue(&app, &agent, "").await[0]["overdue"], true);
}

#[tokio::test]
async fn customers_and_strangers_cannot_use_the_staff_side() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let sent = send(&app, &anna, "other", "Hello", "form-00000000000000c1").await;
    let id = sent["thread_id"].as_i64().unwrap().to_string();
    // Signed out, the customer's own endpoints refuse too.
    let anon = app.client();
    for path in [
        "/api/message_inbox",
        "/api/unread_messages",
        "/api/message_thread",
        "/api/send_message",
        "/api/reply_message",
    ] {
        let form = [
            ("id", "1"),
            ("thread", "1"),
            ("topic", "other"),
            ("body", "Hi"),
            ("key", "form-00000000000000c3"),
        ];
        assert_eq!(app.post(&anon, path, &form).await.status(), 401, "{path}");
    }
    for c in [&anna, &anon] {
        for (path, form) in [
            ("/api/staff_message_queue", vec![("topic", "")]),
            ("/api/staff_thread", vec![("id", id.as_str())]),
            (
                "/api/staff_answer",
                vec![
                    ("id", id.as_str()),
                    ("body", "x"),
                    ("key", "form-00000000000000c2"),
                ],
            ),
            (
                "/api/staff_thread_action",
                vec![("id", id.as_str()), ("what", "close")],
            ),
        ] {
            let r = app.post(c, path, &form).await;
            assert_eq!(r.status(), 401, "{path}");
        }
    }
    let staff_messages: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM messages WHERE author = 'staff'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(staff_messages, 0);
}
