//! The language switcher in the header. Choosing a language stores it (cookie, and the profile
//! when signed in) and reloads the page in that language.

use super::api::SetLanguage;
use crate::i18n::{current, t, Locale};
use leptos::prelude::*;

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let now = current();
    let action = ServerAction::<SetLanguage>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            let _ = window().location().reload();
        }
    });
    view! {
        <label class="lang-switch">
            <span class="visually-hidden">{t(now, "common-language-label")}</span>
            <select
                aria-label=t(now, "common-language-label")
                disabled=move || action.pending().get()
                on:change=move |ev| {
                    if let Some(l) = Locale::parse(&event_target_value(&ev)) {
                        action.dispatch(SetLanguage { language: l.code().to_string() });
                    }
                }
            >
                {Locale::ALL.into_iter().map(|l| view! {
                    // Two-letter labels keep the phone header within 360 px; the full name is the
                    // option's title (and the select's label names all three languages).
                    <option value=l.code() selected=l == now lang=l.code() title=l.native_name()>{l.short_name()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
