//! Coming back after signing in: a page that needs a signed-in customer sends the browser to
//! `/login?next=<this page>`, and the sign-in steps carry `next` until they are done. Only a path
//! on this site is ever followed.

/// A page to return to after signing in: only a path on this site ("/contracts/4/schedule?page=3"),
/// never another origin ("//evil.example", "https://…", "/\\evil") nor a sign-in page.
pub fn safe_return_path(raw: &str) -> Option<&str> {
    let ok = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.starts_with("/\\")
        && !raw.starts_with("/login")
        && raw.len() <= 512
        && !raw.chars().any(|c| c.is_control() || c == '\\');
    ok.then_some(raw)
}

/// The `next` of the address the browser is on (in the browser; `None` on the server).
pub fn back_to() -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        let search = leptos::prelude::window().location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search)
            .ok()?
            .get("next")
    }
    #[cfg(not(feature = "hydrate"))]
    None
}

/// What a query value keeps as it is: letters, digits and `-._~` (RFC 3986 "unreserved").
const QUERY_VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `value` written into a query string (`next=…`).
pub fn encode_query_value(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, QUERY_VALUE).to_string()
}
