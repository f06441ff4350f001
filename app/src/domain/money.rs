//! `Money`: an amount held to the cent as a `rust_decimal::Decimal` (never a float).
//! Rounding rule: amounts due are rounded half-up to the cent — a midpoint goes away from zero
//! (0.005 → 0.01, 0.025 → 0.03, −0.005 → −0.01); every rounding in the portal goes through
//! [`Money::round`], so the rule lives in one place. Currency belongs to the contract, not here.

use super::Issue;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Mul, Neg, Sub, SubAssign};
use std::str::FromStr;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Money(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::from_parts(0, 0, 0, false, 2));
    /// Largest amount a person may type (one billion).
    pub const MAX_INPUT: i64 = 1_000_000_000;

    /// Rounds any decimal half-up (away from zero) to the cent.
    pub fn round(value: Decimal) -> Money {
        Money(
            value
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                .normalize_cents(),
        )
    }

    pub fn from_cents(cents: i64) -> Money {
        Money(Decimal::new(cents, 2))
    }

    pub fn cents(self) -> i64 {
        use rust_decimal::prelude::ToPrimitive;
        (self.0 * Decimal::ONE_HUNDRED)
            .trunc()
            .to_i64()
            .unwrap_or(i64::MAX)
    }

    pub fn amount(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn is_positive(self) -> bool {
        self.0 > Decimal::ZERO
    }

    pub fn max(self, other: Money) -> Money {
        if self >= other {
            self
        } else {
            other
        }
    }

    pub fn min(self, other: Money) -> Money {
        if self <= other {
            self
        } else {
            other
        }
    }

    /// Parses an amount a person typed: optional `$`, thousands separators (`,` or spaces), at
    /// most two decimals, positive.
    pub fn parse(input: &str) -> Result<Money, Issue> {
        let trimmed = input
            .trim()
            .trim_start_matches('$')
            .trim_end_matches(['$', '₽'])
            .trim();
        // A decimal comma (French, Russian: "926,18", "1 234,5") when there is no point and the
        // comma is followed by one or two final digits; otherwise commas group thousands.
        let decimal_comma = !trimmed.contains('.')
            && trimmed.rsplit_once(',').is_some_and(|(_, tail)| {
                (1..=2).contains(&tail.len()) && tail.chars().all(|c| c.is_ascii_digit())
            });
        let cleaned: String = trimmed
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .filter(|c| decimal_comma || *c != ',')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        if cleaned.is_empty() {
            return Err(Issue::Required);
        }
        if cleaned.starts_with('-') {
            return Err(Issue::MoneyNegative);
        }
        if !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.')
            || cleaned.matches('.').count() > 1
        {
            return Err(Issue::MoneyFormat);
        }
        if cleaned.split('.').nth(1).is_some_and(|d| d.len() > 2) {
            return Err(Issue::MoneyPrecision);
        }
        // Digits beyond what any amount here has (checked before a decimal type could overflow).
        if cleaned
            .split('.')
            .next()
            .is_some_and(|whole| whole.len() > 12)
        {
            return Err(Issue::MoneyTooLarge);
        }
        let value = Decimal::from_str(&cleaned).map_err(|_| Issue::MoneyFormat)?;
        if value > Decimal::from(Self::MAX_INPUT) {
            return Err(Issue::MoneyTooLarge);
        }
        if value.is_zero() {
            return Err(Issue::MoneyNegative);
        }
        Ok(Money(value).with_cents_scale())
    }

    fn with_cents_scale(self) -> Money {
        let mut d = self.0;
        d.rescale(2);
        Money(d)
    }
}

trait NormalizeCents {
    fn normalize_cents(self) -> Decimal;
}

impl NormalizeCents for Decimal {
    fn normalize_cents(mut self) -> Decimal {
        self.rescale(2);
        self
    }
}

impl TryFrom<Decimal> for Money {
    type Error = Issue;
    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        if value.normalize().scale() > 2 {
            return Err(Issue::MoneyPrecision);
        }
        Ok(Money(value).with_cents_scale())
    }
}

impl From<Money> for Decimal {
    /// Always two decimals, so "0.00" and never "0" goes over the wire.
    fn from(m: Money) -> Decimal {
        let mut d = m.0;
        d.rescale(2);
        d
    }
}

