//! "Confirm it is you": sensitive changes answer `ReauthRequired` when the password (or an
//! authenticator code) was last entered more than five minutes ago. The page runs such changes
//! through [`Reauth::run`]; on that error [`ReauthPanel`] opens, and once the person confirms, the
//! change they asked for is retried automatically.

use crate::components::alert::Tone;
use crate::components::{Alert, Field, SubmitButton};
use crate::error::AppError;
use crate::factors::api::Reauthenticate;
use crate::i18n::t;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Reauth {
    open: RwSignal<bool>,
    /// Only a second factor will do (removing the last one): the panel asks for a code.
    second_factor: RwSignal<bool>,
    retry: StoredValue<Option<Callback<()>>>,
}

impl Default for Reauth {
    fn default() -> Self {
        Self::new()
    }
}

impl Reauth {
    pub fn new() -> Self {
        Reauth {
            open: RwSignal::new(false),
            second_factor: RwSignal::new(false),
            retry: StoredValue::new(None),
        }
    }

    /// Runs a change, remembering it so it can be retried after confirmation.
    pub fn run(&self, change: impl Fn() + Send + Sync + 'static) {
        let cb = Callback::new(move |()| change());
        self.retry.set_value(Some(cb));
        cb.run(());
    }

    /// Opens the panel if `err` asks for re-authentication; returns whether it did.
    pub fn intercept(&self, err: &AppError) -> bool {
        let second_factor = *err == AppError::SecondFactorReauthRequired;
        let needed = second_factor || *err == AppError::ReauthRequired;
        if needed {
            self.second_factor.set(second_factor);
            self.open.set(true);
        }
        needed
    }
}

#[component]
pub fn ReauthPanel(reauth: Reauth, #[prop(into)] has_totp: Signal<bool>) -> impl IntoView {
    let l = crate::i18n::current();
    let action = ServerAction::<Reauthenticate>::new();
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let use_code = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match action.value().get() {
        Some(Ok(())) => {
            reauth.open.set(false);
            reauth.second_factor.set(false);
            password.set(String::new());
            code.set(String::new());
            if let Some(cb) = reauth.retry.get_value() {
                cb.run(());
            }
        }
        Some(Err(AppError::Validation { issue, .. })) => error.set(Some(issue.message())),
        Some(Err(e)) => error.set(Some(e.message())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let only_code = reauth.second_factor.get_untracked();
        let by_code = use_code.get_untracked() || only_code;
        let missing = if only_code {
            // An authenticator code or a recovery code: only its presence is checked here.
            code.get_untracked()
                .trim()
                .is_empty()
                .then(|| crate::domain::Issue::Required.message())
        } else if by_code {
            crate::domain::codes::code_issue(&code.get_untracked()).map(|i| i.message())
        } else {
            password
                .get_untracked()
                .is_empty()
                .then(|| t(l, "reauth-password-missing"))
        };
        error.set(missing.clone());
        if missing.is_none() {
            action.dispatch(Reauthenticate {
                password: if by_code {
                    String::new()
                } else {
                    password.get_untracked()
                },
                code: if by_code {
                    code.get_untracked()
                } else {
                    String::new()
                },
            });
        }
    };
    // Focus the panel's first field when it opens, so keyboard and screen-reader users land in it.
    Effect::new(move |_| {
        if reauth.open.get() {
            #[cfg(feature = "hydrate")]
            request_animation_frame(|| {
                if let Some(el) = document()
                    .get_element_by_id("reauth-password")
                    .or_else(|| document().get_element_by_id("reauth-code"))
                {
                    use wasm_bindgen::JsCast;
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            });
        }
    });
    view! {
        <Show when=move || reauth.open.get()>
            <section class="card reauth" role="dialog" aria-labelledby="reauth-title" aria-describedby="reauth-why">
                <h2 id="reauth-title">{t(l, "reauth-title")}</h2>
                <p id="reauth-why">{move || if reauth.second_factor.get() { t(l, "error-second-factor-reauth") } else { t(l, "reauth-why") }}</p>
                <form on:submit=submit novalidate>
                    {move || if reauth.second_factor.get() {
                        view! { <Field id="reauth-code" label=t(l, "setup-second-factor-label") value=code error=error autocomplete="one-time-code" required=true/> }.into_any()
                    } else if use_code.get() {
                        view! { <Field id="reauth-code" label=t(l, "reauth-code-label") value=code error=error inputmode="numeric" autocomplete="one-time-code" required=true/> }.into_any()
                    } else {
                        view! { <Field id="reauth-password" label=t(l, "reauth-password-label") kind="password" autocomplete="current-password" value=password error=error required=true/> }.into_any()
                    }}
                    <div class="actions">
                        <SubmitButton label=t(l, "reauth-confirm") busy_label=t(l, "reauth-checking") pending=action.pending()/>
                        <button type="button" class="btn btn-secondary" on:click=move |_| { reauth.open.set(false); error.set(None); }>{t(l, "reauth-cancel")}</button>
                    </div>
                </form>
                <Show when=move || has_totp.get() && !reauth.second_factor.get()>
                    <p class="aside">
                        <button type="button" class="btn btn-link" on:click=move |_| { use_code.update(|v| *v = !*v); error.set(None); }>
                            {move || if use_code.get() { t(l, "reauth-use-password") } else { t(l, "reauth-use-app") }}
                        </button>
                    </p>
                </Show>
                {move || action.value().get().and_then(|r| r.err()).filter(|e| matches!(e, AppError::RateLimited { .. })).map(|e| view! { <Alert tone=Tone::Error>{e.message()}</Alert> })}
            </section>
        </Show>
    }
}
