//! /payments: pay a contract, see every payment (scheduled, pending, posted, returned, cancelled)
//! with its confirmation number, cancel a scheduled one, and reach the payment methods.

use super::api::{my_payments, CancelPayment};
use super::{source_label, status_label, PaymentView};
use crate::components::alert::Tone;
use crate::components::format;
use crate::components::toast::use_toasts;
use crate::components::{Alert, PageSpinner};
use crate::contracts::api::my_contracts;
use crate::domain::payment::PaymentStatus;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn PaymentsPage() -> impl IntoView {
    let l = crate::i18n::current();
    let cancel = ServerAction::<CancelPayment>::new();
    let payments = Resource::new(move || cancel.version().get(), |_| my_payments());
    let contracts = Resource::new(|| (), |_| my_contracts());
    let toasts = use_toasts();
    let general = RwSignal::new(None::<String>);
    // The action forgets its input once it answers; the reference is kept here for the toast.
    let cancelling = RwSignal::new(String::new());
    provide_context(cancelling);
    Effect::new(move |_| match cancel.value().get() {
        Some(Ok(())) => {
            let reference = cancelling.get_untracked();
            toasts.show(tf(
                l,
                "payments-cancelled-toast",
                &[("reference", reference.into())],
            ));
        }
        Some(Err(e)) => general.set(Some(e.message())),
        None => {}
    });
    view! {
        <Title text=t(l, "payments-title")/>
        <h1>{t(l, "payments-title")}</h1>
        <p class="hint">{t(l, "payments-intro")}</p>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                let active: Vec<_> = contracts.await.unwrap_or_default().into_iter().filter(|c| c.status == "active").collect();
                view! {
                    <nav class="quick-actions" aria-label=t(l, "payments-make-payment")>
                        {active.into_iter().map(|c| view! {
                            <A href=format!("/payments/new?contract={}", c.id) attr:class="btn btn-primary btn-inline">{tf(l, "payments-pay-for", &[("vehicle", c.vehicle.clone().into())])}</A>
                        }).collect_view()}
                        <A href="/payments/sources" attr:class="btn btn-secondary">{t(l, "payments-sources-link")}</A>
                        <A href="/payments/autopay" attr:class="btn btn-secondary">{t(l, "autopay-link")}</A>
                    </nav>
                }
            })}
        </Suspense>
        {move || general.get().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
        <section aria-labelledby="payments-list-title">
            <h2 id="payments-list-title">{t(l, "payments-list-title")}</h2>
            <Suspense fallback=|| view! { <PageSpinner/> }>
                {move || Suspend::new(async move {
                    match payments.await {
                        Ok(list) if list.is_empty() => view! { <p>{t(l, "payments-none")}</p> }.into_any(),
                        Ok(list) => view! { <PaymentTable list cancel/> }.into_any(),
                        Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PaymentTable(list: Vec<PaymentView>, cancel: ServerAction<CancelPayment>) -> impl IntoView {
    let l = crate::i18n::current();
    let cancelling =
        use_context::<RwSignal<String>>().unwrap_or_else(|| RwSignal::new(String::new()));
    view! {
        <table class="data">
            <caption class="visually-hidden">{t(l, "payments-list-caption")}</caption>
            <thead><tr>
                <th scope="col">{t(l, "payments-col-date")}</th>
                <th scope="col">{t(l, "payments-col-reference")}</th>
                <th scope="col">{t(l, "payments-col-contract")}</th>
                <th scope="col" class="num">{t(l, "payments-col-amount")}</th>
                <th scope="col">{t(l, "payments-col-from")}</th>
                <th scope="col">{t(l, "payments-col-status")}</th>
            </tr></thead>
            <tbody>
                {list.into_iter().map(|p| {
                    let class = match p.status {
                        PaymentStatus::Posted => "status status-ok",
                        PaymentStatus::Returned | PaymentStatus::Declined => "status status-bad",
                        PaymentStatus::Pending | PaymentStatus::Processing => "status status-info",
                        _ => "status",
                    };
                    let reference = p.reference.clone();
                    view! {
                        <tr data-payment=p.reference.clone()>
                            <td data-label=t(l, "payments-col-date")>{format::date(p.date)}</td>
                            <td data-label=t(l, "payments-col-reference") class="ref">{p.reference.clone()}</td>
                            <td data-label=t(l, "payments-col-contract")>{p.contract_number.clone()}</td>
                            <td data-label=t(l, "payments-col-amount") class="num">{format::money(p.amount + p.fee, &p.currency)}</td>
                            <td data-label=t(l, "payments-col-from")>{source_label(l, &p.source)}</td>
                            <td data-label=t(l, "payments-col-status")>
                                <span class=class>{status_label(l, p.status)}</span>
                                {p.posts_on.filter(|_| p.status == PaymentStatus::Pending).map(|d| view! { <span class="hint block">{tf(l, "payments-posts-on", &[("date", format::date(d).into())])}</span> })}
                                {p.can_cancel.then(|| view! {
                                    <A href=format!("/payments/new?contract={}&change={}", p.contract_id, p.reference)
                                        attr:class="btn btn-quiet" attr:aria-label=tf(l, "payments-change-label", &[("reference", p.reference.clone().into())])>
                                        {t(l, "payments-change")}
                                    </A>
                                })}
                                {p.can_cancel.then(|| view! {
                                    <button type="button" class="btn btn-quiet" disabled=move || cancel.pending().get()
                                        aria-label=tf(l, "payments-cancel-label", &[("reference", reference.clone().into())])
                                        on:click=move |_| { cancelling.set(reference.clone()); cancel.dispatch(CancelPayment { reference: reference.clone() }); }>
                                        {t(l, "payments-cancel")}
                                    </button>
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
