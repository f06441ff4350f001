//! Issue "production-safe", item 5: many instances on one database. Background work is claimed in
//! the database, so two instances deliver each queued email exactly once, a batch left by a crashed
//! instance is taken over when its claim expires, and a periodic job runs once per period.
//! (On PostgreSQL when the suite runs with PORTAL_TEST_DB=postgres.)

use crate::common::*;
use app::error::{AppError, Conflict};
use app::infra::mailer::{Mail, MailFuture, Mailer};
use app::infra::{jobs, outbox, AppState};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

async fn queue(app: &TestApp, n: usize) {
    let mut tx = app.state.db.begin().await.unwrap();
    for i in 0..n {
        let mail = Mail {
            to: format!("queued-{i}@example.com"),
            subject: format!("Message {i}"),
            text: format!("Body {i}"),
            html: format!("<p>Body {i}</p>"),
        };
        outbox::enqueue(&mut tx, &mail, app.clock_now())
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

async fn unsent(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

/// Waits (up to 30 s) until the outbox has `left` unsent and the sink holds `received`.
async fn until(app: &TestApp, left: i64, received: usize) {
    for _ in 0..600 {
        if unsent(app).await == left && app.smtp.all().len() == received {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!(
        "outbox: {} unsent (want {left}), sink: {} (want {received})",
        unsent(app).await,
        app.smtp.all().len()
    );
}

/// Every queued address received exactly one message.
fn each_exactly_once(app: &TestApp, n: usize) {
    let mut per: HashMap<String, usize> = HashMap::new();
    for m in app.smtp.all() {
        for to in m.to {
            *per.entry(to).or_default() += 1;
        }
    }
    assert_eq!(per.len(), n);
    let twice: Vec<_> = per.iter().filter(|(_, c)| **c != 1).collect();
    assert!(twice.is_empty(), "sent more than once: {twice:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_deliver_each_queued_email_exactly_once() {
    let app = spawn().await; // instance 1, with its worker
    let two = app.another_instance().await;
    let three = app.another_instance().await;
    assert_ne!(two.instance, app.state.instance);
    tokio::spawn(outbox::run_worker(two.clone()));
    tokio::spawn(outbox::run_worker(three.clone()));
    queue(&app, 200).await;
    for s in [&app.state, &two, &three] {
        s.outbox.wake();
    }
    until(&app, 0, 200).await;
    each_exactly_once(&app, 200);
    // More than one instance did the work (each claims a batch of 20 at a time).
    let owners: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mail_outbox WHERE claimed_by IS NOT NULL OR claim_until IS NOT NULL",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(owners, 0, "every claim is released once sent");
}

/// A mailer that sends `limit` messages and then hangs, as a process does that dies mid-batch.
struct DiesAfter {
    inner: Arc<dyn Mailer>,
    sent: AtomicUsize,
    limit: usize,
}

impl Mailer for DiesAfter {
    fn send<'a>(&'a self, mail: &'a Mail) -> MailFuture<'a> {
        Box::pin(async move {
            if self.sent.fetch_add(1, Ordering::SeqCst) >= self.limit {
                std::future::pending::<()>().await;
            }
            self.inner.send(mail).await
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_crashed_instance_batch_is_taken_over_once_its_claim_expires() {
    let app = spawn_with(Options {
        jobs: false,
        ..Default::default()
    })
    .await;
    queue(&app, 50).await;
    // Instance A claims a batch of 20, sends 3, then dies.
    let mut a: AppState = app.another_instance().await;
    a.mailer = Arc::new(DiesAfter {
        inner: a.mailer.clone(),
        sent: AtomicUsize::new(0),
        limit: 3,
    });
    let a_worker = tokio::spawn(outbox::run_worker(a.clone()));
    until(&app, 47, 3).await;
    a_worker.abort();
    let held: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND claimed_by = $1",
    )
    .bind(&*a.instance)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(held, 17, "the dead instance's batch stays claimed");

    // Instance B sends everything else, but not what A still holds.
    let b = app.another_instance().await;
    tokio::spawn(outbox::run_worker(b.clone()));
    b.outbox.wake();
    until(&app, 17, 33).await;

    // Once A's claim expires, B takes the batch over: every message sent, each exactly once.
    app.advance(outbox::CLAIM_SECS + 1);
    b.outbox.wake();
    until(&app, 0, 50).await;
    each_exactly_once(&app, 50);
}

#[tokio::test]
async fn a_periodic_job_runs_once_per_period_across_instances() {
    let app = spawn_with(Options {
        jobs: false,
        ..Default::default()
    })
    .await;
    let two = app.another_instance().await;
    let job = jobs::Periodic {
        name: "test_job",
        every_secs: 300,
        lease_secs: 60,
    };
    let runs = AtomicUsize::new(0);
    let run = |s: AppState| {
        let runs = &runs;
        async move {
            jobs::run_if_due(&s, job, || async {
                runs.fetch_add(1, Ordering::SeqCst);
                Ok::<(), sqlx::Error>(())
            })
            .await
            .unwrap()
        }
    };
    // Both instances ask at once: one runs it.
    let (x, y) = tokio::join!(run(app.state.clone()), run(two.clone()));
    assert!(x ^ y, "exactly one instance ran it");
    // Not due again within the period, on either instance.
    app.advance(299);
    assert!(!run(app.state.clone()).await && !run(two.clone()).await);
    // Due after the period: once more.
    app.advance(1);
    assert!(run(two.clone()).await);
    assert!(!run(app.state.clone()).await);
    assert_eq!(runs.load(Ordering::SeqCst), 2);

    // A crashed run (lease taken, never released) blocks the job only until its lease runs out.
    app.advance(300);
    let now = app.clock_now();
    assert!(
        jobs::lease(&app.state.db, "test_job", "crashed", now, 60, 300)
            .await
            .unwrap()
    );
    app.advance(30);
    assert!(!run(two.clone()).await, "held by the crashed run's lease");
    app.advance(300);
    assert!(run(two.clone()).await, "taken over once the lease ran out");
    assert_eq!(runs.load(Ordering::SeqCst), 3);
}

/// Item 5, continued: a customer's session, remembered device and codes work on whichever
/// instance a load balancer picks (the state is in the database; the secret is shared config).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_sign_in_started_on_one_instance_finishes_and_works_on_another() {
    let app = spawn().await;
    let other = app.serve_another().await;
    let email = "roaming@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    // Password on instance 1; the device code is entered on instance 2.
    let before = app.smtp.count_for(email);
    let step = step_of(login_first_step(&app, &c, email, &pw).await).await;
    assert_eq!(step["Code"]["new_device"], true);
    let code = six_digits(
        &app.smtp
            .wait_subject_after(email, "Your device authorization code", before)
            .await
            .text,
    );
    let r = c
        .post(format!("{other}/api/complete_login"))
        .header("Origin", &other)
        .form(&[("method", "code"), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // The session works on both.
    for base in [&app.base, &other] {
        let me: serde_json::Value = c
            .post(format!("{base}/api/current_user"))
            .header("Origin", base.as_str())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(me["email"], email, "{base}");
    }
    // The browser remembered on instance 2 signs in on instance 1 without a code.
    c.post(format!("{}/api/logout", app.base))
        .header("Origin", &app.base)
        .send()
        .await
        .unwrap();
    let step = step_of(login_first_step(&app, &c, email, &pw).await).await;
    assert!(step.get("Code").is_none(), "{step}");
}

/// Item 5 with real processes: two `server serve` processes (production mode, the same secret and
/// data keys, as a deployment would run them) on one database deliver 200 queued emails, each
/// exactly once. (Crashes are tested above in-process, where the moment of death can be chosen.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_server_processes_deliver_each_queued_email_exactly_once() {
    let app = spawn_with(Options {
        jobs: false,
        ..Default::default()
    })
    .await;
    queue(&app, 200).await;
    let dir = std::env::temp_dir().join(format!("portal-procs-{}", rand::random::<u64>()));
    std::fs::create_dir_all(&dir).unwrap();
    let start = || {
        let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_server"));
        cmd.arg("serve")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("PORTAL_DATA_DIR", &dir)
            .env("PORTAL_ADDR", "127.0.0.1:0")
            .env("DATABASE_URL", &app.state.config.database_url)
            .env("SMTP_URL", app.smtp.url())
            .env("SESSION_SECRET", "ab".repeat(32))
            .env("DATA_KEYS", format!("k1:{}", "cd".repeat(32)))
            .env("RUST_LOG", "warn")
            .env("LEPTOS_OUTPUT_NAME", "portal")
            .stdout(std::process::Stdio::null())
            .kill_on_drop(true);
        cmd.spawn().expect("server process")
    };
    let (mut one, mut two) = (start(), start());
    until(&app, 0, 200).await;
    each_exactly_once(&app, 200);
    let owners: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT last_error FROM mail_outbox WHERE last_error IS NOT NULL",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert!(owners.is_empty(), "no delivery failed: {owners:?}");
    for p in [&mut one, &mut two] {
        assert!(
            p.try_wait().unwrap().is_none(),
            "both processes kept running"
        );
        p.kill().await.unwrap();
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Item 5, passkeys: a passkey ceremony begun on one instance is finished on another (the ceremony
/// is a row, not memory): the other instance finds it and judges the credential, and it is used up.
#[tokio::test]
async fn a_passkey_ceremony_begun_on_one_instance_is_finished_on_another() {
    let app = spawn().await;
    let other = app.serve_another().await;
    let c = app.client();
    let begun = step_of(app.post(&c, "/api/passkey_login_begin", &[]).await).await;
    let ceremony = begun["id"].as_str().unwrap().to_string();
    let finish = |base: String| {
        let (c, ceremony) = (c.clone(), ceremony.clone());
        async move {
            c.post(format!("{base}/api/passkey_login_finish"))
                .header("Origin", &base)
                .form(&[("ceremony", ceremony.as_str()), ("credential", "{}")])
                .send()
                .await
                .unwrap()
        }
    };
    // Found on the other instance: the (empty) credential is what is refused, not the ceremony.
    assert_eq!(
        error_of(finish(other.clone()).await).await,
        AppError::Conflict(Conflict::PasskeyRejected)
    );
    // And it was used up there: back on the first instance it is gone.
    assert_eq!(
        error_of(finish(app.base.clone()).await).await,
        AppError::InvalidToken
    );
}
