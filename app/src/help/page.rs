//! /help: the search (a GET form — the server renders `?q=` results without JavaScript — that
//! filters as the person types once the page is live), the articles found (or all of them), each
//! with "write to us about this", then the contact desks and the way into the Message Center.

use super::{search, Article};
use crate::i18n::{t, tf, Locale};
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HelpPage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let q = RwSignal::new(query.with_untracked(|m| m.get("q")).unwrap_or_default());
    let found = Memo::new(move |_| q.with(|q| search(l, q)));
    view! {
        <Title text=t(l, "help-title")/>
        <PublicLayout>
            <div class="help">
                <h1>{t(l, "help-title")}</h1>
                <p>{t(l, "help-intro")}</p>
                // Enter submits the GET form; with the page live the results are already there.
                <form class="card help-search" role="search" method="get" action="/help"
                    on:submit=move |ev| ev.prevent_default()>
                    <label for="q">{t(l, "help-search-label")}</label>
                    <p class="hint" id="q-hint">{t(l, "help-search-hint")}</p>
                    <div class="search-row">
                        <input type="search" id="q" name="q" aria-describedby="q-hint" autocomplete="off"
                            value=q.get_untracked() on:input=move |ev| q.set(event_target_value(&ev))/>
                        <button type="submit" class="btn btn-primary btn-inline">{t(l, "help-search")}</button>
                    </div>
                </form>
                <p class="hint" role="status" data-testid="help-count">{move || summary(l, &q.get(), found.with(Vec::len))}</p>
                <section aria-label=t(l, "help-topics")>
                    {move || found.get().into_iter().map(|a| view! { <ArticleCard a/> }).collect_view()}
                </section>
                <WriteToUs/>
            </div>
        </PublicLayout>
    }
}

/// "3 articles match “vin”", or that nothing does; nothing without a query.
fn summary(l: Locale, q: &str, count: usize) -> String {
    let q = q.trim();
    if q.is_empty() {
        String::new()
    } else if count == 0 {
        tf(l, "help-no-results", &[("query", q.to_string().into())])
    } else {
        tf(
            l,
            "help-results",
            &[("count", count.into()), ("query", q.to_string().into())],
        )
    }
}

#[component]
fn ArticleCard(a: Article) -> impl IntoView {
    let l = crate::i18n::current();
    let heading = format!("help-{}", a.slug);
    let write = format!("/messages/new?topic={}", a.topic.as_str());
    view! {
        <article class="card prose help-article" id=a.slug aria-labelledby=heading.clone() data-testid="help-article">
            <h2 id=heading.clone()>{a.title(l)}</h2>
            <p>{a.body(l)}</p>
            <p><A href=write>{t(l, "help-write-about")}</A></p>
        </article>
    }
}

/// Still need help: the Message Center, or each country's phone line and hours.
#[component]
fn WriteToUs() -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <section class="card prose" aria-labelledby="help-write-title">
            <h2 id="help-write-title">{t(l, "help-write-title")}</h2>
            <p>{t(l, "help-write-text")}</p>
            <p><A href="/messages/new" attr:class="btn btn-primary btn-inline">{t(l, "help-write")}</A></p>
            <h3>{t(l, "help-call")}</h3>
            <p>{t(l, "contact-intro")}</p>
            <ul class="plain desks">
                {crate::shell::contact::DESKS.iter().map(|d| view! {
                    <li class="desk">
                        <h4>{t(l, d.country_key)}</h4>
                        <p><a href=format!("tel:{}", d.tel)>{d.phone}</a></p>
                        <p class="hint">{t(l, d.hours_key)}</p>
                    </li>
                }).collect_view()}
            </ul>
            <h3>{t(l, "contact-self-service")}</h3>
            <ul>
                <li><A href="/forgot-password">{t(l, "contact-forgot-password")}</A></li>
                <li><A href="/forgot-username">{t(l, "contact-forgot-username")}</A></li>
            </ul>
        </section>
    }
}
