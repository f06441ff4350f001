//! The sentence for each field problem (`domain::Issue`), in the reader's language.

use super::{t, tf, Locale};
use crate::domain::Issue;
use std::fmt;

impl Issue {
    /// The sentence shown under the field, in the page's language.
    pub fn message(&self) -> String {
        self.message_in(crate::i18n::current())
    }

    pub fn message_in(&self, l: Locale) -> String {
        match self {
            Issue::Required => t(l, "issue-required"),
            Issue::TooLong { max } => tf(l, "issue-too-long", &[("max", (*max).into())]),
            Issue::TooShort { min } => tf(l, "issue-too-short", &[("min", (*min).into())]),
            Issue::EmailFormat => t(l, "issue-email-format"),
            Issue::NameCharacters => t(l, "issue-name-characters"),
            Issue::PasswordCommon => t(l, "issue-password-common"),
            Issue::PasswordMismatch => t(l, "issue-password-mismatch"),
            Issue::PasswordContainsEmail => t(l, "issue-password-contains-email"),
            Issue::TermsNotAccepted => t(l, "issue-terms-not-accepted"),
            Issue::MoneyFormat => t(l, "issue-money-format"),
            Issue::MoneyTooLarge => t(l, "issue-money-too-large"),
            Issue::MoneyPrecision => t(l, "issue-money-precision"),
            Issue::MoneyNegative => t(l, "issue-money-negative"),
            Issue::VinLength => t(l, "issue-vin-length"),
            Issue::VinCharacters => t(l, "issue-vin-characters"),
            Issue::VinCheckDigit => t(l, "issue-vin-check-digit"),
            Issue::CurrentPasswordWrong => t(l, "issue-current-password-wrong"),
            Issue::SameEmail => t(l, "issue-same-email"),
            Issue::EmailTaken => t(l, "issue-email-taken"),
            Issue::PhoneFormat => t(l, "issue-phone-format"),
            Issue::PostalCodeUs => t(l, "issue-postal-code-us"),
            Issue::PostalCodeCa => t(l, "issue-postal-code-ca"),
            Issue::PostalCodeRu => t(l, "issue-postal-code-ru"),
            Issue::RegionUnknown => t(l, "issue-region-unknown"),
            Issue::CountryUnsupported => t(l, "issue-country-unsupported"),
            Issue::OneOf => t(l, "issue-one-of"),
            Issue::TextCharacters => t(l, "issue-text-characters"),
            Issue::DateFormat => t(l, "issue-date-format"),
            Issue::DateInFuture => t(l, "issue-date-in-future"),
            Issue::DateAhead { days } => tf(l, "issue-date-ahead", &[("days", (*days).into())]),
            Issue::DateTooOld { days } => tf(l, "issue-date-too-old", &[("days", (*days).into())]),
            Issue::DueDay => t(l, "issue-due-day"),
            Issue::SameDueDay => t(l, "issue-same-due-day"),
            Issue::MonthsRange { max } => tf(l, "issue-months-range", &[("max", (*max).into())]),
            Issue::PrepaymentNotPartial => t(l, "issue-prepayment-not-partial"),
            Issue::PrepaymentWithinDue => t(l, "issue-prepayment-within-due"),
            Issue::WholeMiles => t(l, "issue-whole-miles"),
            Issue::InspectionDate => t(l, "issue-inspection-date"),
            Issue::MilesToBuy => t(l, "issue-miles-to-buy"),
            Issue::CodeDigits => t(l, "issue-code-digits"),
            Issue::SecondFactorNeeded => t(l, "issue-second-factor-needed"),
            Issue::SecondFactorWrong => t(l, "issue-second-factor-wrong"),
            Issue::CustomerIdFormat => t(l, "issue-customer-id-format"),
            Issue::RoutingNumberFormat => t(l, "issue-routing-format"),
            Issue::RoutingNumberCheck => t(l, "issue-routing-check"),
            Issue::AccountNumberFormat { min, max } => tf(
                l,
                "issue-account-format",
                &[("min", (*min).into()), ("max", (*max).into())],
            ),
            Issue::AccountNumberMismatch => t(l, "issue-account-mismatch"),
            Issue::InstitutionNumberFormat => t(l, "issue-institution-format"),
            Issue::TransitNumberFormat => t(l, "issue-transit-format"),
            Issue::BikFormat => t(l, "issue-bik-format"),
            Issue::RuAccountFormat => t(l, "issue-ru-account-format"),
            Issue::RuAccountKey => t(l, "issue-ru-account-key"),
            Issue::CardNumberFormat => t(l, "issue-card-format"),
            Issue::CardNumberCheck => t(l, "issue-card-check"),
            Issue::CardExpiryFormat => t(l, "issue-card-expiry-format"),
            Issue::CardExpired => t(l, "issue-card-expired"),
            Issue::PaymentOverPayoff => t(l, "issue-payment-over-payoff"),
            Issue::PaymentDateRange => t(l, "issue-payment-date-range"),
            Issue::PayoffDateRange => t(l, "issue-payoff-date-range"),
            Issue::AutopayBelowRegular => t(l, "issue-autopay-below-regular"),
            Issue::AutopayDaysBefore => t(l, "issue-autopay-days-before"),
            Issue::AutopayStartMonth => t(l, "issue-autopay-start-month"),
            Issue::CardCvcFormat { digits } => {
                tf(l, "issue-card-cvc", &[("digits", (*digits).into())])
            }
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}
