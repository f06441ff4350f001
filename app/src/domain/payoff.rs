//! A payoff quote written out to the cent: principal + interest accrued to today + per diem × days
//! to the good-through date + fees − credits. The ledger accrues exactly and rounds once where
//! money is shown, so the parts are cut from the one rounded total: the interest to today is the
//! ledger's rounded interest then, and the days' interest is the rest of the rounded interest at
//! the good-through date — the parts always add up to the total the ledger (and so the review and
//! the posting) computes. A lease's purchase price is written out the same way.

use super::account::{Txn, TxnKind, TxnStatus};
use super::dates::days_between;
use super::lease::LeaseTerms;
use super::loan::{Allocation, LoanLedger, Payoff};
use super::Money;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use time::Date;

/// A loan's payoff good through a date, in parts that add up to `total`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoanPayoffParts {
    pub good_through: Date,
    /// The day the interest to date is counted to (today, or later when a payment in flight
    /// posts after today).
    pub from: Date,
    pub principal: Money,
    /// Interest accrued and unpaid up to `from`.
    pub interest_to_date: Money,
    pub days: i64,
    /// Interest per day on the principal, to four decimals (the exact daily rate, for the
    /// arithmetic; `per_diem` is the same to the cent).
    pub per_diem_exact: Decimal,
    pub per_diem: Money,
    /// Interest from `from` to the good-through date (per diem × days, rounded once with the rest).
    pub days_interest: Money,
    pub fees: Money,
    /// Money already on its way that will pay part of it (payments scheduled, not yet sent).
    pub credits: Money,
    pub total: Money,
}

impl LoanPayoffParts {
    /// The quote of `ledger` (payments in flight applied) from `today` to `good_through`, less
    /// `credits`.
    pub fn of(ledger: &LoanLedger, today: Date, good_through: Date, credits: Money) -> Self {
        let from = today.max(ledger.as_of);
        let until = good_through.max(from);
        let at_from: Payoff = ledger.payoff(from);
        let at_end: Payoff = ledger.payoff(until);
        let per_diem_exact = ledger
            .per_diem_exact()
            .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
        let credits =
            (credits + ledger.credits).min(at_end.principal + at_end.interest + at_end.fees);
        LoanPayoffParts {
            good_through,
            from,
            principal: at_end.principal,
            interest_to_date: at_from.interest,
            days: days_between(from, until),
            per_diem_exact,
            per_diem: at_end.per_diem,
            days_interest: at_end.interest - at_from.interest,
            fees: at_end.fees,
            credits,
            total: (at_end.principal + at_end.interest + at_end.fees - credits).max(Money::ZERO),
        }
    }

    /// The parts added up (equal to `total`).
    pub fn sum(&self) -> Money {
        self.principal + self.interest_to_date + self.days_interest + self.fees - self.credits
    }
}

/// A lease's purchase price in parts: early buyout = remaining payments + residual − unearned rent
/// charge + purchase-option fee (+ fees owed); at maturity = residual + purchase-option fee + tax.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeasePurchaseParts {
    pub payments_remaining: u32,
    pub monthly_payment: Money,
    pub remaining_payments: Money,
    pub residual: Money,
    pub unearned_rent: Money,
    pub purchase_option_fee: Money,
    pub fees: Money,
    pub buyout_total: Money,
    pub maturity_tax: Money,
    pub maturity_total: Money,
}

impl LeasePurchaseParts {
    pub fn of(terms: &LeaseTerms, payments_made: u32, fees_owed: Money) -> Self {
        let p = terms.monthly_payment();
        let n = terms.term_months.saturating_sub(payments_made);
        let maturity_total = terms.maturity_purchase_price();
        LeasePurchaseParts {
            payments_remaining: n,
            monthly_payment: p.total,
            remaining_payments: p.total * n,
            residual: terms.residual,
            unearned_rent: p.rent_charge * n,
            purchase_option_fee: terms.purchase_option_fee,
            fees: fees_owed,
            buyout_total: terms.early_buyout(payments_made) + fees_owed,
            maturity_tax: maturity_total - terms.residual - terms.purchase_option_fee,
            maturity_total,
        }
    }
}

/// A lease's fees and late charges posted and not yet paid.
pub fn lease_fees_owed(txns: &[Txn]) -> Money {
    let posted = |t: &&Txn| t.status == TxnStatus::Posted;
    let charged: Money = txns
        .iter()
        .filter(posted)
        .filter(|t| matches!(t.kind, TxnKind::Fee | TxnKind::LateCharge))
        .map(|t| t.amount)
        .sum();
    let paid: Money = txns
        .iter()
        .filter(posted)
        .filter(|t| t.kind == TxnKind::Payment)
        .map(|t| t.allocation.fees)
        .sum();
    (charged - paid).max(Money::ZERO)
}

