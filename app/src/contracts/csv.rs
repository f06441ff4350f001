//! CSV downloads of the schedule and the payment history: plain axum handlers behind the same
//! session rules as every download (`infra::download`), answering 404 for contracts that are not the customer's. CSV is data: its
//! column names and status words stay English whatever the page's language.

use super::{row_status_label, txn_kind_label, txn_status_label};
use crate::i18n::{t, Locale};
use crate::infra::download::{attachment, customer, error};
use crate::infra::session::SessionSlot;
use crate::infra::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Extension;

fn csv_response(filename: String, body: String) -> Response {
    attachment("text/csv; charset=utf-8", &filename, body.into_bytes())
}

/// Quotes a field when it needs it (RFC 4180) and defuses spreadsheet formulas.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

pub async fn schedule_csv(
    State(state): State<AppState>,
    Extension(slot): Extension<SessionSlot>,
    Path(id): Path<i64>,
) -> Response {
    let customer_id = match customer(&slot) {
        Ok(id) => id,
        Err(e) => return error(e),
    };
    match super::service::schedule_lines(&state, customer_id, id).await {
        Ok((contract, lines)) => {
            let mut out = String::from("number,due_date,payment,interest_or_rent,principal_or_depreciation,tax,balance_after,status\n");
            for l in lines {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{}\n",
                    l.number,
                    l.due_date,
                    l.payment,
                    l.interest,
                    l.principal,
                    l.tax,
                    l.balance,
                    field(&row_status_label(Locale::En, l.status))
                ));
            }
            csv_response(format!("{}-schedule.csv", contract.number), out)
        }
        Err(e) => error(e),
    }
}

pub async fn history_csv(
    State(state): State<AppState>,
    Extension(slot): Extension<SessionSlot>,
    Path(id): Path<i64>,
) -> Response {
    let customer_id = match customer(&slot) {
        Ok(id) => id,
        Err(e) => return error(e),
    };
    match super::service::history(&state, customer_id, id).await {
        Ok((contract, lines)) => {
            let mut out = String::from("date,type,status,amount,fees,interest_or_rent,principal_or_depreciation,tax,excess,reference,description\n");
            for l in lines {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{},{},{}\n",
                    l.date,
                    field(&txn_kind_label(Locale::En, l.kind)),
                    field(&txn_status_label(Locale::En, l.status)),
                    l.amount,
                    l.fees,
                    l.interest,
                    l.principal,
                    l.tax,
                    l.excess,
                    field(&l.reference),
                    field(&t(Locale::En, &l.note.label_key()))
                ));
            }
            csv_response(format!("{}-history.csv", contract.number), out)
        }
        Err(e) => error(e),
    }
}
