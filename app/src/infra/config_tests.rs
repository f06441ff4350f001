//! Configuration: defaults, production's requirements, and one-line errors naming the variable.
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
    assert_eq!(cfg(&[]).unwrap().max_deferrals, 2);
    assert_eq!(cfg(&[("MAX_DEFERRALS", "0")]).unwrap().max_deferrals, 0);
    assert_eq!(
        cfg(&[("MAX_DEFERRALS", "13")]).unwrap_err().var,
        "MAX_DEFERRALS"
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

#[test]
fn receiving_accounts_default_to_the_demo_ones_and_a_wrong_number_names_its_variable() {
    use crate::domain::remittance::{Remittance, DEFAULT_CA, DEFAULT_RU, DEFAULT_US};
    assert_eq!(cfg(&[]).unwrap().remittance, Remittance::default());
    assert_eq!(prod(&[]).unwrap().remittance, Remittance::default());
    let us = "payee=Northstar Auto Finance LLC;bank=JPMorgan Chase Bank, N.A.;routing=021000021;account=000123456789;type=savings";
    let c = cfg(&[("REMIT_US", us)]).unwrap();
    assert_eq!(c.remittance.us.routing.as_str(), "021000021");
    assert_eq!(c.remittance.ca, Remittance::default().ca);
    // One digit off in the routing number, the BIK, the корр. счёт, the расчётный счёт.
    for (var, text) in [
        ("REMIT_US", DEFAULT_US.replace("114000925", "114000926")),
        (
            "REMIT_CA",
            DEFAULT_CA.replace("transit=10071", "transit=1007"),
        ),
        (
            "REMIT_RU",
            DEFAULT_RU.replace("bik=044525318", "bik=144525318"),
        ),
        (
            "REMIT_RU",
            DEFAULT_RU.replace("30101810100000000318", "30101810100000000319"),
        ),
        (
            "REMIT_RU",
            DEFAULT_RU.replace("40702810700000041785", "40702810700000041786"),
        ),
        ("REMIT_RU", "payee=X".to_string()),
    ] {
        let e = cfg(&[(var, &text)]).unwrap_err();
        assert_eq!(e.var, var, "{text}");
        assert!(!e.to_string().contains('\n'));
    }
}

#[test]
fn the_lenders_day_is_configured_by_zone_and_cut_off() {
    let c = cfg(&[]).unwrap();
    assert_eq!(c.payment_rules.cutoff, time::macros::time!(17:00));
    assert_eq!(
        c.lender_zone.iana_name(),
        Some("America/New_York"),
        "default"
    );
    let c = cfg(&[
        ("LENDER_TIME_ZONE", "America/Toronto"),
        ("PAYMENT_CUTOFF", "20:30"),
    ])
    .unwrap();
    assert_eq!(c.lender_zone.iana_name(), Some("America/Toronto"));
    assert_eq!(c.payment_rules.cutoff, time::macros::time!(20:30));
    for bad in ["Mars/Olympus", "", "../etc/passwd"] {
        assert_eq!(
            cfg(&[("LENDER_TIME_ZONE", bad)]).unwrap_err().var,
            "LENDER_TIME_ZONE"
        );
    }
    assert_eq!(
        cfg(&[("RETURNED_PAYMENT_FEE", "USD:30")])
            .unwrap()
            .payment_rules
            .returned_fee("USD"),
        crate::domain::Money::from_cents(3_000)
    );
    assert_eq!(
        cfg(&[("RETURNED_PAYMENT_FEE", "30")]).unwrap_err().var,
        "RETURNED_PAYMENT_FEE"
    );
    for bad in ["25:00", "5pm", "17"] {
        assert_eq!(
            cfg(&[("PAYMENT_CUTOFF", bad)]).unwrap_err().var,
            "PAYMENT_CUTOFF"
        );
    }
}
