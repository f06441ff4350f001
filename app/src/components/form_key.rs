//! A form instance's idempotency key: made once when a money-moving form opens, sent with every
//! submission of that form, so a double click, a retry after a lost answer or a reload of the
//! answer make one payment, not two (the server keeps the first answer per key).

/// "form-" and a random UUID from the browser's `crypto.randomUUID`.
pub fn new_form_key() -> String {
    #[cfg(feature = "hydrate")]
    {
        match leptos::prelude::window().crypto() {
            Ok(crypto) => format!("form-{}", crypto.random_uuid()),
            // Very old browsers: two 53-bit draws are still far from colliding for one customer.
            Err(_) => {
                let part = || format!("{:014x}", (js_sys::Math::random() * 9.0e15) as u64);
                format!("form-{}{}", part(), part())
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        // Rendered on the server only to be replaced when the page hydrates; never submitted.
        "form-server-rendered-key".to_string()
    }
}
