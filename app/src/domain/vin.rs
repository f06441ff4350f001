//! `Vin`: a 17-character Vehicle Identification Number (ISO 3779). Letters I, O and Q never occur.
//! The 9th character is a check digit (49 CFR 565) for vehicles made for North America — world
//! manufacturer identifiers starting 1–5 — and is verified for those; other regions do not require it.

use super::Issue;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Vin(String);

const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

fn transliterate(c: char) -> Option<u32> {
    Some(match c {
        '0'..='9' => c.to_digit(10)?,
        'A' | 'J' => 1,
        'B' | 'K' | 'S' => 2,
        'C' | 'L' | 'T' => 3,
        'D' | 'M' | 'U' => 4,
        'E' | 'N' | 'V' => 5,
        'F' | 'W' => 6,
        'G' | 'P' | 'X' => 7,
        'H' | 'Y' => 8,
        'R' | 'Z' => 9,
        _ => return None,
    })
}

/// The check digit a VIN's other 16 characters call for ('0'–'9' or 'X').
pub fn check_digit(chars: &[char; 17]) -> Option<char> {
    let mut sum = 0;
    for (c, w) in chars.iter().zip(WEIGHTS) {
        sum += transliterate(*c)? * w;
    }
    let r = sum % 11;
    Some(if r == 10 {
        'X'
    } else {
        char::from_digit(r, 10)?
    })
}

impl Vin {
    pub fn parse(input: &str) -> Result<Vin, Issue> {
        let s: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_uppercase();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        if s.chars().count() != 17 {
            return Err(Issue::VinLength);
        }
        if !s.chars().all(|c| c.is_ascii_alphanumeric()) || s.contains(['I', 'O', 'Q']) {
            return Err(Issue::VinCharacters);
        }
        let chars: [char; 17] = s
            .chars()
            .collect::<Vec<_>>()
            .try_into()
            .map_err(|_| Issue::VinLength)?;
        if Self::north_american(&chars) && check_digit(&chars) != Some(chars[8]) {
            return Err(Issue::VinCheckDigit);
        }
        Ok(Vin(s))
    }

    fn north_american(chars: &[char; 17]) -> bool {
        matches!(chars[0], '1'..='5')
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last six characters (the serial), which is all a screen needs to tell cars apart.
    pub fn last_six(&self) -> &str {
        &self.0[11..]
    }
}

impl TryFrom<String> for Vin {
    type Error = Issue;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Vin::parse(&value)
    }
}

impl From<Vin> for String {
    fn from(v: Vin) -> String {
        v.0
    }
}

impl fmt::Display for Vin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_vins() {
        // Check digits of published examples: 1M8GDM9AXKP042788 (the NHTSA example, check digit X).
        for v in [
            "1M8GDM9AXKP042788",
            "1HGCV1F36MA098765",
            "5UXCR6C03N9K12345",
            "2T1BURHE0KC234567",
            "WBA5R1C09LFH54321",
        ] {
            assert!(Vin::parse(v).is_ok(), "{v}");
        }
        assert_eq!(
            Vin::parse(" 1hgcv1f36ma098765 ").unwrap().as_str(),
            "1HGCV1F36MA098765"
        );
        assert_eq!(
            Vin::parse("1HGCV1F36MA098765").unwrap().last_six(),
            "098765"
        );
    }

    #[test]
    fn rejects_with_specific_reasons() {
        assert_eq!(Vin::parse(""), Err(Issue::Required));
        assert_eq!(Vin::parse("1HGCV1F36MA09876"), Err(Issue::VinLength));
        assert_eq!(Vin::parse("1HGCV1F36MA0987651"), Err(Issue::VinLength));
        assert_eq!(Vin::parse("1HGCV1F36MA09876O"), Err(Issue::VinCharacters));
        assert_eq!(Vin::parse("IHGCV1F36MA098765"), Err(Issue::VinCharacters));
        assert_eq!(Vin::parse("1HGCV1F36MA09876*"), Err(Issue::VinCharacters));
        // One character changed: the check digit no longer matches.
        assert_eq!(Vin::parse("1HGCV1F36MA098766"), Err(Issue::VinCheckDigit));
        assert_eq!(Vin::parse("1M8GDM9A1KP042788"), Err(Issue::VinCheckDigit));
    }

    #[test]
    fn non_north_american_vins_skip_the_check_digit() {
        // A European-market VIN whose 9th character is not a computed check digit.
        assert!(Vin::parse("WVWZZZ1JZXW000001").is_ok());
    }
}
