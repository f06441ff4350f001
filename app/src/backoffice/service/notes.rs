//! Notes staff write on a customer's file: append-only (there is no way to edit or delete one),
//! each written together with its staff action, so every note has a reference and an author.

use super::super::{ActionDone, NoteLine, NoteText};
use super::actions::{customer_exists, done, record_with};
use crate::error::ServiceError;
use crate::infra::guard::CurrentStaff;
use crate::infra::AppState;

/// Adds a note to the customer's file and records the action, in one transaction.
pub async fn add_note(
    state: &AppState,
    staff: &CurrentStaff,
    customer_id: i64,
    text: &NoteText,
) -> Result<ActionDone, ServiceError> {
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    customer_exists(&mut tx, customer_id).await?;
    let note: i64 = sqlx::query_scalar(
        "INSERT INTO staff_notes (customer_id, staff_id, at, body) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(customer_id)
    .bind(staff.id)
    .bind(now)
    .bind(text.as_str())
    .fetch_one(&mut *tx)
    .await?;
    let detail = format!("note {note}");
    let id = record_with(
        &mut *tx,
        now,
        staff,
        Some(customer_id),
        None,
        "add_note",
        Some(&detail),
    )
    .await?;
    tx.commit().await?;
    Ok(done(id))
}

#[derive(sqlx::FromRow)]
struct NoteRow {
    at: i64,
    full_name: String,
    body: String,
}

/// The customer's notes, newest first.
pub async fn notes_of(state: &AppState, customer_id: i64) -> Result<Vec<NoteLine>, ServiceError> {
    let rows: Vec<NoteRow> = sqlx::query_as(
        "SELECT n.at, s.full_name, n.body FROM staff_notes n JOIN staff s ON s.id = n.staff_id \
         WHERE n.customer_id = $1 ORDER BY n.id DESC",
    )
    .bind(customer_id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| NoteLine {
            at: r.at,
            staff: r.full_name,
            text: r.body,
        })
        .collect())
}
