//! Configuration from environment variables. Production is the default mode and refuses to start
//! without what production needs (real SMTP, an explicit session secret, an https public origin);
//! `./portal run` and the test harness ask for demo mode explicitly (`PORTAL_ENV=demo`).
//! A bad value stops start-up with one line naming the variable (`ConfigError`).

use std::net::SocketAddr;
use std::path::PathBuf;

/// Demo runs show the dev mailbox, may seed demo customers and pin the clock; production (the
/// default) requires real SMTP, an explicit secret and https, and has no `/dev/*` at all.
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
    /// Demo mode only (`PORTAL_CLOCK`): the instant the clock reads at start-up, so a run sees
    /// the same demo book on every calendar day.
    pub clock_start: Option<time::OffsetDateTime>,
    /// Keys that seal secrets at rest (`DATA_KEYS`, first = current). Generated into
    /// `data_dir/data.key` in demo mode; required in production.
    pub data_keys: super::crypto::DataKeys,
    /// Load balancers whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`, default none).
    pub trusted_proxies: super::client_ip::TrustedProxies,
    /// Extra root certificates (PEM) for the SMTP server's TLS (`SMTP_CA_FILE`).
    pub smtp_ca_pem: Option<Vec<u8>>,
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
        let smtp_target = smtp_url
            .as_deref()
            .map(super::mailer::SmtpTarget::parse)
            .transpose()
            .map_err(|m| err("SMTP_URL", m))?;
        let smtp_ca_pem = match get("SMTP_CA_FILE") {
            Some(path) => Some(
                std::fs::read(&path)
                    .map_err(|e| err("SMTP_CA_FILE", format!("cannot read {path}: {e}")))?,
            ),
            None => None,
        };
        let mode = match get("PORTAL_ENV").as_deref() {
            Some("demo") | Some("development") => RunMode::Demo,
            None | Some("production") => RunMode::Production,
            Some(other) => {
                return Err(err(
                    "PORTAL_ENV",
                    format!("`{other}` is not demo or production"),
                ))
            }
        };
        if mode == RunMode::Production && smtp_url.is_none() {
            return Err(err(
                "SMTP_URL",
                "is required in production (set PORTAL_ENV=demo for the demo)",
            ));
        }
        if let Some(t) = &smtp_target {
            if mode == RunMode::Production
                && t.security == super::mailer::SmtpSecurity::Plain
                && !t.is_loopback()
            {
                return Err(err(
                    "SMTP_URL",
                    "plain smtp:// only to a relay on this machine in production: use smtps:// or smtp+starttls://",
                ));
            }
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
        if mode == RunMode::Production
            && public_url.starts_with("http://")
            && !is_loopback_origin(&public_url)
        {
            return Err(err(
                "PUBLIC_URL",
                "must be https:// in production (http:// only for localhost)",
            ));
        }
        let register_limit_per_hour = parse_num(&get, "REGISTER_LIMIT_PER_HOUR", 20)?;
        let device_remember_days: u32 = parse_num(&get, "DEVICE_REMEMBER_DAYS", 90)?;
        if !(1..=400).contains(&device_remember_days) {
            return Err(err("DEVICE_REMEMBER_DAYS", "must be between 1 and 400"));
        }
        let body_limit = parse_num(&get, "BODY_LIMIT_BYTES", 64 * 1024)?;
        let session_secret =
            match get("SESSION_SECRET") {
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
                None if mode == RunMode::Production => return Err(err(
                    "SESSION_SECRET",
                    "is required in production (64+ hex characters, the same on every instance)",
                )),
                None => load_or_create_secret(&data_dir)?,
            };
        let data_keys = match get("DATA_KEYS") {
            Some(text) => super::crypto::DataKeys::parse(&text).map_err(|m| err("DATA_KEYS", m))?,
            None if mode == RunMode::Production => return Err(err(
                "DATA_KEYS",
                "is required in production (id:64-hex-characters, e.g. from `server new-data-key`)",
            )),
            None => load_or_create_data_key(&data_dir)?,
        };
        let trusted_proxies =
            super::client_ip::TrustedProxies::parse(&get("TRUSTED_PROXIES").unwrap_or_default())
                .map_err(|m| err("TRUSTED_PROXIES", m))?;
        let clock_start = match get("PORTAL_CLOCK") {
            None => None,
            Some(_) if mode == RunMode::Production => {
                return Err(err("PORTAL_CLOCK", "is only allowed with PORTAL_ENV=demo"))
            }
            Some(v) => Some(parse_instant(&v).ok_or_else(|| {
                err(
                    "PORTAL_CLOCK",
                    format!("`{v}` is not a date like 2026-11-16 or 2026-11-16T15:00:00Z"),
                )
            })?),
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
            clock_start,
            data_keys,
            trusted_proxies,
            smtp_ca_pem,
        })
    }

    pub fn is_demo(&self) -> bool {
        self.mode == RunMode::Demo
    }

    /// Cookies are `Secure` and `__Host-` prefixed when the public origin is https.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    pub fn dev_mailbox_enabled(&self) -> bool {
        self.mode == RunMode::Demo && self.smtp_url.is_none()
    }
}

