//! /payments/payoff?contract=ID&date=YYYY-MM-DD: the payoff good through a date (today … +30
//! days) with its parts and the arithmetic written out, the payoff letter as a PDF, and "pay this
//! now" into the pay flow with the payoff chosen. For a lease: the purchase prices (early buyout
//! today, at maturity) with the same breakdown. The date form is a plain GET form, so the page
//! works before (and without) the browser's code.

use super::api::payoff_quote;
use super::{payoff_arithmetic, payoff_letter_href, PayoffView};
use crate::components::alert::Tone;
use crate::components::format;
use crate::components::{Alert, PageSpinner};
use crate::domain::payoff::{LeasePurchaseParts, LoanPayoffParts};
use crate::domain::Money;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PayoffPage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let asked = move || {
        let q = query.read();
        let contract = q.get("contract").and_then(|v| v.parse::<i64>().ok());
        (contract.unwrap_or(0), q.get("date"))
    };
    let quote = Resource::new(asked, |(c, d)| payoff_quote(c, d));
    view! {
        <Title text=t(l, "payoff-title")/>
        <p><A href="/dashboard">{t(l, "payoff-back")}</A></p>
        <h1>{t(l, "payoff-title")}</h1>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                let (contract, date) = asked();
                match quote.await {
                    Ok(q) => view! { <Quote q/> }.into_any(),
                    Err(e) if e.field() == Some("good_through") => view! {
                        <Alert tone=Tone::Error><p data-testid="payoff-error">{e.message()}</p></Alert>
                        <DateForm contract value=date.unwrap_or_default() min=None max=None/>
                    }.into_any(),
                    Err(crate::error::AppError::NotFound) => view! {
                        <Alert tone=Tone::Info><p>{t(l, "pay-choose-contract")}</p><p><A href="/payments">{t(l, "pay-back")}</A></p></Alert>
                    }.into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The good-through date, as a plain GET form back to this page.
#[component]
fn DateForm(
    contract: i64,
    value: String,
    min: Option<String>,
    max: Option<String>,
) -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <form method="get" action="/payments/payoff" class="inline-form">
            <input type="hidden" name="contract" value=contract.to_string()/>
            <div class="field">
                <label for="good-through">{t(l, "payoff-date-label")}</label>
                <p class="hint" id="good-through-hint">{t(l, "payoff-date-hint")}</p>
                <input id="good-through" name="date" type="date" value=value min=min max=max aria-describedby="good-through-hint"/>
            </div>
            <button type="submit" class="btn btn-secondary">{t(l, "payoff-date-submit")}</button>
        </form>
    }
}

#[component]
fn Quote(q: PayoffView) -> impl IntoView {
    let l = crate::i18n::current();
    let id = q.contract_id;
    view! {
        <section class="card narrow-left" aria-labelledby="payoff-for">
            <h2 id="payoff-for">{tf(l, "contracts-vehicle-and-number", &[("vehicle", q.vehicle.clone().into()), ("number", q.number.clone().into())])}</h2>
            <DateForm contract=id value=q.good_through.to_string() min=Some(q.today.to_string()) max=Some(q.latest.to_string())/>
            {q.loan.clone().map(|p| view! { <LoanParts p currency=q.currency.clone()/> })}
            {q.lease.clone().map(|p| view! { <LeaseParts p currency=q.currency.clone() maturity=q.maturity/> })}
            <p class="quick-actions">
                <a href=payoff_letter_href(id, q.good_through) class="btn btn-secondary" rel="external" download data-testid="payoff-letter">{t(l, "payoff-letter")}</a>
                {q.loan.is_some().then(|| view! {
                    <A href=format!("/payments/new?contract={id}&payoff=1&until={}", q.good_through) attr:class="btn btn-primary btn-inline">{t(l, "payoff-pay-now")}</A>
                })}
                {q.lease.is_some().then(|| view! {
                    <A href=format!("/payments/new?contract={id}&payoff=1") attr:class="btn btn-primary btn-inline">{t(l, "payoff-buy-now")}</A>
                })}
            </p>
            {q.loan.is_some().then(|| view! { <p class="hint">{t(l, "payoff-pay-now-note")}</p> })}
        </section>
    }
}

