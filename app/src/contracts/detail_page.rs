//! Contract details: the terms as signed and where the contract stands.

use super::api::{contract_details, contract_transfer_details};
use super::transfer_card::TransferCard;
use super::{ContractDetail, ContractKind, ContractSummary, TransferInstructions};
use crate::components::alert::Tone;
use crate::components::params::route_id;
use crate::components::{format, Alert, PageSpinner};
use crate::i18n::format::number;
use crate::i18n::{t, tf, Locale};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The `page` query parameter, 1 by default.
/// The `page` of the address; 0 when there is none (the schedule then opens on the page holding
/// the next payment due; the history on its first page); `super::ALL_ROWS` for "all".
pub fn route_page() -> Memo<u32> {
    let q = use_query_map();
    Memo::new(move |_| match q.read().get("page").as_deref() {
        Some("all") => super::ALL_ROWS,
        Some(n) => n.parse().unwrap_or(0),
        None => 0,
    })
}

/// Opened with `print=1` (the Print button shows every row, then prints them).
pub fn print_when_shown() {
    let asked = use_query_map().read_untracked().get("print").is_some();
    Effect::new(move |_| {
        if asked {
            let _ = window().print();
        }
    });
}

/// Tabs between the views of one contract.
/// The names of the split columns: a lease has rent charge and depreciation where a loan has
/// interest and principal.
pub fn split_column_names(l: crate::i18n::Locale, kind: ContractKind) -> (String, String) {
    if kind == ContractKind::Lease {
        (
            t(l, "contracts-col-rent-charge"),
            t(l, "contracts-col-depreciation"),
        )
    } else {
        (
            t(l, "contracts-col-interest"),
            t(l, "contracts-col-principal"),
        )
    }
}

/// The top of a contract's table page: title, vehicle and number, tabs, download and print.
#[component]
pub fn TableHeading(title: String, contract: ContractSummary, csv: &'static str) -> impl IntoView {
    let l = crate::i18n::current();
    let id = contract.id;
    let vehicle = &[
        ("vehicle", contract.vehicle.into()),
        ("number", contract.number.into()),
    ];
    view! {
        <h1>{title}</h1>
        <p class="hint">{tf(l, "contracts-vehicle-and-number", vehicle)}</p>
        <ContractTabs id/>
        <div class="table-actions">
            <a href=format!("/contracts/{id}/{csv}.csv") class="btn btn-secondary" download="">{t(l, "contracts-download-csv")}</a>
            <A href=format!("/contracts/{id}/{csv}?page=all&print=1") attr:class="btn btn-secondary">{t(l, "contracts-print")}</A>
        </div>
    }
}

#[component]
pub fn ContractTabs(id: i64) -> impl IntoView {
    let l = crate::i18n::current();
    // `A` marks the link to the current page with aria-current="page" itself.
    let tab = move |href: String, label: String| view! { <A href=href exact=true attr:class="tab">{label}</A> };
    view! {
        <nav class="tabs" aria-label=t(l, "detail-tabs-label")>
            {tab(format!("/contracts/{id}"), t(l, "detail-tab-details"))}
            {tab(format!("/contracts/{id}/schedule"), t(l, "detail-tab-schedule"))}
            {tab(format!("/contracts/{id}/history"), t(l, "detail-tab-history"))}
        </nav>
    }
}

