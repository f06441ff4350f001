//! Debit cards, checked before anything leaves the page: the number (12–19 digits, Luhn), the
//! expiry (not before this month) and the security code (3 digits, 4 for American Express). The
//! number and code go once to the processor, which returns a token; only the brand and last four
//! are kept.

use super::Issue;
use serde::{Deserialize, Serialize};
use time::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CardBrand {
    Visa,
    Mastercard,
    Amex,
    Discover,
    Mir,
    Other,
}

impl CardBrand {
    pub fn name(self) -> &'static str {
        match self {
            CardBrand::Visa => "Visa",
            CardBrand::Mastercard => "Mastercard",
            CardBrand::Amex => "American Express",
            CardBrand::Discover => "Discover",
            CardBrand::Mir => "Mir",
            CardBrand::Other => "Card",
        }
    }
}

/// A card number that passed the Luhn check. Never stored or logged: `Debug` shows the last four.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardNumber(String);

impl std::fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CardNumber(••{})", self.last4())
    }
}

pub fn luhn_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let v = (b - b'0') as u32;
            if i % 2 == 1 {
                let d = v * 2;
                if d > 9 {
                    d - 9
                } else {
                    d
                }
            } else {
                v
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

impl CardNumber {
    pub fn parse(input: &str) -> Result<CardNumber, Issue> {
        let cleaned: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if cleaned.is_empty() {
            return Err(Issue::Required);
        }
        if !cleaned.chars().all(|c| c.is_ascii_digit()) || !(12..=19).contains(&cleaned.len()) {
            return Err(Issue::CardNumberFormat);
        }
        if !luhn_ok(&cleaned) {
            return Err(Issue::CardNumberCheck);
        }
        Ok(CardNumber(cleaned))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }

    pub fn last4(&self) -> &str {
        &self.0[self.0.len() - 4..]
    }

    pub fn brand(&self) -> CardBrand {
        let n = &self.0;
        let prefix = |len: usize| n[..len].parse::<u32>().unwrap_or(0);
        match (prefix(1), prefix(2), prefix(4)) {
            (4, _, _) => CardBrand::Visa,
            (_, 34 | 37, _) => CardBrand::Amex,
            (_, 51..=55, _) | (_, _, 2221..=2720) => CardBrand::Mastercard,
            (_, _, 2200..=2204) => CardBrand::Mir,
            (_, 65, _) | (_, _, 6011) => CardBrand::Discover,
            _ => CardBrand::Other,
        }
    }
}

/// A card's expiry month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expiry {
    pub month: u8,
    pub year: i32,
}

impl Expiry {
    /// "MM/YY", "MM / YYYY", "MMYY"; a card is good through the last day of its month.
    pub fn parse(input: &str, today: Date) -> Result<Expiry, Issue> {
        let digits: String = input.chars().filter(|c| c.is_ascii_digit()).collect();
        if input.trim().is_empty() {
            return Err(Issue::Required);
        }
        let (m, y) = match digits.len() {
            4 => (&digits[..2], format!("20{}", &digits[2..])),
            6 => (&digits[..2], digits[2..].to_string()),
            _ => return Err(Issue::CardExpiryFormat),
        };
        let month: u8 = m.parse().map_err(|_| Issue::CardExpiryFormat)?;
        let year: i32 = y.parse().map_err(|_| Issue::CardExpiryFormat)?;
        if !(1..=12).contains(&month) {
            return Err(Issue::CardExpiryFormat);
        }
        if (year, month) < (today.year(), today.month() as u8) {
            return Err(Issue::CardExpired);
        }
        if year > today.year() + 20 {
            return Err(Issue::CardExpiryFormat);
        }
        Ok(Expiry { month, year })
    }
}

/// The security code: 3 digits, 4 on American Express. Never stored or logged.
pub fn check_cvc(input: &str, brand: CardBrand) -> Result<(), Issue> {
    let want = if brand == CardBrand::Amex { 4 } else { 3 };
    let d = input.trim();
    if d.is_empty() {
        return Err(Issue::Required);
    }
    (d.len() == want && d.chars().all(|c| c.is_ascii_digit()))
        .then_some(())
        .ok_or(Issue::CardCvcFormat { digits: want })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn numbers_pass_luhn_and_name_their_brand() {
        for (n, brand) in [
            ("4111 1111 1111 1111", CardBrand::Visa),
            ("5555-5555-5555-4444", CardBrand::Mastercard),
            ("2223003122003222", CardBrand::Mastercard),
            ("378282246310005", CardBrand::Amex),
            ("6011111111111117", CardBrand::Discover),
            ("2200000000000004", CardBrand::Mir),
        ] {
            let c = CardNumber::parse(n).unwrap_or_else(|e| panic!("{n}: {e:?}"));
            assert_eq!(c.brand(), brand, "{n}");
        }
        assert_eq!(
            CardNumber::parse("4111111111111112"),
            Err(Issue::CardNumberCheck)
        );
        assert_eq!(CardNumber::parse("4111"), Err(Issue::CardNumberFormat));
        assert_eq!(
            CardNumber::parse("4111x11111111111"),
            Err(Issue::CardNumberFormat)
        );
        let c = CardNumber::parse("4111111111111111").unwrap();
        assert_eq!(c.last4(), "1111");
        assert_eq!(
            format!("{c:?}"),
            "CardNumber(••1111)",
            "the number never reaches a log"
        );
    }

    #[test]
    fn expiry_is_good_through_its_month() {
        let today = date!(2026 - 12 - 06);
        assert_eq!(
            Expiry::parse("12/26", today),
            Ok(Expiry {
                month: 12,
                year: 2026
            })
        );
        assert_eq!(
            Expiry::parse("01 / 2027", today),
            Ok(Expiry {
                month: 1,
                year: 2027
            })
        );
        assert_eq!(Expiry::parse("11/26", today), Err(Issue::CardExpired));
        assert_eq!(Expiry::parse("13/27", today), Err(Issue::CardExpiryFormat));
        assert_eq!(Expiry::parse("1/27", today), Err(Issue::CardExpiryFormat));
        assert_eq!(Expiry::parse("", today), Err(Issue::Required));
    }

    #[test]
    fn security_codes_have_the_brands_length() {
        assert!(check_cvc("123", CardBrand::Visa).is_ok());
        assert_eq!(
            check_cvc("123", CardBrand::Amex),
            Err(Issue::CardCvcFormat { digits: 4 })
        );
        assert!(check_cvc("1234", CardBrand::Amex).is_ok());
        assert_eq!(
            check_cvc("12a", CardBrand::Visa),
            Err(Issue::CardCvcFormat { digits: 3 })
        );
    }
}
