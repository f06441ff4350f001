//! Contract details: the terms as signed and where the contract stands.

use super::api::contract_details;
use super::{ContractDetail, ContractKind};
use crate::components::alert::Tone;
use crate::components::{format, Alert, PageSpinner};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The contract id from the route, 0 when missing or malformed (the server then answers NotFound).
pub fn route_id() -> Memo<i64> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    })
}

/// The `page` query parameter, 1 by default.
pub fn route_page() -> Memo<u32> {
    let q = use_query_map();
    Memo::new(move |_| {
        q.read()
            .get("page")
            .and_then(|s| s.parse().ok())
            .unwrap_or(1)
    })
}

/// Tabs between the views of one contract.
#[component]
pub fn ContractTabs(id: i64) -> impl IntoView {
    // `A` marks the link to the current page with aria-current="page" itself.
    let tab = move |href: String, label: &'static str| view! { <A href=href exact=true attr:class="tab">{label}</A> };
    view! {
        <nav class="tabs" aria-label="Contract">
            {tab(format!("/contracts/{id}"), "Details")}
            {tab(format!("/contracts/{id}/schedule"), "Schedule")}
            {tab(format!("/contracts/{id}/history"), "History")}
        </nav>
    }
}

#[component]
pub fn ContractDetailPage() -> impl IntoView {
    let id = route_id();
    let detail = Resource::new(move || id.get(), contract_details);
    view! {
        <Title text="Contract details"/>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! { <DetailView d/> }.into_any(),
                    Err(e) => view! { <h1>"Contract"</h1><Alert tone=Tone::Error>{e.message()}</Alert><A href="/dashboard">"Back to the dashboard"</A> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DetailView(d: ContractDetail) -> impl IntoView {
    let s = d.summary.clone();
    let cur = s.currency.clone();
    let m = move |x| format::money(x, &cur);
    let lease = s.kind == ContractKind::Lease;
    let row =
        |label: &'static str, value: String| view! { <div><dt>{label}</dt><dd>{value}</dd></div> };
    view! {
        <h1>{s.vehicle.clone()}</h1>
        <p class="hint">{if lease { "Lease" } else { "Loan" }} " · Contract " {s.number.clone()} " · VIN " {s.vin.clone()}</p>
        <ContractTabs id=s.id/>
        <section class="card" aria-labelledby="terms-title">
            <h2 id="terms-title">"Terms"</h2>
            <dl class="details">
                {row("Annual percentage rate (APR)", d.apr.clone())}
                {d.money_factor.clone().map(|mf| row("Money factor", mf))}
                {row(if lease { "Adjusted capitalized cost" } else { "Amount financed" }, m(s.amount_financed))}
                {row("Monthly payment", m(d.payment))}
                {row("Term", format!("{} months", s.term_months))}
                {row("Contract date", format::date(d.contract_date))}
                {row("First payment due", format::date(d.first_due))}
                {row("Payment due day", format!("Day {} of each month", d.due_day))}
                {row("Maturity date", format::date(d.maturity))}
                {d.residual.map(|r| row("Residual value", m(r)))}
                {d.purchase_price.map(|p| row("Purchase price at maturity (incl. fee and tax)", m(p)))}
                {d.allowed_miles.map(|mi| row("Mileage allowance", format!("{} miles", group(mi))))}
            </dl>
        </section>
        <section class="card" aria-labelledby="standing-title">
            <h2 id="standing-title">"Where it stands"</h2>
            <dl class="details">
                {row("Payments made", s.payments_made.to_string())}
                {row("Payments remaining", s.payments_remaining.to_string())}
                {row(if lease { "Remaining payments total" } else { "Principal balance" }, m(s.balance))}
                {row("Past due", m(s.past_due))}
                {row("Fees due", m(s.fees_due))}
            </dl>
        </section>
        <section class="card" aria-labelledby="parties-title">
            <h2 id="parties-title">"People on this contract"</h2>
            <ul class="plain">
                {d.parties.iter().map(|p| view! { <li>{p.name.clone()} " — " {if p.role == "primary" { "Primary borrower" } else { "Co-borrower" }}</li> }).collect_view()}
            </ul>
        </section>
    }
}

fn group(n: i64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
