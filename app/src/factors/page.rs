//! /profile/two-step — two-step sign-in: authenticator app, passkeys, recovery codes and the
//! code at every sign-in. Changes go through [`Reauth`] (password ≤ 5 minutes old).

use super::api::{
    PasskeyRemove, RecoveryCodesRegenerate, SetSignInCode, TotpBegin, TotpConfirm, TotpDisable,
};
use super::{FactorsView, TotpEnrolment};
use crate::components::alert::Tone;
use crate::components::toast::{use_toasts, CopyButton};
use crate::components::{Alert, Field, PageSpinner, SubmitButton};
use crate::error::AppError;
use crate::factors::reauth::{Reauth, ReauthPanel};
use crate::i18n::{t, tf};
use crate::security::when as date_time;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SignInMethodsPage() -> impl IntoView {
    let l = crate::i18n::current();
    let reauth = Reauth::new();
    let changed = RwSignal::new(0u32);
    let data = Resource::new(move || changed.get(), |_| super::api::sign_in_methods());
    let has_totp = Signal::derive(move || {
        data.get()
            .and_then(|r| r.ok())
            .is_some_and(|v: FactorsView| v.totp)
    });
    let codes = RwSignal::new(None::<Vec<String>>);
    view! {
        <Title text=t(l, "factors-page-title")/>
        <h1>{t(l, "factors-page-title")}</h1>
        <p>{t(l, "factors-intro")}</p>
        <ReauthPanel reauth has_totp/>
        {move || codes.get().map(|list| view! { <RecoveryCodesShown codes=list on_done=move || codes.set(None)/> })}
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || data.get().map(|r| match r {
                Ok(v) => view! {
                    <TotpSection view=v.clone() reauth changed codes/>
                    <PasskeySection view=v.clone() reauth changed codes/>
                    <RecoverySection view=v.clone() reauth changed codes/>
                    <SignInCodeSection view=v reauth changed/>
                }.into_any(),
                Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
            })}
        </Suspense>
    }
}

/// Shows an action's error unless it was a request to re-authenticate (the panel handles that).
fn error_of<T, S>(value: S, reauth: Reauth) -> impl Fn() -> Option<AnyView>
where
    T: Clone + Send + Sync + 'static,
    S: Get<Value = Option<Result<T, AppError>>> + 'static,
{
    move || {
        value
            .get()
            .and_then(|r| r.err())
            .filter(|e| !reauth.intercept(e))
            .map(|e| view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any())
    }
}

#[component]
fn RecoveryCodesShown(codes: Vec<String>, on_done: impl Fn() + 'static) -> impl IntoView {
    let l = crate::i18n::current();
    let all = codes.join("\n");
    view! {
        <section class="card recovery-codes" aria-labelledby="codes-title">
            <h2 id="codes-title">{t(l, "recovery-shown-title")}</h2>
            <Alert tone=Tone::Info>{t(l, "recovery-shown-info")}</Alert>
            <ol class="codes">{codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}</ol>
            <div class="actions">
                <CopyButton text=all label=t(l, "recovery-copy-what")/>
                <button type="button" class="btn btn-primary btn-inline" on:click=move |_| on_done()>{t(l, "recovery-saved-button")}</button>
            </div>
        </section>
    }
}

