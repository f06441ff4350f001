//! Documents: monthly statements and letters as real PDFs, in the customer's language (seed 000
//! "view and download your statements … for tax purposes"; seed 002 "документы"). The list and the
//! periods are shared types; the PDFs are drawn on the server (`pdf`, `statement_pdf`, `letter_pdf`)
//! and served by plain download handlers (`download`) behind the same session checks as the API.

pub mod api;
pub mod page;
pub mod periods;

#[cfg(feature = "ssr")]
pub mod blocks;
#[cfg(feature = "ssr")]
pub mod download;
#[cfg(feature = "ssr")]
pub mod letter_pdf;
#[cfg(feature = "ssr")]
pub mod payoff_letter_pdf;
#[cfg(feature = "ssr")]
pub mod pdf;
#[cfg(feature = "ssr")]
mod pdf_info;
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
    /// to clear a lien or close insurance.
    PaidInFull,
}

impl LetterKind {
    pub fn slug(self) -> &'static str {
        match self {
            LetterKind::PaidInFull => "paid-in-full",
        }
    }
    pub fn parse(s: &str) -> Option<LetterKind> {
        [LetterKind::PaidInFull].into_iter().find(|k| k.slug() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub kind: LetterKind,
    pub date: Date,
}

/// Where a statement PDF is downloaded from.
pub fn statement_href(contract_id: i64, p: Period) -> String {
    format!("/documents/{contract_id}/statement-{}.pdf", p.slug())
}

/// Where a letter PDF is downloaded from.
pub fn letter_href(contract_id: i64, kind: LetterKind) -> String {
    format!("/documents/{contract_id}/{}.pdf", kind.slug())
}
