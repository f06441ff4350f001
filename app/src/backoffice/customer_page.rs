//! /backoffice/customers/:id: the customer file — contact details, sign-in state, contracts (each
//! opening the contract page), notes, recent sign-in events and earlier staff actions — and the
//! actions, each confirmed first and answered with its reference number.

use super::api::{
    staff_customer, staff_end_sessions, staff_reset_sign_in_methods, staff_temporary_password,
    staff_unlock,
};
use super::layout::staff_has;
use super::{action_key, status_key, ActionDone, CustomerFile, StaffRole};
use crate::components::alert::Tone;
use crate::components::toast::CopyButton;
use crate::components::{format, Alert, PageSpinner};
use crate::contracts::ContractKind;
use crate::error::AppError;
use crate::i18n::{t, tf};
use leptos::html::Button;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// The outcome of the latest action on this page. It lives above the customer file, so it stays
/// on screen (and keeps focus) while the file reloads to show the action's effect.
#[derive(Clone, Copy)]
pub(super) struct Outcome(RwSignal<Option<Result<ActionDone, AppError>>>);

impl Outcome {
    /// The page's outcome region, if the component is on a page that has one (ask at setup).
    pub(super) fn of_page() -> Option<Outcome> {
        use_context::<Outcome>()
    }

    /// Shows `done` there: it outlives the file's reload, unlike the panel that asked.
    pub(super) fn announce(self, done: &ActionDone) {
        self.0.set(Some(Ok(done.clone())));
    }
}

/// Which confirmation is open (0: none); each `ConfirmAction` takes an id from it.
#[derive(Clone, Copy)]
pub(super) struct OpenQuestion(pub(super) RwSignal<u64>);

impl OpenQuestion {
    fn next_id(&self) -> u64 {
        thread_local!(static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) });
        NEXT.with(|n| {
            n.set(n.get() + 1);
            n.get()
        })
    }
}

