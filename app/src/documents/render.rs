//! Drawing PDFs off the async runtime: layout, font subsetting and compression are CPU work, so
//! they run on the blocking pool, at most as many at once as there are cores, and downloads never
//! stall the async workers that serve every other request.

use crate::error::ServiceError;

/// Runs `draw` on the blocking pool, one per core at most.
pub async fn off_the_runtime<T: Send + 'static>(
    draw: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
) -> Result<T, ServiceError> {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    let permits = PERMITS.get_or_init(|| {
        tokio::sync::Semaphore::new(
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
        )
    });
    let _permit = permits
        .acquire()
        .await
        .map_err(ServiceError::failed("PDF drawing pool"))?;
    tokio::task::spawn_blocking(draw)
        .await
        .map_err(ServiceError::failed("PDF drawing task"))?
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue "production-safe", low items: drawing runs on blocking threads, never on the async
    /// runtime's, and no more at once than there are cores (the 20 ms is the drawing's stand-in).
    #[tokio::test(flavor = "current_thread")]
    async fn pdfs_are_drawn_off_the_runtime_at_most_one_per_core() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Arc;
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        let runtime = std::thread::current().id();
        let in_flight = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..cores * 3)
            .map(|_| {
                let (in_flight, most) = (in_flight.clone(), most.clone());
                tokio::spawn(off_the_runtime(move || {
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    Ok(std::thread::current().id())
                }))
            })
            .collect();
        for t in tasks {
            assert_ne!(t.await.unwrap().unwrap(), runtime);
        }
        let most = most.load(Ordering::SeqCst);
        assert!(
            (1..=cores).contains(&most),
            "{most} at once on {cores} cores"
        );
    }
}