#[component]
pub fn ContractDetailPage() -> impl IntoView {
    let l = crate::i18n::current();
    let id = route_id();
    let detail = Resource::new(move || id.get(), contract_details);
    let transfer = Resource::new(move || id.get(), contract_transfer_details);
    view! {
        <Title text=t(l, "detail-page-title")/>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match detail.await {
                    // Without transfer details (another currency) the page shows the rest.
                    Ok(d) => {
                        let x = transfer.await.ok();
                        view! { <DetailView d x/> }.into_any()
                    }
                    Err(e) => view! { <h1>{t(l, "detail-error-title")}</h1><Alert tone=Tone::Error>{e.message()}</Alert><A href="/dashboard">{t(l, "detail-back-to-dashboard")}</A> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DetailView(d: ContractDetail, x: Option<TransferInstructions>) -> impl IntoView {
    let l = crate::i18n::current();
    let s = d.summary.clone();
    let cur = s.currency.clone();
    let m = move |x| format::money(x, &cur);
    let lease = s.kind == ContractKind::Lease;
    let row = |label: String, value: String| view! { <div><dt>{label}</dt><dd>{value}</dd></div> };
    let transfer = x.filter(|_| s.status == "active");
    view! {
        <h1>{s.vehicle.clone()}</h1>
        <p class="hint">{tf(l, "detail-hint", &[("kind", if lease { t(l, "contracts-kind-lease") } else { t(l, "contracts-kind-loan") }.into()), ("number", s.number.clone().into()), ("vin", s.vin.clone().into())])}</p>
        <ContractTabs id=s.id/>
        <super::payoff_notice::PayoffNotices s=s.clone()/>
        <section class="card" aria-labelledby="terms-title">
            <h2 id="terms-title">{t(l, "detail-terms")}</h2>
            <dl class="details">
                {row(t(l, "detail-apr"), apr(l, &d.apr))}
                {d.money_factor.clone().map(|mf| row(t(l, "detail-money-factor"), decimal(l, &mf).unwrap_or(mf)))}
                {row(if lease { t(l, "detail-adjusted-cap-cost") } else { t(l, "detail-amount-financed") }, m(s.amount_financed))}
                {row(t(l, "detail-monthly-payment"), m(d.payment))}
                {row(t(l, "detail-term"), tf(l, "detail-term-months", &[("n", s.term_months.into())]))}
                {row(t(l, "detail-contract-date"), format::date(d.contract_date))}
                {row(t(l, "detail-first-due"), format::date(d.first_due))}
                {row(t(l, "detail-due-day"), tf(l, "detail-due-day-value", &[("day", d.due_day.into())]))}
                {row(t(l, "detail-maturity"), format::date(d.maturity))}
                {d.residual.map(|r| row(t(l, "detail-residual"), m(r)))}
                {d.purchase_price.map(|p| row(t(l, "detail-purchase-price"), m(p)))}
                {d.allowed_miles.map(|mi| row(t(l, "detail-mileage"), tf(l, "detail-miles", &[("n", mi.into()), ("miles", number(l, rust_decimal::Decimal::from(mi), 0).into())])))}
            </dl>
        </section>
        <section class="card" aria-labelledby="standing-title">
            <h2 id="standing-title">{t(l, "detail-standing")}</h2>
            <dl class="details">
                {row(t(l, "detail-payments-made"), s.payments_made.to_string())}
                {row(t(l, "detail-payments-remaining"), s.payments_remaining.to_string())}
                {row(if lease { t(l, "detail-remaining-total") } else { t(l, "detail-principal-balance") }, m(s.balance))}
                {row(t(l, "detail-past-due"), m(s.past_due))}
                {row(t(l, "detail-fees-due"), m(s.fees_due))}
                {s.in_flight.map(|f| row(t(l, "detail-in-flight"), tf(l, "dashboard-in-flight", &[("amount", m(f.amount).into()), ("date", format::date(f.posts_on).into())])))}
            </dl>
            {(s.status == "active").then(|| view! {
                <p class="quick-actions">
                    <A href=format!("/applications?contract={}", s.id) attr:class="btn btn-secondary">{t(l, "detail-request-change")}</A>
                    {lease.then(|| view! { <A href=format!("/contracts/{}/lease-end", s.id) attr:class="btn btn-secondary">{t(l, "lease-end-link")}</A> })}
                </p>
            })}
        </section>
        {transfer.map(|x| view! { <TransferCard x/> })}
        <section class="card" aria-labelledby="parties-title">
            <h2 id="parties-title">{t(l, "detail-parties")}</h2>
            <ul class="plain">
                {d.parties.iter().map(|p| view! { <li>{p.name.clone()} " — " {super::party_label(l, d.summary.kind, &p.role)}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// A decimal as the server wrote it ("5.49", "0.00175"), in the language's style ("5,49").
pub fn decimal(l: Locale, raw: &str) -> Option<String> {
    let v = raw.trim().parse::<rust_decimal::Decimal>().ok()?;
    Some(number(l, v, v.scale() as usize))
}

/// "5.49%" as the language writes a percentage ("5,49 %" in French and Russian).
pub fn apr(l: Locale, raw: &str) -> String {
    match decimal(l, raw.trim().trim_end_matches('%')) {
        Some(rate) => tf(l, "detail-apr-value", &[("rate", rate.into())]),
        None => raw.to_string(),
    }
}
