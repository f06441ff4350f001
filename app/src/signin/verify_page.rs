//! /login/verify — the second step of a sign-in: the emailed "Authorize Device" code, the
//! every-sign-in code (email or SMS), or an authenticator app / passkey / recovery code.

use super::api::{CompleteLogin, ResendLoginCode};
use super::{code_issue, CodeChannel, LoginStep};
use crate::components::alert::Tone;
use crate::components::{Alert, Field, PageSpinner, SubmitButton};
use crate::error::AppError;
use crate::i18n::{t, tf};
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Redirect, A};

/// Goes on from the step, back to the page that asked for the sign-in when there was one.
fn go(step: &LoginStep) {
    let _ = window()
        .location()
        .assign(&step.next_path(super::back_to().as_deref()));
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    let l = crate::i18n::current();
    let step = Resource::new(|| (), |_| super::api::pending_login_step());
    let resend = ServerAction::<ResendLoginCode>::new();
    view! {
        <Title text=t(l, "verify-page-title")/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="verify-title">
                <Suspense fallback=|| view! { <PageSpinner/> }>
                    {move || step.get().map(|r| {
                        // A resend returns the step again (same masked address).
                        let current = resend.value().get().and_then(Result::ok).map(Ok).unwrap_or(r);
                        match current {
                            Ok(LoginStep::Code { channel, to, new_device }) => view! { <CodeStep channel to new_device resend/> }.into_any(),
                            Ok(LoginStep::SecondFactor { totp, passkey }) => view! { <FactorStep totp passkey/> }.into_any(),
                            Ok(other) => view! { <Redirect path=other.next_path(None)/> }.into_any(),
                            Err(_) => view! { <Expired/> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
        </PublicLayout>
    }
}

#[component]
fn Expired() -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <h1 id="verify-title">{t(l, "verify-expired-title")}</h1>
        <Alert tone=Tone::Info>{t(l, "verify-expired")}</Alert>
        <p><A href="/login" attr:class="btn btn-primary btn-inline">{t(l, "verify-back")}</A></p>
    }
}

#[component]
fn CodeStep(
    channel: CodeChannel,
    to: String,
    new_device: bool,
    resend: ServerAction<ResendLoginCode>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let complete = ServerAction::<CompleteLogin>::new();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match complete.value().get() {
        Some(Ok(step)) => go(&step),
        Some(Err(AppError::Validation { issue, .. })) => error.set(Some(issue.message())),
        Some(Err(e)) => error.set(Some(e.message())),
        None => {}
    });
    let title = if new_device {
        t(l, "verify-new-device-title")
    } else {
        t(l, "verify-code-title")
    };
    let sent = match channel {
        CodeChannel::Email => tf(l, "verify-sent-email", &[("to", to.into())]),
        CodeChannel::Sms => tf(l, "verify-sent-sms", &[("to", to.into())]),
    };
    let why = if new_device {
        t(l, "verify-why-new-device")
    } else {
        t(l, "verify-why-every-time")
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        let issue = code_issue(&typed).map(|i| i.message());
        error.set(issue.clone());
        if issue.is_none() {
            complete.dispatch(CompleteLogin {
                method: "code".into(),
                code: typed,
            });
        }
    };
    view! {
        <h1 id="verify-title">{title}</h1>
        <p>{sent}" "{why}</p>
        {move || resend.value().get().map(|r| match r {
            Ok(_) => view! { <Alert tone=Tone::Success>{t(l, "verify-resent")}</Alert> }.into_any(),
            Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
        })}
        <form on:submit=on_submit novalidate>
            <Field id="code" label=t(l, "verify-code-label") value=code error=error inputmode="numeric"
                autocomplete="one-time-code" hint=t(l, "verify-code-hint") required=true/>
            <SubmitButton label=t(l, "verify-submit") busy_label=t(l, "verify-submit-busy") pending=complete.pending()/>
        </form>
        <p class="aside">
            <button type="button" class="btn btn-link" disabled=move || resend.pending().get()
                on:click=move |_| { resend.dispatch(ResendLoginCode {}); }>
                {move || if resend.pending().get() { t(l, "verify-resend-busy") } else { t(l, "verify-resend") }}
            </button>
            " · " <A href="/login">{t(l, "verify-start-again")}</A>
        </p>
    }
}

#[component]
fn FactorStep(totp: bool, passkey: bool) -> impl IntoView {
    let l = crate::i18n::current();
    let complete = ServerAction::<CompleteLogin>::new();
    let use_recovery = RwSignal::new(!totp && !passkey);
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let passkey_error = RwSignal::new(None::<String>);
    let passkey_busy = RwSignal::new(false);
    Effect::new(move |_| match complete.value().get() {
        Some(Ok(step)) => go(&step),
        Some(Err(AppError::Validation { issue, .. })) => error.set(Some(issue.message())),
        Some(Err(e)) => error.set(Some(e.message())),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        let recovery = use_recovery.get_untracked();
        let issue = if recovery {
            (crate::factors::normalise_recovery_code(&typed).len() != 10)
                .then(|| t(l, "verify-recovery-format"))
        } else {
            code_issue(&typed).map(|i| i.message())
        };
        error.set(issue.clone());
        if issue.is_none() {
            complete.dispatch(CompleteLogin {
                method: if recovery { "recovery" } else { "totp" }.into(),
                code: typed,
            });
        }
    };
    let use_passkey = move |_| {
        passkey_busy.set(true);
        passkey_error.set(None);
        leptos::task::spawn_local(async move {
            let r = passkey_sign_in().await;
            passkey_busy.set(false);
            match r {
                Ok(step) => go(&step),
                Err(msg) => passkey_error.set(Some(msg)),
            }
        });
    };
    view! {
        <h1 id="verify-title">{t(l, "verify-factor-title")}</h1>
        {passkey.then(|| view! {
            <p>{t(l, "verify-passkey-intro")}</p>
            {move || passkey_error.get().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
            <button type="button" class="btn btn-primary" on:click=use_passkey disabled=move || passkey_busy.get()
                aria-busy=move || passkey_busy.get().to_string()>
                {move || if passkey_busy.get() { t(l, "verify-passkey-waiting") } else { t(l, "verify-passkey") }}
            </button>
        })}
        <form on:submit=on_submit novalidate>
            {move || if use_recovery.get() {
                view! {
                    <Field id="code" label=t(l, "verify-recovery-label") value=code error=error autocomplete="off"
                        hint=t(l, "verify-recovery-hint") required=true/>
                }.into_any()
            } else {
                view! {
                    <Field id="code" label=t(l, "verify-totp-label") value=code error=error inputmode="numeric"
                        autocomplete="one-time-code" hint=t(l, "verify-totp-hint") required=true/>
                }.into_any()
            }}
            {move || (totp || use_recovery.get()).then(|| view! {
                <SubmitButton label=t(l, "verify-submit") busy_label=t(l, "verify-submit-busy") pending=complete.pending()/>
            })}
        </form>
        <p class="aside">
            {move || if use_recovery.get() {
                totp.then(|| view! {
                    <button type="button" class="btn btn-link" on:click=move |_| { use_recovery.set(false); error.set(None); code.set(String::new()); }>
                        {t(l, "verify-use-totp")}
                    </button>
                }).into_any()
            } else {
                view! {
                    <button type="button" class="btn btn-link" on:click=move |_| { use_recovery.set(true); error.set(None); code.set(String::new()); }>
                        {t(l, "verify-use-recovery")}
                    </button>
                }.into_any()
            }}
            " · " <A href="/login">{t(l, "verify-start-again")}</A>
        </p>
    }
}

/// Runs a passkey ceremony against the server; used here and on the sign-in page.
pub async fn passkey_sign_in() -> Result<LoginStep, String> {
    let ceremony = super::api::passkey_login_begin()
        .await
        .map_err(|e| e.message())?;
    #[cfg(feature = "hydrate")]
    let credential = crate::factors::webauthn_js::assert(&ceremony.options)
        .await
        .map_err(|p| AppError::PasskeyBrowser(p).message())?;
    #[cfg(not(feature = "hydrate"))]
    let credential = String::new();
    super::api::passkey_login_finish(ceremony.id, credential)
        .await
        .map_err(|e| e.message())
}
