//! What can be wrong with one input field. Each variant maps to one sentence a person can act on;
//! the same enum drives the live checks in the browser and the re-checks on the server. The
//! sentences are in `i18n/issue_text.rs` (the domain imports nothing of ours).

use serde::{Deserialize, Serialize};

/// A specific, user-facing problem with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Issue {
    Required,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    EmailFormat,
    NameCharacters,
    PasswordCommon,
    PasswordMismatch,
    PasswordContainsEmail,
    TermsNotAccepted,
    MoneyFormat,
    /// More than any amount this portal takes.
    MoneyTooLarge,
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
    /// A takeover of a login with an enrolled second factor needs that factor.
    SecondFactorNeeded,
    SecondFactorWrong,
    RoutingNumberFormat,
    RoutingNumberCheck,
    AccountNumberFormat {
        min: usize,
        max: usize,
    },
    AccountNumberMismatch,
    InstitutionNumberFormat,
    TransitNumberFormat,
    BikFormat,
    RuAccountFormat,
    RuAccountKey,
    CardNumberFormat,
    CardNumberCheck,
    CardExpiryFormat,
    CardExpired,
    CardCvcFormat {
        digits: usize,
    },
    /// More than the contract's payoff (or, for a lease, its remaining payments).
    PaymentOverPayoff,
    /// Outside today … the next due date + the allowed days.
    PaymentDateRange,
    /// A payoff's good-through date outside today … today + 30 days.
    PayoffDateRange,
    /// An autopay amount below the regular payment.
    AutopayBelowRegular,
    /// A draft day other than the due day or up to 10 days before it.
    AutopayDaysBefore,
    /// A start month before this month or after the last instalment.
    AutopayStartMonth,
    /// Control characters (other than line breaks and tabs) in a text.
    TextCharacters,
    /// Not a date (the form sends YYYY-MM-DD).
    DateFormat,
    /// A day that has not come yet, where only a past day makes sense.
    DateInFuture,
    /// Outside today … today + `days`.
    DateAhead {
        days: u32,
    },
    /// More than `days` ago.
    DateTooOld {
        days: u32,
    },
    /// A due day outside 1–28.
    DueDay,
    /// The day payments already fall on.
    SameDueDay,
    /// A number of months outside 1 … `max`.
    MonthsRange {
        max: u32,
    },
    /// As much as the whole payoff or more: that is the payoff, not a partial repayment.
    PrepaymentNotPartial,
    /// No more than what is due now: that is a regular payment, not a prepayment.
    PrepaymentWithinDue,
    /// An odometer reading that is not a whole number of miles.
    WholeMiles,
    /// Miles to buy ahead that are not a whole number from 100 to 20,000.
    MilesToBuy,
    /// An inspection day outside the bookable ones (business days, 2 ahead to 30 after maturity).
    InspectionDate,
}
