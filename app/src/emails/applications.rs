//! Application mail, in the recipient's language: an application was received, taken into
//! review, approved, declined or sent back for correction. Only that, its reference and a link
//! (the lender's reasons are read in the portal, never in mail).

use super::{layout, Recipient};
use crate::domain::application::ApplicationStatus;
use crate::i18n::{t, tf};
use crate::infra::mailer::Mail;

pub fn moved(to: &Recipient, reference: &str, status: ApplicationStatus, url: &str) -> Mail {
    let l = to.locale();
    let args = [("reference", reference.to_string().into())];
    let which = status.code().replace('_', "-");
    layout(
        l,
        &to.email,
        &to.first_name,
        tf(l, &format!("email-app-{which}-subject"), &args),
        &[
            tf(l, &format!("email-app-{which}-body"), &args),
            t(l, "email-app-hint"),
        ],
        Some((t(l, "email-app-button"), url)),
    )
}
