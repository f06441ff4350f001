//! The application form: the contract, what to ask for (kinds the contract cannot file now are
//! shown with the reason), the fields of that kind, then Review — the server's preview of the
//! effect — and Submit. The same form corrects an application sent back (`correcting`). One key
//! per form instance, so a double click files once.

use super::api::{application_options, application_preview, FileApplication, ResubmitApplication};
use super::{kind_label, ApplicationView, Filed, Preview};
use crate::components::alert::Tone;
use crate::components::format::{date, money};
use crate::components::toast::CopyButton;
use crate::components::{Alert, PageSpinner};
use crate::domain::application::ApplicationKind as K;
use crate::domain::application_form::{ApplicationForm, Details, InsuranceKind};
use crate::error::AppError;
use crate::i18n::{t, tf};
use crate::messages::attach_field::{ids_of, AttachField};
use leptos::prelude::*;
use leptos_router::components::A;

/// The form's fields back from a stored application (for a correction).
fn form_of(d: &Details) -> ApplicationForm {
    let kind = d.kind().code().to_string();
    match d {
        Details::EarlyRepayment {
            amount,
            on,
            effect,
            source_id,
        } => ApplicationForm {
            kind,
            amount: amount.to_string(),
            date: on.to_string(),
            effect: match effect {
                crate::domain::loan::PrepaymentEffect::ShortenTerm => "shorten_term".into(),
                crate::domain::loan::PrepaymentEffect::LowerPayment => "lower_payment".into(),
            },
            source: source_id.to_string(),
            ..Default::default()
        },
        Details::DueDateChange { new_day } => ApplicationForm {
            kind,
            new_day: new_day.to_string(),
            ..Default::default()
        },
        Details::Deferral { months, reason } => ApplicationForm {
            kind,
            months: months.to_string(),
            text: reason.clone(),
            ..Default::default()
        },
        Details::InsuranceEvent {
            happened_on,
            kind: k,
            description,
            insurer,
            claim_number,
        } => ApplicationForm {
            kind,
            date: happened_on.to_string(),
            insurance_kind: k.code().into(),
            text: description.clone(),
            insurer: insurer.clone(),
            claim_number: claim_number.clone(),
            ..Default::default()
        },
        Details::LeaseExtension { months } => ApplicationForm {
            kind,
            months: months.to_string(),
            ..Default::default()
        },
    }
}

