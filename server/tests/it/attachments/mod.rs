//! Issue 15, attachments: a file uploaded by the streaming route is sent with a message and
//! downloads — as a download, never inline — only to the thread's customer and to staff (the read
//! on file); bad files are refused by name and leave nothing behind (`refused.rs`); uploads are
//! limited per person and day, files go with their messages after 30 days (held threads keep
//! theirs) and unsent uploads after a day (`retention.rs`). Each test runs on a local folder
//! (SQLite layer) and through S3 against moto (PostgreSQL layer, `common/s3.rs`).

mod killed;
mod refused;
mod retention;

use crate::backoffice::{staff, AGENT};
use crate::common::*;
use crate::contracts::{seeded, signed_in};
use app::domain::attachment::{FileKind, FileProblem, MAX_FILE_BYTES};
use app::error::AppError;
use serde_json::Value;

const ANNA: &str = "anna.kowalski@demo.example";
const OLGA: &str = "olga.ivanova@demo.example";

/// A file of `len` bytes that starts like `kind` (the rest zeros).
fn file(kind: FileKind, len: usize) -> Vec<u8> {
    let head: &[u8] = match kind {
        FileKind::Pdf => b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        FileKind::Png => b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        FileKind::Jpeg => b"\xff\xd8\xff\xe0\0\x10JFIF\0",
        FileKind::Heic => b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
    };
    let mut bytes = head.to_vec();
    bytes.resize(len.max(head.len()), 0);
    bytes
}

async fn upload(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_string());
    // Names as a browser sends them (not percent-encoded).
    let form = reqwest::multipart::Form::new()
        .percent_encode_noop()
        .part("file", part);
    c.post(format!("{}{path}", app.base))
        .header("Origin", &app.base)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Uploads as a customer and returns the id (asserting it was taken).
async fn uploaded(app: &TestApp, c: &reqwest::Client, name: &str, bytes: Vec<u8>) -> i64 {
    let r = upload(app, c, "/messages/attachments", name, bytes).await;
    assert_eq!(r.status(), 200, "{name}");
    r.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

async fn send(app: &TestApp, c: &reqwest::Client, ids: &str, key: &str) -> reqwest::Response {
    app.post(
        c,
        "/api/send_message",
        &[
            ("topic", "insurance"),
            ("contract", ""),
            ("body", "Photos of the damage attached."),
            ("key", key),
            ("attachments", ids),
        ],
    )
    .await
}

async fn thread_of(app: &TestApp, c: &reqwest::Client, thread: i64) -> Value {
    let r = app
        .post(c, "/api/message_thread", &[("id", &thread.to_string())])
        .await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

async fn get(app: &TestApp, c: &reqwest::Client, path: &str) -> reqwest::Response {
    c.get(format!("{}{path}", app.base)).send().await.unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

/// Rows and stored objects agree (no orphan object, no row without its object). In a local
/// folder, every file on disk counts too, so an upload left half-written (a staging file the
/// store's listing skips) is seen.
async fn rows_and_objects(app: &TestApp) -> (i64, usize) {
    let rows = count(app, "SELECT COUNT(*) FROM message_attachments").await;
    let objects = app.state.files.keys().await.unwrap().len();
    if !crate::common::s3::on() {
        assert_eq!(
            files_on_disk(std::path::Path::new(&app.state.config.attachments_url)),
            objects
        );
    }
    (rows, objects)
}

fn files_on_disk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.file_type() {
                    Ok(t) if t.is_dir() => files_on_disk(&e.path()),
                    _ => 1,
                })
                .sum()
        })
        .unwrap_or(0)
}

