//! Autopay and reminder mails, in the recipient's language: enrolled, changed, cancelled, stopped
//! (and why), "a draft in 3 days", and "a payment due in 5 days" for contracts without autopay.
//! Amounts and dates arrive already formatted for the recipient (`i18n::format`).

use super::{layout, Recipient};
use crate::i18n::{t, tf};
use crate::infra::mailer::Mail;

/// What a change to an autopay did: `enrolled`, `changed` or `cancelled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Enrolled,
    Changed,
    Cancelled,
}

impl Change {
    fn key(self) -> &'static str {
        match self {
            Change::Enrolled => "enrolled",
            Change::Changed => "changed",
            Change::Cancelled => "cancelled",
        }
    }
}

/// The details a mail quotes: contract number, amount, draft date, source ("Checking ••4321").
pub struct Details<'a> {
    pub contract: &'a str,
    pub amount: String,
    pub date: String,
    pub source: String,
}

fn args(d: &Details<'_>) -> [(&'static str, fluent_bundle::FluentValue<'static>); 4] {
    [
        ("contract", d.contract.to_string().into()),
        ("amount", d.amount.clone().into()),
        ("date", d.date.clone().into()),
        ("source", d.source.clone().into()),
    ]
}

pub fn changed(to: &Recipient, change: Change, d: &Details<'_>) -> Mail {
    let l = to.locale();
    let a = args(d);
    let k = change.key();
    layout(
        l,
        &to.email,
        &to.first_name,
        tf(l, &format!("email-autopay-{k}-subject"), &a),
        &[tf(l, &format!("email-autopay-{k}-body"), &a)],
        None,
    )
}

/// Autopay ended by itself: `reason` is `paid_off`, `matured` or `returns`.
pub fn stopped(to: &Recipient, contract: &str, reason: &str) -> Mail {
    let l = to.locale();
    let a = [("contract", contract.to_string().into())];
    layout(
        l,
        &to.email,
        &to.first_name,
        tf(l, "email-autopay-stopped-subject", &a),
        &[
            tf(
                l,
                &format!("email-autopay-stopped-{}", reason.replace('_', "-")),
                &a,
            ),
            t(l, "email-autopay-stopped-hint"),
        ],
        None,
    )
}

/// "We will draft … in 3 days."
pub fn draft_soon(to: &Recipient, d: &Details<'_>) -> Mail {
    let l = to.locale();
    let a = args(d);
    layout(
        l,
        &to.email,
        &to.first_name,
        tf(l, "email-autopay-draft-soon-subject", &a),
        &[tf(l, "email-autopay-draft-soon-body", &a)],
        None,
    )
}

/// "Your payment of … is due on …" (contracts without autopay); `d.source` is unused.
pub fn due_soon(to: &Recipient, d: &Details<'_>) -> Mail {
    let l = to.locale();
    let a = args(d);
    layout(
        l,
        &to.email,
        &to.first_name,
        tf(l, "email-due-soon-subject", &a),
        &[
            tf(l, "email-due-soon-body", &a),
            t(l, "email-due-soon-hint"),
        ],
        None,
    )
}