#[component]
pub fn ApplicationFormCard(
    /// The contract it is for.
    contract: i64,
    /// Preselected kind (`?kind=`).
    #[prop(optional)]
    kind: String,
    /// An application sent back, being corrected.
    #[prop(optional)]
    correcting: Option<ApplicationView>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let correcting_id = correcting.as_ref().map(|a| a.id);
    let start = correcting
        .as_ref()
        .map(|a| form_of(&a.details))
        .unwrap_or(ApplicationForm {
            kind,
            ..Default::default()
        });
    let f = RwSignal::new(start);
    let files = RwSignal::new(Vec::<crate::messages::AttachmentView>::new());
    let key = RwSignal::new(crate::components::form_key::new_form_key());
    let options = Resource::new(move || contract, application_options);
    let sources = Resource::new(|| (), |_| crate::payments::api::payment_sources());
    let reviewed = RwSignal::new(None::<Preview>);
    let error = RwSignal::new(None::<(String, String)>);
    let filed = RwSignal::new(None::<Filed>);
    let file = ServerAction::<FileApplication>::new();
    let resubmit = ServerAction::<ResubmitApplication>::new();
    let previewing = RwSignal::new(false);
    let show = move |e: AppError| match &e {
        AppError::Validation { field, issue } => error.set(Some((field.clone(), issue.message()))),
        _ => error.set(Some((String::new(), e.message()))),
    };
    Effect::new(move |_| {
        for v in [file.value().get(), resubmit.value().get()]
            .into_iter()
            .flatten()
        {
            match v {
                Ok(done) => filed.set(Some(done)),
                Err(e) => show(e),
            }
        }
    });
    let review = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The server's checks, before the round trip (from the lender's today, once known).
        if let Some(Ok(o)) = options.get_untracked() {
            if let Err((field, issue)) = f.get_untracked().parse(o.today) {
                error.set(Some((field.to_string(), issue.message())));
                return;
            }
        }
        error.set(None);
        previewing.set(true);
        leptos::task::spawn_local(async move {
            match application_preview(contract, f.get_untracked(), correcting_id).await {
                Ok(p) => reviewed.set(Some(p)),
                Err(e) => show(e),
            }
            previewing.set(false);
        });
    };
    let submit = move |_| {
        let attachments = Some(files.with_untracked(|x| ids_of(x)));
        match correcting_id {
            Some(id) => {
                resubmit.dispatch(ResubmitApplication {
                    id,
                    form: f.get_untracked(),
                    key: key.get_untracked(),
                    attachments,
                });
            }
            None => {
                file.dispatch(FileApplication {
                    contract,
                    form: f.get_untracked(),
                    key: key.get_untracked(),
                    attachments,
                });
            }
        }
    };
    let busy = move || file.pending().get() || resubmit.pending().get();
    let err = move |field: &'static str| {
        move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|(f, _)| f == field)
                    .map(|(_, m)| m.clone())
            })
        }
    };
    let general = move || {
        error.with(|e| {
            e.as_ref()
                .filter(|(f, _)| {
                    ![
                        "kind",
                        "amount",
                        "date",
                        "effect",
                        "source",
                        "new_day",
                        "months",
                        "text",
                        "insurance_kind",
                        "insurer",
                        "claim_number",
                    ]
                    .contains(&f.as_str())
                })
                .map(|(_, m)| m.clone())
        })
    };
    let kind = move || K::parse(&f.with(|x| x.kind.clone()));
    let set = move |which: fn(&mut ApplicationForm, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            f.update(|x| which(x, v));
            reviewed.set(None);
        }
    };
    let field = move |id: &'static str, label: String, input: AnyView| {
        view! {
            <div class="field" class:field-invalid=move || err(id)().is_some()>
                <label for=format!("app-{id}")>{label}</label>
                {input}
                <p class="field-error" id=format!("app-{id}-error") aria-live="polite">{err(id)}</p>
            </div>
        }
    };
    view! {
        {move || match filed.get() {
            Some(done) => view! {
                <Alert tone=Tone::Success>
                    <h2>{t(l, if correcting_id.is_some() { "app-resubmitted-title" } else { "app-filed-title" })}</h2>
                    <p data-testid="app-filed">{tf(l, "app-filed-intro", &[("reference", done.reference.clone().into())])}" "
                        <CopyButton text=done.reference.clone() label=t(l, "app-reference")/></p>
                    <p>{t(l, "app-filed-next")}</p>
                </Alert>
                <p class="actions">
                    <A href="/applications" attr:class="btn btn-primary btn-inline">{t(l, "app-see-all")}</A>
                    {done.thread_id.map(|id| view! { <A href=format!("/messages/{id}") attr:class="btn btn-secondary">{t(l, "app-open-thread")}</A> })}
                </p>
            }.into_any(),
            None => view! {
                {move || general().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
                <form class="card narrow-left" on:submit=review novalidate data-testid="application-form">
                    <Suspense fallback=|| view! { <PageSpinner/> }>
                        {move || Suspend::new(async move {
                            match options.await {
                                Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                                Ok(o) => view! {
                                    <fieldset class="choice">
                                        <legend>{tf(l, "app-kind-legend", &[("contract", o.number.clone().into())])}</legend>
                                        {o.kinds.into_iter()
                                            // Kinds for the other sort of contract are not offered at all.
                                            .filter(|(_, ok)| *ok != Err(crate::domain::application::Ineligible::WrongContract))
                                            .filter(|(k, _)| correcting_id.is_none() || Some(*k) == kind()).map(|(k, ok)| {
                                            // A correction is of the application that is open: no reason to show.
                                            let why = ok.err().filter(|_| correcting_id.is_none()).map(|w| crate::i18n::ineligible_text(l, w));
                                            let blocked = why.is_some();
                                            view! {
                                                <label>
                                                    <input type="radio" name="kind" value=k.code() disabled=blocked
                                                        prop:checked=move || kind() == Some(k)
                                                        on:change=move |_| { f.update(|x| x.kind = k.code().into()); reviewed.set(None); error.set(None); }/>
                                                    <span>{kind_label(l, k)}{why.map(|w| view! { " · "<span class="hint" data-testid="app-ineligible">{w}</span> })}</span>
                                                </label>
                                            }
                                        }).collect_view()}
                                    </fieldset>
                                    <p class="field-error" id="app-kind-error" aria-live="polite">{err("kind")}</p>
                                }.into_any(),
                            }
                        })}
                    </Suspense>
                    {move || match kind() {
                        Some(K::EarlyRepayment) => view! {
                            <p class="hint">{t(l, "app-early-hint")}" "<A href=format!("/payments/payoff?contract={contract}")>{t(l, "app-early-full")}</A></p>
                            {field("amount", t(l, "app-amount"), view! { <input id="app-amount" aria-describedby="app-amount-error" aria-invalid=move || if err("amount")().is_some() { "true" } else { "false" } inputmode="decimal" prop:value=move || f.with(|x| x.amount.clone()) on:input=set(|x, v| x.amount = v)/> }.into_any())}
                            {field("date", t(l, "app-date"), view! { <input id="app-date" aria-describedby="app-date-error" aria-invalid=move || if err("date")().is_some() { "true" } else { "false" } type="date" prop:value=move || f.with(|x| x.date.clone()) on:input=set(|x, v| x.date = v)/> }.into_any())}
                            {field("effect", t(l, "app-effect"), view! {
                                <select id="app-effect" aria-describedby="app-effect-error" aria-invalid=move || if err("effect")().is_some() { "true" } else { "false" } prop:value=move || f.with(|x| x.effect.clone()) on:change=set(|x, v| x.effect = v)>
                                    <option value="">{t(l, "app-choose")}</option>
                                    <option value="lower_payment">{t(l, "app-effect-lower")}</option>
                                    <option value="shorten_term">{t(l, "app-effect-shorten")}</option>
                                </select>
                            }.into_any())}
                            {field("source", t(l, "app-source"), view! {
                                <Suspense fallback=|| view! { <PageSpinner/> }>
                                    {move || Suspend::new(async move {
                                        let list = sources.await.unwrap_or_default();
                                        view! {
                                            <select id="app-source" aria-describedby="app-source-error" aria-invalid=move || if err("source")().is_some() { "true" } else { "false" } prop:value=move || f.with(|x| x.source.clone()) on:change=set(|x, v| x.source = v)>
                                                <option value="">{t(l, "app-choose")}</option>
                                                {list.into_iter().map(|s| view! { <option value=s.id.to_string()>{crate::payments::source_label(l, &s)}</option> }).collect_view()}
                                            </select>
                                        }
                                    })}
                                </Suspense>
                            }.into_any())}
                        }.into_any(),
                        Some(K::DueDateChange) => field("new_day", t(l, "app-new-day"), view! { <input id="app-new_day" aria-describedby="app-new_day-error" aria-invalid=move || if err("new_day")().is_some() { "true" } else { "false" } inputmode="numeric" prop:value=move || f.with(|x| x.new_day.clone()) on:input=set(|x, v| x.new_day = v)/> }.into_any()).into_any(),
                        Some(k @ (K::Deferral | K::LeaseExtension)) => view! {
                            {field("months", t(l, "app-months"), view! {
                                <select id="app-months" aria-describedby="app-months-error" aria-invalid=move || if err("months")().is_some() { "true" } else { "false" } prop:value=move || f.with(|x| x.months.clone()) on:change=set(|x, v| x.months = v)>
                                    <option value="">{t(l, "app-choose")}</option>
                                    {(1..=3).map(|m| view! { <option value=m.to_string()>{m.to_string()}</option> }).collect_view()}
                                </select>
                            }.into_any())}
                            {(k == K::Deferral).then(|| field("text", t(l, "app-reason"), view! { <textarea id="app-text" aria-describedby="app-text-error" aria-invalid=move || if err("text")().is_some() { "true" } else { "false" } rows="4" prop:value=move || f.with(|x| x.text.clone()) on:input=set(|x, v| x.text = v)></textarea> }.into_any()))}
                            {(k == K::Deferral).then(|| view! { <AttachField id="app-file" upload_to="/messages/attachments" files/> })}
                        }.into_any(),
                        Some(K::InsuranceEvent) => view! {
                            {field("date", t(l, "app-event-date"), view! { <input id="app-date" aria-describedby="app-date-error" aria-invalid=move || if err("date")().is_some() { "true" } else { "false" } type="date" prop:value=move || f.with(|x| x.date.clone()) on:input=set(|x, v| x.date = v)/> }.into_any())}
                            {field("insurance_kind", t(l, "app-event-kind"), view! {
                                <select id="app-insurance_kind" aria-describedby="app-insurance_kind-error" aria-invalid=move || if err("insurance_kind")().is_some() { "true" } else { "false" } prop:value=move || f.with(|x| x.insurance_kind.clone()) on:change=set(|x, v| x.insurance_kind = v)>
                                    <option value="">{t(l, "app-choose")}</option>
                                    {InsuranceKind::ALL.iter().map(|k| view! { <option value=k.code()>{t(l, &format!("app-event-{}", k.code().replace('_', "-")))}</option> }).collect_view()}
                                </select>
                            }.into_any())}
                            {field("text", t(l, "app-description"), view! { <textarea id="app-text" aria-describedby="app-text-error" aria-invalid=move || if err("text")().is_some() { "true" } else { "false" } rows="4" prop:value=move || f.with(|x| x.text.clone()) on:input=set(|x, v| x.text = v)></textarea> }.into_any())}
                            {field("insurer", t(l, "app-insurer"), view! { <input id="app-insurer" aria-describedby="app-insurer-error" aria-invalid=move || if err("insurer")().is_some() { "true" } else { "false" } prop:value=move || f.with(|x| x.insurer.clone()) on:input=set(|x, v| x.insurer = v)/> }.into_any())}
                            {field("claim_number", t(l, "app-claim-number"), view! { <input id="app-claim_number" aria-describedby="app-claim_number-error" aria-invalid=move || if err("claim_number")().is_some() { "true" } else { "false" } prop:value=move || f.with(|x| x.claim_number.clone()) on:input=set(|x, v| x.claim_number = v)/> }.into_any())}
                            <AttachField id="app-file" upload_to="/messages/attachments" files/>
                        }.into_any(),
                        None => ().into_any(),
                    }}
                    {move || kind().is_some().then(|| view! {
                        <button type="submit" class="btn btn-secondary btn-inline" disabled=move || previewing.get() aria-busy=move || previewing.get().to_string()>
                            {move || if previewing.get() { t(l, "app-previewing") } else { t(l, "app-preview") }}
                        </button>
                    })}
                </form>
                <div aria-live="polite">
                {move || reviewed.get().map(|p| view! {
                    <section class="card narrow-left" aria-labelledby="app-preview-title" data-testid="app-preview">
                        <h2 id="app-preview-title">{t(l, "app-preview-title")}</h2>
                        <PreviewTable preview=p currency=options.get().and_then(|o| o.ok()).map(|o| o.currency).unwrap_or_default()/>
                        <p class="actions">
                            <button type="button" class="btn btn-primary btn-inline" disabled=busy aria-busy=move || busy().to_string() on:click=submit>
                                {move || if busy() { t(l, "app-submitting") } else { t(l, "app-submit") }}
                            </button>
                        </p>
                    </section>
                })}
                </div>
            }.into_any(),
        }}
    }
}

