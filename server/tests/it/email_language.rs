//! Emails are written in the recipient's language: the `language` of their customer record, and at
//! registration the language of the page they registered from (which is then remembered).
//! Non-English subjects travel RFC 2047-encoded and bodies base64 or quoted-printable, so this
//! module decodes the raw messages the SMTP sink received.

use crate::common::*;
use std::time::Duration;

/// A received message with its subject and plain-text body fully decoded.
#[derive(Debug)]
struct Decoded {
    subject: String,
    text: String,
}

fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Quoted-printable; `underscore_is_space` for the Q encoding of header words.
fn quoted_printable(s: &str, underscore_is_space: bool) -> Vec<u8> {
    let s = s.replace("=\r\n", "");
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(if underscore_is_space && bytes[i] == b'_' {
            b' '
        } else {
            bytes[i]
        });
        i += 1;
    }
    out
}

/// A header value with its encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) decoded.
fn decode_header(value: &str) -> String {
    let mut out = String::new();
    let mut last_encoded = false;
    for (i, word) in value.split_whitespace().enumerate() {
        let encoded = word
            .strip_prefix("=?")
            .and_then(|w| w.strip_suffix("?="))
            .and_then(|w| {
                let mut parts = w.splitn(3, '?');
                let (_charset, enc, text) = (parts.next()?, parts.next()?, parts.next()?);
                let bytes = match enc {
                    "b" | "B" => base64(text),
                    "q" | "Q" => quoted_printable(text, true),
                    _ => return None,
                };
                Some(String::from_utf8_lossy(&bytes).into_owned())
            });
        match encoded {
            // Whitespace between two encoded words is folding, not text.
            Some(text) => {
                if i > 0 && !last_encoded {
                    out.push(' ');
                }
                out.push_str(&text);
                last_encoded = true;
            }
            None => {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(word);
                last_encoded = false;
            }
        }
    }
    out
}

/// The headers of a message or part, unfolded, as (lower-case name, value).
fn headers(block: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in block.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            out.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    out
}

fn header<'a>(hs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    hs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

fn decode(raw: &str) -> Decoded {
    let (head, _) = raw.split_once("\r\n\r\n").expect("message headers");
    let subject = decode_header(header(&headers(head), "subject").unwrap_or_default());
    // The first text/plain part.
    let start = raw
        .find("Content-Type: text/plain")
        .expect("a text/plain part");
    let part = &raw[start..];
    let (part_head, body) = part.split_once("\r\n\r\n").expect("part body");
    let body = body.split("\r\n--").next().unwrap_or_default();
    let encoding = header(&headers(part_head), "content-transfer-encoding")
        .unwrap_or("7bit")
        .to_ascii_lowercase();
    let bytes = match encoding.as_str() {
        "base64" => base64(body),
        "quoted-printable" => quoted_printable(body, false),
        _ => body.as_bytes().to_vec(),
    };
    Decoded {
        subject,
        text: String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
    }
}

/// Waits (up to 15 s) for the latest message to `to` whose decoded subject is `subject`.
async fn wait_decoded(app: &TestApp, to: &str, subject: &str) -> Decoded {
    for _ in 0..300 {
        let found = app
            .smtp
            .all()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == to))
            .map(|m| decode(&m.data))
            .rev()
            .find(|m| m.subject == subject);
        if let Some(m) = found {
            return m;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let got: Vec<String> = app
        .smtp
        .all()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t == to))
        .map(|m| decode(&m.data).subject)
        .collect();
    panic!("no message to {to} with subject {subject:?}; got {got:?}");
}

async fn set_language(app: &TestApp, email: &str, code: &str) {
    sqlx::query("UPDATE customers SET language = $1 WHERE email = $2")
        .bind(code)
        .bind(email)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
}