/// `http://localhost…`, `http://127.…` or `http://[::1]…`: plain http that never leaves the machine.
fn is_loopback_origin(url: &str) -> bool {
    let rest = url.trim_start_matches("http://");
    let host = if let Some(v6) = rest.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        rest.split([':', '/']).next().unwrap_or_default()
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// `2026-11-16` (noon UTC) or RFC 3339 `2026-11-16T15:00:00Z`.
fn parse_instant(v: &str) -> Option<time::OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    let v = v.trim();
    if let Ok(t) = time::OffsetDateTime::parse(v, &Rfc3339) {
        return Some(t);
    }
    let d = time::Date::parse(v, time::macros::format_description!("[year]-[month]-[day]")).ok()?;
    Some(d.with_time(time::macros::time!(12:00)).assume_utc())
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

/// Demo mode: the data key lives next to the database (`data.key`), made on first start.
fn load_or_create_data_key(dir: &std::path::Path) -> Result<super::crypto::DataKeys, ConfigError> {
    let path = dir.join("data.key");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(_) => {
            let t = super::crypto::DataKeys::generate("k1");
            std::fs::create_dir_all(dir)
                .and_then(|_| std::fs::write(&path, &t))
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
            t
        }
    };
    super::crypto::DataKeys::parse(&text)
        .map_err(|m| err("DATA_KEYS", format!("{}: {m}", path.display())))
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
        map.entry("PORTAL_ENV".into()).or_insert("demo".into());
        Config::from_lookup(|k| map.get(k).cloned())
    }

    /// Without PORTAL_ENV: production, as a deployed binary would be.
    fn prod(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut all: Vec<(&str, &str)> = vec![
            ("SMTP_URL", "smtp://127.0.0.1:2525"),
            ("SESSION_SECRET", SECRET),
            ("PUBLIC_URL", "https://portal.example.com"),
            ("DATA_KEYS", DATA_KEY),
        ];
        all.retain(|(k, _)| !pairs.iter().any(|(p, _)| p == k));
        all.extend(pairs.iter().filter(|(_, v)| !v.is_empty()));
        let dir = std::env::temp_dir().join(format!("portal-cfg-{}", rand::random::<u64>()));
        let d = dir.display().to_string();
        let map: HashMap<String, String> = all
            .into_iter()
            .chain([("PORTAL_DATA_DIR", d.as_str())])
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    const SECRET: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    const DATA_KEY: &str = "k1:ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    #[test]
    fn production_is_the_default_and_refuses_to_start_without_what_it_needs() {
        let c = prod(&[]).unwrap();
        assert_eq!(c.mode, RunMode::Production);
        assert!(!c.dev_mailbox_enabled());
        assert!(!c.is_demo());
        // Each missing or unsafe setting is named.
        assert_eq!(prod(&[("SMTP_URL", "")]).unwrap_err().var, "SMTP_URL");
        assert_eq!(
            prod(&[("SESSION_SECRET", "")]).unwrap_err().var,
            "SESSION_SECRET"
        );
        assert_eq!(prod(&[("DATA_KEYS", "")]).unwrap_err().var, "DATA_KEYS");
        // Plain SMTP only to a relay on this machine.
        assert_eq!(
            prod(&[("SMTP_URL", "smtp://mail.example.com:25")])
                .unwrap_err()
                .var,
            "SMTP_URL"
        );
        for ok in [
            "smtps://mail.example.com",
            "smtp+starttls://mail.example.com:587",
        ] {
            assert!(prod(&[("SMTP_URL", ok)]).is_ok(), "{ok}");
        }
        assert_eq!(
            prod(&[("DATA_KEYS", "k1:abcd")]).unwrap_err().var,
            "DATA_KEYS"
        );
        assert_eq!(
            prod(&[("PUBLIC_URL", "http://portal.example.com")])
                .unwrap_err()
                .var,
            "PUBLIC_URL"
        );
        assert_eq!(
            prod(&[("PUBLIC_URL", "http://10.0.0.5:3000")])
                .unwrap_err()
                .var,
            "PUBLIC_URL"
        );
        // Plain http only where it never leaves the machine.
        for ok in [
            "http://localhost:3000",
            "http://127.0.0.1:3000",
            "http://[::1]:3000",
        ] {
            assert!(prod(&[("PUBLIC_URL", ok)]).is_ok(), "{ok}");
        }
        // No generated key file in production: every instance must share one secret.
        let c = prod(&[]).unwrap();
        assert!(!c.data_dir.join("session.key").exists());
        assert!(!c.data_dir.join("data.key").exists());
        // A pinned clock is a demo/test tool only.
        assert_eq!(
            prod(&[("PORTAL_CLOCK", "2026-11-16")]).unwrap_err().var,
            "PORTAL_CLOCK"
        );
    }

    #[test]
    fn demo_clock_is_pinned_by_date_or_instant() {
        assert_eq!(cfg(&[]).unwrap().clock_start, None);
        assert_eq!(
            cfg(&[("PORTAL_CLOCK", "2024-02-29")]).unwrap().clock_start,
            Some(time::macros::datetime!(2024-02-29 12:00 UTC))
        );
        assert_eq!(
            cfg(&[("PORTAL_CLOCK", "2026-11-16T15:30:00Z")])
                .unwrap()
                .clock_start,
            Some(time::macros::datetime!(2026-11-16 15:30 UTC))
        );
        assert_eq!(
            cfg(&[("PORTAL_CLOCK", "yesterday")]).unwrap_err().var,
            "PORTAL_CLOCK"
        );
    }

    #[test]
    fn demo_runs_when_asked_for() {
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
            cfg(&[
                ("PORTAL_ENV", "production"),
                ("SMTP_URL", "smtp://127.0.0.1:25")
            ])
            .unwrap_err()
            .var,
            "SESSION_SECRET"
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
            cfg(&[("TRUSTED_PROXIES", "10.0.0.0/99")]).unwrap_err().var,
            "TRUSTED_PROXIES"
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
