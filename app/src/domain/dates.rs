//! Calendar helpers for due dates: monthly steps that keep the due day where the month allows it
//! (a 31st due day falls on 30 April and 28/29 February).

use time::{Date, Month};

/// `date` moved by `months` calendar months, with the day clamped to the month's length.
pub fn add_months(date: Date, months: u32) -> Date {
    let zero_based = date.month() as i32 - 1 + months as i32;
    let year = date.year() + zero_based.div_euclid(12);
    let month = Month::try_from((zero_based.rem_euclid(12) + 1) as u8).expect("month in 1..=12");
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, date.day().min(last)).expect("valid clamped date")
}

/// The `day`-th of the month of `date`, clamped to that month's length.
pub fn with_due_day(date: Date, day: u8) -> Date {
    let last = time::util::days_in_month(date.month(), date.year());
    date.replace_day(day.clamp(1, last)).expect("valid day")
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    (b - a).whole_days()
}

/// The business day `days` business days after `date` (Saturdays and Sundays skipped; the lender's
/// holiday list arrives with payment settlement).
pub fn add_business_days(date: Date, days: u32) -> Date {
    let mut d = date;
    let mut left = days;
    while left > 0 {
        d = d.next_day().expect("date in range");
        if is_business_day(d) {
            left -= 1;
        }
    }
    d
}

pub fn is_business_day(date: Date) -> bool {
    !matches!(
        date.weekday(),
        time::Weekday::Saturday | time::Weekday::Sunday
    )
}

/// Parses `YYYY-MM-DD` (the form dates take in the database and in URLs).
pub fn parse_iso(s: &str) -> Option<Date> {
    Date::parse(
        s.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn business_days_skip_weekends() {
        // 2026-11-27 is a Friday, 2026-11-29 a Sunday.
        assert_eq!(
            add_business_days(date!(2026 - 11 - 27), 1),
            date!(2026 - 11 - 30)
        );
        assert_eq!(
            add_business_days(date!(2026 - 11 - 29), 3),
            date!(2026 - 12 - 02)
        );
        assert_eq!(
            add_business_days(date!(2026 - 12 - 01), 3),
            date!(2026 - 12 - 04)
        );
        assert_eq!(
            add_business_days(date!(2026 - 12 - 03), 3),
            date!(2026 - 12 - 08)
        );
        assert_eq!(
            add_business_days(date!(2026 - 12 - 03), 0),
            date!(2026 - 12 - 03)
        );
    }

    #[test]
    fn month_steps_clamp_the_day() {
        assert_eq!(add_months(date!(2024 - 01 - 31), 1), date!(2024 - 02 - 29));
        assert_eq!(add_months(date!(2023 - 01 - 31), 1), date!(2023 - 02 - 28));
        assert_eq!(add_months(date!(2024 - 01 - 31), 3), date!(2024 - 04 - 30));
        assert_eq!(add_months(date!(2024 - 11 - 15), 2), date!(2025 - 01 - 15));
        assert_eq!(add_months(date!(2024 - 11 - 15), 0), date!(2024 - 11 - 15));
        assert_eq!(
            with_due_day(date!(2025 - 02 - 10), 31),
            date!(2025 - 02 - 28)
        );
        assert_eq!(
            days_between(date!(2024 - 02 - 28), date!(2024 - 03 - 01)),
            2
        );
    }
}
