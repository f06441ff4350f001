//! /payments/autopay: per contract the customer holds, autopay on or off — the next draft's day
//! and amount, and a form to enrol or change (amount: the regular payment or a fixed higher one;
//! draft day: the due day or up to 10 days before; source; start month) and a cancel button. Each
//! form instance carries one idempotency key; enrolling (and moving drafts to another source)
//! asks for a recent re-authentication through the same panel as adding a source.

use super::autopay_api::{autopay_options, CancelAutopay, ChangeAutopay, EnrolAutopay};
use super::sources_page::FieldErrors;
use super::{source_label, AutopayContract};
use crate::components::alert::Tone;
use crate::components::format;
use crate::components::toast::use_toasts;
use crate::components::{Alert, Field, PageSpinner, SubmitButton};
use crate::domain::autopay::MAX_DAYS_BEFORE;
use crate::factors::reauth::{Reauth, ReauthPanel};
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn AutopayPage() -> impl IntoView {
    let l = crate::i18n::current();
    let reauth = Reauth::new();
    let enrol = ServerAction::<EnrolAutopay>::new();
    let change = ServerAction::<ChangeAutopay>::new();
    let cancel = ServerAction::<CancelAutopay>::new();
    let list = Resource::new(
        move || {
            (
                enrol.version().get(),
                change.version().get(),
                cancel.version().get(),
            )
        },
        |_| autopay_options(),
    );
    let has_totp = Resource::new(|| (), |_| crate::factors::api::sign_in_methods());
    let totp = Signal::derive(move || has_totp.get().and_then(|r| r.ok()).is_some_and(|v| v.totp));
    let toasts = use_toasts();
    Effect::new(move |_| {
        if let Some(Ok(_)) = cancel.value().get() {
            toasts.show(t(l, "autopay-cancelled-toast"));
        }
    });
    view! {
        <Title text=t(l, "autopay-title")/>
        <p><A href="/payments">{t(l, "pay-back")}</A></p>
        <h1>{t(l, "autopay-title")}</h1>
        <p class="hint">{t(l, "autopay-intro")}</p>
        <ReauthPanel reauth has_totp=totp/>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(v) if v.is_empty() => view! { <p>{t(l, "autopay-no-contracts")}</p> }.into_any(),
                    Ok(v) => v.into_iter().map(|o| view! { <ContractAutopay o enrol change cancel reauth/> }).collect_view().into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ContractAutopay(
    o: AutopayContract,
    enrol: ServerAction<EnrolAutopay>,
    change: ServerAction<ChangeAutopay>,
    cancel: ServerAction<CancelAutopay>,
    reauth: Reauth,
) -> impl IntoView {
    let l = crate::i18n::current();
    let cur = o.currency.clone();
    let m = move |x| format::money(x, &cur);
    let id = o.contract_id;
    let title_id = format!("autopay-{id}");
    let labelled = title_id.clone();
    let status = match &o.autopay {
        Some(a) => {
            let next = a.next_draft.map(|(d, amount)| {
                tf(
                    l,
                    "autopay-next-draft",
                    &[
                        ("date", format::date(d).into()),
                        ("amount", m(amount).into()),
                    ],
                )
            });
            view! {
                <p><span class="status status-ok">{t(l, "autopay-on")}</span> " " {tf(l, "autopay-from", &[("source", source_label(l, &a.source).into())])}</p>
                {next.map(|n| view! { <p>{n}</p> })}
                <button type="button" class="btn btn-secondary" disabled=move || cancel.pending().get()
                    on:click=move |_| { cancel.dispatch(CancelAutopay { contract_id: id }); }>
                    {t(l, "autopay-cancel")}
                </button>
            }
            .into_any()
        }
        None if o.co_borrower_autopay => view! {
            <p><span class="status status-ok">{t(l, "autopay-on")}</span></p>
            <p data-testid="co-borrower-autopay">{t(l, "autopay-by-co-borrower")}</p>
        }
        .into_any(),
        None => view! { <p><span class="status">{t(l, "autopay-off")}</span></p> }.into_any(),
    };
    let vehicle_and_number = tf(
        l,
        "contracts-vehicle-and-number",
        &[
            ("vehicle", o.vehicle.clone().into()),
            ("number", o.number.clone().into()),
        ],
    );
    let form = (!o.co_borrower_autopay).then(|| view! { <AutopayForm o enrol change reauth/> });
    view! {
        <section class="card narrow-left" aria-labelledby=labelled data-contract=id>
            <h2 id=title_id>{vehicle_and_number}</h2>
            {status}
            {form}
        </section>
    }
}

#[component]
fn AutopayForm(
    o: AutopayContract,
    enrol: ServerAction<EnrolAutopay>,
    change: ServerAction<ChangeAutopay>,
    reauth: Reauth,
) -> impl IntoView {
    let l = crate::i18n::current();
    let existing = o.autopay.clone();
    let editing = existing.is_some();
    // One key per form instance: made when the form opens, sent with every submission.
    let key = RwSignal::new(crate::components::form_key::new_form_key());
    let amount = RwSignal::new(
        existing
            .as_ref()
            .and_then(|a| a.fixed_amount)
            .map(|m| m.amount().to_string())
            .unwrap_or_default(),
    );
    let days = RwSignal::new(existing.as_ref().map_or(0, |a| a.days_before).to_string());
    let source = RwSignal::new(
        existing
            .as_ref()
            .map(|a| a.source.id)
            .or(o.sources.first().map(|s| s.id))
            .map(|i| i.to_string())
            .unwrap_or_default(),
    );
    let start = RwSignal::new(
        existing
            .as_ref()
            .map(|a| a.start_month)
            .max(o.start_months.first().copied())
            .map(|m| m.to_string())
            .unwrap_or_default(),
    );
    let errors = FieldErrors::new();
    let general = RwSignal::new(None::<String>);
    let show = move |e: &crate::error::AppError| {
        if !reauth.intercept(e) && !errors.take(e) {
            general.set(Some(e.message()));
        }
    };
    Effect::new(move |_| {
        if let Some(Err(e)) = enrol.value().get() {
            show(&e);
        }
    });
    Effect::new(move |_| {
        if let Some(Err(e)) = change.value().get() {
            show(&e);
        }
    });
    let contract_id = o.contract_id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        general.set(None);
        reauth.run(move || {
            let (source_id, amount, days_before, start_month, key) = (
                source.get_untracked().parse().unwrap_or(0),
                amount.get_untracked(),
                days.get_untracked(),
                start.get_untracked(),
                key.get_untracked(),
            );
            if editing {
                change.dispatch(ChangeAutopay {
                    contract_id,
                    source_id,
                    amount,
                    days_before,
                    start_month,
                    key,
                });
            } else {
                enrol.dispatch(EnrolAutopay {
                    contract_id,
                    source_id,
                    amount,
                    days_before,
                    start_month,
                    key,
                });
            }
        });
    };
    let regular = format::money(o.regular, &o.currency);
    let fid = |f: &str| format!("{f}-{contract_id}");
    view! {
        {move || general.get().map(|msg| view! { <Alert tone=Tone::Error>{msg}</Alert> })}
        <form on:submit=submit novalidate>
            <Field id=fid("amount") label=tf(l, "autopay-amount-label", &[("currency", o.currency.clone().into())])
                hint=tf(l, "autopay-amount-hint", &[("regular", regular.into())]) inputmode="decimal" value=amount error=errors.of("amount")/>
            <div class="field">
                <label for=fid("days")>{t(l, "autopay-days-label")}</label>
                <p class="hint" id=fid("days-hint")>{tf(l, "autopay-days-hint", &[("day", o.due_day.into())])}</p>
                <select id=fid("days") aria-describedby=fid("days-hint") prop:value=move || days.get() on:change=move |ev| days.set(event_target_value(&ev))>
                    {(0..=MAX_DAYS_BEFORE).map(|d| view! {
                        <option value=d.to_string() selected=move || days.get() == d.to_string()>{if d == 0 { t(l, "autopay-on-due-day") } else { tf(l, "autopay-days-before", &[("days", d.into())]) }}</option>
                    }).collect_view()}
                </select>
                <p class="field-error">{move || errors.of("days_before").get()}</p>
            </div>
            <div class="field">
                <label for=fid("start")>{t(l, "autopay-start-label")}</label>
                <select id=fid("start") prop:value=move || start.get() on:change=move |ev| start.set(event_target_value(&ev))>
                    {o.start_months.iter().map(|mo| {
                        let v = mo.to_string();
                        let shown = crate::i18n::format::month_year(l, mo.year, mo.month);
                        view! { <option value=v.clone() selected=move || start.get() == v>{shown}</option> }
                    }).collect_view()}
                </select>
                <p class="field-error">{move || errors.of("start_month").get()}</p>
            </div>
            <fieldset class="choice">
                <legend>{t(l, "pay-from-legend")}</legend>
                {o.sources.is_empty().then(|| view! { <p>{t(l, "pay-no-sources")}</p> })}
                {o.sources.iter().map(|s| {
                    let id = s.id.to_string();
                    let value = id.clone();
                    view! {
                        <label><input type="radio" name=fid("source") value=id.clone() prop:checked=move || source.get() == value on:change=move |_| source.set(id.clone())/>" " {source_label(l, s)}</label>
                    }
                }).collect_view()}
                <p><A href="/payments/sources">{t(l, "pay-add-source")}</A></p>
            </fieldset>
            <SubmitButton label=t(l, if editing { "autopay-save" } else { "autopay-enrol" }) busy_label=t(l, "autopay-saving")
                pending=Signal::derive(move || enrol.pending().get() || change.pending().get())/>
        </form>
    }
}
