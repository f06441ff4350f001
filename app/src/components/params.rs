//! The route's parameters as pages read them.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The `:id` of the route, 0 when missing or malformed (the server then answers NotFound).
pub fn route_id() -> Memo<i64> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    })
}
