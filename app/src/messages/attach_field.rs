//! "Attach a file" (seed 001): a file input that uploads each chosen file at once to the upload
//! route (`/messages/attachments`, or the back office's), one after the other with progress, and
//! lists what is ready to send with a Remove button. The form sends the ids (`join_ids`). A file
//! is checked here first — its kind by name, its size, the message's count and total — and again
//! on the server, which also checks its content.

use super::AttachmentView;
use crate::domain::attachment::{
    check_before_upload, size_label, FileKind, FileProblem, MAX_FILES, MAX_FILE_BYTES,
    MAX_TOTAL_BYTES,
};
use crate::error::AppError;
use crate::i18n::{t, tf};
use leptos::prelude::*;

#[component]
pub fn AttachField(
    /// The input's id (one per page).
    #[prop(into)]
    id: String,
    /// Where files are uploaded.
    upload_to: &'static str,
    /// The files ready to send; the form clears it after a send.
    files: RwSignal<Vec<AttachmentView>>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let error = RwSignal::new(None::<String>);
    let uploading = RwSignal::new(None::<String>);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = format!("{hint_id} {error_id}");
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = chosen_files(&ev);
        error.set(None);
        leptos::task::spawn_local(async move {
            for (name, size, file) in chosen {
                let count = files.with_untracked(Vec::len);
                let total: u64 = files.with_untracked(|f| f.iter().map(|a| a.size).sum());
                let problem = match check_before_upload(&name, size) {
                    Err(p) => Some(p),
                    Ok(_) if count >= MAX_FILES => Some(FileProblem::TooMany),
                    Ok(_) if total + size > MAX_TOTAL_BYTES => Some(FileProblem::TooMuchTogether),
                    Ok(_) => None,
                };
                if let Some(p) = problem {
                    error.set(Some(format!("{name}: {}", AppError::File(p).message_in(l))));
                    break;
                }
                uploading.set(Some(name.clone()));
                let sent = send(upload_to, file).await;
                uploading.set(None);
                match sent {
                    Ok(a) => files.update(|f| f.push(a)),
                    Err(e) => {
                        error.set(Some(format!("{name}: {}", e.message_in(l))));
                        break;
                    }
                }
            }
        });
        clear_input(&ev);
    };
    view! {
        <div class="field attach" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{t(l, "attach-label")}</label>
            <p class="hint" id=hint_id>{tf(l, "attach-hint", &[
                ("each", (MAX_FILE_BYTES >> 20).into()),
                ("total", (MAX_TOTAL_BYTES >> 20).into()),
                ("max", MAX_FILES.into()),
            ])}</p>
            <input type="file" id=id name="file" accept=FileKind::ACCEPT multiple
                aria-describedby=described
                disabled=move || uploading.get().is_some() || files.with(|f| f.len() >= MAX_FILES)
                on:change=on_change/>
            <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
            <p class="hint" aria-live="polite">{move || uploading.get().map(|n| view! {
                <span class="spinner" aria-hidden="true"></span>" "{tf(l, "attach-uploading", &[("name", n.into())])}
            })}</p>
            <ul class="attachments" aria-label=t(l, "attach-list")>
                {move || files.get().into_iter().map(|a| {
                    let id = a.id;
                    let remove = tf(l, "attach-remove", &[("name", a.name.clone().into())]);
                    view! {
                        <li data-testid="attached">
                            <span>{a.name}" · "{size_label(a.size)}</span>" "
                            <button type="button" class="btn btn-link" aria-label=remove
                                on:click=move |_| files.update(|f| f.retain(|x| x.id != id))>
                                {t(l, "attach-remove-short")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The ids a form sends (`domain::attachment::parse_ids` reads them back).
pub fn ids_of(files: &[AttachmentView]) -> String {
    crate::domain::attachment::join_ids(&files.iter().map(|a| a.id).collect::<Vec<_>>())
}

/// A message's files, as listed under it: each a download link with its size.
#[component]
pub fn FileLinks(files: Vec<AttachmentView>, base: &'static str) -> impl IntoView {
    let l = crate::i18n::current();
    (!files.is_empty()).then(|| {
        view! {
            <ul class="attachments" aria-label=t(l, "attach-files")>
                {files.into_iter().map(|a| view! {
                    <li><a href=format!("{base}/{}", a.id) download=a.name.clone() rel="nofollow">{a.name.clone()}</a>
                        " · "{size_label(a.size)}</li>
                }).collect_view()}
            </ul>
        }
    })
}

#[cfg(feature = "hydrate")]
type Chosen = web_sys::File;
#[cfg(not(feature = "hydrate"))]
type Chosen = ();

/// The files the input holds: name, size, file.
fn chosen_files(_ev: &leptos::ev::Event) -> Vec<(String, u64, Chosen)> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(input) = _ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return Vec::new();
        };
        let Some(list) = input.files() else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.get(i))
            .map(|f| (f.name(), f.size() as u64, f))
            .collect()
    }
    #[cfg(not(feature = "hydrate"))]
    Vec::new()
}

/// Empties the input, so the same file can be chosen again after a removal.
fn clear_input(_ev: &leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(input) = _ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value("");
        }
    }
}

/// Uploads one file; the server's answer, or its typed error.
async fn send(_to: &'static str, _file: Chosen) -> Result<AttachmentView, AppError> {
    #[cfg(feature = "hydrate")]
    {
        use crate::error::Transport;
        let form = web_sys::FormData::new().map_err(|_| AppError::Transport(Transport::Network))?;
        form.append_with_blob_and_filename("file", &_file, &_file.name())
            .map_err(|_| AppError::Transport(Transport::Network))?;
        let res = gloo_net::http::Request::post(_to)
            .body(form)
            .map_err(|_| AppError::Transport(Transport::Network))?
            .send()
            .await
            .map_err(|_| AppError::Transport(Transport::Network))?;
        let text = res
            .text()
            .await
            .map_err(|_| AppError::Transport(Transport::Network))?;
        if res.ok() {
            serde_json::from_str(&text).map_err(|_| AppError::Transport(Transport::Network))
        } else {
            Err(serde_json::from_str(&text).unwrap_or(AppError::Transport(Transport::Network)))
        }
    }
    #[cfg(not(feature = "hydrate"))]
    Err(AppError::Transport(crate::error::Transport::Network))
}
