//! Focus management for client-side navigation: after each route change the focus moves to the
//! main region, so keyboard and screen-reader users start at the new page's content instead of
//! wherever the old page left them.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn RouteFocus() -> impl IntoView {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        // Read (not just tracked): memos are lazy and only notify when read.
        let _path = location.pathname.get();
        if first.get_value() {
            // The first render is a page load: the browser already starts at the top.
            first.set_value(false);
            return;
        }
        request_animation_frame(|| {
            use wasm_bindgen::JsCast;
            if let Some(main) = document()
                .get_element_by_id("main")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
            }
        });
    });
}
