//! Builds the application state and the router, and serves it.

use crate::{jobs, security};
use app::infra::mailer::{DevMailbox, Mailer, SmtpMailer};
use app::infra::{hasher::Hasher, outbox::OutboxSignal, session, AppState, Clock, Config, Db};
use app::{shell, App};
use axum::body::Body;
use axum::http::Request;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::{RequestBodyTimeoutLayer, ResponseBodyTimeoutLayer, TimeoutLayer};
use tower_http::trace::TraceLayer;

/// The longest a request may take to answer, and a response body may stall.
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);
/// The longest an upload may take.
pub const UPLOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(300);

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Leptos options from cargo-leptos' environment, with our bind address. File hashing is on when
/// the build left a hash file next to the binary.
pub fn leptos_options(config: &Config) -> Result<LeptosOptions, BoxError> {
    let mut options = leptos::config::get_configuration(None)?.leptos_options;
    if options.output_name.is_empty() {
        options.output_name = "portal".into();
    }
    options.site_addr = config.bind;
    let hash_file = std::env::current_exe()?.with_file_name(options.hash_file.as_ref());
    options.hash_files = hash_file.exists();
    Ok(options)
}

/// Connects (and migrates) the database and assembles the state.
pub async fn build_state(config: Config, clock: Arc<dyn Clock>) -> Result<AppState, BoxError> {
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    // Secrets stored before sealing existed are sealed now (a no-op once done).
    let sealed = app::infra::crypto::reseal(&db, &config.data_keys, false).await?;
    if sealed > 0 {
        tracing::info!(sealed, "sealed stored secrets under the data key");
    }
    let mailer: Arc<dyn Mailer> = match &config.smtp_url {
        Some(url) => Arc::new(SmtpMailer::new(
            url,
            &config.mail_from,
            config.smtp_ca_pem.as_deref(),
        )?),
        None => Arc::new(DevMailbox {
            db: db.clone(),
            clock: clock.clone(),
        }),
    };
    // No SMS gateway exists here: the simulated sender is the only implementation (see README).
    let sms = Arc::new(app::infra::sms::SimulatedSms {
        db: db.clone(),
        clock: clock.clone(),
        seal_with: (!config.is_demo()).then(|| config.data_keys.clone()),
    });
    let leptos_options = leptos_options(&config)?;
    let files =
        app::infra::files::Files::open(&config.attachments_url, &config.attachments_options)
            .map_err(|e| format!("ATTACHMENTS_URL: {e}"))?;
    // No print-and-mail service can be reached here either: the simulated one (see README).
    let print_mail = Arc::new(app::infra::print_mail::SimulatedPrintMail {
        db: db.clone(),
        clock: clock.clone(),
    });
    Ok(AppState {
        config: Arc::new(config),
        db,
        clock,
        mailer,
        sms,
        // No card or ACH processor can be reached here: the simulated one (see README).
        processor: Arc::new(app::infra::processor::SimulatedProcessor),
        print_mail,
        hasher: Hasher::default(),
        outbox: OutboxSignal::default(),
        instance: app::infra::jobs::instance_id().into(),
        leptos_options,
        files,
    })
}

/// The app's routes, listed once per process. Listing them renders the app with resource loading
/// suppressed by a process-wide flag, so a page rendered meanwhile by another server in the same
/// process (the test harness runs many) could wait for ever on a resource (leptos-rs/leptos#4773):
/// the hang seen in `payments_in_flight`. Listed once, before any server of this process serves.
pub fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let ctx = state.clone();
    let ctx2 = state.clone();
    let options = state.leptos_options.clone();
    let pages = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/sw.js", get(crate::pwa::service_worker))
        .route(
            &format!("{}{{name}}", app::i18n::wire::PREFIX),
            get(app::i18n::wire::serve),
        )
        .route("/dev/new-release", post(crate::pwa::simulate_release))
        .route(
            "/dev/clock",
            get(crate::dev::clock_now).post(crate::dev::clock_advance),
        )
        .route("/dev/run-jobs", post(crate::dev::run_jobs))
        .merge(downloads())
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(ctx.clone()),
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(move || provide_context(ctx2.clone()), shell))
        .layer(RequestBodyLimitLayer::new(state.config.body_limit))
        // No request holds a connection for ever: an answer that has not started in 30 s is a
        // 503, and a response body (a streamed page, a download) that stalls 30 s is cut off.
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ));
    Router::new()
        .merge(pages)
        .merge(uploads())
        .layer(from_fn_with_state(
            state.clone(),
            crate::dev::production_has_no_dev,
        ))
        .layer(from_fn_with_state(state.clone(), session::middleware))
        .layer(from_fn_with_state(state.clone(), security::csrf))
        .layer(ResponseBodyTimeoutLayer::new(REQUEST_TIMEOUT))
        .layer(from_fn_with_state(state.clone(), security::headers))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &Request<Body>| {
                // The path only: query strings can carry one-time tokens.
                tracing::info_span!("http", method = %req.method(), path = %req.uri().path())
            }),
        )
        .with_state(state)
}

/// Message attachments, up and down (`messages/files.rs`). Their bodies are not the pages' 64 KiB:
/// an upload streams one file to its limit (enforced while reading) with a body that may take up to
/// 5 minutes on a slow phone but never stalls 30 s.
fn uploads() -> Router<AppState> {
    use app::backoffice::files as staff;
    use app::messages::files;
    Router::new()
        .route("/messages/attachments", post(files::upload))
        .route(
            "/messages/attachments/{id}",
            get(files::download).layer(axum::middleware::from_fn(
                app::infra::download::message_files_for_browsers,
            )),
        )
        .route("/backoffice/attachments", post(staff::upload))
        .route("/backoffice/attachments/{id}", get(staff::download))
        .layer(axum::extract::DefaultBodyLimit::max(
            files::UPLOAD_BODY_LIMIT,
        ))
        .layer(axum::middleware::from_fn(files::refuse_declared_too_large))
        .layer(RequestBodyTimeoutLayer::new(REQUEST_TIMEOUT))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            UPLOAD_TIMEOUT,
        ))
}

/// CSV and PDF downloads: plain handlers a link can fetch; a browser following a saved link gets
/// pages instead of JSON errors (`download::for_browsers`).
fn downloads() -> Router<AppState> {
    Router::new()
        .route(
            "/contracts/{id}/schedule.csv",
            get(app::contracts::csv::schedule_csv),
        )
        .route(
            "/contracts/{id}/history.csv",
            get(app::contracts::csv::history_csv),
        )
        .route(
            "/documents/{id}/{file}",
            get(app::documents::download::document_pdf),
        )
        .layer(axum::middleware::from_fn(
            app::infra::download::for_browsers,
        ))
}

/// Serves until Ctrl-C / SIGTERM. Background jobs run alongside.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> Result<(), BoxError> {
    serve_with(listener, state, jobs::Jobs::All).await
}

/// `serve`, with some or none of this instance's background jobs (tests run instances without
/// them to drive or crash the workers themselves).
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    state: AppState,
    background_jobs: jobs::Jobs,
) -> Result<(), BoxError> {
    jobs::spawn(state.clone(), background_jobs);
    let app = router(state);
    // Without TCP_NODELAY small static responses wait on delayed ACKs (~25 ms each).
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
