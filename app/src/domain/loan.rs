//! Retail instalment loans with US-style simple daily interest.
//!
//! * Per diem = principal × APR / 365 (365 also in leap years, see [`Apr::daily`]).
//! * Payments are applied fees → accrued interest → principal; anything beyond the payoff is excess.
//! * The schedule is the contract's projection: PMT = B·i / (1 − (1 + i)^−n) with i = APR/12,
//!   rounded half-up to the cent; each row's interest is the balance × i rounded half-up, and the
//!   last payment absorbs the rounding so principal sums exactly to the amount financed.
//! * Payoff good through a date = principal + accrued unpaid interest + per diem × days to that
//!   date + fees due − credits.
//! * Accrual is path-independent: accrued interest is carried exactly (as principal × APR % ×
//!   days, a finite decimal, over 36,500) and rounded to the cent once, where money is due — when
//!   a payment is applied or a payoff quoted — so looking at the ledger on an intermediate day
//!   never moves a payoff by a cent.

use super::dates::{add_months, days_between};
use super::{Apr, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// The level monthly payment for `principal` over `n` months at `apr`, rounded half-up.
pub fn level_payment(principal: Money, apr: Apr, n: u32) -> Money {
    if n == 0 {
        return principal;
    }
    let b = principal.amount();
    let i = apr.monthly();
    if i.is_zero() {
        return Money::round(b / Decimal::from(n));
    }
    let mut growth = Decimal::ONE;
    for _ in 0..n {
        growth *= Decimal::ONE + i;
    }
    // B·i/(1−(1+i)^−n) written as B·i·(1+i)^n / ((1+i)^n − 1) to avoid a second division.
    Money::round(b * i * growth / (growth - Decimal::ONE))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleRow {
    pub number: u32,
    pub due_date: Date,
    pub payment: Money,
    pub interest: Money,
    pub principal: Money,
    /// Balance after this payment.
    pub balance: Money,
}

/// The amortisation schedule of a loan whose first payment is due on `first_due`.
pub fn amortize(principal: Money, apr: Apr, n: u32, first_due: Date) -> Vec<ScheduleRow> {
    amortize_with(
        principal,
        apr,
        level_payment(principal, apr, n),
        n,
        first_due,
    )
}

/// The schedule of `principal` paid by `payment` a month over at most `n` months (the last
/// payment absorbs the rest, and none follows a balance of zero): a loan made again after a
/// partial prepayment, with a lower payment or fewer of them (`after_prepayment`).
pub fn amortize_with(
    principal: Money,
    apr: Apr,
    payment: Money,
    n: u32,
    first_due: Date,
) -> Vec<ScheduleRow> {
    let mut balance = principal;
    let mut rows = Vec::with_capacity(n as usize);
    for k in 1..=n {
        if !balance.is_positive() {
            break;
        }
        let interest = Money::round(balance.amount() * apr.monthly());
        let principal_part = if k == n {
            balance
        } else {
            (payment - interest).min(balance).max(Money::ZERO)
        };
        balance -= principal_part;
        rows.push(ScheduleRow {
            number: k,
            due_date: add_months(first_due, k - 1),
            payment: principal_part + interest,
            interest,
            principal: principal_part,
            balance,
        });
    }
    rows
}

/// Where a payment went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    pub fees: Money,
    pub interest: Money,
    pub principal: Money,
    /// Paid beyond everything owed (refunded or held as a credit).
    pub excess: Money,
}

impl Allocation {
    pub fn total(&self) -> Money {
        self.fees + self.interest + self.principal + self.excess
    }
}

/// Days in the interest year times 100 (the APR is a percentage): interest = basis / this.
const YEAR_PERCENT_DAYS: Decimal = Decimal::from_parts(36_500, 0, 0, false, 0);

/// A loan's running balance under simple daily interest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoanLedger {
    pub apr: Apr,
    pub principal: Money,
    /// Interest accrued up to `as_of` and not yet paid, exactly, times 36,500 (Σ principal × APR %
    /// × days): sums of these are exact, so accrual does not depend on how often it is done.
    accrued_basis: Decimal,
    pub fees_due: Money,
    pub credits: Money,
    pub as_of: Date,
}

/// A dated payoff quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payoff {
    pub good_through: Date,
    pub principal: Money,
    pub interest: Money,
    pub fees: Money,
    pub credits: Money,
    pub total: Money,
    /// Interest per day on the current principal (rounded for display; accrual uses the exact value).
    pub per_diem: Money,
}

