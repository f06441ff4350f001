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
    /// The last instalment's due date (a lease is extended only near its end).
    pub maturity: Date,
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
    /// Not yet: a lease is extended from 120 days before it ends (`lease_end::WINDOW_DAYS`).
    NotYet {
        from: Date,
    },
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
        ApplicationKind::LeaseExtension
            if !super::lease_end::options_open(today, standing.maturity) =>
        {
            Err(Ineligible::NotYet {
                from: standing.maturity - time::Duration::days(super::lease_end::WINDOW_DAYS),
            })
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
#[path = "application_tests.rs"]
mod tests;
