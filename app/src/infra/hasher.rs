//! Password hashing with argon2id (m = 19456 KiB, t = 2, p = 1, the OWASP baseline). Hashing is
//! CPU- and memory-heavy, so it runs on threads of its own, as many as the cores, shared by the
//! process. They run at a lower scheduling priority (nice 10 on Linux): a burst of sign-ins takes
//! the CPU the pages leave free, instead of every page queueing behind the hashes. With nothing
//! else to do they have every core, so sign-ins are as fast as ever.

use crate::error::ServiceError;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Clone, Default)]
pub struct Hasher {
    /// argon2 computations run (hashes and verifications), so tests can check that two paths do
    /// the same work without timing them.
    runs: Arc<std::sync::atomic::AtomicU64>,
}

type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads' queue, started at first use.
fn pool() -> &'static Sender<Job> {
    static POOL: OnceLock<Sender<Job>> = OnceLock::new();
    POOL.get_or_init(|| {
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        for i in 0..cores {
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || {
                    lower_priority();
                    // The lock is held while waiting for a job, not while running one.
                    while let Ok(job) = queue
                        .lock()
                        .map_err(drop)
                        .and_then(|q| q.recv().map_err(drop))
                    {
                        // A panicking job drops its answer (the caller gets an error); the thread
                        // stays for the next.
                        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                    }
                })
                .expect("starting a password-hashing thread");
        }
        jobs
    })
}

/// Nice 10 for the calling thread (on Linux the nice value is per thread). Lowering one's own
/// priority needs no privilege; failure leaves the thread at normal priority.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority takes plain integers and changes only the calling thread (who = 0).
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

fn argon() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).expect("valid argon2 params");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
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
        self.runs.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (answer, answered) = tokio::sync::oneshot::channel();
        pool()
            .send(Box::new(move || {
                let _ = answer.send(job());
            }))
            .map_err(ServiceError::failed("password hashing pool"))?;
        answered
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

    /// The hashing threads run below normal priority, and a job that panics is an error for its
    /// caller while the threads go on serving.
    #[tokio::test]
    async fn hashing_threads_are_nice_and_survive_a_panic() {
        let h = Hasher::default();
        #[cfg(target_os = "linux")]
        {
            // SAFETY: getpriority reads the calling (hashing) thread's nice value.
            let nice = h
                .run(|| Ok(unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }))
                .await
                .unwrap();
            assert_eq!(nice, 10);
        }
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        for _ in 0..cores + 1 {
            let failed = h.run(|| -> Result<(), ServiceError> { panic!("a broken job") });
            assert!(failed.await.is_err());
        }
        assert!(!h.hash("still working").await.unwrap().is_empty());
    }
}
