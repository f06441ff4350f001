//! Black-box test harness: starts the real server (router, layers, jobs) on a random loopback port
//! with a fresh database — SQLite by default, PostgreSQL when PORTAL_TEST_DB=postgres — a manual
//! clock, and a real SMTP sink.
#![allow(dead_code)]

mod answers;
mod audit;
mod db;
pub mod mail;
pub mod s3;
pub mod setup;
pub use answers::{error_of, location, session_cookie, step_of, text_of, token_from};
pub use audit::{assert_audited, audit_rows, customer_id};
pub use db::db_kind;
pub mod smtp;
mod watchdog;

use app::infra::{AppState, Clock, Config, ManualClock};
use std::collections::HashMap;
use std::sync::Arc;

pub use setup::{complete_setup, enter_setup_code, temporary_set_up};
pub use smtp::{SinkTls, SmtpSink};

pub struct TestApp {
    pub base: String,
    /// Where the server listens (`base` is the public origin, which may be https elsewhere).
    pub local: String,
    pub state: AppState,
    pub clock: Arc<ManualClock>,
    pub smtp: SmtpSink,
    dir: std::path::PathBuf,
    /// Dropped with the test, which ends its watchdog.
    _watchdog: std::sync::mpsc::Sender<()>,
}

impl Drop for TestApp {
    /// The SQLite file and generated key go with the test (PostgreSQL test databases are dropped
    /// by `./portal test` before each run).
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub struct Options {
    pub smtp: bool,
    /// Run as a deployed server would (`PORTAL_ENV` unset → production, with an explicit secret).
    pub production: bool,
    /// Where the manual clock starts (default: `test_today`).
    pub start: Option<time::OffsetDateTime>,
    /// Run this instance's mail delivery.
    pub jobs: bool,
    /// Also run its periodic passes (session purge, payments) on their timer. Off by default: a
    /// pass that starts while a test seeds or counts would race it; tests call the passes.
    pub periodic: bool,
    /// More configuration, as environment variables.
    pub env: Vec<(&'static str, String)>,
    /// How the SMTP sink protects connections (TLS sinks make a certificate; the portal is told to
    /// trust it through SMTP_CA_FILE unless `trust_sink` is false).
    pub smtp_tls: SinkTls,
    pub trust_sink: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            smtp: true,
            production: false,
            start: None,
            jobs: true,
            periodic: false,
            env: Vec::new(),
            smtp_tls: SinkTls::Plain,
            trust_sink: true,
        }
    }
}

/// The day every test starts on: `PORTAL_TEST_TODAY` (`YYYY-MM-DD`, noon UTC; `./portal test`
/// runs the date-sensitive modules again at several such days), else a fixed day, so that no test
/// depends on the day it runs (the demo book is generated relative to this clock).
pub fn test_today() -> time::OffsetDateTime {
    let day = std::env::var("PORTAL_TEST_TODAY").unwrap_or_else(|_| PINNED_TODAY.into());
    let date = time::Date::parse(
        &day,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap_or_else(|_| panic!("PORTAL_TEST_TODAY={day} is not YYYY-MM-DD"));
    date.with_time(time::macros::time!(12:00)).assume_utc()
}

/// The default test day (also the end-to-end suite's `PORTAL_CLOCK`, end2end/playwright.config.ts).
pub const PINNED_TODAY: &str = "2026-11-16";

pub async fn spawn() -> TestApp {
    spawn_with(Options::default()).await
}

pub async fn spawn_with(opts: Options) -> TestApp {
    let watchdog = watchdog::start();
    // Warnings and errors (database errors behind an `Internal`) show with a failing test.
    // (RUST_LOG, when set, says more: e.g. `tower_http=debug` for every request.)
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_env_filter(filter)
        .try_init();
    let dir = std::env::temp_dir().join(format!("portal-it-{}", rand::random::<u64>()));
    std::fs::create_dir_all(&dir).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let smtp = if opts.smtp {
        SmtpSink::start_with(opts.smtp_tls).await
    } else {
        SmtpSink::default()
    };
    let mut env: HashMap<&str, String> = HashMap::new();
    env.insert("PORTAL_DATA_DIR", dir.display().to_string());
    env.insert("PORTAL_ADDR", addr.to_string());
    env.insert("DATABASE_URL", db::fresh_database_url(&dir).await);
    if opts.smtp {
        env.insert("SMTP_URL", smtp.url());
    }
    if let (Some(pem), true) = (&smtp.ca_pem, opts.trust_sink) {
        let path = dir.join("smtp-ca.pem");
        std::fs::write(&path, pem).unwrap();
        env.insert("SMTP_CA_FILE", path.display().to_string());
    }
    if opts.production {
        env.insert("SESSION_SECRET", "ab".repeat(32));
        env.insert("DATA_KEYS", format!("k1:{}", "cd".repeat(32)));
    } else {
        // The binary's default is production; the harness asks for demo, as `./portal run` does.
        env.insert("PORTAL_ENV", "demo".into());
    }
    env.extend(s3::attachment_env().await);
    env.extend(opts.env.iter().cloned());
    let config = Config::from_lookup(|k| env.get(k).cloned()).expect("test config");
    let clock = Arc::new(ManualClock::new(opts.start.unwrap_or_else(test_today)));
    let state = server::startup::build_state(config, clock.clone() as Arc<dyn Clock>)
        .await
        .expect("state");
    tokio::spawn(server::startup::serve_with(
        listener,
        state.clone(),
        match (opts.jobs, opts.periodic) {
            (true, true) => server::jobs::Jobs::All,
            (true, false) => server::jobs::Jobs::MailOnly,
            (false, _) => server::jobs::Jobs::None,
        },
    ));
    TestApp {
        base: state.config.public_url.clone(),
        local: format!("http://{addr}"),
        state,
        clock,
        smtp,
        dir,
        _watchdog: watchdog,
    }
}

impl TestApp {
    /// Another instance of the server on the same database (own pool, own instance id, same
    /// clock and SMTP sink), as a second process behind a load balancer would be; without HTTP.
    pub async fn another_instance(&self) -> app::infra::AppState {
        self.another_instance_with((*self.state.config).clone())
            .await
    }

    /// Another instance with HTTP (same configuration, database and clock, its own port and
    /// workers); returns its base URL, on the same host so the browser's cookies go to both.
    pub async fn serve_another(&self) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = self.another_instance().await;
        tokio::spawn(server::startup::serve(listener, state));
        format!("http://localhost:{port}")
    }

    /// `another_instance` with its own configuration (e.g. other data keys).
    pub async fn another_instance_with(&self, config: Config) -> app::infra::AppState {
        server::startup::build_state(config, self.clock.clone() as Arc<dyn Clock>)
            .await
            .expect("another instance")
    }

    /// A browser-like client: keeps cookies, does not follow redirects.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    pub async fn post(
        &self,
        client: &reqwest::Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(format!("{}{path}", self.base))
            .header("Origin", &self.base)
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// How many emails were ever queued for `to` (sent or not). Mail is queued in the same
    /// transaction as the change that causes it, so once a response is back this is final: "no
    /// mail was sent" is checked here, not by waiting to see whether one arrives.
    pub async fn queued_for(&self, to: &str) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE to_addr = $1")
            .bind(to)
            .fetch_one(&self.state.db.pool)
            .await
            .unwrap()
    }

    /// The app clock's now, in unix seconds.
    pub fn clock_now(&self) -> i64 {
        self.clock.now().unix_timestamp()
    }

    pub fn advance(&self, secs: i64) {
        self.clock.advance(time::Duration::seconds(secs));
    }

    /// Registers, activates through the emailed link and returns the password used.
    pub async fn registered_active(&self, email: &str) -> String {
        let password = "maple syrup tuesday".to_string();
        let c = self.client();
        let r = register(self, &c, "Anna", "Kowalski", email, &password).await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        let mail = self.smtp.wait_for(email, 1).await;
        let token = token_from(&mail.link("/activate?token="));
        let r = self.post(&c, "/api/activate", &[("token", &token)]).await;
        assert_eq!(r.status(), 200);
        password
    }
}

