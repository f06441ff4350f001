//! /payments/new?contract=ID: the pay form — amount (what is due now, the regular payment, the
//! payoff, or another amount), date, source — then a review that shows how the ledger will apply
//! it on the day it posts, then a confirmation with its number. The form instance carries one
//! idempotency key, so a double click or a retry makes one payment.
//! With `&change=PMT-…` the same form changes a scheduled payment (filled in with what it is now;
//! the review, then "Save the change"; same number).

use super::api::{my_payments, payment_options, ChangePayment, MakePayment, ReviewPayment};
use super::sources_page::FieldErrors;
use super::{source_label, PayOptions, PaymentView, Receipt, Review, SourceStatus};
use crate::components::alert::Tone;
use crate::components::format;
use crate::components::toast::CopyButton;
use crate::components::{Alert, Field, PageSpinner, SubmitButton};
use crate::domain::payment::{ExtraTo, PaymentStatus, SourceKind};
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PayPage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let contract = move || {
        query
            .read()
            .get("contract")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let payoff = move || query.read().get("payoff").is_some();
    // From the payoff page: pay on or before the quote's good-through date.
    let until = move || {
        query
            .read()
            .get("until")
            .and_then(|d| crate::domain::dates::parse_iso(&d))
    };
    let change = move || query.read().get("change");
    // The scheduled payment being changed, as it is now (only while it can still be changed).
    let changing = Resource::new(change, |reference| async move {
        match reference {
            None => Ok(None),
            Some(r) => my_payments()
                .await
                .map(|list| list.into_iter().find(|p| p.reference == r && p.can_cancel)),
        }
    });
    let title = move || {
        if change().is_some() {
            t(l, "pay-change-title")
        } else {
            t(l, "pay-title")
        }
    };
    let options = Resource::new(contract, payment_options);
    view! {
        <Title text=title/>
        <p><A href="/payments">{t(l, "pay-back")}</A></p>
        <h1>{title}</h1>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                let changing = match (change(), changing.await) {
                    (None, _) => None,
                    (Some(_), Ok(Some(p))) => Some(p),
                    (Some(_), _) => {
                        let e = crate::error::AppError::Conflict(crate::error::Conflict::PaymentNotCancellable);
                        return view! { <Alert tone=Tone::Info><p>{e.message()}</p><p><A href="/payments">{t(l, "pay-back")}</A></p></Alert> }.into_any();
                    }
                };
                match options.await {
                    Ok(o) if changing.is_some() => view! { <PayFlow o payoff=false changing=changing.unwrap() until=None/> }.into_any(),
                    Ok(o) => view! { <PayFlow o payoff=payoff() until=until()/> }.into_any(),
                    // No contract chosen (or not this customer's): the list to choose from.
                    Err(crate::error::AppError::NotFound) => view! {
                        <Alert tone=Tone::Info><p>{t(l, "pay-choose-contract")}</p><p><A href="/payments">{t(l, "pay-back")}</A></p></Alert>
                    }.into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PayFlow(
    o: PayOptions,
    payoff: bool,
    #[prop(optional, into)] changing: Option<PaymentView>,
    until: Option<time::Date>,
) -> impl IntoView {
    let mut o = o;
    if let Some(d) = until {
        o.latest = o.latest.min(d.max(o.earliest));
    }
    let review = ServerAction::<ReviewPayment>::new();
    let pay = ServerAction::<MakePayment>::new();
    let change = ServerAction::<ChangePayment>::new();
    let reference = changing.as_ref().map(|p| p.reference.clone());
    // One key per form instance: made when the form opens, sent with every confirmation.
    let key = RwSignal::new(crate::components::form_key::new_form_key());
    let reviewed = RwSignal::new(None::<Review>);
    Effect::new(move |_| {
        if let Some(Ok(r)) = review.value().get() {
            reviewed.set(Some(r));
        }
    });
    let done = Memo::new(move |_| {
        pay.value()
            .get()
            .or_else(|| change.value().get())
            .and_then(|r| r.ok())
    });
    let o = StoredValue::new(o);
    let changing = StoredValue::new(changing);
    let reference = StoredValue::new(reference);
    view! {
        {move || match (done.get(), reviewed.get()) {
            (Some(receipt), _) => view! { <Done receipt key reviewed pay change changed=reference.get_value().is_some()/> }.into_any(),
            (None, Some(r)) => view! { <ReviewStep r o=o.get_value() pay change changing=reference.get_value() key reviewed/> }.into_any(),
            (None, None) => view! { <PayForm o=o.get_value() payoff review initial=changing.get_value()/> }.into_any(),
        }}
    }
}

#[component]
fn PayForm(
    o: PayOptions,
    payoff: bool,
    review: ServerAction<ReviewPayment>,
    initial: Option<PaymentView>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let cur = o.currency.clone();
    let m = move |x| format::money(x, &cur);
    let choice = RwSignal::new(
        if initial.is_some() {
            "other"
        } else if payoff && o.payoff.is_some() {
            "payoff"
        } else {
            "due"
        }
        .to_string(),
    );
    let other = RwSignal::new(
        initial
            .as_ref()
            .map(|p| p.amount.amount().to_string())
            .unwrap_or_default(),
    );
    let date = RwSignal::new(initial.as_ref().map_or(o.earliest, |p| p.date).to_string());
    let usable: Vec<_> = o
        .sources
        .iter()
        .filter(|s| s.status != SourceStatus::Failed)
        .cloned()
        .collect();
    let source = RwSignal::new(
        initial
            .as_ref()
            .map(|p| p.source.id)
            .or(usable.first().map(|s| s.id))
            .map(|id| id.to_string())
            .unwrap_or_default(),
    );
    let extra = RwSignal::new(ExtraTo::NextInstalment.code().to_string());
    let errors = FieldErrors::new();
    let general = RwSignal::new(None::<String>);
    Effect::new(move |_| match review.value().get() {
        Some(Err(e)) if !errors.take(&e) => general.set(Some(e.message())),
        _ => {}
    });
    let amounts = {
        let mut v = vec![
            ("due", o.due_now, "pay-amount-due"),
            ("regular", o.regular, "pay-amount-regular"),
        ];
        if let Some(p) = o.payoff {
            let label = if o.is_lease {
                "pay-amount-purchase"
            } else {
                "pay-amount-payoff"
            };
            v.push(("payoff", p, label));
        }
        v
    };
    let amount_of = {
        let amounts = amounts.clone();
        move || match amounts
            .iter()
            .find(|(k, _, _)| *k == choice.get_untracked())
        {
            Some((_, v, _)) => v.amount().to_string(),
            None => other.get_untracked(),
        }
    };
    let contract_id = o.contract_id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        general.set(None);
        review.dispatch(ReviewPayment {
            contract_id,
            source_id: source.get_untracked().parse().unwrap_or(0),
            amount: amount_of(),
            date: date.get_untracked(),
            extra_to: Some(extra.get_untracked()),
            payoff: (choice.get_untracked() == "payoff").then(|| "on".to_string()),
        });
    };
    let fee = o.card_fee;
    let latest = format::date(o.latest);
    view! {
        <section class="card narrow-left" aria-labelledby="pay-form-title">
            <h2 id="pay-form-title">{tf(l, "payments-pay-for", &[("vehicle", o.vehicle.clone().into())])}</h2>
            <p class="hint">{tf(l, "contracts-vehicle-and-number", &[("vehicle", o.vehicle.clone().into()), ("number", o.number.clone().into())])}</p>
            {move || general.get().map(|msg| view! { <Alert tone=Tone::Error>{msg}</Alert> })}
            <form on:submit=submit novalidate>
                <fieldset class="choice">
                    <legend>{t(l, "pay-amount-legend")}</legend>
                    {amounts.into_iter().map(|(k, v, label)| view! {
                        <label><input type="radio" name="amount_choice" value=k prop:checked=move || choice.get() == k on:change=move |_| choice.set(k.into())/>" " {tf(l, label, &[("amount", m(v).into())])}</label>
                    }).collect_view()}
                    <label><input type="radio" name="amount_choice" value="other" prop:checked=move || choice.get() == "other" on:change=move |_| choice.set("other".into())/>" " {t(l, "pay-amount-other")}</label>
                </fieldset>
                <Show when=move || choice.get() == "other">
                    <Field id="amount" label=tf(l, "pay-amount-label", &[("currency", o.currency.clone().into())]) hint=t(l, "pay-amount-hint") inputmode="decimal" value=other error=errors.of("amount") required=true/>
                </Show>
                {move || (choice.get() != "other").then(|| errors.of("amount").get()).flatten().map(|msg| view! { <p class="field-error" role="alert">{msg}</p> })}
                <div class="field">
                    <label for="date">{t(l, "pay-date-label")}</label>
                    <p class="hint" id="date-hint">{tf(l, "pay-date-hint", &[("earliest", format::date(o.earliest).into()), ("latest", latest.clone().into()), ("cutoff", o.cutoff.clone().into()), ("bank", o.bank_days.into()), ("card", o.card_days.into())])}</p>
                    <input id="date" name="date" type="date" min=o.earliest.to_string() max=o.latest.to_string() aria-describedby="date-hint date-error"
                        prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                    <p class="field-error" id="date-error">{move || errors.of("date").get()}</p>
                </div>
                <fieldset class="choice">
                    <legend>{t(l, "pay-from-legend")}</legend>
                    {usable.is_empty().then(|| view! { <p>{t(l, "pay-no-sources")}</p> })}
                    {usable.iter().map(|s| {
                        let id = s.id.to_string();
                        let value = id.clone();
                        let cost = if s.kind == SourceKind::Card && fee.is_positive() { tf(l, "pay-card-fee", &[("fee", m(fee).into())]) } else { t(l, "pay-bank-free") };
                        view! {
                            <label><input type="radio" name="source" value=id.clone() prop:checked=move || source.get() == value on:change=move |_| source.set(id.clone())/>" " {source_label(l, s)} " · " <span class="hint">{cost}</span></label>
                        }
                    }).collect_view()}
                    <p><A href="/payments/sources">{t(l, "pay-add-source")}</A></p>
                </fieldset>
                {(!o.is_lease).then(|| view! {
                    <fieldset class="choice">
                        <legend>{t(l, "pay-extra-legend")}</legend>
                        <label><input type="radio" name="extra_to" value="next_instalment" prop:checked=move || extra.get() == "next_instalment" on:change=move |_| extra.set("next_instalment".into())/>" " {t(l, "pay-extra-next")}</label>
                        <label><input type="radio" name="extra_to" value="principal" prop:checked=move || extra.get() == "principal" on:change=move |_| extra.set("principal".into())/>" " {t(l, "pay-extra-principal")}</label>
                    </fieldset>
                })}
                <SubmitButton label=t(l, "pay-review") busy_label=t(l, "pay-reviewing") pending=review.pending()/>
            </form>
        </section>
    }
}

#[component]
fn ReviewStep(
    r: Review,
    o: PayOptions,
    pay: ServerAction<MakePayment>,
    change: ServerAction<ChangePayment>,
    /// The scheduled payment being changed.
    changing: Option<String>,
    key: RwSignal<String>,
    reviewed: RwSignal<Option<Review>>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let cur = r.currency.clone();
    let m = move |x| format::money(x, &cur);
    let general = RwSignal::new(None::<String>);
    let busy = move || pay.pending().get() || change.pending().get();
    Effect::new(move |_| {
        if let Some(Err(e)) = pay.value().get().or_else(|| change.value().get()) {
            // A declined card ends that attempt: another source is a new request, with a new key.
            if e == crate::error::AppError::Conflict(crate::error::Conflict::CardDeclined) {
                key.set(crate::components::form_key::new_form_key());
            }
            general.set(Some(e.message()));
        }
    });
    let request = (o.contract_id, r.clone());
    let source_id = r.source_id;
    let saving_change = changing.is_some();
    let confirm = move |_| {
        let (contract_id, r) = request.clone();
        if let Some(reference) = changing.clone() {
            change.dispatch(ChangePayment {
                reference,
                source_id,
                amount: r.amount.amount().to_string(),
                date: r.date.to_string(),
                extra_to: Some(r.extra_to.code().to_string()),
            });
            return;
        }
        pay.dispatch(MakePayment {
            contract_id,
            source_id,
            amount: r.amount.amount().to_string(),
            date: r.date.to_string(),
            extra_to: Some(r.extra_to.code().to_string()),
            payoff: r.payoff.then(|| "on".to_string()),
            key: key.get_untracked(),
        });
    };
    let row = |label: String, value: String| view! { <div><dt>{label}</dt><dd>{value}</dd></div> };
    let lease = o.is_lease;
    let purchase = lease && r.payoff;
    view! {
        <section class="card narrow-left" aria-labelledby="review-title">
            <h2 id="review-title">{t(l, "pay-review-title")}</h2>
            <p class="hint">{t(l, "pay-review-intro")}</p>
            {move || general.get().map(|msg| view! { <Alert tone=Tone::Error>{msg}</Alert> })}
            <dl class="details" data-testid="review">
                {row(t(l, "pay-review-amount"), m(r.amount))}
                {r.fee.is_positive().then(|| row(t(l, "pay-review-fee"), m(r.fee)))}
                {row(t(l, "pay-review-total"), m(r.total))}
                {row(t(l, "pay-review-date"), format::date(r.date))}
                {row(t(l, "pay-review-posts"), format::date(r.posts_on))}
                {row(t(l, "pay-review-from"), r.source.clone())}
            </dl>
            <h3>{t(l, "pay-review-split")}</h3>
            <p class="hint">{t(l, "pay-review-split-note")}</p>
            <dl class="details" data-testid="allocation">
                {r.fees.is_positive().then(|| row(t(l, "pay-review-fees"), m(r.fees)))}
                {(!purchase).then(|| row(if lease { t(l, "pay-review-rent") } else { t(l, "pay-review-interest") }, m(r.interest)))}
                {r.tax.is_positive().then(|| row(t(l, "pay-review-tax"), m(r.tax)))}
                {row(if purchase { t(l, "pay-review-purchase") } else if lease { t(l, "pay-review-depreciation") } else { t(l, "pay-review-principal") }, m(r.principal))}
                {r.excess.is_positive().then(|| row(t(l, "pay-review-excess"), m(r.excess)))}
            </dl>
            {purchase.then(|| view! { <p class="hint" data-testid="purchase-note">{t(l, "pay-review-purchase-note")}</p> })}
            <p class="actions">
                <button type="button" class="btn btn-primary btn-inline" disabled=busy aria-busy=move || busy().to_string() on:click=confirm>
                    {move || if busy() { t(l, "pay-confirming") } else if saving_change { tf(l, "pay-save-change", &[("amount", m(r.total).into())]) } else { tf(l, "pay-confirm", &[("amount", m(r.total).into())]) }}
                </button>
                <button type="button" class="btn btn-secondary" disabled=busy on:click=move |_| reviewed.set(None)>{t(l, "pay-change")}</button>
            </p>
        </section>
    }
}

#[component]
fn Done(
    receipt: Receipt,
    key: RwSignal<String>,
    reviewed: RwSignal<Option<Review>>,
    pay: ServerAction<MakePayment>,
    change: ServerAction<ChangePayment>,
    changed: bool,
) -> impl IntoView {
    let l = crate::i18n::current();
    let scheduled = receipt.status == PaymentStatus::Scheduled;
    let r = receipt.review.clone();
    let again = move |_| {
        // A new payment is a new form instance: a new key.
        key.set(crate::components::form_key::new_form_key());
        reviewed.set(None);
        pay.clear();
        change.clear();
    };
    view! {
        <Alert tone=Tone::Success>
            <h2>{if changed { t(l, "pay-done-changed-title") } else if scheduled { t(l, "pay-done-scheduled-title") } else { t(l, "pay-done-title") }}</h2>
            <p data-testid="confirmation">{tf(l, "pay-done-intro", &[("reference", receipt.reference.clone().into())])} <CopyButton text=receipt.reference.clone() label=t(l, "pay-copy-what")/></p>
            <p>{if scheduled { tf(l, "pay-done-scheduled", &[("date", format::date(r.date).into())]) } else { tf(l, "pay-done-pending", &[("date", format::date(r.posts_on).into())]) }}</p>
        </Alert>
        <p class="actions">
            <A href="/payments" attr:class="btn btn-primary btn-inline">{t(l, "pay-see-payments")}</A>
            {(!changed).then(|| view! { <button type="button" class="btn btn-secondary" on:click=again>{t(l, "pay-another")}</button> })}
        </p>
    }
}
