//! Starts the WASM app once the browser is idle, with no preload hints: the server-rendered page
//! paints (and counts as loaded) before the bundle is even requested, and becomes interactive a
//! moment later. Leptos' own `HydrationScripts` preloads the bundle, which on a slow phone network
//! competes with the first paint. Which bundle (customers' or staff) follows the page's path.
//! Start-up is cut into browser tasks (instantiate + parse the language's texts, then hydrate, then
//! register the service worker), so the longest task, the one that blocks the page, is shorter.
//! The bundle carries no texts: the page's language comes as its own file (`i18n::wire`), fetched
//! alongside the bundle and handed to it before it hydrates.

use super::bundle::Bundle;
use leptos::config::LeptosOptions;
use leptos::prelude::*;

/// The staff bundle's file name in /pkg, and the prefix of its lines in the hash file
/// (`backoffice-js: …`, `backoffice-wasm: …`, written by `scripts/build-backoffice-bundle.sh`).
#[cfg(feature = "ssr")]
const STAFF_BUNDLE: &str = "backoffice";

/// `(js, wasm)` URLs of a built bundle, with their content hashes when the build has them.
#[cfg(feature = "ssr")]
fn bundle_urls(options: &LeptosOptions, bundle: Bundle) -> (String, String) {
    let pkg = options.site_pkg_dir.as_ref();
    let (name, key) = match bundle {
        Bundle::Customer => (options.output_name.as_ref(), ""),
        Bundle::Staff => (STAFF_BUNDLE, "backoffice-"),
    };
    let mut js = format!("/{pkg}/{name}.js");
    let mut wasm = format!("/{pkg}/{name}.wasm");
    if options.hash_files {
        let hashes = std::env::current_exe()
            .ok()
            .and_then(|exe| {
                std::fs::read_to_string(exe.with_file_name(options.hash_file.as_ref())).ok()
            })
            .unwrap_or_default();
        for line in hashes.lines() {
            let Some((k, h)) = line.split_once(':') else {
                continue;
            };
            match k.strip_prefix(key) {
                Some("js") => js = format!("/{pkg}/{name}.{}.js", h.trim()),
                Some("wasm") => wasm = format!("/{pkg}/{name}.{}.wasm", h.trim()),
                _ => {}
            }
        }
    }
    (js, wasm)
}

#[cfg(not(feature = "ssr"))]
fn bundle_urls(_: &LeptosOptions, _: Bundle) -> (String, String) {
    (String::new(), String::new())
}

/// The path of the page being rendered (server only; the browser never renders this script).
fn page_path() -> String {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        return parts.uri.path().to_string();
    }
    String::new()
}

/// The address of the page's language file for `bundle` (server only).
#[cfg(feature = "ssr")]
fn texts_url(bundle: Bundle) -> String {
    crate::i18n::wire::url(bundle, crate::i18n::request_locale())
}

#[cfg(not(feature = "ssr"))]
fn texts_url(_: Bundle) -> String {
    String::new()
}

#[component]
pub fn IdleHydration(options: LeptosOptions) -> impl IntoView {
    let bundle = Bundle::for_path(&page_path());
    let (js, wasm) = bundle_urls(&options, bundle);
    let texts = texts_url(bundle);
    // A language file that cannot be fetched leaves the page as the server rendered it (readable,
    // forms post without scripts) rather than hydrating it without words.
    let script = format!(
        "(function (js, wasm, texts) {{\
           const words = () => fetch(texts).then((r) => {{ if (!r.ok) throw new Error(texts + ': ' + r.status); return r.text(); }});\
           const start = () => Promise.all([import(js), words()]).then(([m, t]) => m.default({{ module_or_path: wasm }}).then(() => {{ m.prepare(t); setTimeout(() => m.hydrate(), 0); }}));\
           if ('requestIdleCallback' in window) requestIdleCallback(start, {{ timeout: 2000 }}); else setTimeout(start, 1);\
         }})({js:?}, {wasm:?}, {texts:?});"
    );
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script> }
}
