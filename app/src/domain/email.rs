//! `Email`: the username of a customer. Normalised to lower case so one mailbox is one account.

use super::Issue;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically valid, normalised email address (RFC 5321 lengths, pragmatic syntax).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(input: &str) -> Result<Self, Issue> {
        let s = input.trim();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(Issue::TooLong { max: Self::MAX_LEN });
        }
        let (local, domain) = s.rsplit_once('@').ok_or(Issue::EmailFormat)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels.last().is_some_and(|tld| {
                tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic)
            });
        if !local_ok || !domain_ok {
            return Err(Issue::EmailFormat);
        }
        Ok(Email(s.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = Issue;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_normalises() {
        assert_eq!(
            Email::parse("  Anna.K@Example.COM ").unwrap().as_str(),
            "anna.k@example.com"
        );
        assert!(Email::parse("a+tag@sub.example.ca").is_ok());
        assert!(Email::parse("o'neil@example.org").is_ok());
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "plainaddress",
            "@example.com",
            "anna@",
            "anna@example",
            "anna@.example.com",
            "anna@example..com",
            "anna@-example.com",
            ".anna@example.com",
            "an..na@example.com",
            "anna @example.com",
            "anna@example.c0m",
            "anna@exa_mple.com",
        ] {
            assert_eq!(Email::parse(bad), Err(Issue::EmailFormat), "{bad}");
        }
        assert_eq!(Email::parse("   "), Err(Issue::Required));
    }

    #[test]
    fn enforces_lengths() {
        let local = "a".repeat(65);
        assert_eq!(
            Email::parse(&format!("{local}@example.com")),
            Err(Issue::EmailFormat)
        );
        let long = format!("{}@{}.com", "a".repeat(64), "b".repeat(200));
        assert_eq!(Email::parse(&long), Err(Issue::TooLong { max: 254 }));
    }

    #[test]
    fn deserialising_validates() {
        assert!(serde_json::from_str::<Email>("\"not-an-email\"").is_err());
        let e: Email = serde_json::from_str("\"X@Y.io\"").unwrap();
        assert_eq!(e.as_str(), "x@y.io");
    }
}
