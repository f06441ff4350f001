//! Registration, activation, sign-in and sign-out (seed 001 "Register your login").
//! Shared here: the types both sides exchange and the form validators that run live in the browser
//! and again on the server.

pub mod activate_page;
pub mod api;
#[cfg(feature = "ssr")]
pub mod common_passwords;
#[cfg(feature = "ssr")]
pub mod device;
#[cfg(feature = "ssr")]
pub mod email_tokens;
#[cfg(feature = "ssr")]
pub mod recovery;
pub mod recovery_pages;
pub mod register_page;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::{Email, Issue, Password, PasswordPolicy, PersonName};

/// The registration form as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegisterInput {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub password: String,
    pub password_confirm: String,
    pub accept_terms: bool,
}

/// The registration form once every field is valid.
#[derive(Debug, Clone)]
pub struct Registration {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: Email,
    pub password: Password,
}

/// Field names, shared by the form and the error mapping.
pub mod fields {
    pub const FIRST_NAME: &str = "first_name";
    pub const LAST_NAME: &str = "last_name";
    pub const EMAIL: &str = "email";
    pub const PASSWORD: &str = "password";
    pub const PASSWORD_CONFIRM: &str = "password_confirm";
    pub const ACCEPT_TERMS: &str = "accept_terms";
}

impl RegisterInput {
    /// Validates every field; returns the parsed registration or every problem found, in form order.
    pub fn parse(
        &self,
        is_common: impl Fn(&str) -> bool,
    ) -> Result<Registration, Vec<(&'static str, Issue)>> {
        let mut issues = Vec::new();
        let first =
            PersonName::parse(&self.first_name).map_err(|i| issues.push((fields::FIRST_NAME, i)));
        let last =
            PersonName::parse(&self.last_name).map_err(|i| issues.push((fields::LAST_NAME, i)));
        let email = Email::parse(&self.email).map_err(|i| issues.push((fields::EMAIL, i)));
        let password = PasswordPolicy::check(&self.password, email.as_ref().ok(), is_common)
            .map_err(|i| issues.push((fields::PASSWORD, i)));
        if let Err(i) = PasswordPolicy::check_confirmation(&self.password, &self.password_confirm) {
            issues.push((fields::PASSWORD_CONFIRM, i));
        }
        if !self.accept_terms {
            issues.push((fields::ACCEPT_TERMS, Issue::TermsNotAccepted));
        }
        match (first, last, email, password) {
            (Ok(first_name), Ok(last_name), Ok(email), Ok(password)) if issues.is_empty() => {
                Ok(Registration {
                    first_name,
                    last_name,
                    email,
                    password,
                })
            }
            _ => Err(issues),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> RegisterInput {
        RegisterInput {
            first_name: "Anna".into(),
            last_name: "Kowalski".into(),
            email: "anna@example.com".into(),
            password: "maple syrup tuesday".into(),
            password_confirm: "maple syrup tuesday".into(),
            accept_terms: true,
        }
    }

    #[test]
    fn valid_form_parses() {
        let r = valid().parse(|_| false).unwrap();
        assert_eq!(r.email.as_str(), "anna@example.com");
    }

    #[test]
    fn reports_every_problem_in_order() {
        let input = RegisterInput {
            first_name: "".into(),
            password_confirm: "x".into(),
            accept_terms: false,
            ..valid()
        };
        let issues = input.parse(|_| false).unwrap_err();
        let names: Vec<_> = issues.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            names,
            vec![
                fields::FIRST_NAME,
                fields::PASSWORD_CONFIRM,
                fields::ACCEPT_TERMS
            ]
        );
    }

    #[test]
    fn common_password_is_a_password_issue() {
        let input = RegisterInput {
            password: "password123".into(),
            password_confirm: "password123".into(),
            ..valid()
        };
        let issues = input.parse(|p| p == "password123").unwrap_err();
        assert_eq!(issues, vec![(fields::PASSWORD, Issue::PasswordCommon)]);
    }
}
