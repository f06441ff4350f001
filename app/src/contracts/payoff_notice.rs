//! What a payoff left on a contract, said where the contract is shown (dashboard card, contract
//! page, the back office's contract view): a refund due after paying more than the payoff, or a
//! returned payoff that left the contract open again.

use super::ContractSummary;
use crate::components::alert::Tone;
use crate::components::{format, Alert};
use crate::i18n::tf;
use leptos::prelude::*;

#[component]
pub fn PayoffNotices(s: ContractSummary) -> impl IntoView {
    let l = crate::i18n::current();
    let refund = s.refund_due.is_positive().then(|| {
        let amount = format::money(s.refund_due, &s.currency);
        view! {
            <Alert tone=Tone::Info><p data-testid="refund-due">{tf(l, "payoff-refund-due", &[("amount", amount.into())])}</p></Alert>
        }
    });
    let reopened = s.payoff_returned.clone().map(|reference| {
        view! {
            <Alert tone=Tone::Error><p data-testid="payoff-returned">{tf(l, "payoff-reopened", &[("reference", reference.into())])}</p></Alert>
        }
    });
    view! { {refund} {reopened} }
}
