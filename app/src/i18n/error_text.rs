//! The sentence for each error an endpoint answers with (`error::AppError`), in the reader's
//! language. Never internal detail: that is in the server log.

use super::{t, tf, Locale};
use crate::domain::attachment::{
    FileKind, FileProblem, MAX_FILES, MAX_FILE_BYTES, MAX_TOTAL_BYTES,
};
use crate::error::AppError;
use std::fmt;

/// Why a contract may not file an application now, as a sentence.
pub fn ineligible(l: Locale, why: crate::domain::application::Ineligible) -> String {
    use crate::domain::application::Ineligible as I;
    let key = crate::error::Conflict::NotEligible(why).key();
    match why {
        I::DueDateChangedRecently { again_from } => tf(
            l,
            key,
            &[("date", super::format::date(l, again_from).into())],
        ),
        I::DeferralsUsed { max } => tf(l, key, &[("max", max.into())]),
        I::NotYet { from } => tf(l, key, &[("date", super::format::date(l, from).into())]),
        _ => t(l, key),
    }
}

impl AppError {
    /// A sentence for a person in the page's language; never contains internal detail.
    pub fn message(&self) -> String {
        self.message_in(crate::i18n::current())
    }

    pub fn message_in(&self, l: Locale) -> String {
        match self {
            AppError::Unauthorized => t(l, "error-unauthorized"),
            AppError::Forbidden => t(l, "error-forbidden"),
            AppError::NotFound => t(l, "error-not-found"),
            AppError::Validation { issue, .. } => issue.message_in(l),
            AppError::InvalidCredentials => t(l, "error-invalid-credentials"),
            AppError::NotActivated => t(l, "error-not-activated"),
            AppError::InvalidToken => t(l, "error-invalid-token"),
            AppError::Conflict(crate::error::Conflict::NotEligible(why)) => ineligible(l, *why),
            AppError::Conflict(c) => t(l, c.key()),
            AppError::LinkNotMatched { attempts_left } => format!(
                "{} {}",
                t(l, "error-link-not-matched"),
                tf(
                    l,
                    "error-link-tries-left",
                    &[("n", (*attempts_left).into())]
                )
            ),
            AppError::LinkingPaused { retry_after_secs } => {
                let minutes = retry_after_secs.div_ceil(60).max(1);
                tf(l, "error-linking-paused", &[("minutes", minutes.into())])
            }
            AppError::WrongCode { attempts_left: 0 } => t(l, "error-wrong-code-dead"),
            AppError::WrongCode { attempts_left } => {
                tf(l, "error-wrong-code", &[("n", (*attempts_left).into())])
            }
            AppError::CodeIncorrect => t(l, "error-code-incorrect"),
            AppError::RateLimited { retry_after_secs } => {
                let minutes = retry_after_secs.div_ceil(60).max(1);
                tf(l, "error-rate-limited", &[("minutes", minutes.into())])
            }
            AppError::ReauthRequired => t(l, "error-reauth-required"),
            AppError::SecondFactorReauthRequired => t(l, "error-second-factor-reauth"),
            AppError::Internal => t(l, "error-internal"),
            AppError::Unavailable => t(l, "error-unavailable"),
            AppError::Transport(_) => t(l, "error-transport"),
            AppError::PasskeyBrowser(p) => t(l, p.key()),
            AppError::File(p) => file_problem(l, *p),
        }
    }
}

/// Why a file was not taken, with the limits and kinds in the sentence.
pub fn file_problem(l: Locale, p: FileProblem) -> String {
    let kind = |k: FileKind| t(l, &format!("file-kind-{}", k.code()));
    match p {
        FileProblem::TooLarge => tf(l, p.key(), &[("mb", (MAX_FILE_BYTES >> 20).into())]),
        FileProblem::TooMuchTogether => tf(l, p.key(), &[("mb", (MAX_TOTAL_BYTES >> 20).into())]),
        FileProblem::TooMany => tf(l, p.key(), &[("max", MAX_FILES.into())]),
        FileProblem::Mismatch { content, name } => tf(
            l,
            p.key(),
            &[
                ("content", kind(content).into()),
                ("name", kind(name).into()),
            ],
        ),
        FileProblem::Empty
        | FileProblem::Kind
        | FileProblem::Missing
        | FileProblem::Unavailable => t(l, p.key()),
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}
