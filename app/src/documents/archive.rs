//! The statement archive: a monthly statement is drawn once — by the monthly job
//! (`mailing::issue_month`) or, for a month the job never issued, on the first download — and kept
//! in the object store with its SHA-256 (table `statements`). Every later download is those bytes,
//! checked against the digest: a statement reads the same for the whole life of the contract, closed
//! ones included, whatever happens to the data it was drawn from afterwards.
//!
//! One statement per contract, party (it is addressed to them) and language (the one they read it
//! in). The row is written before the object and marked ready after it; a download that finds a row
//! still being written draws the same statement for itself without storing it, and a row left by a
//! crash is claimed and swept, object first (`sweep_unfinished`), so a crash never leaves an orphan
//! object and a slow writer never loses its object to the sweep.

use super::periods::Period;
use super::{render, service, statement_pdf};
use crate::error::{AppError, ServiceError};
use crate::i18n::Locale;
use crate::infra::AppState;
use object_store::path::Path;
use object_store::ObjectStoreExt;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// Who issued a statement (`statements.issued_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuedBy {
    Job,
    Download,
}

impl IssuedBy {
    fn code(self) -> &'static str {
        match self {
            IssuedBy::Job => "job",
            IssuedBy::Download => "download",
        }
    }
}

/// A statement as issued.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The archive row (`None` only for a copy drawn while another request was storing it).
    pub id: Option<i64>,
    /// The contract's number, for the file name.
    pub number: String,
    pub bytes: Vec<u8>,
}

#[derive(sqlx::FromRow)]
struct Stored {
    id: i64,
    object_key: String,
    status: String,
    sha256: Option<String>,
    issued_at: i64,
}

/// How long a row may stay 'writing' before the job takes it for a crash's leftover.
pub const UNFINISHED_SECS: i64 = 600;

async fn stored(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    period: Period,
    locale: Locale,
) -> Result<Option<Stored>, ServiceError> {
    Ok(sqlx::query_as(
        "SELECT id, object_key, status, sha256, issued_at FROM statements \
         WHERE contract_id = $1 AND customer_id = $2 AND period = $3 AND language = $4",
    )
    .bind(contract_id)
    .bind(customer_id)
    .bind(period.slug())
    .bind(locale.code())
    .fetch_optional(&state.db.pool)
    .await?)
}

/// The statement of `period` for `customer_id` in `locale`: the archived bytes, or issued now and
/// archived. Not a party, or a month the contract has no statement for: `NotFound`.
pub async fn statement(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    period: Period,
    locale: Locale,
    by: IssuedBy,
) -> Result<Issued, ServiceError> {
    let number = service::statement_month(state, customer_id, contract_id, period).await?;
    // Two rounds at most: a row that appears between the read and the insert is read again.
    for _ in 0..2 {
        let Some(row) = stored(state, customer_id, contract_id, period, locale).await? else {
            if let Some(issued) = issue(state, customer_id, contract_id, period, locale, by).await?
            {
                return Ok(Issued { number, ..issued });
            }
            continue;
        };
        if row.status == "ready" {
            if let Some(bytes) = read(state, &row).await? {
                return Ok(Issued {
                    id: Some(row.id),
                    number,
                    bytes,
                });
            }
            // The object is gone (lost by the store): the statement is issued again, loudly.
            tracing::error!(statement = row.id, key = %row.object_key, "archived statement missing; issuing it again");
            sqlx::query("DELETE FROM statements WHERE id = $1 AND status = 'ready'")
                .bind(row.id)
                .execute(&state.db.pool)
                .await?;
            continue;
        }
        // Another request is storing it right now: the same statement, drawn for this one.
        let at = OffsetDateTime::from_unix_timestamp(row.issued_at)
            .map_err(ServiceError::failed("a statement's issue time"))?;
        let bytes = draw(state, customer_id, contract_id, period, locale, at).await?;
        return Ok(Issued {
            id: None,
            number,
            bytes,
        });
    }
    Err(ServiceError::Failed {
        what: "issuing a statement",
        cause: "its archive row came and went".into(),
    })
}

async fn draw(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    period: Period,
    locale: Locale,
    at: OffsetDateTime,
) -> Result<Vec<u8>, ServiceError> {
    let data = service::statement(state, customer_id, contract_id, period).await?;
    render::off_the_runtime(move || statement_pdf::render(&data, locale, at)).await
}

