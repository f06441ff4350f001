//! Signed-in pages whose features have not landed yet. Each says so plainly; the feature issues
//! replace them one by one.

use crate::components::alert::Tone;
use crate::components::Alert;
use leptos::prelude::*;
use leptos_meta::Title;

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
