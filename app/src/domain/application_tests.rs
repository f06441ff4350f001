//! `domain::application`: the workflow, eligibility and each change's arithmetic.

use super::*;
use rust_decimal_macros::dec;
use time::macros::date;
use ApplicationKind::*;

fn good() -> Standing {
    Standing {
        closed: false,
        is_lease: false,
        past_due: Money::ZERO,
        open: vec![],
        last_due_date_change: None,
        deferrals_used: 0,
        maturity: date!(2027 - 02 - 15),
    }
}

#[test]
fn the_workflow_moves_only_forward_or_back_for_correction() {
    use ApplicationStatus::*;
    let all = [Submitted, UnderReview, Approved, Rejected, Returned];
    let allowed: Vec<_> = all
        .iter()
        .flat_map(|a| all.iter().map(move |b| (*a, *b)))
        .filter(|(a, b)| a.can_become(*b))
        .collect();
    assert_eq!(
        allowed,
        [
            (Submitted, UnderReview),
            (UnderReview, Approved),
            (UnderReview, Rejected),
            (UnderReview, Returned),
            (Returned, Submitted),
        ]
    );
    assert!(Returned.is_open() && !Approved.is_open() && !Rejected.is_open());
}

#[test]
fn who_may_file_what() {
    let today = date!(2026 - 12 - 07);
    assert_eq!(eligible(&good(), DueDateChange, today, 2), Ok(()));
    let closed = Standing {
        closed: true,
        ..good()
    };
    assert_eq!(
        eligible(&closed, InsuranceEvent, today, 2),
        Err(Ineligible::Closed)
    );
    let late = Standing {
        past_due: Money::from_cents(1),
        ..good()
    };
    assert_eq!(
        eligible(&late, EarlyRepayment, today, 2),
        Err(Ineligible::PastDue)
    );
    assert_eq!(
        eligible(&late, Deferral, today, 2),
        Err(Ineligible::PastDue)
    );
    assert_eq!(eligible(&late, InsuranceEvent, today, 2), Ok(()));
    let open = Standing {
        open: vec![Deferral],
        ..good()
    };
    assert_eq!(
        eligible(&open, Deferral, today, 2),
        Err(Ineligible::AlreadyOpen)
    );
    assert_eq!(eligible(&open, DueDateChange, today, 2), Ok(()));
    let used = Standing {
        deferrals_used: 2,
        ..good()
    };
    assert_eq!(
        eligible(&used, Deferral, today, 2),
        Err(Ineligible::DeferralsUsed { max: 2 })
    );
    assert_eq!(eligible(&used, Deferral, today, 3), Ok(()));
    assert_eq!(
        eligible(&good(), LeaseExtension, today, 2),
        Err(Ineligible::WrongContract)
    );
    let lease = Standing {
        is_lease: true,
        ..good()
    };
    assert_eq!(eligible(&lease, LeaseExtension, today, 2), Ok(()));
    // A lease is extended from 120 days before it ends.
    let young = Standing {
        maturity: date!(2027 - 12 - 07),
        ..lease.clone()
    };
    assert_eq!(
        eligible(&young, LeaseExtension, today, 2),
        Err(Ineligible::NotYet {
            from: date!(2027 - 08 - 09)
        })
    );
    assert_eq!(
        eligible(&lease, DueDateChange, today, 2),
        Err(Ineligible::WrongContract)
    );
}

#[test]
fn a_due_date_changes_once_in_twelve_months() {
    let changed = Standing {
        last_due_date_change: Some(date!(2026 - 02 - 28)),
        ..good()
    };
    let again = date!(2027 - 02 - 28);
    assert_eq!(
        eligible(&changed, DueDateChange, date!(2027 - 02 - 27), 2),
        Err(Ineligible::DueDateChangedRecently { again_from: again })
    );
    assert_eq!(eligible(&changed, DueDateChange, again, 2), Ok(()));
    // Other kinds are not held back by it.
    assert_eq!(
        eligible(&changed, Deferral, date!(2026 - 03 - 01), 2),
        Ok(())
    );
}

#[test]
fn a_due_date_moves_later_and_costs_the_per_diem_for_each_day() {
    // $9,000 at 7.9 %: per diem exactly 1.947945205…; due on the 5th.
    let per_diem = dec!(9000) * dec!(7.9) / dec!(36500);
    let maturity = date!(2029 - 06 - 05);
    let later = due_date_change(date!(2026 - 12 - 05), 20, per_diem, maturity).unwrap();
    assert_eq!(later.next_due, date!(2026 - 12 - 20));
    assert_eq!(later.days_later, 15);
    // 15 × 1.947945… = 29.219178… → 29.22
    assert_eq!(later.interest, Money::from_cents(2922));
    assert_eq!(later.maturity, date!(2029 - 06 - 20));
    // An earlier day moves to next month, never back.
    let earlier = due_date_change(date!(2026 - 12 - 05), 1, per_diem, maturity).unwrap();
    assert_eq!(
        (earlier.next_due, earlier.days_later),
        (date!(2027 - 01 - 01), 27)
    );
    let same = due_date_change(date!(2026 - 12 - 05), 5, per_diem, maturity).unwrap();
    assert_eq!((same.days_later, same.interest), (0, Money::ZERO));
    // Across February.
    let feb = due_date_change(date!(2027 - 02 - 10), 3, per_diem, maturity).unwrap();
    assert_eq!((feb.next_due, feb.days_later), (date!(2027 - 03 - 03), 21));
    assert_eq!(
        due_date_change(date!(2026 - 12 - 05), 29, per_diem, maturity),
        None
    );
    assert_eq!(
        due_date_change(date!(2026 - 12 - 05), 0, per_diem, maturity),
        None
    );
}

#[test]
fn interest_effects_round_half_up_once() {
    // Per diem 0.125 exactly: 3 days = 0.375 → 0.38 (half-up), not 3 × 0.13 = 0.39.
    let d = due_date_change(date!(2026 - 12 - 05), 8, dec!(0.125), date!(2028 - 01 - 05)).unwrap();
    assert_eq!(d.interest, Money::from_cents(38));
    // 0.005 a day over 1 day is half a cent: up.
    let d = due_date_change(date!(2026 - 12 - 05), 6, dec!(0.005), date!(2028 - 01 - 05)).unwrap();
    assert_eq!(d.interest, Money::from_cents(1));
}

#[test]
fn a_deferral_moves_the_maturity_and_costs_the_days_between() {
    let per_diem = dec!(9000) * dec!(7.9) / dec!(36500);
    let maturity = date!(2029 - 01 - 31);
    let d = deferral(date!(2026 - 12 - 31), 2, per_diem, maturity).unwrap();
    // 31 Dec → 28 Feb: 59 days; the 31st due day clamps in February.
    assert_eq!(d.resumes_on, date!(2027 - 02 - 28));
    assert_eq!(d.maturity, date!(2029 - 03 - 31));
    assert_eq!(d.interest, Money::round(per_diem * dec!(59)));
    assert_eq!(d.interest, Money::from_cents(11493));
    assert_eq!(deferral(date!(2026 - 12 - 31), 0, per_diem, maturity), None);
    assert_eq!(deferral(date!(2026 - 12 - 31), 4, per_diem, maturity), None);
}
