//! Which WASM bundle a page starts. Customers' pages start the customers' bundle (`frontend/`); the
//! back office starts the staff bundle (`frontend/backoffice/`, the same app with the back-office
//! pages), so customers never download the back office (DESIGN rule 12). Every back-office visit
//! begins with a full page load, which is how its bundle is loaded lazily.

#[cfg(not(feature = "backoffice"))]
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    Customer,
    Staff,
}

impl Bundle {
    /// The bundle that hydrates the page at `path`.
    pub fn for_path(path: &str) -> Self {
        match path.strip_prefix("/backoffice") {
            Some("") => Bundle::Staff,
            Some(rest) if rest.starts_with('/') || rest.starts_with('?') => Bundle::Staff,
            _ => Bundle::Customer,
        }
    }
}

/// The customers' bundle has no back-office pages. If it is ever routed to one (a link followed
/// inside the app rather than a page load), it loads that page from the server, which starts the
/// staff bundle.
#[cfg(not(feature = "backoffice"))]
#[component]
pub fn LoadBackoffice() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        let href = format!(
            "{}{}",
            location.pathname.get_untracked(),
            location.search.get_untracked()
        );
        let _ = window().location().replace(&href);
    });
    view! { <super::PageSpinner/> }
}

#[cfg(test)]
mod tests {
    use super::Bundle;

    #[test]
    fn the_back_office_and_only_it_gets_the_staff_bundle() {
        for p in [
            "/backoffice",
            "/backoffice/",
            "/backoffice/login",
            "/backoffice/customers/7",
            "/backoffice?q=ivanova",
        ] {
            assert_eq!(Bundle::for_path(p), Bundle::Staff, "{p}");
        }
        for p in [
            "/",
            "/login",
            "/dashboard",
            "/backofficex",
            "/backoffices/login",
            "/documents/backoffice",
        ] {
            assert_eq!(Bundle::for_path(p), Bundle::Customer, "{p}");
        }
    }
}
