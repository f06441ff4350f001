//! Applications to change a contract (issue 16, seed 002): their kinds, the workflow a request
//! goes through, who may file one (checked on both sides), and the arithmetic each shows before
//! it is filed — a due-date change's one-off interest, a deferral's extra interest and new
//! maturity. Simple daily interest (`loan`): a payment made later carries the per diem for every
//! day it moved; the effect is rounded half-up to the cent once, here.

use super::dates::{add_months, days_between, with_due_day};
use super::Money;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

codes! {
    /// What a customer asks for.
    ApplicationKind {
        EarlyRepayment = "early_repayment",
        DueDateChange = "due_date_change",
        Deferral = "deferral",
        InsuranceEvent = "insurance_event",
        LeaseExtension = "lease_extension",
    }
}

codes! {
    /// Where an application stands.
    ApplicationStatus {
        Submitted = "submitted",
        UnderReview = "under_review",
        Approved = "approved",
        Rejected = "rejected",
        /// Sent back for correction: the customer edits it and submits again.
        Returned = "returned",
    }
}

impl ApplicationStatus {
    /// Still in the lender's hands or the customer's (one open application of a kind per
    /// contract).
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            ApplicationStatus::Approved | ApplicationStatus::Rejected
        )
    }

    /// The moves the workflow allows: submitted → under review → approved | rejected | returned;
    /// returned → submitted (corrected). Anything else is refused.
    pub fn can_become(self, next: ApplicationStatus) -> bool {
        use ApplicationStatus::*;
        matches!(
            (self, next),
            (Submitted, UnderReview)
                | (UnderReview, Approved)
                | (UnderReview, Rejected)
                | (UnderReview, Returned)
                | (Returned, Submitted)
        )
    }
}

/// What the rules need to know about a contract to say whether it may file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Paid off or closed.
    pub closed: bool,
    pub is_lease: bool,
    /// Owed and not paid by its due date.
    pub past_due: Money,
    /// Kinds with an application still open on this contract.
    pub open: Vec<ApplicationKind>,
    /// When the due date was last changed, if ever.
    pub last_due_date_change: Option<Date>,
    /// Deferrals granted over the contract's life.
    pub deferrals_used: u32,
}

/// Why a contract may not file an application now (typed, so both sides show the same reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ineligible {
    Closed,
    /// Seed 002: only customers without arrears may change terms.
    PastDue,
    /// One open application of a kind per contract.
    AlreadyOpen,
    /// At most one due-date change in 12 months: possible again from this day.
    DueDateChangedRecently {
        again_from: Date,
    },
    /// The contract's deferrals are used up.
    DeferralsUsed {
        max: u32,
    },
    /// This kind is for the other sort of contract (a lease extension on a loan…).
    WrongContract,
}

/// Whether a contract in `standing` may file `kind` on `today`, with at most `max_deferrals`
/// over its life. Insurance events are reported whatever the arrears.
pub fn eligible(
    standing: &Standing,
    kind: ApplicationKind,
    today: Date,
    max_deferrals: u32,
) -> Result<(), Ineligible> {
    if standing.closed {
        return Err(Ineligible::Closed);
    }
    if standing.open.contains(&kind) {
        return Err(Ineligible::AlreadyOpen);
    }
    match kind {
        ApplicationKind::InsuranceEvent => return Ok(()),
        ApplicationKind::LeaseExtension if !standing.is_lease => {
            return Err(Ineligible::WrongContract)
        }
        ApplicationKind::EarlyRepayment | ApplicationKind::DueDateChange if standing.is_lease => {
            return Err(Ineligible::WrongContract)
        }
        _ => {}
    }
    if standing.past_due.is_positive() {
        return Err(Ineligible::PastDue);
    }
    match kind {
        ApplicationKind::DueDateChange => match standing.last_due_date_change {
            Some(last) if add_months(last, 12) > today => Err(Ineligible::DueDateChangedRecently {
                again_from: add_months(last, 12),
            }),
            _ => Ok(()),
        },
        ApplicationKind::Deferral if standing.deferrals_used >= max_deferrals => {
            Err(Ineligible::DeferralsUsed { max: max_deferrals })
        }
        _ => Ok(()),
    }
}

/// A due-date change, as shown before it is filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueDateChange {
    /// The next payment's new date: the first `new_day` on or after the current next due date
    /// (a change never shortens a month).
    pub next_due: Date,
    /// How many days later each remaining payment falls.
    pub days_later: i64,
    /// The interest those days add, once: per diem × days, rounded half-up to the cent.
    pub interest: Money,
    pub maturity: Date,
}

/// Moves the due day to `new_day` (1–28; `None` outside) from the next due date `next_due`,
/// with the loan's exact per diem and its maturity.
pub fn due_date_change(
    next_due: Date,
    new_day: u8,
    per_diem_exact: Decimal,
    maturity: Date,
) -> Option<DueDateChange> {
    if !(1..=28).contains(&new_day) {
        return None;
    }
    let same_month = with_due_day(next_due, new_day);
    let moved = if same_month >= next_due {
        same_month
    } else {
        with_due_day(add_months(next_due, 1), new_day)
    };
    let days_later = days_between(next_due, moved);
    Some(DueDateChange {
        next_due: moved,
        days_later,
        interest: Money::round(per_diem_exact * Decimal::from(days_later)),
        maturity: maturity + time::Duration::days(days_later),
    })
}

/// A deferral, as shown before it is filed: the next `months` payments move to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deferral {
    /// When payments start again.
    pub resumes_on: Date,
    pub maturity: Date,
    /// Interest on the balance over the deferred days, rounded half-up to the cent once.
    pub interest: Money,
}

/// Defers `months` (1–3; `None` outside) payments from `next_due`, on a balance whose exact per
/// diem is `per_diem_exact`.
pub fn deferral(
    next_due: Date,
    months: u32,
    per_diem_exact: Decimal,
    maturity: Date,
) -> Option<Deferral> {
    if !(1..=3).contains(&months) {
        return None;
    }
    let resumes_on = add_months(next_due, months);
    let days = days_between(next_due, resumes_on);
    Some(Deferral {
        resumes_on,
        maturity: add_months(maturity, months),
        interest: Money::round(per_diem_exact * Decimal::from(days)),
    })
}

#[cfg(test)]
mod tests {
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
        let d =
            due_date_change(date!(2026 - 12 - 05), 8, dec!(0.125), date!(2028 - 01 - 05)).unwrap();
        assert_eq!(d.interest, Money::from_cents(38));
        // 0.005 a day over 1 day is half a cent: up.
        let d =
            due_date_change(date!(2026 - 12 - 05), 6, dec!(0.005), date!(2028 - 01 - 05)).unwrap();
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
}
