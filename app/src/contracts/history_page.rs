//! Payment history: every payment (pending, posted, returned) with where it went — fees, interest
//! (rent charge), principal (depreciation), tax — plus fees and late charges. Paginated, CSV.

use super::api::contract_history;
use super::detail_page::{print_when_shown, route_page, split_column_names, TableHeading};
use super::schedule_page::Pager;
use super::{txn_status_label, ContractKind, HistoryLine, Page, TxnCell, TxnDate};
use crate::components::alert::Tone;
use crate::components::params::route_id;
use crate::components::{format, Alert, PageSpinner};
use crate::domain::account::TxnStatus;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let l = crate::i18n::current();
    let id = route_id();
    let page = route_page();
    let data = Resource::new(
        move || (id.get(), page.get()),
        |(id, page)| contract_history(id, page),
    );
    view! {
        <Title text=t(l, "history-title")/>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <HistoryView p/> }.into_any(),
                    Err(e) => view! { <h1>{t(l, "history-title")}</h1><Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HistoryView(p: Page<HistoryLine>) -> impl IntoView {
    let l = crate::i18n::current();
    let c = p.contract.clone();
    let cur = c.currency.clone();
    let lease = c.kind == ContractKind::Lease;
    let id = c.id;
    let lang = l;
    let (interest, principal) = split_column_names(l, c.kind);
    print_when_shown();
    view! {
        <TableHeading title=t(l, "history-title") contract=c.clone() csv="history"/>
        {p.items.is_empty().then(|| view! { <p>{t(l, "history-empty")}</p> })}
        <table class="data">
            <caption>{tf(l, "history-caption", &[("total", p.total.into()), ("page", p.page.into()), ("pages", p.pages.into())])}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(l, "history-col-date")}</th>
                    <th scope="col">{t(l, "history-col-type")}</th>
                    <th scope="col">{t(l, "contracts-col-status")}</th>
                    <th scope="col" class="num">{t(l, "history-col-amount")}</th>
                    <th scope="col" class="num">{t(l, "history-col-fees")}</th>
                    <th scope="col" class="num">{interest.clone()}</th>
                    <th scope="col" class="num">{principal.clone()}</th>
                    {lease.then(|| view! { <th scope="col" class="num">{t(l, "contracts-col-tax")}</th> })}
                </tr>
            </thead>
            <tbody>
                {p.items.into_iter().map(|l| {
                    let cur = cur.clone();
                    let m = move |x| format::money(x, &cur);
                    let (interest, principal) = (interest.clone(), principal.clone());
                    let status_class = match l.status {
                        TxnStatus::Posted => "status status-ok",
                        TxnStatus::Pending => "status status-info",
                        TxnStatus::Returned => "status status-bad",
                    };
                    view! {
                        <tr>
                            <TxnDate date=l.date/>
                            <TxnCell note=l.note reference=l.reference.clone()/>
                            <td data-label=t(lang, "contracts-col-status")><span class=status_class>{txn_status_label(lang, l.status)}</span></td>
                            <td data-label=t(lang, "history-col-amount") class="num">{m(l.amount)}</td>
                            <td data-label=t(lang, "history-col-fees") class="num">{m(l.fees)}</td>
                            <td data-label=interest class="num">{m(l.interest)}</td>
                            <td data-label=principal class="num">{m(l.principal)}</td>
                            {lease.then(|| view! { <td data-label=t(lang, "contracts-col-tax") class="num">{m(l.tax)}</td> })}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <Pager base=format!("/contracts/{id}/history") page=p.page pages=p.pages/>
    }
}
