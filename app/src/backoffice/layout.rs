//! The back-office frame: its own header (who is signed in, their role, sign-out) and no customer
//! navigation. Anyone without a staff session is sent to the staff sign-in page.

use super::api::{signed_in_staff, StaffLogout};
use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};

/// The signed-in staff member, loaded once by the layout and read by pages that show actions only
/// some roles may take (the server checks the role again).
#[derive(Clone, Copy)]
pub struct StaffMeResource(pub Resource<Result<Option<super::StaffMe>, crate::error::AppError>>);

/// Whether the signed-in staff member has at least `role` (false while unknown).
pub fn staff_has(role: super::StaffRole) -> Signal<bool> {
    let me = use_context::<StaffMeResource>();
    Signal::derive(move || {
        me.and_then(|m| m.0.get())
            .and_then(|r| r.ok().flatten())
            .is_some_and(|m| m.role >= role)
    })
}

#[component]
pub fn BackofficeLayout() -> impl IntoView {
    let l = crate::i18n::current();
    let me = Resource::new(|| (), |_| signed_in_staff());
    provide_context(StaffMeResource(me));
    let logout = ServerAction::<StaffLogout>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            let _ = window()
                .location()
                .assign("/backoffice/login?reason=signed_out");
        }
    });
    view! {
        <a href="#main" class="skip-link">{t(l, "layout-skip-link")}</a>
        <div class="portal backoffice">
            <header class="topbar">
                <A href="/backoffice" attr:class="brand">
                    <span class="brand-name">"Northstar"<span class="brand-sub">{format!(" {}", t(l, "bo-title"))}</span></span>
                </A>
                <div class="topbar-user">
                    <crate::shell::language::LanguageSwitcher/>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            match me.await {
                                Ok(Some(m)) => view! {
                                    <span class="user-name" data-testid="staff-name">{m.name}" · "{t(l, m.role.label_key())}</span>
                                }.into_any(),
                                Ok(None) => view! { <Redirect path="/backoffice/login"/> }.into_any(),
                                Err(e) => view! { <span role="alert">{e.message()}</span> }.into_any(),
                            }
                        })}
                    </Suspense>
                    <button type="button" class="btn btn-quiet" on:click=move |_| { logout.dispatch(StaffLogout {}); }
                        disabled=move || logout.pending().get()>
                        {move || if logout.pending().get() { t(l, "layout-signing-out") } else { t(l, "layout-sign-out") }}
                    </button>
                </div>
            </header>
            <main id="main" class="portal-main" tabindex="-1">
                <nav class="quick-actions bo-nav" aria-label=t(l, "bo-nav")>
                    <A href="/backoffice" exact=true attr:class="btn btn-quiet">{t(l, "bo-nav-search")}</A>
                    <A href="/backoffice/messages" attr:class="btn btn-quiet">{t(l, "bo-nav-messages")}</A>
                    <A href="/backoffice/applications" attr:class="btn btn-quiet">{t(l, "bo-nav-applications")}</A>
                </nav>
                <Outlet/>
            </main>
        </div>
    }
}
