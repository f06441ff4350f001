//! /contracts/:id/lease-end: a lease's end options side by side. Return: the estimate from the
//! odometer (and any wear the customer declares) and the pre-inspection booking with its
//! reference. Purchase: the price at maturity and today's early buyout, with the dated quote and
//! letter a click away (the payoff flow). Extend: month to month, as an application. Before the
//! window opens (120 days before maturity) the page says when it does, and miles can be bought
//! ahead (`miles_page`); the buyout is always shown.

use super::api::{lease_end, lease_return_estimate, BookLeaseInspection};
use super::miles_page::BuyMiles;
use super::LeaseEndView;
use crate::components::alert::Tone;
use crate::components::format::{date, money};
use crate::components::toast::CopyButton;
use crate::components::{Alert, PageSpinner};
use crate::error::AppError;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn LeaseEndPage() -> impl IntoView {
    let l = crate::i18n::current();
    let id = crate::components::params::route_id();
    let view = Resource::new(move || id.get(), lease_end);
    view! {
        <Title text=t(l, "lease-end-title")/>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(v) => view! { <Options v/> }.into_any(),
                    Err(e) => view! { <h1>{t(l, "lease-end-title")}</h1><Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Options(v: LeaseEndView) -> impl IntoView {
    let l = crate::i18n::current();
    let cur = v.currency.clone();
    let m = move |x| money(x, &cur);
    let id = v.contract_id;
    view! {
        <p><A href=format!("/contracts/{id}")>{t(l, "lease-end-back")}</A></p>
        <h1>{t(l, "lease-end-title")}</h1>
        <p class="hint">{tf(l, "lease-end-intro", &[("vehicle", v.vehicle.clone().into()), ("number", v.number.clone().into()), ("date", date(v.maturity).into())])}</p>
        {(!v.open).then(|| view! { <Alert tone=Tone::Info>{tf(l, "lease-end-opens", &[("date", date(v.opens_on).into())])}</Alert> })}
        <div class="options-grid">
            <section class="card" aria-labelledby="le-return" data-testid="lease-return">
                <h2 id="le-return">{t(l, "lease-end-return")}</h2>
                <p class="hint">{t(l, "lease-end-return-intro")}</p>
                {match (v.allowed_miles, v.excess_mile_rate.clone()) {
                    (Some(miles), Some(rate)) => view! {
                        <p>{tf(l, "lease-end-allowance", &[("miles", crate::i18n::format::number(l, rust_decimal::Decimal::from(miles), 0).into()), ("rate", rate_text(l, &rate, &v.currency).into())])}</p>
                        <Estimate id currency=v.currency.clone()/>
                    }.into_any(),
                    _ => view! { <p>{t(l, "lease-end-no-rate")}</p> }.into_any(),
                }}
                {v.open.then(|| view! { <Inspect id current=v.inspection.clone()/> })}
            </section>
            <section class="card" aria-labelledby="le-buy" data-testid="lease-purchase">
                <h2 id="le-buy">{t(l, "lease-end-buy")}</h2>
                <dl class="details">
                    <div><dt>{t(l, "lease-end-buy-maturity")}</dt><dd>{m(v.maturity_price)}</dd></div>
                    <div><dt>{t(l, "lease-end-buy-today")}</dt><dd>{m(v.buyout_today)}</dd></div>
                </dl>
                {v.payments_in_progress.then(|| view! { <p class="hint">{t(l, "lease-end-buy-wait")}</p> })}
                <p><A href=format!("/payments/payoff?contract={id}") attr:class="btn btn-primary btn-inline">{t(l, "lease-end-buy-quote")}</A></p>
            </section>
            <section class="card" aria-labelledby="le-extend" data-testid="lease-extend">
                <h2 id="le-extend">{t(l, "lease-end-extend")}</h2>
                <p class="hint">{t(l, "lease-end-extend-intro")}</p>
                {match v.extension {
                    Ok(()) if v.open => view! { <p><A href=format!("/applications?contract={id}&kind=lease_extension") attr:class="btn btn-secondary">{t(l, "lease-end-extend-ask")}</A></p> }.into_any(),
                    Ok(()) => ().into_any(),
                    Err(why) => view! { <p>{crate::i18n::ineligible_text(l, why)}</p> }.into_any(),
                }}
            </section>
        </div>
        {v.prepaid_mile_rate.clone().map(|rate| view! {
            <BuyMiles id currency=v.currency.clone() rate open=v.miles_open bought=v.bought.clone()/>
        })}
    }
}

/// A per-mile rate as money in the contract's currency ("$0.25"), or as a plain number when it has
/// more than cents ("0.155").
pub fn rate_text(l: crate::i18n::Locale, rate: &str, currency: &str) -> String {
    match crate::domain::Money::parse(rate) {
        Ok(m)
            if m.amount().normalize()
                == rust_decimal::Decimal::from_str_exact(rate)
                    .unwrap_or_default()
                    .normalize() =>
        {
            money(m, currency)
        }
        _ => crate::contracts::detail_page::decimal(l, rate).unwrap_or(rate.to_string()),
    }
}

#[component]
fn Estimate(id: i64, currency: String) -> impl IntoView {
    let l = crate::i18n::current();
    let odometer = RwSignal::new(String::new());
    let wear = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<crate::domain::lease_end::ReturnEstimate, AppError>>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        leptos::task::spawn_local(async move {
            result.set(Some(
                lease_return_estimate(id, odometer.get_untracked(), wear.get_untracked()).await,
            ));
            busy.set(false);
        });
    };
    let error = move |field: &'static str| {
        move || match result.get() {
            Some(Err(AppError::Validation { field: f, issue })) if f == field => {
                Some(issue.message())
            }
            _ => None,
        }
    };
    view! {
        <form on:submit=submit novalidate>
            <div class="field" class:field-invalid=move || error("odometer")().is_some()>
                <label for="le-odometer">{t(l, "lease-end-odometer")}</label>
                <input id="le-odometer" inputmode="numeric" aria-describedby="le-odometer-error" prop:value=move || odometer.get() on:input=move |ev| odometer.set(event_target_value(&ev))/>
                <p class="field-error" id="le-odometer-error" aria-live="polite">{error("odometer")}</p>
            </div>
            <div class="field" class:field-invalid=move || error("wear")().is_some()>
                <label for="le-wear">{t(l, "lease-end-wear")}</label>
                <input id="le-wear" inputmode="decimal" aria-describedby="le-wear-error" prop:value=move || wear.get() on:input=move |ev| wear.set(event_target_value(&ev))/>
                <p class="field-error" id="le-wear-error" aria-live="polite">{error("wear")}</p>
            </div>
            <button type="submit" class="btn btn-secondary btn-inline" disabled=move || busy.get()>{move || if busy.get() { t(l, "lease-end-estimating") } else { t(l, "lease-end-estimate") }}</button>
        </form>
        <div aria-live="polite">
            {move || match result.get() {
                Some(Ok(e)) => Some(view! {
                    <dl class="details" data-testid="lease-estimate">
                        <div><dt>{t(l, "lease-end-excess")}</dt><dd>{crate::i18n::format::number(l, rust_decimal::Decimal::from(e.excess_miles), 0)}</dd></div>
                        <div><dt>{t(l, "lease-end-mileage-charge")}</dt><dd>{money(e.mileage_charge, &currency)}</dd></div>
                        <div><dt>{t(l, "lease-end-wear-charge")}</dt><dd>{money(e.wear_charge, &currency)}</dd></div>
                        <div><dt>{t(l, "lease-end-total")}</dt><dd>{money(e.total, &currency)}</dd></div>
                    </dl>
                }.into_any()),
                Some(Err(AppError::Validation { .. })) | None => None,
                Some(Err(e)) => Some(view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any()),
            }}
        </div>
    }
}

#[component]
fn Inspect(id: i64, current: Option<super::Inspection>) -> impl IntoView {
    let l = crate::i18n::current();
    let day = RwSignal::new(String::new());
    let key = RwSignal::new(crate::components::form_key::new_form_key());
    let book = ServerAction::<BookLeaseInspection>::new();
    let booked = RwSignal::new(current);
    Effect::new(move |_| {
        if let Some(Ok(i)) = book.value().get() {
            booked.set(Some(i));
            key.set(crate::components::form_key::new_form_key());
        }
    });
    let error = move || match book.value().get() {
        Some(Err(AppError::Validation { issue, .. })) => Some(issue.message()),
        Some(Err(e)) => Some(e.message()),
        _ => None,
    };
    view! {
        <h3>{t(l, "lease-end-inspection")}</h3>
        {move || booked.get().map(|i| view! {
            <p role="status" data-testid="lease-inspection">{tf(l, "lease-end-inspection-booked", &[("date", date(i.on).into()), ("reference", i.reference.clone().into())])}" "
                <CopyButton text=i.reference.clone() label=t(l, "lease-end-reference")/></p>
        })}
        <form on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); book.dispatch(BookLeaseInspection { contract: id, date: day.get_untracked(), key: key.get_untracked() }); } novalidate>
            <div class="field" class:field-invalid=move || error().is_some()>
                <label for="le-date">{t(l, "lease-end-inspection-date")}</label>
                <input id="le-date" type="date" aria-describedby="le-date-error" prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev))/>
                <p class="field-error" id="le-date-error" aria-live="polite">{error}</p>
            </div>
            <button type="submit" class="btn btn-secondary btn-inline" disabled=move || book.pending().get()>
                {move || if book.pending().get() { t(l, "lease-end-booking") } else if booked.get().is_some() { t(l, "lease-end-rebook") } else { t(l, "lease-end-book") }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::rate_text;
    use crate::i18n::Locale;

    #[test]
    fn a_rate_in_cents_reads_as_money_and_a_finer_one_as_a_number() {
        assert_eq!(rate_text(Locale::En, "0.25", "USD"), "$0.25");
        assert_eq!(rate_text(Locale::En, "0.155", "USD"), "0.155");
        assert_ne!(rate_text(Locale::FrCa, "0.15", "CAD"), "0.15");
    }
}
