//! Payment history: every payment (pending, posted, returned) with where it went — fees, interest
//! (rent charge), principal (depreciation), tax — plus fees and late charges. Paginated, CSV.

use super::api::contract_history;
use super::detail_page::{route_id, route_page, ContractTabs};
use super::schedule_page::Pager;
use super::{txn_kind_label, txn_status_label, ContractKind, HistoryLine, Page};
use crate::components::alert::Tone;
use crate::components::{format, Alert, PageSpinner};
use crate::domain::account::TxnStatus;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let id = route_id();
    let page = route_page();
    let data = Resource::new(
        move || (id.get(), page.get()),
        |(id, page)| contract_history(id, page),
    );
    view! {
        <Title text="Payment history"/>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <HistoryView p/> }.into_any(),
                    Err(e) => view! { <h1>"Payment history"</h1><Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HistoryView(p: Page<HistoryLine>) -> impl IntoView {
    let c = p.contract.clone();
    let cur = c.currency.clone();
    let lease = c.kind == ContractKind::Lease;
    let id = c.id;
    view! {
        <h1>"Payment history"</h1>
        <p class="hint">{c.vehicle.clone()} " · Contract " {c.number.clone()}</p>
        <ContractTabs id/>
        <div class="table-actions">
            <a href=format!("/contracts/{id}/history.csv") class="btn btn-secondary" download="">"Download CSV"</a>
            <button type="button" class="btn btn-quiet" on:click=|_| { let _ = window().print(); }>"Print"</button>
        </div>
        {p.items.is_empty().then(|| view! { <p>"No transactions yet."</p> })}
        <table class="data">
            <caption>{format!("{} transactions · page {} of {}", p.total, p.page, p.pages)}</caption>
            <thead>
                <tr>
                    <th scope="col">"Date"</th>
                    <th scope="col">"Type"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col" class="num">"Amount"</th>
                    <th scope="col" class="num">"Fees"</th>
                    <th scope="col" class="num">{if lease { "Rent charge" } else { "Interest" }}</th>
                    <th scope="col" class="num">{if lease { "Depreciation" } else { "Principal" }}</th>
                    {lease.then(|| view! { <th scope="col" class="num">"Tax"</th> })}
                    <th scope="col">"Reference"</th>
                </tr>
            </thead>
            <tbody>
                {p.items.into_iter().map(|l| {
                    let cur = cur.clone();
                    let m = move |x| format::money(x, &cur);
                    let status_class = match l.status {
                        TxnStatus::Posted => "status status-ok",
                        TxnStatus::Pending => "status status-info",
                        TxnStatus::Returned => "status status-bad",
                    };
                    view! {
                        <tr>
                            <td data-label="Date">{format::date(l.date)}</td>
                            <td data-label="Type">{txn_kind_label(l.kind)}<span class="hint block">{l.description.clone()}</span></td>
                            <td data-label="Status"><span class=status_class>{txn_status_label(l.status)}</span></td>
                            <td data-label="Amount" class="num">{m(l.amount)}</td>
                            <td data-label="Fees" class="num">{m(l.fees)}</td>
                            <td data-label=if lease { "Rent charge" } else { "Interest" } class="num">{m(l.interest)}</td>
                            <td data-label=if lease { "Depreciation" } else { "Principal" } class="num">{m(l.principal)}</td>
                            {lease.then(|| view! { <td data-label="Tax" class="num">{m(l.tax)}</td> })}
                            <td data-label="Reference" class="ref">{l.reference.clone()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <Pager base=format!("/contracts/{id}/history") page=p.page pages=p.pages/>
    }
}
