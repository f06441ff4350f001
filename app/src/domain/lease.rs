//! Closed-end vehicle leases.
//!
//! * Monthly depreciation = (adjusted capitalized cost − residual) / n.
//! * Monthly rent charge = (adjusted capitalized cost + residual) × money factor (APR / 2400).
//! * Monthly tax = (depreciation + rent charge) × tax rate. Each part is rounded half-up to the cent.
//! * Purchase at maturity = residual + purchase-option fee, plus tax on that.
//! * Early buyout after `k` payments = remaining payments + residual − unearned rent charge
//!   (the rent charge of the payments not yet due) + purchase-option fee.

use super::account::Installment;
use super::dates::add_months;
use super::{Apr, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseTerms {
    pub adjusted_cap_cost: Money,
    pub residual: Money,
    pub apr: Apr,
    pub term_months: u32,
    /// Sales tax on payments, as a percentage (e.g. 13 for 13 %).
    pub tax_percent: Decimal,
    pub purchase_option_fee: Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeasePayment {
    pub depreciation: Money,
    pub rent_charge: Money,
    pub tax: Money,
    pub total: Money,
}

impl LeaseTerms {
    fn tax_on(&self, amount: Money) -> Money {
        Money::round(amount.amount() * self.tax_percent / Decimal::ONE_HUNDRED)
    }

    pub fn monthly_payment(&self) -> LeasePayment {
        let n = Decimal::from(self.term_months.max(1));
        let depreciation = Money::round((self.adjusted_cap_cost - self.residual).amount() / n);
        let rent_charge = Money::round(
            (self.adjusted_cap_cost + self.residual).amount() * self.apr.money_factor(),
        );
        let tax = self.tax_on(depreciation + rent_charge);
        LeasePayment {
            depreciation,
            rent_charge,
            tax,
            total: depreciation + rent_charge + tax,
        }
    }

    /// The price to buy the vehicle at the end of the lease.
    pub fn maturity_purchase_price(&self) -> Money {
        let base = self.residual + self.purchase_option_fee;
        base + self.tax_on(base)
    }

    /// The price to buy the vehicle after `payments_made` payments.
    pub fn early_buyout(&self, payments_made: u32) -> Money {
        let remaining = self.term_months.saturating_sub(payments_made);
        let p = self.monthly_payment();
        let remaining_payments = p.total * remaining;
        let unearned_rent = p.rent_charge * remaining;
        remaining_payments + self.residual - unearned_rent + self.purchase_option_fee
    }

    /// The payment schedule from `first_due`: the same payment every month; each month's
    /// depreciation brings the balance down, and the last month's takes up the cents that rounding
    /// the monthly depreciation left over (its rent charge gives them back), so the balance after
    /// the last payment is exactly the residual.
    pub fn schedule(&self, first_due: time::Date) -> Vec<Installment> {
        let p = self.monthly_payment();
        let mut balance = self.adjusted_cap_cost;
        (1..=self.term_months)
            .map(|k| {
                let (depreciation, rent_charge) = if k == self.term_months {
                    let last = balance - self.residual;
                    (last, p.rent_charge + p.depreciation - last)
                } else {
                    (p.depreciation, p.rent_charge)
                };
                balance -= depreciation;
                Installment {
                    number: k,
                    due_date: add_months(first_due, k - 1),
                    payment: p.total,
                    interest: rent_charge,
                    principal: depreciation,
                    tax: p.tax,
                    balance,
                }
            })
            .collect()
    }

    /// Total of the payments over the term.
    pub fn total_of_payments(&self) -> Money {
        self.monthly_payment().total * self.term_months
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn example() -> LeaseTerms {
        // Cap cost 46,125.00, residual 26,750.00, APR 4.20 % (money factor 0.00175), 36 months, 13 % tax.
        LeaseTerms {
            adjusted_cap_cost: Money::from_cents(4_612_500),
            residual: Money::from_cents(2_675_000),
            apr: Apr::new(dec!(4.20)).unwrap(),
            term_months: 36,
            tax_percent: dec!(13),
            purchase_option_fee: Money::from_cents(35_000),
        }
    }

    #[test]
    fn monthly_payment_parts() {
        let p = example().monthly_payment();
        // (46125 − 26750) / 36 = 538.194… → 538.19
        assert_eq!(p.depreciation, Money::from_cents(53_819));
        // (46125 + 26750) × 0.00175 = 127.53125 → 127.53
        assert_eq!(p.rent_charge, Money::from_cents(12_753));
        // (538.19 + 127.53) × 13 % = 86.5436 → 86.54
        assert_eq!(p.tax, Money::from_cents(8_654));
        assert_eq!(p.total, Money::from_cents(75_226));
    }

    #[test]
    fn purchase_prices() {
        let t = example();
        // (26750 + 350) × 1.13 = 30623.00
        assert_eq!(t.maturity_purchase_price(), Money::from_cents(3_062_300));
        // after 33 of 36: 3 × 752.26 + 26750 − 3 × 127.53 + 350 = 28974.19
        assert_eq!(t.early_buyout(33), Money::from_cents(2_897_419));
        // at maturity the buyout is residual + fee (before tax)
        assert_eq!(t.early_buyout(36), Money::from_cents(2_710_000));
        assert_eq!(t.total_of_payments(), Money::from_cents(75_226 * 36));
    }

    #[test]
    fn the_schedule_ends_exactly_at_the_residual_with_equal_payments() {
        // Olga's lease: depreciation rounds, so 36 equal months leave cents over.
        let t = LeaseTerms {
            adjusted_cap_cost: Money::from_cents(4_199_000),
            residual: Money::from_cents(2_230_000),
            apr: Apr::parse("5.10").unwrap(),
            term_months: 39,
            tax_percent: dec!(8.875),
            purchase_option_fee: Money::from_cents(39_000),
        };
        let p = t.monthly_payment();
        assert_ne!(
            p.depreciation * 39,
            t.adjusted_cap_cost - t.residual,
            "rounding leaves cents over"
        );
        let rows = t.schedule(time::macros::date!(2024 - 06 - 01));
        assert_eq!(rows.len(), 39);
        assert_eq!(rows.last().unwrap().balance, t.residual);
        assert!(rows.iter().all(|r| r.payment == p.total && r.tax == p.tax));
        assert!(rows
            .iter()
            .all(|r| r.principal + r.interest + r.tax == r.payment));
        let depreciation: Money = rows.iter().map(|r| r.principal).sum();
        assert_eq!(depreciation, t.adjusted_cap_cost - t.residual);
        assert_eq!(rows[38].due_date, time::macros::date!(2027 - 08 - 01));
        // Only the last month differs, and by cents.
        assert!(rows[..38].iter().all(|r| r.principal == p.depreciation));
        assert!((rows[38].principal - p.depreciation).amount().abs() < dec!(1));
    }
}
