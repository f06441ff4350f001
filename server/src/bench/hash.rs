//! `server bench-hash --seconds S`: raw argon2id verifications per second with the portal's own
//! hasher (same parameters, same blocking pool and semaphore as a sign-in), as many in flight as a
//! loaded server would have. `scripts/bench.sh` compares sign-ins per second with this, measured
//! in the same run on the same machine.

use crate::startup::BoxError;
use app::infra::hasher::Hasher;
use std::time::{Duration, Instant};

pub async fn main(args: &[String]) -> Result<(), BoxError> {
    let seconds: u64 = match args {
        [flag, n] if flag == "--seconds" => n.parse().map_err(|_| "--seconds: a whole number")?,
        [] => 5,
        _ => return Err("usage: server bench-hash [--seconds S]".into()),
    };
    let hasher = Hasher::default();
    let stored = hasher.hash("bench password 2026").await?;
    let until = Instant::now() + Duration::from_secs(seconds);
    let start = Instant::now();
    // 32 callers at once, as wrk's 32 connections would be: the semaphore lets in one per core.
    let workers = (0..32).map(|_| {
        let (hasher, stored) = (hasher.clone(), stored.clone());
        tokio::spawn(async move {
            let mut n = 0u64;
            while Instant::now() < until {
                assert!(
                    hasher
                        .verify("bench password 2026", Some(stored.clone()))
                        .await?
                );
                n += 1;
            }
            Ok::<u64, app::error::ServiceError>(n)
        })
    });
    let mut total = 0;
    for w in workers.collect::<Vec<_>>() {
        total += w.await??;
    }
    let rate = total as f64 / start.elapsed().as_secs_f64();
    println!(
        "argon2id verifications: {total} in {:.1} s = {rate:.1}/s",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