impl LoanLedger {
    /// A new loan: interest accrues from the contract date.
    pub fn open(principal: Money, apr: Apr, contract_date: Date) -> LoanLedger {
        LoanLedger {
            apr,
            principal,
            accrued_basis: Decimal::ZERO,
            fees_due: Money::ZERO,
            credits: Money::ZERO,
            as_of: contract_date,
        }
    }

    fn basis_until(&self, to: Date) -> Decimal {
        let days = days_between(self.as_of, to).max(0);
        self.principal.amount() * self.apr.percent() * Decimal::from(days)
    }

    /// Simple interest on the current principal from `as_of` to `to` (zero if `to` is not later).
    pub fn interest_until(&self, to: Date) -> Money {
        Money::round(self.basis_until(to) / YEAR_PERCENT_DAYS)
    }

    /// Interest accrued to `as_of` and not yet paid, rounded to the cent (half-up).
    pub fn interest_due(&self) -> Money {
        Money::round(self.accrued_basis / YEAR_PERCENT_DAYS)
    }

    /// Interest per day on the current principal, to the cent (half-up, from the exact value:
    /// APR / 365 does not end, so multiplying by it first could miss a midpoint).
    pub fn per_diem(&self) -> Money {
        Money::round(self.per_diem_exact())
    }

    /// Interest per day on the current principal, exactly (principal × APR % / 36,500).
    pub fn per_diem_exact(&self) -> Decimal {
        self.principal.amount() * self.apr.percent() / YEAR_PERCENT_DAYS
    }

    /// Moves the ledger to `date`, adding the interest accrued on the way.
    pub fn accrue_to(&mut self, date: Date) {
        if date > self.as_of {
            self.accrued_basis += self.basis_until(date);
            self.as_of = date;
        }
    }

    pub fn charge_fee(&mut self, amount: Money) {
        self.fees_due += amount;
    }

    /// Applies a payment received on `date`: fees, then interest, then principal.
    pub fn apply_payment(&mut self, date: Date, amount: Money) -> Allocation {
        self.accrue_to(date);
        let mut rest = amount;
        let mut take = |owed: &mut Money| {
            let part = rest.min(*owed);
            *owed -= part;
            rest -= part;
            part
        };
        let fees = take(&mut self.fees_due);
        // The accrued interest becomes money here, rounded once.
        let mut interest_due = self.interest_due();
        let interest = take(&mut interest_due);
        let principal = take(&mut self.principal);
        self.accrued_basis = if interest_due.is_zero() {
            Decimal::ZERO
        } else {
            self.accrued_basis - interest.amount() * YEAR_PERCENT_DAYS
        };
        Allocation {
            fees,
            interest,
            principal,
            excess: rest,
        }
    }

    /// Reverses a returned payment: what it paid is owed again.
    pub fn reverse(&mut self, allocation: &Allocation) {
        self.fees_due += allocation.fees;
        self.accrued_basis += allocation.interest.amount() * YEAR_PERCENT_DAYS;
        self.principal += allocation.principal;
    }

    /// What it takes to close the loan on `good_through` with no other payments before then.
    pub fn payoff(&self, good_through: Date) -> Payoff {
        let basis = self.accrued_basis + self.basis_until(good_through);
        let interest = Money::round(basis / YEAR_PERCENT_DAYS);
        let gross = self.principal + interest + self.fees_due;
        Payoff {
            good_through,
            principal: self.principal,
            interest,
            fees: self.fees_due,
            credits: self.credits,
            total: (gross - self.credits).max(Money::ZERO),
            per_diem: self.per_diem(),
        }
    }
}

/// How a partial prepayment changes the rest of the loan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PrepaymentEffect {
    /// Keep the payment, finish sooner.
    ShortenTerm,
    /// Keep the maturity date, pay less each month.
    LowerPayment,
}

/// The payment and number of remaining payments after a prepayment left `balance` owing.
pub fn after_prepayment(
    balance: Money,
    apr: Apr,
    payment: Money,
    remaining: u32,
    effect: PrepaymentEffect,
) -> (Money, u32) {
    if balance.is_zero() || remaining == 0 {
        return (Money::ZERO, 0);
    }
    match effect {
        PrepaymentEffect::LowerPayment => (level_payment(balance, apr, remaining), remaining),
        PrepaymentEffect::ShortenTerm => {
            let mut b = balance;
            let mut count = 0;
            while b.is_positive() && count < remaining {
                let interest = Money::round(b.amount() * apr.monthly());
                b -= (payment - interest).max(Money::ZERO).min(b);
                count += 1;
            }
            (payment, count)
        }
    }
}
