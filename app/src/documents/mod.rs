//! Documents: monthly statements and letters as real PDFs, in the customer's language (seed 000
//! "view and download your statements … for tax purposes"; seed 002 "документы"). The list and the
//! periods are shared types; the PDFs are drawn on the server (`pdf`, `statement_pdf`, `letter_pdf`)
//! and served by plain download handlers (`download`) behind the same session checks as the API.
//! Statements are archived as issued (`archive`, by the monthly job in `mailing`); letters are drawn
//! on demand.

pub mod api;
pub mod page;
pub mod periods;

#[cfg(feature = "ssr")]
pub mod archive;
#[cfg(feature = "ssr")]
pub mod blocks;
#[cfg(feature = "ssr")]
pub mod download;
#[cfg(feature = "ssr")]
pub mod letter_pdf;
#[cfg(feature = "ssr")]
pub mod mailing;
#[cfg(feature = "ssr")]
pub mod payoff_letter_pdf;
#[cfg(feature = "ssr")]
pub mod pdf;
#[cfg(feature = "ssr")]
mod pdf_info;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod statement_pdf;

use crate::contracts::ContractKind;
use periods::Period;
use serde::{Deserialize, Serialize};
use time::Date;

/// The documents of one contract the customer is a party to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractDocuments {
    pub contract_id: i64,
    pub number: String,
    pub vehicle: String,
    pub kind: ContractKind,
    /// Newest first.
    pub statements: Vec<Period>,
    pub letters: Vec<Letter>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LetterKind {
    /// Confirms a contract was paid in full (loans) or completed (leases) — the letter people need
    /// to close insurance or show a new lender.
    PaidInFull,
    /// A paid-off loan: the lienholder's release of its security interest in the vehicle, for the
    /// motor-vehicle office (seed 000, "after payoff").
    LienRelease,
    /// A lease the customer bought: the lessor's release of its title to them, for registering
    /// the vehicle in their name.
    TitleRelease,
    /// A loan: the interest its posted payments paid in one calendar year, for taxes.
    InterestPaid(i32),
    /// An active contract: its balance on the day the letter is drawn ("order documents", seed 002).
    BalanceConfirmation,
}

impl LetterKind {
    pub fn slug(self) -> String {
        match self {
            LetterKind::PaidInFull => "paid-in-full".into(),
            LetterKind::LienRelease => "lien-release".into(),
            LetterKind::TitleRelease => "title-release".into(),
            LetterKind::InterestPaid(year) => format!("interest-{year:04}"),
            LetterKind::BalanceConfirmation => "balance-confirmation".into(),
        }
    }

    pub fn parse(s: &str) -> Option<LetterKind> {
        if let Some(year) = s.strip_prefix("interest-") {
            return (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
                .then(|| year.parse().ok().map(LetterKind::InterestPaid))
                .flatten();
        }
        [
            LetterKind::PaidInFull,
            LetterKind::LienRelease,
            LetterKind::TitleRelease,
            LetterKind::BalanceConfirmation,
        ]
        .into_iter()
        .find(|k| k.slug() == s)
    }
}

/// A letter on the documents page. `date` is the letter's date: the day a contract was settled, the
/// last day of an interest year (or the settling day, in the year it was settled), or today for a
/// balance confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub kind: LetterKind,
    pub date: Date,
}

/// How the monthly run delivered a party's statement (`statement_deliveries`; staff see it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeliveryStatus {
    /// Paperless: the statement is in the portal.
    Online,
    /// A paper copy waits for the print-and-mail service.
    Queued,
    /// Handed to the print-and-mail service.
    Mailed,
    /// A paper copy that cannot go: no usable mailing address (staff follow up).
    Held,
}

impl DeliveryStatus {
    /// From the stored channel and status.
    pub fn of(channel: &str, status: &str) -> Option<DeliveryStatus> {
        match (channel, status) {
            ("online", "done") => Some(DeliveryStatus::Online),
            ("mail", "queued") => Some(DeliveryStatus::Queued),
            ("mail", "sent") => Some(DeliveryStatus::Mailed),
            ("mail", "held") => Some(DeliveryStatus::Held),
            _ => None,
        }
    }
}

/// One statement delivery, as the back office lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub period: Period,
    /// The party it went to.
    pub customer: String,
    pub status: DeliveryStatus,
    /// The print-and-mail service's reference, once mailed.
    pub mail_reference: Option<String>,
}

/// Where a statement PDF is downloaded from.
pub fn statement_href(contract_id: i64, p: Period) -> String {
    format!("/documents/{contract_id}/statement-{}.pdf", p.slug())
}

/// Where a letter PDF is downloaded from.
pub fn letter_href(contract_id: i64, kind: LetterKind) -> String {
    format!("/documents/{contract_id}/{}.pdf", kind.slug())
}
