//! Contracts: what a customer owes and when — dashboard cards, contract details, the schedule and
//! the payment history (seed 000 "view your payment history, check your balance"; seed 002
//! "контролировать график"). Shared types here; rules in `service`, endpoints in `api`.

pub mod api;
pub mod chart;
#[cfg(feature = "ssr")]
pub mod csv;
pub mod dashboard_page;
pub mod detail_page;
pub mod history_page;
pub mod payoff_notice;
#[cfg(feature = "ssr")]
mod rows;
pub mod schedule_page;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod summaries;
pub mod transfer_card;

use crate::domain::account::{InFlight, RowStatus, TxnKind, TxnNote, TxnStatus};
use crate::domain::remittance::TransferDetails;
use crate::domain::Money;
use crate::i18n::{t, Locale};
use serde::{Deserialize, Serialize};
use time::Date;

/// A history row's date cell: compact, never wrapped, with its machine-readable date.
#[leptos::component]
pub fn TxnDate(date: Date) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let l = crate::i18n::current();
    view! {
        <td data-label=t(l, "history-col-date") class="date"><time datetime=date.to_string()>{crate::components::format::short_date(date)}</time></td>
    }
}

/// A history row's transaction cell: what it was, and its reference under it (one column for
/// both keeps the table inside a desktop page in every language).
#[leptos::component]
pub fn TxnCell(note: TxnNote, reference: String) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let l = crate::i18n::current();
    view! {
        <td data-label=t(l, "history-col-type")>{t(l, &note.label_key())}<span class="block ref ref-line">{reference}</span></td>
    }
}

