//! Secrets at rest (authenticator-app secrets of customers and staff) are sealed with AES-256-GCM
//! under a data key from configuration (`DATA_KEYS`), so a copy of the database alone verifies no
//! code. Each sealed value names its key (`enc:v1:<key id>:<hex nonce+ciphertext>`), so keys can be
//! rotated: new values use the first (current) key, older keys still open what they sealed, and
//! `server rotate-data-key` re-seals everything under the current key.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use rand::RngCore;

const PREFIX: &str = "enc:v1:";
/// Associated data: a sealed value opens only as what it was sealed for.
const AAD: &[u8] = b"northstar-portal/totp-secret";

#[derive(Clone)]
pub struct DataKeys {
    /// (id, key); the first is current.
    keys: Vec<(String, [u8; 32])>,
}

impl std::fmt::Debug for DataKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|(id, _)| id.as_str()).collect();
        write!(f, "DataKeys({ids:?})")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("value is not sealed")]
    NotSealed,
    #[error("sealed under key `{0}`, which is not configured")]
    UnknownKey(String),
    #[error("sealed value does not open (corrupt, or another key)")]
    Corrupt,
}

impl DataKeys {
    /// `id:hex64[,id:hex64...]`, the first being the current key. Ids are 1–16 of `a-z0-9_-`.
    pub fn parse(text: &str) -> Result<DataKeys, String> {
        let mut keys = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (id, hex_key) = part
                .split_once(':')
                .ok_or("each key is id:hex (64 hex characters)")?;
            let valid_id = (1..=16).contains(&id.len())
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
            if !valid_id {
                return Err(format!("key id `{id}` must be 1–16 of a-z, 0-9, _ and -"));
            }
            let bytes =
                hex::decode(hex_key.trim()).map_err(|_| format!("key `{id}` is not hex"))?;
            let key: [u8; 32] = bytes
                .try_into()
                .map_err(|_| format!("key `{id}` must be 32 bytes (64 hex characters)"))?;
            if keys.iter().any(|(k, _)| k == id) {
                return Err(format!("key id `{id}` appears twice"));
            }
            keys.push((id.to_string(), key));
        }
        if keys.is_empty() {
            return Err("no key given".into());
        }
        Ok(DataKeys { keys })
    }

    /// A new random key `id`, as `id:hex` (what `DATA_KEYS` holds).
    pub fn generate(id: &str) -> String {
        let mut key = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut key);
        format!("{id}:{}", hex::encode(key))
    }

    pub fn current_id(&self) -> &str {
        &self.keys[0].0
    }

    fn cipher(&self, id: &str) -> Option<Aes256Gcm> {
        self.keys
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, key)| Aes256Gcm::new(key.into()))
    }

    /// Seals `plaintext` under the current key with a fresh 96-bit nonce.
    pub fn seal(&self, plaintext: &str) -> String {
        let (id, _) = &self.keys[0];
        let cipher = self.cipher(id).expect("current key");
        let mut nonce = [0u8; 12];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let ct = cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: AAD,
                },
            )
            .expect("AES-GCM encryption does not fail for short inputs");
        let mut blob = nonce.to_vec();
        blob.extend_from_slice(&ct);
        format!("{PREFIX}{id}:{}", hex::encode(blob))
    }

    pub fn is_sealed(value: &str) -> bool {
        value.starts_with(PREFIX)
    }

    /// The key id a sealed value names.
    pub fn key_of(value: &str) -> Option<&str> {
        value
            .strip_prefix(PREFIX)?
            .split_once(':')
            .map(|(id, _)| id)
    }

    pub fn open(&self, sealed: &str) -> Result<String, CryptoError> {
        let rest = sealed.strip_prefix(PREFIX).ok_or(CryptoError::NotSealed)?;
        let (id, hex_blob) = rest.split_once(':').ok_or(CryptoError::Corrupt)?;
        let cipher = self
            .cipher(id)
            .ok_or_else(|| CryptoError::UnknownKey(id.to_string()))?;
        let blob = hex::decode(hex_blob).map_err(|_| CryptoError::Corrupt)?;
        if blob.len() < 12 + 16 {
            return Err(CryptoError::Corrupt);
        }
        let (nonce, ct) = blob.split_at(12);
        let plain = cipher
            .decrypt(Nonce::from_slice(nonce), Payload { msg: ct, aad: AAD })
            .map_err(|_| CryptoError::Corrupt)?;
        String::from_utf8(plain).map_err(|_| CryptoError::Corrupt)
    }
}

