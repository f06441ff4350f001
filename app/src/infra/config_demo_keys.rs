//! Demo mode's generated keys (`config.rs`): the session secret and the data key, each in a file
//! next to the database, read if it is there, else made owner-only. Production passes its keys in
//! the environment instead.

use super::{err, ConfigError};

/// Demo mode: a key file next to the database, read if it is there, else made (owner-only) from
/// `make`. Production passes its keys in the environment instead.
fn demo_key_file(
    dir: &std::path::Path,
    name: &str,
    make: impl FnOnce() -> String,
) -> Result<(String, std::path::PathBuf), ConfigError> {
    let path = dir.join(name);
    if let Ok(text) = std::fs::read_to_string(&path) {
        return Ok((text, path));
    }
    let text = make();
    std::fs::create_dir_all(dir)
        .and_then(|_| std::fs::write(&path, &text))
        .map_err(|e| {
            err(
                "PORTAL_DATA_DIR",
                format!("cannot write {}: {e}", path.display()),
            )
        })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
    }
    Ok((text, path))
}

/// Demo mode: the data key (`data.key`).
pub(super) fn load_or_create_data_key(
    dir: &std::path::Path,
) -> Result<crate::infra::crypto::DataKeys, ConfigError> {
    let (text, path) = demo_key_file(dir, "data.key", || {
        crate::infra::crypto::DataKeys::generate("k1")
    })?;
    crate::infra::crypto::DataKeys::parse(&text)
        .map_err(|m| err("DATA_KEYS", format!("{}: {m}", path.display())))
}

/// Demo mode: the session secret (`session.key`, 32 random bytes as hex).
pub(super) fn load_or_create_secret(dir: &std::path::Path) -> Result<Vec<u8>, ConfigError> {
    let (text, path) = demo_key_file(dir, "session.key", || {
        let mut bytes = vec![0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
        hex::encode(bytes)
    })?;
    hex::decode(text.trim())
        .map_err(|_| err("SESSION_SECRET", format!("{} is not hex", path.display())))
}
