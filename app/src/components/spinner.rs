//! Progress indicators: a submit button that shows work in flight and cannot be pressed twice,
//! and a page-level loading placeholder.

use leptos::prelude::*;

#[component]
pub fn SubmitButton(
    #[prop(into)] label: String,
    #[prop(into)] busy_label: String,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into, optional)] id: Option<String>,
) -> impl IntoView {
    view! {
        <button
            type="submit"
            class="btn btn-primary"
            id=id
            disabled=move || pending.get()
            aria-busy=move || if pending.get() { "true" } else { "false" }
        >
            <Show when=move || pending.get() fallback=move || label.clone()>
                <span class="spinner" aria-hidden="true"></span>
                {busy_label.clone()}
            </Show>
        </button>
    }
}

#[component]
pub fn PageSpinner() -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <div class="page-spinner" role="status">
            <span class="spinner" aria-hidden="true"></span>
            <span>{crate::i18n::t(l, "common-loading")}</span>
        </div>
    }
}
