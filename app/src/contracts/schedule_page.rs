//! The payment schedule: past rows marked paid / paid late / past due, future rows projected.
//! Paginated, printable, downloadable as CSV.

use super::api::contract_schedule;
use super::detail_page::{print_when_shown, route_page, split_column_names, TableHeading};
use super::{row_status_label, ContractKind, Page, ScheduleLine};
use crate::components::alert::Tone;
use crate::components::params::route_id;
use crate::components::{format, Alert, PageSpinner};
use crate::domain::account::RowStatus;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn SchedulePage() -> impl IntoView {
    let l = crate::i18n::current();
    let id = route_id();
    let page = route_page();
    let data = Resource::new(
        move || (id.get(), page.get()),
        |(id, page)| contract_schedule(id, page),
    );
    view! {
        <Title text=t(l, "schedule-title")/>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <ScheduleView p/> }.into_any(),
                    Err(e) => view! { <h1>{t(l, "schedule-title")}</h1><Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The badge style of a schedule row's status.
pub fn status_class(s: RowStatus) -> &'static str {
    match s {
        RowStatus::Paid => "status status-ok",
        RowStatus::PaidLate => "status status-warn",
        RowStatus::PastDue => "status status-bad",
        RowStatus::Due => "status status-info",
        RowStatus::Pending => "status status-info",
        RowStatus::Projected => "status",
    }
}

#[component]
fn ScheduleView(p: Page<ScheduleLine>) -> impl IntoView {
    let l = crate::i18n::current();
    let c = p.contract.clone();
    let cur = c.currency.clone();
    let lease = c.kind == ContractKind::Lease;
    let id = c.id;
    let lang = l;
    let (interest, principal) = split_column_names(l, c.kind);
    print_when_shown();
    view! {
        <TableHeading title=t(l, "schedule-title") contract=c.clone() csv="schedule"/>
        <table class="data">
            <caption>{tf(l, "schedule-caption", &[("total", p.total.into()), ("page", p.page.into()), ("pages", p.pages.into())])}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(l, "schedule-col-number")}</th>
                    <th scope="col">{t(l, "schedule-col-due-date")}</th>
                    <th scope="col" class="num">{t(l, "schedule-col-payment")}</th>
                    <th scope="col" class="num">{interest.clone()}</th>
                    <th scope="col" class="num">{principal.clone()}</th>
                    {lease.then(|| view! { <th scope="col" class="num">{t(l, "contracts-col-tax")}</th> })}
                    <th scope="col" class="num">{t(l, "schedule-col-balance-after")}</th>
                    <th scope="col">{t(l, "contracts-col-status")}</th>
                </tr>
            </thead>
            <tbody>
                {p.items.into_iter().map(|l| {
                    let cur = cur.clone();
                    let m = move |x| format::money(x, &cur);
                    let (interest, principal) = (interest.clone(), principal.clone());
                    view! {
                        <tr class:row-past-due=l.status == RowStatus::PastDue>
                            <td data-label=t(lang, "schedule-col-number")>{l.number}</td>
                            <td data-label=t(lang, "schedule-col-due-date")>{format::date(l.due_date)}</td>
                            <td data-label=t(lang, "schedule-col-payment") class="num">{m(l.payment)}</td>
                            <td data-label=interest class="num">{m(l.interest)}</td>
                            <td data-label=principal class="num">{m(l.principal)}</td>
                            {lease.then(|| view! { <td data-label=t(lang, "contracts-col-tax") class="num">{m(l.tax)}</td> })}
                            <td data-label=t(lang, "schedule-col-balance-after") class="num">{m(l.balance)}</td>
                            <td data-label=t(lang, "contracts-col-status")><span class=status_class(l.status)>{row_status_label(lang, l.status)}</span></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <Pager base=format!("/contracts/{id}/schedule") page=p.page pages=p.pages/>
    }
}

/// Previous / next page links.
#[component]
pub fn Pager(base: String, page: u32, pages: u32) -> impl IntoView {
    let l = crate::i18n::current();
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=t(l, "contracts-pages-label")>
                {(page > 1).then(|| view! { <A href=format!("{base}?page={}", page - 1) attr:class="btn btn-secondary" attr:rel="prev">{t(l, "contracts-previous")}</A> })}
                <span>{tf(l, "contracts-page-of", &[("page", page.into()), ("pages", pages.into())])}</span>
                {(page < pages).then(|| view! { <A href=format!("{base}?page={}", page + 1) attr:class="btn btn-secondary" attr:rel="next">{t(l, "contracts-next")}</A> })}
            </nav>
        }
    })
}
