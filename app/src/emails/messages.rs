//! Message Center mail, in the recipient's language: the lender answered. Never the message
//! itself (mail is not a secure channel) — only that there is an answer, its thread's reference
//! and a link that signs in and opens it.

use super::{layout, Recipient};
use crate::i18n::{t, tf};
use crate::infra::mailer::Mail;

pub fn answered(to: &Recipient, reference: &str, url: &str) -> Mail {
    let l = to.locale();
    let args = [("reference", reference.to_string().into())];
    layout(
        l,
        &to.email,
        &to.first_name,
        tf(l, "email-message-answered-subject", &args),
        &[
            tf(l, "email-message-answered-body", &args),
            t(l, "email-message-answered-hint"),
        ],
        Some((t(l, "email-message-answered-button"), url)),
    )
}