#[tokio::test]
async fn a_file_goes_with_a_message_and_downloads_only_to_its_parties() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let photo = file(FileKind::Png, 2000);
    let r = upload(
        &app,
        &anna,
        "/messages/attachments",
        "Claim photo.png",
        photo.clone(),
    )
    .await;
    assert_eq!(r.status(), 200);
    let up: Value = r.json().await.unwrap();
    assert_eq!(
        (up["name"].as_str(), up["size"].as_u64()),
        (Some("Claim photo.png"), Some(2000))
    );
    let id = up["id"].as_i64().unwrap();
    let sent: Value = send(&app, &anna, &id.to_string(), "form-0000000000000at1")
        .await
        .json()
        .await
        .unwrap();
    let thread = sent["thread_id"].as_i64().unwrap();
    let view = thread_of(&app, &anna, thread).await;
    assert_eq!(view["messages"][0]["attachments"][0]["id"], id);

    // Anna downloads it: a download, under its name, never sniffed or stored by a cache.
    let path = format!("/messages/attachments/{id}");
    let r = get(&app, &anna, &path).await;
    assert_eq!(r.status(), 200);
    let h = r.headers().clone();
    assert_eq!(h["content-type"], "image/png");
    assert_eq!(
        h["content-disposition"],
        "attachment; filename=\"Claim photo.png\"; filename*=UTF-8''Claim%20photo%2Epng"
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["cache-control"], "private, no-store");
    assert_eq!(r.bytes().await.unwrap().to_vec(), photo);

    // Another customer: not found, and cannot send Anna's upload; signed out: 401.
    let olga = signed_in(&app, OLGA).await;
    assert_eq!(get(&app, &olga, &path).await.status(), 404);
    let unsent = uploaded(&app, &anna, "scan.pdf", file(FileKind::Pdf, 500)).await;
    let r = send(&app, &olga, &unsent.to_string(), "form-0000000000000at2").await;
    assert_eq!(r.status(), 400);
    assert_eq!(error_of(r).await, AppError::File(FileProblem::Unavailable));
    // A file already sent cannot go with a second message.
    let r = send(&app, &anna, &id.to_string(), "form-0000000000000at3").await;
    assert_eq!(error_of(r).await, AppError::File(FileProblem::Unavailable));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM messages").await,
        1,
        "nothing half-written"
    );
    let nobody = app.client();
    assert_eq!(get(&app, &nobody, &path).await.status(), 401);
    assert_eq!(
        upload(
            &app,
            &nobody,
            "/messages/attachments",
            "a.png",
            file(FileKind::Png, 100)
        )
        .await
        .status(),
        401
    );

    // A reply carries a JPEG and a HEIC photo.
    let jpeg = uploaded(&app, &anna, "IMG_0001.JPG", file(FileKind::Jpeg, 3000)).await;
    let heic = uploaded(&app, &anna, "IMG_0002.HEIC", file(FileKind::Heic, 4000)).await;
    let r = app
        .post(
            &anna,
            "/api/reply_message",
            &[
                ("thread", &thread.to_string()),
                ("body", "Two more."),
                ("key", "form-0000000000000at4"),
                ("attachments", &format!("{jpeg},{heic}")),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);

    // Staff: read any thread's file (on file), answer with their own; a customer's session is
    // nobody on the staff routes.
    let agent = staff(&app, AGENT).await;
    let r = get(&app, &agent, &format!("/backoffice/attachments/{heic}")).await;
    assert_eq!(
        (
            r.status().as_u16(),
            r.headers()["content-type"].to_str().unwrap()
        ),
        (200, "image/heic")
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM staff_actions WHERE action = 'download_attachment'"
        )
        .await,
        1
    );
    assert_eq!(
        get(&app, &anna, &format!("/backoffice/attachments/{heic}"))
            .await
            .status(),
        401
    );
    assert_eq!(
        upload(
            &app,
            &anna,
            "/backoffice/attachments",
            "a.pdf",
            file(FileKind::Pdf, 100)
        )
        .await
        .status(),
        401
    );
    let r = upload(
        &app,
        &agent,
        "/backoffice/attachments",
        "Claim form.pdf",
        file(FileKind::Pdf, 900),
    )
    .await;
    assert_eq!(r.status(), 200);
    let form = r.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let r = app
        .post(
            &agent,
            "/api/staff_answer",
            &[
                ("id", &thread.to_string()),
                ("body", "Please fill in the claim form."),
                ("key", "form-0000000000000at5"),
                ("attachments", &form),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let view = thread_of(&app, &anna, thread).await;
    let files: Vec<usize> = view["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["attachments"].as_array().unwrap().len())
        .collect();
    assert_eq!(files, [1, 2, 1]);
    assert_eq!(
        view["messages"][2]["attachments"][0]["name"],
        "Claim form.pdf"
    );
    let r = get(&app, &anna, &format!("/messages/attachments/{form}")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.unwrap().len(), 900);
    assert_eq!(rows_and_objects(&app).await, (5, 5));
}
