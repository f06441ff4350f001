//! The dashboard card's autopay line: the contract's active autopay, its next draft and the
//! account it drafts from, masked to the last four.

use crate::error::ServiceError;
use crate::infra::Db;
use time::Date;

type BadgeRow = (
    Option<String>,
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
);

/// The contract's active autopay as the card shows it (the source masked to its last four).
pub(super) async fn autopay_badge(
    db: &Db,
    contract_id: i64,
    today: Date,
) -> Result<Option<super::AutopayBadge>, ServiceError> {
    let row: Option<BadgeRow> = sqlx::query_as(
        "SELECT a.next_due, a.days_before, s.kind, s.brand, s.account_type, s.last4 FROM autopays a \
         JOIN payment_sources s ON s.id = a.source_id WHERE a.contract_id = $1 AND a.status = 'active'",
    )
    .bind(contract_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(
        |(next_due, days_before, kind, brand, account_type, last4)| {
            let days = days_before.clamp(0, 10) as u8;
            super::AutopayBadge {
                next_draft: next_due
                    .as_deref()
                    .and_then(crate::domain::dates::parse_iso)
                    .map(|d| crate::domain::autopay::draft_date(d, days).max(today)),
                kind,
                brand,
                account_type,
                last4,
            }
        },
    ))
}