#[component]
fn TotpSection(
    view: FactorsView,
    reauth: Reauth,
    changed: RwSignal<u32>,
    codes: RwSignal<Option<Vec<String>>>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let begin = ServerAction::<TotpBegin>::new();
    let confirm = ServerAction::<TotpConfirm>::new();
    let disable = ServerAction::<TotpDisable>::new();
    let toasts = use_toasts();
    let code = RwSignal::new(String::new());
    let code_error = RwSignal::new(None::<String>);
    Effect::new(move |_| match confirm.value().get() {
        Some(Ok(list)) => {
            codes.set(Some(list));
            toasts.show(t(l, "totp-added"));
            changed.update(|n| *n += 1);
        }
        Some(Err(e)) if !reauth.intercept(&e) => code_error.set(Some(e.message())),
        _ => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = disable.value().get() {
            toasts.show(t(l, "totp-removed"));
            changed.update(|n| *n += 1);
        }
    });
    let enrolment = move || begin.value().get().and_then(|r| r.ok());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let issue = crate::domain::codes::code_issue(&code.get_untracked()).map(|i| i.message());
        code_error.set(issue.clone());
        if issue.is_none() {
            reauth.run(move || {
                confirm.dispatch(TotpConfirm {
                    code: code.get_untracked(),
                });
            });
        }
    };
    view! {
        <section class="card" aria-labelledby="totp-title">
            <h2 id="totp-title">{t(l, "totp-title")}</h2>
            {if view.totp {
                view! {
                    <p><span class="badge badge-ok">{t(l, "totp-on-badge")}</span>" "{t(l, "totp-on-text")}</p>
                    {error_of(disable.value(), reauth)}
                    <button type="button" class="btn btn-secondary btn-inline" disabled=move || disable.pending().get()
                        on:click=move |_| reauth.run(move || { disable.dispatch(TotpDisable {}); })>
                        {move || if disable.pending().get() { t(l, "totp-removing") } else { t(l, "totp-remove") }}
                    </button>
                }.into_any()
            } else {
                view! {
                    <p>{t(l, "totp-intro")}</p>
                    {error_of(begin.value(), reauth)}
                    {move || match enrolment() {
                        None => view! {
                            <button type="button" class="btn btn-primary btn-inline" disabled=move || begin.pending().get()
                                on:click=move |_| reauth.run(move || { begin.dispatch(TotpBegin {}); })>
                                {move || if begin.pending().get() { t(l, "totp-preparing") } else { t(l, "totp-set-up") }}
                            </button>
                        }.into_any(),
                        Some(TotpEnrolment { secret, qr_svg, .. }) => view! {
                            <ol class="steps">
                                <li>{t(l, "totp-step-scan")}
                                    <div class="qr" role="img" aria-label=t(l, "totp-qr-label") inner_html=qr_svg></div>
                                </li>
                                <li>{t(l, "totp-step-key")}" "<code class="secret" data-testid="totp-secret">{secret.clone()}</code>
                                    <CopyButton text=secret label=t(l, "totp-copy-what")/></li>
                                <li>{t(l, "totp-step-code")}</li>
                            </ol>
                            <form on:submit=submit novalidate>
                                <Field id="totp-code" label=t(l, "totp-code-label") value=code error=code_error inputmode="numeric" autocomplete="one-time-code" required=true/>
                                <SubmitButton label=t(l, "totp-turn-on") busy_label=t(l, "totp-checking") pending=confirm.pending()/>
                            </form>
                        }.into_any(),
                    }}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn PasskeySection(
    view: FactorsView,
    reauth: Reauth,
    changed: RwSignal<u32>,
    codes: RwSignal<Option<Vec<String>>>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let remove = ServerAction::<PasskeyRemove>::new();
    let toasts = use_toasts();
    let name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(())) = remove.value().get() {
            toasts.show(t(l, "passkey-removed"));
            changed.update(|n| *n += 1);
        }
    });
    let add = move || {
        busy.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            let r = add_passkey(name.get_untracked()).await;
            busy.set(false);
            match r {
                Ok(new_codes) => {
                    toasts.show(t(l, "passkey-added"));
                    if new_codes.is_some() {
                        codes.set(new_codes);
                    }
                    name.set(String::new());
                    changed.update(|n| *n += 1);
                }
                Err(e) if reauth.intercept(&e) => {}
                Err(e) => failure.set(Some(e.message())),
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        let issue = if n.trim().chars().count() > 60 {
            Some(crate::domain::issue::Issue::TooLong { max: 60 }.message_in(l))
        } else {
            None
        };
        name_error.set(issue.clone());
        if issue.is_none() {
            reauth.run(add);
        }
    };
    let list = view.passkeys.clone();
    view! {
        <section class="card" aria-labelledby="passkeys-title">
            <h2 id="passkeys-title">{t(l, "passkey-title")}</h2>
            <p>{t(l, "passkey-intro")}</p>
            {if list.is_empty() {
                view! { <p class="hint">{t(l, "passkey-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="item-list">{list.into_iter().map(|p| {
                        let id = p.id;
                        let label = tf(l, "passkey-remove-label", &[("name", p.name.clone().into())]);
                        view! {
                            <li>
                                <div><strong>{p.name.clone()}</strong>
                                    <span class="hint block">{tf(l, "passkey-added-on", &[("date", date_time(p.created_at).into())])}
                                        {p.last_used_at.map(|at| format!(" · {}", tf(l, "passkey-last-used", &[("date", date_time(at).into())])))}</span></div>
                                <button type="button" class="btn btn-secondary btn-inline" aria-label=label
                                    on:click=move |_| reauth.run(move || { remove.dispatch(PasskeyRemove { id }); })>{t(l, "passkey-remove")}</button>
                            </li>
                        }
                    }).collect_view()}</ul>
                }.into_any()
            }}
            {error_of(remove.value(), reauth)}
            {move || failure.get().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
            <form on:submit=submit novalidate>
                <Field id="passkey-name" label=t(l, "passkey-name-label") value=name error=name_error
                    hint=t(l, "passkey-name-hint")/>
                <SubmitButton label=t(l, "passkey-add") busy_label=t(l, "passkey-waiting") pending=busy/>
            </form>
        </section>
    }
}

/// Registers a passkey: server options → browser → server.
async fn add_passkey(name: String) -> Result<Option<Vec<String>>, AppError> {
    let ceremony = super::api::passkey_register_begin().await?;
    #[cfg(feature = "hydrate")]
    let credential = super::webauthn_js::create(&ceremony.options)
        .await
        .map_err(AppError::PasskeyBrowser)?;
    #[cfg(not(feature = "hydrate"))]
    let credential = String::new();
    super::api::passkey_register_finish(ceremony.id, credential, name).await
}

#[component]
fn RecoverySection(
    view: FactorsView,
    reauth: Reauth,
    changed: RwSignal<u32>,
    codes: RwSignal<Option<Vec<String>>>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let regenerate = ServerAction::<RecoveryCodesRegenerate>::new();
    Effect::new(move |_| {
        if let Some(Ok(list)) = regenerate.value().get() {
            codes.set(Some(list));
            changed.update(|n| *n += 1);
        }
    });
    let active = view.totp || !view.passkeys.is_empty();
    view! {
        <section class="card" aria-labelledby="recovery-title">
            <h2 id="recovery-title">{t(l, "recovery-title")}</h2>
            {if active {
                view! {
                    <p>{tf(l, "recovery-left", &[("n", view.recovery_codes_left.into())])}</p>
                    {error_of(regenerate.value(), reauth)}
                    <button type="button" class="btn btn-secondary btn-inline" disabled=move || regenerate.pending().get()
                        on:click=move |_| reauth.run(move || { regenerate.dispatch(RecoveryCodesRegenerate {}); })>
                        {move || if regenerate.pending().get() { t(l, "recovery-making") } else { t(l, "recovery-make-new") }}
                    </button>
                }.into_any()
            } else {
                view! { <p class="hint">{t(l, "recovery-none")}</p> }.into_any()
            }}
        </section>
    }
}

#[component]
fn SignInCodeSection(view: FactorsView, reauth: Reauth, changed: RwSignal<u32>) -> impl IntoView {
    let l = crate::i18n::current();
    let save = ServerAction::<SetSignInCode>::new();
    let toasts = use_toasts();
    let choice = RwSignal::new(view.otp_channel.clone());
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            toasts.show(t(l, "otp-saved"));
            changed.update(|n| *n += 1);
        }
    });
    let strong = view.totp || !view.passkeys.is_empty();
    let phone = view.phone.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        reauth.run(move || {
            save.dispatch(SetSignInCode {
                channel: choice.get_untracked(),
            });
        });
    };
    let option = move |value: &'static str, label: String| {
        view! {
            <label class="radio">
                <input type="radio" name="channel" value=value
                    prop:checked=move || choice.get() == value
                    on:change=move |_| choice.set(value.to_string())/>
                {label}
            </label>
        }
    };
    view! {
        <section class="card" aria-labelledby="otp-title">
            <h2 id="otp-title">{t(l, "otp-title")}</h2>
            {strong.then(|| view! { <p class="hint">{t(l, "otp-strong-hint")}</p> })}
            <form on:submit=submit>
                <fieldset class="choice">
                    <legend>{t(l, "otp-legend")}</legend>
                    {option("off", t(l, "otp-off"))}
                    {option("email", t(l, "otp-email"))}
                    {option("sms", match phone {
                        Some(p) => tf(l, "otp-sms", &[("phone", p.into())]),
                        None => t(l, "otp-sms-no-phone"),
                    })}
                </fieldset>
                {error_of(save.value(), reauth)}
                <SubmitButton label=t(l, "otp-save") busy_label=t(l, "otp-saving") pending=save.pending()/>
            </form>
        </section>
    }
}
