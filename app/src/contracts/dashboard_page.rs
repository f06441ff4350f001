//! Dashboard: one card per contract with what matters first — past-due warning, balance or
//! remaining payments, next due date and amount, autopay — and the actions people come for.
//! A customer with no linked contract is led to Link Account.

use super::api::my_contracts;
use super::chart::BalanceChart;
use super::{ContractKind, ContractSummary};
use crate::components::alert::Tone;
use crate::components::{format, Alert, PageSpinner};
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let l = crate::i18n::current();
    let contracts = Resource::new(|| (), |_| my_contracts());
    view! {
        <Title text=t(l, "dashboard-title")/>
        <h1>{t(l, "dashboard-title")}</h1>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match contracts.await {
                    Ok(list) if list.is_empty() => view! { <LinkPrompt/> }.into_any(),
                    Ok(list) => view! {
                        <div class="cards">
                            {list.into_iter().map(|c| view! { <ContractCard c/> }).collect_view()}
                        </div>
                        <p class="aside">{t(l, "dashboard-another-contract")} " " <A href="/link">{t(l, "dashboard-link-another")}</A></p>
                    }.into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LinkPrompt() -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <section class="card link-prompt" aria-labelledby="link-prompt-title">
            <h2 id="link-prompt-title">{t(l, "dashboard-link-title")}</h2>
            <p>{t(l, "dashboard-link-text")}</p>
            <A href="/link" attr:class="btn btn-primary btn-inline">{t(l, "dashboard-link-button")}</A>
        </section>
    }
}

#[component]
fn ContractCard(c: ContractSummary) -> impl IntoView {
    let l = crate::i18n::current();
    let title_id = format!("contract-{}-title", c.id);
    let cur = c.currency.clone();
    let closed = c.status != "active";
    let kind = match c.kind {
        ContractKind::Loan => t(l, "contracts-kind-loan"),
        ContractKind::Lease => t(l, "contracts-kind-lease"),
    };
    let balance_label = match c.kind {
        ContractKind::Loan => t(l, "dashboard-balance"),
        ContractKind::Lease => t(l, "dashboard-remaining-payments"),
    };
    let balance_value = match c.kind {
        ContractKind::Loan => format::money(c.balance, &cur),
        ContractKind::Lease => format!(
            "{} · {}",
            c.payments_remaining,
            format::money(c.balance, &cur)
        ),
    };
    let next = c.next_due.map(|(d, m)| {
        tf(
            l,
            "dashboard-next-due-on",
            &[
                ("amount", format::money(m, &cur).into()),
                ("date", format::date(d).into()),
            ],
        )
    });
    let past_due = c
        .past_due
        .is_positive()
        .then(|| format::money(c.past_due + c.fees_due, &cur));
    let in_flight = c.in_flight.map(|f| {
        tf(
            l,
            "dashboard-in-flight",
            &[
                ("amount", format::money(f.amount, &cur).into()),
                ("date", format::date(f.posts_on).into()),
            ],
        )
    });
    let scheduled = c.scheduled.map(|(d, amount)| {
        tf(
            l,
            "dashboard-scheduled",
            &[
                ("amount", format::money(amount, &cur).into()),
                ("date", format::date(d).into()),
            ],
        )
    });
    let id = c.id;
    view! {
        <article class="card contract-card" aria-labelledby=title_id.clone() data-contract=c.number.clone()>
            <header class="contract-head">
                <h2 id=title_id.clone()>{c.vehicle.clone()}</h2>
                <span class="badge">{kind}</span>
                {(c.role == "co_borrower").then(|| view! { <span class="badge badge-muted">{super::party_label(l, c.kind, &c.role)}</span> })}
                {closed.then(|| view! { <span class="badge badge-ok">{t(l, "dashboard-closed")}</span> })}
            </header>
            <p class="hint">{tf(l, "dashboard-card-hint", &[("colour", c.colour.clone().into()), ("number", c.number.clone().into()), ("vin", c.vin[11..].to_string().into())])}</p>
            <super::payoff_notice::PayoffNotices s=c.clone()/>
            {past_due.map(|amount| view! {
                <div class="alert alert-error past-due" role="alert">
                    <strong>{tf(l, "dashboard-past-due", &[("amount", amount.into())])}</strong>
                    " " {t(l, "dashboard-past-due-note")}
                </div>
            })}
            {(!closed).then(|| view! {
                <dl class="figures">
                    <div><dt>{balance_label}</dt><dd data-testid="balance">{balance_value}</dd></div>
                    <div><dt>{t(l, "dashboard-next-payment")}</dt><dd data-testid="next-due">
                        {next.clone().unwrap_or_else(|| t(l, "dashboard-nothing-due"))}
                        {c.due_today.then(|| view! { " " <span class="status status-warn" data-testid="due-today">{t(l, "dashboard-due-today")}</span> })}
                        {in_flight.clone().map(|text| view! { <span class="hint block" data-testid="in-flight">{text}</span> })}
                        {scheduled.clone().map(|text| view! { <span class="hint block" data-testid="scheduled">{text}</span> })}
                    </dd></div>
                    <div><dt>{t(l, "dashboard-autopay")}</dt><dd data-testid="autopay">{autopay_text(l, c.autopay.as_ref())}</dd></div>
                </dl>
            })}
            <BalanceChart points=c.chart.clone() currency=cur.clone() start=c.amount_financed/>
            <nav class="quick-actions" aria-label=tf(l, "dashboard-actions-for", &[("vehicle", c.vehicle.clone().into())])>
                {(!closed).then(|| view! {
                    <A href=format!("/payments/new?contract={id}") attr:class="btn btn-primary btn-inline">{t(l, "dashboard-pay")}</A>
                    <A href=format!("/payments/payoff?contract={id}") attr:class="btn btn-secondary">{if c.kind == ContractKind::Loan { t(l, "dashboard-payoff-quote") } else { t(l, "dashboard-buyout-quote") }}</A>
                })}
                {(!closed).then(|| view! {
                    <A href="/payments/autopay" attr:class="btn btn-secondary">{t(l, "dashboard-autopay-manage")}</A>
                })}
                <A href=format!("/contracts/{id}") attr:class="btn btn-secondary">{t(l, "dashboard-details")}</A>
                <A href=format!("/messages?contract={id}") attr:class="btn btn-secondary">{t(l, "dashboard-messages")}</A>
            </nav>
        </article>
    }
}

/// "On — drafts on Dec 10, 2026 from Checking ••4321", or "Off".
fn autopay_text(l: crate::i18n::Locale, a: Option<&super::AutopayBadge>) -> String {
    let Some(a) = a else {
        return t(l, "dashboard-autopay-off");
    };
    let name = match (a.kind.as_str(), &a.brand, a.account_type.as_deref()) {
        ("card", Some(brand), _) => brand.clone(),
        ("card", None, _) => t(l, "payments-card"),
        (_, _, Some("savings")) => t(l, "payments-savings"),
        _ => t(l, "payments-checking"),
    };
    let source = tf(
        l,
        "payments-source-label",
        &[("name", name.into()), ("last4", a.last4.clone().into())],
    );
    match a.next_draft {
        Some(d) => tf(
            l,
            "dashboard-autopay-detail",
            &[
                ("date", crate::i18n::format::date(l, d).into()),
                ("source", source.into()),
            ],
        ),
        None => t(l, "dashboard-autopay-on"),
    }
}
