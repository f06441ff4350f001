//! Autopay's calendar rules, pure and shared by the page and the jobs: a draft is made on the due
//! date or up to `MAX_DAYS_BEFORE` days before it; the first instalment an autopay covers is the
//! first one in its start month or later whose draft day has not passed; the months it may start
//! in run from this month to the contract's last due date.

use super::Issue;
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Duration, Month};

/// The furthest a draft may come before its due date, in days.
pub const MAX_DAYS_BEFORE: u8 = 10;

/// A calendar month, "2027-02" (also in JSON and forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

impl YearMonth {
    pub fn of(d: Date) -> YearMonth {
        YearMonth {
            year: d.year(),
            month: d.month() as u8,
        }
    }

    /// Parses "YYYY-MM".
    pub fn parse(s: &str) -> Result<YearMonth, Issue> {
        let (y, m) = s.trim().split_once('-').ok_or(Issue::AutopayStartMonth)?;
        let year: i32 = y.parse().map_err(|_| Issue::AutopayStartMonth)?;
        let month: u8 = m.parse().map_err(|_| Issue::AutopayStartMonth)?;
        if !(1..=12).contains(&month) || !(1900..=9999).contains(&year) || y.len() != 4 {
            return Err(Issue::AutopayStartMonth);
        }
        Ok(YearMonth { year, month })
    }

    /// The first day of the month.
    pub fn first_day(self) -> Date {
        let m = Month::try_from(self.month).expect("month in 1..=12");
        Date::from_calendar_date(self.year, m, 1).expect("valid first day")
    }
}

impl From<YearMonth> for String {
    fn from(m: YearMonth) -> String {
        m.to_string()
    }
}

impl TryFrom<String> for YearMonth {
    type Error = String;
    fn try_from(s: String) -> Result<YearMonth, String> {
        YearMonth::parse(&s).map_err(|_| s)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Parses the number of days before the due date a draft is made (0 = on the due date).
pub fn parse_days_before(s: &str) -> Result<u8, Issue> {
    match s.trim().parse::<u8>() {
        Ok(d) if d <= MAX_DAYS_BEFORE => Ok(d),
        _ => Err(Issue::AutopayDaysBefore),
    }
}

/// The day the instalment due on `due` is drafted.
pub fn draft_date(due: Date, days_before: u8) -> Date {
    due - Duration::days(i64::from(days_before))
}

/// The first of `due_dates` (ascending) an autopay starting in `start` covers: in `start` or
/// later, and drafted no earlier than `today` (a draft day already past is not made late).
pub fn first_due(
    due_dates: &[Date],
    days_before: u8,
    start: YearMonth,
    today: Date,
) -> Option<Date> {
    due_dates
        .iter()
        .copied()
        .find(|d| YearMonth::of(*d) >= start && draft_date(*d, days_before) >= today)
}

/// The due date after `due` in the schedule; `None` at maturity.
pub fn following_due(due_dates: &[Date], due: Date) -> Option<Date> {
    due_dates.iter().copied().find(|d| *d > due)
}

/// The months an autopay may start in: from `today`'s month to the month of the last due date.
pub fn start_months(due_dates: &[Date], today: Date) -> Vec<YearMonth> {
    let Some(last) = due_dates.last().map(|d| YearMonth::of(*d)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut m = YearMonth::of(today);
    while m <= last {
        out.push(m);
        m = if m.month == 12 {
            YearMonth {
                year: m.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: m.year,
                month: m.month + 1,
            }
        };
    }
    out
}

#[cfg(test)]
#[path = "autopay_tests.rs"]
mod tests;