/// The columns that hold sealed secrets: (table, column).
pub const SEALED_COLUMNS: [(&str, &str); 4] = [
    ("customers", "totp_secret"),
    ("customers", "totp_pending_secret"),
    ("staff", "totp_secret"),
    ("payment_sources", "sealed_details"),
];

/// Opens a stored secret; a value that does not open is an internal error, logged with its cause.
pub fn open_stored(keys: &DataKeys, stored: &str) -> Result<String, crate::error::AppError> {
    keys.open(stored).map_err(|e| {
        tracing::error!(error = %e, "a sealed secret does not open");
        crate::error::AppError::Internal
    })
}

/// Seals every stored secret that is not yet sealed (`all = false`: at start-up, for data from
/// before sealing) or not sealed under the current key (`all = true`: `server rotate-data-key`).
/// Each value is rewritten only if it is still what was read. Returns how many were rewritten.
pub async fn reseal(db: &super::Db, keys: &DataKeys, all: bool) -> Result<usize, sqlx::Error> {
    let mut n = 0;
    for (table, column) in SEALED_COLUMNS {
        let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
            "SELECT id, {column} AS v FROM {table} WHERE {column} IS NOT NULL"
        ))
        .fetch_all(&db.pool)
        .await?;
        for (id, value) in rows {
            let plain = match keys.open(&value) {
                Ok(_) if !all || DataKeys::key_of(&value) == Some(keys.current_id()) => continue,
                Ok(p) => p,
                Err(CryptoError::NotSealed) => value.clone(),
                Err(e) => {
                    tracing::error!(table, column, id, error = %e, "cannot re-seal");
                    continue;
                }
            };
            let done = sqlx::query(&format!(
                "UPDATE {table} SET {column} = $1 WHERE id = $2 AND {column} = $3"
            ))
            .bind(keys.seal(&plain))
            .bind(id)
            .bind(&value)
            .execute(&db.pool)
            .await?;
            n += done.rows_affected() as usize;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> DataKeys {
        DataKeys::parse(text).unwrap()
    }

    #[test]
    fn sealed_values_open_only_with_their_key_and_name_it() {
        let a = DataKeys::generate("k1");
        let b = DataKeys::generate("k2");
        let old = keys(&a);
        let sealed = old.seal("JBSWY3DPEHPK3PXP");
        assert!(DataKeys::is_sealed(&sealed));
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_eq!(DataKeys::key_of(&sealed), Some("k1"));
        assert_ne!(
            old.seal("JBSWY3DPEHPK3PXP"),
            sealed,
            "a fresh nonce each time"
        );
        assert_eq!(old.open(&sealed).unwrap(), "JBSWY3DPEHPK3PXP");
        // Rotation: the new key is current, the old one still opens.
        let rotated = keys(&format!("{b},{a}"));
        assert_eq!(rotated.current_id(), "k2");
        assert_eq!(rotated.open(&sealed).unwrap(), "JBSWY3DPEHPK3PXP");
        assert_eq!(DataKeys::key_of(&rotated.seal("x")), Some("k2"));
        // Without the key, or tampered with, it does not open.
        assert_eq!(
            keys(&b).open(&sealed),
            Err(CryptoError::UnknownKey("k1".into()))
        );
        let mut bad = sealed.clone();
        let last = bad.pop().unwrap();
        bad.push(if last == '0' { '1' } else { '0' });
        assert_eq!(old.open(&bad), Err(CryptoError::Corrupt));
        assert_eq!(old.open("JBSWY3DPEHPK3PXP"), Err(CryptoError::NotSealed));
    }

    #[test]
    fn key_lists_are_checked() {
        assert!(DataKeys::parse("").is_err());
        assert!(DataKeys::parse("k1:abcd").is_err());
        assert!(DataKeys::parse(&format!("K 1:{}", "00".repeat(32))).is_err());
        let k = format!("k1:{}", "00".repeat(32));
        assert!(DataKeys::parse(&format!("{k},{k}")).is_err());
        assert!(format!("{:?}", keys(&k)).contains("k1"));
        assert!(!format!("{:?}", keys(&k)).contains("0000"));
    }
}
