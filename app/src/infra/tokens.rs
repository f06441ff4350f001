//! Secrets handed to people (email links, session ids): 256 bits from the OS CSPRNG, stored only as
//! SHA-256 hashes, compared in constant time where compared outside SQL.

use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// A reference people read out and quote (`PMT-7K2Q…`, `MSG-…`): `prefix`, a dash and 10 characters
/// without the ones that are misread (0/O, 1/I) — 50 bits, unique by the column's index.
pub fn reference(prefix: &str) -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    let code: String = (0..10)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format!("{prefix}-{code}")
}

/// A fresh random token (64 hex characters) and the hash to store.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let hash = hash_token(&token);
    (token, hash)
}

/// The stored form of a token.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Constant-time equality for secrets of equal length.
pub fn secure_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// Whether a string looks like one of our tokens (cheap filter before touching the database).
pub fn looks_like_token(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_hash_matches() {
        let (a, ha) = new_token();
        let (b, _) = new_token();
        assert_ne!(a, b);
        assert!(looks_like_token(&a));
        assert_eq!(hash_token(&a), ha);
        assert!(secure_eq(&ha, &hash_token(&a)));
        assert!(!secure_eq(&ha, &hash_token(&b)));
        assert!(!looks_like_token("xyz"));
    }
}
