//! The demo-mode mailbox at /dev/mailbox: every email the portal "sent" while no SMTP server is
//! configured. The server function answers NotFound unless the server runs in demo mode.

use crate::components::PageSpinner;
use crate::error::AppError;
use crate::i18n::{t, tf};
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod service;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DevMail {
    pub id: i64,
    pub sent_at: i64,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub links: Vec<String>,
}

/// Extracts http(s) links from a plain-text body.
pub fn links_in(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| w.trim_end_matches(['.', ',', ')']).to_string())
        .collect()
}

#[server(prefix = "/api", endpoint = "dev_mailbox")]
pub async fn dev_mailbox() -> Result<Vec<DevMail>, AppError> {
    let state = crate::infra::guard::state()?;
    Ok(service::list(&state, crate::i18n::request_locale()).await?)
}

#[component]
pub fn DevMailboxPage() -> impl IntoView {
    let l = crate::i18n::current();
    let mails = Resource::new(|| (), |_| dev_mailbox());
    view! {
        <Title text=t(l, "devmail-title")/>
        <PublicLayout>
            <section class="card" aria-labelledby="mailbox-title">
                <h1 id="mailbox-title">{t(l, "devmail-title")}</h1>
                <p class="hint">{t(l, "devmail-hint")}</p>
                <Suspense fallback=|| view! { <PageSpinner/> }>
                    {move || Suspend::new(async move {
                        match mails.await {
                            Ok(list) if list.is_empty() => view! { <p>{t(l, "devmail-empty")}</p> }.into_any(),
                            Ok(list) => view! {
                                <ol class="mail-list">
                                    {list.into_iter().map(|m| view! {
                                        <li class="mail" data-to=m.to.clone()>
                                            <h2 class="mail-subject">{m.subject.clone()}</h2>
                                            <p class="hint">{tf(l, "devmail-to", &[("to", m.to.clone().into())])}</p>
                                            <pre class="mail-body">{m.text.clone()}</pre>
                                            <ul class="mail-links">
                                                {m.links.iter().map(|l| view! { <li><a href=l.clone()>{l.clone()}</a></li> }).collect_view()}
                                            </ul>
                                        </li>
                                    }).collect_view()}
                                </ol>
                            }.into_any(),
                            Err(e) => view! { <p role="alert">{e.message()}</p> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
        </PublicLayout>
    }
}
