//! One language on the wire (issue #17): a page names its language's file for its bundle, and the
//! server sends that file, brotli to a browser that takes it, cached for good; a name this build
//! does not have is not found.

use crate::common::*;

/// The language file a page at `path` hands its bundle, for a browser whose language is `lang`.
async fn texts_url(app: &TestApp, path: &str, lang: &str) -> String {
    let html = text_of(
        app.client()
            .get(format!("{}{path}", app.base))
            .header("cookie", format!("portal_lang={lang}")),
    )
    .await;
    let start = html
        .find("\"/pkg/i18n/")
        .expect("the page names its language file")
        + 1;
    let end = start + html[start..].find('"').unwrap();
    html[start..end].to_string()
}

#[tokio::test]
async fn a_page_hands_its_bundle_its_own_language_only() {
    let app = spawn().await;
    let ru = texts_url(&app, "/login", "ru").await;
    assert!(ru.starts_with("/pkg/i18n/portal-ru."), "{ru}");
    assert!(ru.ends_with(".ftl"));
    let c = app.client();
    let plain = c.get(format!("{}{ru}", app.base)).send().await.unwrap();
    assert_eq!(plain.status(), 200);
    let h = plain.headers().clone();
    assert_eq!(h["content-type"], "text/plain; charset=utf-8");
    assert_eq!(h["cache-control"], "public, max-age=31536000, immutable");
    let text = plain.text().await.unwrap();
    assert!(text.contains("login-submit = Войти"));
    assert!(
        !text.contains("login-submit = Sign in"),
        "one language only"
    );
    assert!(
        !text.contains("\nbo-title ="),
        "no back-office texts for customers"
    );
    assert!(
        !text.contains("\nemail-greeting ="),
        "mail texts stay on the server"
    );

    let br = c
        .get(format!("{}{ru}", app.base))
        .header("accept-encoding", "gzip, deflate, br")
        .send()
        .await
        .unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    let packed = br.bytes().await.unwrap();
    assert!(
        packed.len() * 3 < text.len(),
        "{} of {}",
        packed.len(),
        text.len()
    );

    // The staff pages hand the staff bundle its file, with the back office's texts.
    let staff = texts_url(&app, "/backoffice/login", "fr-CA").await;
    assert!(staff.starts_with("/pkg/i18n/backoffice-fr-CA."), "{staff}");
    let staff_text = c.get(format!("{}{staff}", app.base)).send().await.unwrap();
    assert!(staff_text.text().await.unwrap().contains("\nbo-title ="));

    // Another release's file, or a made-up name: not found, and not cached.
    let digest_len = ru.len() - "/pkg/i18n/portal-ru.".len() - ".ftl".len();
    let stale = format!("/pkg/i18n/portal-ru.{}.ftl", "0".repeat(digest_len));
    for path in [
        stale.as_str(),
        "/pkg/i18n/portal-de.ftl",
        "/pkg/i18n/..%2Fhash.txt",
    ] {
        let r = c.get(format!("{}{path}", app.base)).send().await.unwrap();
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(r.headers()["cache-control"], "no-store", "{path}");
    }
}