/// Before and after, side by side.
#[component]
pub fn PreviewTable(preview: Preview, currency: String) -> impl IntoView {
    let l = crate::i18n::current();
    let m = move |x| money(x, &currency);
    let row = |label: String, before: String, after: String| {
        view! {
            <tr><th scope="row">{label}</th><td>{before}</td><td>{after}</td></tr>
        }
    };
    // Before and after columns only where there is a before; otherwise label and value.
    let compare = matches!(
        preview,
        Preview::EarlyRepayment { .. } | Preview::LeaseExtension { .. }
    );
    let span = if compare { "2" } else { "1" };
    let one = move |label: String, value: String| view! { <tr><th scope="row">{label}</th><td colspan=span>{value}</td></tr> };
    let rows = match preview {
        Preview::EarlyRepayment { principal, interest, fee, balance_before, balance_after, payment_before, payment_after, remaining_before, remaining_after, maturity_before, maturity_after } => view! {
            {row(t(l, "app-pv-balance"), m(balance_before), m(balance_after))}
            {row(t(l, "app-pv-payment"), m(payment_before), m(payment_after))}
            {row(t(l, "app-pv-remaining"), remaining_before.to_string(), remaining_after.to_string())}
            {row(t(l, "app-pv-maturity"), date(maturity_before), date(maturity_after))}
            {one(t(l, "app-pv-principal"), m(principal))}
            {one(t(l, "app-pv-interest"), m(interest))}
            {fee.is_positive().then(|| one(t(l, "app-pv-fee"), m(fee)))}
        }.into_any(),
        Preview::DueDateChange(c) => view! {
            {one(t(l, "app-pv-next-due"), date(c.next_due))}
            {one(t(l, "app-pv-days-later"), c.days_later.to_string())}
            {one(t(l, "app-pv-extra-interest"), m(c.interest))}
            {one(t(l, "app-pv-new-maturity"), date(c.maturity))}
        }.into_any(),
        Preview::Deferral(d) => view! {
            {one(t(l, "app-pv-resumes"), date(d.resumes_on))}
            {one(t(l, "app-pv-extra-interest"), m(d.interest))}
            {one(t(l, "app-pv-new-maturity"), date(d.maturity))}
        }.into_any(),
        Preview::InsuranceEvent { payoff } => view! {
            {payoff.map(|p| one(t(l, "app-pv-payoff"), m(p)))}
            {one(t(l, "app-pv-insurance"), t(l, "app-pv-insurance-next"))}
        }.into_any(),
        Preview::LeaseExtension { maturity_before, maturity_after, payment } => view! {
            {row(t(l, "app-pv-maturity"), date(maturity_before), date(maturity_after))}
            {one(t(l, "app-pv-payment"), m(payment))}
        }.into_any(),
    };
    view! {
        <table class="table preview-table">
            {compare.then(|| view! { <thead><tr><td></td><th scope="col">{t(l, "app-pv-now")}</th><th scope="col">{t(l, "app-pv-after")}</th></tr></thead> })}
            <tbody>{rows}</tbody>
        </table>
    }
}
