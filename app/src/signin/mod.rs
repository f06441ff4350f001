//! Multi-step sign-in (seeds 001 and 002): after the password (or a staff-issued temporary password)
//! comes the second step the login calls for — an authenticator app, a passkey or a recovery code
//! when enrolled; otherwise a code by email or SMS when "a code at every sign-in" is on; otherwise,
//! on a device that is not yet remembered, the emailed "Authorize Device" code. Passkeys also sign
//! in without a password. Until the second step is done the session is `mfa` and opens nothing.

pub mod api;
#[cfg(feature = "ssr")]
pub mod flow;
pub mod login_page;
#[cfg(feature = "ssr")]
pub mod passkey;
#[cfg(feature = "ssr")]
pub mod password;
pub mod setup_page;
#[cfg(feature = "ssr")]
pub mod takeover;
#[cfg(feature = "ssr")]
pub mod temporary;
pub mod verify_page;

use serde::{Deserialize, Serialize};

/// Where a code was sent.
pub use crate::domain::CodeChannel;

/// What the person must do next to finish signing in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoginStep {
    /// Signed in.
    Done,
    /// A 6-digit code was sent to `to` (masked). `new_device`: this is device authorisation, not
    /// the every-sign-in code.
    Code {
        channel: CodeChannel,
        to: String,
        new_device: bool,
    },
    /// Use an enrolled authenticator app or passkey (or a recovery code).
    SecondFactor { totp: bool, passkey: bool },
    /// Temporary password accepted: choose your own email and password first.
    SetUp { contract_number: String },
}

impl LoginStep {
    /// Where the browser goes next: the page that asked for the sign-in (`back_to`, when it is a
    /// path on this site) once it is done, else the dashboard; the verify page carries `back_to`.
    pub fn next_path(&self, back_to: Option<&str>) -> String {
        let back_to = back_to.and_then(safe_return_path);
        match self {
            LoginStep::Done => back_to.unwrap_or("/dashboard").to_string(),
            LoginStep::Code { .. } | LoginStep::SecondFactor { .. } => match back_to {
                Some(path) => format!("/login/verify?next={}", encode_query_value(path)),
                None => "/login/verify".to_string(),
            },
            LoginStep::SetUp { .. } => "/login/setup".to_string(),
        }
    }
}

pub use crate::components::return_to::{back_to, encode_query_value, safe_return_path};
pub use crate::domain::codes::{clean_code, code_issue};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_returns_only_to_a_page_of_this_site() {
        let page = Some("/contracts/4/schedule?page=3");
        assert_eq!(
            LoginStep::Done.next_path(page),
            "/contracts/4/schedule?page=3"
        );
        assert_eq!(LoginStep::Done.next_path(None), "/dashboard");
        let step = LoginStep::SecondFactor {
            totp: true,
            passkey: false,
        };
        assert_eq!(
            step.next_path(page),
            "/login/verify?next=%2Fcontracts%2F4%2Fschedule%3Fpage%3D3"
        );
        for bad in [
            "//evil.example/x",
            "https://evil.example",
            "/\\evil.example",
            "/ok\\..",
            "javascript:alert(1)",
            "/login?next=/x",
            "",
            "/a\nb",
        ] {
            assert_eq!(
                LoginStep::Done.next_path(Some(bad)),
                "/dashboard",
                "{bad:?}"
            );
        }
    }

    #[test]
    fn codes_are_cleaned_and_checked() {
        assert_eq!(clean_code(" 123-456 "), "123456");
        assert_eq!(code_issue(""), Some(crate::domain::Issue::CodeDigits));
        assert_eq!(code_issue("12345"), Some(crate::domain::Issue::CodeDigits));
        assert_eq!(code_issue("123 456"), None);
    }

    #[test]
    fn each_step_has_a_page() {
        assert_eq!(LoginStep::Done.next_path(None), "/dashboard");
        assert_eq!(
            LoginStep::SecondFactor {
                totp: true,
                passkey: false
            }
            .next_path(None),
            "/login/verify"
        );
        assert_eq!(
            LoginStep::SetUp {
                contract_number: "NS-1".into()
            }
            .next_path(None),
            "/login/setup"
        );
    }
}
