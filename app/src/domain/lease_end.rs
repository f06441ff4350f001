//! The end of a lease (issue 16, seed 000): when its options open (120 days before maturity; extra
//! miles can be bought at the pre-paid rate only until then), and the estimate of what a return
//! costs — miles over the allowance (less miles bought ahead) at the contract's rate, plus wear
//! the customer declares — each product rounded half-up to the cent once.

use super::dates::days_between;
use super::Money;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// Days before maturity from which the lease-end options are offered.
pub const WINDOW_DAYS: i64 = 120;

/// Whether the lease-end page offers its options on `today` (from 120 days before maturity on).
pub fn options_open(today: Date, maturity: Date) -> bool {
    days_between(today, maturity) <= WINDOW_DAYS
}

/// Whether extra miles can still be bought at the pre-paid rate (until 120 days before maturity).
pub fn extra_miles_open(today: Date, maturity: Date) -> bool {
    !options_open(today, maturity)
}

/// What returning the vehicle is estimated to cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnEstimate {
    /// Miles over the allowance and the miles bought ahead.
    pub excess_miles: u64,
    pub mileage_charge: Money,
    pub wear_charge: Money,
    pub total: Money,
}

/// The estimate for an odometer reading `odometer` against `allowed_miles` for the whole term,
/// `bought_miles` bought ahead, `rate_per_mile` (e.g. 0.25), and the declared wear.
pub fn return_estimate(
    odometer: u64,
    allowed_miles: u64,
    bought_miles: u64,
    rate_per_mile: Decimal,
    wear: Money,
) -> ReturnEstimate {
    let excess_miles = odometer.saturating_sub(allowed_miles + bought_miles);
    let mileage_charge = Money::round(rate_per_mile * Decimal::from(excess_miles));
    ReturnEstimate {
        excess_miles,
        mileage_charge,
        wear_charge: wear,
        total: mileage_charge + wear,
    }
}

/// The fewest and the most miles one purchase buys ahead.
pub const MIN_MILES_BOUGHT: u64 = 100;
pub const MAX_MILES_BOUGHT: u64 = 20_000;

/// Miles to buy ahead as typed ("5,000", "5000"): whole, from 100 to 20,000.
pub fn miles_to_buy(raw: &str) -> Result<u64, super::Issue> {
    let digits: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() {
        return Err(super::Issue::Required);
    }
    match digits.parse::<u64>() {
        Ok(m)
            if (MIN_MILES_BOUGHT..=MAX_MILES_BOUGHT).contains(&m)
                && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Ok(m)
        }
        _ => Err(super::Issue::MilesToBuy),
    }
}

/// The price of `miles` extra miles bought ahead at the pre-paid rate.
pub fn extra_miles_price(miles: u64, prepaid_rate: Decimal) -> Money {
    Money::round(prepaid_rate * Decimal::from(miles))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Issue;
    use rust_decimal_macros::dec;
    use time::macros::date;

    #[test]
    fn the_options_open_120_days_before_maturity_and_extra_miles_close_then() {
        let maturity = date!(2027 - 04 - 10);
        let opens = date!(2026 - 12 - 11);
        assert_eq!(days_between(opens, maturity), 120);
        assert!(!options_open(opens - time::Duration::days(1), maturity));
        assert!(extra_miles_open(opens - time::Duration::days(1), maturity));
        assert!(options_open(opens, maturity));
        assert!(!extra_miles_open(opens, maturity));
        // Past maturity (not yet returned) the options stay open.
        assert!(options_open(date!(2027 - 05 - 01), maturity));
    }

    #[test]
    fn a_return_costs_the_miles_over_the_allowance_and_the_wear() {
        let e = return_estimate(38_500, 36_000, 0, dec!(0.25), Money::from_cents(15_000));
        assert_eq!(e.excess_miles, 2_500);
        assert_eq!(e.mileage_charge, Money::from_cents(62_500));
        assert_eq!(e.total, Money::from_cents(77_500));
        // Miles bought ahead count towards the allowance; under it, nothing is owed for miles.
        let e = return_estimate(38_500, 36_000, 3_000, dec!(0.25), Money::ZERO);
        assert_eq!((e.excess_miles, e.total), (0, Money::ZERO));
    }

    #[test]
    fn mileage_products_round_half_up_once() {
        // 0.125 × 3 = 0.375 → 0.38; 0.005 × 1 → 0.01.
        assert_eq!(
            return_estimate(3, 0, 0, dec!(0.125), Money::ZERO).mileage_charge,
            Money::from_cents(38)
        );
        assert_eq!(extra_miles_price(1, dec!(0.005)), Money::from_cents(1));
        assert_eq!(
            extra_miles_price(1_000, dec!(0.15)),
            Money::from_cents(15_000)
        );
    }

    #[test]
    fn miles_to_buy_are_whole_from_100_to_20000() {
        assert_eq!(miles_to_buy("5,000"), Ok(5000));
        assert_eq!(miles_to_buy(" 100 "), Ok(100));
        assert_eq!(miles_to_buy("20000"), Ok(20_000));
        assert_eq!(miles_to_buy(""), Err(Issue::Required));
        for bad in ["99", "20001", "5000.5", "-500", "+500", "five", "0"] {
            assert_eq!(miles_to_buy(bad), Err(Issue::MilesToBuy), "{bad}");
        }
        // 5,000 miles at 0.15: 750.00; 333 miles at 0.155: 51.615 rounds half-up to 51.62.
        assert_eq!(
            extra_miles_price(5000, dec!(0.15)),
            Money::from_cents(75_000)
        );
        assert_eq!(
            extra_miles_price(333, dec!(0.155)),
            Money::from_cents(5_162)
        );
    }
}
