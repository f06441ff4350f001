//! Starts the WASM app once the browser is idle, with no preload hints: the server-rendered page
//! paints (and counts as loaded) before the bundle is even requested, and becomes interactive a
//! moment later. Leptos' own `HydrationScripts` preloads the bundle, which on a slow phone network
//! competes with the first paint.

use leptos::config::LeptosOptions;
use leptos::prelude::*;

/// `(js, wasm)` URLs of the built bundle, with their content hashes when the build has them.
#[cfg(feature = "ssr")]
fn bundle_urls(options: &LeptosOptions) -> (String, String) {
    let (name, pkg) = (options.output_name.as_ref(), options.site_pkg_dir.as_ref());
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
            match line.split_once(':') {
                Some(("js", h)) => js = format!("/{pkg}/{name}.{}.js", h.trim()),
                Some(("wasm", h)) => wasm = format!("/{pkg}/{name}.{}.wasm", h.trim()),
                _ => {}
            }
        }
    }
    (js, wasm)
}

#[cfg(not(feature = "ssr"))]
fn bundle_urls(_: &LeptosOptions) -> (String, String) {
    (String::new(), String::new())
}

#[component]
pub fn IdleHydration(options: LeptosOptions) -> impl IntoView {
    let (js, wasm) = bundle_urls(&options);
    let script = format!(
        "(function (js, wasm) {{\
           const start = () => import(js).then((m) => m.default({{ module_or_path: wasm }}).then(() => m.hydrate()));\
           if ('requestIdleCallback' in window) requestIdleCallback(start, {{ timeout: 2000 }}); else setTimeout(start, 1);\
         }})({js:?}, {wasm:?});"
    );
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script> }
}
