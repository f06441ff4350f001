//! The signed-in pages whose features have not landed yet. Each says so plainly and tells the
//! customer what they can do meanwhile; the feature issues replace them one by one.

use crate::components::alert::Tone;
use crate::components::Alert;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! {
        <Title text="Dashboard"/>
        <h1>"Dashboard"</h1>
        <Alert tone=Tone::Info>
            <p>"Your login is active. Linking your finance contract is coming soon: once linked, this page shows your balance, next due date and payment schedule."</p>
        </Alert>
    }
}

#[component]
pub fn ComingSoon(#[prop(into)] title: String, #[prop(into)] what: String) -> impl IntoView {
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <Alert tone=Tone::Info>
            <p>"Coming soon. " {what}</p>
        </Alert>
    }
}