fn row(label: String, value: String, testid: &'static str) -> impl IntoView {
    view! { <tr><th scope="row">{label}</th><td class="num" data-testid=testid>{value}</td></tr> }
}

#[component]
fn LoanParts(p: LoanPayoffParts, currency: String) -> impl IntoView {
    let l = crate::i18n::current();
    let m = |x: Money| format::money(x, &currency);
    let days = tf(
        l,
        "payoff-per-diem-days",
        &[
            ("days", p.days.into()),
            (
                "perdiem",
                crate::i18n::format::amount(l, p.per_diem_exact, 4, &currency).into(),
            ),
        ],
    );
    view! {
        <table class="figures-table">
            <caption>{tf(l, "payoff-caption", &[("date", format::date(p.good_through).into())])}</caption>
            <tbody>
                {row(t(l, "payoff-principal"), m(p.principal), "payoff-principal")}
                {row(tf(l, "payoff-interest-to", &[("date", format::date(p.from).into())]), m(p.interest_to_date), "payoff-interest")}
                {row(days, m(p.days_interest), "payoff-days-interest")}
                {row(t(l, "payoff-fees"), m(p.fees), "payoff-fees")}
                {p.credits.is_positive().then(|| row(t(l, "payoff-credits"), format!("−{}", m(p.credits)), "payoff-credits"))}
            </tbody>
            <tfoot>{row(t(l, "payoff-total"), m(p.total), "payoff-total")}</tfoot>
        </table>
        <p data-testid="payoff-arithmetic">{payoff_arithmetic(l, &p, &currency)}</p>
        <p class="hint">{tf(l, "payoff-per-diem-note", &[("perdiem", m(p.per_diem).into())])}</p>
    }
}

#[component]
fn LeaseParts(
    p: LeasePurchaseParts,
    currency: String,
    maturity: Option<time::Date>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let m = |x: Money| format::money(x, &currency);
    let payments = tf(
        l,
        "payoff-remaining-payments",
        &[
            ("count", p.payments_remaining.into()),
            ("amount", m(p.monthly_payment).into()),
        ],
    );
    view! {
        <table class="figures-table">
            <caption>{t(l, "payoff-buyout-caption")}</caption>
            <tbody>
                {row(payments, m(p.remaining_payments), "buyout-payments")}
                {row(t(l, "payoff-residual"), m(p.residual), "buyout-residual")}
                {row(t(l, "payoff-unearned-rent"), format!("−{}", m(p.unearned_rent)), "buyout-unearned")}
                {row(t(l, "payoff-option-fee"), m(p.purchase_option_fee), "buyout-option-fee")}
                {row(t(l, "payoff-fees"), m(p.fees), "buyout-fees")}
            </tbody>
            <tfoot>{row(t(l, "payoff-buyout-total"), m(p.buyout_total), "buyout-total")}</tfoot>
        </table>
        <table class="figures-table">
            <caption>{tf(l, "payoff-maturity-caption", &[("date", maturity.map(format::date).unwrap_or_default().into())])}</caption>
            <tbody>
                {row(t(l, "payoff-residual"), m(p.residual), "maturity-residual")}
                {row(t(l, "payoff-option-fee"), m(p.purchase_option_fee), "maturity-option-fee")}
                {row(t(l, "payoff-tax"), m(p.maturity_tax), "maturity-tax")}
            </tbody>
            <tfoot>{row(t(l, "payoff-maturity-total"), m(p.maturity_total), "maturity-total")}</tfoot>
        </table>
        <p class="hint">{t(l, "payoff-buyout-how")}</p>
    }
}