/// Rows per page on the schedule and history pages.
pub const PAGE_SIZE: u32 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContractKind {
    Loan,
    Lease,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractSummary {
    pub id: i64,
    pub number: String,
    pub kind: ContractKind,
    /// "2022 BMW X5 xDrive40i"
    pub vehicle: String,
    pub colour: String,
    pub vin: String,
    pub currency: String,
    /// active, paid_off or closed
    pub status: String,
    /// Loan: principal balance. Lease: total of the remaining payments.
    pub balance: Money,
    pub amount_financed: Money,
    pub payments_made: u32,
    pub payments_remaining: u32,
    pub term_months: u32,
    pub next_due: Option<(Date, Money)>,
    /// The next payment falls due today (the lender's calendar day).
    pub due_today: bool,
    pub past_due: Money,
    pub fees_due: Money,
    /// Payments submitted and not yet posted (already netted from `next_due`, `past_due`, `fees_due`).
    pub in_flight: Option<InFlight>,
    /// The next payment the customer scheduled (not yet submitted): its date and amount.
    #[serde(default)]
    pub scheduled: Option<(Date, Money)>,
    /// The contract's autopay, if on.
    #[serde(default)]
    pub autopay: Option<AutopayBadge>,
    /// Paid beyond the payoff (posted payments' excess): owed back to the customer.
    #[serde(default)]
    pub refund_due: Money,
    /// The reference of a payoff payment that was returned, while the contract is open again
    /// because of it (the customer and the back office are told).
    #[serde(default)]
    pub payoff_returned: Option<String>,
    /// The signed-in customer's role on this contract.
    pub role: String,
    /// Balance over time for the chart: (date, scheduled balance after that instalment, paid?).
    pub chart: Vec<(Date, Money, bool)>,
}

/// Autopay as the dashboard card shows it: "On — drafts on Dec 10 from Checking ••4321".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutopayBadge {
    /// The next draft's day (none once the last instalment is drafted).
    pub next_draft: Option<Date>,
    /// "bank" | "card"
    pub kind: String,
    pub brand: Option<String>,
    pub account_type: Option<String>,
    pub last4: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyView {
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractDetail {
    pub summary: ContractSummary,
    /// "5.49%"
    pub apr: String,
    /// Leases: APR / 2400, e.g. "0.00175".
    pub money_factor: Option<String>,
    pub contract_date: Date,
    pub first_due: Date,
    pub maturity: Date,
    pub due_day: u8,
    pub payment: Money,
    pub residual: Option<Money>,
    pub allowed_miles: Option<i64>,
    /// Leases: price to buy the vehicle at maturity (residual + purchase-option fee + tax).
    pub purchase_price: Option<Money>,
    pub parties: Vec<PartyView>,
}

/// How to pay a contract by transfer from another bank (seed 002: the contract number as the
/// reference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferInstructions {
    /// The lender's receiving account in the contract's country.
    pub account: TransferDetails,
    /// The contract number: the reference the transfer must quote.
    pub reference: String,
    /// Past due + fees due + the next instalment (payments in flight already netted).
    pub amount_due: Money,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleLine {
    pub number: u32,
    pub due_date: Date,
    pub payment: Money,
    pub interest: Money,
    pub principal: Money,
    pub tax: Money,
    pub balance: Money,
    pub status: RowStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryLine {
    pub date: Date,
    pub kind: TxnKind,
    pub status: TxnStatus,
    pub amount: Money,
    pub fees: Money,
    pub interest: Money,
    pub principal: Money,
    pub tax: Money,
    pub excess: Money,
    pub reference: String,
    pub note: TxnNote,
    /// Of the principal, what went on principal only (not ahead on instalments).
    pub extra_principal: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// 1-based.
    pub page: u32,
    pub pages: u32,
    pub total: u32,
    pub contract: ContractSummary,
}

/// The "page" that holds every row (for printing the whole table).
pub const ALL_ROWS: u32 = u32::MAX;

impl<T: Clone> Page<T> {
    /// Page `page` of `lines` (1-based, clamped to the range), or all of them (`ALL_ROWS`).
    pub fn of(contract: ContractSummary, lines: &[T], page: u32) -> Page<T> {
        let (items, page, pages) = if page == ALL_ROWS {
            (lines.to_vec(), 1, 1)
        } else {
            paginate(lines, page)
        };
        Page {
            items,
            page,
            pages,
            total: lines.len() as u32,
            contract,
        }
    }
}

/// A party's role on a contract, as people say it: a lease has a lessee and co-lessees, a loan a
/// primary borrower and co-borrowers.
pub fn party_label(l: Locale, kind: ContractKind, role: &str) -> String {
    let key = match (kind, role == "primary") {
        (ContractKind::Lease, true) => "detail-lessee",
        (ContractKind::Lease, false) => "detail-co-lessee",
        (ContractKind::Loan, true) => "detail-primary-borrower",
        (ContractKind::Loan, false) => "contracts-co-borrower",
    };
    t(l, key)
}

/// The schedule page holding the first row still to pay (past due, due, or the next projected
/// one); the last page once everything is paid.
pub fn page_of_next_due(lines: &[ScheduleLine]) -> u32 {
    let index = lines
        .iter()
        .position(|l| !matches!(l.status, RowStatus::Paid | RowStatus::PaidLate))
        .unwrap_or(lines.len().saturating_sub(1));
    index as u32 / PAGE_SIZE + 1
}

/// Cuts one page out of `items` (pages are 1-based and clamped to the range).
pub fn paginate<T: Clone>(items: &[T], page: u32) -> (Vec<T>, u32, u32) {
    let pages = (items.len() as u32).div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let start = ((page - 1) * PAGE_SIZE) as usize;
    let end = (start + PAGE_SIZE as usize).min(items.len());
    (items[start.min(items.len())..end].to_vec(), page, pages)
}

/// The schedule row's status as shown to people (the CSV download passes `Locale::En`).
pub fn row_status_label(l: Locale, s: RowStatus) -> String {
    match s {
        RowStatus::Paid => t(l, "contracts-row-paid"),
        RowStatus::PaidLate => t(l, "contracts-row-paid-late"),
        RowStatus::PastDue => t(l, "contracts-row-past-due"),
        RowStatus::Due => t(l, "contracts-row-due"),
        RowStatus::Pending => t(l, "contracts-row-pending"),
        RowStatus::Projected => t(l, "contracts-row-projected"),
    }
}

pub fn txn_kind_label(l: Locale, k: TxnKind) -> String {
    match k {
        TxnKind::Payment => t(l, "contracts-txn-payment"),
        TxnKind::Fee => t(l, "contracts-txn-fee"),
        TxnKind::LateCharge => t(l, "contracts-txn-late-charge"),
        TxnKind::Adjustment => t(l, "contracts-txn-adjustment"),
    }
}

pub fn txn_status_label(l: Locale, s: TxnStatus) -> String {
    match s {
        TxnStatus::Pending => t(l, "contracts-txn-pending"),
        TxnStatus::Posted => t(l, "contracts-txn-posted"),
        TxnStatus::Returned => t(l, "contracts-txn-returned"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_opens_where_payments_are_still_owed() {
        let row = |n: u32, status| ScheduleLine {
            number: n,
            due_date: time::macros::date!(2026 - 01 - 01),
            payment: Money::ZERO,
            interest: Money::ZERO,
            principal: Money::ZERO,
            tax: Money::ZERO,
            balance: Money::ZERO,
            status,
        };
        let mut lines: Vec<_> = (1..=30).map(|n| row(n, RowStatus::Paid)).collect();
        assert_eq!(page_of_next_due(&lines), 3, "all paid: the last page");
        lines[14].status = RowStatus::Due;
        assert_eq!(page_of_next_due(&lines), 2);
        lines[3].status = RowStatus::PastDue;
        assert_eq!(page_of_next_due(&lines), 1);
        assert_eq!(page_of_next_due(&[]), 1);
    }

    #[test]
    fn pagination_clamps() {
        let items: Vec<u32> = (0..30).collect();
        assert_eq!(paginate(&items, 1), ((0..12).collect(), 1, 3));
        assert_eq!(paginate(&items, 3), ((24..30).collect(), 3, 3));
        assert_eq!(paginate(&items, 99).1, 3);
        assert_eq!(paginate(&items, 0).1, 1);
        let empty: Vec<u32> = vec![];
        assert_eq!(paginate(&empty, 1), (vec![], 1, 1));
    }

    #[test]
    fn labels_read_naturally_in_each_language() {
        use crate::i18n::tf;
        let caption = |l, n: u32| {
            tf(
                l,
                "schedule-caption",
                &[("total", n.into()), ("page", 1.into()), ("pages", 2.into())],
            )
        };
        assert_eq!(caption(Locale::En, 60), "60 payments · page 1 of 2");
        assert_eq!(caption(Locale::FrCa, 1), "1 paiement · page 1 de 2");
        assert_eq!(caption(Locale::Ru, 21), "21 платёж · страница 1 из 2");
        assert_eq!(caption(Locale::Ru, 24), "24 платежа · страница 1 из 2");
        assert_eq!(caption(Locale::Ru, 60), "60 платежей · страница 1 из 2");
        let day = |l, d: u8| tf(l, "detail-due-day-value", &[("day", d.into())]);
        assert_eq!(day(Locale::En, 1), "Day 1 of each month");
        assert_eq!(day(Locale::FrCa, 1), "Le 1er de chaque mois");
        assert_eq!(day(Locale::FrCa, 15), "Le 15 de chaque mois");
        let chart = |l| {
            tf(
                l,
                "chart-label-ending",
                &[
                    ("financed", "$50,000.00".into()),
                    ("left", "$40,000.00".into()),
                    ("paid", 12usize.into()),
                    ("total", 61usize.into()),
                    ("end", "Dec 3, 2026".into()),
                ],
            )
        };
        assert_eq!(
            chart(Locale::En),
            "Balance over the term: $50,000.00 financed, $40,000.00 left after 12 of 61 payments, ending Dec 3, 2026."
        );
        assert!(chart(Locale::Ru).contains("внесено 12 из 61 платежа"));
        assert!(chart(Locale::FrCa).contains("après 12 paiements sur 61"));
        assert_eq!(row_status_label(Locale::En, RowStatus::PastDue), "Past due");
        assert_eq!(
            txn_kind_label(Locale::Ru, TxnKind::LateCharge),
            "Пеня за просрочку"
        );
        assert_eq!(
            txn_status_label(Locale::FrCa, TxnStatus::Returned),
            "Retourné"
        );
    }
}
