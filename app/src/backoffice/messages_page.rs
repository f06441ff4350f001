//! /backoffice/messages: the conversations awaiting an answer, the longest waiting first, each with
//! its service level (answered by the end of the next business day) and a topic filter in the
//! address (`?topic=`). /backoffice/messages/:id: one conversation with the customer's file a
//! click away; answer (a canned answer in the customer's language can start it), close, assign to
//! me, and — supervisors — legal hold. Every read and action is recorded.

use super::api::{staff_message_queue, staff_thread, StaffAnswer, StaffThreadAction};
use super::layout::staff_has;
use super::StaffRole;
use crate::components::alert::Tone;
use crate::components::{format, Alert, PageSpinner, TextAreaField};
use crate::domain::message::{MessageText, Topic};
use crate::i18n::{t, tf};
use crate::messages::attach_field::{ids_of, AttachField, FileLinks};
use crate::messages::{status_label, topic_label, AttachmentView, QueueItem, StaffThread};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn QueuePage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let topic = Memo::new(move |_| query.read().get("topic").unwrap_or_default());
    let items = Resource::new(move || topic.get(), staff_message_queue);
    view! {
        <Title text=t(l, "bo-messages-title")/>
        <h1>{t(l, "bo-messages-title")}</h1>
        // A plain GET form: the filter is in the address, and works without JavaScript.
        <form method="get" action="/backoffice/messages" class="search-form">
            <label for="topic">{t(l, "messages-topic")}</label>
            <div class="search-row">
                <select id="topic" name="topic" prop:value=move || topic.get()>
                    <option value="">{t(l, "bo-messages-all-topics")}</option>
                    {Topic::ALL.into_iter().map(|x| view! { <option value=x.as_str()>{topic_label(l, x)}</option> }).collect_view()}
                </select>
                <button type="submit" class="btn btn-secondary btn-inline">{t(l, "bo-messages-filter")}</button>
            </div>
        </form>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match items.await {
                    Ok(list) if list.is_empty() => view! { <p>{t(l, "bo-messages-none")}</p> }.into_any(),
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
            <caption class="visually-hidden">{t(l, "bo-messages-title")}</caption>
            <thead><tr>
                <th scope="col">{t(l, "bo-messages-col-waiting")}</th>
                <th scope="col">{t(l, "messages-topic")}</th>
                <th scope="col">{t(l, "bo-messages-col-customer")}</th>
                <th scope="col">{t(l, "bo-messages-col-due")}</th>
                <th scope="col">{t(l, "bo-messages-col-assigned")}</th>
            </tr></thead>
            <tbody>
                {list.into_iter().map(|q| view! {
                    <tr data-thread=q.reference.clone()>
                        <td data-label=t(l, "bo-messages-col-waiting")>{format::date_time(q.waiting_since)}</td>
                        <td data-label=t(l, "messages-topic")>
                            <A href=format!("/backoffice/messages/{}", q.id)>{topic_label(l, q.topic)}</A>
                            <span class="hint block">{q.reference.clone()}</span>
                        </td>
                        <td data-label=t(l, "bo-messages-col-customer")>{q.customer.clone()}
                            {q.contract_number.clone().map(|n| view! { <span class="hint block">{n}</span> })}</td>
                        <td data-label=t(l, "bo-messages-col-due")>
                            {format::date(q.due_by)}
                            {q.overdue.then(|| view! { <span class="status status-bad">{t(l, "bo-messages-overdue")}</span> })}
                        </td>
                        <td data-label=t(l, "bo-messages-col-assigned")>{q.assigned_to.clone().unwrap_or_else(|| "—".into())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn ThreadPage() -> impl IntoView {
    let l = crate::i18n::current();
    let id = crate::components::params::route_id();
    let answer = ServerAction::<StaffAnswer>::new();
    let act = ServerAction::<StaffThreadAction>::new();
    let thread = Resource::new(
        move || (id.get(), answer.version().get(), act.version().get()),
        |(id, _, _)| staff_thread(id),
    );
    view! {
        <Title text=t(l, "bo-messages-title")/>
        <p><A href="/backoffice/messages">{t(l, "bo-messages-back")}</A></p>
        <Transition fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match thread.await {
                    Ok(v) => view! { <Thread v answer act/> }.into_any(),
                    Err(e) => view! { <h1>{t(l, "bo-messages-title")}</h1><Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Transition>
        <Outcome answer act/>
    }
}

/// "Done. Reference …" or what went wrong, for whichever action answered last (kept outside the
/// conversation, which is redrawn when it reloads).
#[component]
fn Outcome(
    answer: ServerAction<StaffAnswer>,
    act: ServerAction<StaffThreadAction>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let last = move || {
        let a = answer
            .value()
            .get()
            .map(|r| (answer.version().get_untracked(), r));
        let b = act
            .value()
            .get()
            .map(|r| (act.version().get_untracked(), r));
        match (a, b) {
            (Some(a), Some(b)) => Some(if a.0 >= b.0 { a.1 } else { b.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        }
    };
    view! {
        <div aria-live="polite">
            {move || last().map(|r| match r {
                Ok(d) => view! { <Alert tone=Tone::Success>{tf(l, "bo-done", &[("reference", d.reference.into())])}</Alert> }.into_any(),
                Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn Thread(
    v: StaffThread,
    answer: ServerAction<StaffAnswer>,
    act: ServerAction<StaffThreadAction>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let supervisor = staff_has(StaffRole::Supervisor);
    let id = v.id;
    let held = v.legal_hold;
    let customer_language = crate::i18n::Locale::parse(&v.language).unwrap_or_default();
    let canned = t(
        customer_language,
        &format!("bo-canned-{}", v.topic.as_str().replace('_', "-")),
    );
    let customer = v.customer.clone();
    view! {
        <h1>{topic_label(l, v.topic)}</h1>
        <p class="hint" data-testid="thread-reference">{v.reference.clone()}" · "{status_label(l, v.status)}
            {held.then(|| view! { " · "<strong>{t(l, "bo-messages-held")}</strong> })}</p>
        <p><A href=format!("/backoffice/customers/{}", v.customer_id)>{v.customer.clone()}</A>
            {v.contract_number.clone().map(|n| format!(" · {n}"))}
            " · "{tf(l, "bo-messages-assigned", &[("who", v.assigned_to.clone().unwrap_or_else(|| "—".into()).into())])}</p>
        <ol class="messages" aria-label=t(l, "messages-conversation")>
            {v.messages.into_iter().map(|m| view! {
                <li class="message" class:message-lender=m.staff.is_some()>
                    <p class="message-meta"><strong>{m.staff.clone().unwrap_or_else(|| customer.clone())}</strong>" · "{format::date_time(m.sent_at)}</p>
                    <p class="message-body">{m.body}</p>
                    <FileLinks files=m.attachments base="/backoffice/attachments"/>
                </li>
            }).collect_view()}
        </ol>
        <AnswerForm id answer canned/>
        <p class="quick-actions">
            <button type="button" class="btn btn-secondary" disabled=move || act.pending().get()
                on:click=move |_| { act.dispatch(StaffThreadAction { id, what: "assign".into() }); }>{t(l, "bo-messages-assign")}</button>
            <button type="button" class="btn btn-secondary" disabled=move || act.pending().get()
                on:click=move |_| { act.dispatch(StaffThreadAction { id, what: "close".into() }); }>{t(l, "bo-messages-close")}</button>
            {move || supervisor.get().then(|| view! {
                <button type="button" class="btn btn-secondary" disabled=move || act.pending().get()
                    on:click=move |_| { act.dispatch(StaffThreadAction { id, what: if held { "release" } else { "hold" }.into() }); }>
                    {if held { t(l, "bo-messages-release") } else { t(l, "bo-messages-hold") }}
                </button>
            })}
        </p>
    }
}

#[component]
fn AnswerForm(id: i64, answer: ServerAction<StaffAnswer>, canned: String) -> impl IntoView {
    let l = crate::i18n::current();
    let body = RwSignal::new(String::new());
    let files = RwSignal::new(Vec::<AttachmentView>::new());
    let key = RwSignal::new(crate::components::form_key::new_form_key());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match MessageText::parse(&body.get_untracked()) {
            Err(i) => error.set(Some(i.message())),
            Ok(_) => {
                error.set(None);
                answer.dispatch(StaffAnswer {
                    id,
                    body: body.get_untracked(),
                    key: key.get_untracked(),
                    attachments: Some(files.with_untracked(|f| ids_of(f))),
                });
                key.set(crate::components::form_key::new_form_key());
            }
        }
    };
    view! {
        <form class="card reply" on:submit=submit novalidate>
            <TextAreaField id="answer" label=t(l, "bo-messages-answer") value=body error=error rows=6 max=MessageText::MAX/>
            <AttachField id="answer-file" upload_to="/backoffice/attachments" files/>
            <p class="quick-actions">
                <button type="button" class="btn btn-quiet" on:click=move |_| body.set(canned.clone())>{t(l, "bo-messages-canned")}</button>
                <button type="submit" class="btn btn-primary btn-inline" disabled=move || answer.pending().get()>
                    {move || if answer.pending().get() { t(l, "bo-working") } else { t(l, "bo-messages-send") }}
                </button>
            </p>
        </form>
    }
}
