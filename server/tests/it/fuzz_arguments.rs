//! Issue 18, fuzzing the server functions' argument decoding: every registered function gets form
//! bodies built from its real fields (the IDOR sweep's table) and then broken — fields dropped,
//! doubled, nested, renamed; values huge, negative, non-numeric, badly percent-encoded, full of
//! control characters. Each answer must be a typed answer: 2xx JSON, or 4xx with an `AppError`
//! (never `Internal`), never 5xx; and the server keeps answering. `FUZZ_CASES` bodies per function
//! (default 2 here; `scripts/fuzz.sh` runs many), from `FUZZ_SEED` (fixed unless given; the
//! script draws a new one each run, printed on failure). A body that ever failed goes into
//! `REGRESSIONS` and is replayed on every run.

use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::idor::{table, victim::Attacker};
use app::error::AppError;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

/// Bodies that once broke something, or were written to (path, raw urlencoded body).
const REGRESSIONS: &[(&str, &str)] = &[
    ("/api/contract_detail", "id=99999999999999999999999"),
    ("/api/contract_schedule", "id=1&page=-1"),
    (
        "/api/make_payment",
        "contract_id=1&contract_id=2&source_id=x&amount=%ZZ&date=&key=",
    ),
    (
        "/api/file_application",
        "contract=1&form[kind]=deferral&form[kind][x]=1&key=k",
    ),
    ("/api/application_preview", "contract=1&form=%00"),
    (
        "/api/send_message",
        "topic=other&body=%F0%28%8C%28&key=abcdefghijklmnop",
    ),
    ("/api/login", "email[]=a&password[]=b"),
    (
        "/api/register",
        "a[a][a][a][a][a][a][a][a][a][a][a][a][a][a][a][a][a][a][a][a][a]=1",
    ),
];

const NASTY: &[&str] = &[
    "",
    "-1",
    "0",
    "-0",
    "9223372036854775808",
    "99999999999999999999999999999999",
    "1e309",
    "NaN",
    "1.5",
    "null",
    "true",
    "%ZZ",
    "%00",
    "%F0%28%8C%28",
    "\u{0}\u{7}\u{1b}[31m",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "2026-02-30",
    "9999-99-99",
    "﷽𒐫🏎️",
];

fn value(rng: &mut StdRng, real: &str) -> String {
    match rng.gen_range(0..6) {
        0 => real.to_string(),
        1 => NASTY.choose(rng).unwrap().to_string(),
        2 => "9".repeat(rng.gen_range(1..400)),
        3 => (0..rng.gen_range(0..40))
            .map(|_| char::from_u32(rng.gen_range(0..0x11000)).unwrap_or('?'))
            .collect(),
        4 => format!("{real}{}", NASTY.choose(rng).unwrap()),
        _ => format!("{}", rng.gen::<i64>()),
    }
}

/// Percent-encoding as a form does (every byte but letters and digits).
fn encoded(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A body built from the function's real fields, broken at random.
fn body(rng: &mut StdRng, fields: &[(&'static str, String)]) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (k, v) in fields {
        let key = match rng.gen_range(0..10) {
            0 => continue,
            1 => format!("{k}[]"),
            2 => format!("{k}[x][y]"),
            3 => k.to_uppercase(),
            _ => k.to_string(),
        };
        pairs.push((key, value(rng, v)));
        if rng.gen_bool(0.1) {
            pairs.push((k.to_string(), value(rng, v)));
        }
    }
    if rng.gen_bool(0.2) {
        pairs.push(("unexpected".into(), value(rng, "")));
    }
    let mut text = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encoded(k), encoded(v)))
        .collect::<Vec<_>>()
        .join("&");
    if rng.gen_bool(0.1) {
        // Raw, not encoded: stray `%`, `&&`, `=` in odd places.
        text.push_str(["&%", "&&=", "=%G1", "&a=%"].choose(rng).unwrap());
    }
    text
}

async fn post(app: &TestApp, c: &reqwest::Client, path: &str, body: String) -> (u16, String) {
    let r = c
        .post(format!("{}{path}", app.base))
        .header("Origin", &app.base)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// None when the answer is a typed one; else what is wrong with it.
fn untyped(status: u16, text: &str) -> Option<String> {
    if status >= 500 {
        return Some(format!("status {status}"));
    }
    if serde_json::from_str::<serde_json::Value>(text).is_err() {
        return Some("not JSON".into());
    }
    if status >= 400 {
        return match serde_json::from_str::<AppError>(text) {
            Ok(AppError::Internal) => Some("Internal".into()),
            Ok(_) => None,
            Err(_) => Some("not an AppError".into()),
        };
    }
    None
}

#[tokio::test]
async fn every_server_function_answers_broken_arguments_with_a_typed_error() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let cases: usize = std::env::var("FUZZ_CASES").map_or(2, |v| v.parse().unwrap());
    // A fixed seed in `./portal test` (the same bodies every day); scripts/fuzz.sh draws new ones.
    let seed: u64 = std::env::var("FUZZ_SEED").map_or(2026, |v| v.parse().unwrap());
    let mut rng = StdRng::seed_from_u64(seed);
    let dummy = Attacker {
        client: reqwest::Client::new(),
        loan: "1".into(),
        source: "1".into(),
        start_month: "2027-01".into(),
    };
    let rows = table::rows(&dummy, "2026-12-10");
    let mut bad = Vec::new();
    let mut sent = 0;
    for (path, raw) in REGRESSIONS {
        let (status, text) = post(&app, &anna, path, raw.to_string()).await;
        if let Some(why) = untyped(status, &text) {
            bad.push(format!("{path} {raw:?}: {why}: {text}"));
        }
        sent += 1;
    }
    for row in rows.iter().filter(|r| r.path != "/api/logout") {
        let fields: Vec<(&'static str, String)> = row
            .form
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    if table::placeholder(v).is_some() {
                        "1".into()
                    } else {
                        v.clone()
                    },
                )
            })
            .collect();
        for _ in 0..cases {
            let b = body(&mut rng, &fields);
            let (status, text) = post(&app, &anna, &row.path, b.clone()).await;
            if let Some(why) = untyped(status, &text) {
                bad.push(format!("{} {b:?}: {why}: {text}", row.path));
            }
            sent += 1;
        }
    }
    assert!(
        bad.is_empty(),
        "seed {seed}, {sent} bodies:\n{}",
        bad.join("\n")
    );
    let health = reqwest::get(format!("{}/healthz", app.base)).await.unwrap();
    assert_eq!(health.status(), 200);
    println!("fuzzed server-function arguments: {sent} bodies, seed {seed}, all typed answers");
}
