//! /backoffice: find a customer or a contract. The query lives in the address (`?q=`), so a
//! search can be bookmarked, reloaded or opened in a new tab. Without a search, the page lists the
//! customer files this staff member opened last.

use super::api::staff_search;
use super::Found;
use crate::components::alert::Tone;
use crate::components::{Alert, PageSpinner};
use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let results = Resource::new(
        move || q.get(),
        |q| async move {
            if q.trim().is_empty() {
                None
            } else {
                Some(staff_search(q).await)
            }
        },
    );
    let input = NodeRef::<leptos::html::Input>::new();
    provide_context(super::customer_page::OpenQuestion(RwSignal::new(0)));
    let navigate = leptos_router::hooks::use_navigate();
    view! {
        <Title text=t(l, "bo-search-title")/>
        <h1>{t(l, "bo-search-title")}</h1>
        // A plain GET form (works without JavaScript); with it, the address becomes exactly `?q=…`.
        <form method="get" action="/backoffice" class="search-form" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let typed = input.get().map(|i| i.value()).unwrap_or_default();
            let encoded = crate::components::return_to::encode_query_value(typed.trim());
            navigate(&format!("/backoffice?q={encoded}"), Default::default());
        }>
            <label for="q">{t(l, "bo-search-label")}</label>
            <p class="hint" id="q-hint">{t(l, "bo-search-hint")}</p>
            <div class="search-row">
                <input id="q" name="q" type="search" aria-describedby="q-hint" prop:value=move || q.get() autocomplete="off" node_ref=input/>
                <button type="submit" class="btn btn-primary btn-inline">{t(l, "bo-search-submit")}</button>
            </div>
        </form>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match results.await {
                    None => ().into_any(),
                    Some(Ok(found)) => view! { <Results found/> }.into_any(),
                    Some(Err(e)) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
        // Before a search: the files this staff member opened last.
        {move || q.get().trim().is_empty().then(|| view! { <super::recent::RecentCustomers/> })}
    }
}

#[component]
fn Results(found: Found) -> impl IntoView {
    let l = crate::i18n::current();
    let nothing = found.customers.is_empty() && found.contracts.is_empty();
    view! {
        <p role="status" class="hint">{if nothing { t(l, "bo-search-none") } else { String::new() }}</p>
        {(!found.customers.is_empty()).then(|| view! {
            <table class="data">
                <caption>{t(l, "bo-search-customers")}</caption>
                <thead><tr>
                    <th scope="col">{t(l, "bo-col-name")}</th>
                    <th scope="col">{t(l, "bo-col-email")}</th>
                    <th scope="col">{t(l, "bo-col-contracts")}</th>
                    <th scope="col">{t(l, "bo-col-sign-in")}</th>
                </tr></thead>
                <tbody>
                    {found.customers.into_iter().map(|c| view! {
                        <tr>
                            <td data-label=t(l, "bo-col-name")><A href=format!("/backoffice/customers/{}", c.id)>{c.name}</A></td>
                            <td data-label=t(l, "bo-col-email")>{c.email}</td>
                            <td data-label=t(l, "bo-col-contracts")>{c.contracts.join(", ")}</td>
                            <td data-label=t(l, "bo-col-sign-in")>{if c.locked {
                                view! { <span class="status status-bad">{t(l, "bo-locked")}</span> }.into_any()
                            } else {
                                view! { <span class="status status-ok">{t(l, "bo-not-locked")}</span> }.into_any()
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        {(!found.contracts.is_empty()).then(|| view! {
            <table class="data">
                <caption>{t(l, "bo-search-contracts")}</caption>
                <thead><tr>
                    <th scope="col">{t(l, "bo-col-contract")}</th>
                    <th scope="col">{t(l, "bo-col-vehicle")}</th>
                    <th scope="col">{t(l, "bo-col-borrower")}</th>
                    <th scope="col">{t(l, "bo-col-portal")}</th>
                </tr></thead>
                <tbody>
                    {found.contracts.into_iter().map(|c| view! {
                        <tr>
                            <td data-label=t(l, "bo-col-contract")>{c.number.clone()}</td>
                            <td data-label=t(l, "bo-col-vehicle")>{c.vehicle.clone()}</td>
                            <td data-label=t(l, "bo-col-borrower")>{c.primary.clone()}</td>
                            <td data-label=t(l, "bo-col-portal")>{match c.primary_customer {
                                Some(id) => view! { <A href=format!("/backoffice/customers/{id}")>{t(l, "bo-open-customer")}</A> }.into_any(),
                                None => view! {
                                    <span class="hint">{t(l, "bo-not-registered")}</span>
                                    <super::customer_page::TemporaryPassword contract_id=c.id number=c.number.clone()/>
                                }.into_any(),
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}