pub async fn register(
    app: &TestApp,
    c: &reqwest::Client,
    first: &str,
    last: &str,
    email: &str,
    password: &str,
) -> reqwest::Response {
    app.post(
        c,
        "/api/register",
        &[
            ("first_name", first),
            ("last_name", last),
            ("email", email),
            ("password", password),
            ("password_confirm", password),
            ("accept_terms", "on"),
            ("website", ""),
        ],
    )
    .await
}

/// Only the password step: the response says which second step (if any) is owed.
pub async fn login_first_step(
    app: &TestApp,
    c: &reqwest::Client,
    email: &str,
    password: &str,
) -> reqwest::Response {
    app.post(c, "/api/login", &[("email", email), ("password", password)])
        .await
}

/// Signs in like a person would: password, then — on a device not yet remembered — the emailed
/// "Authorize Device" code, read from the SMTP sink. Returns the last response (its Set-Cookie
/// carries the session). Any other outcome (errors, authenticator step) is returned as it came.
pub async fn login(
    app: &TestApp,
    c: &reqwest::Client,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let before = app.smtp.count_for(email);
    let r = login_first_step(app, c, email, password).await;
    let status = r.status();
    let headers = r.headers().clone();
    let body = r.bytes().await.unwrap();
    let step: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    if status == 200 && step["Code"]["new_device"] == true {
        let mail = app
            .smtp
            .wait_subject_after(email, "Your device authorization code", before)
            .await;
        let code = six_digits(&mail.text);
        return app
            .post(
                c,
                "/api/complete_login",
                &[("method", "code"), ("code", &code)],
            )
            .await;
    }
    let mut rebuilt = http::Response::new(body.to_vec());
    *rebuilt.status_mut() = status;
    *rebuilt.headers_mut() = headers;
    reqwest::Response::from(rebuilt)
}

/// The first 6-digit number in a text (a code in an email or SMS).
pub fn six_digits(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .expect("a 6-digit code")
        .to_string()
}

/// Forgets every remembered device of a login, as if the customer removed them.
pub async fn forget_devices(app: &TestApp, email: &str) {
    sqlx::query("UPDATE devices SET revoked_at = 1 WHERE customer_id = (SELECT id FROM customers WHERE email = $1)")
        .bind(email)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
}

/// A redirect's Location header ("" when there is none).
pub async fn current_user(app: &TestApp, c: &reqwest::Client) -> serde_json::Value {
    let r = app.post(c, "/api/current_user", &[]).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// Posts the second step of a pending sign-in (`method`: "code", "totp" or "recovery").
pub async fn complete_login_with(
    app: &TestApp,
    c: &reqwest::Client,
    method: &str,
    code: &str,
) -> reqwest::Response {
    app.post(
        c,
        "/api/complete_login",
        &[("method", method), ("code", code)],
    )
    .await
}

/// Signs in fully (new-device code included) and returns the client.
pub async fn signed_in_with(app: &TestApp, email: &str, pw: &str) -> reqwest::Client {
    let c = app.client();
    assert_eq!(login(app, &c, email, pw).await.status(), 200);
    assert_ne!(current_user(app, &c).await, serde_json::Value::Null);
    c
}
