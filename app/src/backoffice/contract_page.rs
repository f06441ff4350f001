//! /backoffice/contracts/:id: one contract as an agent needs it on a call — where it stands, its
//! terms, every schedule row and transaction, the documents the customer can download, the people
//! on it and the portal logins holding it (with a warning when a login's name is not the party's).
//! Opening it is recorded in the staff audit.

use super::api::staff_contract;
use super::contract_tables::{HistoryTable, ScheduleTable};
use super::{status_key, ContractFile, Holder};
use crate::components::alert::Tone;
use crate::components::{format, Alert, PageSpinner};
use crate::contracts::detail_page::apr;
use crate::contracts::{party_label, ContractKind};
use crate::documents::page::{letter_hint, letter_name};
use crate::documents::{ContractDocuments, Delivery, DeliveryStatus};
use crate::i18n::{format as fmt, t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn ContractPage() -> impl IntoView {
    let l = crate::i18n::current();
    let id = crate::components::params::route_id();
    let file = Resource::new(move || id.get(), staff_contract);
    view! {
        <Title text=t(l, "bo-contract-title")/>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match file.await {
                    Ok(c) => view! { <ContractView c/> }.into_any(),
                    Err(e) => view! {
                        <p><A href="/backoffice">{t(l, "bo-back-to-search")}</A></p>
                        <h1>{t(l, "bo-contract-title")}</h1>
                        <Alert tone=Tone::Error>{e.message()}</Alert>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ContractView(c: ContractFile) -> impl IntoView {
    let l = crate::i18n::current();
    let d = c.detail;
    let s = d.summary.clone();
    let kind = s.kind;
    let lease = kind == ContractKind::Lease;
    let cur = s.currency.clone();
    let m = move |x| format::money(x, &cur);
    let row = |label: String, value: String| view! { <div><dt>{label}</dt><dd>{value}</dd></div> };
    let back = match c
        .holders
        .first()
        .map(|h| (h.customer_id, h.login_name.clone()))
    {
        Some((id, name)) => {
            let text = tf(l, "bo-back-to-customer", &[("name", name.into())]);
            view! { <A href=format!("/backoffice/customers/{id}")>{text}</A> }.into_any()
        }
        None => view! { <A href="/backoffice">{t(l, "bo-back-to-search")}</A> }.into_any(),
    };
    let kind_name = if lease {
        t(l, "contracts-kind-lease")
    } else {
        t(l, "contracts-kind-loan")
    };
    view! {
        <p>{back}</p>
        <h1>{tf(l, "bo-contract-heading", &[("number", s.number.clone().into())])}</h1>
        {s.payoff_returned.clone().map(|reference| view! {
            <div class="alert alert-error" role="status" data-testid="bo-payoff-returned">{tf(l, "bo-payoff-returned", &[("reference", reference.into())])}</div>
        })}
        {s.refund_due.is_positive().then(|| view! {
            <div class="alert alert-info" role="status" data-testid="bo-refund-due">{tf(l, "bo-refund-due", &[("amount", format::money(s.refund_due, &s.currency).into())])}</div>
        })}
        <p class="hint">{s.vehicle.clone()}" · "{tf(l, "detail-hint", &[("kind", kind_name.into()), ("number", s.number.clone().into()), ("vin", s.vin.clone().into())])}" · "{t(l, status_key(&s.status))}</p>
        <section class="card" aria-labelledby="bo-c-standing">
            <h2 id="bo-c-standing">{t(l, "detail-standing")}</h2>
            <dl class="facts">
                {row(if lease { t(l, "detail-remaining-total") } else { t(l, "detail-principal-balance") }, m(s.balance))}
                {row(t(l, "detail-past-due"), m(s.past_due))}
                {row(t(l, "detail-fees-due"), m(s.fees_due))}
                {row(t(l, "detail-in-flight"), match s.in_flight {
                    Some(f) => tf(l, "dashboard-in-flight", &[("amount", m(f.amount).into()), ("date", format::date(f.posts_on).into())]),
                    None => m(crate::domain::Money::ZERO),
                })}
                {row(t(l, "dashboard-next-payment"), match s.next_due {
                    Some((date, amount)) => tf(l, "dashboard-next-due-on", &[("amount", m(amount).into()), ("date", format::date(date).into())]),
                    None => t(l, "dashboard-nothing-due"),
                })}
                {row(t(l, "detail-payments-made"), s.payments_made.to_string())}
                {row(t(l, "detail-payments-remaining"), s.payments_remaining.to_string())}
            </dl>
        </section>
        <section class="card" aria-labelledby="bo-c-terms">
            <h2 id="bo-c-terms">{t(l, "detail-terms")}</h2>
            <dl class="facts">
                {row(t(l, "detail-apr"), apr(l, &d.apr))}
                {row(if lease { t(l, "detail-adjusted-cap-cost") } else { t(l, "detail-amount-financed") }, m(s.amount_financed))}
                {row(t(l, "detail-monthly-payment"), m(d.payment))}
                {row(t(l, "detail-term"), tf(l, "detail-term-months", &[("n", s.term_months.into())]))}
                {row(t(l, "detail-contract-date"), format::date(d.contract_date))}
                {row(t(l, "detail-first-due"), format::date(d.first_due))}
                {row(t(l, "detail-maturity"), format::date(d.maturity))}
                {d.residual.map(|r| row(t(l, "detail-residual"), m(r)))}
            </dl>
        </section>
        <section class="card" aria-labelledby="bo-c-people">
            <h2 id="bo-c-people">{t(l, "detail-parties")}</h2>
            <ul class="plain">
                {d.parties.iter().map(|p| view! { <li>{p.name.clone()}" — "{party_label(l, kind, &p.role)}</li> }).collect_view()}
            </ul>
            <h3>{t(l, "bo-contract-logins")}</h3>
            {c.holders.is_empty().then(|| view! { <p class="hint">{t(l, "bo-contract-no-logins")}</p> })}
            <ul class="plain">
                {c.holders.into_iter().map(|h| view! { <HolderItem h kind/> }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="bo-c-schedule">
            <h2 id="bo-c-schedule">{t(l, "schedule-title")}</h2>
            <ScheduleTable rows=c.schedule kind currency=s.currency.clone()/>
        </section>
        <section class="card" aria-labelledby="bo-c-history">
            <h2 id="bo-c-history">{t(l, "history-title")}</h2>
            <HistoryTable rows=c.history kind currency=s.currency.clone()/>
        </section>
        <Documents docs=c.documents deliveries=c.deliveries/>
    }
}

/// A login holding the contract, linked to its customer file; warned about when its name is not
/// the name the contract gives that party.
#[component]
fn HolderItem(h: Holder, kind: ContractKind) -> impl IntoView {
    let l = crate::i18n::current();
    let warning = h.name_differs.then(|| {
        tf(
            l,
            "bo-contract-name-mismatch",
            &[
                ("login", h.login_name.clone().into()),
                ("party", h.party_name.clone().into()),
            ],
        )
    });
    let role = party_label(l, kind, &h.role);
    view! {
        <li>
            <A href=format!("/backoffice/customers/{}", h.customer_id)>{h.login_name}</A>
            " · "{h.email}" · "{role}
            {warning.map(|w| view! { <p class="alert alert-warn" data-testid="name-mismatch">{w}</p> })}
        </li>
    }
}

/// The statements and letters the customer can download (listed; staff do not download them).
#[component]
fn Documents(docs: ContractDocuments, deliveries: Vec<Delivery>) -> impl IntoView {
    let l = crate::i18n::current();
    let kind = docs.kind;
    view! {
        <section class="card" aria-labelledby="bo-c-docs">
            <h2 id="bo-c-docs">{t(l, "bo-contract-documents")}</h2>
            <h3>{t(l, "documents-statements")}</h3>
            {docs.statements.is_empty().then(|| view! { <p class="hint">{t(l, "documents-no-statements")}</p> })}
            <ul class="plain bo-months">
                {docs.statements.iter().map(|p| view! {
                    <li>{tf(l, "documents-statement-link", &[("month", fmt::month_year(l, p.year, p.month).into())])}</li>
                }).collect_view()}
            </ul>
            <h3>{t(l, "documents-letters")}</h3>
            {docs.letters.is_empty().then(|| view! { <p class="hint">{t(l, "documents-no-letters")}</p> })}
            <ul class="plain">
                {docs.letters.iter().map(|letter| view! {
                    <li>{letter_name(l, letter.kind, kind)}" · "{letter_hint(l, *letter)}</li>
                }).collect_view()}
            </ul>
            <h3>{t(l, "bo-deliveries")}</h3>
            {deliveries.is_empty().then(|| view! { <p class="hint">{t(l, "bo-deliveries-none")}</p> })}
            <ul class="plain" data-testid="bo-deliveries">
                {deliveries.into_iter().map(|d| {
                    let status = match d.status {
                        DeliveryStatus::Online => t(l, "bo-delivery-online"),
                        DeliveryStatus::Queued => t(l, "bo-delivery-queued"),
                        DeliveryStatus::Mailed => tf(l, "bo-delivery-mailed", &[("reference", d.mail_reference.clone().unwrap_or_default().into())]),
                        DeliveryStatus::Held => t(l, "bo-delivery-held"),
                    };
                    let held = d.status == DeliveryStatus::Held;
                    view! {
                        <li class:alert-warn=held>{fmt::month_year(l, d.period.year, d.period.month)}" · "{d.customer}" · "{status}</li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
