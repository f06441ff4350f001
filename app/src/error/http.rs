//! An error at the HTTP edge: the status a server function answers with, and whether the request
//! wants a page back (a browser navigation or a plain form post) rather than data.

use super::AppError;

impl AppError {
    /// The HTTP status a server function answers with for this error.
    pub fn status(&self) -> axum::http::StatusCode {
        use crate::domain::attachment::FileProblem;
        use axum::http::StatusCode as S;
        match self {
            AppError::Unauthorized | AppError::InvalidCredentials => S::UNAUTHORIZED,
            AppError::Forbidden
            | AppError::NotActivated
            | AppError::ReauthRequired
            | AppError::SecondFactorReauthRequired => S::FORBIDDEN,
            AppError::NotFound => S::NOT_FOUND,
            AppError::Validation { .. }
            | AppError::InvalidToken
            | AppError::Transport(_)
            | AppError::PasskeyBrowser(_)
            | AppError::LinkNotMatched { .. }
            | AppError::WrongCode { .. }
            | AppError::CodeIncorrect => S::BAD_REQUEST,
            AppError::Conflict(_) => S::CONFLICT,
            AppError::File(p) => match p {
                FileProblem::TooLarge | FileProblem::TooMuchTogether => S::PAYLOAD_TOO_LARGE,
                FileProblem::Kind | FileProblem::Mismatch { .. } => S::UNSUPPORTED_MEDIA_TYPE,
                FileProblem::TooMany
                | FileProblem::Empty
                | FileProblem::Missing
                | FileProblem::Unavailable => S::BAD_REQUEST,
            },
            AppError::RateLimited { .. } | AppError::LinkingPaused { .. } => S::TOO_MANY_REQUESTS,
            AppError::Internal => S::INTERNAL_SERVER_ERROR,
            AppError::Unavailable => S::SERVICE_UNAVAILABLE,
        }
    }
}

/// Whether a request asks for a page back (a browser navigation or a plain form post) rather than
/// data (the app's own calls).
pub fn asks_for_a_page(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// Whether the current request is a plain form post (no JavaScript: the browser asks for a page
/// back, `infra/plain_form.rs`).
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .is_some_and(|p| asks_for_a_page(&p.headers))
}

/// Sets the response's status (and Retry-After) from an error a server function returns. Called
/// from `FromServerFnError::ser`, which the server-fn machinery runs inside the request's reactive
/// owner, so `?` is all a server function needs: the status travels with the error.
pub(super) fn set_response_status(e: &AppError) {
    // A plain form post (no JavaScript) is sent back to its page with the error in the address
    // (Leptos' form redirect, a 302); a status here would replace that redirect.
    if is_plain_form_post() {
        return;
    }
    if let Some(opts) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        opts.set_status(e.status());
        if let AppError::RateLimited { retry_after_secs }
        | AppError::LinkingPaused { retry_after_secs } = e
        {
            if let Ok(v) = axum::http::HeaderValue::from_str(&retry_after_secs.to_string()) {
                opts.insert_header(axum::http::header::RETRY_AFTER, v);
            }
        }
    }
}
