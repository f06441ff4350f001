//! Entry point: logging, then the CLI. Any start-up error is printed as one line.

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = server::cli::run(args).await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
