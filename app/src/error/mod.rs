//! `AppError`: the one error type every server function returns. It is small and serialisable so the
//! browser can show a specific message (its sentences are in `i18n/error_text.rs`); internal detail
//! is logged on the server and never sent.

use crate::domain::Issue;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
mod http;
#[cfg(feature = "ssr")]
pub use http::{asks_for_a_page, is_plain_form_post};

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
    /// The request is fine but the state of things forbids it (a typed reason, shown as a sentence).
    Conflict(Conflict),
    /// Contract linking: the details did not match (deliberately does not say which field); this
    /// many tries are left before linking pauses.
    LinkNotMatched {
        attempts_left: u32,
    },
    /// Contract linking paused after too many unmatched tries; it resumes after this many seconds.
    LinkingPaused {
        retry_after_secs: u64,
    },
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
    /// Removing the last second factor: the re-authentication must be made with a second factor
    /// (an authenticator or recovery code), not only the password.
    SecondFactorReauthRequired,
    /// Something failed on our side; details are in the server log.
    Internal,
    /// The database cannot be reached just now (an outage): nothing was read or changed, and the
    /// session is not lost; try again shortly (503).
    Unavailable,
    /// The request never reached the function, or its answer never came back.
    Transport(Transport),
    /// The browser's half of a passkey ceremony failed (never sent by the server).
    PasskeyBrowser(PasskeyBrowser),
    /// An attached file was not taken (too large, not an accepted kind, …).
    File(crate::domain::attachment::FileProblem),
}

/// Why a request that was understood cannot be done now; each has a sentence (`conflict-*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Conflict {
    ContractTaken,
    EmailTaken,
    CurrentSession,
    PasskeyRejected,
    PasskeyLimit,
    PasskeyOtherLogin,
    RecoveryNeedsFactor,
    SmsNeedsPhone,
    StaffExists,
    /// The processor would not take this card.
    CardDeclined,
    /// Scheduled payments use this source; say what happens to them.
    SourceInUse,
    /// The processor could not verify this bank account; it cannot pay.
    SourceFailed,
    /// This form was already sent with other details (its idempotency key was reused).
    PaymentKeyReused,
    /// Only a scheduled payment can be cancelled, before its processing day.
    PaymentNotCancellable,
    /// The contract is paid off or closed.
    ContractClosed,
    /// Miles can be bought ahead only until 120 days before a lease ends (and only on a lease
    /// that sets a pre-paid rate).
    ExtraMilesClosed,
    /// A bank account pays only contracts in its own country's currency.
    SourceCurrency,
    /// Payments in progress use this source; it can go once they have posted.
    SourceBusy,
    /// This contract already has an autopay: change it instead.
    AutopayExists,
    /// Payments on their way or scheduled must post (or be cancelled) before the lease is bought.
    PaymentsInProgress,
    /// This contract may not file this kind of application now (the typed reason).
    NotEligible(crate::domain::application::Ineligible),
    /// Only an application sent back for correction can be corrected.
    ApplicationNotReturned,
    /// The application has moved on (decided, or in another step) since the page was loaded.
    ApplicationMoved,
}

impl Conflict {
    pub fn key(self) -> &'static str {
        match self {
            Conflict::ContractTaken => "conflict-contract-taken",
            Conflict::EmailTaken => "conflict-email-taken",
            Conflict::CurrentSession => "conflict-current-session",
            Conflict::PasskeyRejected => "conflict-passkey-rejected",
            Conflict::PasskeyLimit => "conflict-passkey-limit",
            Conflict::PasskeyOtherLogin => "conflict-passkey-other-login",
            Conflict::RecoveryNeedsFactor => "conflict-recovery-needs-factor",
            Conflict::SmsNeedsPhone => "conflict-sms-needs-phone",
            Conflict::StaffExists => "conflict-staff-exists",
            Conflict::CardDeclined => "conflict-card-declined",
            Conflict::SourceInUse => "conflict-source-in-use",
            Conflict::SourceFailed => "conflict-source-failed",
            Conflict::PaymentKeyReused => "conflict-payment-key-reused",
            Conflict::PaymentNotCancellable => "conflict-payment-not-cancellable",
            Conflict::ContractClosed => "conflict-contract-closed",
            Conflict::ExtraMilesClosed => "conflict-extra-miles-closed",
            Conflict::SourceCurrency => "conflict-source-currency",
            Conflict::SourceBusy => "conflict-source-busy",
            Conflict::AutopayExists => "conflict-autopay-exists",
            Conflict::PaymentsInProgress => "conflict-payments-in-progress",
            Conflict::NotEligible(why) => {
                use crate::domain::application::Ineligible as I;
                match why {
                    I::Closed => "app-no-closed",
                    I::PastDue => "app-no-past-due",
                    I::AlreadyOpen => "app-no-already-open",
                    I::DueDateChangedRecently { .. } => "app-no-due-date-recent",
                    I::DeferralsUsed { .. } => "app-no-deferrals-used",
                    I::WrongContract => "app-no-wrong-contract",
                    I::NotYet { .. } => "app-no-not-yet",
                }
            }
            Conflict::ApplicationNotReturned => "conflict-application-not-returned",
            Conflict::ApplicationMoved => "conflict-application-moved",
        }
    }
}

