//! /applications: the customer's applications — each with where it stands, what it asks for,
//! its history (the lender's reasons included) and, once approved, what changed — and a new
//! one. `?contract=ID&kind=…` opens the form for that contract (links from the contract page).
//! An application sent back for correction opens the same form filled in.

use super::api::my_applications;
use super::form::ApplicationFormCard;
use super::{describe, kind_label, status_label, ApplicationView};
use crate::components::alert::Tone;
use crate::components::format::{date, date_time};
use crate::components::{Alert, PageSpinner};
use crate::contracts::api::my_contracts;
use crate::domain::application::ApplicationStatus;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The page's list of applications, refetched by the form once something is filed.
#[derive(Clone, Copy)]
pub struct AppsList(pub Resource<Result<Vec<ApplicationView>, crate::error::AppError>>);

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let q = |k: &str| query.with_untracked(|m| m.get(k)).unwrap_or_default();
    let contract = RwSignal::new(q("contract").parse::<i64>().ok());
    let kind = q("kind");
    let apps = Resource::new(|| (), |_| my_applications());
    provide_context(AppsList(apps));
    let contracts = Resource::new(|| (), |_| my_contracts());
    let correcting = RwSignal::new(None::<ApplicationView>);
    view! {
        <Title text=t(l, "app-title")/>
        <h1>{t(l, "app-title")}</h1>
        <p class="hint">{t(l, "app-intro")}</p>
        {move || match correcting.get() {
            Some(a) => view! {
                <h2>{tf(l, "app-correct-title", &[("reference", a.reference.clone().into())])}</h2>
                <ApplicationFormCard contract=a.contract_id correcting=a/>
                <p><button type="button" class="btn btn-quiet" on:click=move |_| correcting.set(None)>{t(l, "app-cancel-correction")}</button></p>
            }.into_any(),
            None => view! {
                <section aria-labelledby="app-new-title">
                    <h2 id="app-new-title">{t(l, "app-new")}</h2>
                    <Suspense fallback=|| view! { <PageSpinner/> }>
                        {move || Suspend::new(async move {
                            let list = contracts.await.unwrap_or_default();
                            view! {
                                <div class="field">
                                    <label for="app-contract">{t(l, "app-contract")}</label>
                                    <select id="app-contract" prop:value=move || contract.get().map(|c| c.to_string()).unwrap_or_default()
                                        on:change=move |ev| contract.set(event_target_value(&ev).parse().ok())>
                                        <option value="">{t(l, "app-choose")}</option>
                                        {list.into_iter().map(|c| view! { <option value=c.id.to_string()>{format!("{} · {}", c.vehicle, c.number)}</option> }).collect_view()}
                                    </select>
                                </div>
                            }
                        })}
                    </Suspense>
                    {let kind = kind.clone(); move || contract.get().map(|c| view! { <ApplicationFormCard contract=c kind=kind.clone()/> })}
                </section>
            }.into_any(),
        }}
        <section aria-labelledby="app-list-title">
            <h2 id="app-list-title">{t(l, "app-list")}</h2>
            <Suspense fallback=|| view! { <PageSpinner/> }>
                {move || Suspend::new(async move {
                    match apps.await {
                        Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="empty">{t(l, "app-none")}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="app-list">
                                {list.into_iter().map(|a| view! { <li><ApplicationCard a correcting/></li> }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ApplicationCard(
    a: ApplicationView,
    correcting: RwSignal<Option<ApplicationView>>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let returned = a.status == ApplicationStatus::Returned;
    let again = a.clone();
    let tone = match a.status {
        ApplicationStatus::Approved => "status status-ok",
        ApplicationStatus::Rejected => "status status-bad",
        ApplicationStatus::Returned => "status status-warn",
        _ => "status",
    };
    view! {
        <article class="card" data-testid="application" data-reference=a.reference.clone()>
            <h3>{kind_label(l, a.details.kind())}" · "{a.contract_number.clone()}" "
                <span class=tone data-testid="app-status">{status_label(l, a.status)}</span></h3>
            <p class="hint">{tf(l, "app-reference-line", &[("reference", a.reference.clone().into()), ("date", date_time(a.created_at).into())])}</p>
            <dl class="details">
                {describe(l, &a.details, &a.currency).into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
            {a.outcome.clone().map(|o| view! {
                <dl class="details" data-testid="app-outcome">
                    {o.next_due_after.filter(|_| o.next_due_after != o.next_due_before).map(|d| view! { <div><dt>{t(l, "app-pv-next-due")}</dt><dd>{date(d)}</dd></div> })}
                    {(o.maturity_after != o.maturity_before).then(|| view! { <div><dt>{t(l, "app-pv-new-maturity")}</dt><dd>{date(o.maturity_after)}</dd></div> })}
                    {o.payment_after.map(|p| view! { <div><dt>{t(l, "app-pv-payment")}</dt><dd>{crate::components::format::money(p, &a.currency)}</dd></div> })}
                    {o.payment_reference.map(|r| view! { <div><dt>{t(l, "app-payment")}</dt><dd><A href="/payments">{r}</A></dd></div> })}
                </dl>
            })}
            <h4>{t(l, "app-history")}</h4>
            <ol class="timeline">
                {a.events.iter().map(|e| view! {
                    <li><span>{date_time(e.at)}" · "{status_label(l, e.status)}</span>
                        {e.note.clone().map(|n| view! { <p class="note" data-testid="app-note">{n}</p> })}</li>
                }).collect_view()}
            </ol>
            <p class="actions">
                {returned.then(|| view! {
                    <button type="button" class="btn btn-primary btn-inline" data-testid="app-correct"
                        on:click=move |_| correcting.set(Some(again.clone()))>{t(l, "app-correct")}</button>
                })}
                {a.thread_id.map(|id| view! { <A href=format!("/messages/{id}") attr:class="btn btn-secondary">{t(l, "app-open-thread")}</A> })}
            </p>
        </article>
    }
}
