//! Applications to change a contract (issue 16, seed 002): early repayment (partial), a new due
//! date, a hardship deferral, a lease extension, an insurance event. The customer files one per
//! kind and contract (`service`), sees its effect before filing (`preview`), corrects it when
//! it comes back; staff review it in a queue and decide (`review`), and approval changes the
//! contract in the same transaction (`apply`). Each move writes to the application's
//! conversation in the Message Center, emails the customer and is audited. Shared types here;
//! endpoints in `api`; the customer's page in `page` (its form in `form`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod apply;
pub mod form;
pub mod page;
#[cfg(feature = "ssr")]
pub mod preview;
#[cfg(feature = "ssr")]
pub mod recalc;
#[cfg(feature = "ssr")]
pub mod review;
#[cfg(feature = "ssr")]
pub mod rows;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::application::{
    ApplicationKind, ApplicationStatus, Deferral, DueDateChange, Ineligible,
};
use crate::domain::application_form::Details;
use crate::domain::Money;
use crate::i18n::{t, Locale};
use serde::{Deserialize, Serialize};
use time::Date;

/// What filing would do, computed by the server from the contract as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preview {
    EarlyRepayment {
        /// What the payment pays (the payments review: what is due first, then principal).
        principal: Money,
        interest: Money,
        fee: Money,
        balance_before: Money,
        balance_after: Money,
        payment_before: Money,
        payment_after: Money,
        remaining_before: u32,
        remaining_after: u32,
        maturity_before: Date,
        maturity_after: Date,
    },
    DueDateChange(DueDateChange),
    Deferral(Deferral),
    InsuranceEvent {
        /// For a total loss: the payoff today (what the insurer's settlement and any gap cover).
        payoff: Option<Money>,
    },
    LeaseExtension {
        maturity_before: Date,
        maturity_after: Date,
        payment: Money,
    },
}

/// Whether a contract may file each kind now, and why not (the page greys out what it can't).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    pub contract_id: i64,
    pub number: String,
    pub currency: String,
    /// The lender's today (the form's date checks count from it).
    pub today: Date,
    pub kinds: Vec<(ApplicationKind, Result<(), Ineligible>)>,
}

/// One move of an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub status: ApplicationStatus,
    /// The lender's reason (rejected, returned) or note.
    pub note: Option<String>,
    pub at: i64,
}

/// An application as its customer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationView {
    pub id: i64,
    /// `APP-…`, quoted when calling about it.
    pub reference: String,
    pub contract_id: i64,
    pub contract_number: String,
    pub currency: String,
    pub status: ApplicationStatus,
    pub details: Details,
    /// Its conversation in the Message Center (none once that was deleted).
    pub thread_id: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub events: Vec<EventView>,
    /// What approval did, once approved.
    pub outcome: Option<Outcome>,
}

/// What approval changed, kept with the application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub next_due_before: Option<Date>,
    pub next_due_after: Option<Date>,
    pub maturity_before: Date,
    pub maturity_after: Date,
    /// The payment approval scheduled (an early repayment), to follow in Payments.
    pub payment_reference: Option<String>,
    /// The monthly payment once an early repayment has posted and the schedule was made again.
    #[serde(default)]
    pub payment_after: Option<Money>,
}

/// What a filing or a correction came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filed {
    pub id: i64,
    pub reference: String,
    pub thread_id: Option<i64>,
}

/// An application in the lender's queue (oldest waiting first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub id: i64,
    pub reference: String,
    pub kind: ApplicationKind,
    pub status: ApplicationStatus,
    pub customer: String,
    pub contract_id: i64,
    pub contract_number: String,
    pub waiting_since: i64,
    /// Seed 002: reviewed within about 2 business days.
    pub due_by: Date,
    pub overdue: bool,
}

/// An application as staff review it: the customer and the contract beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffApplication {
    pub application: ApplicationView,
    pub kind: ApplicationKind,
    pub customer_id: i64,
    pub customer: String,
    /// What approving would do now (computed again: the contract may have moved since filing).
    pub preview: Result<Preview, crate::error::AppError>,
}

/// What staff decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// Taken into review (submitted → under review).
    Review,
    Approve,
    Reject,
    /// Sent back for correction.
    Return,
}

pub fn kind_label(l: Locale, kind: ApplicationKind) -> String {
    t(l, &format!("app-kind-{}", kind.code().replace('_', "-")))
}

pub fn status_label(l: Locale, status: ApplicationStatus) -> String {
    t(
        l,
        &format!("app-status-{}", status.code().replace('_', "-")),
    )
}

/// What an application asks for, as label–value lines in `l` (the page shows them; the thread's
/// first message is made of them).
pub fn describe(l: Locale, details: &Details, currency: &str) -> Vec<(String, String)> {
    use crate::i18n::format::{date, money};
    let line = |k: &str, v: String| (t(l, k), v);
    match details {
        Details::EarlyRepayment {
            amount, on, effect, ..
        } => vec![
            line("app-amount", money(l, *amount, currency)),
            line("app-date", date(l, *on)),
            line(
                "app-effect",
                t(
                    l,
                    match effect {
                        crate::domain::loan::PrepaymentEffect::ShortenTerm => "app-effect-shorten",
                        crate::domain::loan::PrepaymentEffect::LowerPayment => "app-effect-lower",
                    },
                ),
            ),
        ],
        Details::DueDateChange { new_day } => vec![line("app-new-day", new_day.to_string())],
        Details::Deferral { months, reason } => vec![
            line("app-months", months.to_string()),
            line("app-reason", reason.clone()),
        ],
        Details::InsuranceEvent {
            happened_on,
            kind,
            description,
            insurer,
            claim_number,
        } => vec![
            line("app-event-date", date(l, *happened_on)),
            line(
                "app-event-kind",
                t(l, &format!("app-event-{}", kind.code().replace('_', "-"))),
            ),
            line("app-description", description.clone()),
            line("app-insurer", insurer.clone()),
            line("app-claim-number", claim_number.clone()),
        ],
        Details::LeaseExtension { months } => vec![line("app-months", months.to_string())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application_form::InsuranceKind;

    /// Keys built from typed values are not literals the catalogue scan sees: each is checked.
    #[test]
    fn every_kind_status_and_event_has_its_text_in_every_language() {
        let mut keys = Vec::new();
        for k in ApplicationKind::ALL {
            keys.push(format!("app-kind-{}", k.code().replace('_', "-")));
        }
        for s in ApplicationStatus::ALL {
            let s = s.code().replace('_', "-");
            keys.push(format!("app-status-{s}"));
            keys.push(format!("email-app-{s}-subject"));
            keys.push(format!("email-app-{s}-body"));
            if s != "submitted" {
                keys.push(format!("app-note-{s}"));
            }
        }
        for k in InsuranceKind::ALL {
            keys.push(format!("app-event-{}", k.code().replace('_', "-")));
        }
        for l in Locale::ALL {
            for key in &keys {
                assert_ne!(&t(l, key), key, "{key} in {l:?}");
            }
            for why in [
                Ineligible::Closed,
                Ineligible::PastDue,
                Ineligible::AlreadyOpen,
                Ineligible::DueDateChangedRecently {
                    again_from: time::macros::date!(2027 - 12 - 07),
                },
                Ineligible::DeferralsUsed { max: 2 },
                Ineligible::WrongContract,
                Ineligible::NotYet {
                    from: time::macros::date!(2027 - 08 - 09),
                },
            ] {
                let text = crate::i18n::ineligible_text(l, why);
                assert!(!text.starts_with("app-no-"), "{why:?} in {l:?}");
            }
        }
    }
}