/// What went wrong between the browser and the server function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Transport {
    /// The arguments could not be decoded: the caller's mistake (400).
    Arguments,
    /// The request or its answer was lost or garbled on the way.
    Network,
}

/// The browser's side of a passkey ceremony (`factors/webauthn_js.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasskeyBrowser {
    Unsupported,
    Cancelled,
    AlreadyRegistered,
    Insecure,
    Failed,
}

impl PasskeyBrowser {
    pub fn key(self) -> &'static str {
        match self {
            PasskeyBrowser::Unsupported => "passkey-js-unsupported",
            PasskeyBrowser::Cancelled => "passkey-js-cancelled",
            PasskeyBrowser::AlreadyRegistered => "passkey-js-exists",
            PasskeyBrowser::Insecure => "passkey-js-insecure",
            PasskeyBrowser::Failed => "passkey-js-failed",
        }
    }
}

impl AppError {
    pub fn validation(field: &str, issue: Issue) -> Self {
        AppError::Validation {
            field: field.to_owned(),
            issue,
        }
    }

    /// The first of a form's problems (forms list them in field order), for `map_err`.
    pub fn first_problem(problems: Vec<(&'static str, Issue)>) -> Self {
        match problems.first() {
            Some((field, issue)) => AppError::validation(field, *issue),
            None => AppError::Internal,
        }
    }

    /// The field this error belongs to, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Validation { field, .. } => Some(field),
            _ => None,
        }
    }
}

impl std::error::Error for AppError {}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        tracing::debug!(error = %value, "server function transport error");
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::Transport(Transport::Arguments)
            }
            _ => AppError::Transport(Transport::Network),
        }
    }

    fn ser(&self) -> leptos::server_fn::Bytes {
        #[cfg(feature = "ssr")]
        http::set_response_status(self);
        <Self::Encoder as leptos::server_fn::Encodes<Self>>::encode(self).unwrap_or_else(|_e| {
            #[cfg(feature = "ssr")]
            tracing::error!(error = %_e, "encoding an error failed");
            leptos::server_fn::Bytes::from_static(b"\"Internal\"")
        })
    }
}

/// What a service fails with. `Refused` is a typed answer for the person (a wrong code, a taken
/// address, not found…) and passes to the edge unchanged. The rest are failures on our side,
/// carrying their cause and what was being done; at the edge (`From<ServiceError> for AppError`)
/// they are logged once and become `AppError::Internal`, so no cause is dropped and none leaks.
#[cfg(feature = "ssr")]
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("refused: {0:?}")]
    Refused(AppError),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("{what} failed: {cause}")]
    Failed { what: &'static str, cause: String },
}

#[cfg(feature = "ssr")]
impl From<AppError> for ServiceError {
    fn from(e: AppError) -> Self {
        ServiceError::Refused(e)
    }
}

#[cfg(feature = "ssr")]
impl From<ServiceError> for AppError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Refused(answer) => answer,
            // The database out of reach (an outage, not a fault of this request): 503, try again.
            ServiceError::Db(
                e @ (sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_)),
            ) => {
                tracing::error!(error = %e, "database unavailable");
                AppError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "request failed");
                AppError::Internal
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl ServiceError {
    /// For `map_err`: a failure on our side, with what was being done.
    pub fn failed<E: std::fmt::Display>(what: &'static str) -> impl FnOnce(E) -> ServiceError {
        move |e| ServiceError::Failed {
            what,
            cause: e.to_string(),
        }
    }

    /// The typed answer, if this is one (tests and callers that react to a specific refusal).
    pub fn refusal(&self) -> Option<&AppError> {
        match self {
            ServiceError::Refused(a) => Some(a),
            _ => None,
        }
    }
}

/// A service's result.
#[cfg(feature = "ssr")]
pub type ServiceResult<T> = Result<T, ServiceError>;

#[cfg(feature = "ssr")]
impl AppError {
    /// For `map_err`: an internal failure whose cause is logged with `what` failed, never
    /// dropped (the answer stays `Internal`; the detail is for the server log only).
    pub fn internal<E: std::fmt::Display>(what: &'static str) -> impl FnOnce(E) -> AppError {
        move |e| {
            tracing::error!(error = %e, "{what} failed");
            AppError::Internal
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_reaches_the_edge_unchanged_and_a_failure_becomes_internal() {
        let refused: ServiceError = AppError::InvalidToken.into();
        assert_eq!(refused.refusal(), Some(&AppError::InvalidToken));
        assert_eq!(AppError::from(refused), AppError::InvalidToken);
        let db = ServiceError::from(sqlx::Error::RowNotFound);
        assert!(db.to_string().contains("database"), "{db}");
        assert_eq!(AppError::from(db), AppError::Internal);
        let failed = ServiceError::failed("drawing a PDF")("font missing");
        assert_eq!(failed.to_string(), "drawing a PDF failed: font missing");
        assert_eq!(failed.refusal(), None);
        assert_eq!(AppError::from(failed), AppError::Internal);
    }
}
