//! /profile/details — phone, mailing address (US / Canada / Russia) and preferences.

use super::api::{ConfirmPhone, SaveContact, SavePreferences};
use super::ProfileDetails;
use crate::components::alert::Tone;
use crate::components::toast::use_toasts;
use crate::components::{Alert, Field, PageSpinner, SubmitButton};
use crate::domain::contact::{AddressInput, Country, Phone, LANGUAGES};
use crate::error::AppError;
use crate::factors::reauth::{Reauth, ReauthPanel};
use crate::i18n::{t, Locale};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DetailsPage() -> impl IntoView {
    let l = crate::i18n::current();
    let data = Resource::new(|| (), |_| super::api::profile_details());
    let has_totp = Resource::new(|| (), |_| crate::factors::api::sign_in_methods());
    let reauth = Reauth::new();
    let totp = Signal::derive(move || has_totp.get().and_then(|r| r.ok()).is_some_and(|v| v.totp));
    view! {
        <Title text=t(l, "details-page-title")/>
        <h1>{t(l, "details-page-title")}</h1>
        <ReauthPanel reauth has_totp=totp/>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || data.get().map(|r| match r {
                Ok(d) => view! { <ContactForm details=d.clone() reauth/> <PreferencesForm details=d/> }.into_any(),
                Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select id=id.clone() name=id.clone() aria-describedby=error_id.clone()
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="">{t(l, "details-choose")}</option>
                {move || options.get().into_iter().map(|(code, name)| {
                    let selected = value.get_untracked() == code;
                    view! { <option value=code.clone() selected=selected>{name}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// A Canadian province's or territory's name in the page's language (US states keep their
/// English names).
fn province_name(l: Locale, code: &str, english: &str) -> String {
    match code {
        "AB" => t(l, "province-ab"),
        "BC" => t(l, "province-bc"),
        "MB" => t(l, "province-mb"),
        "NB" => t(l, "province-nb"),
        "NL" => t(l, "province-nl"),
        "NS" => t(l, "province-ns"),
        "NT" => t(l, "province-nt"),
        "NU" => t(l, "province-nu"),
        "ON" => t(l, "province-on"),
        "PE" => t(l, "province-pe"),
        "QC" => t(l, "province-qc"),
        "SK" => t(l, "province-sk"),
        "YT" => t(l, "province-yt"),
        _ => english.to_string(),
    }
}

#[component]
fn ContactForm(details: ProfileDetails, reauth: Reauth) -> impl IntoView {
    let l = crate::i18n::current();
    let save = ServerAction::<SaveContact>::new();
    let toasts = use_toasts();
    let a = details.address.clone().unwrap_or(AddressInput {
        country: "US".into(),
        ..Default::default()
    });
    let phone = RwSignal::new(details.phone.clone().unwrap_or_default());
    let country = RwSignal::new(a.country);
    let line1 = RwSignal::new(a.line1);
    let line2 = RwSignal::new(a.line2);
    let city = RwSignal::new(a.city);
    let region = RwSignal::new(a.region);
    let postal = RwSignal::new(a.postal);
    let e = [(); 7].map(|_| RwSignal::new(None::<String>));
    // Field name → its error signal (all Copy, so closures can share it).
    let err = move |f: &str| match f {
        "phone" => e[0],
        "country" => e[1],
        "line1" => e[2],
        "line2" => e[3],
        "city" => e[4],
        "region" => e[5],
        _ => e[6],
    };
    let general = RwSignal::new(None::<String>);
    let clear = move || e.iter().for_each(|s| s.set(None));
    // A new number waits for the code texted to it: `texted` holds where it went.
    let texted = RwSignal::new(None::<String>);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(saved)) => {
            toasts.show(t(l, "details-contact-saved"));
            texted.set(saved.code_sent_to);
        }
        Some(Err(AppError::Validation { field, issue })) => err(&field).set(Some(issue.message())),
        Some(Err(e)) if !reauth.intercept(&e) => general.set(Some(e.message())),
        _ => {}
    });
    let kind = Memo::new(move |_| Country::parse(&country.get()).ok());
    let regions = Signal::derive(move || {
        kind.get()
            .map(|c| {
                c.regions()
                    .iter()
                    .map(|(k, v)| {
                        let name = match c {
                            Country::Ca => province_name(l, k, v),
                            _ => v.to_string(),
                        };
                        (k.to_string(), name)
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let submit = {
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            clear();
            general.set(None);
            let mut ok = true;
            if !phone.get_untracked().trim().is_empty() {
                if let Err(i) = Phone::parse(&phone.get_untracked()) {
                    err("phone").set(Some(i.message()));
                    ok = false;
                }
            }
            let input = AddressInput {
                country: country.get_untracked(),
                line1: line1.get_untracked(),
                line2: line2.get_untracked(),
                city: city.get_untracked(),
                region: region.get_untracked(),
                postal: postal.get_untracked(),
            };
            if let Err(issues) = input.parse() {
                for (f, i) in issues {
                    err(f).set(Some(i.message()));
                }
                ok = false;
            }
            if ok {
                reauth.run(move || {
                    save.dispatch(SaveContact {
                        phone: phone.get_untracked(),
                        country: country.get_untracked(),
                        line1: line1.get_untracked(),
                        line2: line2.get_untracked(),
                        city: city.get_untracked(),
                        region: region.get_untracked(),
                        postal: postal.get_untracked(),
                    });
                });
            }
        }
    };
    let countries = Signal::derive(move || {
        vec![
            ("US".to_string(), t(l, "country-us")),
            ("CA".to_string(), t(l, "country-ca")),
            ("RU".to_string(), t(l, "country-ru")),
        ]
    });
    // When the country changes, an old state/province code no longer fits.
    Effect::new(move |prev: Option<String>| {
        let now = country.get();
        if prev.is_some_and(|p| p != now) {
            region.set(String::new());
        }
        now
    });
    view! {
        <section class="card" aria-labelledby="contact-title">
            <h2 id="contact-title">{t(l, "details-contact-title")}</h2>
            {move || general.get().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
            <form on:submit=submit novalidate>
                <Field id="phone" label=t(l, "details-phone-label") kind="tel" autocomplete="tel" value=phone error=err("phone")
                    hint=t(l, "details-phone-hint")/>
                <SelectField id="country" label=t(l, "details-country") value=country error=err("country") options=countries/>
                <Field id="line1" label=t(l, "details-line1") autocomplete="address-line1" value=line1 error=err("line1") required=true/>
                <Field id="line2" label=t(l, "details-line2") autocomplete="address-line2" value=line2 error=err("line2")/>
                <Field id="city" label=t(l, "details-city") autocomplete="address-level2" value=city error=err("city") required=true/>
                {move || match kind.get() {
                    Some(Country::Ru) => view! { <Field id="region" label=t(l, "details-region-ru") autocomplete="address-level1" value=region error=err("region") required=true/> }.into_any(),
                    Some(Country::Ca) => view! { <SelectField id="region" label=t(l, "details-province") value=region error=err("region") options=regions/> }.into_any(),
                    _ => view! { <SelectField id="region" label=t(l, "details-state") value=region error=err("region") options=regions/> }.into_any(),
                }}
                {move || {
                    let label = match kind.get() {
                        Some(Country::Us) => t(l, "details-zip"),
                        Some(Country::Ru) => t(l, "details-postal-index"),
                        _ => t(l, "details-postal-code"),
                    };
                    view! { <Field id="postal" label=label autocomplete="postal-code" value=postal error=err("postal") required=true/> }
                }}
                <SubmitButton label=t(l, "details-save") busy_label=t(l, "details-saving") pending=save.pending()/>
            </form>
            {move || texted.get().map(|to| view! { <PhoneCode to/> })}
        </section>
    }
}

/// The code texted to a new mobile number; entering it saves the number (then the page reloads,
/// so everything that depends on having a number sees it).
#[component]
fn PhoneCode(to: String) -> impl IntoView {
    let l = crate::i18n::current();
    let confirm = ServerAction::<ConfirmPhone>::new();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match confirm.value().get() {
        Some(Ok(())) => {
            let _ = window().location().reload();
        }
        Some(Err(e)) => error.set(Some(e.message())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let issue = crate::domain::codes::code_issue(&code.get_untracked()).map(|i| i.message());
        error.set(issue.clone());
        if issue.is_none() {
            confirm.dispatch(ConfirmPhone {
                code: code.get_untracked(),
            });
        }
    };
    view! {
        <form class="phone-code" on:submit=submit novalidate aria-live="polite">
            <Field id="phone-code" label=crate::i18n::tf(l, "details-phone-code-label", &[("to", to.into())])
                value=code error=error inputmode="numeric" autocomplete="one-time-code" required=true/>
            <SubmitButton label=t(l, "details-phone-confirm") busy_label=t(l, "details-phone-confirming") pending=confirm.pending()/>
        </form>
    }
}

#[component]
fn PreferencesForm(details: ProfileDetails) -> impl IntoView {
    let l = crate::i18n::current();
    let save = ServerAction::<SavePreferences>::new();
    let toasts = use_toasts();
    let language = RwSignal::new(details.language.clone());
    let paperless = RwSignal::new(details.paperless);
    let notify_email = RwSignal::new(details.notify_email);
    let notify_sms = RwSignal::new(details.notify_sms);
    let has_phone = details.phone.is_some();
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            toasts.show(t(l, "prefs-saved"));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let on = |b: bool| b.then(|| "on".to_string());
        save.dispatch(SavePreferences {
            language: language.get_untracked(),
            paperless: on(paperless.get_untracked()),
            notify_email: on(notify_email.get_untracked()),
            notify_sms: on(notify_sms.get_untracked()),
        });
    };
    let check = move |id: &'static str, signal: RwSignal<bool>, label: String, disabled: bool| {
        view! {
            <div class="field field-check">
                <input type="checkbox" id=id name=id disabled=disabled bind:checked=signal/>
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="prefs-title">
            <h2 id="prefs-title">{t(l, "prefs-title")}</h2>
            {move || save.value().get().and_then(|r| r.err()).map(|e| view! { <Alert tone=Tone::Error>{e.message()}</Alert> })}
            <form on:submit=submit novalidate>
                <fieldset class="choice">
                    <legend>{t(l, "prefs-language")}</legend>
                    {LANGUAGES.iter().map(|(code, name)| {
                        let code = *code;
                        view! {
                            <label class="radio" lang=code>
                                <input type="radio" name="language" value=code prop:checked=move || language.get() == code
                                    on:change=move |_| language.set(code.to_string())/>
                                {*name}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <fieldset class="choice">
                    <legend>{t(l, "prefs-statements")}</legend>
                    {check("paperless", paperless, t(l, "prefs-paperless"), false)}
                </fieldset>
                <fieldset class="choice">
                    <legend>{t(l, "prefs-reminders")}</legend>
                    {check("notify_email", notify_email, t(l, "prefs-by-email"), false)}
                    {check("notify_sms", notify_sms, if has_phone { t(l, "prefs-by-sms") } else { t(l, "prefs-by-sms-no-phone") }, !has_phone)}
                </fieldset>
                <SubmitButton label=t(l, "prefs-save") busy_label=t(l, "prefs-saving") pending=save.pending()/>
            </form>
        </section>
    }
}
