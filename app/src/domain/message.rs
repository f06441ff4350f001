//! A message to the lender (seed 001, the Message Center): what it is about (`Topic`) and its text
//! (`MessageText`, 1–5,000 characters). Shown as text, never as HTML. Both targets: the compose
//! form checks as the customer types, the server checks again.

use super::issue::Issue;
use serde::{Deserialize, Serialize};

/// What a conversation is about (the lender's queue is filtered by it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Topic {
    Payments,
    Payoff,
    LeaseEnd,
    Insurance,
    Documents,
    AccountAccess,
    Hardship,
    Other,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::Payments,
        Topic::Payoff,
        Topic::LeaseEnd,
        Topic::Insurance,
        Topic::Documents,
        Topic::AccountAccess,
        Topic::Hardship,
        Topic::Other,
    ];

    /// Its name in forms and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Payments => "payments",
            Topic::Payoff => "payoff",
            Topic::LeaseEnd => "lease_end",
            Topic::Insurance => "insurance",
            Topic::Documents => "documents",
            Topic::AccountAccess => "account_access",
            Topic::Hardship => "hardship",
            Topic::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<Topic, Issue> {
        Topic::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or(if s.is_empty() {
                Issue::Required
            } else {
                Issue::OneOf
            })
    }
}

/// The text of a message: trimmed, 1 to `MAX` characters (not bytes), no control characters
/// but line breaks and tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageText(String);

impl MessageText {
    pub const MAX: usize = 5000;

    pub fn parse(raw: &str) -> Result<MessageText, Issue> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(Issue::Required);
        }
        if text.chars().count() > Self::MAX {
            return Err(Issue::TooLong { max: Self::MAX });
        }
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(Issue::TextCharacters);
        }
        Ok(MessageText(text.replace("\r\n", "\n")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Days a message is kept after it was sent (seed 001: "messages kept 30 days from the date
/// sent"), unless its thread is on legal hold.
pub const RETENTION_DAYS: i64 = 30;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_round_trip_and_unknown_ones_are_refused() {
        for t in Topic::ALL {
            assert_eq!(Topic::parse(t.as_str()), Ok(t));
        }
        assert_eq!(Topic::parse(""), Err(Issue::Required));
        assert_eq!(Topic::parse("Payments"), Err(Issue::OneOf));
    }

    #[test]
    fn text_is_trimmed_counted_in_characters_and_free_of_control_characters() {
        assert_eq!(MessageText::parse("  \n "), Err(Issue::Required));
        assert_eq!(
            MessageText::parse(" Hello\r\nthere ").unwrap().as_str(),
            "Hello\nthere"
        );
        // 5,000 Cyrillic letters are 10,000 bytes: still within the limit.
        let max = "ж".repeat(MessageText::MAX);
        assert_eq!(MessageText::parse(&max).unwrap().as_str(), max);
        assert_eq!(
            MessageText::parse(&format!("{max}ж")),
            Err(Issue::TooLong { max: 5000 })
        );
        assert_eq!(MessageText::parse("a\u{0}b"), Err(Issue::TextCharacters));
        assert_eq!(
            MessageText::parse("a\u{1b}[31mb"),
            Err(Issue::TextCharacters)
        );
        assert!(MessageText::parse("Tab\there <b>not html</b>").is_ok());
    }
}
