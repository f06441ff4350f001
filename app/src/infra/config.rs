//! Configuration from environment variables with defaults that run the demo out of the box.
//! A bad value stops start-up with one line naming the variable (`ConfigError`).

use std::net::SocketAddr;
use std::path::PathBuf;

/// Demo runs show the dev mailbox and may seed demo customers; production requires real SMTP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunMode {
    Demo,
    Production,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub database_url: String,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// Origin customers use, e.g. `https://portal.example.com`; links in emails start with it.
    pub public_url: String,
    pub mode: RunMode,
    pub data_dir: PathBuf,
    /// 32 bytes; signs device cookies. Generated into `data_dir/session.key` on first run.
    pub session_secret: Vec<u8>,
    pub register_limit_per_hour: u32,
    /// How long a browser stays remembered after a device code (or other second step), in days.
    pub device_remember_days: u32,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("configuration error: {var}: {message}")]
pub struct ConfigError {
    pub var: &'static str,
    pub message: String,
}

fn err(var: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        var,
        message: message.into(),
    }
}

impl Config {
    /// Seconds a remembered device stays remembered.
    pub fn device_remember_secs(&self) -> i64 {
        i64::from(self.device_remember_days) * 24 * 60 * 60
    }

    /// Reads the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Self::from_lookup(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
    }

    /// Reads configuration through `get` (tests pass a map).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let data_dir = PathBuf::from(get("PORTAL_DATA_DIR").unwrap_or_else(|| "data".into()));
        let bind_raw = get("PORTAL_ADDR")
            .or_else(|| get("LEPTOS_SITE_ADDR"))
            .unwrap_or_else(|| "127.0.0.1:3000".into());
        let bind: SocketAddr = bind_raw.parse().map_err(|_| {
            err(
                "PORTAL_ADDR",
                format!("`{bind_raw}` is not a socket address like 127.0.0.1:3000"),
            )
        })?;
        let database_url = get("DATABASE_URL").unwrap_or_else(|| {
            format!("sqlite://{}?mode=rwc", data_dir.join("portal.db").display())
        });
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(err(
                "DATABASE_URL",
                "must start with sqlite:, postgres:// or postgresql://",
            ));
        }
        let smtp_url = get("SMTP_URL");
        if let Some(url) = &smtp_url {
            super::mailer::SmtpTarget::parse(url).map_err(|m| err("SMTP_URL", m))?;
        }
        let mode = match get("PORTAL_ENV").as_deref() {
            None | Some("demo") | Some("development") => RunMode::Demo,
            Some("production") => RunMode::Production,
            Some(other) => {
                return Err(err(
                    "PORTAL_ENV",
                    format!("`{other}` is not demo or production"),
                ))
            }
        };
        if mode == RunMode::Production && smtp_url.is_none() {
            return Err(err("SMTP_URL", "is required when PORTAL_ENV=production"));
        }
        // On loopback the public name is "localhost": browsers treat it as a secure context and
        // WebAuthn accepts it as a relying party (an IP address is never a valid RP id).
        let public_url = get("PUBLIC_URL")
            .unwrap_or_else(|| {
                if bind.ip().is_loopback() {
                    format!("http://localhost:{}", bind.port())
                } else {
                    format!("http://{bind}")
                }
            })
            .trim_end_matches('/')
            .to_string();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(err("PUBLIC_URL", "must start with http:// or https://"));
        }
        let register_limit_per_hour = parse_num(&get, "REGISTER_LIMIT_PER_HOUR", 20)?;
        let device_remember_days: u32 = parse_num(&get, "DEVICE_REMEMBER_DAYS", 90)?;
        if !(1..=400).contains(&device_remember_days) {
            return Err(err("DEVICE_REMEMBER_DAYS", "must be between 1 and 400"));
        }
        let body_limit = parse_num(&get, "BODY_LIMIT_BYTES", 64 * 1024)?;
        let session_secret = match get("SESSION_SECRET") {
            Some(hex_secret) => {
                let bytes = hex::decode(hex_secret.trim())
                    .map_err(|_| err("SESSION_SECRET", "must be hex"))?;
                if bytes.len() < 32 {
                    return Err(err(
                        "SESSION_SECRET",
                        "must be at least 32 bytes (64 hex characters)",
                    ));
                }
                bytes
            }
            None => load_or_create_secret(&data_dir)?,
        };
        Ok(Config {
            bind,
            database_url,
            smtp_url,
            mail_from: get("MAIL_FROM")
                .unwrap_or_else(|| "Northstar Auto Finance <no-reply@northstar.example>".into()),
            public_url,
            mode,
            data_dir,
            session_secret,
            register_limit_per_hour,
            device_remember_days,
            body_limit,
        })
    }

    /// Cookies are `Secure` and `__Host-` prefixed when the public origin is https.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    pub fn dev_mailbox_enabled(&self) -> bool {
        self.mode == RunMode::Demo && self.smtp_url.is_none()
    }
}

