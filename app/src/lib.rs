//! The portal: one Leptos app compiled for the server (feature `ssr`) and the browser (`hydrate`).
//! This file only wires modules, routes and the HTML shell.

pub mod applications;
pub mod auth;
#[cfg(feature = "backoffice")]
pub mod backoffice;
pub mod components;
pub mod contracts;
pub mod devmail;
pub mod documents;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod emails;
pub mod error;
pub mod factors;
pub mod help;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod infra;
pub mod lease_end;
pub mod linking;
pub mod messages;
pub mod pages;
pub mod payments;
pub mod portal;
pub mod profile;
pub mod security;
pub mod shell;
pub mod signin;
pub mod site;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

// The back office's pages ship in their own bundle (DESIGN rule 12): in the customers' bundle its
// routes only hand over to a full page load, which brings the staff bundle.
#[cfg(feature = "backoffice")]
use backoffice::{
    applications_page::ApplicationPage as StaffApplicationPage,
    applications_page::ApplicationQueuePage as StaffApplicationQueuePage,
    contract_page::ContractPage as StaffContractPage,
    customer_page::CustomerPage as StaffCustomerPage, layout::BackofficeLayout,
    login_page::StaffLoginPage, messages_page::QueuePage as StaffQueuePage,
    messages_page::ThreadPage as StaffThreadPage, search_page::SearchPage as StaffSearchPage,
};
#[cfg(not(feature = "backoffice"))]
use components::bundle::{
    LoadBackoffice as StaffCustomerPage, LoadBackoffice as BackofficeLayout,
    LoadBackoffice as StaffLoginPage, LoadBackoffice as StaffSearchPage,
    LoadBackoffice as StaffContractPage, LoadBackoffice as StaffQueuePage,
    LoadBackoffice as StaffThreadPage, LoadBackoffice as StaffApplicationQueuePage,
    LoadBackoffice as StaffApplicationPage,
};

