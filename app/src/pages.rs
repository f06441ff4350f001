//! The customers' pages as route types (`Lazy::<pages::Dashboard>::new()`), in two groups: what a
//! visitor sees before signing in, and the rest. With feature `split` (a customers' bundle built
//! with `cargo leptos build --split --lib-features split`) each group's code is cut out of the main
//! WASM file and fetched the first time one of its pages is shown. Without it (what ships, the staff bundle, the server, the browser tests) the same
//! types render the page directly, so every build has the same routes and hydrates the same HTML.
//! Splitting is measured and not shipped (README, "Bundle size").

use leptos::prelude::*;

/// `chunk { Name: path::to::Page, … }` → for each page a route type whose view is that page; with
/// feature `split` the pages of one `chunk` are one lazily loaded WASM file. Two groups measured
/// best (README, "Bundle size"): a chunk per page or per feature makes hundreds or dozens of files
/// and repeats code between them.
macro_rules! chunks {
    ($($chunk:ident { $($name:ident: $page:path,)* })*) => {$(
        #[allow(non_snake_case)]
        pub mod $chunk {
            #[cfg(feature = "split")]
            use super::*;
            #[derive(Clone, Copy)]
            pub enum Page { $($name,)* }
            /// Every page of this chunk: the split point (`#[lazy]`), named after the chunk.
            #[cfg(feature = "split")]
            #[leptos::lazy($chunk)]
            pub fn chunk(page: Page) -> AnyView {
                match page { $(Page::$name => $page().into_any(),)* }
            }
        }
        $(
            pub struct $name;
            page_impl!($chunk, $name, $page);
        )*
    )*};
}

/// The route's view is loaded with its chunk; `preload` is what hydration waits for before it
/// hydrates the server's HTML of the page (`hydrate_lazy`).
#[cfg(feature = "split")]
macro_rules! page_impl {
    ($chunk:ident, $name:ident, $page:path) => {
        impl leptos_router::LazyRoute for $name {
            fn data() -> Self {
                $name
            }
            async fn view(_: Self) -> AnyView {
                $chunk::chunk($chunk::Page::$name).await
            }
            async fn preload() {
                $chunk::__preload_chunk().await;
            }
        }
    };
}

#[cfg(not(feature = "split"))]
macro_rules! page_impl {
    ($chunk:ident, $name:ident, $page:path) => {
        impl leptos_router::LazyRoute for $name {
            fn data() -> Self {
                $name
            }
            async fn view(_: Self) -> AnyView {
                $page().into_any()
            }
        }
    };
}

chunks! {
    signed_out {
        Home: crate::site::HomePage,
        Terms: crate::site::TermsPage,
        Help: crate::help::page::HelpPage,
        DevMailbox: crate::devmail::DevMailboxPage,
        Login: crate::signin::login_page::LoginPage,
        LoginVerify: crate::signin::verify_page::VerifyPage,
        LoginSetup: crate::signin::setup_page::SetupPage,
        Register: crate::auth::register_page::RegisterPage,
        Activate: crate::auth::activate_page::ActivatePage,
        ForgotPassword: crate::auth::recovery_pages::ForgotPasswordPage,
        ResetPassword: crate::auth::recovery_pages::ResetPasswordPage,
        ForgotUsername: crate::auth::recovery_pages::ForgotUsernamePage,
        Unlock: crate::auth::recovery_pages::UnlockPage,
        ConfirmEmail: crate::profile::page::ConfirmEmailPage,
    }
    signed_in {
        Dashboard: crate::contracts::dashboard_page::DashboardPage,
        Link: crate::linking::link_page::LinkPage,
        Contract: crate::contracts::detail_page::ContractDetailPage,
        Schedule: crate::contracts::schedule_page::SchedulePage,
        History: crate::contracts::history_page::HistoryPage,
        LeaseEnd: crate::lease_end::page::LeaseEndPage,
        Payments: crate::payments::list_page::PaymentsPage,
        Pay: crate::payments::pay_page::PayPage,
        Payoff: crate::payments::payoff_page::PayoffPage,
        Autopay: crate::payments::autopay_page::AutopayPage,
        Sources: crate::payments::sources_page::SourcesPage,
        Documents: crate::documents::page::DocumentsPage,
        Applications: crate::applications::page::ApplicationsPage,
        Inbox: crate::messages::inbox_page::InboxPage,
        Compose: crate::messages::compose_page::ComposePage,
        Thread: crate::messages::thread_page::ThreadPage,
        Profile: crate::security::page::ProfilePage,
        Security: crate::security::page::SecurityPage,
        Details: crate::profile::details_page::DetailsPage,
        SignInMethods: crate::factors::page::SignInMethodsPage,
        SignInDetails: crate::profile::page::SignInDetailsPage,
    }
}
