//! Page frames. `PublicLayout` wraps sign-in and registration; `PortalLayout` is the signed-in shell
//! (header with the customer's name, main navigation, sign-out) and sends anyone without a session
//! to the sign-in page.

use super::api::{current_user, Logout};
use super::UserSummary;
use crate::i18n::{t, tf, Locale};
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};

#[component]
fn Brand(#[prop(into)] href: String) -> impl IntoView {
    view! {
        <A href=href attr:class="brand">
            <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                <circle cx="16" cy="16" r="15" fill="currentColor" opacity="0.12"></circle>
                <path d="M16 4 L19 13 L28 16 L19 19 L16 28 L13 19 L4 16 L13 13 Z" fill="currentColor"></path>
            </svg>
            <span class="brand-name">"Northstar"<span class="brand-sub">" Auto Finance"</span></span>
        </A>
    }
}

#[component]
pub fn PublicLayout(children: Children) -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <a href="#main" class="skip-link">{t(l, "layout-skip-link")}</a>
        <header class="topbar">
            <Brand href="/"/>
            <super::language::LanguageSwitcher/>
        </header>
        <main id="main" class="public-main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{t(l, "layout-footer")}</p>
            <p><A href="/help">{t(l, "contact-link")}</A></p>
        </footer>
    }
}

/// The main navigation entries: (path, icon path data); labels come from `nav_label`.
const NAV: [(&str, &str); 5] = [
    ("/dashboard", "M3 12 L12 4 L21 12 M6 10 V20 H18 V10"),
    ("/payments", "M3 7 H21 V17 H3 Z M3 11 H21"),
    ("/documents", "M6 3 H14 L19 8 V21 H6 Z M14 3 V8 H19"),
    ("/messages", "M3 6 H21 V18 H3 Z M3 6 L12 13 L21 6"),
    (
        "/profile",
        "M12 12 A4 4 0 1 0 12 4 A4 4 0 1 0 12 12 M4 21 C4 16 20 16 20 21",
    ),
];

/// A main navigation entry's label in `l`.
fn nav_label(l: Locale, path: &str) -> String {
    match path {
        "/dashboard" => t(l, "nav-dashboard"),
        "/payments" => t(l, "nav-payments"),
        "/documents" => t(l, "nav-documents"),
        "/messages" => t(l, "nav-messages"),
        _ => t(l, "nav-profile"),
    }
}

#[component]
pub fn PortalLayout() -> impl IntoView {
    let l = crate::i18n::current();
    let user = Resource::new(|| (), |_| current_user());
    // Where to come back to after signing in (this page, with its query).
    let location = leptos_router::hooks::use_location();
    let sign_in = move || {
        let search = location.search.get_untracked();
        let search = search.trim_start_matches('?');
        let here = if search.is_empty() {
            location.pathname.get_untracked()
        } else {
            format!("{}?{search}", location.pathname.get_untracked())
        };
        // After Sign out (the browser's Back, or an old tab) say so; otherwise the session ended.
        let reason = if super::signed_out_recently() {
            "signed_out"
        } else {
            "signin"
        };
        format!(
            "/login?reason={reason}&next={}",
            crate::components::return_to::encode_query_value(&here)
        )
    };
    let logout = ServerAction::<Logout>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            let _ = window().location().assign("/login?reason=signed_out");
        }
    });
    // Only the customer's name waits for the server; the frame, the navigation and the page stay
    // mounted across navigations (keeping focus and scroll handling predictable).
    view! {
        <a href="#main" class="skip-link">{t(l, "layout-skip-link")}</a>
        <div class="portal">
            <header class="topbar">
                <Brand href="/dashboard"/>
                <div class="topbar-user">
                    <super::language::LanguageSwitcher/>
                    <Suspense fallback=|| view! { <span class="avatar" aria-hidden="true"></span> }>
                        {move || Suspend::new(async move {
                            match user.await {
                                Ok(Some(u)) => view! { <UserBadge user=u/> }.into_any(),
                                Ok(None) => view! { <Redirect path=sign_in()/> }.into_any(),
                                Err(e) => view! { <span role="alert">{e.message()}</span> }.into_any(),
                            }
                        })}
                    </Suspense>
                    <button
                        type="button"
                        class="btn btn-quiet"
                        on:click=move |_| { logout.dispatch(Logout {}); }
                        disabled=move || logout.pending().get()
                    >
                        {move || if logout.pending().get() { t(l, "layout-signing-out") } else { t(l, "layout-sign-out") }}
                    </button>
                </div>
            </header>
            <nav class="mainnav" aria-label=t(l, "layout-main-nav")>
                <ul>
                    {NAV
                        .iter()
                        .map(|(href, icon)| {
                            let href = *href;
                            view! {
                                <li>
                                    // `A` sets aria-current="page" on the section we are in.
                                    <A href=href attr:class="navlink">
                                        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                                            <path d=*icon fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"></path>
                                        </svg>
                                        <span>{nav_label(l, href)}</span>
                                        {(href == "/messages").then(|| view! { <UnreadBadge/> })}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <main id="main" class="portal-main" tabindex="-1">
                {move || logout.value().get().and_then(|r| r.err()).map(|e| view! { <p class="alert alert-error" role="alert">{e.message()}</p> })}
                <Outlet/>
                <footer class="portal-footer">
                    <A href="/help">{t(l, "contact-link")}</A>
                </footer>
            </main>
        </div>
    }
}

/// The number of conversations with an answer not yet read, on the Messages entry (desktop and
/// the phone's bottom bar); asked again on each navigation, so reading one takes it down.
#[component]
fn UnreadBadge() -> impl IntoView {
    let l = crate::i18n::current();
    let location = leptos_router::hooks::use_location();
    let unread = Resource::new(
        move || location.pathname.get(),
        |_| crate::messages::api::unread_messages(),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match unread.await {
                    Ok(n) if n > 0 => view! {
                        <span class="nav-badge" data-testid="unread-count">
                            <span aria-hidden="true">{n}</span>
                            <span class="visually-hidden">{format!(" ({})", tf(l, "nav-unread", &[("count", n.into())]))}</span>
                        </span>
                    }.into_any(),
                    _ => ().into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn UserBadge(user: UserSummary) -> impl IntoView {
    let full_name = format!("{} {}", user.first_name, user.last_name);
    let initials: String = [&user.first_name, &user.last_name]
        .iter()
        .filter_map(|s| s.chars().next())
        .collect();
    view! {
        <span class="avatar" aria-hidden="true">{initials}</span>
        <span class="user-name" data-testid="user-name">{full_name}</span>
    }
}