/// The HTML document. On the server it also sets the Content-Security-Policy header with this
/// response's nonce (Leptos puts the same nonce on its inline hydration scripts).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(opts)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        if let Ok(v) = axum::http::HeaderValue::from_str(&csp(&nonce)) {
            opts.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, v);
        }
    }
    #[cfg(feature = "ssr")]
    let lang = i18n::request_locale().code();
    #[cfg(not(feature = "ssr"))]
    let lang = "en";
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                <components::hydration::IdleHydration options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The page CSP: scripts only with this response's nonce (plus WASM compilation), nothing framed,
/// no plugins, no base-URI tricks.
pub fn csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         manifest-src 'self'; worker-src 'self'; form-action 'self'; frame-ancestors 'none'; \
         object-src 'none'; base-uri 'none'"
    )
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // One language per page load: the server's choice for this request, read back from
    // <html lang> by the browser (switching language reloads the page).
    #[cfg(feature = "ssr")]
    provide_context(i18n::request_locale());
    #[cfg(feature = "hydrate")]
    provide_context(i18n::page_locale());
    components::toast::provide_toasts();
    // Marks the document once the WASM app has taken over (effects never run on the server).
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Title formatter=|t: String| if t.is_empty() { "Northstar Auto Finance".to_string() } else { format!("{t} · Northstar Auto Finance") }/>
        <Meta name="description" content=i18n::tr("site-meta-description")/>
        <Meta name="theme-color" content="#0b3d6e"/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Link rel="manifest" href="/manifest.webmanifest"/>
        <Link rel="apple-touch-icon" href="/icons/apple-touch-icon.png"/>
        <components::pwa::UpdateBanner/>
        <components::toast::ToastRegion/>
        <Router>
            <components::route_focus::RouteFocus/>
            <Routes fallback=site::NotFoundPage>
                <Route path=path!("/") view={Lazy::<pages::Home>::new()}/>
                <Route path=path!("/login") view={Lazy::<pages::Login>::new()}/>
                <Route path=path!("/login/verify") view={Lazy::<pages::LoginVerify>::new()}/>
                <Route path=path!("/login/setup") view={Lazy::<pages::LoginSetup>::new()}/>
                <Route path=path!("/register") view={Lazy::<pages::Register>::new()}/>
                <Route path=path!("/activate") view={Lazy::<pages::Activate>::new()}/>
                <Route path=path!("/forgot-password") view={Lazy::<pages::ForgotPassword>::new()}/>
                <Route path=path!("/reset-password") view={Lazy::<pages::ResetPassword>::new()}/>
                <Route path=path!("/forgot-username") view={Lazy::<pages::ForgotUsername>::new()}/>
                <Route path=path!("/unlock") view={Lazy::<pages::Unlock>::new()}/>
                <Route path=path!("/confirm-email") view={Lazy::<pages::ConfirmEmail>::new()}/>
                <Route path=path!("/terms") view={Lazy::<pages::Terms>::new()}/>
                <Route path=path!("/help") view={Lazy::<pages::Help>::new()}/>
                <Route path=path!("/dev/mailbox") view={Lazy::<pages::DevMailbox>::new()}/>
                <Route path=path!("/backoffice/login") view=StaffLoginPage/>
                <ParentRoute path=path!("/backoffice") view=BackofficeLayout ssr=SsrMode::Async>
                    <Route path=path!("") view=StaffSearchPage/>
                    <Route path=path!("customers/:id") view=StaffCustomerPage/>
                    <Route path=path!("contracts/:id") view=StaffContractPage/>
                    <Route path=path!("messages") view=StaffQueuePage/>
                    <Route path=path!("messages/:id") view=StaffThreadPage/>
                    <Route path=path!("applications") view=StaffApplicationQueuePage/>
                    <Route path=path!("applications/:id") view=StaffApplicationPage/>
                </ParentRoute>
                <ParentRoute path=path!("") view=shell::PortalLayout ssr=SsrMode::Async>
                    <Route path=path!("/dashboard") view={Lazy::<pages::Dashboard>::new()}/>
                    <Route path=path!("/link") view={Lazy::<pages::Link>::new()}/>
                    <Route path=path!("/contracts/:id") view={Lazy::<pages::Contract>::new()}/>
                    <Route path=path!("/contracts/:id/schedule") view={Lazy::<pages::Schedule>::new()}/>
                    <Route path=path!("/contracts/:id/history") view={Lazy::<pages::History>::new()}/>
                    <Route path=path!("/contracts/:id/lease-end") view={Lazy::<pages::LeaseEnd>::new()}/>
                    <Route path=path!("/payments") view={Lazy::<pages::Payments>::new()}/>
                    <Route path=path!("/payments/new") view={Lazy::<pages::Pay>::new()}/>
                    <Route path=path!("/payments/payoff") view={Lazy::<pages::Payoff>::new()}/>
                    <Route path=path!("/payments/autopay") view={Lazy::<pages::Autopay>::new()}/>
                    <Route path=path!("/payments/sources") view={Lazy::<pages::Sources>::new()}/>
                    <Route path=path!("/documents") view={Lazy::<pages::Documents>::new()}/>
                    <Route path=path!("/applications") view={Lazy::<pages::Applications>::new()}/>
                    <Route path=path!("/messages") view={Lazy::<pages::Inbox>::new()}/>
                    <Route path=path!("/messages/new") view={Lazy::<pages::Compose>::new()}/>
                    <Route path=path!("/messages/:id") view={Lazy::<pages::Thread>::new()}/>
                    <Route path=path!("/profile") view={Lazy::<pages::Profile>::new()}/>
                    <Route path=path!("/profile/security") view={Lazy::<pages::Security>::new()}/>
                    <Route path=path!("/profile/details") view={Lazy::<pages::Details>::new()}/>
                    <Route path=path!("/profile/two-step") view={Lazy::<pages::SignInMethods>::new()}/>
                    <Route path=path!("/profile/sign-in") view={Lazy::<pages::SignInDetails>::new()}/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
