//! Lease end (issue 16, seed 000): from 120 days before maturity a lease's options side by side —
//! return (the estimated mileage and wear charges from the odometer, and a pre-inspection
//! booking), purchase (the maturity price and today's early buyout; the dated quote and its letter
//! are the payoff flow's) and a month-to-month extension (an application); before that window,
//! miles bought ahead at the pre-paid rate (`miles`). Shared types here;
//! rules and SQL in `service`; endpoints in `api`; the page in `page`.

pub mod api;
#[cfg(feature = "ssr")]
pub mod miles;
pub mod miles_page;
pub mod page;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::application::Ineligible;
use crate::domain::Money;
use serde::{Deserialize, Serialize};
use time::Date;

/// A booked pre-inspection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    /// `INS-…`, quoted when calling about it.
    pub reference: String,
    pub on: Date,
}

/// A lease's end, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseEndView {
    pub contract_id: i64,
    pub number: String,
    pub vehicle: String,
    pub currency: String,
    pub today: Date,
    pub maturity: Date,
    /// The day the options open (120 days before maturity).
    pub opens_on: Date,
    pub open: bool,
    pub allowed_miles: Option<i64>,
    /// Each mile over the allowance at return ("0.25"), when the contract sets it.
    pub excess_mile_rate: Option<String>,
    pub maturity_price: Money,
    pub buyout_today: Money,
    /// Payments on their way must post before the vehicle can be bought.
    pub payments_in_progress: bool,
    pub inspection: Option<Inspection>,
    /// Whether a month-to-month extension can be asked for now, and why not.
    pub extension: Result<(), Ineligible>,
    /// What a mile bought ahead costs ("0.15"), when the contract sets it.
    pub prepaid_mile_rate: Option<String>,
    /// Miles can still be bought ahead (until the options open).
    pub miles_open: bool,
    /// Miles bought ahead so far, oldest first.
    pub bought: Vec<MilesBought>,
}

/// A purchase of miles bought ahead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilesBought {
    /// `MIL-…`
    pub reference: String,
    pub miles: u64,
    pub amount: Money,
    pub on: Date,
}

/// The confirmation of a purchase: its reference and the payment that pays it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilesReceipt {
    pub bought: MilesBought,
    pub currency: String,
    /// The payment's reference (`PMT-…`) and where it stands; a declined payment leaves the charge
    /// on the account (the page says so).
    pub payment: String,
    /// The card fee the payment adds (zero from a bank account).
    pub fee: Money,
    pub payment_status: crate::domain::payment::PaymentStatus,
}
