//! Signed-in pages whose features have not landed yet. Each says so plainly; the feature issues
//! replace them one by one.

use crate::components::alert::Tone;
use crate::components::Alert;
use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ComingSoon(#[prop(into)] title: String, #[prop(into)] what: String) -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <Alert tone=Tone::Info>
            <p>{t(l, "soon-intro")} " " {what}</p>
        </Alert>
    }
}
