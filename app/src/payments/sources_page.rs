//! /payments/sources: the bank accounts and cards a customer pays from — listed by their last four
//! digits, added with the country's numbers checked (under each field, in the page's language),
//! removed with a choice when scheduled payments use them. Adding and removing ask to confirm it
//! is you when the password was entered more than five minutes ago.

use super::api::{payment_sources, AddBankAccount, AddCard, RemovePaymentSource};
use super::{source_label, SourceStatus, SourceView};
use crate::components::alert::Tone;
use crate::components::toast::use_toasts;
use crate::components::{Alert, Field, PageSpinner, SubmitButton};
use crate::domain::payment::SourceKind;
use crate::error::{AppError, Conflict};
use crate::factors::reauth::{Reauth, ReauthPanel};
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// Field problems from the server, by field name.
#[derive(Clone, Copy)]
pub(super) struct FieldErrors(RwSignal<Vec<(String, String)>>);

impl FieldErrors {
    pub fn new() -> Self {
        FieldErrors(RwSignal::new(Vec::new()))
    }
    pub fn of(self, field: &'static str) -> Signal<Option<String>> {
        let list = self.0;
        Signal::derive(move || {
            list.get()
                .into_iter()
                .find(|(f, _)| f == field)
                .map(|(_, m)| m)
        })
    }
    pub fn clear(self) {
        self.0.set(Vec::new());
    }
    /// Shows a field's problem under it; true when `e` was one.
    pub fn take(self, e: &AppError) -> bool {
        if let AppError::Validation { field, issue } = e {
            self.0.set(vec![(field.clone(), issue.message())]);
            true
        } else {
            false
        }
    }
}

#[component]
pub fn SourcesPage() -> impl IntoView {
    let l = crate::i18n::current();
    let reauth = Reauth::new();
    let add_bank = ServerAction::<AddBankAccount>::new();
    let add_card = ServerAction::<AddCard>::new();
    let remove = ServerAction::<RemovePaymentSource>::new();
    let list = Resource::new(
        move || {
            (
                add_bank.version().get(),
                add_card.version().get(),
                remove.version().get(),
            )
        },
        |_| payment_sources(),
    );
    let has_totp = Resource::new(|| (), |_| crate::factors::api::sign_in_methods());
    let totp = Signal::derive(move || has_totp.get().and_then(|r| r.ok()).is_some_and(|v| v.totp));
    view! {
        <Title text=t(l, "sources-title")/>
        <p><A href="/payments">{t(l, "pay-back")}</A></p>
        <h1>{t(l, "sources-title")}</h1>
        <p class="hint">{t(l, "sources-intro")}</p>
        <ReauthPanel reauth has_totp=totp/>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(sources) => view! { <SourceList sources remove reauth/> }.into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
        <BankForm action=add_bank reauth/>
        <CardForm action=add_card reauth/>
    }
}

