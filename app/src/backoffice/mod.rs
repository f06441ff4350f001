//! The back office: where the lender's staff look up a customer and act on their account —
//! unlock a locked sign-in, end every session, issue a contract-number temporary password (seed
//! 002). Staff have their own accounts (password + authenticator code), their own short-lived
//! sessions and roles; every action is recorded with a reference number shown to the staff member.
//! Shared types here; rules and SQL in `service`; staff sessions in `infra/staff_session.rs` and the
//! guard with the others in `infra/guard.rs`.

pub mod api;
pub mod applications_page;
pub mod contract_page;
pub mod contract_tables;
pub mod customer_page;
#[cfg(feature = "ssr")]
pub mod files;
pub mod layout;
pub mod login_page;
pub mod messages_page;
pub mod notes_panel;
pub mod payments_panel;
pub mod recent;
pub mod search_page;

#[cfg(feature = "ssr")]
pub mod service;

use crate::contracts::{ContractDetail, ContractKind, HistoryLine, ScheduleLine};
use crate::documents::ContractDocuments;
use crate::domain::{Issue, Money};
use crate::error::AppError;
use serde::{Deserialize, Serialize};

pub use crate::domain::StaffRole;

/// The signed-in staff member, as the layout shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMe {
    pub name: String,
    pub role: StaffRole,
}

/// A search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerHit {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub contracts: Vec<String>,
    pub locked: bool,
}

/// What a search found: registered customers, and contracts (also those nobody has linked yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub customers: Vec<CustomerHit>,
    pub contracts: Vec<ContractHit>,
}

/// A contract found by search (registered or not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractHit {
    pub id: i64,
    pub number: String,
    pub vehicle: String,
    pub status: String,
    /// The primary borrower's name as on the contract.
    pub primary: String,
    /// Their portal login, if they registered and linked.
    pub primary_customer: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractLine {
    pub id: i64,
    pub number: String,
    pub vehicle: String,
    pub kind: ContractKind,
    pub status: String,
    pub currency: String,
    pub balance: Money,
    pub past_due: Money,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventLine {
    pub at: i64,
    pub kind: String,
    pub success: bool,
    pub ip: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionLine {
    pub reference: String,
    pub at: i64,
    pub staff: String,
    pub action: String,
}

/// Everything staff see about one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerFile {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    /// Postal address lines as on an envelope; empty when none is on file.
    pub address: Vec<String>,
    pub language: String,
    pub registered_at: i64,
    pub activated: bool,
    /// Sign-in locked after wrong passwords until this unix time.
    pub locked_until: Option<i64>,
    pub two_step: bool,
    pub sessions: u32,
    pub contracts: Vec<ContractLine>,
    pub events: Vec<EventLine>,
    pub actions: Vec<ActionLine>,
    /// Staff notes, newest first.
    pub notes: Vec<NoteLine>,
    /// Payments, newest first; sources by their last four digits, as the customer sees them.
    pub payments: Vec<crate::payments::PaymentView>,
    /// Active autopays (sources by their last four digits).
    #[serde(default)]
    pub autopays: Vec<crate::payments::AutopayLine>,
    /// Message Center conversations, the latest activity first.
    #[serde(default)]
    pub threads: Vec<crate::messages::ThreadSummary>,
}

/// A note staff wrote on a customer's file. Notes are append-only: never edited or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteLine {
    pub at: i64,
    pub staff: String,
    pub text: String,
}

/// The text of a new note: trimmed, 1 to `NoteText::MAX` characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteText(String);

impl NoteText {
    pub const MAX: usize = 2000;

    pub fn parse(raw: &str) -> Result<NoteText, AppError> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(AppError::validation("note", Issue::Required));
        }
        if text.chars().count() > Self::MAX {
            return Err(AppError::validation(
                "note",
                Issue::TooLong { max: Self::MAX },
            ));
        }
        Ok(NoteText(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A customer file this staff member opened recently (the back-office home page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentCustomer {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// When this staff member last opened the file.
    pub at: i64,
}

/// A portal login that holds a contract, with the name the contract gives that party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub customer_id: i64,
    pub login_name: String,
    pub email: String,
    /// The party's role on the contract ("primary", "co_borrower").
    pub role: String,
    pub party_name: String,
    /// The login's own name is not the party's: someone may hold another person's contract.
    pub name_differs: bool,
}

/// One contract as staff see it: the same figures as the customer's pages, every schedule row and
/// transaction, the documents the customer can download, the parties and the logins holding it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractFile {
    pub detail: ContractDetail,
    pub schedule: Vec<ScheduleLine>,
    /// Newest first.
    pub history: Vec<HistoryLine>,
    pub documents: ContractDocuments,
    /// How the monthly run delivered each party's statements, newest first (the last 24).
    pub deliveries: Vec<crate::documents::Delivery>,
    pub holders: Vec<Holder>,
}

/// Whether two people's names differ, ignoring case, surrounding and repeated spaces.
pub fn names_differ(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) != norm(b)
}

/// What a staff action returns: its reference, and for a temporary password the password
/// itself (shown once) and when it expires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDone {
    pub reference: String,
    pub temporary_password: Option<String>,
    pub expires_at: Option<i64>,
}

/// The catalogue key naming a contract status ("active", "paid_off", "closed").
pub fn status_key(status: &str) -> &'static str {
    match status {
        "active" => "bo-status-active",
        "paid_off" => "bo-status-paid-off",
        _ => "bo-status-closed",
    }
}

/// The catalogue key naming a recorded staff action.
pub fn action_key(action: &str) -> &'static str {
    match action {
        "unlock" => "bo-action-unlock",
        "end_sessions" => "bo-action-end-sessions",
        "reset_sign_in_methods" => "bo-action-reset-methods",
        "add_note" => "bo-action-add-note",
        "cancel_payment" => "bo-action-cancel-payment",
        "review_application" => "bo-action-review-application",
        "approve_application" => "bo-action-approve-application",
        "reject_application" => "bo-action-reject-application",
        "return_application" => "bo-action-return-application",
        _ => "bo-action-temporary-password",
    }
}

/// "BO-000042": the reference of staff action 42.
pub fn reference(action_id: i64) -> String {
    format!("BO-{action_id:06}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_order_by_power_and_round_trip() {
        assert!(
            StaffRole::Agent < StaffRole::Supervisor && StaffRole::Supervisor < StaffRole::Admin
        );
        for r in [StaffRole::Agent, StaffRole::Supervisor, StaffRole::Admin] {
            assert_eq!(StaffRole::parse(r.as_str()), Some(r));
        }
        assert_eq!(StaffRole::parse("root"), None);
        assert_eq!(reference(42), "BO-000042");
    }

    #[test]
    fn names_compare_without_case_or_spacing_and_notes_are_checked() {
        assert!(!names_differ("Anna Kowalski", "  anna   KOWALSKI "));
        assert!(names_differ("Anna Kowalski", "Piotr Kowalski"));
        assert!(matches!(
            NoteText::parse("  \n "),
            Err(AppError::Validation { .. })
        ));
        assert!(NoteText::parse(&"x".repeat(2001)).is_err());
        assert_eq!(
            NoteText::parse(&format!(" {} ", "é".repeat(2000)))
                .unwrap()
                .as_str()
                .chars()
                .count(),
            2000
        );
    }
}
