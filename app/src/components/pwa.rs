//! Installable-app plumbing in the browser: registers the service worker and, when a new release's
//! worker is waiting, shows "Update available — Reload" (which activates it and reloads the page).

use leptos::prelude::*;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let l = crate::i18n::current();
    let waiting = RwSignal::new(false);
    Effect::new(move |_| {
        // In a task of its own after hydration: registering fetches and starts the worker, which
        // need not lengthen the task that makes the page interactive.
        #[cfg(feature = "hydrate")]
        set_timeout(
            move || leptos::task::spawn_local(browser::register(waiting)),
            std::time::Duration::ZERO,
        );
    });
    view! {
        <Show when=move || waiting.get()>
            <div class="toast" role="status">
                <span>{crate::i18n::t(l, "pwa-update-available")}</span>
                <button type="button" class="btn btn-quiet" on:click=move |_| {
                    #[cfg(feature = "hydrate")]
                    browser::activate_waiting();
                }>{crate::i18n::t(l, "pwa-reload")}</button>
            </div>
        </Show>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

    fn container() -> Option<web_sys::ServiceWorkerContainer> {
        let nav = window().navigator();
        // Older browsers and insecure origins have no service workers: nothing to do.
        js_sys_has(&nav, "serviceWorker").then(|| nav.service_worker())
    }

    fn js_sys_has(obj: &web_sys::Navigator, key: &str) -> bool {
        js_sys::Reflect::has(obj, &key.into()).unwrap_or(false)
    }

    pub async fn register(waiting: RwSignal<bool>) {
        let Some(sw) = container() else { return };
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(sw.register("/sw.js")).await else {
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        let has_controller = move || container().and_then(|c| c.controller()).is_some();
        if reg.waiting().is_some() && has_controller() {
            waiting.set(true);
        }
        let reg2 = reg.clone();
        let on_update = Closure::<dyn FnMut()>::new(move || {
            if let Some(worker) = reg2.installing() {
                let w = worker.clone();
                let on_state = Closure::<dyn FnMut()>::new(move || {
                    if w.state() == ServiceWorkerState::Installed && has_controller() {
                        waiting.set(true);
                    }
                });
                worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            }
        });
        reg.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
    }

    pub fn activate_waiting() {
        let Some(sw) = container() else { return };
        let reload = Closure::<dyn FnMut()>::new(|| {
            let _ = window().location().reload();
        });
        sw.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        leptos::task::spawn_local(async move {
            if let Ok(reg) = wasm_bindgen_futures::JsFuture::from(sw.get_registration()).await {
                let reg: ServiceWorkerRegistration = reg.unchecked_into();
                if let Some(w) = reg.waiting() {
                    let _ = w.post_message(&"SKIP_WAITING".into());
                }
            }
        });
    }
}
