//! Payments: where a customer pays from (bank accounts and debit cards), one-time payments with a
//! review step that shows where the money goes, and their life from scheduled to posted (seed 000
//! "make one-time payments from a bank account or debit card"; seed 002 card payments settling
//! within 3 days). Shared types here; rules in `sources`, `service`, `settle`; endpoints in `api`.

pub mod api;
#[cfg(feature = "ssr")]
pub mod autopay;
pub mod autopay_api;
#[cfg(feature = "ssr")]
pub mod autopay_jobs;
pub mod autopay_page;
#[cfg(feature = "ssr")]
pub mod autopay_rows;
#[cfg(feature = "ssr")]
mod batch;
#[cfg(feature = "ssr")]
pub mod book;
#[cfg(feature = "ssr")]
pub mod change;
#[cfg(feature = "ssr")]
pub mod day;
#[cfg(feature = "ssr")]
pub mod late_returns;
pub mod list_page;
#[cfg(feature = "ssr")]
mod outcomes;
pub mod pay_page;
#[cfg(feature = "ssr")]
pub mod payoff;
pub mod payoff_page;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod review;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod settle;
#[cfg(feature = "ssr")]
pub mod sources;
pub mod sources_page;
#[cfg(feature = "ssr")]
pub mod submit;

use crate::domain::autopay::YearMonth;
use crate::domain::payment::{ExtraTo, PaymentStatus, SourceKind};
use crate::domain::payoff::{LeasePurchaseParts, LoanPayoffParts};
use crate::domain::Money;
use crate::i18n::{t, tf, Locale};
use serde::{Deserialize, Serialize};
use time::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceStatus {
    /// A bank account not yet used: the processor verifies it with the first payment.
    Unverified,
    Verified,
    /// The processor could not use it; it cannot pay.
    Failed,
}

/// A payment source as the customer sees it: never more than the last four digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceView {
    pub id: i64,
    pub kind: SourceKind,
    pub country: String,
    pub holder: String,
    /// Cards: "Visa".
    pub brand: Option<String>,
    /// Bank accounts: "checking" | "savings".
    pub account_type: Option<String>,
    pub last4: String,
    /// Cards: "08/2029".
    pub expiry: Option<String>,
    pub status: SourceStatus,
}

/// "Checking ••6789" / "Visa ••1111", in `l`.
pub fn source_label(l: Locale, s: &SourceView) -> String {
    let name = match (s.kind, &s.brand, s.account_type.as_deref()) {
        (SourceKind::Card, Some(brand), _) => brand.clone(),
        (SourceKind::Bank, _, Some("savings")) => t(l, "payments-savings"),
        (SourceKind::Bank, _, _) => t(l, "payments-checking"),
        (SourceKind::Card, None, _) => t(l, "payments-card"),
    };
    tf(
        l,
        "payments-source-label",
        &[("name", name.into()), ("last4", s.last4.clone().into())],
    )
}

/// What the pay form offers for one contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayOptions {
    pub contract_id: i64,
    pub number: String,
    pub vehicle: String,
    pub currency: String,
    pub is_lease: bool,
    /// Past due + fees + the next instalment, less payments in flight.
    pub due_now: Money,
    pub next_due: Option<Date>,
    pub regular: Money,
    /// Loans: the payoff good through today.
    pub payoff: Option<Money>,
    pub earliest: Date,
    pub latest: Date,
    pub sources: Vec<SourceView>,
    /// The card fee in this contract's currency (bank transfers are free).
    pub card_fee: Money,
    /// The lender's cut-off, "17:00 EST" (after it, the earliest date is the next day).
    pub cutoff: String,
    pub bank_days: u32,
    pub card_days: u32,
}

/// The payoff page: a loan's payoff good through a date written out in parts, or a lease's
/// purchase prices (early buyout today, at maturity).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoffView {
    pub contract_id: i64,
    pub number: String,
    pub vehicle: String,
    pub vin: String,
    pub currency: String,
    pub today: Date,
    /// The last good-through date that may be asked for (today + 30 days).
    pub latest: Date,
    pub good_through: Date,
    pub loan: Option<LoanPayoffParts>,
    pub lease: Option<LeasePurchaseParts>,
    /// Lease: the maturity date (the purchase price at maturity applies then).
    pub maturity: Option<Date>,
}

/// Where the payoff letter for a good-through date is downloaded from.
pub fn payoff_letter_href(contract_id: i64, good_through: Date) -> String {
    format!("/documents/{contract_id}/payoff-{good_through}.pdf")
}

