//! The browser entry point: hydrates the server-rendered page. Everything else lives in `app`.
//! Compiled twice: the customers' bundle (this crate) and the staff bundle (`backoffice/`, with the
//! back-office pages).

/// Work that can run before hydrating, in its own browser task (see `IdleHydration`): `texts` is
/// the page's language, fetched beside the bundle.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn prepare(texts: String) {
    app::i18n::prepare(texts);
}

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The page's route may be a chunk of its own (app/src/pages.rs): fetched, then hydrated.
    leptos::mount::hydrate_lazy(app::App);
}
