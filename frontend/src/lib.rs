//! The browser entry point: hydrates the server-rendered page. Everything else lives in `app`.
//! Compiled twice: the customers' bundle (this crate) and the staff bundle (`backoffice/`, with the
//! back-office pages).

/// Work that can run before hydrating, in its own browser task (see `IdleHydration`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn prepare() {
    app::i18n::prepare();
}

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