/// Where the payment that buys a leased vehicle goes: the fees still owed, then the vehicle's
/// price, recorded as principal (the remaining depreciation, the residual and the purchase-option
/// fee, less the rent not yet earned); nothing is excess.
pub fn purchase_allocation(fees_owed: Money, amount: Money) -> Allocation {
    let fees = fees_owed.min(amount).max(Money::ZERO);
    Allocation {
        fees,
        interest: Money::ZERO,
        principal: amount - fees,
        excess: Money::ZERO,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Apr;
    use rust_decimal_macros::dec;
    use time::macros::date;

    fn loan() -> LoanLedger {
        // 12,000.00 at 10 %: per diem 3.28767… (3.29 to the cent).
        LoanLedger::open(
            Money::from_cents(1_200_000),
            Apr::new(dec!(10)).unwrap(),
            date!(2026 - 11 - 01),
        )
    }

    #[test]
    fn per_diem_times_days_is_rounded_once_with_the_rest() {
        let l = loan();
        let q = LoanPayoffParts::of(
            &l,
            date!(2026 - 11 - 14),
            date!(2026 - 11 - 23),
            Money::ZERO,
        );
        // 13 days to today: 12000 × 10 × 13 / 36500 = 42.739… → 42.74
        assert_eq!(q.interest_to_date, Money::from_cents(4_274));
        assert_eq!(q.days, 9);
        assert_eq!(q.per_diem_exact, dec!(3.2877));
        assert_eq!(q.per_diem, Money::from_cents(329));
        // 22 days in all: 72.328… → 72.33; the 9 days are the rest, 29.59 (9 × 3.2877 = 29.589),
        // not 9 × 3.29 = 29.61.
        assert_eq!(q.days_interest, Money::from_cents(2_959));
        assert_eq!(q.total, Money::from_cents(1_207_233));
        assert_eq!(q.sum(), q.total);
        assert_eq!(q.total, l.payoff(date!(2026 - 11 - 23)).total);
    }

    #[test]
    fn midpoints_round_away_from_zero_and_parts_always_add_up() {
        // 1,825.00 at 0.5 %: 0.025 a day, a half-cent on odd days.
        let l = LoanLedger::open(
            Money::from_cents(182_500),
            Apr::new(dec!(0.5)).unwrap(),
            date!(2027 - 02 - 01),
        );
        let q = LoanPayoffParts::of(
            &l,
            date!(2027 - 02 - 02),
            date!(2027 - 02 - 03),
            Money::ZERO,
        );
        assert_eq!(q.per_diem_exact, dec!(0.025));
        assert_eq!(q.per_diem, Money::from_cents(3));
        // One day: 0.025 → 0.03 (half away from zero); two days 0.05, so the second day is 0.02.
        assert_eq!(q.interest_to_date, Money::from_cents(3));
        assert_eq!(q.days_interest, Money::from_cents(2));
        assert_eq!(q.sum(), q.total);
        for days in 0..=30 {
            for today in [
                date!(2026 - 12 - 31),
                date!(2027 - 02 - 26),
                date!(2027 - 02 - 28),
            ] {
                let mut l = loan();
                l.charge_fee(Money::from_cents(2_500));
                let through = today + time::Duration::days(days);
                let q = LoanPayoffParts::of(&l, today, through, Money::from_cents(10_000));
                assert_eq!(q.sum(), q.total, "{today} + {days}");
                assert_eq!(q.total, l.payoff(through).total - Money::from_cents(10_000));
                let product = q.per_diem_exact * Decimal::from(days);
                assert!(
                    (product - q.days_interest.amount()).abs() <= dec!(0.02),
                    "{today} + {days}"
                );
            }
        }
    }

    #[test]
    fn a_payment_in_flight_after_today_moves_the_start_of_the_days() {
        let mut l = loan();
        l.apply_payment(date!(2026 - 11 - 20), Money::from_cents(100_000));
        let q = LoanPayoffParts::of(
            &l,
            date!(2026 - 11 - 17),
            date!(2026 - 11 - 30),
            Money::ZERO,
        );
        assert_eq!(q.from, date!(2026 - 11 - 20));
        assert_eq!(q.days, 10);
        assert_eq!(q.sum(), q.total);
        // Good through a day before the payment posts: no days of interest.
        let q = LoanPayoffParts::of(
            &l,
            date!(2026 - 11 - 17),
            date!(2026 - 11 - 18),
            Money::ZERO,
        );
        assert_eq!((q.days, q.days_interest), (0, Money::ZERO));
    }

    #[test]
    fn lease_purchase_parts_add_up() {
        let t = LeaseTerms {
            adjusted_cap_cost: Money::from_cents(4_612_500),
            residual: Money::from_cents(2_675_000),
            apr: Apr::new(dec!(4.20)).unwrap(),
            term_months: 36,
            tax_percent: dec!(13),
            purchase_option_fee: Money::from_cents(35_000),
        };
        let p = LeasePurchaseParts::of(&t, 33, Money::from_cents(4_000));
        assert_eq!(
            p.remaining_payments + p.residual - p.unearned_rent + p.purchase_option_fee + p.fees,
            p.buyout_total
        );
        assert_eq!(p.buyout_total, Money::from_cents(2_897_419 + 4_000));
        assert_eq!(
            p.residual + p.purchase_option_fee + p.maturity_tax,
            p.maturity_total
        );
        assert_eq!(p.maturity_total, Money::from_cents(3_062_300));
    }

    #[test]
    fn a_purchase_pays_the_fees_owed_then_the_vehicle() {
        let a = purchase_allocation(Money::from_cents(2_500), Money::from_cents(2_500_000));
        assert_eq!(a.fees, Money::from_cents(2_500));
        assert_eq!(a.principal, Money::from_cents(2_497_500));
        assert_eq!(a.total(), Money::from_cents(2_500_000));
        assert_eq!(a.excess, Money::ZERO);
    }
}
