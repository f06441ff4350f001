//! Payments as the lender's rules see them: their states, where extra money goes, what a card
//! costs, when a payment posts (business days, weekends and the lender's holidays skipped) and how
//! a posted payment is split — for a loan through the simple-interest ledger at the posting date,
//! for a lease across the instalments it covers. Pure, so the review step and the posting agree.

use super::account::{Installment, Txn, TxnKind, TxnStatus};
use super::loan::{Allocation, LoanLedger};
use super::{Apr, Money};
use serde::{Deserialize, Serialize};
use time::Date;

codes! {
    /// Where a payment is in its life: scheduled → processing → pending → posted | returned;
    /// a scheduled one can be cancelled; a card can be declined when it is submitted.
    PaymentStatus {
        Scheduled = "scheduled",
        Processing = "processing",
        Pending = "pending",
        Posted = "posted",
        Returned = "returned",
        Cancelled = "cancelled",
        Declined = "declined",
    }
}

codes! {
    /// What the part of a payment beyond what is due does.
    ExtraTo {
        /// Lowers the principal; the next instalment is still due in full.
        Principal = "principal",
        /// Pays the next instalments ahead.
        NextInstalment = "next_instalment",
    }
}

codes! {
    SourceKind {
        Bank = "bank",
        Card = "card",
    }
}

/// The lender's payment rules (configurable: `CARD_FEES`, `BANK_SETTLEMENT_DAYS`,
/// `CARD_SETTLEMENT_DAYS`, `HOLIDAYS`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentRules {
    /// Card convenience fee per currency ("USD" → 2.95); bank payments are free.
    pub card_fees: Vec<(String, Money)>,
    pub bank_settlement_days: u32,
    pub card_settlement_days: u32,
    pub holidays: Vec<Date>,
    /// How far past the next due date a payment may be scheduled.
    pub schedule_ahead_days: i64,
    /// The lender's daily cut-off (its own time zone): from then on, today's work is done and a
    /// payment asked for now is processed the next day (`PAYMENT_CUTOFF`, default 17:00).
    pub cutoff: time::Time,
    /// The fee charged when a payment is returned unpaid, per currency (`RETURNED_PAYMENT_FEE`,
    /// default USD/CAD 25, RUB 0); none where 0.
    pub returned_fees: Vec<(String, Money)>,
    /// Business days after posting during which the payer's bank may still return a payment
    /// (`LATE_RETURN_DAYS`, default 2); the payment is final after.
    pub late_return_days: u32,
}

impl Default for PaymentRules {
    fn default() -> Self {
        PaymentRules {
            card_fees: vec![
                ("USD".into(), Money::from_cents(295)),
                ("CAD".into(), Money::from_cents(295)),
                ("RUB".into(), Money::ZERO),
            ],
            bank_settlement_days: 3,
            card_settlement_days: 1,
            holidays: Vec::new(),
            schedule_ahead_days: 30,
            late_return_days: 2,
            cutoff: time::macros::time!(17:00),
            returned_fees: vec![
                ("USD".into(), Money::from_cents(2_500)),
                ("CAD".into(), Money::from_cents(2_500)),
                ("RUB".into(), Money::ZERO),
            ],
        }
    }
}

impl PaymentRules {
    pub fn fee(&self, kind: SourceKind, currency: &str) -> Money {
        match kind {
            SourceKind::Bank => Money::ZERO,
            SourceKind::Card => self
                .card_fees
                .iter()
                .find(|(c, _)| c == currency)
                .map_or(Money::ZERO, |(_, m)| *m),
        }
    }

    /// The processing day at the lender's local time `local`: the day itself until the cut-off,
    /// the next day from it. Scheduled payments can be changed until their processing day comes.
    pub fn processing_date(&self, local: time::PrimitiveDateTime) -> Date {
        if local.time() < self.cutoff {
            local.date()
        } else {
            local.date().next_day().expect("date in range")
        }
    }

    /// The returned-payment fee in `currency` (zero when none is configured).
    pub fn returned_fee(&self, currency: &str) -> Money {
        self.returned_fees
            .iter()
            .find(|(c, _)| c == currency)
            .map_or(Money::ZERO, |(_, m)| *m)
    }

    pub fn is_business_day(&self, d: Date) -> bool {
        super::dates::is_business_day(d) && !self.holidays.contains(&d)
    }

    /// The day a payment submitted on `submitted` posts.
    pub fn posts_on(&self, kind: SourceKind, submitted: Date) -> Date {
        let days = match kind {
            SourceKind::Bank => self.bank_settlement_days,
            SourceKind::Card => self.card_settlement_days,
        };
        self.business_days_after(submitted, days)
    }

