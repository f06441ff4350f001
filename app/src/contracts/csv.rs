//! CSV downloads of the schedule and the payment history: plain axum handlers behind the same
//! session middleware, answering 404 for contracts that are not the customer's. CSV is data: its
//! column names and status words stay English whatever the page's language.

use super::{row_status_label, txn_kind_label, txn_status_label};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::infra::session::SessionSlot;
use crate::infra::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;

fn error(e: AppError) -> Response {
    let body = serde_json::to_string(&e).unwrap_or_default();
    (
        e.status(),
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

fn csv_response(filename: String, body: String) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
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
    let Some(session) = slot.session else {
        return error(AppError::Unauthorized);
    };
    match super::service::schedule_lines(&state, session.customer_id, id).await {
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
    let Some(session) = slot.session else {
        return error(AppError::Unauthorized);
    };
    match super::service::history(&state, session.customer_id, id).await {
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
                    field(&l.description)
                ));
            }
            csv_response(format!("{}-history.csv", contract.number), out)
        }
        Err(e) => error(e),
    }
}
