//! Password hashing with argon2id (m = 19456 KiB, t = 2, p = 1, the OWASP baseline). Hashing is
//! CPU- and memory-heavy, so it runs on the blocking pool behind a semaphore sized to the cores.

use crate::error::ServiceError;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::{Arc, OnceLock};
use tokio::sync::Semaphore;

#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    /// argon2 computations run (hashes and verifications), so tests can check that two paths do
    /// the same work without timing them.
    runs: Arc<std::sync::atomic::AtomicU64>,
}

fn argon() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).expect("valid argon2 params");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

impl Default for Hasher {
    fn default() -> Self {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        Hasher {
            permits: Arc::new(Semaphore::new(cores)),
            runs: Arc::default(),
        }
    }
}

impl Hasher {
    pub async fn hash(&self, password: &str) -> Result<String, ServiceError> {
        let password = password.to_owned();
        self.run(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(ServiceError::failed("argon2 hash"))
        })
        .await
    }

    /// Verifies `password` against a stored PHC string. With `None` it verifies against a fixed
    /// dummy hash, so an unknown account costs the same time as a wrong password.
    pub async fn verify(
        &self,
        password: &str,
        stored: Option<String>,
    ) -> Result<bool, ServiceError> {
        let password = password.to_owned();
        let known = stored.is_some();
        self.run(move || {
            let phc = stored.unwrap_or_else(|| dummy_hash().to_owned());
            let parsed = PasswordHash::new(&phc)
                .map_err(ServiceError::failed("reading a stored password hash"))?;
            Ok(argon()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
                && known)
        })
        .await
    }

    /// How many argon2 computations this hasher has run.
    pub fn runs(&self) -> u64 {
        self.runs.load(std::sync::atomic::Ordering::Relaxed)
    }

    async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
    ) -> Result<T, ServiceError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(ServiceError::failed("password hashing pool"))?;
        self.runs.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        tokio::task::spawn_blocking(job)
            .await
            .map_err(ServiceError::failed("password hashing pool"))?
    }
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        argon()
            .hash_password(b"not-a-real-password", &salt)
            .expect("dummy hash")
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hash_and_verify() {
        let h = Hasher::default();
        let phc = h.hash("blue tractor sunrise").await.unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(h
            .verify("blue tractor sunrise", Some(phc.clone()))
            .await
            .unwrap());
        assert!(!h.verify("blue tractor sunset", Some(phc)).await.unwrap());
        assert!(!h.verify("not-a-real-password", None).await.unwrap());
    }
}
