//! `PersonName`: a first or last name as printed on a contract. Kept as typed (spelling matters for
//! contract linking), only surrounding and repeated whitespace is removed.

use super::Issue;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_LEN: usize = 50;

    pub fn parse(input: &str) -> Result<Self, Issue> {
        let s = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.is_empty() {
            return Err(Issue::Required);
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(Issue::TooLong { max: Self::MAX_LEN });
        }
        let allowed = |c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.');
        if !s.chars().all(allowed) || !s.chars().any(char::is_alphabetic) {
            return Err(Issue::NameCharacters);
        }
        Ok(PersonName(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PersonName {
    type Error = Issue;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        PersonName::parse(&value)
    }
}

impl From<PersonName> for String {
    fn from(n: PersonName) -> String {
        n.0
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_spelling_and_collapses_spaces() {
        assert_eq!(
            PersonName::parse("  Mary   Ann ").unwrap().as_str(),
            "Mary Ann"
        );
        assert_eq!(
            PersonName::parse("O'Brien-Smith").unwrap().as_str(),
            "O'Brien-Smith"
        );
        assert_eq!(PersonName::parse("Жанна").unwrap().as_str(), "Жанна");
        assert_eq!(PersonName::parse("Hélène").unwrap().as_str(), "Hélène");
        assert_eq!(PersonName::parse("St. John").unwrap().as_str(), "St. John");
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(PersonName::parse(""), Err(Issue::Required));
        assert_eq!(PersonName::parse("  "), Err(Issue::Required));
        assert_eq!(PersonName::parse("R2D2"), Err(Issue::NameCharacters));
        assert_eq!(PersonName::parse("<script>"), Err(Issue::NameCharacters));
        assert_eq!(PersonName::parse("--"), Err(Issue::NameCharacters));
        assert_eq!(
            PersonName::parse(&"a".repeat(51)),
            Err(Issue::TooLong { max: 50 })
        );
        assert!(PersonName::parse(&"a".repeat(50)).is_ok());
    }
}
