//! `Apr`: an annual percentage rate as a decimal percentage (5.49 means 5.49 %), with the derived
//! periodic rates the loan and lease formulas use. Kept unrounded; only money is rounded.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Serialize, Deserialize)]
pub struct Apr(Decimal);

impl Apr {
    pub const MAX: Decimal = Decimal::from_parts(100, 0, 0, false, 0);

    /// A rate between 0 and 100 percent.
    pub fn new(percent: Decimal) -> Option<Apr> {
        (percent >= Decimal::ZERO && percent <= Self::MAX).then_some(Apr(percent))
    }

    pub fn parse(s: &str) -> Option<Apr> {
        Decimal::from_str(s.trim()).ok().and_then(Apr::new)
    }

    pub fn percent(self) -> Decimal {
        self.0
    }

    /// APR / 12 as a fraction (the amortisation formula's i).
    pub fn monthly(self) -> Decimal {
        self.0 / Decimal::from(1200)
    }

    /// APR / 365 as a fraction. Simple daily interest uses 365 days in leap years too
    /// ("actual/365 fixed"): 29 February accrues a day's interest like any other day.
    pub fn daily(self) -> Decimal {
        self.0 / Decimal::from(36500)
    }

    /// A lease's money factor: APR / 2400.
    pub fn money_factor(self) -> Decimal {
        self.0 / Decimal::from(2400)
    }

    /// The money factor as shown to people: seven decimals, enough that (cap cost + residual) ×
    /// the shown factor gives the monthly rent charge to the cent on any car loan or lease
    /// (5.1% → 0.002125, where five decimals showed 0.00212 and did not add up).
    pub fn money_factor_shown(self) -> Decimal {
        self.money_factor().round_dp(7).normalize()
    }
}

impl fmt::Display for Apr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0.normalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_shown_money_factor_gives_the_rent_charge_to_the_cent() {
        let apr = Apr::parse("5.1").unwrap();
        assert_eq!(apr.money_factor_shown().to_string(), "0.002125");
        assert_eq!(
            Apr::parse("4.99").unwrap().money_factor_shown(),
            dec!(0.0020792)
        );
        for (rate, cap_plus_residual) in [
            ("5.1", dec!(64291.76)),
            ("4.99", dec!(58120.00)),
            ("6.75", dec!(91234.56)),
            ("2.9", dec!(31999.99)),
        ] {
            let apr = Apr::parse(rate).unwrap();
            let exact = (cap_plus_residual * apr.money_factor()).round_dp(2);
            let shown = (cap_plus_residual * apr.money_factor_shown()).round_dp(2);
            assert_eq!(shown, exact, "{rate}% on {cap_plus_residual}");
        }
    }
}
