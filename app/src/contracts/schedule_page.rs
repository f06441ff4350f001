//! The payment schedule: past rows marked paid / paid late / past due, future rows projected.
//! Paginated, printable, downloadable as CSV.

use super::api::contract_schedule;
use super::detail_page::{route_id, route_page, ContractTabs};
use super::{row_status_label, ContractKind, Page, ScheduleLine};
use crate::components::alert::Tone;
use crate::components::{format, Alert, PageSpinner};
use crate::domain::account::RowStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn SchedulePage() -> impl IntoView {
    let id = route_id();
    let page = route_page();
    let data = Resource::new(
        move || (id.get(), page.get()),
        |(id, page)| contract_schedule(id, page),
    );
    view! {
        <Title text="Payment schedule"/>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <ScheduleView p/> }.into_any(),
                    Err(e) => view! { <h1>"Payment schedule"</h1><Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn status_class(s: RowStatus) -> &'static str {
    match s {
        RowStatus::Paid => "status status-ok",
        RowStatus::PaidLate => "status status-warn",
        RowStatus::PastDue => "status status-bad",
        RowStatus::Due => "status status-info",
        RowStatus::Projected => "status",
    }
}

#[component]
fn ScheduleView(p: Page<ScheduleLine>) -> impl IntoView {
    let c = p.contract.clone();
    let cur = c.currency.clone();
    let lease = c.kind == ContractKind::Lease;
    let id = c.id;
    view! {
        <h1>"Payment schedule"</h1>
        <p class="hint">{c.vehicle.clone()} " · Contract " {c.number.clone()}</p>
        <ContractTabs id/>
        <div class="table-actions">
            <a href=format!("/contracts/{id}/schedule.csv") class="btn btn-secondary" download="">"Download CSV"</a>
            <button type="button" class="btn btn-quiet" on:click=|_| { let _ = window().print(); }>"Print"</button>
        </div>
        <table class="data">
            <caption>{format!("{} payments · page {} of {}", p.total, p.page, p.pages)}</caption>
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    <th scope="col">"Due date"</th>
                    <th scope="col" class="num">"Payment"</th>
                    <th scope="col" class="num">{if lease { "Rent charge" } else { "Interest" }}</th>
                    <th scope="col" class="num">{if lease { "Depreciation" } else { "Principal" }}</th>
                    {lease.then(|| view! { <th scope="col" class="num">"Tax"</th> })}
                    <th scope="col" class="num">"Balance after"</th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            <tbody>
                {p.items.into_iter().map(|l| {
                    let cur = cur.clone();
                    let m = move |x| format::money(x, &cur);
                    view! {
                        <tr class:row-past-due=l.status == RowStatus::PastDue>
                            <td data-label="#">{l.number}</td>
                            <td data-label="Due date">{format::date(l.due_date)}</td>
                            <td data-label="Payment" class="num">{m(l.payment)}</td>
                            <td data-label=if lease { "Rent charge" } else { "Interest" } class="num">{m(l.interest)}</td>
                            <td data-label=if lease { "Depreciation" } else { "Principal" } class="num">{m(l.principal)}</td>
                            {lease.then(|| view! { <td data-label="Tax" class="num">{m(l.tax)}</td> })}
                            <td data-label="Balance after" class="num">{m(l.balance)}</td>
                            <td data-label="Status"><span class=status_class(l.status)>{row_status_label(l.status)}</span></td>
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
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label="Pages">
                {(page > 1).then(|| view! { <A href=format!("{base}?page={}", page - 1) attr:class="btn btn-secondary" attr:rel="prev">"Previous"</A> })}
                <span>{format!("Page {page} of {pages}")}</span>
                {(page < pages).then(|| view! { <A href=format!("{base}?page={}", page + 1) attr:class="btn btn-secondary" attr:rel="next">"Next"</A> })}
            </nav>
        }
    })
}