/// Issues and archives a statement; `None` when another request inserted its row first.
async fn issue(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    period: Period,
    locale: Locale,
    by: IssuedBy,
) -> Result<Option<Issued>, ServiceError> {
    // Whole seconds: the PDF says when it was issued, and a copy drawn from the row says the same.
    let now = state
        .clock
        .now()
        .replace_nanosecond(0)
        .unwrap_or(state.clock.now());
    let key = format!(
        "statements/{}/{contract_id}/{}.pdf",
        period.slug(),
        hex::encode(rand::random::<[u8; 16]>())
    );
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO statements (contract_id, customer_id, period, language, object_key, status, issued_at, issued_by) \
         VALUES ($1, $2, $3, $4, $5, 'writing', $6, $7) \
         ON CONFLICT (contract_id, customer_id, period, language) DO NOTHING RETURNING id",
    )
    .bind(contract_id)
    .bind(customer_id)
    .bind(period.slug())
    .bind(locale.code())
    .bind(&key)
    .bind(now.unix_timestamp())
    .bind(by.code())
    .fetch_optional(&state.db.pool)
    .await?;
    let Some(id) = id else {
        return Ok(None);
    };
    match store(
        state,
        id,
        &key,
        customer_id,
        contract_id,
        period,
        locale,
        now,
    )
    .await
    {
        Ok(bytes) => Ok(Some(Issued {
            id: Some(id),
            number: String::new(),
            bytes,
        })),
        Err(e) => {
            // Nothing half-written: the row is claimed back (unless it did become ready), its
            // object goes, then the row; whatever fails here the sweep finishes.
            if let Err(cleanup) = discard(state, id, &key).await {
                tracing::warn!(statement = id, error = %cleanup, "unfinished statement left for the sweep");
            }
            Err(e)
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn store(
    state: &AppState,
    id: i64,
    key: &str,
    customer_id: i64,
    contract_id: i64,
    period: Period,
    locale: Locale,
    now: OffsetDateTime,
) -> Result<Vec<u8>, ServiceError> {
    let bytes = draw(state, customer_id, contract_id, period, locale, now).await?;
    state
        .files
        .store
        .put(&Path::from(key), bytes.clone().into())
        .await
        .map_err(ServiceError::failed("storing a statement"))?;
    let marked = sqlx::query(
        "UPDATE statements SET status = 'ready', sha256 = $1, size_bytes = $2 WHERE id = $3 AND status = 'writing'",
    )
    .bind(hex::encode(Sha256::digest(&bytes)))
    .bind(bytes.len() as i64)
    .bind(id)
    .execute(&state.db.pool)
    .await?
    .rows_affected();
    if marked != 1 {
        // Swept as a crash's leftover while this was slow: the caller removes the object.
        return Err(ServiceError::Failed {
            what: "storing a statement",
            cause: format!("statement {id} was swept while it was being written"),
        });
    }
    Ok(bytes)
}

/// Removes an unfinished statement: claims the row ('writing' → 'sweeping', so a writer finishing
/// now cannot mark it ready), deletes its object, then the row. False when the row was not
/// unfinished (it became ready meanwhile, or is gone).
async fn discard(state: &AppState, id: i64, key: &str) -> Result<bool, ServiceError> {
    let claimed = sqlx::query(
        "UPDATE statements SET status = 'sweeping' WHERE id = $1 AND status IN ('writing', 'sweeping')",
    )
    .bind(id)
    .execute(&state.db.pool)
    .await?
    .rows_affected();
    if claimed == 0 {
        return Ok(false);
    }
    state
        .files
        .delete(key)
        .await
        .map_err(ServiceError::failed("deleting an unfinished statement"))?;
    sqlx::query("DELETE FROM statements WHERE id = $1 AND status = 'sweeping'")
        .bind(id)
        .execute(&state.db.pool)
        .await?;
    Ok(true)
}

/// A stored statement's bytes (`None` when its object is missing), refused unless they are
/// exactly what was issued.
async fn read(state: &AppState, row: &Stored) -> Result<Option<Vec<u8>>, ServiceError> {
    let got = match state
        .files
        .store
        .get(&Path::from(row.object_key.as_str()))
        .await
    {
        Ok(got) => got,
        Err(object_store::Error::NotFound { .. }) => return Ok(None),
        Err(e) => return Err(ServiceError::failed("reading an archived statement")(e)),
    };
    let bytes = got
        .bytes()
        .await
        .map_err(ServiceError::failed("reading an archived statement"))?;
    if row.sha256.as_deref() != Some(hex::encode(Sha256::digest(&bytes)).as_str()) {
        return Err(ServiceError::Failed {
            what: "reading an archived statement",
            cause: format!("statement {} does not match its digest", row.id),
        });
    }
    Ok(Some(bytes.to_vec()))
}

/// The archived bytes of statement `id` (the mailing job's read).
pub async fn bytes_of(state: &AppState, id: i64) -> Result<Vec<u8>, ServiceError> {
    let row: Stored = sqlx::query_as(
        "SELECT id, object_key, status, sha256, issued_at FROM statements WHERE id = $1 AND status = 'ready'",
    )
    .bind(id)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    read(state, &row)
        .await?
        .ok_or_else(|| ServiceError::Failed {
            what: "reading an archived statement",
            cause: format!("object {} is missing", row.object_key),
        })
}

/// Rows a crash left unfinished for longer than `UNFINISHED_SECS`: each claimed, its object
/// deleted, then the row. One that cannot be removed now is logged and left for the next sweep.
pub async fn sweep_unfinished(state: &AppState) -> Result<u64, ServiceError> {
    let old: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, object_key FROM statements WHERE status IN ('writing', 'sweeping') AND issued_at < $1 LIMIT 100",
    )
    .bind(state.clock.unix() - UNFINISHED_SECS)
    .fetch_all(&state.db.pool)
    .await?;
    let mut swept = 0;
    for (id, key) in old {
        match discard(state, id, &key).await {
            Ok(true) => swept += 1,
            Ok(false) => {}
            Err(e) => {
                tracing::warn!(statement = id, error = %e, "unfinished statement not swept yet")
            }
        }
    }
    Ok(swept)
}
