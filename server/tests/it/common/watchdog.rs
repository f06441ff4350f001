//! A test that hangs is stopped and named instead of holding CI until its own time runs out.

/// How long one test may hold a test server (`PORTAL_TEST_LIMIT_SECS`, default 300 s; the slowest
/// tests take well under a minute). A test still running then is named and the process exits, so a
/// hang fails the suite at once instead of holding CI until its own time runs out.
pub fn start() -> std::sync::mpsc::Sender<()> {
    let limit = std::env::var("PORTAL_TEST_LIMIT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
            rx.recv_timeout(std::time::Duration::from_secs(limit))
        {
            eprintln!(
                "\n{test} is still running after {limit} s: stopping the test process (a hang)"
            );
            std::process::exit(124);
        }
    });
    tx
}
