//! What can be wrong with one input field. Each variant maps to one sentence a person can act on;
//! the same enum drives the live checks in the browser and the re-checks on the server.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A specific, user-facing problem with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Issue {
    Required,
    TooLong { max: usize },
    TooShort { min: usize },
    EmailFormat,
    NameCharacters,
    PasswordCommon,
    PasswordMismatch,
    PasswordContainsEmail,
    TermsNotAccepted,
    MoneyFormat,
    MoneyPrecision,
    MoneyNegative,
    VinLength,
    VinCharacters,
    VinCheckDigit,
    CustomerIdFormat,
    CurrentPasswordWrong,
    SameEmail,
    EmailTaken,
    PhoneFormat,
    PostalCodeUs,
    PostalCodeCa,
    PostalCodeRu,
    RegionUnknown,
    CountryUnsupported,
    OneOf,
    CodeDigits,
}

impl Issue {
    /// The sentence shown under the field.
    pub fn message(&self) -> String {
        match self {
            Issue::Required => "This field is required.".into(),
            Issue::TooLong { max } => format!("Use at most {max} characters."),
            Issue::TooShort { min } => format!("Use at least {min} characters."),
            Issue::EmailFormat => "Enter an email address like name@example.com.".into(),
            Issue::NameCharacters => {
                "Use letters, spaces, hyphens, apostrophes or periods only.".into()
            }
            Issue::PasswordCommon => {
                "This password is too common and easy to guess. Choose another.".into()
            }
            Issue::PasswordMismatch => "The two passwords do not match.".into(),
            Issue::PasswordContainsEmail => {
                "Do not use your email address in your password.".into()
            }
            Issue::TermsNotAccepted => "Please accept the Terms of Use to continue.".into(),
            Issue::MoneyFormat => "Enter an amount like 425.18.".into(),
            Issue::MoneyPrecision => "Use at most two digits after the decimal point.".into(),
            Issue::MoneyNegative => "Enter an amount greater than zero.".into(),
            Issue::VinLength => "A VIN has exactly 17 characters.".into(),
            Issue::VinCharacters => {
                "A VIN uses letters and digits only, never the letters I, O or Q (use 1 and 0).".into()
            }
            Issue::VinCheckDigit => {
                "This VIN's check digit (9th character) does not match. Please check each character.".into()
            }
            Issue::CurrentPasswordWrong => "Your current password is not correct.".into(),
            Issue::SameEmail => "This is already your email address.".into(),
            Issue::EmailTaken => {
                "Another login already uses this email address. Use a different one, or sign in with it.".into()
            }
            Issue::PhoneFormat => {
                "Enter a mobile number with its country code, like +1 416 555 0123 or +7 912 345 67 89.".into()
            }
            Issue::PostalCodeUs => "Enter a ZIP code like 48201 or 48201-1234.".into(),
            Issue::PostalCodeCa => "Enter a postal code like M5V 2T6.".into(),
            Issue::PostalCodeRu => "Enter a 6-digit postal index like 125009.".into(),
            Issue::RegionUnknown => "Choose a state, province or region from the list.".into(),
            Issue::CountryUnsupported => {
                "We can mail to addresses in the United States, Canada and Russia.".into()
            }
            Issue::OneOf => "Choose one of the options.".into(),
            Issue::CodeDigits => "Enter the 6-digit code.".into(),
            Issue::CustomerIdFormat => "Enter the Customer ID exactly as printed on your card, like NS-48213907.".into(),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}
