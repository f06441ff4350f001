//! Addresses on this site: which paths a sign-in may return to, and how a value is written into a
//! query string (`?next=…`). Pure, for the browser and the server alike.

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