async fn language_of(app: &TestApp, email: &str) -> String {
    use sqlx::Row;
    sqlx::query("SELECT language FROM customers WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
        .try_get("language")
        .unwrap()
}

fn link_in(text: &str, needle: &str) -> String {
    text.split_whitespace()
        .find(|w| w.starts_with("http") && w.contains(needle))
        .unwrap_or_else(|| panic!("no link with {needle} in {text}"))
        .to_string()
}

#[tokio::test]
async fn a_french_speaking_customer_gets_the_reset_email_in_french() {
    let app = spawn().await;
    let email = "francine@example.com";
    let old = app.registered_active(email).await;
    // Registered from a page with no language preference: English, and remembered as such.
    assert_eq!(language_of(&app, email).await, "en");
    set_language(&app, email, "fr-CA").await;

    let c = app.client();
    let r = app
        .post(&c, "/api/request_password_reset", &[("email", email)])
        .await;
    assert_eq!(r.status(), 200);
    let mail = wait_decoded(
        &app,
        email,
        "Demande de réinitialisation de votre mot de passe",
    )
    .await;
    assert!(mail.text.starts_with("Bonjour Anna,\n\n"), "{}", mail.text);
    assert!(
        mail.text.contains("Réinitialiser le mot de passe : http"),
        "{}",
        mail.text
    );
    assert!(
        mail.text.contains(&format!(
            "Ce message a été envoyé à {email}. Nous ne vous demanderons jamais votre mot de passe par courriel."
        )),
        "{}",
        mail.text
    );
    assert!(!mail.text.contains("Hello"), "{}", mail.text);

    // The link works like the English one, and the confirmation is French as well.
    let token = token_from(&link_in(&mail.text, "/reset-password?token="));
    let new = "quiet harbour lanterns";
    let r = app
        .post(
            &c,
            "/api/reset_password",
            &[
                ("token", &token),
                ("password", new),
                ("password_confirm", new),
            ],
        )
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let changed = wait_decoded(&app, email, "Votre mot de passe a été modifié").await;
    assert!(
        changed.text.contains("Se connecter : http"),
        "{}",
        changed.text
    );
    assert_ne!(old, new);
}

#[tokio::test]
async fn a_russian_speaking_customer_gets_the_device_code_in_russian() {
    let app = spawn().await;
    let email = "sergei@example.com";
    let pw = app.registered_active(email).await;
    set_language(&app, email, "ru").await;

    let c = app.client();
    let r = login_first_step(&app, &c, email, &pw).await;
    assert_eq!(r.status(), 200);
    let step: serde_json::Value = r.json().await.unwrap();
    assert_eq!(step["Code"]["new_device"], true);

    let mail = wait_decoded(&app, email, "Код подтверждения устройства").await;
    assert!(
        mail.text.starts_with("Здравствуйте, Anna!\n\n"),
        "{}",
        mail.text
    );
    assert!(
        mail.text
            .contains("Ваш код для подтверждения этого устройства: "),
        "{}",
        mail.text
    );
    assert!(
        mail.text
            .contains("Мы никогда не запрашиваем пароль по электронной почте."),
        "{}",
        mail.text
    );
    // The code in the Russian email completes the sign-in.
    let code = six_digits(&mail.text);
    let done = app
        .post(
            &c,
            "/api/complete_login",
            &[("method", "code"), ("code", &code)],
        )
        .await;
    assert_eq!(done.status(), 200, "{:?}", done.text().await);
    assert_ne!(current_user(&app, &c).await, serde_json::Value::Null);
}

#[tokio::test]
async fn registering_from_a_french_page_sends_french_emails_from_then_on() {
    let app = spawn().await;
    let email = "fr.page@example.com";
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        "fr-CA,fr;q=0.9,en;q=0.5".parse().unwrap(),
    );
    let c = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap();
    let r = register(&app, &c, "Élise", "Tremblay", email, "maple syrup tuesday").await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let mail = wait_decoded(&app, email, "Activez l'accès à votre compte").await;
    assert!(mail.text.starts_with("Bonjour Élise,\n\n"), "{}", mail.text);
    let link = link_in(&mail.text, "/activate?token=");
    assert!(link.starts_with(&app.base), "{link}");
    assert_eq!(language_of(&app, email).await, "fr-CA");

    // A later email follows the remembered language, whatever the requesting browser says.
    let activate = app
        .post(&c, "/api/activate", &[("token", &token_from(&link))])
        .await;
    assert_eq!(activate.status(), 200);
    let r = app
        .post(
            &app.client(),
            "/api/request_password_reset",
            &[("email", email)],
        )
        .await;
    assert_eq!(r.status(), 200);
    wait_decoded(
        &app,
        email,
        "Demande de réinitialisation de votre mot de passe",
    )
    .await;
}
