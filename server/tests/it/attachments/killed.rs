//! Issue 18, faults: a server process killed (SIGKILL) in the middle of an upload leaves a row
//! marked 'uploading' and part of an object; nothing else. The sweep then clears both: no row, no
//! object and no half-written file remain. Runs on a local folder (SQLite layer) and through S3
//! (PostgreSQL layer).

use super::{count, rows_and_objects, ANNA};
use crate::common::*;
use crate::contracts::{seeded, signed_in};
use futures_util::stream::{self, StreamExt};

/// The server binary on the test's database and file store, at `port`, on the test's day.
fn process(app: &TestApp, dir: &std::path::Path, port: u16) -> tokio::process::Child {
    let day = test_today();
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_server"));
    cmd.arg("serve")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("PORTAL_ENV", "demo")
        .env("PORTAL_CLOCK", format!("{}T12:00:00Z", day.date()))
        .env("PORTAL_DATA_DIR", dir)
        .env("PORTAL_ADDR", format!("127.0.0.1:{port}"))
        .env("PUBLIC_URL", &app.base)
        .env("DATABASE_URL", &app.state.config.database_url)
        .env("ATTACHMENTS_URL", &app.state.config.attachments_url)
        .env("SMTP_URL", app.smtp.url())
        .env("RUST_LOG", "error")
        .env("LEPTOS_OUTPUT_NAME", "portal")
        .stdout(std::process::Stdio::null())
        .kill_on_drop(true);
    if let Some(endpoint) = s3::endpoint() {
        for (k, v) in [
            ("AWS_ENDPOINT", endpoint),
            ("AWS_ALLOW_HTTP", "true"),
            ("AWS_ACCESS_KEY_ID", "test"),
            ("AWS_SECRET_ACCESS_KEY", "test"),
            ("AWS_REGION", "us-east-1"),
        ] {
            cmd.env(k, v);
        }
    }
    cmd.spawn().expect("server process")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_cut_by_a_killed_process_leaves_nothing_after_the_sweep() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = std::env::temp_dir().join(format!("portal-upload-kill-{}", rand::random::<u64>()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut server = process(&app, &dir, port);
    // The name the cookies were set for (the public origin is http://localhost:PORT).
    let other = format!("http://localhost:{port}");
    let client = reqwest::Client::new();
    for _ in 0..600 {
        if client.get(format!("{other}/healthz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // 6 MiB sent (past the first multipart part), then the body stalls, never finished.
    let mut head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    head.resize(1 << 20, b' ');
    let chunks = (0..6).map(move |_| Ok::<_, std::io::Error>(head.clone()));
    let body = reqwest::Body::wrap_stream(stream::iter(chunks).chain(stream::pending()));
    let part = reqwest::multipart::Part::stream(body).file_name("cut.pdf");
    let upload = anna
        .post(format!("{other}/messages/attachments"))
        .header("Origin", &app.base)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send();
    let upload = tokio::spawn(upload);
    // The row is written before the object: wait for it, then for the bytes to arrive.
    for _ in 0..600 {
        if count(
            &app,
            "SELECT COUNT(*) FROM message_attachments WHERE status = 'uploading'",
        )
        .await
            == 1
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    server.start_kill().unwrap();
    server.wait().await.unwrap();
    assert!(
        upload.await.unwrap().is_err(),
        "the upload was cut, not answered"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM message_attachments WHERE status = 'uploading'"
        )
        .await,
        1,
        "the killed process left its row"
    );
    // A day on, the sweep (on the surviving instance) clears what the dead one left.
    app.advance(86_400 + 1);
    app::messages::service::purge_expired(&app.state)
        .await
        .unwrap();
    // (The other process also issued the month's statements into the store: those stay.)
    let (rows, objects) = rows_and_objects(&app).await;
    let uploads = app.state.files.keys().await.unwrap();
    let uploads: Vec<&String> = uploads
        .iter()
        .filter(|k| k.starts_with("attachments/"))
        .collect();
    assert_eq!((rows, uploads.len()), (0, 0), "{uploads:?}");
    assert!(objects >= uploads.len());
    let _ = std::fs::remove_dir_all(&dir);
}
