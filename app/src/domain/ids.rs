//! Identifiers people type: the Customer ID printed on the owner's card.

use super::Issue;
use serde::{Deserialize, Serialize};

/// A Customer ID like `NS-48213907`: a letter prefix, a hyphen, digits. However it is typed
/// ("ns 4821 3907", "NS48213907") it is read into that one form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CustomerCardId(String);

impl CustomerCardId {
    pub fn parse(input: &str) -> Result<Self, Issue> {
        let s: String = input
            .to_uppercase()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        let letters = s.chars().take_while(|c| c.is_ascii_alphabetic()).count();
        let digits = &s[letters..];
        let ok = (1..=4).contains(&letters)
            && (6..=12).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit());
        if !ok {
            return Err(Issue::CustomerIdFormat);
        }
        Ok(CustomerCardId(format!("{}-{digits}", &s[..letters])))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_ids() {
        assert_eq!(
            CustomerCardId::parse(" ns-48213907 ").unwrap().as_str(),
            "NS-48213907"
        );
        for typed in [
            "ns 4821 3907",
            "NS48213907",
            "ns-4821-3907",
            "NS - 48213907",
        ] {
            assert_eq!(
                CustomerCardId::parse(typed).unwrap().as_str(),
                "NS-48213907",
                "{typed}"
            );
        }
        assert_eq!(CustomerCardId::parse(""), Err(Issue::Required));
        assert_eq!(
            CustomerCardId::parse("NS-4821390X"),
            Err(Issue::CustomerIdFormat)
        );
        assert_eq!(
            CustomerCardId::parse("48213907"),
            Err(Issue::CustomerIdFormat)
        );
        assert_eq!(CustomerCardId::parse("NS-1"), Err(Issue::CustomerIdFormat));
        assert_eq!(
            CustomerCardId::parse("NS_48213907"),
            Err(Issue::CustomerIdFormat)
        );
        assert_eq!(
            CustomerCardId::parse("ABCDEFGH"),
            Err(Issue::CustomerIdFormat)
        );
    }
}
