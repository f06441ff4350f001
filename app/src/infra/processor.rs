//! The card and bank-transfer processor. No processor can be reached from this machine, so the one
//! built-in implementation is `SimulatedProcessor` (named as such in the README): deterministic by
//! the account or card number, so tests and the demo can force a decline, a failed verification or
//! a return. A real adapter (Stripe, Moneris, an ACH originator, an acquiring bank) implements
//! `PaymentProcessor` and is chosen in `startup::build_state`. Calls carry the payment's reference,
//! which a real processor takes as its idempotency key, so a retried call never charges twice.

use std::future::Future;
use std::pin::Pin;

pub type ProcessorFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// NACHA return reasons the portal understands (a card chargeback maps to the closest).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnCode {
    /// R01 insufficient funds.
    R01,
    /// R02 account closed.
    R02,
    /// R03 no account / unable to locate.
    R03,
    /// R04 invalid account number.
    R04,
    /// R10 customer says not authorised.
    R10,
}

impl ReturnCode {
    pub fn code(self) -> &'static str {
        match self {
            ReturnCode::R01 => "R01",
            ReturnCode::R02 => "R02",
            ReturnCode::R03 => "R03",
            ReturnCode::R04 => "R04",
            ReturnCode::R10 => "R10",
        }
    }

    pub fn parse(s: &str) -> Option<ReturnCode> {
        [
            ReturnCode::R01,
            ReturnCode::R02,
            ReturnCode::R03,
            ReturnCode::R04,
            ReturnCode::R10,
        ]
        .into_iter()
        .find(|r| r.code() == s)
    }
}

/// What a source looks like to the processor when it is added.
pub enum NewSource<'a> {
    Bank {
        country: &'a str,
        routing: &'a str,
        account: &'a str,
    },
    Card {
        number: &'a str,
        expiry: (u8, i32),
        cvc: &'a str,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// The processor's token for the source.
    Verified(String),
    /// The account or card cannot be used (closed, invalid, declined).
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submission {
    Accepted,
    Declined,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Settled,
    Returned(ReturnCode),
}

#[derive(Debug, thiserror::Error)]
#[error("processor unavailable: {0}")]
pub struct ProcessorError(pub String);

pub trait PaymentProcessor: Send + Sync + 'static {
    /// Checks a new source once; card details go nowhere else.
    fn verify<'a>(
        &'a self,
        source: NewSource<'a>,
    ) -> ProcessorFuture<'a, Result<Verification, ProcessorError>>;
    /// Submits a payment of `cents` from the source behind `token` under `reference`.
    fn submit<'a>(
        &'a self,
        token: &'a str,
        reference: &'a str,
        cents: i64,
        currency: &'a str,
    ) -> ProcessorFuture<'a, Result<Submission, ProcessorError>>;
    /// How a submitted payment ended, asked on its settlement day.
    fn outcome<'a>(
        &'a self,
        token: &'a str,
        reference: &'a str,
    ) -> ProcessorFuture<'a, Result<Outcome, ProcessorError>>;
    /// The return, if any, that came back for a settled payment after it posted (the payer's bank
    /// may return a debit for a few business days, e.g. R10 "not authorised"). Asked once per
    /// payment, when its return window closes (`PaymentRules::final_on`).
    fn late_return<'a>(
        &'a self,
        token: &'a str,
        reference: &'a str,
    ) -> ProcessorFuture<'a, Result<Option<ReturnCode>, ProcessorError>>;
}

/// The simulated processor. Its token is `sim_<kind>_<last four>` plus a hash-free marker of the
/// behaviour chosen by the number's last four digits:
/// - bank account ending 0000 or card ending 0002/0069 → verification fails;
/// - bank account ending 0001 → every payment is returned R01 (insufficient funds);
/// - bank account ending 0004 → returned R04 (invalid account);
/// - bank account ending 0010 → settles and posts, then comes back R10 (not authorised) after
///   posting, within the return window;
/// - card ending 0051 → every payment is declined;
/// - anything else → verified, accepted, settled.
pub struct SimulatedProcessor;

impl PaymentProcessor for SimulatedProcessor {
    fn verify<'a>(
        &'a self,
        source: NewSource<'a>,
    ) -> ProcessorFuture<'a, Result<Verification, ProcessorError>> {
        Box::pin(async move {
            let (kind, number) = match source {
                NewSource::Bank { account, .. } => ("bank", account),
                NewSource::Card { number, .. } => ("card", number),
            };
            let last4 = &number[number.len().saturating_sub(4)..];
            let fails = matches!((kind, last4), ("bank", "0000") | ("card", "0002" | "0069"));
            Ok(if fails {
                Verification::Failed
            } else {
                Verification::Verified(format!("sim_{kind}_{last4}"))
            })
        })
    }

    fn submit<'a>(
        &'a self,
        token: &'a str,
        _reference: &'a str,
        _cents: i64,
        _currency: &'a str,
    ) -> ProcessorFuture<'a, Result<Submission, ProcessorError>> {
        Box::pin(async move {
            Ok(if token == "sim_card_0051" {
                Submission::Declined
            } else {
                Submission::Accepted
            })
        })
    }

    fn outcome<'a>(
        &'a self,
        token: &'a str,
        _reference: &'a str,
    ) -> ProcessorFuture<'a, Result<Outcome, ProcessorError>> {
        Box::pin(async move {
            Ok(match token {
                "sim_bank_0001" => Outcome::Returned(ReturnCode::R01),
                "sim_bank_0004" => Outcome::Returned(ReturnCode::R04),
                _ => Outcome::Settled,
            })
        })
    }

    fn late_return<'a>(
        &'a self,
        token: &'a str,
        _reference: &'a str,
    ) -> ProcessorFuture<'a, Result<Option<ReturnCode>, ProcessorError>> {
        Box::pin(async move { Ok((token == "sim_bank_0010").then_some(ReturnCode::R10)) })
    }
}
