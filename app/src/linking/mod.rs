//! Linking a login to its finance contract(s) (seed 001 "LINK YOUR ACCOUNT"): names exactly as on
//! the contract plus either the full VIN and the exact last payment, or the Customer ID from the
//! owner's card; then the device is authorised with an emailed code.

pub mod api;
pub mod link_page;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::ids::CustomerCardId;
use crate::domain::{Issue, Money, PersonName, Vin};
use serde::{Deserialize, Serialize};

/// Unmatched linking tries per customer in an hour; the next one pauses linking for an hour.
pub const ATTEMPTS_PER_HOUR: i64 = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkOutcome {
    /// Linked now (this device was already authorised): the contract numbers.
    Linked(Vec<String>),
    /// A code went to this (masked) address; the link completes when it is entered.
    CodeSent(String),
}

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkInput {
    pub first_name: String,
    pub last_name: String,
    /// "vin" or "customer_id"
    pub method: String,
    pub vin: String,
    pub last_payment: String,
    pub customer_id: String,
}

#[derive(Debug, Clone)]
pub enum LinkMethod {
    Vin { vin: Vin, last_payment: Money },
    CustomerId(CustomerCardId),
}

#[derive(Debug, Clone)]
pub struct LinkRequest {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub method: LinkMethod,
}

impl LinkInput {
    pub fn parse(&self) -> Result<LinkRequest, Vec<(&'static str, Issue)>> {
        let mut issues = Vec::new();
        let first = PersonName::parse(&self.first_name).map_err(|i| issues.push(("first_name", i)));
        let last = PersonName::parse(&self.last_name).map_err(|i| issues.push(("last_name", i)));
        let method = if self.method == "customer_id" {
            CustomerCardId::parse(&self.customer_id)
                .map(LinkMethod::CustomerId)
                .map_err(|i| issues.push(("customer_id", i)))
        } else {
            let vin = Vin::parse(&self.vin).map_err(|i| issues.push(("vin", i)));
            let amount =
                Money::parse(&self.last_payment).map_err(|i| issues.push(("last_payment", i)));
            match (vin, amount) {
                (Ok(vin), Ok(last_payment)) => Ok(LinkMethod::Vin { vin, last_payment }),
                _ => Err(()),
            }
        };
        match (first, last, method) {
            (Ok(first_name), Ok(last_name), Ok(method)) => Ok(LinkRequest {
                first_name,
                last_name,
                method,
            }),
            _ => Err(issues),
        }
    }
}
