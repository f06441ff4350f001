//! /messages/new: Compose a Message (seed 001) — choose a topic, the account it is about (or a
//! general question), type the question, Send; the confirmation gives the thread's reference to
//! quote. `?topic=` and `?contract=` preselect (links from the help centre and contract pages).
//! One key per form instance, so a double click or a retry sends one message.

use super::api::SendMessage;
use super::attach_field::{ids_of, AttachField};
use super::topic_label;
use super::Sent;
use crate::components::alert::Tone;
use crate::components::toast::CopyButton;
use crate::components::{Alert, PageSpinner};
use crate::contracts::api::my_contracts;
use crate::domain::message::{MessageText, Topic};
use crate::error::AppError;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ComposePage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let q = |k: &str| query.with_untracked(|m| m.get(k)).unwrap_or_default();
    let topic = RwSignal::new(q("topic"));
    let contract = RwSignal::new(q("contract"));
    let body = RwSignal::new(String::new());
    let files = RwSignal::new(Vec::<super::AttachmentView>::new());
    let key = RwSignal::new(crate::components::form_key::new_form_key());
    let contracts = Resource::new(|| (), |_| my_contracts());
    let send = ServerAction::<SendMessage>::new();
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let general = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<Sent>);
    let error_of = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|e| e.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone()))
        })
    };
    Effect::new(move |_| match send.value().get() {
        Some(Ok(s)) => {
            errors.set(Vec::new());
            general.set(None);
            sent.set(Some(s));
        }
        Some(Err(AppError::Validation { field, issue })) => {
            errors.set(vec![(field, issue.message())]);
        }
        Some(Err(e)) => general.set(Some(e.message())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The server's checks, before the round trip.
        let mut found = Vec::new();
        if let Err(i) = Topic::parse(&topic.get_untracked()) {
            found.push(("topic".to_string(), i.message()));
        }
        if let Err(i) = MessageText::parse(&body.get_untracked()) {
            found.push(("body".to_string(), i.message()));
        }
        let ok = found.is_empty();
        errors.set(found);
        if ok {
            send.dispatch(SendMessage {
                topic: topic.get_untracked(),
                contract: Some(contract.get_untracked()),
                body: body.get_untracked(),
                key: key.get_untracked(),
                attachments: Some(files.with_untracked(|f| ids_of(f))),
            });
        }
    };
    let pending = send.pending();
    let count = move || body.with(|b| b.trim().chars().count());
    view! {
        <Title text=t(l, "messages-compose")/>
        <p><A href="/messages">{t(l, "messages-back")}</A></p>
        <h1>{t(l, "messages-compose")}</h1>
        {move || match sent.get() {
            Some(s) => view! {
                <div class="card" role="status" data-testid="message-sent">
                    <h2>{t(l, "messages-sent-title")}</h2>
                    <p>{tf(l, "messages-sent-intro", &[("reference", s.reference.clone().into())])}" "
                        <CopyButton text=s.reference.clone() label=t(l, "messages-reference")/></p>
                    <p class="hint">{t(l, "messages-sent-next")}</p>
                    <p class="quick-actions">
                        <A href=format!("/messages/{}", s.thread_id) attr:class="btn btn-primary btn-inline">{t(l, "messages-open-thread")}</A>
                        <A href="/messages" attr:class="btn btn-secondary">{t(l, "messages-back")}</A>
                    </p>
                </div>
            }.into_any(),
            None => view! {
                <p class="hint">{tf(l, "messages-retention", &[("days", crate::domain::message::RETENTION_DAYS.into())])}</p>
                {move || general.get().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
                <form class="card compose" on:submit=submit novalidate>
                    <div class="field" class:field-invalid=move || error_of("topic").get().is_some()>
                        <label for="topic">{t(l, "messages-topic")}</label>
                        <select id="topic" name="topic" aria-describedby="topic-error"
                            aria-invalid=move || if error_of("topic").get().is_some() { "true" } else { "false" }
                            prop:value=move || topic.get() on:change=move |ev| topic.set(event_target_value(&ev))>
                            <option value="">{t(l, "messages-topic-choose")}</option>
                            {Topic::ALL.into_iter().map(|x| view! { <option value=x.as_str()>{topic_label(l, x)}</option> }).collect_view()}
                        </select>
                        <p class="field-error" id="topic-error" aria-live="polite">{move || error_of("topic").get()}</p>
                    </div>
                    <div class="field" class:field-invalid=move || error_of("contract").get().is_some()>
                        <label for="contract">{t(l, "messages-contract")}</label>
                        <Suspense fallback=|| view! { <PageSpinner/> }>
                            {move || Suspend::new(async move {
                                let list = contracts.await.unwrap_or_default();
                                view! {
                                    <select id="contract" name="contract" aria-describedby="contract-error"
                                        prop:value=move || contract.get() on:change=move |ev| contract.set(event_target_value(&ev))>
                                        <option value="">{t(l, "messages-general")}</option>
                                        {list.into_iter().map(|c| view! {
                                            <option value=c.id.to_string()>{format!("{} · {}", c.vehicle, c.number)}</option>
                                        }).collect_view()}
                                    </select>
                                }
                            })}
                        </Suspense>
                        <p class="field-error" id="contract-error" aria-live="polite">{move || error_of("contract").get()}</p>
                    </div>
                    <div class="field" class:field-invalid=move || error_of("body").get().is_some()>
                        <label for="body">{t(l, "messages-body")}</label>
                        <p class="hint" id="body-hint">{t(l, "messages-body-hint")}</p>
                        <textarea id="body" name="body" rows="8" maxlength=MessageText::MAX.to_string()
                            aria-describedby="body-hint body-count body-error"
                            aria-invalid=move || if error_of("body").get().is_some() { "true" } else { "false" }
                            prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                        <p class="hint" id="body-count">{move || tf(l, "messages-count", &[("count", count().into()), ("max", MessageText::MAX.into())])}</p>
                        <p class="field-error" id="body-error" aria-live="polite">{move || error_of("body").get()}</p>
                    </div>
                    <AttachField id="file" upload_to="/messages/attachments" files/>
                    <button type="submit" class="btn btn-primary btn-inline" disabled=move || pending.get()>
                        {move || if pending.get() { t(l, "messages-sending") } else { t(l, "messages-send") }}
                    </button>
                </form>
            }.into_any(),
        }}
    }
}
