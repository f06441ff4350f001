//! What an application asks for (`Details`), parsed from the form as typed (`ApplicationForm`).
//! Both targets: the page checks as the customer fills it in and previews the effect, the server
//! parses the same strings again and never trusts the page's figures. Each field's problem is
//! typed (`Issue`) and named by its form field.

use super::application::ApplicationKind;
use super::dates::parse_iso;
use super::issue::Issue;
use super::loan::PrepaymentEffect;
use super::message::MessageText;
use super::Money;
use serde::{Deserialize, Serialize};
use time::Date;

codes! {
    /// What happened to the vehicle (an insurance event).
    InsuranceKind {
        Collision = "collision",
        Theft = "theft",
        TotalLoss = "total_loss",
        Glass = "glass",
        Other = "other",
    }
}

/// How far ahead a partial early repayment may be dated.
pub const PREPAYMENT_DAYS_AHEAD: u32 = 30;
/// How far back an insurance event may be reported.
pub const EVENT_DAYS_BACK: i64 = 365;
/// Hardship deferrals and lease extensions: 1 to 3 months at a time.
pub const MAX_MONTHS: u32 = 3;
/// Short texts (insurer, claim number).
pub const SHORT_TEXT: usize = 100;
/// Descriptions and reasons.
pub const LONG_TEXT: usize = 2000;

/// What an application asks for, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Details {
    /// A partial early repayment of `amount` on `on`, from one of the customer's payment
    /// sources, and what it should do to the rest of the loan.
    EarlyRepayment {
        amount: Money,
        on: Date,
        effect: PrepaymentEffect,
        source_id: i64,
    },
    DueDateChange {
        new_day: u8,
    },
    Deferral {
        months: u32,
        reason: String,
    },
    InsuranceEvent {
        happened_on: Date,
        kind: InsuranceKind,
        description: String,
        insurer: String,
        claim_number: String,
    },
    LeaseExtension {
        months: u32,
    },
}

impl Details {
    pub fn kind(&self) -> ApplicationKind {
        match self {
            Details::EarlyRepayment { .. } => ApplicationKind::EarlyRepayment,
            Details::DueDateChange { .. } => ApplicationKind::DueDateChange,
            Details::Deferral { .. } => ApplicationKind::Deferral,
            Details::InsuranceEvent { .. } => ApplicationKind::InsuranceEvent,
            Details::LeaseExtension { .. } => ApplicationKind::LeaseExtension,
        }
    }
}

/// The form as typed: every field a string, the ones a kind does not use left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub kind: String,
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub date: String,
    /// `ShortenTerm` as "shorten_term", `LowerPayment` as "lower_payment".
    #[serde(default)]
    pub effect: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub new_day: String,
    #[serde(default)]
    pub months: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub insurance_kind: String,
    #[serde(default)]
    pub insurer: String,
    #[serde(default)]
    pub claim_number: String,
}

/// A field's problem: the form field's name and what is wrong with it.
pub type FieldIssue = (&'static str, Issue);

fn date(field: &'static str, raw: &str) -> Result<Date, FieldIssue> {
    match raw.trim() {
        "" => Err((field, Issue::Required)),
        s => parse_iso(s).ok_or((field, Issue::DateFormat)),
    }
}

fn months(raw: &str) -> Result<u32, FieldIssue> {
    match raw.trim().parse::<u32>() {
        Ok(m) if (1..=MAX_MONTHS).contains(&m) => Ok(m),
        _ if raw.trim().is_empty() => Err(("months", Issue::Required)),
        _ => Err(("months", Issue::MonthsRange { max: MAX_MONTHS })),
    }
}

/// A text of 1…`max` characters (line breaks allowed in long ones).
fn text(field: &'static str, raw: &str, max: usize) -> Result<String, FieldIssue> {
    let checked = MessageText::parse(raw).map_err(|i| (field, i))?;
    let s = checked.as_str();
    if s.chars().count() > max {
        return Err((field, Issue::TooLong { max }));
    }
    if max <= SHORT_TEXT && s.contains(['\n', '\r', '\t']) {
        return Err((field, Issue::TextCharacters));
    }
    Ok(s.to_string())
}

impl ApplicationForm {
    /// The application this form asks for, as of `today`; the first problem found otherwise.
    /// What depends on the contract (the payoff, the source's owner) is checked by the server.
    pub fn parse(&self, today: Date) -> Result<Details, FieldIssue> {
        let kind = ApplicationKind::parse(self.kind.trim()).ok_or((
            "kind",
            if self.kind.trim().is_empty() {
                Issue::Required
            } else {
                Issue::OneOf
            },
        ))?;
        Ok(match kind {
            ApplicationKind::EarlyRepayment => {
                let amount = Money::parse(&self.amount).map_err(|i| ("amount", i))?;
                if !amount.is_positive() {
                    return Err(("amount", Issue::Required));
                }
                let on = date("date", &self.date)?;
                let ahead = (on - today).whole_days();
                if !(0..=i64::from(PREPAYMENT_DAYS_AHEAD)).contains(&ahead) {
                    return Err((
                        "date",
                        Issue::DateAhead {
                            days: PREPAYMENT_DAYS_AHEAD,
                        },
                    ));
                }
                let effect = match self.effect.trim() {
                    "shorten_term" => PrepaymentEffect::ShortenTerm,
                    "lower_payment" => PrepaymentEffect::LowerPayment,
                    "" => return Err(("effect", Issue::Required)),
                    _ => return Err(("effect", Issue::OneOf)),
                };
                let source_id = match self.source.trim() {
                    "" => return Err(("source", Issue::Required)),
                    s => s.parse::<i64>().map_err(|_| ("source", Issue::OneOf))?,
                };
                Details::EarlyRepayment {
                    amount,
                    on,
                    effect,
                    source_id,
                }
            }
            ApplicationKind::DueDateChange => {
                let day = self.new_day.trim();
                match day.parse::<u8>() {
                    Ok(d) if (1..=28).contains(&d) => Details::DueDateChange { new_day: d },
                    _ if day.is_empty() => return Err(("new_day", Issue::Required)),
                    _ => return Err(("new_day", Issue::DueDay)),
                }
            }
            ApplicationKind::Deferral => Details::Deferral {
                months: months(&self.months)?,
                reason: text("text", &self.text, LONG_TEXT)?,
            },
            ApplicationKind::InsuranceEvent => {
                let happened_on = date("date", &self.date)?;
                if happened_on > today {
                    return Err(("date", Issue::DateInFuture));
                }
                if (today - happened_on).whole_days() > EVENT_DAYS_BACK {
                    return Err((
                        "date",
                        Issue::DateTooOld {
                            days: EVENT_DAYS_BACK as u32,
                        },
                    ));
                }
                Details::InsuranceEvent {
                    happened_on,
                    kind: InsuranceKind::parse(self.insurance_kind.trim()).ok_or((
                        "insurance_kind",
                        if self.insurance_kind.trim().is_empty() {
                            Issue::Required
                        } else {
                            Issue::OneOf
                        },
                    ))?,
                    description: text("text", &self.text, LONG_TEXT)?,
                    insurer: text("insurer", &self.insurer, SHORT_TEXT)?,
                    claim_number: text("claim_number", &self.claim_number, SHORT_TEXT)?,
                }
            }
            ApplicationKind::LeaseExtension => Details::LeaseExtension {
                months: months(&self.months)?,
            },
        })
    }
}

#[cfg(test)]
#[path = "application_form_tests.rs"]
mod tests;
