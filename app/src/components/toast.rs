//! Toasts: short confirmations ("Copied", "Account linked") announced politely and dismissed after
//! a few seconds or by the close button.

use crate::i18n::{t, tf};
use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct Toasts(RwSignal<Vec<(u64, String)>>);

impl Toasts {
    pub fn show(&self, message: impl Into<String>) {
        let list = self.0;
        let message = message.into();
        let id = list.with_untracked(|l| l.last().map(|(i, _)| i + 1).unwrap_or(1));
        // The same news twice (saving again) replaces the first rather than piling up.
        list.update(|l| {
            l.retain(|(_, m)| *m != message);
            l.push((id, message));
        });
        set_timeout(
            move || list.update(|l| l.retain(|(i, _)| *i != id)),
            Duration::from_secs(6),
        );
    }
}

pub fn provide_toasts() {
    provide_context(Toasts(RwSignal::new(Vec::new())));
}

pub fn use_toasts() -> Toasts {
    use_context::<Toasts>().unwrap_or_else(|| Toasts(RwSignal::new(Vec::new())))
}

#[component]
pub fn ToastRegion() -> impl IntoView {
    let l = crate::i18n::current();
    let toasts = use_toasts();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.0.get() key=|(id, _)| *id let:item>
                <div class="toast">
                    <span>{item.1.clone()}</span>
                    <button type="button" class="btn btn-quiet" aria-label=t(l, "toast-dismiss")
                        on:click=move |_| toasts.0.update(|l| l.retain(|(i, _)| *i != item.0))>"×"</button>
                </div>
            </For>
        </div>
    }
}

/// A button that copies `text` (a reference or contract number) to the clipboard.
#[component]
pub fn CopyButton(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    let l = crate::i18n::current();
    let toasts = use_toasts();
    #[cfg(not(feature = "hydrate"))]
    let _ = (&text, toasts);
    let aria = tf(l, "toast-copy-label", &[("what", label.into())]);
    view! {
        <button type="button" class="btn btn-quiet btn-copy" aria-label=aria on:click=move |_| {
            #[cfg(feature = "hydrate")]
            {
                let promise = window().navigator().clipboard().write_text(&text);
                let text = text.clone();
                leptos::task::spawn_local(async move {
                    match wasm_bindgen_futures::JsFuture::from(promise).await {
                        Ok(_) => toasts.show(tf(l, "toast-copied", &[("text", text.into())])),
                        Err(_) => toasts.show(t(l, "toast-copy-failed")),
                    }
                });
            }
        }>{t(l, "toast-copy")}</button>
    }
}
