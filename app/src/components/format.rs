//! Display formatting for money and dates in the language of the page being rendered
//! (see `i18n::format` for the three layouts).

use crate::domain::Money;
use crate::i18n::{self, current};
use time::Date;

/// "$926.18" / "926,18 $ US" / "926,18 $" — the currency is the contract's.
pub fn money(m: Money, currency: &str) -> String {
    i18n::format::money(current(), m, currency)
}

/// "Dec 3, 2026" / "3 déc. 2026" / "3 дек. 2026 г."
pub fn date(d: Date) -> String {
    i18n::format::date(current(), d)
}

/// A date in a table cell: "12/03/2026" / "2026-12-03" / "03.12.2026", never wrapped.
pub fn short_date(d: Date) -> String {
    i18n::format::short_date(current(), d)
}

/// A moment (unix seconds) with the time of day, in the customer's time zone (`i18n::zone`).
pub fn date_time(unix: i64) -> String {
    i18n::format::date_time(current(), unix, i18n::zone::offset_at(unix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn formats_in_english_without_a_page_language() {
        assert_eq!(date(date!(2026 - 12 - 03)), "Dec 3, 2026");
        assert_eq!(money(Money::from_cents(92618), "USD"), "$926.18");
    }
}
