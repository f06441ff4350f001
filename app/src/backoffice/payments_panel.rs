//! A customer's payments in their file: every payment with its number, amount, source (last four
//! digits only) and status; a scheduled one can be cancelled for the customer with a reason. Above
//! it, the customer's autopays (amount, draft day, source by its last four, next draft).

use super::api::StaffCancelPayment;
use crate::components::alert::Tone;
use crate::components::{format, Alert};
use crate::error::AppError;
use crate::i18n::{t, tf};
use crate::payments::{source_label, status_label, AutopayLine, PaymentView};
use leptos::prelude::*;

#[component]
pub fn PaymentsPanel(payments: Vec<PaymentView>, on_done: Callback<()>) -> impl IntoView {
    let l = crate::i18n::current();
    let cancel = ServerAction::<StaffCancelPayment>::new();
    // The payment whose cancellation is being asked for (one at a time).
    let asking = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let page_outcome = super::customer_page::Outcome::of_page();
    Effect::new(move |_| match cancel.value().get() {
        Some(Ok(d)) => {
            asking.set(None);
            reason.set(String::new());
            error.set(None);
            // In the page's outcome region when there is one: this panel is redrawn by the reload.
            match page_outcome {
                Some(o) => o.announce(&d),
                None => done.set(Some(d.reference)),
            }
            on_done.run(());
        }
        Some(Err(AppError::Validation { issue, .. })) => error.set(Some(issue.message())),
        Some(Err(e)) => error.set(Some(e.message())),
        None => {}
    });
    view! {
        <section class="card" aria-labelledby="bo-payments">
            <h2 id="bo-payments">{t(l, "bo-payments")}</h2>
            <div aria-live="polite">
                {move || done.get().map(|r| view! { <Alert tone=Tone::Success>{tf(l, "bo-done", &[("reference", r.into())])}</Alert> })}
            </div>
            {payments.is_empty().then(|| view! { <p class="hint">{t(l, "payments-none")}</p> })}
            <ul class="plain rows" data-testid="bo-payment-list">
                {payments.into_iter().map(|p| {
                    let reference = p.reference.clone();
                    let shown = reference.clone();
                    let is_asking = { let r = reference.clone(); move || asking.get().as_deref() == Some(r.as_str()) };
                    view! {
                        <li class="row" data-payment=p.reference.clone()>
                            <div>
                                <strong class="ref">{p.reference.clone()}</strong>" · "{p.contract_number.clone()}" · "{format::money(p.amount + p.fee, &p.currency)}
                                <span class="hint block">{format::date(p.date)}" · "{source_label(l, &p.source)}" · "{status_label(l, p.status)}</span>
                            </div>
                            {p.can_cancel.then(|| view! {
                                <Show when=is_asking.clone() fallback=move || {
                                    let r = reference.clone();
                                    view! { <button type="button" class="btn btn-secondary" on:click=move |_| { error.set(None); asking.set(Some(r.clone())); }>{t(l, "bo-cancel-payment")}</button> }
                                }>
                                    {
                                        let r = shown.clone();
                                        view! {
                                            <form class="bo-cancel-form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                                                ev.prevent_default();
                                                cancel.dispatch(StaffCancelPayment { reference: r.clone(), reason: reason.get_untracked() });
                                            }>
                                                <div class="field" class:field-invalid=move || error.get().is_some()>
                                                    <label for="cancel-reason">{t(l, "bo-cancel-reason")}</label>
                                                    <textarea id="cancel-reason" name="reason" rows="2" aria-describedby="cancel-error"
                                                        prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                                    <p class="field-error" id="cancel-error" aria-live="polite">{move || error.get()}</p>
                                                </div>
                                                <button type="submit" class="btn btn-primary btn-inline" disabled=move || cancel.pending().get()>
                                                    {move || if cancel.pending().get() { t(l, "bo-working") } else { t(l, "bo-cancel-payment-confirm") }}
                                                </button>
                                                " "
                                                <button type="button" class="btn btn-secondary" on:click=move |_| asking.set(None)>{t(l, "bo-keep-payment")}</button>
                                            </form>
                                        }
                                    }
                                </Show>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn AutopayPanel(autopays: Vec<AutopayLine>) -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <section class="card" aria-labelledby="bo-autopays">
            <h2 id="bo-autopays">{t(l, "bo-autopays")}</h2>
            {autopays.is_empty().then(|| view! { <p class="hint">{t(l, "bo-autopay-none")}</p> })}
            <ul class="plain rows" data-testid="bo-autopay-list">
                {autopays.into_iter().map(|a| {
                    let amount = format::money(a.autopay.fixed_amount.unwrap_or(a.regular), &a.currency);
                    let next = a.autopay.next_draft.map(|(d, _)| format::date(d)).unwrap_or_default();
                    view! {
                        <li class="row">
                            <div>
                                <strong>{a.contract_number.clone()}</strong>" · "{amount}" · "{source_label(l, &a.autopay.source)}
                                <span class="hint block">{tf(l, "bo-autopay-next", &[("date", next.into()), ("days", a.autopay.days_before.into())])}</span>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
