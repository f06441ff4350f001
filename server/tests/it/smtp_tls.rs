//! Issue "production-safe", low items: mail goes to the SMTP server over STARTTLS or implicit TLS
//! (lettre with rustls), checked against the loopback sink with a certificate it made; a server
//! whose certificate is not trusted gets nothing (the mail waits in the outbox with the error).

use crate::common::*;

async fn activation_arrives(tls: SinkTls) {
    let app = spawn_with(Options {
        production: true,
        smtp_tls: tls,
        ..Default::default()
    })
    .await;
    assert!(app.smtp.url().starts_with(match tls {
        SinkTls::StartTls => "smtp+starttls://",
        SinkTls::Implicit => "smtps://",
        SinkTls::Plain => "smtp://",
    }));
    let c = app.client();
    let r = register(
        &app,
        &c,
        "Tess",
        "Tls",
        "tess@example.com",
        "maple syrup tuesday",
    )
    .await;
    assert_eq!(r.status(), 200);
    let mail = app.smtp.wait_for("tess@example.com", 1).await;
    assert_eq!(mail.subject, "Activate your account login");
}

#[tokio::test]
async fn mail_is_sent_over_starttls() {
    activation_arrives(SinkTls::StartTls).await;
}

#[tokio::test]
async fn mail_is_sent_over_implicit_tls() {
    activation_arrives(SinkTls::Implicit).await;
}

#[tokio::test]
async fn an_untrusted_smtp_certificate_gets_no_mail() {
    let app = spawn_with(Options {
        production: true,
        smtp_tls: SinkTls::Implicit,
        trust_sink: false,
        jobs: false,
        ..Default::default()
    })
    .await;
    let c = app.client();
    register(
        &app,
        &c,
        "Tess",
        "Tls",
        "tess@example.com",
        "maple syrup tuesday",
    )
    .await;
    // Drive the outbox once: the TLS handshake fails, nothing reaches the sink, the mail waits.
    let sent = app::infra::outbox::deliver_due(&app.state).await.unwrap();
    assert_eq!(sent, 0);
    assert!(app.smtp.all().is_empty());
    let error: Option<String> =
        sqlx::query_scalar("SELECT last_error FROM mail_outbox WHERE to_addr = 'tess@example.com'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(error.is_some_and(|e| !e.is_empty()));
}
