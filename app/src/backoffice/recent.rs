//! The back-office home page's "recently opened": the customer files this staff member opened
//! last (from the staff audit), so a call-back starts with one click.

use super::api::staff_recent_customers;
use crate::components::alert::Tone;
use crate::components::{format, Alert};
use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn RecentCustomers() -> impl IntoView {
    let l = crate::i18n::current();
    let recent = Resource::new(|| (), |_| staff_recent_customers());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match recent.await {
                    Ok(list) if !list.is_empty() => view! {
                        <section class="card" aria-labelledby="bo-recent">
                            <h2 id="bo-recent">{t(l, "bo-recent-title")}</h2>
                            <ul class="plain bo-recent">
                                {list.into_iter().map(|c| view! {
                                    <li>
                                        <A href=format!("/backoffice/customers/{}", c.id)>{c.name}</A>
                                        <span class="hint">" · "{c.email}" · "{format::date_time(c.at)}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    }.into_any(),
                    Ok(_) => ().into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}
