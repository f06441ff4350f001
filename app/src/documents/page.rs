//! /documents: per contract, the monthly statements (newest first; the latest six, then "show
//! all") and the letters, each a direct PDF download in the page's language.

use super::api::my_documents;
use super::periods::Period;
use super::{letter_href, statement_href, ContractDocuments, Letter, LetterKind};
use crate::components::alert::Tone;
use crate::components::{format, Alert, PageSpinner};
use crate::contracts::ContractKind;
use crate::i18n::{format as fmt, t, tf};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// Statements shown before "show all".
const FIRST_SHOWN: usize = 6;

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let l = crate::i18n::current();
    let docs = Resource::new(|| (), |_| my_documents());
    // A saved link to a file this login cannot open (`infra/download.rs` `for_browsers`).
    let missing = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("missing")
        .is_some();
    view! {
        <Title text=t(l, "documents-title")/>
        <h1>{t(l, "documents-title")}</h1>
        {missing.then(|| view! { <Alert tone=Tone::Info>{t(l, "documents-missing")}</Alert> })}
        <p class="hint">{t(l, "documents-intro")}</p>
        <Suspense fallback=|| view! { <PageSpinner/> }>
            {move || Suspend::new(async move {
                match docs.await {
                    Ok(list) if list.is_empty() => view! {
                        <section class="card">
                            <p>{t(l, "documents-none")}</p>
                            <A href="/link" attr:class="btn btn-primary btn-inline">{t(l, "documents-link-contract")}</A>
                        </section>
                    }.into_any(),
                    Ok(list) => view! {
                        <div class="doc-contracts">
                            {list.into_iter().map(|c| view! { <ContractDocs c/> }).collect_view()}
                        </div>
                        <p class="aside">{t(l, "documents-kept")}" "{t(l, "documents-issued-note")}</p>
                    }.into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ContractDocs(c: ContractDocuments) -> impl IntoView {
    let l = crate::i18n::current();
    let title_id = format!("docs-{}-title", c.contract_id);
    let labelled_by = title_id.clone();
    let list_id = format!("docs-{}-statements", c.contract_id);
    let id = c.contract_id;
    let total = c.statements.len();
    let show_all = RwSignal::new(false);
    let statements = c.statements.clone();
    let kind = c.kind;
    view! {
        <section class="card doc-card" aria-labelledby=labelled_by>
            <h2 id=title_id>{tf(l, "contracts-vehicle-and-number", &[("vehicle", c.vehicle.clone().into()), ("number", c.number.clone().into())])}</h2>
            <h3>{t(l, "documents-statements")}</h3>
            {(total == 0).then(|| view! { <p class="hint">{t(l, "documents-no-statements")}</p> })}
            <ul class="doc-list" id=list_id.clone()>
                {move || {
                    let shown = if show_all.get() { total } else { FIRST_SHOWN.min(total) };
                    statements[..shown].iter().map(|p| view! { <StatementLink id p=*p/> }).collect_view()
                }}
            </ul>
            {(total > FIRST_SHOWN).then(|| view! {
                <button type="button" class="btn btn-quiet" aria-controls=list_id.clone()
                    aria-expanded=move || show_all.get().to_string()
                    on:click=move |_| show_all.update(|v| *v = !*v)>
                    {move || if show_all.get() { t(l, "documents-show-fewer") } else { tf(l, "documents-show-all", &[("n", total.into())]) }}
                </button>
            })}
            <h3>{t(l, "documents-letters")}</h3>
            {c.letters.is_empty().then(|| view! { <p class="hint">{t(l, "documents-no-letters")}</p> })}
            <ul class="doc-list">
                {c.letters.into_iter().map(|letter| view! { <LetterLink id kind letter/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn StatementLink(id: i64, p: Period) -> impl IntoView {
    let l = crate::i18n::current();
    let month = fmt::month_year(l, p.year, p.month);
    view! {
        <li>
            <a href=statement_href(id, p) download="">
                {tf(l, "documents-statement-link", &[("month", month.into())])}
            </a>
            <span class="badge">{t(l, "documents-pdf")}</span>
        </li>
    }
}

#[component]
fn LetterLink(id: i64, kind: ContractKind, letter: Letter) -> impl IntoView {
    let l = crate::i18n::current();
    let name = letter_name(l, letter.kind, kind);
    view! {
        <li>
            <a href=letter_href(id, letter.kind) download="">{name}</a>
            <span class="badge">{t(l, "documents-pdf")}</span>
            <span class="hint">" "{letter_hint(l, letter)}</span>
        </li>
    }
}

/// A letter's name: a lease is "completed" where a loan is "paid in full".
pub fn letter_name(l: crate::i18n::Locale, letter: LetterKind, kind: ContractKind) -> String {
    match (letter, kind) {
        (LetterKind::PaidInFull, ContractKind::Lease) => t(l, "documents-letter-lease-completed"),
        (LetterKind::PaidInFull, ContractKind::Loan) => t(l, "documents-letter-paid-in-full"),
        (LetterKind::LienRelease, _) => t(l, "documents-letter-lien-release"),
        (LetterKind::TitleRelease, _) => t(l, "documents-letter-title-release"),
        (LetterKind::InterestPaid(year), _) => {
            tf(l, "documents-letter-interest", &[("year", year.into())])
        }
        (LetterKind::BalanceConfirmation, _) => t(l, "documents-letter-balance"),
    }
}

/// What a letter's date means, beside its name.
pub fn letter_hint(l: crate::i18n::Locale, letter: Letter) -> String {
    let date = format::date(letter.date);
    match letter.kind {
        LetterKind::PaidInFull | LetterKind::LienRelease | LetterKind::TitleRelease => {
            tf(l, "documents-letter-closed-on", &[("date", date.into())])
        }
        LetterKind::InterestPaid(_) => t(l, "documents-letter-for-taxes"),
        LetterKind::BalanceConfirmation => {
            tf(l, "documents-letter-as-of", &[("date", date.into())])
        }
    }
}
