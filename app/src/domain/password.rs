//! Password policy (NIST SP 800-63B style): length is what matters. At least 8 characters (12 are
//! recommended), at most 128 so that long passphrases fit, no composition rules, and the password
//! must not be a commonly used or breached one or contain the account's own email name.
//! The common-password list lives on the server; the browser runs the same checks without it.

use super::{Email, Issue};
use std::fmt;

/// A password that passed the policy. Deliberately neither `Serialize` nor printable.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(****)")
    }
}

/// The rules, as constants the UI can quote.
pub struct PasswordPolicy;

impl PasswordPolicy {
    pub const MIN: usize = 8;
    pub const RECOMMENDED: usize = 12;
    pub const MAX: usize = 128;

    /// Checks a new password. `is_common` answers whether a password is on the shipped
    /// common/breached list (the browser passes a function that always says no).
    pub fn check(
        candidate: &str,
        email: Option<&Email>,
        is_common: impl Fn(&str) -> bool,
    ) -> Result<Password, Issue> {
        let len = candidate.chars().count();
        if len == 0 {
            return Err(Issue::Required);
        }
        if len < Self::MIN {
            return Err(Issue::TooShort { min: Self::MIN });
        }
        if len > Self::MAX {
            return Err(Issue::TooLong { max: Self::MAX });
        }
        let lower = candidate.to_lowercase();
        if let Some(email) = email {
            let local = email.as_str().split('@').next().unwrap_or_default();
            if lower.contains(email.as_str())
                || (local.chars().count() >= 4 && lower.contains(local))
            {
                return Err(Issue::PasswordContainsEmail);
            }
        }
        if is_common(&lower) {
            return Err(Issue::PasswordCommon);
        }
        Ok(Password(candidate.to_owned()))
    }

    /// Checks the confirmation field against the password.
    pub fn check_confirmation(password: &str, confirmation: &str) -> Result<(), Issue> {
        if confirmation.is_empty() {
            Err(Issue::Required)
        } else if password != confirmation {
            Err(Issue::PasswordMismatch)
        } else {
            Ok(())
        }
    }
}

impl Password {
    /// A password as typed at sign-in; not checked against the policy (old passwords stay valid).
    pub fn for_login(typed: String) -> Password {
        Password(typed)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never(_: &str) -> bool {
        false
    }

    #[test]
    fn length_bounds() {
        assert_eq!(PasswordPolicy::check("", None, never), Err(Issue::Required));
        assert_eq!(
            PasswordPolicy::check("1234567", None, never),
            Err(Issue::TooShort { min: 8 })
        );
        assert!(PasswordPolicy::check("12345678", None, never).is_ok());
        let sixty_four = "correct horse battery staple ".repeat(3)[..64].to_string();
        assert!(PasswordPolicy::check(&sixty_four, None, never).is_ok());
        assert!(PasswordPolicy::check(&"x".repeat(128), None, never).is_ok());
        assert_eq!(
            PasswordPolicy::check(&"x".repeat(129), None, never),
            Err(Issue::TooLong { max: 128 })
        );
        // Characters, not bytes: 8 Cyrillic letters are 16 bytes but 8 characters.
        assert!(PasswordPolicy::check("пароль-1", None, never).is_ok());
    }

    #[test]
    fn no_composition_rules() {
        assert!(PasswordPolicy::check("all lower case words", None, never).is_ok());
    }

    #[test]
    fn rejects_common_and_email() {
        let common = |p: &str| p == "password1";
        assert_eq!(
            PasswordPolicy::check("PassWord1", None, common),
            Err(Issue::PasswordCommon)
        );
        let email = Email::parse("marguerite@example.com").unwrap();
        assert_eq!(
            PasswordPolicy::check("Marguerite2024!", Some(&email), never),
            Err(Issue::PasswordContainsEmail)
        );
        assert!(PasswordPolicy::check("blue tractor sunrise", Some(&email), never).is_ok());
    }

    #[test]
    fn confirmation() {
        assert_eq!(
            PasswordPolicy::check_confirmation("abc", ""),
            Err(Issue::Required)
        );
        assert_eq!(
            PasswordPolicy::check_confirmation("abc", "abd"),
            Err(Issue::PasswordMismatch)
        );
        assert!(PasswordPolicy::check_confirmation("abc", "abc").is_ok());
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let p = PasswordPolicy::check("hunter2hunter2", None, never).unwrap();
        assert!(!format!("{p:?}").contains("hunter"));
    }
}
