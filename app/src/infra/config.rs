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
    /// Card fees, settlement days, holidays, the window for returns after posting (`CARD_FEES`,
    /// `BANK_SETTLEMENT_DAYS`, `CARD_SETTLEMENT_DAYS`, `HOLIDAYS`, `LATE_RETURN_DAYS`).
    pub payment_rules: crate::domain::payment::PaymentRules,
    /// The lender's receiving account per country for transfers from another bank (`REMIT_US`,
    /// `REMIT_CA`, `REMIT_RU`; demo accounts by default).
    pub remittance: crate::domain::remittance::Remittance,
    /// The lender's time zone (`LENDER_TIME_ZONE`, IANA name, default America/New_York): its
    /// processing day and cut-off (`PAYMENT_CUTOFF`) are in it.
    pub lender_zone: jiff::tz::TimeZone,
    /// Where message attachments are stored (`ATTACHMENTS_URL`: a folder, default
    /// `<data dir>/attachments`, or `s3://bucket/prefix`), and the `AWS_*` settings for S3.
    pub attachments_url: String,
    pub attachments_options: Vec<(String, String)>,
    /// Hardship deferrals a contract may be granted over its life (`MAX_DEFERRALS`, default 2).
    pub max_deferrals: u32,
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
        let max_deferrals: u32 = parse_num(&get, "MAX_DEFERRALS", 2)?;
        if max_deferrals > 12 {
            return Err(err("MAX_DEFERRALS", "must be between 0 and 12"));
        }
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
        let payment_rules = payment_rules(&get)?;
        let lender_zone = match get("LENDER_TIME_ZONE") {
            None => crate::i18n::zone::parse("America/New_York").expect("bundled zone"),
            Some(name) => crate::i18n::zone::parse(&name).ok_or_else(|| {
                err(
                    "LENDER_TIME_ZONE",
                    format!("`{name}` is not a time zone name like America/New_York"),
                )
            })?,
        };
        let remittance = crate::domain::remittance::Remittance::from_vars(&get)
            .map_err(|(var, message)| err(var, message))?;
        let attachments_url = get("ATTACHMENTS_URL")
            .unwrap_or_else(|| data_dir.join("attachments").display().to_string());
        let attachments_options = super::files::S3_VARIABLES
            .iter()
            .filter_map(|k| get(k).map(|v| (k.to_string(), v)))
            .collect();
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
            max_deferrals,
            body_limit,
            clock_start,
            data_keys,
            trusted_proxies,
            smtp_ca_pem,
            payment_rules,
            remittance,
            lender_zone,
            attachments_url,
            attachments_options,
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

#[path = "config_demo_keys.rs"]
mod demo_keys;
use demo_keys::{load_or_create_data_key, load_or_create_secret};

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;

fn payment_rules(
    get: &impl Fn(&str) -> Option<String>,
) -> Result<crate::domain::payment::PaymentRules, ConfigError> {
    let mut rules = crate::domain::payment::PaymentRules::default();
    if let Some(text) = get("CARD_FEES") {
        rules.card_fees = crate::domain::payment::PaymentRules::parse_fees(&text)
            .ok_or_else(|| err("CARD_FEES", "must look like USD:2.95,CAD:2.95,RUB:0"))?;
    }
    rules.bank_settlement_days =
        parse_num(get, "BANK_SETTLEMENT_DAYS", rules.bank_settlement_days)?;
    rules.card_settlement_days =
        parse_num(get, "CARD_SETTLEMENT_DAYS", rules.card_settlement_days)?;
    rules.late_return_days = parse_num(get, "LATE_RETURN_DAYS", rules.late_return_days)?;
    if let Some(text) = get("RETURNED_PAYMENT_FEE") {
        rules.returned_fees = crate::domain::payment::PaymentRules::parse_fees(&text)
            .ok_or_else(|| err("RETURNED_PAYMENT_FEE", "must look like USD:25,CAD:25,RUB:0"))?;
    }
    if let Some(text) = get("PAYMENT_CUTOFF") {
        rules.cutoff = time::Time::parse(
            text.trim(),
            time::macros::format_description!("[hour]:[minute]"),
        )
        .map_err(|_| {
            err(
                "PAYMENT_CUTOFF",
                format!("`{text}` is not a time like 17:00"),
            )
        })?;
    }
    if let Some(text) = get("HOLIDAYS") {
        rules.holidays = text
            .split(',')
            .filter(|d| !d.trim().is_empty())
            .map(|d| {
                crate::domain::dates::parse_iso(d).ok_or_else(|| {
                    err(
                        "HOLIDAYS",
                        format!("`{}` is not a date like 2026-12-25", d.trim()),
                    )
                })
            })
            .collect::<Result<_, _>>()?;
    }
    Ok(rules)
}
