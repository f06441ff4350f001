//! /messages: the Message Center — the customer's conversations with the lender, the latest first,
//! each with its topic, reference, contract, where it stands, an unread mark when the lender
//! answered since it was opened, and the day it is deleted (30 days after its last message).

use super::api::message_inbox;
use super::{status_label, topic_label, ThreadStatus, ThreadSummary};
use crate::components::alert::Tone;
use crate::components::{format, Alert, PageSpinner};
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn InboxPage() -> impl IntoView {
    let l = crate::i18n::current();
    let threads = Resource::new(|| (), |_| message_inbox());
    // A saved link to a file this login cannot open (`infra/download.rs`).
    let missing = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("missing")
        .is_some();
    view! {
        <Title text=t(l, "messages-title")/>
        <h1>{t(l, "messages-title")}</h1>
        {missing.then(|| view! { <Alert tone=Tone::Info>{t(l, "messages-file-missing")}</Alert> })}
        <p class="hint">{tf(l, "messages-retention", &[("days", crate::domain::message::RETENTION_DAYS.into())])}</p>
        <nav class="quick-actions" aria-label=t(l, "messages-title")>
            <A href="/messages/new" attr:class="btn btn-primary btn-inline">{t(l, "messages-compose")}</A>
        </nav>
        <section aria-labelledby="messages-list-title">
            <h2 id="messages-list-title">{t(l, "messages-list-title")}</h2>
            <Suspense fallback=|| view! { <PageSpinner/> }>
                {move || Suspend::new(async move {
                    match threads.await {
                        Ok(list) if list.is_empty() => view! { <p>{t(l, "messages-none")}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="threads">
                                {list.into_iter().map(|s| view! { <ThreadItem s/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ThreadItem(s: ThreadSummary) -> impl IntoView {
    let l = crate::i18n::current();
    let status_class = match s.status {
        ThreadStatus::Answered => "status status-ok",
        ThreadStatus::Open => "status status-info",
        ThreadStatus::Closed => "status",
    };
    let about = s
        .contract_number
        .clone()
        .unwrap_or_else(|| t(l, "messages-general"));
    let line = format!("{} · {}", s.reference, about);
    view! {
        <li class="thread" class:thread-unread=s.unread data-thread=s.reference>
            <A href=format!("/messages/{}", s.id) attr:class="thread-link">
                <span class="thread-topic">
                    {s.unread.then(|| view! { <span class="unread-dot" aria-hidden="true"></span> })}
                    {topic_label(l, s.topic)}
                    {s.unread.then(|| view! { <span class="visually-hidden">{format!(" — {}", t(l, "messages-unread"))}</span> })}
                </span>
                <span class="hint">{line}</span>
            </A>
            <p class="thread-meta">
                <span class=status_class>{status_label(l, s.status)}</span>
                <span class="hint">{tf(l, "messages-last-activity", &[("when", format::date_time(s.last_message_at).into())])}</span>
                <span class="hint">{match s.expires_on {
                    Some(d) => tf(l, "messages-expires", &[("date", format::date(d).into())]),
                    None => t(l, "messages-held"),
                }}</span>
            </p>
        </li>
    }
}
