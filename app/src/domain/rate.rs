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
}

impl fmt::Display for Apr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0.normalize())
    }
}
