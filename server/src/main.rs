//! Entry point: logging, then the CLI. Any start-up error is printed as one line.

/// mimalloc instead of glibc's malloc. A page render makes many small allocations on both worker
/// threads, and SQLite's connection threads free them. Under glibc that cost about a quarter of the
/// CPU (malloc, free, arena locks). glibc's per-thread arenas also kept about 600 MiB resident after
/// 200 connections. The figures, before and after, are in BENCHMARKS.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc.h (v3; the bindings do not name it, and
/// `MIMALLOC_VERBOSE=1` lists it as `purge_delay`). This build's default is 1000 ms. mimalloc has
/// no background thread, so a delayed purge waits for the next allocation, and a sign-in's 19 MiB
/// argon2 block stays resident while the server is idle. Purging at once about halves idle RSS, and
/// it cost no throughput in the measurements (BENCHMARKS.md).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn purge_freed_memory_at_once() {
    // SAFETY: mi_option_set only writes mimalloc's option table.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

#[tokio::main]
async fn main() {
    purge_freed_memory_at_once();
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
