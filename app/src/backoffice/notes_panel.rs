//! Notes on a customer's file: staff write what was said or done (1 to 2,000 characters); notes
//! are listed newest first with author and time, and cannot be edited or deleted. Adding one is a
//! staff action with a reference, like the others.

use super::api::StaffAddNote;
use super::{NoteLine, NoteText};
use crate::components::alert::Tone;
use crate::components::{format, Alert};
use crate::error::AppError;
use crate::i18n::{t, tf};
use leptos::prelude::*;

#[component]
pub fn NotesPanel(customer_id: i64, notes: Vec<NoteLine>, on_done: Callback<()>) -> impl IntoView {
    let l = crate::i18n::current();
    let text = RwSignal::new(String::new());
    let add = ServerAction::<StaffAddNote>::new();
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let page_outcome = super::customer_page::Outcome::of_page();
    Effect::new(move |_| match add.value().get() {
        Some(Ok(d)) => {
            error.set(None);
            text.set(String::new());
            // In the page's outcome region when there is one: this panel is redrawn by the reload.
            match page_outcome {
                Some(o) => o.announce(&d),
                None => done.set(Some(d.reference)),
            }
            on_done.run(());
        }
        Some(Err(AppError::Validation { issue, .. })) => error.set(Some(issue.message())),
        Some(Err(e)) => error.set(Some(e.message())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        // The same check as the server's, before the round trip.
        match NoteText::parse(&text.get_untracked()) {
            Err(AppError::Validation { issue, .. }) => error.set(Some(issue.message())),
            _ => {
                add.dispatch(StaffAddNote {
                    customer_id,
                    note: text.get_untracked(),
                });
            }
        }
    };
    let pending = add.pending();
    view! {
        <section class="card" aria-labelledby="bo-notes">
            <h2 id="bo-notes">{t(l, "bo-notes")}</h2>
            <form class="bo-note-form" on:submit=submit novalidate>
                <div class="field" class:field-invalid=move || error.get().is_some()>
                    <label for="note">{t(l, "bo-note-label")}</label>
                    <p class="hint" id="note-hint">{tf(l, "bo-note-hint", &[("max", NoteText::MAX.into())])}</p>
                    <textarea id="note" name="note" rows="3" maxlength=NoteText::MAX.to_string()
                        aria-describedby="note-hint note-error"
                        aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <p class="field-error" id="note-error" aria-live="polite">{move || error.get()}</p>
                </div>
                <button type="submit" class="btn btn-primary btn-inline" disabled=move || pending.get()>
                    {move || if pending.get() { t(l, "bo-working") } else { t(l, "bo-note-add") }}
                </button>
            </form>
            <div aria-live="polite">
                {move || done.get().map(|r| view! { <Alert tone=Tone::Success>{tf(l, "bo-done", &[("reference", r.into())])}</Alert> })}
            </div>
            {notes.is_empty().then(|| view! { <p class="hint">{t(l, "bo-no-notes")}</p> })}
            <ul class="bo-notes">
                {notes.into_iter().map(|n| view! {
                    <li>
                        <p class="hint">{format::date_time(n.at)}" · "{n.staff}</p>
                        <p class="bo-note-text">{n.text}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
