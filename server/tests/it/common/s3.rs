//! A real S3-protocol server for the attachment store: moto's server mode (from PyPI), started by
//! the test process itself, once, when `PORTAL_TEST_S3` names a Python that has moto
//! (`./portal test` sets it for the PostgreSQL layer, so every attachment test runs once on a
//! local folder and once through S3). It stops when the test process ends: it waits on its stdin,
//! which closes with the process. Each test app gets its own bucket.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

const SERVE: &str = "
import logging, sys
logging.getLogger('werkzeug').setLevel(logging.ERROR)
from moto.server import ThreadedMotoServer
s = ThreadedMotoServer(ip_address='127.0.0.1', port=0, verbose=False)
s.start()
print(s._server.server_port, flush=True)
sys.stdin.read()
s.stop()
";

/// The S3 endpoint, when this run stores attachments in S3.
pub fn endpoint() -> Option<&'static str> {
    static ENDPOINT: OnceLock<Option<String>> = OnceLock::new();
    ENDPOINT
        .get_or_init(|| {
            let python = std::env::var("PORTAL_TEST_S3").ok()?;
            let mut child = Command::new(&python)
                .args(["-c", SERVE])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .unwrap_or_else(|e| {
                    panic!("PORTAL_TEST_S3={python}: {e} (./portal setup installs moto)")
                });
            let mut line = String::new();
            BufReader::new(child.stdout.take().unwrap())
                .read_line(&mut line)
                .expect("moto's port");
            let port: u16 = line
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("moto said {line:?}"));
            // Kept open for the life of the process (moto stops when it closes).
            std::mem::forget(child.stdin.take());
            std::mem::forget(child);
            Some(format!("http://127.0.0.1:{port}"))
        })
        .as_deref()
}

/// The configuration that puts this app's attachments in a fresh bucket, when S3 is on.
pub async fn attachment_env() -> Vec<(&'static str, String)> {
    let Some(endpoint) = endpoint() else {
        return Vec::new();
    };
    let bucket = format!("portal-it-{}", rand::random::<u64>());
    let r = reqwest::Client::new()
        .put(format!("{endpoint}/{bucket}"))
        .send()
        .await
        .expect("moto reachable");
    assert!(
        r.status().is_success(),
        "creating the bucket: {}",
        r.status()
    );
    vec![
        ("ATTACHMENTS_URL", format!("s3://{bucket}/portal")),
        ("AWS_ENDPOINT", endpoint.to_string()),
        ("AWS_ALLOW_HTTP", "true".into()),
        ("AWS_ACCESS_KEY_ID", "test".into()),
        ("AWS_SECRET_ACCESS_KEY", "test".into()),
        ("AWS_REGION", "us-east-1".into()),
    ]
}

/// Whether attachments go to S3 in this run.
pub fn on() -> bool {
    endpoint().is_some()
}
