//! The two long tables of a contract as staff see it: every schedule row with its status, and
//! every transaction with where its money went (fees, interest or rent charge, principal or
//! depreciation, tax, excess), its status and reference. Cells carry `data-label`, so at phone
//! width each row becomes a labelled card, as on the customer's pages.

use crate::components::format;
use crate::contracts::detail_page::split_column_names;
use crate::contracts::schedule_page::status_class;
use crate::contracts::{
    row_status_label, txn_status_label, ContractKind, HistoryLine, ScheduleLine, TxnCell, TxnDate,
};
use crate::domain::account::{RowStatus, TxnStatus};
use crate::i18n::{t, tf};
use leptos::prelude::*;

/// Every instalment of the contract.
#[component]
pub fn ScheduleTable(
    rows: Vec<ScheduleLine>,
    kind: ContractKind,
    currency: String,
) -> impl IntoView {
    let l = crate::i18n::current();
    let lease = kind == ContractKind::Lease;
    let (interest, principal) = split_column_names(l, kind);
    let total = rows.len();
    view! {
        <table class="data" data-testid="bo-schedule">
            <caption>{tf(l, "bo-contract-schedule-caption", &[("total", total.into())])}</caption>
            <thead><tr>
                <th scope="col">{t(l, "schedule-col-number")}</th>
                <th scope="col">{t(l, "schedule-col-due-date")}</th>
                <th scope="col" class="num">{t(l, "schedule-col-payment")}</th>
                <th scope="col" class="num">{interest.clone()}</th>
                <th scope="col" class="num">{principal.clone()}</th>
                {lease.then(|| view! { <th scope="col" class="num">{t(l, "contracts-col-tax")}</th> })}
                <th scope="col" class="num">{t(l, "schedule-col-balance-after")}</th>
                <th scope="col">{t(l, "contracts-col-status")}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|r| {
                    let cur = currency.clone();
                    let m = move |x| format::money(x, &cur);
                    view! {
                        <tr class:row-past-due=r.status == RowStatus::PastDue>
                            <td data-label=t(l, "schedule-col-number")>{r.number}</td>
                            <td data-label=t(l, "schedule-col-due-date")>{format::date(r.due_date)}</td>
                            <td data-label=t(l, "schedule-col-payment") class="num">{m(r.payment)}</td>
                            <td data-label=interest.clone() class="num">{m(r.interest)}</td>
                            <td data-label=principal.clone() class="num">{m(r.principal)}</td>
                            {lease.then(|| view! { <td data-label=t(l, "contracts-col-tax") class="num">{m(r.tax)}</td> })}
                            <td data-label=t(l, "schedule-col-balance-after") class="num">{m(r.balance)}</td>
                            <td data-label=t(l, "contracts-col-status")><span class=status_class(r.status)>{row_status_label(l, r.status)}</span></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Every transaction, newest first, with its allocation.
#[component]
pub fn HistoryTable(rows: Vec<HistoryLine>, kind: ContractKind, currency: String) -> impl IntoView {
    let l = crate::i18n::current();
    let (interest, principal) = split_column_names(l, kind);
    let total = rows.len();
    view! {
        {rows.is_empty().then(|| view! { <p class="hint">{t(l, "history-empty")}</p> })}
        <table class="data" data-testid="bo-history">
            <caption>{tf(l, "bo-contract-history-caption", &[("total", total.into())])}</caption>
            <thead><tr>
                <th scope="col">{t(l, "history-col-date")}</th>
                <th scope="col">{t(l, "history-col-type")}</th>
                <th scope="col">{t(l, "contracts-col-status")}</th>
                <th scope="col" class="num">{t(l, "history-col-amount")}</th>
                <th scope="col" class="num">{t(l, "history-col-fees")}</th>
                <th scope="col" class="num">{interest.clone()}</th>
                <th scope="col" class="num">{principal.clone()}</th>
                <th scope="col" class="num">{t(l, "contracts-col-tax")}</th>
                <th scope="col" class="num">{t(l, "bo-col-excess")}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|r| {
                    let cur = currency.clone();
                    let m = move |x| format::money(x, &cur);
                    let class = match r.status {
                        TxnStatus::Posted => "status status-ok",
                        TxnStatus::Pending => "status status-info",
                        TxnStatus::Returned => "status status-bad",
                    };
                    view! {
                        <tr>
                            <TxnDate date=r.date/>
                            <TxnCell note=r.note reference=r.reference.clone()/>
                            <td data-label=t(l, "contracts-col-status")><span class=class>{txn_status_label(l, r.status)}</span></td>
                            <td data-label=t(l, "history-col-amount") class="num">{m(r.amount)}</td>
                            <td data-label=t(l, "history-col-fees") class="num">{m(r.fees)}</td>
                            <td data-label=interest.clone() class="num">{m(r.interest)}</td>
                            <td data-label=principal.clone() class="num">{m(r.principal)}</td>
                            <td data-label=t(l, "contracts-col-tax") class="num">{m(r.tax)}</td>
                            <td data-label=t(l, "bo-col-excess") class="num">{m(r.excess)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
