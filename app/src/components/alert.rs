//! A message box: `status` for good news (announced politely), `error` for problems (announced
//! at once).

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
    view! { <div class=class role=role>{children()}</div> }
}
