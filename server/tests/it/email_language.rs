//! Emails are written in the recipient's language: the `language` of their customer record, and at
//! registration the language of the page they registered from (which is then remembered).
//! (Non-English subjects travel RFC 2047-encoded and bodies base64 or quoted-printable; the SMTP
//! sink's `Mail::decode` handles both.)

use crate::common::*;

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
    let mail = app
        .smtp
        .wait_subject(email, "Demande de réinitialisation de votre mot de passe")
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
    let changed = app
        .smtp
        .wait_subject(email, "Votre mot de passe a été modifié")
        .await;
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

    let mail = app
        .smtp
        .wait_subject(email, "Код подтверждения устройства")
        .await;
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
    let mail = app
        .smtp
        .wait_subject(email, "Activez l'accès à votre compte")
        .await;
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
    app.smtp
        .wait_subject(email, "Demande de réinitialisation de votre mot de passe")
        .await;
}
