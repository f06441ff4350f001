//! Bank accounts customers pay from, by country: a US ABA routing number (9 digits, 3-7-1
//! checksum) with a 4–17-digit account; a Canadian institution (3 digits) and transit (5 digits)
//! with a 7–12-digit account; a Russian BIK (9 digits) with a 20-digit account whose control key
//! (its 9th digit) is checked against the BIK. People type spaces and dashes; they are dropped.

use super::Issue;
use serde::{Deserialize, Serialize};

fn digits(input: &str) -> Option<String> {
    let cleaned: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\u{a0}'))
        .collect();
    (!cleaned.is_empty() && cleaned.chars().all(|c| c.is_ascii_digit())).then_some(cleaned)
}

fn fixed(input: &str, len: usize, issue: Issue) -> Result<String, Issue> {
    if input.trim().is_empty() {
        return Err(Issue::Required);
    }
    digits(input).filter(|d| d.len() == len).ok_or(issue)
}

fn digit_values(s: &str) -> impl Iterator<Item = u32> + '_ {
    s.bytes().map(|b| (b - b'0') as u32)
}

/// A US ABA routing number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingNumber(String);

impl RoutingNumber {
    pub fn parse(input: &str) -> Result<RoutingNumber, Issue> {
        let d = fixed(input, 9, Issue::RoutingNumberFormat)?;
        let sum: u32 = digit_values(&d)
            .zip([3, 7, 1].iter().cycle())
            .map(|(v, w)| v * w)
            .sum();
        if !sum.is_multiple_of(10) {
            return Err(Issue::RoutingNumberCheck);
        }
        Ok(RoutingNumber(d))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The digits of an account number, checked for the country's length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountNumber(String);

impl AccountNumber {
    /// A US account (4–17 digits) or, with other bounds, a Canadian one (7–12).
    pub fn parse(input: &str, min: usize, max: usize) -> Result<AccountNumber, Issue> {
        if input.trim().is_empty() {
            return Err(Issue::Required);
        }
        digits(input)
            .filter(|d| (min..=max).contains(&d.len()))
            .map(AccountNumber)
            .ok_or(Issue::AccountNumberFormat { min, max })
    }

    /// The account entered a second time must be the same digits.
    pub fn confirm(&self, again: &str) -> Result<(), Issue> {
        (digits(again).as_deref() == Some(self.0.as_str()))
            .then_some(())
            .ok_or(Issue::AccountNumberMismatch)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last four digits, the only part ever shown again ("••1234").
    pub fn last4(&self) -> &str {
        &self.0[self.0.len().saturating_sub(4)..]
    }
}

/// A Russian bank identification code (БИК): 9 digits, starting 04.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bik(String);

impl Bik {
    pub fn parse(input: &str) -> Result<Bik, Issue> {
        let d = fixed(input, 9, Issue::BikFormat)?;
        d.starts_with("04")
            .then_some(Bik(d))
            .ok_or(Issue::BikFormat)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Russian 20-digit account at the bank of `bik`, its control key checked (Bank of Russia
/// regulation 385-P: the BIK's last three digits and the account, weighted 7-1-3, sum to a
/// multiple of 10).
pub fn ru_account(input: &str, bik: &Bik) -> Result<AccountNumber, Issue> {
    let d = fixed(input, 20, Issue::RuAccountFormat)?;
    keyed(&bik.0[6..], d)
}

/// The correspondent account (корр. счёт) of the bank of `bik` at the Bank of Russia: 20 digits
/// starting 30101 and ending with the BIK's last three digits; its control key is taken with "0"
/// and the BIK's 5th–6th digits in place of a branch code (385-P).
pub fn ru_corr_account(input: &str, bik: &Bik) -> Result<AccountNumber, Issue> {
    let d = fixed(input, 20, Issue::RuAccountFormat)?;
    if !d.starts_with("30101") {
        return Err(Issue::RuAccountFormat);
    }
    if !d.ends_with(&bik.0[6..]) {
        return Err(Issue::RuAccountKey);
    }
    keyed(&format!("0{}", &bik.0[4..6]), d)
}

/// The 385-P control key: `bank` (three digits) then the account, weighted 7-1-3, the last digits
/// of the products summing to a multiple of 10.
fn keyed(bank: &str, account: String) -> Result<AccountNumber, Issue> {
    let sum: u32 = digit_values(&format!("{bank}{account}"))
        .zip([7, 1, 3].iter().cycle())
        .map(|(v, w)| (v * w) % 10)
        .sum();
    if !sum.is_multiple_of(10) {
        return Err(Issue::RuAccountKey);
    }
    Ok(AccountNumber(account))
}

/// A Canadian institution number (3 digits) and branch transit number (5 digits).
pub fn ca_institution(input: &str) -> Result<String, Issue> {
    fixed(input, 3, Issue::InstitutionNumberFormat)
}

pub fn ca_transit(input: &str) -> Result<String, Issue> {
    fixed(input, 5, Issue::TransitNumberFormat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aba_routing_numbers_are_checked() {
        // Real published routing numbers (JPMorgan Chase NY, Bank of America CA, Wells Fargo).
        for good in ["021000021", "121000358", "121042882", "0210 0002-1"] {
            assert!(RoutingNumber::parse(good).is_ok(), "{good}");
        }
        assert_eq!(
            RoutingNumber::parse("021000022"),
            Err(Issue::RoutingNumberCheck)
        );
        assert_eq!(
            RoutingNumber::parse("02100002"),
            Err(Issue::RoutingNumberFormat)
        );
        assert_eq!(
            RoutingNumber::parse("02100002a"),
            Err(Issue::RoutingNumberFormat)
        );
        assert_eq!(RoutingNumber::parse("  "), Err(Issue::Required));
    }

    #[test]
    fn account_numbers_have_lengths_and_are_typed_twice() {
        let a = AccountNumber::parse("0001 2345 6789", 4, 17).unwrap();
        assert_eq!(a.as_str(), "000123456789");
        assert_eq!(a.last4(), "6789");
        assert!(a.confirm("000123456789").is_ok());
        assert_eq!(a.confirm("000123456788"), Err(Issue::AccountNumberMismatch));
        assert_eq!(
            AccountNumber::parse("123", 4, 17),
            Err(Issue::AccountNumberFormat { min: 4, max: 17 })
        );
        assert!(AccountNumber::parse("123456789012345678", 4, 17).is_err());
        assert!(AccountNumber::parse("1234567", 7, 12).is_ok());
    }

    #[test]
    fn russian_accounts_are_checked_against_the_bik() {
        // Sberbank Moscow's BIK; the account's 9th digit (8) is the key 385-P gives for it.
        let bik = Bik::parse("044525225").unwrap();
        assert!(ru_account("40702810938000000001", &bik).is_ok());
        assert_eq!(
            ru_account("40702810938000000002", &bik),
            Err(Issue::RuAccountKey)
        );
        assert_eq!(
            ru_account("4070281093800000000", &bik),
            Err(Issue::RuAccountFormat)
        );
        // Sberbank's published correspondent account.
        assert!(ru_corr_account("30101810400000000225", &bik).is_ok());
        assert_eq!(
            ru_corr_account("30101810500000000225", &bik),
            Err(Issue::RuAccountKey)
        );
        assert_eq!(
            ru_corr_account("30101810400000000226", &bik),
            Err(Issue::RuAccountKey),
            "must end with the BIK's last three digits"
        );
        assert_eq!(
            ru_corr_account("40702810938000000001", &bik),
            Err(Issue::RuAccountFormat)
        );
        assert_eq!(Bik::parse("144525225"), Err(Issue::BikFormat));
        assert_eq!(ca_transit("12345"), Ok("12345".into()));
        assert_eq!(ca_institution("0041"), Err(Issue::InstitutionNumberFormat));
    }
}
