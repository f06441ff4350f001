//! Identifiers people type: the Customer ID printed on the owner's card.

use super::Issue;
use serde::{Deserialize, Serialize};

/// A Customer ID like `NS-48213907`: letters, digits and hyphens, 6 to 20 characters, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CustomerCardId(String);

impl CustomerCardId {
    pub fn parse(input: &str) -> Result<Self, Issue> {
        let s: String = input
            .trim()
            .to_uppercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        let ok = (6..=20).contains(&s.len())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && s.chars().any(|c| c.is_ascii_digit());
        if !ok {
            return Err(Issue::CustomerIdFormat);
        }
        Ok(CustomerCardId(s))
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
        assert_eq!(CustomerCardId::parse(""), Err(Issue::Required));
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
