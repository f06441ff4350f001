//! /backoffice/applications: applications waiting on the lender, the longest waiting first, with
//! the two-business-day service level. /backoffice/applications/:id: one application with the
//! customer and contract a click away, what it asks for, what approving would do now, its
//! history and the decision — take into review, approve (supervisors), decline or send back
//! with a reason the customer reads. Every read and decision is recorded.

use super::api::{staff_application, staff_application_queue, StaffDecideApplication};
use super::layout::staff_has;
use super::StaffRole;
use crate::applications::form::PreviewTable;
use crate::applications::{
    describe, kind_label, status_label, Decision, QueueItem, StaffApplication,
};
use crate::components::alert::Tone;
use crate::components::{format, Alert, PageSpinner, TextAreaField};
use crate::domain::application::ApplicationStatus;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn ApplicationQueuePage() -> impl IntoView {
    let l = crate::i18n::current();
    let items = Resource::new(|| (), |_| staff_application_queue());
    view! {
        <Title text=t(l, "bo-apps-title")/>
        <h1>{t(l, "bo-apps-title")}</h1>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match items.await {
                    Ok(list) if list.is_empty() => view! { <p>{t(l, "bo-apps-none")}</p> }.into_any(),
                    Ok(list) => view! { <QueueTable list/> }.into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn QueueTable(list: Vec<QueueItem>) -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <table class="data">
            <caption class="visually-hidden">{t(l, "bo-apps-title")}</caption>
            <thead><tr>
                <th scope="col">{t(l, "bo-messages-col-waiting")}</th>
                <th scope="col">{t(l, "bo-apps-col-kind")}</th>
                <th scope="col">{t(l, "bo-messages-col-customer")}</th>
                <th scope="col">{t(l, "bo-messages-col-due")}</th>
            </tr></thead>
            <tbody>
                {list.into_iter().map(|q| view! {
                    <tr data-application=q.reference.clone()>
                        <td data-label=t(l, "bo-messages-col-waiting")>{format::date_time(q.waiting_since)}</td>
                        <td data-label=t(l, "bo-apps-col-kind")>
                            <A href=format!("/backoffice/applications/{}", q.id)>{kind_label(l, q.kind)}</A>
                            <span class="hint block">{q.reference.clone()}" · "{status_label(l, q.status)}</span>
                        </td>
                        <td data-label=t(l, "bo-messages-col-customer")>{q.customer.clone()}
                            <span class="hint block">{q.contract_number.clone()}</span></td>
                        <td data-label=t(l, "bo-messages-col-due")>
                            {format::date(q.due_by)}
                            {q.overdue.then(|| view! { <span class="status status-bad">{t(l, "bo-messages-overdue")}</span> })}
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn ApplicationPage() -> impl IntoView {
    let l = crate::i18n::current();
    let id = crate::components::params::route_id();
    let decide = ServerAction::<StaffDecideApplication>::new();
    let app = Resource::new(
        move || (id.get(), decide.version().get()),
        |(id, _)| staff_application(id),
    );
    view! {
        <Title text=t(l, "bo-apps-title")/>
        <p><A href="/backoffice/applications">{t(l, "bo-apps-back")}</A></p>
        <div aria-live="polite">
            {move || decide.value().get().map(|r| match r {
                Ok(d) => view! { <Alert tone=Tone::Success>{tf(l, "bo-done", &[("reference", d.reference.into())])}</Alert> }.into_any(),
                Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
            })}
        </div>
        <Transition fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match app.await {
                    Ok(v) => view! { <Application v decide/> }.into_any(),
                    Err(e) => view! { <h1>{t(l, "bo-apps-title")}</h1><Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Application(v: StaffApplication, decide: ServerAction<StaffDecideApplication>) -> impl IntoView {
    let l = crate::i18n::current();
    let supervisor = staff_has(StaffRole::Supervisor);
    let a = v.application;
    let id = a.id;
    let status = a.status;
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let send = move |decision: Decision| {
        let text = note.get_untracked();
        if matches!(decision, Decision::Reject | Decision::Return) && text.trim().is_empty() {
            error.set(Some(t(l, "bo-apps-reason-needed")));
            return;
        }
        error.set(None);
        decide.dispatch(StaffDecideApplication {
            id,
            decision,
            note: text,
        });
    };
    let busy = move || decide.pending().get();
    view! {
        <h1>{kind_label(l, v.kind)}</h1>
        <p class="hint" data-testid="application-reference">{a.reference.clone()}" · "
            <span data-testid="application-status">{status_label(l, status)}</span></p>
        <p><A href=format!("/backoffice/customers/{}", v.customer_id)>{v.customer.clone()}</A>" · "
            <A href=format!("/backoffice/contracts/{}", a.contract_id)>{a.contract_number.clone()}</A>
            {a.thread_id.map(|t_id| view! { " · "<A href=format!("/backoffice/messages/{t_id}")>{t(l, "app-open-thread")}</A> })}</p>
        <dl class="details">
            {describe(l, &a.details, &a.currency).into_iter().map(|(k, x)| view! { <div><dt>{k}</dt><dd>{x}</dd></div> }).collect_view()}
        </dl>
        {(status.is_open()).then(|| view! {
            <h2>{t(l, "bo-apps-effect")}</h2>
            {match v.preview.clone() {
                Ok(p) => view! { <PreviewTable preview=p currency=a.currency.clone()/> }.into_any(),
                Err(e) => view! { <Alert tone=Tone::Info>{e.message()}</Alert> }.into_any(),
            }}
        })}
        <h2>{t(l, "app-history")}</h2>
        <ol class="timeline">
            {a.events.iter().map(|e| view! {
                <li><span>{format::date_time(e.at)}" · "{status_label(l, e.status)}</span>
                    {e.note.clone().map(|n| view! { <p class="note">{n}</p> })}</li>
            }).collect_view()}
        </ol>
        {matches!(status, ApplicationStatus::Submitted | ApplicationStatus::UnderReview).then(|| view! {
            <form class="card reply" on:submit=move |ev| ev.prevent_default() novalidate>
                <TextAreaField id="decision-note" label=t(l, "bo-apps-note") value=note error=error rows=4 max=2000/>
                <p class="quick-actions">
                    {(status == ApplicationStatus::Submitted).then(|| view! {
                        <button type="button" class="btn btn-primary btn-inline" disabled=busy on:click=move |_| send(Decision::Review) aria-busy=move || busy().to_string()>{move || if busy() { t(l, "bo-working") } else { t(l, "bo-apps-review") }}</button>
                    })}
                    {(status == ApplicationStatus::UnderReview).then(|| view! {
                        {move || supervisor.get().then(|| view! {
                            <button type="button" class="btn btn-primary btn-inline" disabled=busy on:click=move |_| send(Decision::Approve) aria-busy=move || busy().to_string()>{move || if busy() { t(l, "bo-working") } else { t(l, "bo-apps-approve") }}</button>
                        })}
                        <button type="button" class="btn btn-secondary" disabled=busy on:click=move |_| send(Decision::Return) aria-busy=move || busy().to_string()>{move || if busy() { t(l, "bo-working") } else { t(l, "bo-apps-return") }}</button>
                        <button type="button" class="btn btn-secondary" disabled=busy on:click=move |_| send(Decision::Reject) aria-busy=move || busy().to_string()>{move || if busy() { t(l, "bo-working") } else { t(l, "bo-apps-reject") }}</button>
                    })}
                </p>
            </form>
        })}
    }
}