    /// The day the return window of a payment posted on `posted` closes: from then on it is final.
    pub fn final_on(&self, posted: Date) -> Date {
        self.business_days_after(posted, self.late_return_days)
    }

    /// The business day `days` business days after `date` (weekends and holidays skipped).
    fn business_days_after(&self, date: Date, days: u32) -> Date {
        let mut left = days;
        let mut d = date;
        while left > 0 {
            d = d.next_day().expect("date in range");
            if self.is_business_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// "2.95" list: `USD:2.95,CAD:2.95,RUB:0`.
    pub fn parse_fees(text: &str) -> Option<Vec<(String, Money)>> {
        text.split(',')
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                let (cur, amount) = p.split_once(':')?;
                let cur = cur.trim().to_ascii_uppercase();
                let amount = amount.trim();
                let money = if amount == "0" {
                    Money::ZERO
                } else {
                    Money::parse(amount).ok()?
                };
                (cur.len() == 3).then_some((cur, money))
            })
            .collect()
    }
}

/// Where a loan payment of `amount` posted on `date` goes, after the posted history `txns`
/// (replayed through the ledger from the contract date: fees → interest to that date → principal).
pub fn allocate_loan(
    financed: Money,
    apr: Apr,
    contract_date: Date,
    txns: &[Txn],
    date: Date,
    amount: Money,
) -> Allocation {
    let mut ledger = replay_loan(financed, apr, contract_date, txns);
    ledger.apply_payment(date, amount)
}

/// The ledger after the posted history (in date order).
pub fn replay_loan(financed: Money, apr: Apr, contract_date: Date, txns: &[Txn]) -> LoanLedger {
    super::resplit::resplit_loan(financed, apr, contract_date, txns).0
}

