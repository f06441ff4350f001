//! Where uploaded files live: an `object_store` (the Apache Arrow project's crate) chosen by
//! `ATTACHMENTS_URL` — a folder on this machine by default (`<data dir>/attachments`; one machine
//! only), or Amazon S3-compatible storage (`s3://bucket/prefix`, configured by the usual `AWS_*`
//! variables), which every instance behind a load balancer shares. Object keys are made by the
//! server (`new_key`), never from what a person typed.

use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt};
use std::sync::Arc;

/// The store and where it is, for the log.
#[derive(Clone)]
pub struct Files {
    pub store: Arc<dyn ObjectStore>,
    pub location: String,
    /// The folder, when the store is a local one (its half-written uploads are files of ours).
    local: Option<std::path::PathBuf>,
}

impl std::fmt::Debug for Files {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.location)
    }
}

/// The `AWS_*` variables handed to the S3 client (as `object_store`'s configuration keys).
pub const S3_VARIABLES: [&str; 9] = [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_ENDPOINT",
    "AWS_ENDPOINT_URL",
    "AWS_ALLOW_HTTP",
    "AWS_VIRTUAL_HOSTED_STYLE_REQUEST",
];

impl Files {
    /// Opens the store `url` names: `s3://…` (with `options`, e.g. `("AWS_ENDPOINT", …)`), or a
    /// local folder (a path or `file://…`), made if missing.
    pub fn open(url: &str, options: &[(String, String)]) -> Result<Files, String> {
        let mut local = None;
        let store: Arc<dyn ObjectStore> = if url.starts_with("s3://") {
            // The HTTPS client's cryptography (once per process; already done is fine).
            let _ = rustls::crypto::ring::default_provider().install_default();
            let parsed = url::Url::parse(url).map_err(|e| format!("`{url}`: {e}"))?;
            let opts = options.iter().map(|(k, v)| (k.to_ascii_lowercase(), v));
            let (store, prefix) =
                object_store::parse_url_opts(&parsed, opts).map_err(|e| e.to_string())?;
            if prefix.as_ref().is_empty() {
                Arc::from(store)
            } else {
                Arc::new(object_store::prefix::PrefixStore::new(store, prefix))
            }
        } else {
            let dir = url.strip_prefix("file://").unwrap_or(url);
            std::fs::create_dir_all(dir).map_err(|e| format!("`{dir}`: {e}"))?;
            local = Some(std::path::PathBuf::from(dir));
            Arc::new(
                object_store::local::LocalFileSystem::new_with_prefix(dir)
                    .map_err(|e| e.to_string())?,
            )
        };
        Ok(Files {
            store,
            location: url.to_string(),
            local,
        })
    }

    /// Deletes an object; one already gone is fine (a purge retried after a crash). In a local
    /// folder it also deletes what an upload cut by a killed process left half-written: the
    /// store's staging files `<key>#<n>`, which its listing does not show. (On S3 an abandoned
    /// multipart upload is the bucket's lifecycle rule's to abort: README, Configuration.)
    pub async fn delete(&self, key: &str) -> Result<(), object_store::Error> {
        match self.store.delete(&Path::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
            Err(e) => return Err(e),
        }
        if let Some(dir) = &self.local {
            remove_staged(&dir.join(key));
        }
        Ok(())
    }

    /// Every stored object's key (tests and the operator's checks: no object without its row).
    pub async fn keys(&self) -> Result<Vec<String>, object_store::Error> {
        use futures_util::TryStreamExt;
        let metas: Vec<object_store::ObjectMeta> = self.store.list(None).try_collect().await?;
        Ok(metas.into_iter().map(|m| m.location.to_string()).collect())
    }
}

/// Removes `<file>#<n>` beside `file` (object_store's local staging files for it).
fn remove_staged(file: &std::path::Path) {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let staged = entry.file_name().to_str().is_some_and(|n| {
            n.strip_prefix(name)
                .and_then(|rest| rest.strip_prefix('#'))
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        });
        if staged {
            if let Err(e) = std::fs::remove_file(entry.path()) {
                tracing::warn!(error = %e, path = %entry.path().display(), "a half-written upload stayed");
            }
        }
    }
}

/// A fresh object key: `attachments/<yyyy-mm>/<32 random hex digits>`.
pub fn new_key(now: time::OffsetDateTime) -> String {
    format!(
        "attachments/{:04}-{:02}/{}",
        now.year(),
        u8::from(now.month()),
        hex::encode(rand::random::<[u8; 16]>())
    )
}