#[component]
fn SourceList(
    sources: Vec<SourceView>,
    remove: ServerAction<RemovePaymentSource>,
    reauth: Reauth,
) -> impl IntoView {
    let l = crate::i18n::current();
    let toasts = use_toasts();
    // The source whose removal met scheduled payments, waiting for the customer's choice.
    let in_use = RwSignal::new(None::<(i64, String)>);
    let asked = RwSignal::new(None::<(i64, String)>);
    Effect::new(move |_| match remove.value().get() {
        Some(Ok(_)) => {
            in_use.set(None);
            toasts.show(t(l, "sources-removed-toast"));
        }
        Some(Err(AppError::Conflict(Conflict::SourceInUse))) => in_use.set(asked.get_untracked()),
        Some(Err(e)) => {
            reauth.intercept(&e);
        }
        None => {}
    });
    // The list is rebuilt whenever a source is added; an answer already handled must not be
    // handled again then.
    on_cleanup(move || remove.clear());
    let run = move |id: i64, cancel: bool| {
        reauth.run(move || {
            remove.dispatch(RemovePaymentSource {
                id,
                cancel_scheduled: cancel.then(|| "on".to_string()),
            });
        })
    };
    view! {
        <section class="card" aria-labelledby="sources-list-title">
            <h2 id="sources-list-title">{t(l, "payments-sources-link")}</h2>
            {sources.is_empty().then(|| view! { <p>{t(l, "sources-none")}</p> })}
            <ul class="plain rows">
                {sources.into_iter().map(|s| {
                    let label = source_label(l, &s);
                    let (id, name) = (s.id, label.clone());
                    let status = match s.status {
                        SourceStatus::Verified => ("status status-ok", t(l, "sources-status-verified")),
                        SourceStatus::Unverified => ("status", t(l, "sources-status-unverified")),
                        SourceStatus::Failed => ("status status-bad", t(l, "sources-status-failed")),
                    };
                    view! {
                        <li class="row" data-source=id>
                            <div>
                                <strong>{label.clone()}</strong> " " <span class=status.0>{status.1}</span>
                                <span class="hint block">{s.holder.clone()}{s.expiry.clone().map(|e| format!(" · {}", tf(l, "sources-expires", &[("date", e.into())])))}</span>
                            </div>
                            <button type="button" class="btn btn-secondary" disabled=move || remove.pending().get()
                                aria-label=tf(l, "sources-remove-label", &[("source", label.clone().into())])
                                on:click=move |_| { asked.set(Some((id, name.clone()))); run(id, false); }>
                                {t(l, "sources-remove")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || in_use.get().map(|(id, name)| view! {
                <Alert tone=Tone::Info>
                    <p>{tf(l, "sources-in-use", &[("source", name.into())])}</p>
                    <p class="actions">
                        <button type="button" class="btn btn-primary btn-inline" on:click=move |_| run(id, true)>{t(l, "sources-cancel-and-remove")}</button>
                        <button type="button" class="btn btn-secondary" on:click=move |_| in_use.set(None)>{t(l, "sources-keep")}</button>
                    </p>
                </Alert>
            })}
        </section>
    }
}

#[component]
fn BankForm(action: ServerAction<AddBankAccount>, reauth: Reauth) -> impl IntoView {
    let l = crate::i18n::current();
    let toasts = use_toasts();
    let country = RwSignal::new("US".to_string());
    let account_type = RwSignal::new("checking".to_string());
    let [holder, routing, institution, transit, bik, account, again] =
        [(); 7].map(|_| RwSignal::new(String::new()));
    let errors = FieldErrors::new();
    let general = RwSignal::new(None::<String>);
    Effect::new(move |_| match action.value().get() {
        Some(Ok(_)) => {
            [routing, institution, transit, bik, account, again]
                .iter()
                .for_each(|s| s.set(String::new()));
            toasts.show(t(l, "sources-added-toast"));
        }
        Some(Err(e)) if !errors.take(&e) && !reauth.intercept(&e) => general.set(Some(e.message())),
        _ => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        general.set(None);
        reauth.run(move || {
            let opt = |s: RwSignal<String>| Some(s.get_untracked());
            action.dispatch(AddBankAccount {
                country: country.get_untracked(),
                holder: holder.get_untracked(),
                account_type: account_type.get_untracked(),
                routing: opt(routing),
                institution: opt(institution),
                transit: opt(transit),
                bik: opt(bik),
                account: account.get_untracked(),
                account_again: again.get_untracked(),
            });
        });
    };
    let is = move |c: &'static str| move || country.get() == c;
    view! {
        <section class="card narrow-left" aria-labelledby="add-bank-title">
            <h2 id="add-bank-title">{t(l, "sources-add-bank")}</h2>
            {move || general.get().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="bank-country">{t(l, "sources-country")}</label>
                    <select id="bank-country" name="country" prop:value=move || country.get() on:change=move |ev| country.set(event_target_value(&ev))>
                        <option value="US">{t(l, "sources-country-us")}</option>
                        <option value="CA">{t(l, "sources-country-ca")}</option>
                        <option value="RU">{t(l, "sources-country-ru")}</option>
                    </select>
                </div>
                <Field id="holder" label=t(l, "sources-holder-label") autocomplete="name" value=holder error=errors.of("holder") required=true/>
                <fieldset class="choice">
                    <legend>{t(l, "sources-account-type")}</legend>
                    <label><input type="radio" name="account_type" value="checking" prop:checked=move || account_type.get() == "checking" on:change=move |_| account_type.set("checking".into())/>" " {t(l, "payments-checking")}</label>
                    <label><input type="radio" name="account_type" value="savings" prop:checked=move || account_type.get() == "savings" on:change=move |_| account_type.set("savings".into())/>" " {t(l, "payments-savings")}</label>
                </fieldset>
                <Show when=is("US")>
                    <Field id="routing" label=t(l, "sources-routing") hint=t(l, "sources-routing-hint") inputmode="numeric" autocomplete="off" value=routing error=errors.of("routing") required=true/>
                </Show>
                <Show when=is("CA")>
                    <div class="field-row">
                        <Field id="institution" label=t(l, "sources-institution") inputmode="numeric" autocomplete="off" value=institution error=errors.of("institution") required=true/>
                        <Field id="transit" label=t(l, "sources-transit") inputmode="numeric" autocomplete="off" value=transit error=errors.of("transit") required=true/>
                    </div>
                </Show>
                <Show when=is("RU")>
                    <Field id="bik" label=t(l, "sources-bik") inputmode="numeric" autocomplete="off" value=bik error=errors.of("bik") required=true/>
                </Show>
                <Field id="account" label=t(l, "sources-account") inputmode="numeric" autocomplete="off" value=account error=errors.of("account") required=true/>
                <Field id="account_again" label=t(l, "sources-account-again") inputmode="numeric" autocomplete="off" value=again error=errors.of("account_again") required=true/>
                <SubmitButton label=t(l, "sources-save-bank") busy_label=t(l, "sources-saving") pending=action.pending()/>
            </form>
        </section>
    }
}

#[component]
fn CardForm(action: ServerAction<AddCard>, reauth: Reauth) -> impl IntoView {
    let l = crate::i18n::current();
    let toasts = use_toasts();
    let [holder, number, expiry, cvc] = [(); 4].map(|_| RwSignal::new(String::new()));
    let errors = FieldErrors::new();
    let general = RwSignal::new(None::<String>);
    Effect::new(move |_| match action.value().get() {
        Some(Ok(s)) if s.kind == SourceKind::Card => {
            [number, expiry, cvc]
                .iter()
                .for_each(|s| s.set(String::new()));
            toasts.show(t(l, "sources-added-toast"));
        }
        Some(Err(e)) if !errors.take(&e) && !reauth.intercept(&e) => general.set(Some(e.message())),
        _ => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        general.set(None);
        reauth.run(move || {
            action.dispatch(AddCard {
                holder: holder.get_untracked(),
                number: number.get_untracked(),
                expiry: expiry.get_untracked(),
                cvc: cvc.get_untracked(),
            });
        });
    };
    view! {
        <section class="card narrow-left" aria-labelledby="add-card-title">
            <h2 id="add-card-title">{t(l, "sources-add-card")}</h2>
            <p class="hint">{t(l, "sources-card-note")}</p>
            {move || general.get().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
            <form on:submit=submit novalidate>
                <Field id="card-holder" label=t(l, "sources-card-holder") autocomplete="cc-name" value=holder error=errors.of("holder") required=true/>
                <Field id="card-number" label=t(l, "sources-card-number") autocomplete="cc-number" inputmode="numeric" value=number error=errors.of("number") required=true/>
                <div class="field-row">
                    <Field id="card-expiry" label=t(l, "sources-card-expiry") autocomplete="cc-exp" inputmode="numeric" value=expiry error=errors.of("expiry") required=true/>
                    <Field id="card-cvc" label=t(l, "sources-card-cvc") autocomplete="cc-csc" inputmode="numeric" value=cvc error=errors.of("cvc") required=true/>
                </div>
                <SubmitButton label=t(l, "sources-save-card") busy_label=t(l, "sources-saving") pending=action.pending()/>
            </form>
        </section>
    }
}
