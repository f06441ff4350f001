//! Payment mails, in the recipient's language: scheduled or submitted (with the number to quote),
//! posted, returned, declined.

use super::{layout, Recipient};
use crate::i18n::format::{date, money};
use crate::i18n::{t, tf};
use crate::infra::mailer::Mail;
use crate::payments::Review;

pub fn scheduled(to: &Recipient, reference: &str, r: &Review) -> Mail {
    confirmation(to, "scheduled", reference, r)
}

/// A scheduled payment the customer changed: what it is now.
pub fn changed(to: &Recipient, reference: &str, r: &Review) -> Mail {
    confirmation(to, "changed", reference, r)
}

fn confirmation(to: &Recipient, key: &str, reference: &str, r: &Review) -> Mail {
    let l = to.locale();
    let args = [
        ("reference", reference.to_string().into()),
        ("amount", money(l, r.total, &r.currency).into()),
        ("date", date(l, r.date).into()),
        ("posts", date(l, r.posts_on).into()),
        ("source", r.source.clone().into()),
    ];
    layout(
        l,
        &to.email,
        &to.first_name,
        tf(l, &format!("email-payment-{key}-subject"), &args),
        &[
            tf(l, &format!("email-payment-{key}-body"), &args),
            t(l, "email-payment-cancel-hint"),
        ],
        None,
    )
}

/// A payment's outcome: `key` is `posted`, `returned`, `returned-late` (after it posted),
/// `payoff-returned`, `declined` or `cancelled`; `fee` is a fee charged with it (the
/// returned-payment fee), already formatted.
pub fn outcome(
    to: &Recipient,
    key: &str,
    reference: &str,
    amount: &str,
    fee: Option<&str>,
) -> Mail {
    let l = to.locale();
    let args = [
        ("reference", reference.to_string().into()),
        ("amount", amount.to_string().into()),
    ];
    let mut paragraphs = vec![tf(l, &format!("email-payment-{key}-body"), &args)];
    if let Some(fee) = fee {
        paragraphs.push(tf(
            l,
            "email-payment-returned-fee",
            &[("fee", fee.to_string().into())],
        ));
    }
    layout(
        l,
        &to.email,
        &to.first_name,
        tf(l, &format!("email-payment-{key}-subject"), &args),
        &paragraphs,
        None,
    )
}
