//! /profile (the profile menu) and /profile/security (sessions, devices, sign-in history).

use super::api::{load_security_overview, RevokeDevice, RevokeOtherSessions, RevokeSession};
use super::{device_name, event_text, when, SecurityOverview};
use crate::components::alert::Tone;
use crate::components::toast::use_toasts;
use crate::components::{Alert, PageSpinner};
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <Title text=t(l, "profile-page-title")/>
        <h1>{t(l, "profile-page-title")}</h1>
        <ul class="menu-list">
            <li>
                <A href="/profile/details" attr:class="menu-link">
                    <strong>{t(l, "profile-menu-details")}</strong>
                    <span class="hint block">{t(l, "profile-menu-details-hint")}</span>
                </A>
            </li>
            <li>
                <A href="/profile/sign-in" attr:class="menu-link">
                    <strong>{t(l, "profile-menu-sign-in")}</strong>
                    <span class="hint block">{t(l, "profile-menu-sign-in-hint")}</span>
                </A>
            </li>
            <li>
                <A href="/profile/two-step" attr:class="menu-link">
                    <strong>{t(l, "profile-menu-two-step")}</strong>
                    <span class="hint block">{t(l, "profile-menu-two-step-hint")}</span>
                </A>
            </li>
            <li>
                <A href="/profile/security" attr:class="menu-link">
                    <strong>{t(l, "profile-menu-security")}</strong>
                    <span class="hint block">{t(l, "profile-menu-security-hint")}</span>
                </A>
            </li>
        </ul>
    }
}

#[component]
pub fn SecurityPage() -> impl IntoView {
    let l = crate::i18n::current();
    let revoke = ServerAction::<RevokeSession>::new();
    let revoke_all = ServerAction::<RevokeOtherSessions>::new();
    let revoke_device = ServerAction::<RevokeDevice>::new();
    let data = Resource::new(
        move || {
            (
                revoke.version().get(),
                revoke_all.version().get(),
                revoke_device.version().get(),
            )
        },
        |_| load_security_overview(),
    );
    let toasts = use_toasts();
    Effect::new(move |_| match revoke_all.value().get() {
        Some(Ok(0)) => toasts.show(t(l, "security-no-other-sessions")),
        Some(Ok(n)) => toasts.show(tf(l, "security-signed-out-others", &[("n", n.into())])),
        _ => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = revoke.value().get() {
            toasts.show(t(l, "security-session-signed-out"));
        }
    });
    let error = move || {
        [
            revoke.value().get().and_then(|r| r.err()),
            revoke_device.value().get().and_then(|r| r.err()),
        ]
        .into_iter()
        .flatten()
        .next()
    };
    view! {
        <Title text=t(l, "security-page-title")/>
        <h1>{t(l, "security-page-title")}</h1>
        {move || error().map(|e| view! { <Alert tone=Tone::Error>{e.message()}</Alert> })}
        <Transition fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(o) => view! { <Overview o revoke revoke_all revoke_device/> }.into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Overview(
    o: SecurityOverview,
    revoke: ServerAction<RevokeSession>,
    revoke_all: ServerAction<RevokeOtherSessions>,
    revoke_device: ServerAction<RevokeDevice>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let others = o.sessions.iter().filter(|s| !s.current).count();
    view! {
        <section class="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{t(l, "security-sessions-title")}</h2>
            <ul class="plain rows">
                {o.sessions.into_iter().map(|s| {
                    let id = s.id;
                    view! {
                        <li class="row" data-session=id>
                            <div>
                                <strong>{device_name(l, &s.device)}</strong>
                                {s.current.then(|| view! { <span class="badge badge-ok">{t(l, "security-this-device")}</span> })}
                                <span class="hint block">{tf(l, "security-session-meta", &[("ip", s.ip.clone().into()), ("created", when(s.created_at).into()), ("seen", when(s.last_seen_at).into())])}</span>
                            </div>
                            {(!s.current).then(|| view! {
                                <button type="button" class="btn btn-secondary" disabled=move || revoke.pending().get()
                                    aria-label=tf(l, "security-session-sign-out-label", &[("device", device_name(l, &s.device).into())])
                                    on:click=move |_| { revoke.dispatch(RevokeSession { id }); }>{t(l, "security-sign-out")}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(others > 0).then(|| view! {
                <button type="button" class="btn btn-secondary" disabled=move || revoke_all.pending().get()
                    on:click=move |_| { revoke_all.dispatch(RevokeOtherSessions {}); }>
                    {move || if revoke_all.pending().get() { t(l, "security-signing-out") } else { t(l, "security-sign-out-others") }}
                </button>
            })}
        </section>
        <section class="card" aria-labelledby="devices-title">
            <h2 id="devices-title">{t(l, "security-devices-title")}</h2>
            <p class="hint">{t(l, "security-devices-hint")}</p>
            {o.devices.is_empty().then(|| view! { <p>{t(l, "security-no-devices")}</p> })}
            <ul class="plain rows">
                {o.devices.into_iter().map(|d| {
                    let id = d.id;
                    view! {
                        <li class="row" data-device=id>
                            <div>
                                <strong>{device_name(l, &d.device)}</strong>
                                <span class="hint block">{tf(l, "security-device-meta", &[("created", when(d.created_at).into()), ("used", when(d.last_used_at).into()), ("expires", when(d.expires_at).into())])}</span>
                            </div>
                            <button type="button" class="btn btn-secondary" aria-label=tf(l, "security-remove-label", &[("device", device_name(l, &d.device).into())])
                                on:click=move |_| { revoke_device.dispatch(RevokeDevice { id }); }>{t(l, "security-remove")}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{t(l, "security-history-title")}</h2>
            <table class="data">
                <caption class="visually-hidden">{t(l, "security-history-caption")}</caption>
                <thead><tr><th scope="col">{t(l, "security-col-when")}</th><th scope="col">{t(l, "security-col-event")}</th><th scope="col">{t(l, "security-col-result")}</th><th scope="col">{t(l, "security-col-device")}</th><th scope="col">{t(l, "security-col-ip")}</th></tr></thead>
                <tbody>
                    {o.history.into_iter().map(|e| view! {
                        <tr>
                            <td data-label=t(l, "security-col-when")>{when(e.at)}</td>
                            <td data-label=t(l, "security-col-event")>{event_text(l, &e.kind, &e.detail)}</td>
                            <td data-label=t(l, "security-col-result")><span class=if e.success { "status status-ok" } else { "status status-bad" }>{if e.success { t(l, "security-result-ok") } else { t(l, "security-result-failed") }}</span></td>
                            <td data-label=t(l, "security-col-device")>{device_name(l, &e.device)}</td>
                            <td data-label=t(l, "security-col-ip")>{e.ip.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
