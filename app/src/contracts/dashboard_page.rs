//! Dashboard: one card per contract with what matters first — past-due warning, balance or
//! remaining payments, next due date and amount, autopay — and the actions people come for.
//! A customer with no linked contract is led to Link Account.

use super::api::my_contracts;
use super::chart::BalanceChart;
use super::{ContractKind, ContractSummary};
use crate::components::alert::Tone;
use crate::components::{format, Alert, PageSpinner};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let contracts = Resource::new(|| (), |_| my_contracts());
    view! {
        <Title text="Dashboard"/>
        <h1>"Dashboard"</h1>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match contracts.await {
                    Ok(list) if list.is_empty() => view! { <LinkPrompt/> }.into_any(),
                    Ok(list) => view! {
                        <div class="cards">
                            {list.into_iter().map(|c| view! { <ContractCard c/> }).collect_view()}
                        </div>
                        <p class="aside">"Another contract in your name? " <A href="/link">"Link another account"</A></p>
                    }.into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LinkPrompt() -> impl IntoView {
    view! {
        <section class="card link-prompt" aria-labelledby="link-prompt-title">
            <h2 id="link-prompt-title">"Link your account"</h2>
            <p>"To see your balance, payments and documents, link your finance contract to this login. You will need your full Vehicle Identification Number (VIN) and the exact amount of your last payment — or your Customer ID from your owner's card."</p>
            <A href="/link" attr:class="btn btn-primary btn-inline">"Link your account"</A>
        </section>
    }
}

#[component]
fn ContractCard(c: ContractSummary) -> impl IntoView {
    let title_id = format!("contract-{}-title", c.id);
    let cur = c.currency.clone();
    let closed = c.status != "active";
    let kind = match c.kind {
        ContractKind::Loan => "Loan",
        ContractKind::Lease => "Lease",
    };
    let balance_label = match c.kind {
        ContractKind::Loan => "Balance",
        ContractKind::Lease => "Remaining payments",
    };
    let balance_value = match c.kind {
        ContractKind::Loan => format::money(c.balance, &cur),
        ContractKind::Lease => format!(
            "{} · {}",
            c.payments_remaining,
            format::money(c.balance, &cur)
        ),
    };
    let next = c
        .next_due
        .map(|(d, m)| format!("{} on {}", format::money(m, &cur), format::date(d)));
    let past_due = c
        .past_due
        .is_positive()
        .then(|| format::money(c.past_due + c.fees_due, &cur));
    let id = c.id;
    view! {
        <article class="card contract-card" aria-labelledby=title_id.clone() data-contract=c.number.clone()>
            <header class="contract-head">
                <h2 id=title_id.clone()>{c.vehicle.clone()}</h2>
                <span class="badge">{kind}</span>
                {(c.role == "co_borrower").then(|| view! { <span class="badge badge-muted">"Co-borrower"</span> })}
                {closed.then(|| view! { <span class="badge badge-ok">"Paid off · closed"</span> })}
            </header>
            <p class="hint">{c.colour.clone()} " · Contract " {c.number.clone()} " · VIN …" {c.vin[11..].to_string()}</p>
            {past_due.map(|amount| view! {
                <div class="alert alert-error past-due" role="alert">
                    <strong>"Past due: " {amount}</strong>
                    " — includes late charges. Please pay now to avoid further charges, or write to us if you need help."
                </div>
            })}
            {(!closed).then(|| view! {
                <dl class="figures">
                    <div><dt>{balance_label}</dt><dd data-testid="balance">{balance_value}</dd></div>
                    <div><dt>"Next payment"</dt><dd data-testid="next-due">{next.clone().unwrap_or_else(|| "Nothing due".into())}</dd></div>
                    <div><dt>"Autopay"</dt><dd>{if c.autopay { "On" } else { "Off" }}</dd></div>
                </dl>
            })}
            <BalanceChart points=c.chart.clone() currency=cur.clone() start=c.amount_financed/>
            <nav class="quick-actions" aria-label=format!("Actions for {}", c.vehicle)>
                {(!closed).then(|| view! {
                    <A href=format!("/payments?contract={id}") attr:class="btn btn-primary btn-inline">"Pay"</A>
                    <A href=format!("/payments?contract={id}&payoff=1") attr:class="btn btn-secondary">{if c.kind == ContractKind::Loan { "Payoff quote" } else { "Buyout quote" }}</A>
                })}
                <A href=format!("/contracts/{id}") attr:class="btn btn-secondary">"Details"</A>
                <A href=format!("/messages?contract={id}") attr:class="btn btn-quiet">"Messages"</A>
            </nav>
        </article>
    }
}
