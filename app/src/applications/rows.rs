//! An application as stored (`AppRow`, read with `APP_SELECT`) and how it becomes the view its
//! customer and staff see, with its events (oldest first).

use super::{ApplicationView, EventView, Outcome};
use crate::domain::application::{ApplicationKind, ApplicationStatus};
use crate::error::ServiceError;

#[derive(sqlx::FromRow)]
pub(crate) struct AppRow {
    pub id: i64,
    pub reference: String,
    pub customer_id: i64,
    pub contract_id: i64,
    pub contract_number: String,
    pub currency: String,
    pub kind: String,
    pub status: String,
    pub details: String,
    pub thread_id: Option<i64>,
    pub outcome: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub(crate) const APP_SELECT: &str =
    "SELECT a.id, a.reference, a.customer_id, a.contract_id, c.contract_number, \
    c.currency, a.kind, a.status, a.details, a.thread_id, a.outcome, a.created_at, a.updated_at \
    FROM applications a JOIN contracts c ON c.id = a.contract_id";

impl AppRow {
    pub(crate) fn kind(&self) -> Result<ApplicationKind, ServiceError> {
        ApplicationKind::parse(&self.kind)
            .ok_or_else(|| ServiceError::failed("reading an application")(self.kind.clone()))
    }

    /// The view, with its events (oldest first).
    pub(crate) async fn view(
        self,
        conn: &mut sqlx::AnyConnection,
    ) -> Result<ApplicationView, ServiceError> {
        let bad = ServiceError::failed("reading an application");
        let events: Vec<(String, Option<String>, i64)> = sqlx::query_as(
            "SELECT status, note, at FROM application_events WHERE application_id = $1 ORDER BY id",
        )
        .bind(self.id)
        .fetch_all(&mut *conn)
        .await?;
        let outcome: Option<Outcome> = match &self.outcome {
            Some(o) => Some(serde_json::from_str(o).map_err(bad)?),
            None => None,
        };
        Ok(ApplicationView {
            id: self.id,
            status: ApplicationStatus::parse(&self.status).ok_or_else(|| {
                ServiceError::failed("reading an application")(self.status.clone())
            })?,
            details: serde_json::from_str(&self.details)
                .map_err(ServiceError::failed("reading an application"))?,
            events: events
                .into_iter()
                .filter_map(|(s, note, at)| {
                    Some(EventView {
                        status: ApplicationStatus::parse(&s)?,
                        note,
                        at,
                    })
                })
                .collect(),
            outcome,
            reference: self.reference,
            contract_id: self.contract_id,
            contract_number: self.contract_number,
            currency: self.currency,
            thread_id: self.thread_id,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}