impl fmt::Display for Money {
    /// Plain `1234.56` (locale formatting is the UI's job).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl SubAssign for Money {
    fn sub_assign(&mut self, rhs: Money) {
        self.0 -= rhs.0;
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

/// Multiplying by a count (e.g. remaining payments) stays exact.
impl Mul<u32> for Money {
    type Output = Money;
    fn mul(self, rhs: u32) -> Money {
        Money(self.0 * Decimal::from(rhs))
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

/// Formats with thousands separators and two decimals for a currency, e.g. `$1,234.56`.
/// (Locale-aware formatting replaces this when the languages land.)
pub fn format_money(m: Money, currency: &str) -> String {
    let s = format!("{:.2}", m.amount().abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if m.amount().is_sign_negative() && !m.is_zero() {
        "−"
    } else {
        ""
    };
    let symbol = match currency {
        "USD" => "$",
        "CAD" => "CA$",
        "RUB" => "₽",
        other => other,
    };
    format!("{sign}{symbol}{grouped}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounds_midpoints_half_up_away_from_zero() {
        let cases = [
            (dec!(0.005), "0.01"),
            (dec!(0.015), "0.02"),
            (dec!(0.025), "0.03"), // banker's rounding would give 0.02
            (dec!(0.035), "0.04"),
            (dec!(2.675), "2.68"),
            (dec!(1.004999), "1.00"),
            (dec!(1.005000), "1.01"),
            (dec!(-0.005), "-0.01"),
            (dec!(-2.675), "-2.68"),
            (dec!(123.4449), "123.44"),
            (dec!(0), "0.00"),
        ];
        for (input, want) in cases {
            assert_eq!(Money::round(input).to_string(), want, "{input}");
        }
    }

    #[test]
    fn cents_round_trip() {
        for c in [0, 1, 99, 100, 12345, -250, 4_850_000] {
            assert_eq!(Money::from_cents(c).cents(), c);
        }
        assert_eq!(Money::from_cents(42518).to_string(), "425.18");
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Money::parse("425.18").unwrap(), Money::from_cents(42518));
        assert_eq!(Money::parse("$1,234.5").unwrap(), Money::from_cents(123450));
        assert_eq!(Money::parse(" 1 234 ").unwrap(), Money::from_cents(123400));
        // French and Russian decimal commas, with their group spaces and trailing symbols.
        assert_eq!(Money::parse("926,18").unwrap(), Money::from_cents(92618));
        assert_eq!(
            Money::parse("1\u{a0}234,5 $").unwrap(),
            Money::from_cents(123450)
        );
        assert_eq!(
            Money::parse("1 234,56 ₽").unwrap(),
            Money::from_cents(123456)
        );
        // A comma followed by three digits groups thousands, as before.
        assert_eq!(Money::parse("1,234").unwrap(), Money::from_cents(123400));
        assert_eq!(Money::parse("1,234.56").unwrap(), Money::from_cents(123456));
        assert_eq!(Money::parse("425.185"), Err(Issue::MoneyPrecision));
        assert_eq!(Money::parse("-5"), Err(Issue::MoneyNegative));
        assert_eq!(Money::parse("0.00"), Err(Issue::MoneyNegative));
        assert_eq!(Money::parse("12a"), Err(Issue::MoneyFormat));
        assert_eq!(Money::parse("1.2.3"), Err(Issue::MoneyFormat));
        assert_eq!(Money::parse(""), Err(Issue::Required));
        assert_eq!(Money::parse("99999999999"), Err(Issue::MoneyTooLarge));
        assert_eq!(Money::parse("99999999999999"), Err(Issue::MoneyTooLarge));
        assert_eq!(
            Money::parse("9999999999999999999999999999999999"),
            Err(Issue::MoneyTooLarge)
        );
    }

    #[test]
    fn serde_keeps_cents_and_refuses_fractions_of_a_cent() {
        let m = Money::from_cents(100050);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, "\"1000.50\"");
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
        assert!(serde_json::from_str::<Money>("\"1.001\"").is_err());
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(
            format_money(Money::from_cents(123456789), "USD"),
            "$1,234,567.89"
        );
        assert_eq!(format_money(Money::from_cents(5), "USD"), "$0.05");
        assert_eq!(format_money(Money::from_cents(-250), "USD"), "−$2.50");
        assert_eq!(
            format_money(Money::from_cents(100000), "CAD"),
            "CA$1,000.00"
        );
    }
}