#[component]
pub fn CustomerPage() -> impl IntoView {
    let l = crate::i18n::current();
    let id = crate::components::params::route_id();
    let file = Resource::new(move || id.get(), staff_customer);
    let outcome = RwSignal::new(None);
    provide_context(Outcome(outcome));
    provide_context(OpenQuestion(RwSignal::new(0)));
    let region = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if outcome.get().is_some() {
            if let Some(r) = region.get() {
                let _ = r.focus();
            }
        }
    });
    view! {
        <Title text=t(l, "bo-customer-title")/>
        <div class="outcome" aria-live="polite" tabindex="-1" node_ref=region>
            {move || outcome.get().map(|r| match r {
                Ok(done) => view! { <Done done/> }.into_any(),
                Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
            })}
        </div>
        // Transition keeps the file on screen while it reloads after an action.
        <Transition fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match file.await {
                    Ok(f) => view! { <FileView f on_change=Callback::new(move |_| file.refetch())/> }.into_any(),
                    Err(e) => view! { <h1>{t(l, "bo-customer-title")}</h1><Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn FileView(f: CustomerFile, on_change: Callback<()>) -> impl IntoView {
    let l = crate::i18n::current();
    let id = f.id;
    let unlock = Action::new(move |_: &()| staff_unlock(id));
    let end = Action::new(move |_: &()| staff_end_sessions(id));
    let yes = t(l, "bo-yes");
    let no = t(l, "bo-no");
    let locked = f.locked_until.map(|u| {
        tf(
            l,
            "bo-locked-until",
            &[("time", format::date_time(u).into())],
        )
    });
    view! {
        <p><A href="/backoffice">{t(l, "bo-back-to-search")}</A></p>
        <h1>{f.name.clone()}</h1>
        <p class="hint">{f.email.clone()}</p>
        <ContactDetails f=f.clone()/>
        <section class="card" aria-labelledby="bo-account">
            <h2 id="bo-account">{t(l, "bo-account")}</h2>
            <dl class="facts">
                <div><dt>{t(l, "bo-activated")}</dt><dd>{if f.activated { yes.clone() } else { no.clone() }}</dd></div>
                <div><dt>{t(l, "bo-col-sign-in")}</dt><dd>{locked.clone().unwrap_or_else(|| t(l, "bo-not-locked"))}</dd></div>
                <div><dt>{t(l, "bo-two-step")}</dt><dd>{if f.two_step { yes.clone() } else { no.clone() }}</dd></div>
                <div><dt>{t(l, "bo-sessions")}</dt><dd>{f.sessions}</dd></div>
            </dl>
            <div class="bo-actions">
                // Unlocking is offered only while the sign-in is locked.
                {f.locked_until.is_some().then(|| view! { <ConfirmAction label=t(l, "bo-unlock") question=t(l, "bo-unlock-confirm") action=unlock on_done=on_change/> })}
                <ConfirmAction label=t(l, "bo-end-sessions") question=t(l, "bo-end-sessions-confirm") action=end on_done=on_change/>
            </div>
            <ResetSignInMethods customer_id=id on_done=on_change/>
        </section>
        <section class="card" aria-labelledby="bo-contracts">
            <h2 id="bo-contracts">{t(l, "bo-search-contracts")}</h2>
            {f.contracts.is_empty().then(|| view! { <p class="hint">{t(l, "bo-no-contracts")}</p> })}
            <ul class="bo-contracts">
                {f.contracts.into_iter().map(|c| {
                    let kind = match c.kind { ContractKind::Loan => t(l, "contracts-kind-loan"), ContractKind::Lease => t(l, "contracts-kind-lease") };
                    let primary = c.role == "primary";
                    let number = c.number.clone();
                    view! {
                        <li>
                            <A href=format!("/backoffice/contracts/{}", c.id)><strong>{number}</strong></A>" · "{c.vehicle.clone()}" · "{kind}" · "{t(l, status_key(&c.status))}
                            <span class="block">{tf(l, "bo-contract-money", &[("balance", format::money(c.balance, &c.currency).into()), ("past_due", format::money(c.past_due, &c.currency).into())])}</span>
                            {primary.then(|| view! { <TemporaryPassword contract_id=c.id number=c.number.clone() on_done=on_change/> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <super::payments_panel::AutopayPanel autopays=f.autopays/>
        <super::payments_panel::PaymentsPanel payments=f.payments on_done=on_change/>
        <super::notes_panel::NotesPanel customer_id=id notes=f.notes on_done=on_change/>
        <section class="card" aria-labelledby="bo-threads">
            <h2 id="bo-threads">{t(l, "bo-nav-messages")}</h2>
            {f.threads.is_empty().then(|| view! { <p class="hint">{t(l, "bo-no-threads")}</p> })}
            <ul class="bo-contracts">
                {f.threads.into_iter().map(|s| view! {
                    <li>
                        <A href=format!("/backoffice/messages/{}", s.id)><strong>{crate::messages::topic_label(l, s.topic)}</strong></A>
                        {format!(" · {} · ", s.reference)}{crate::messages::status_label(l, s.status)}
                        <span class="hint block">{format::date_time(s.last_message_at)}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="bo-events">
            <h2 id="bo-events">{t(l, "bo-events")}</h2>
            <table class="data">
                <caption class="visually-hidden">{t(l, "bo-events")}</caption>
                <thead><tr>
                    <th scope="col">{t(l, "bo-col-when")}</th>
                    <th scope="col">{t(l, "bo-col-event")}</th>
                    <th scope="col">{t(l, "bo-col-result")}</th>
                    <th scope="col">{t(l, "bo-col-from")}</th>
                </tr></thead>
                <tbody>
                    {f.events.into_iter().map(|e| view! {
                        <tr>
                            <td data-label=t(l, "bo-col-when")>{format::date_time(e.at)}</td>
                            <td data-label=t(l, "bo-col-event")>{event_name(l, e.kind)}</td>
                            <td data-label=t(l, "bo-col-result")>{if e.success { t(l, "bo-ok") } else { t(l, "bo-failed") }}</td>
                            <td data-label=t(l, "bo-col-from")>{e.ip}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <section class="card" aria-labelledby="bo-history">
            <h2 id="bo-history">{t(l, "bo-actions-history")}</h2>
            {f.actions.is_empty().then(|| view! { <p class="hint">{t(l, "bo-no-actions")}</p> })}
            <ul>
                {f.actions.into_iter().map(|a| view! {
                    <li><span class="ref">{a.reference}</span>" · "{format::date_time(a.at)}" · "{a.staff}" · "{t(l, action_key(&a.action))}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// How to reach the customer: email, mobile phone, mailing address, language, when they registered.
#[component]
fn ContactDetails(f: CustomerFile) -> impl IntoView {
    let l = crate::i18n::current();
    let none = || t(l, "bo-none-on-file");
    let language = crate::i18n::Locale::parse(&f.language)
        .map(|x| x.native_name().to_string())
        .unwrap_or_else(|| f.language.clone());
    view! {
        <section class="card" aria-labelledby="bo-contact">
            <h2 id="bo-contact">{t(l, "bo-contact")}</h2>
            <dl class="facts">
                <div><dt>{t(l, "bo-col-email")}</dt><dd>{f.email.clone()}</dd></div>
                <div><dt>{t(l, "bo-mobile")}</dt><dd>{f.phone.clone().unwrap_or_else(none)}</dd></div>
                <div><dt>{t(l, "bo-address")}</dt><dd>{if f.address.is_empty() {
                    none().into_any()
                } else {
                    f.address.iter().map(|line| view! { <span class="block">{line.clone()}</span> }).collect_view().into_any()
                }}</dd></div>
                <div><dt>{t(l, "bo-language")}</dt><dd>{language}</dd></div>
                <div><dt>{t(l, "bo-registered")}</dt><dd>{format::date_time(f.registered_at)}</dd></div>
            </dl>
        </section>
    }
}

/// A button that asks before acting: the question replaces it, focus moves to "Yes", and the
/// result (with its reference) is announced — in the page's outcome region when there is one,
/// else next to the button.
#[component]
fn ConfirmAction(
    #[prop(into)] label: String,
    #[prop(into)] question: String,
    action: Action<(), Result<ActionDone, AppError>>,
    #[prop(optional)] on_done: Option<Callback<()>>,
) -> impl IntoView {
    let l = crate::i18n::current();
    // One question open at a time: opening one closes any other on the page.
    let open = use_context::<OpenQuestion>().unwrap_or_else(|| OpenQuestion(RwSignal::new(0)));
    let me = open.next_id();
    let asking = Signal::derive(move || open.0.get() == me);
    let ask = move |yes: bool| open.0.set(if yes { me } else { 0 });
    let yes_ref = NodeRef::<Button>::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(b) = yes_ref.get() {
                let _ = b.focus();
            }
        }
    });
    let outcome = use_context::<Outcome>();
    Effect::new(move |_| {
        let Some(result) = action.value().get() else {
            return;
        };
        if let Some(Outcome(o)) = outcome {
            o.set(Some(result.clone()));
        }
        if let (Ok(_), Some(cb)) = (result, on_done) {
            cb.run(());
        }
    });
    let pending = action.pending();
    view! {
        <div class="confirm-action">
            {move || if asking.get() {
                view! {
                    <div class="confirm" role="group" aria-label=question.clone()>
                        <p>{question.clone()}</p>
                        <button type="button" class="btn btn-primary btn-inline" node_ref=yes_ref
                            on:click=move |_| { action.dispatch(()); ask(false); }>{t(l, "bo-yes-do-it")}</button>
                        <button type="button" class="btn btn-quiet btn-inline" on:click=move |_| ask(false)>{t(l, "bo-cancel")}</button>
                    </div>
                }.into_any()
            } else {
                let label = label.clone();
                view! {
                    <button type="button" class="btn btn-secondary btn-inline" disabled=move || pending.get()
                        aria-busy=move || pending.get().to_string() on:click=move |_| ask(true)>
                        {move || if pending.get() { t(l, "bo-working") } else { label.clone() }}
                    </button>
                }.into_any()
            }}
            <div aria-live="polite">
                {move || action.value().get().filter(|_| outcome.is_none()).map(|r| match r {
                    Ok(done) => view! { <Done done/> }.into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                })}
            </div>
        </div>
    }
}

#[component]
fn Done(done: ActionDone) -> impl IntoView {
    let l = crate::i18n::current();
    let reference = done.reference.clone();
    view! {
        <Alert tone=Tone::Success>
            <p>{tf(l, "bo-done", &[("reference", done.reference.clone().into())])} " " <CopyButton text=reference label=t(l, "bo-reference")/></p>
            {done.temporary_password.clone().map(|p| view! {
                <p>{t(l, "bo-temp-password-is")} " " <code class="secret" data-testid="temp-password">{p.clone()}</code> " " <CopyButton text=p label=t(l, "bo-temp-password")/></p>
                <p class="hint">{tf(l, "bo-temp-password-until", &[("time", format::date_time(done.expires_at.unwrap_or_default()).into())])}</p>
            })}
        </Alert>
    }
}

/// Issues a contract-number temporary password (shown to supervisors and admins only; the server
/// checks the role again).
#[component]
pub fn TemporaryPassword(
    contract_id: i64,
    number: String,
    /// Runs after a password was issued (the customer file reloads its actions list).
    #[prop(optional)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let allowed = staff_has(StaffRole::Supervisor);
    let issue = Action::new(move |_: &()| staff_temporary_password(contract_id));
    let question = tf(l, "bo-temp-password-confirm", &[("number", number.into())]);
    let on_done = on_done.unwrap_or_else(|| Callback::new(|_| ()));
    view! {
        <Show when=move || allowed.get()>
            <ConfirmAction label=t(l, "bo-temp-password-issue") question=question.clone() action=issue on_done=on_done/>
        </Show>
    }
}

/// An event's name in the page's language; a kind without one shows as recorded, so staff still
/// see exactly what happened.
fn event_name(l: crate::i18n::Locale, kind: String) -> AnyView {
    match crate::security::known_event_label(l, &kind) {
        Some(name) => name.into_any(),
        None => view! { <code>{kind}</code> }.into_any(),
    }
}

/// Supervisors: reset a customer's sign-in methods, with the reason written down (the server
/// checks the role and the reason again).
#[component]
fn ResetSignInMethods(customer_id: i64, on_done: Callback<()>) -> impl IntoView {
    let l = crate::i18n::current();
    let allowed = staff_has(StaffRole::Supervisor);
    let reason = RwSignal::new(String::new());
    let reason_error = RwSignal::new(None::<String>);
    let reset =
        Action::new(move |_: &()| staff_reset_sign_in_methods(customer_id, reason.get_untracked()));
    Effect::new(move |_| {
        if let Some(Err(AppError::Validation { issue, .. })) = reset.value().get() {
            reason_error.set(Some(issue.message()));
        } else {
            reason_error.set(None);
        }
    });
    view! {
        <Show when=move || allowed.get()>
            <div class="bo-reset">
                <p class="hint">{t(l, "bo-reset-methods-hint")}</p>
                <crate::components::Field id="reset-reason" label=t(l, "bo-reset-methods-reason") value=reason error=reason_error/>
                <ConfirmAction label=t(l, "bo-reset-methods") question=t(l, "bo-reset-methods-confirm") action=reset on_done=on_done/>
            </div>
        </Show>
    }
}
