//! The page's language on the wire. A browser bundle carries no texts: the page hands it one file,
//! its language's (the staff bundle's adds the back office's), fetched beside the bundle and kept
//! by the browser for good, since its name carries a digest of its content (a release that changes
//! a text changes the name). The server makes each file once, with its brotli (quality 11) beside it.

use super::catalogue::client_text;
use super::Locale;
use crate::components::bundle::Bundle;
use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::sync::OnceLock;

/// Where the files are served: under the bundle's own folder, so they are cached like it.
pub const PREFIX: &str = "/pkg/i18n/";

struct WireFile {
    bundle: Bundle,
    locale: Locale,
    name: String,
    text: String,
    brotli: OnceLock<Vec<u8>>,
}

fn files() -> &'static [WireFile] {
    static FILES: OnceLock<Vec<WireFile>> = OnceLock::new();
    FILES.get_or_init(|| {
        [Bundle::Customer, Bundle::Staff]
            .into_iter()
            .flat_map(|b| Locale::ALL.map(move |l| (b, l)))
            .map(|(b, l)| {
                let text = client_text(l, b == Bundle::Staff);
                let digest = hex::encode(&Sha256::digest(text.as_bytes())[..8]);
                WireFile {
                    bundle: b,
                    locale: l,
                    name: format!("{}-{}.{digest}.ftl", bundle_name(b), l.code()),
                    text,
                    brotli: OnceLock::new(),
                }
            })
            .collect()
    })
}

fn bundle_name(b: Bundle) -> &'static str {
    match b {
        Bundle::Customer => "portal",
        Bundle::Staff => "backoffice",
    }
}

/// The address of the file a page in `l` hands to `bundle`.
pub fn url(bundle: Bundle, l: Locale) -> String {
    let file = files()
        .iter()
        .find(|f| f.bundle == bundle && f.locale == l)
        .expect("a file for every bundle and language");
    format!("{PREFIX}{}", file.name)
}

fn brotli_of(text: &str) -> Vec<u8> {
    let mut out = brotli::CompressorWriter::new(Vec::new(), 4096, 11, 22);
    let _ = out.write_all(text.as_bytes());
    out.into_inner()
}

/// `GET /pkg/i18n/{name}`: the file, brotli when the browser takes it. A name this build does not
/// have (a page of an earlier release) is 404, like that release's bundle.
pub async fn serve(Path(name): Path<String>, headers: HeaderMap) -> Response {
    let Some(file) = files().iter().find(|f| f.name == name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let text_type = (header::CONTENT_TYPE, "text/plain; charset=utf-8");
    let takes_brotli = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("br")));
    if !takes_brotli {
        return ([text_type], file.text.clone()).into_response();
    }
    let body = match file.brotli.get() {
        Some(b) => b.clone(),
        None => {
            let text = file.text.clone();
            let made = tokio::task::spawn_blocking(move || brotli_of(&text))
                .await
                .unwrap_or_default();
            file.brotli.get_or_init(|| made).clone()
        }
    };
    (
        [
            text_type,
            (header::CONTENT_ENCODING, "br"),
            (header::VARY, "accept-encoding"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bundle_and_language_has_its_own_file() {
        let names: std::collections::BTreeSet<_> = files().iter().map(|f| &f.name).collect();
        assert_eq!(names.len(), 6);
        let en = &files()[0];
        assert!(url(Bundle::Customer, Locale::En).ends_with(&en.name));
        assert!(en.name.starts_with("portal-en."));
        assert!(en.text.contains("common-loading ="));
        assert!(
            !en.text.contains("\nbo-title ="),
            "no staff texts for customers"
        );
        let staff_ru = &files()[5];
        assert!(url(Bundle::Staff, Locale::Ru).ends_with(&staff_ru.name));
        assert!(staff_ru.text.contains("\nbo-title ="));
        // The emails' and PDFs' texts stay on the server.
        assert!(
            !en.text.contains("\nemail-greeting =") && !en.text.contains("\npdf-statement-title =")
        );
        // The compressed file is the text.
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli_of(&en.text)[..], &mut back).unwrap();
        assert_eq!(back, en.text.as_bytes());
    }
}
