//! Display formatting for money and dates (English for now; the languages issue makes it
//! locale-aware).

use crate::domain::money::format_money;
use crate::domain::Money;
use time::Date;

pub fn money(m: Money, currency: &str) -> String {
    format_money(m, currency)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Dec 15, 2026"
pub fn date(d: Date) -> String {
    format!(
        "{} {}, {}",
        MONTHS[d.month() as usize - 1],
        d.day(),
        d.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn formats() {
        assert_eq!(date(date!(2026 - 12 - 03)), "Dec 3, 2026");
        assert_eq!(money(Money::from_cents(92618), "USD"), "$926.18");
    }
}
