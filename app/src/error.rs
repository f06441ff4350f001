//! `AppError`: the one error type every server function returns. It is small and serialisable so the
//! browser can show a specific message; internal detail is logged on the server and never sent.

use crate::domain::Issue;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AppError {
    /// Not signed in, or the session ended.
    Unauthorized,
    /// Signed in, but this is not yours.
    Forbidden,
    NotFound,
    /// One field is wrong; `field` is the form field's name.
    Validation {
        field: String,
        issue: Issue,
    },
    /// Email or password wrong (deliberately does not say which).
    InvalidCredentials,
    /// The account exists but its email address was never confirmed.
    NotActivated,
    /// A link or code that is unknown, used or expired.
    InvalidToken,
    Conflict(String),
    /// Contract linking: the details did not match (deliberately does not say which field).
    LinkNotMatched,
    /// A one-time code was wrong; this many tries are left before it stops working.
    WrongCode {
        attempts_left: u32,
    },
    /// An authenticator-app or recovery code did not match.
    CodeIncorrect,
    /// Too many attempts; try again after this many seconds.
    RateLimited {
        retry_after_secs: u64,
    },
    /// A sensitive change needs the password or a second factor entered again (≤ 5 minutes old).
    ReauthRequired,
    /// Something failed on our side; details are in the server log.
    Internal,
    /// The request never reached the function (network, decoding).
    Transport(String),
}

impl AppError {
    pub fn validation(field: &str, issue: Issue) -> Self {
        AppError::Validation {
            field: field.to_owned(),
            issue,
        }
    }

    /// The field this error belongs to, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Validation { field, .. } => Some(field),
            _ => None,
        }
    }

    /// A sentence for a person; never contains internal detail.
    pub fn message(&self) -> String {
        match self {
            AppError::Unauthorized => "Your session has ended. Please sign in again.".into(),
            AppError::Forbidden => "You do not have access to this.".into(),
            AppError::NotFound => "We could not find what you asked for.".into(),
            AppError::Validation { issue, .. } => issue.message(),
            AppError::InvalidCredentials => {
                "The email or password is incorrect. Check both and try again.".into()
            }
            AppError::NotActivated => {
                "Your account is not active yet. Open the activation link we emailed you, or send a new one."
                    .into()
            }
            AppError::InvalidToken => {
                "This link is invalid, already used or expired. You can ask for a new one.".into()
            }
            AppError::Conflict(msg) => msg.clone(),
            AppError::LinkNotMatched => {
                "We could not match these details to a contract. Check the spelling of your names as they appear on your contract, the full VIN and the exact amount of your last payment, or your Customer ID."
                    .into()
            }
            AppError::WrongCode { attempts_left: 0 } => {
                "That code is not correct and can no longer be used. Request a new code.".into()
            }
            AppError::WrongCode { attempts_left } => format!(
                "That code is not correct. You have {attempts_left} more tr{} before it stops working.",
                if *attempts_left == 1 { "y" } else { "ies" }
            ),
            AppError::CodeIncorrect => {
                "That code is not correct. Check it and try again: authenticator codes change every 30 seconds, and each recovery code works once."
                    .into()
            }
            AppError::RateLimited { retry_after_secs } => {
                let minutes = retry_after_secs.div_ceil(60).max(1);
                format!(
                    "Too many attempts. For your security, please wait {minutes} minute{} and try again, or reset your password.",
                    if minutes == 1 { "" } else { "s" }
                )
            }
            AppError::ReauthRequired => {
                "For your security, confirm it is you before making this change.".into()
            }
            AppError::Internal => {
                "Something went wrong on our side. Nothing was changed; please try again.".into()
            }
            AppError::Transport(_) => {
                "We could not reach the server. Check your connection and try again.".into()
            }
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for AppError {}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::Deserialization(msg) => {
                AppError::Transport(msg)
            }
            ServerFnErrorErr::Request(msg) | ServerFnErrorErr::Response(msg) => {
                AppError::Transport(msg)
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "database error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status a server function answers with for this error.
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode as S;
        match self {
            AppError::Unauthorized | AppError::InvalidCredentials => S::UNAUTHORIZED,
            AppError::Forbidden | AppError::NotActivated | AppError::ReauthRequired => S::FORBIDDEN,
            AppError::NotFound => S::NOT_FOUND,
            AppError::Validation { .. }
            | AppError::InvalidToken
            | AppError::Transport(_)
            | AppError::LinkNotMatched
            | AppError::WrongCode { .. }
            | AppError::CodeIncorrect => S::BAD_REQUEST,
            AppError::Conflict(_) => S::CONFLICT,
            AppError::RateLimited { .. } => S::TOO_MANY_REQUESTS,
            AppError::Internal => S::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Sets the response status (and Retry-After) from a server function's result, then returns it.
#[cfg(feature = "ssr")]
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result {
        if let Some(opts) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            opts.set_status(e.status());
            if let AppError::RateLimited { retry_after_secs } = e {
                if let Ok(v) = axum::http::HeaderValue::from_str(&retry_after_secs.to_string()) {
                    opts.insert_header(axum::http::header::RETRY_AFTER, v);
                }
            }
        }
    }
    result
}
