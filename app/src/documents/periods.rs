//! Statement periods: one per calendar month, from the month of the first instalment to the last
//! complete month (or the month the contract closed). Pure, so the list and the download agree.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// A calendar month, e.g. 2026-10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Period {
    pub year: i32,
    pub month: u8,
}

impl Period {
    pub fn of(d: Date) -> Period {
        Period {
            year: d.year(),
            month: d.month() as u8,
        }
    }

    /// "2026-10" (as in the download's file name).
    pub fn slug(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Parses "2026-10"; anything else (month 13, "2026-1", text) is `None`.
    pub fn parse(s: &str) -> Option<Period> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let p = Period {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        p.first_day().map(|_| p)
    }

    pub fn first_day(self) -> Option<Date> {
        Date::from_calendar_date(self.year, Month::try_from(self.month).ok()?, 1).ok()
    }

    /// The statement date: the last day of the month.
    pub fn last_day(self) -> Date {
        let first = self.first_day().expect("periods are built valid");
        let next = crate::domain::dates::add_months(first, 1);
        next.previous_day().unwrap_or(next)
    }

    pub fn previous(self) -> Period {
        if self.month == 1 {
            Period {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Period {
                year: self.year,
                month: self.month - 1,
            }
        }
    }
}

/// The statements a contract has, newest first: months from `first_due`'s month through the last
/// month that has ended by `today` (a closed contract stops at the month it closed) — the whole
/// life of the contract, as the documents page says.
pub fn statement_periods(first_due: Date, closed_on: Option<Date>, today: Date) -> Vec<Period> {
    let start = Period::of(first_due);
    let mut last = Period::of(today).previous();
    if let Some(closed) = closed_on {
        last = last.min(Period::of(closed));
    }
    let mut out = Vec::new();
    let mut p = last;
    while p >= start {
        out.push(p);
        p = p.previous();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn parses_only_real_months() {
        assert_eq!(
            Period::parse("2026-10"),
            Some(Period {
                year: 2026,
                month: 10
            })
        );
        for bad in [
            "2026-13", "2026-00", "2026-1", "26-10", "2026-1a", "", "2026_10", "+202-10",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Period {
                year: 2026,
                month: 2
            }
            .slug(),
            "2026-02"
        );
    }

    #[test]
    fn last_day_handles_short_months_and_leap_years() {
        assert_eq!(
            Period {
                year: 2028,
                month: 2
            }
            .last_day(),
            date!(2028 - 02 - 29)
        );
        assert_eq!(
            Period {
                year: 2026,
                month: 2
            }
            .last_day(),
            date!(2026 - 02 - 28)
        );
        assert_eq!(
            Period {
                year: 2026,
                month: 12
            }
            .last_day(),
            date!(2026 - 12 - 31)
        );
        assert_eq!(
            Period {
                year: 2026,
                month: 1
            }
            .previous(),
            Period {
                year: 2025,
                month: 12
            }
        );
    }

    #[test]
    fn only_ended_months_newest_first() {
        let p = statement_periods(date!(2026 - 08 - 15), None, date!(2026 - 11 - 21));
        let slugs: Vec<String> = p.iter().map(|p| p.slug()).collect();
        assert_eq!(slugs, ["2026-10", "2026-09", "2026-08"]);
        // Nothing before the first month has ended.
        assert!(statement_periods(date!(2026 - 11 - 01), None, date!(2026 - 11 - 30)).is_empty());
    }

    #[test]
    fn closed_contracts_stop_at_closing_and_keep_their_whole_life() {
        let p = statement_periods(
            date!(2019 - 01 - 01),
            Some(date!(2024 - 03 - 09)),
            date!(2026 - 11 - 21),
        );
        assert_eq!(p.first().unwrap().slug(), "2024-03");
        assert_eq!(p.last().unwrap().slug(), "2019-01");
        assert_eq!(p.len(), 5 * 12 + 3);
    }
}
