//! /messages/:id: one conversation, oldest message first — who wrote (you or the lender), when, the
//! text as text (never HTML; links are not made clickable) and the day each message is deleted —
//! with a reply box. A thread the lender closed is reopened by a reply.

use super::api::{message_thread, ReplyMessage};
use super::attach_field::{ids_of, AttachField, FileLinks};
use super::{status_label, topic_label, MessageView, ThreadStatus, ThreadView};
use crate::components::alert::Tone;
use crate::components::{format, Alert, PageSpinner, TextAreaField};
use crate::domain::message::MessageText;
use crate::error::AppError;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn ThreadPage() -> impl IntoView {
    let l = crate::i18n::current();
    let id = crate::components::params::route_id();
    let reply = ServerAction::<ReplyMessage>::new();
    let thread = Resource::new(
        move || (id.get(), reply.version().get()),
        |(id, _)| message_thread(id),
    );
    view! {
        <Title text=t(l, "messages-title")/>
        <p><A href="/messages">{t(l, "messages-back")}</A></p>
        // Transition: after a reply the conversation stays on screen while it reloads.
        <Transition fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match thread.await {
                    Ok(v) => view! { <Thread v reply/> }.into_any(),
                    Err(e) => view! { <h1>{t(l, "messages-title")}</h1><Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Thread(v: ThreadView, reply: ServerAction<ReplyMessage>) -> impl IntoView {
    let l = crate::i18n::current();
    let s = v.summary;
    let about = s
        .contract_number
        .clone()
        .unwrap_or_else(|| t(l, "messages-general"));
    view! {
        <h1>{topic_label(l, s.topic)}</h1>
        <p class="hint" data-testid="thread-reference">{format!("{} · {}", s.reference, about)}" · "{status_label(l, s.status)}</p>
        {(s.status == ThreadStatus::Closed).then(|| view! { <Alert tone=Tone::Info>{t(l, "messages-closed-note")}</Alert> })}
        <ol class="messages" aria-label=t(l, "messages-conversation")>
            {v.messages.into_iter().map(|m| view! { <Message m/> }).collect_view()}
        </ol>
        <ReplyForm thread=s.id reply/>
    }
}

#[component]
fn Message(m: MessageView) -> impl IntoView {
    let l = crate::i18n::current();
    let who = if m.from_lender {
        t(l, "messages-from-lender")
    } else {
        t(l, "messages-from-you")
    };
    view! {
        <li class="message" class:message-lender=m.from_lender>
            <p class="message-meta"><strong>{who}</strong>" · "{format::date_time(m.sent_at)}</p>
            // Text, never HTML: Leptos escapes it; CSS keeps the line breaks.
            <p class="message-body">{m.body}</p>
            <FileLinks files=m.attachments base="/messages/attachments"/>
            <p class="hint">{match m.expires_on {
                Some(d) => tf(l, "messages-expires", &[("date", format::date(d).into())]),
                None => t(l, "messages-held"),
            }}</p>
        </li>
    }
}

#[component]
fn ReplyForm(thread: i64, reply: ServerAction<ReplyMessage>) -> impl IntoView {
    let l = crate::i18n::current();
    let body = RwSignal::new(String::new());
    let files = RwSignal::new(Vec::<super::AttachmentView>::new());
    let key = RwSignal::new(crate::components::form_key::new_form_key());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    Effect::new(move |_| match reply.value().get() {
        Some(Ok(s)) => {
            error.set(None);
            body.set(String::new());
            files.set(Vec::new());
            // The next reply is a new form instance.
            key.set(crate::components::form_key::new_form_key());
            done.set(Some(s.reference));
        }
        Some(Err(AppError::Validation { issue, .. })) => error.set(Some(issue.message())),
        Some(Err(e)) => error.set(Some(e.message())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        match MessageText::parse(&body.get_untracked()) {
            Err(i) => error.set(Some(i.message())),
            Ok(_) => {
                reply.dispatch(ReplyMessage {
                    thread,
                    body: body.get_untracked(),
                    key: key.get_untracked(),
                    attachments: Some(files.with_untracked(|f| ids_of(f))),
                });
            }
        }
    };
    let pending = reply.pending();
    view! {
        <form class="card reply" on:submit=submit novalidate>
            <TextAreaField id="reply" label=t(l, "messages-reply") value=body error=error rows=5 max=MessageText::MAX/>
            <AttachField id="reply-file" upload_to="/messages/attachments" files/>
            <button type="submit" class="btn btn-primary btn-inline" disabled=move || pending.get()>
                {move || if pending.get() { t(l, "messages-sending") } else { t(l, "messages-send-reply") }}
            </button>
            <div aria-live="polite">
                {move || done.get().map(|r| view! { <Alert tone=Tone::Success>{tf(l, "messages-reply-sent", &[("reference", r.into())])}</Alert> })}
            </div>
        </form>
    }
}
