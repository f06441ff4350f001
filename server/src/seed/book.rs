//! The demo contract book: realistic loans and leases whose schedules come from the domain
//! arithmetic and whose payment histories are generated through the same ledger the portal uses,
//! so every figure on screen is consistent with the formulas.

use app::domain::account::{Installment as Row, TxnKind, TxnNote, TxnStatus};
use app::domain::lease::LeaseTerms;
use app::domain::loan::{amortize, Allocation, LoanLedger};
use app::domain::{Apr, Money};
use rust_decimal::Decimal;
use std::str::FromStr;
use time::{Date, Duration};

/// How the demo history of a contract unfolds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Story {
    /// Every payment two days early; a payment made in the last three days is still pending.
    OnTime,
    /// Like OnTime, but the 7th instalment was paid 20 days late and drew a late charge.
    OneLate,
    /// The last two instalments are unpaid (late charges posted); one attempt was returned.
    PastDue,
    /// Paid as agreed and then paid off; the contract is closed.
    PaidOff,
}

pub struct Party {
    pub first: &'static str,
    pub last: &'static str,
    pub card_id: String,
    /// The demo login linked to this party, if any.
    pub login: Option<String>,
}

pub struct DemoContract {
    pub number: String,
    pub lease: bool,
    pub vin: String,
    pub make: &'static str,
    pub model: &'static str,
    pub year: i64,
    pub colour: &'static str,
    pub financed_cents: i64,
    pub apr: &'static str,
    pub term: u32,
    pub contract_date: Date,
    pub first_due: Date,
    pub residual_cents: i64,
    pub miles: i64,
    pub tax_percent: &'static str,
    pub story: Story,
    pub primary: Party,
    pub co: Option<Party>,
}

pub struct GenTxn {
    pub kind: TxnKind,
    pub status: TxnStatus,
    pub date: Date,
    pub amount: Money,
    pub allocation: Allocation,
    pub tax: Money,
    pub note: TxnNote,
}

pub fn late_fee() -> Money {
    Money::from_cents(2_500)
}
pub const PURCHASE_OPTION_FEE_CENTS: i64 = 35_000;

impl DemoContract {
    pub fn apr(&self) -> Apr {
        Apr::parse(self.apr).expect("demo APR")
    }

    pub fn lease_terms(&self) -> LeaseTerms {
        LeaseTerms {
            adjusted_cap_cost: Money::from_cents(self.financed_cents),
            residual: Money::from_cents(self.residual_cents),
            apr: self.apr(),
            term_months: self.term,
            tax_percent: Decimal::from_str(self.tax_percent).expect("demo tax"),
            purchase_option_fee: Money::from_cents(PURCHASE_OPTION_FEE_CENTS),
        }
    }

    pub fn schedule(&self) -> Vec<Row> {
        if self.lease {
            self.lease_terms().schedule(self.first_due)
        } else {
            amortize(
                Money::from_cents(self.financed_cents),
                self.apr(),
                self.term,
                self.first_due,
            )
            .into_iter()
            .map(|r| Row {
                number: r.number,
                due_date: r.due_date,
                payment: r.payment,
                interest: r.interest,
                principal: r.principal,
                tax: Money::ZERO,
                balance: r.balance,
            })
            .collect()
        }
    }

    /// The payment history up to `today`, in date order.
    pub fn history(&self, today: Date) -> Vec<GenTxn> {
        let rows = self.schedule();
        let mut ledger = LoanLedger::open(
            Money::from_cents(self.financed_cents),
            self.apr(),
            self.contract_date,
        );
        let mut out = Vec::new();
        let due_rows: Vec<&Row> = rows
            .iter()
            .filter(|r| r.due_date <= today + Duration::days(2))
            .collect();
        let unpaid_tail = if self.story == Story::PastDue { 2 } else { 0 };
        for (i, row) in due_rows.iter().enumerate() {
            let missed = i + unpaid_tail >= due_rows.len();
            if missed {
                // Nothing is dated after today: an attempt only once its day has come, its fee
                // two days later.
                let attempt = self.story == Story::PastDue
                    && i + unpaid_tail == due_rows.len()
                    && row.due_date <= today;
                if attempt {
                    out.push(txn(
                        TxnKind::Payment,
                        TxnStatus::Returned,
                        row.due_date,
                        row.payment,
                        Allocation::default(),
                        Money::ZERO,
                        TxnNote::ReturnedNsf,
                    ));
                }
                if attempt && row.due_date + Duration::days(2) <= today {
                    ledger.charge_fee(late_fee());
                    out.push(txn(
                        TxnKind::Fee,
                        TxnStatus::Posted,
                        row.due_date + Duration::days(2),
                        late_fee(),
                        Allocation::default(),
                        Money::ZERO,
                        TxnNote::ReturnedPaymentFee,
                    ));
                }
                if row.due_date + Duration::days(11) <= today {
                    ledger.charge_fee(late_fee());
                    out.push(txn(
                        TxnKind::LateCharge,
                        TxnStatus::Posted,
                        row.due_date + Duration::days(11),
                        late_fee(),
                        Allocation::default(),
                        Money::ZERO,
                        TxnNote::LateCharge,
                    ));
                }
                continue;
            }
            let late = self.story == Story::OneLate && row.number == 7;
            let date = if late {
                row.due_date + Duration::days(20)
            } else {
                row.due_date - Duration::days(2)
            };
            if late {
                ledger.charge_fee(late_fee());
                out.push(txn(
                    TxnKind::LateCharge,
                    TxnStatus::Posted,
                    row.due_date + Duration::days(11),
                    late_fee(),
                    Allocation::default(),
                    Money::ZERO,
                    TxnNote::LateCharge,
                ));
            }
            let final_payoff =
                self.story == Story::PaidOff && !self.lease && row.number == self.term;
            let amount = if final_payoff {
                ledger.payoff(date).total
            } else if late {
                row.payment + late_fee()
            } else {
                row.payment
            };
            // A payment of the last days is still on its way — for customers with a login, whose
            // payment (and the account it came from) the seed also records, so it posts on its
            // day like any other; payments on contracts nobody holds yet have long posted.
            if date > today - Duration::days(3) && self.primary.login.is_some() {
                out.push(txn(
                    TxnKind::Payment,
                    TxnStatus::Pending,
                    date,
                    amount,
                    Allocation::default(),
                    Money::ZERO,
                    TxnNote::OnlinePayment,
                ));
                continue;
            }
            let (allocation, tax) = if self.lease {
                let fees = amount - row.payment;
                (
                    Allocation {
                        fees,
                        interest: row.interest,
                        principal: row.principal,
                        excess: Money::ZERO,
                    },
                    row.tax,
                )
            } else {
                (ledger.apply_payment(date, amount), Money::ZERO)
            };
            let note = if final_payoff {
                TxnNote::FinalPayoff
            } else {
                TxnNote::OnlinePayment
            };
            out.push(txn(
                TxnKind::Payment,
                TxnStatus::Posted,
                date,
                amount,
                allocation,
                tax,
                note,
            ));
        }
        out.sort_by_key(|t| t.date);
        out
    }
}

fn txn(
    kind: TxnKind,
    status: TxnStatus,
    date: Date,
    amount: Money,
    allocation: Allocation,
    tax: Money,
    note: TxnNote,
) -> GenTxn {
    GenTxn {
        kind,
        status,
        date,
        amount,
        allocation,
        tax,
        note,
    }
}
