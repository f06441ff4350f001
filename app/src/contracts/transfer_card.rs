//! "Pay from another bank" on the contract details page: the lender's receiving account for the
//! contract's country in that country's terms (ABA routing; institution and transit; БИК, корр.
//! счёт and расчётный счёт), each value with a copy button, the contract number as the reference
//! and how long a transfer takes (seed 002).

use super::TransferInstructions;
use crate::components::format;
use crate::components::toast::CopyButton;
use crate::domain::remittance::{AccountType, TransferDetails, TRANSFER_DAYS};
use crate::i18n::{t, tf, Locale};
use leptos::prelude::*;

/// One line of the card: what it is, as shown, and what its button copies (none: nothing to type).
struct Line {
    label: String,
    shown: String,
    copied: Option<String>,
}

fn line(label: String, value: &str) -> Line {
    Line {
        label,
        shown: value.to_string(),
        copied: Some(value.to_string()),
    }
}

/// The account's lines in the order the country's payment forms ask for them.
fn account_lines(l: Locale, account: &TransferDetails) -> Vec<Line> {
    match account {
        TransferDetails::Us(a) => vec![
            line(t(l, "transfer-payee"), &a.payee),
            line(t(l, "transfer-bank"), &a.bank),
            line(t(l, "transfer-us-routing"), a.routing.as_str()),
            line(t(l, "transfer-account-number"), a.account.as_str()),
            Line {
                label: t(l, "transfer-us-account-type"),
                shown: match a.account_type {
                    AccountType::Checking => t(l, "transfer-us-checking"),
                    AccountType::Savings => t(l, "transfer-us-savings"),
                },
                copied: None,
            },
        ],
        TransferDetails::Ca(a) => vec![
            line(t(l, "transfer-payee"), &a.payee),
            line(t(l, "transfer-bank"), &a.bank),
            line(t(l, "transfer-ca-institution"), &a.institution),
            line(t(l, "transfer-ca-transit"), &a.transit),
            line(t(l, "transfer-account-number"), a.account.as_str()),
        ],
        TransferDetails::Ru(a) => vec![
            line(t(l, "transfer-payee"), &a.payee),
            line(t(l, "transfer-ru-inn"), &a.inn),
            line(t(l, "transfer-ru-kpp"), &a.kpp),
            line(t(l, "transfer-ru-bank"), &a.bank),
            line(t(l, "transfer-ru-bik"), a.bik.as_str()),
            line(t(l, "transfer-ru-corr"), a.corr_account.as_str()),
            line(t(l, "transfer-ru-account"), a.account.as_str()),
        ],
    }
}

/// The account's lines as (label, value) in `l`: what a letter prints (the payoff letter).
pub fn account_rows(l: Locale, account: &TransferDetails) -> Vec<(String, String)> {
    account_lines(l, account)
        .into_iter()
        .map(|x| (x.label, x.shown))
        .collect()
}

#[component]
pub fn TransferCard(x: TransferInstructions) -> impl IntoView {
    let l = crate::i18n::current();
    let mut lines = account_lines(l, &x.account);
    lines.push(line(t(l, "transfer-reference"), &x.reference));
    lines.push(Line {
        label: t(l, "transfer-amount-due"),
        shown: format::money(x.amount_due, &x.currency),
        copied: Some(x.amount_due.amount().to_string()),
    });
    let instructions = tf(
        l,
        "transfer-instructions",
        &[
            ("number", x.reference.clone().into()),
            ("days", TRANSFER_DAYS.into()),
        ],
    );
    view! {
        <section class="card transfer" aria-labelledby="transfer-title">
            <h2 id="transfer-title">{t(l, "transfer-title")}</h2>
            <p>{instructions}</p>
            <dl class="details">
                {lines.into_iter().map(|Line { label, shown, copied }| view! {
                    <div>
                        <dt>{label.clone()}</dt>
                        <dd>
                            <span class="copy-value">{shown}</span>
                            {copied.map(|text| view! { <CopyButton text label/> })}
                        </dd>
                    </div>
                }).collect_view()}
            </dl>
        </section>
    }
}