/// Where a lease payment goes: fees owed first, then the instalments not yet paid, in order, each
/// as rent charge, tax, then depreciation; beyond every instalment, excess. Returns the allocation
/// (rent charge as interest, depreciation as principal) and the tax part.
pub fn allocate_lease(
    schedule: &[Installment],
    txns: &[Txn],
    amount: Money,
) -> (Allocation, Money) {
    let posted = |t: &&Txn| t.status == TxnStatus::Posted;
    let fees_charged: Money = txns
        .iter()
        .filter(posted)
        .filter(|t| matches!(t.kind, TxnKind::Fee | TxnKind::LateCharge))
        .map(|t| t.amount)
        .sum();
    let payments: Vec<&Txn> = txns
        .iter()
        .filter(posted)
        .filter(|t| t.kind == TxnKind::Payment)
        .collect();
    let fees_paid: Money = payments.iter().map(|t| t.allocation.fees).sum();
    // Already paid on instalments, part by part.
    let mut paid_rent: Money = payments.iter().map(|t| t.allocation.interest).sum();
    let mut paid_tax: Money = payments.iter().map(|t| t.tax).sum();
    let mut paid_dep: Money = payments.iter().map(|t| t.allocation.principal).sum();
    let mut rest = amount;
    let take = |owed: Money, rest: &mut Money| {
        let part = (*rest).min(owed.max(Money::ZERO));
        *rest -= part;
        part
    };
    let fees = take(fees_charged - fees_paid, &mut rest);
    let (mut rent, mut tax, mut dep) = (Money::ZERO, Money::ZERO, Money::ZERO);
    for row in schedule {
        if !rest.is_positive() {
            break;
        }
        // What of this row the earlier payments already covered.
        let covered = |paid: &mut Money, part: Money| {
            let c = (*paid).min(part);
            *paid -= c;
            part - c
        };
        let owed_rent = covered(&mut paid_rent, row.interest);
        let owed_tax = covered(&mut paid_tax, row.tax);
        let owed_dep = covered(&mut paid_dep, row.principal);
        rent += take(owed_rent, &mut rest);
        tax += take(owed_tax, &mut rest);
        dep += take(owed_dep, &mut rest);
    }
    (
        Allocation {
            fees,
            interest: rent,
            principal: dep,
            excess: rest,
        },
        tax,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn payments_post_after_business_days_skipping_weekends_and_holidays() {
        let rules = PaymentRules {
            holidays: vec![date!(2026 - 12 - 25)],
            ..Default::default()
        };
        // Thursday 24 Dec: Friday is Christmas, then the weekend.
        assert_eq!(
            rules.posts_on(SourceKind::Bank, date!(2026 - 12 - 24)),
            date!(2026 - 12 - 30)
        );
        assert_eq!(
            rules.posts_on(SourceKind::Card, date!(2026 - 12 - 24)),
            date!(2026 - 12 - 28)
        );
        assert_eq!(
            rules.posts_on(SourceKind::Bank, date!(2026 - 12 - 01)),
            date!(2026 - 12 - 04)
        );
        assert!(!rules.is_business_day(date!(2026 - 12 - 25)));
    }

    #[test]
    fn the_processing_day_turns_at_the_cut_off() {
        use time::macros::datetime;
        let rules = PaymentRules::default();
        let day = date!(2026 - 12 - 31);
        assert_eq!(rules.processing_date(datetime!(2026-12-31 16:59:59)), day);
        assert_eq!(
            rules.processing_date(datetime!(2026-12-31 17:00)),
            date!(2027 - 01 - 01),
            "from the cut-off on, the next day (across a year end)"
        );
        assert_eq!(rules.processing_date(datetime!(2026-12-31 00:00)), day);
    }

    #[test]
    fn cards_carry_the_configured_fee_and_banks_are_free() {
        let rules = PaymentRules::default();
        assert_eq!(rules.fee(SourceKind::Card, "USD"), Money::from_cents(295));
        assert_eq!(rules.fee(SourceKind::Bank, "USD"), Money::ZERO);
        assert_eq!(rules.fee(SourceKind::Card, "RUB"), Money::ZERO);
        let fees = PaymentRules::parse_fees("usd:3.50, RUB:0").unwrap();
        assert_eq!(
            fees,
            vec![
                ("USD".into(), Money::from_cents(350)),
                ("RUB".into(), Money::ZERO)
            ]
        );
        assert!(PaymentRules::parse_fees("USD=3").is_none());
    }

    fn row(n: u32, rent: i64, tax: i64, dep: i64) -> Installment {
        Installment {
            number: n,
            due_date: date!(2026 - 01 - 01),
            payment: Money::from_cents(rent + tax + dep),
            interest: Money::from_cents(rent),
            principal: Money::from_cents(dep),
            tax: Money::from_cents(tax),
            balance: Money::ZERO,
        }
    }

    #[test]
    fn a_lease_payment_covers_fees_then_instalments_part_by_part() {
        let schedule = [row(1, 100, 50, 400), row(2, 100, 50, 400)];
        let fee = Txn {
            kind: TxnKind::LateCharge,
            status: TxnStatus::Posted,
            date: date!(2026 - 01 - 12),
            amount: Money::from_cents(2_500),
            allocation: Allocation::default(),
            tax: Money::ZERO,
            extra_principal: Money::ZERO,
        };
        // 25.00 fee + the first instalment (5.50) + 2.00 of the second.
        let (a, tax) = allocate_lease(
            &schedule,
            std::slice::from_ref(&fee),
            Money::from_cents(2_500 + 550 + 200),
        );
        assert_eq!(a.fees, Money::from_cents(2_500));
        assert_eq!(a.interest, Money::from_cents(200));
        // Row 1 whole; row 2's rent (1.00), tax (0.50) and 0.50 of its depreciation.
        assert_eq!(tax, Money::from_cents(100));
        assert_eq!(a.principal, Money::from_cents(450));
        assert_eq!(a.excess, Money::ZERO);
        assert_eq!(a.total() + tax, Money::from_cents(3_250));
        // After that posts, the next payment finishes the second row; the rest is excess.
        let first = Txn {
            kind: TxnKind::Payment,
            status: TxnStatus::Posted,
            date: date!(2026 - 01 - 20),
            amount: Money::from_cents(3_250),
            allocation: a,
            tax,
            extra_principal: Money::ZERO,
        };
        let (b, tax) = allocate_lease(&schedule, &[fee, first], Money::from_cents(1_000));
        assert_eq!(
            (b.fees, b.interest, tax, b.principal),
            (
                Money::ZERO,
                Money::ZERO,
                Money::ZERO,
                Money::from_cents(350)
            )
        );
        assert_eq!(b.excess, Money::from_cents(650));
    }

    #[test]
    fn a_loan_payment_is_split_by_the_ledger_at_its_posting_date() {
        let apr = Apr::parse("7.30").unwrap();
        let start = date!(2026 - 01 - 01);
        // 10,000.00 at 7.30 %: 2.00 a day.
        let a = allocate_loan(
            Money::from_cents(1_000_000),
            apr,
            start,
            &[],
            date!(2026 - 01 - 31),
            Money::from_cents(50_000),
        );
        assert_eq!(a.interest, Money::from_cents(6_000));
        assert_eq!(a.principal, Money::from_cents(44_000));
        // Posting three days later costs three more days of interest.
        let later = allocate_loan(
            Money::from_cents(1_000_000),
            apr,
            start,
            &[],
            date!(2026 - 02 - 03),
            Money::from_cents(50_000),
        );
        assert_eq!(later.interest, Money::from_cents(6_600));
    }
}
