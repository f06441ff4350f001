//! /profile (the profile menu) and /profile/security (sessions, devices, sign-in history).

use super::api::{load_security_overview, RevokeDevice, RevokeOtherSessions, RevokeSession};
use super::{event_label, when, SecurityOverview};
use crate::components::alert::Tone;
use crate::components::toast::use_toasts;
use crate::components::{Alert, PageSpinner};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn ProfilePage() -> impl IntoView {
    view! {
        <Title text="Profile"/>
        <h1>"Profile"</h1>
        <ul class="menu-list">
            <li>
                <A href="/profile/details" attr:class="menu-link">
                    <strong>"Contact details and preferences"</strong>
                    <span class="hint block">"Mobile phone, mailing address, language, paperless and reminders"</span>
                </A>
            </li>
            <li>
                <A href="/profile/sign-in" attr:class="menu-link">
                    <strong>"Password and email"</strong>
                    <span class="hint block">"Change your password or the email address you sign in with"</span>
                </A>
            </li>
            <li>
                <A href="/profile/two-step" attr:class="menu-link">
                    <strong>"Two-step sign-in"</strong>
                    <span class="hint block">"Authenticator app, passkeys, recovery codes and sign-in codes"</span>
                </A>
            </li>
            <li>
                <A href="/profile/security" attr:class="menu-link">
                    <strong>"Security"</strong>
                    <span class="hint block">"Where you are signed in, remembered devices and sign-in history"</span>
                </A>
            </li>
        </ul>
    }
}

#[component]
pub fn SecurityPage() -> impl IntoView {
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
        Some(Ok(0)) => toasts.show("No other sessions were open."),
        Some(Ok(n)) => toasts.show(format!(
            "Signed out {n} other session{}.",
            if n == 1 { "" } else { "s" }
        )),
        _ => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = revoke.value().get() {
            toasts.show("That session was signed out.");
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
        <Title text="Security"/>
        <h1>"Security"</h1>
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
    let others = o.sessions.iter().filter(|s| !s.current).count();
    view! {
        <section class="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">"Where you are signed in"</h2>
            <ul class="plain rows">
                {o.sessions.into_iter().map(|s| {
                    let id = s.id;
                    view! {
                        <li class="row" data-session=id>
                            <div>
                                <strong>{s.device.clone()}</strong>
                                {s.current.then(|| view! { <span class="badge badge-ok">"This device"</span> })}
                                <span class="hint block">{format!("IP {} · signed in {} · last active {}", s.ip, when(s.created_at), when(s.last_seen_at))}</span>
                            </div>
                            {(!s.current).then(|| view! {
                                <button type="button" class="btn btn-secondary" disabled=move || revoke.pending().get()
                                    aria-label=format!("Sign out {} session", s.device)
                                    on:click=move |_| { revoke.dispatch(RevokeSession { id }); }>"Sign out"</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(others > 0).then(|| view! {
                <button type="button" class="btn btn-secondary" disabled=move || revoke_all.pending().get()
                    on:click=move |_| { revoke_all.dispatch(RevokeOtherSessions {}); }>
                    {move || if revoke_all.pending().get() { "Signing out…" } else { "Sign out all other sessions" }}
                </button>
            })}
        </section>
        <section class="card" aria-labelledby="devices-title">
            <h2 id="devices-title">"Remembered devices"</h2>
            <p class="hint">"Browsers you confirmed with an emailed code, an activation link or a second sign-in step. Removing one means it will need a new code."</p>
            {o.devices.is_empty().then(|| view! { <p>"No remembered devices."</p> })}
            <ul class="plain rows">
                {o.devices.into_iter().map(|d| {
                    let id = d.id;
                    view! {
                        <li class="row" data-device=id>
                            <div>
                                <strong>{d.device.clone()}</strong>
                                <span class="hint block">{format!("Authorized {} · last used {} · remembered until {}", when(d.created_at), when(d.last_used_at), when(d.expires_at))}</span>
                            </div>
                            <button type="button" class="btn btn-secondary" aria-label=format!("Remove {}", d.device)
                                on:click=move |_| { revoke_device.dispatch(RevokeDevice { id }); }>"Remove"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">"Sign-in history (last 90 days)"</h2>
            <table class="data">
                <caption class="visually-hidden">"Account events, newest first"</caption>
                <thead><tr><th scope="col">"When"</th><th scope="col">"Event"</th><th scope="col">"Result"</th><th scope="col">"Device"</th><th scope="col">"IP"</th></tr></thead>
                <tbody>
                    {o.history.into_iter().map(|e| view! {
                        <tr>
                            <td data-label="When">{when(e.at)}</td>
                            <td data-label="Event">{if e.kind == "login_second_step" && !e.detail.is_empty() {
                                format!("Sign-in ({})", e.detail)
                            } else {
                                event_label(&e.kind).to_string()
                            }}</td>
                            <td data-label="Result"><span class=if e.success { "status status-ok" } else { "status status-bad" }>{if e.success { "Succeeded" } else { "Failed" }}</span></td>
                            <td data-label="Device">{e.device.clone()}</td>
                            <td data-label="IP">{e.ip.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