/// A payment as asked for by the form (strings as typed; the server parses them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentRequest {
    pub contract_id: i64,
    pub source_id: i64,
    pub amount: String,
    /// YYYY-MM-DD
    pub date: String,
    pub extra_to: ExtraTo,
    /// Pay the contract off: the amount is the payoff on the day the payment posts.
    pub payoff: bool,
}

/// The review step: what will happen, computed by the ledger for the payment's posting date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub amount: Money,
    pub fee: Money,
    pub total: Money,
    pub currency: String,
    pub date: Date,
    pub posts_on: Date,
    pub source_id: i64,
    pub source: String,
    pub fees: Money,
    pub interest: Money,
    pub principal: Money,
    pub tax: Money,
    pub excess: Money,
    /// The part beyond what is due now (the extra-to-principal choice applies to it).
    pub beyond_due: Money,
    pub extra_to: ExtraTo,
    pub payoff: bool,
}

/// The confirmation: a number to quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub reference: String,
    pub review: Review,
    pub status: PaymentStatus,
}

/// One payment in the customer's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentView {
    pub reference: String,
    pub contract_id: i64,
    pub contract_number: String,
    pub currency: String,
    pub amount: Money,
    pub fee: Money,
    pub date: Date,
    pub posts_on: Option<Date>,
    pub status: PaymentStatus,
    pub source: SourceView,
    pub can_cancel: bool,
}

/// A contract's autopay as its holder sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutopayView {
    pub id: i64,
    /// `None`: the regular payment.
    pub fixed_amount: Option<Money>,
    /// The draft is made this many days before the due date (0 = on it).
    pub days_before: u8,
    pub source: SourceView,
    pub start_month: YearMonth,
    /// The next draft's day and amount (before netting what is already paid on that day).
    pub next_draft: Option<(Date, Money)>,
}

/// An autopay in the customer's file (back office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutopayLine {
    pub contract_number: String,
    pub currency: String,
    pub regular: Money,
    pub autopay: AutopayView,
}

/// What the autopay page offers for one contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutopayContract {
    pub contract_id: i64,
    pub number: String,
    pub vehicle: String,
    pub currency: String,
    pub regular: Money,
    pub due_day: u8,
    pub start_months: Vec<YearMonth>,
    /// The customer's sources that can pay this contract (not failed, its currency).
    pub sources: Vec<SourceView>,
    pub autopay: Option<AutopayView>,
    /// Another holder of the contract (a co-borrower) has autopay on for it from their own account:
    /// only they can change or cancel it, and no second one can be set up.
    pub co_borrower_autopay: bool,
}

/// An enrolment or a change as the form sends it (strings as typed; the server parses them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutopayRequest {
    pub contract_id: i64,
    pub source_id: i64,
    /// Empty: the regular payment; otherwise a fixed amount above it.
    pub amount: String,
    pub days_before: String,
    /// YYYY-MM
    pub start_month: String,
}

impl AutopayRequest {
    pub fn new(
        contract_id: i64,
        source_id: i64,
        amount: String,
        days_before: String,
        start_month: String,
    ) -> Self {
        AutopayRequest {
            contract_id,
            source_id,
            amount,
            days_before,
            start_month,
        }
    }
}

pub fn status_label(l: Locale, s: PaymentStatus) -> String {
    t(l, &format!("payments-status-{}", s.code()))
}

/// The payoff written out: "$12,000.00 + $42.74 + 9 days × $3.2877 ($29.59) + $0.00 = $12,072.33"
/// (credits subtracted when there are any), in `l`.
pub fn payoff_arithmetic(l: Locale, q: &LoanPayoffParts, currency: &str) -> String {
    use crate::i18n::format::{amount, money};
    let m = |x: Money| money(l, x, currency);
    let days = tf(
        l,
        "payoff-days-times",
        &[
            ("days", q.days.into()),
            ("perdiem", amount(l, q.per_diem_exact, 4, currency).into()),
            ("interest", m(q.days_interest).into()),
        ],
    );
    let mut text = format!(
        "{} + {} + {} + {}",
        m(q.principal),
        m(q.interest_to_date),
        days,
        m(q.fees)
    );
    if q.credits.is_positive() {
        text.push_str(&format!(" − {}", m(q.credits)));
    }
    format!("{text} = {}", m(q.total))
}
