use super::*;
use crate::domain::dates::{add_months, with_due_day};
use time::macros::date;

/// A monthly schedule due on `day` (clamped to short months), as contracts make them.
fn schedule(first: Date, day: u8, n: u32) -> Vec<Date> {
    (0..n)
        .map(|i| with_due_day(add_months(first, i), day))
        .collect()
}

#[test]
fn the_draft_day_crosses_month_ends_and_leap_days() {
    assert_eq!(draft_date(date!(2027 - 03 - 01), 2), date!(2027 - 02 - 27));
    assert_eq!(draft_date(date!(2028 - 03 - 01), 1), date!(2028 - 02 - 29));
    assert_eq!(draft_date(date!(2027 - 01 - 05), 10), date!(2026 - 12 - 26));
    assert_eq!(draft_date(date!(2027 - 02 - 28), 0), date!(2027 - 02 - 28));
}

#[test]
fn days_before_are_zero_to_ten() {
    assert_eq!(parse_days_before("0"), Ok(0));
    assert_eq!(parse_days_before(" 10 "), Ok(10));
    for bad in ["11", "-1", "", "3.5", "ten"] {
        assert_eq!(
            parse_days_before(bad),
            Err(Issue::AutopayDaysBefore),
            "{bad}"
        );
    }
}

#[test]
fn a_31st_due_day_falls_on_short_months_and_is_drafted_before_it() {
    let dues = schedule(date!(2027 - 01 - 31), 31, 4);
    assert_eq!(
        dues,
        [
            date!(2027 - 01 - 31),
            date!(2027 - 02 - 28),
            date!(2027 - 03 - 31),
            date!(2027 - 04 - 30)
        ]
    );
    let feb = YearMonth::parse("2027-02").unwrap();
    // The February draft (10 days before the 28th) is the 18th: still to come on the 18th.
    assert_eq!(
        first_due(&dues, 10, feb, date!(2027 - 02 - 18)),
        Some(date!(2027 - 02 - 28))
    );
    // On the 19th it has passed: the first draft is March's.
    assert_eq!(
        first_due(&dues, 10, feb, date!(2027 - 02 - 19)),
        Some(date!(2027 - 03 - 31))
    );
    assert_eq!(
        following_due(&dues, date!(2027 - 03 - 31)),
        Some(date!(2027 - 04 - 30))
    );
    assert_eq!(
        following_due(&dues, date!(2027 - 04 - 30)),
        None,
        "maturity"
    );
}

#[test]
fn leap_february_keeps_the_29th() {
    let dues = schedule(date!(2028 - 01 - 30), 30, 3);
    assert_eq!(dues[1], date!(2028 - 02 - 29));
    let start = YearMonth::of(date!(2028 - 02 - 01));
    assert_eq!(
        first_due(&dues, 0, start, date!(2028 - 02 - 29)),
        Some(date!(2028 - 02 - 29))
    );
    assert_eq!(draft_date(dues[2], 5), date!(2028 - 03 - 25));
}

#[test]
fn the_start_month_is_this_month_to_maturity() {
    let dues = schedule(date!(2026 - 11 - 10), 10, 3);
    let months: Vec<String> = start_months(&dues, date!(2026 - 12 - 31))
        .iter()
        .map(|m| m.to_string())
        .collect();
    assert_eq!(months, ["2026-12", "2027-01"]);
    assert!(start_months(&dues, date!(2027 - 02 - 01)).is_empty());
    // A start month later than the last instalment covers nothing.
    let late = YearMonth::parse("2027-02").unwrap();
    assert_eq!(first_due(&dues, 0, late, date!(2026 - 12 - 01)), None);
    assert_eq!(YearMonth::parse("2027-13"), Err(Issue::AutopayStartMonth));
    assert_eq!(YearMonth::parse("27-1"), Err(Issue::AutopayStartMonth));
    assert_eq!(late.first_day(), date!(2027 - 02 - 01));
}
