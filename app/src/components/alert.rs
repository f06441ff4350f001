//! A message box: `status` for good news (announced politely), `error` for problems (announced
//! at once). An error also takes focus when it appears, which brings it on screen: after a failed
//! submit on a phone, the form's top (where the error is) is usually scrolled away.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Success,
    Info,
    Error,
}

#[component]
pub fn Alert(tone: Tone, children: Children) -> impl IntoView {
    let (class, role) = match tone {
        Tone::Success => ("alert alert-success", "status"),
        Tone::Info => ("alert alert-info", "status"),
        Tone::Error => ("alert alert-error", "alert"),
    };
    let node = NodeRef::<leptos::html::Div>::new();
    let error = tone == Tone::Error;
    if error {
        Effect::new(move |_| {
            if let Some(el) = node.get() {
                let _ = el.focus();
            }
        });
    }
    view! { <div class=class role=role tabindex=error.then_some("-1") node_ref=node>{children()}</div> }
}
