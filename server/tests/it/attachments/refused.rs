//! Issue 15, attachments refused: too large (413, before or while reading), the wrong kind or a
//! kind its name denies (415), empty or missing (400), too many or too much together for one
//! message — each named, nothing kept; names lose their folders and control characters.

use super::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn bad_files_are_refused_by_name_and_nothing_is_kept() {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let max = MAX_FILE_BYTES as usize;
    let refused = |status: u16, problem: FileProblem| (status, AppError::File(problem));
    for (name, bytes, want) in [
        (
            "big.png",
            file(FileKind::Png, max + 1),
            refused(413, FileProblem::TooLarge),
        ),
        (
            "anim.gif",
            b"GIF89a\x01\0\x01\0".to_vec(),
            refused(415, FileProblem::Kind),
        ),
        (
            "notes.pdf",
            b"just some text, not a PDF".to_vec(),
            refused(415, FileProblem::Kind),
        ),
        (
            "program.exe",
            file(FileKind::Pdf, 100),
            refused(415, FileProblem::Kind),
        ),
        (
            "scan.pdf",
            file(FileKind::Png, 100),
            refused(
                415,
                FileProblem::Mismatch {
                    content: FileKind::Png,
                    name: FileKind::Pdf,
                },
            ),
        ),
        ("empty.png", Vec::new(), refused(400, FileProblem::Empty)),
    ] {
        let r = upload(&app, &anna, "/messages/attachments", name, bytes).await;
        assert_eq!((r.status().as_u16(), error_of(r).await), want, "{name}");
    }
    // A request that says it is larger than the limit is answered before anything is read (or
    // anyone is looked up).
    let mut tcp = tokio::net::TcpStream::connect(app.base.trim_start_matches("http://"))
        .await
        .unwrap();
    let head = format!(
        "POST /messages/attachments HTTP/1.1\r\nHost: localhost\r\nOrigin: {}\r\n\
         Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {}\r\n\r\n--x\r\n",
        app.base,
        50 * max
    );
    tcp.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 4096];
    let n = tcp.read(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("TooLarge"), "{answer}");
    // A body streamed without a length is cut off at the limit all the same.
    let chunks = (0..12).map(|i| {
        let chunk = if i == 0 {
            file(FileKind::Png, 1 << 20)
        } else {
            vec![0u8; 1 << 20]
        };
        Ok::<_, std::io::Error>(chunk)
    });
    let part = reqwest::multipart::Part::stream(reqwest::Body::wrap_stream(
        futures_util::stream::iter(chunks),
    ))
    .file_name("stream.png");
    let r = anna
        .post(format!("{}/messages/attachments", app.base))
        .header("Origin", &app.base)
        .multipart(
            reqwest::multipart::Form::new()
                .percent_encode_noop()
                .part("file", part),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        (r.status().as_u16(), error_of(r).await),
        refused(413, FileProblem::TooLarge)
    );
    // No file field at all.
    let form = reqwest::multipart::Form::new().text("note", "hi");
    let r = anna
        .post(format!("{}/messages/attachments", app.base))
        .header("Origin", &app.base)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(
        (r.status().as_u16(), error_of(r).await),
        refused(400, FileProblem::Missing)
    );
    assert_eq!(
        rows_and_objects(&app).await,
        (0, 0),
        "nothing kept of a refused file"
    );

    // Exactly the limit is taken; names lose folders and control characters.
    for (name, saved) in [
        ("../../etc/evil.png", "evil.png"),
        ("..\\..\\Windows\\win.png", "win.png"),
        ("tab\there.png", "tab here.png"),
    ] {
        let r = upload(
            &app,
            &anna,
            "/messages/attachments",
            name,
            file(FileKind::Png, 10),
        )
        .await;
        assert_eq!(r.json::<Value>().await.unwrap()["name"], saved, "{name}");
    }
    let at_max = uploaded(&app, &anna, "max.png", file(FileKind::Png, max)).await;
    assert_eq!(rows_and_objects(&app).await, (4, 4));
    let keys = app.state.files.keys().await.unwrap();
    assert!(
        keys.iter()
            .all(|k| !k.contains("evil") && !k.contains("..")),
        "{keys:?}"
    );

    // Too many for one message, too much together: named, and no message is written.
    let r = send(&app, &anna, "1,2,3,4", "form-0000000000000bf1").await;
    assert_eq!(error_of(r).await, AppError::File(FileProblem::TooMany));
    let a = uploaded(&app, &anna, "a.pdf", file(FileKind::Pdf, max)).await;
    let b = uploaded(&app, &anna, "b.pdf", file(FileKind::Pdf, 1)).await;
    let r = send(
        &app,
        &anna,
        &format!("{at_max},{a},{b}"),
        "form-0000000000000bf2",
    )
    .await;
    assert_eq!(r.status(), 413);
    assert_eq!(
        error_of(r).await,
        AppError::File(FileProblem::TooMuchTogether)
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM messages").await, 0);
    // Two of them fit.
    let r = send(
        &app,
        &anna,
        &format!("{at_max},{b}"),
        "form-0000000000000bf3",
    )
    .await;
    assert_eq!(r.status(), 200);
}