fn parse_num<T: std::str::FromStr>(
    get: &impl Fn(&str) -> Option<String>,
    var: &'static str,
    default: T,
) -> Result<T, ConfigError> {
    match get(var) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse()
            .map_err(|_| err(var, format!("`{v}` is not a whole number"))),
    }
}

fn load_or_create_secret(dir: &std::path::Path) -> Result<Vec<u8>, ConfigError> {
    let path = dir.join("session.key");
    if let Ok(text) = std::fs::read_to_string(&path) {
        return hex::decode(text.trim())
            .map_err(|_| err("SESSION_SECRET", format!("{} is not hex", path.display())));
    }
    let mut bytes = vec![0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    std::fs::create_dir_all(dir).map_err(|e| {
        err(
            "PORTAL_DATA_DIR",
            format!("cannot create {}: {e}", dir.display()),
        )
    })?;
    std::fs::write(&path, hex::encode(&bytes)).map_err(|e| {
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
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn cfg(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let dir = std::env::temp_dir().join(format!("portal-cfg-{}", rand::random::<u64>()));
        let mut map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        map.entry("PORTAL_DATA_DIR".into())
            .or_insert(dir.display().to_string());
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_run_the_demo() {
        let c = cfg(&[]).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:3000");
        assert!(c.database_url.starts_with("sqlite://"));
        assert_eq!(c.mode, RunMode::Demo);
        assert!(c.dev_mailbox_enabled());
        assert_eq!(c.session_secret.len(), 32);
        assert!(!c.is_https());
    }

    #[test]
    fn secret_is_persisted_across_starts() {
        let dir = std::env::temp_dir().join(format!("portal-cfg-{}", rand::random::<u64>()));
        let d = dir.display().to_string();
        let a = cfg(&[("PORTAL_DATA_DIR", &d)]).unwrap();
        let b = cfg(&[("PORTAL_DATA_DIR", &d)]).unwrap();
        assert_eq!(a.session_secret, b.session_secret);
    }

    #[test]
    fn bad_values_name_the_variable() {
        assert_eq!(
            cfg(&[("PORTAL_ADDR", "nope")]).unwrap_err().var,
            "PORTAL_ADDR"
        );
        assert_eq!(
            cfg(&[("DATABASE_URL", "mysql://x")]).unwrap_err().var,
            "DATABASE_URL"
        );
        assert_eq!(
            cfg(&[("PORTAL_ENV", "staging")]).unwrap_err().var,
            "PORTAL_ENV"
        );
        assert_eq!(
            cfg(&[("PORTAL_ENV", "production")]).unwrap_err().var,
            "SMTP_URL"
        );
        assert_eq!(
            cfg(&[("SMTP_URL", "http://x")]).unwrap_err().var,
            "SMTP_URL"
        );
        assert_eq!(
            cfg(&[("SESSION_SECRET", "abcd")]).unwrap_err().var,
            "SESSION_SECRET"
        );
        assert_eq!(
            cfg(&[("REGISTER_LIMIT_PER_HOUR", "lots")]).unwrap_err().var,
            "REGISTER_LIMIT_PER_HOUR"
        );
        assert_eq!(
            cfg(&[("PUBLIC_URL", "ftp://x")]).unwrap_err().var,
            "PUBLIC_URL"
        );
        assert_eq!(
            cfg(&[("DEVICE_REMEMBER_DAYS", "0")]).unwrap_err().var,
            "DEVICE_REMEMBER_DAYS"
        );
        assert_eq!(
            cfg(&[("DEVICE_REMEMBER_DAYS", "30")])
                .unwrap()
                .device_remember_secs(),
            30 * 86_400
        );
        // On loopback the public name is localhost (a valid WebAuthn relying party).
        assert_eq!(cfg(&[]).unwrap().public_url, "http://localhost:3000");
        assert_eq!(
            cfg(&[("PORTAL_ADDR", "0.0.0.0:8080")]).unwrap().public_url,
            "http://0.0.0.0:8080"
        );
        let line = cfg(&[("PORTAL_ADDR", "nope")]).unwrap_err().to_string();
        assert!(line.contains("PORTAL_ADDR") && !line.contains('\n'));
    }

    #[test]
    fn https_public_url() {
        let c = cfg(&[("PUBLIC_URL", "https://portal.example.com/")]).unwrap();
        assert!(c.is_https());
        assert_eq!(c.public_url, "https://portal.example.com");
    }
}
