//! Matching a link request to contract parties, and linking them — only after the device is
//! authorised. One generic failure for any mismatch; every attempt is throttled and audited.

use super::{LinkMethod, LinkOutcome, LinkRequest, ATTEMPTS_PER_HOUR};
use crate::auth::device;
use crate::domain::{CodePurpose, EventKind};
use crate::error::{AppError, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::guard::CurrentCustomer;
use crate::infra::{throttle, AppState};

fn same_name(a: &str, b: &str) -> bool {
    // Case-insensitive (Unicode), spelling-exact.
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

struct Candidate {
    party_id: i64,
    card_id: String,
    linked_to: Option<i64>,
}

/// A contract party a linking request may match.
#[derive(sqlx::FromRow)]
struct PartyRow {
    id: i64,
    first_name: String,
    last_name: String,
    customer_card_id: String,
    customer_id: Option<i64>,
    contract_id: i64,
}

async fn candidates(state: &AppState, req: &LinkRequest) -> Result<Vec<Candidate>, ServiceError> {
    let (sql, key) = match &req.method {
        LinkMethod::Vin { vin, .. } => (
            "SELECT p.id, p.first_name, p.last_name, p.customer_card_id, p.customer_id, p.contract_id FROM contract_parties p \
             JOIN contracts c ON c.id = p.contract_id WHERE c.vin = $1",
            vin.as_str().to_string(),
        ),
        LinkMethod::CustomerId(id) => (
            "SELECT p.id, p.first_name, p.last_name, p.customer_card_id, p.customer_id, p.contract_id FROM contract_parties p \
             WHERE p.customer_card_id = $1",
            id.as_str().to_string(),
        ),
    };
    let rows: Vec<PartyRow> = sqlx::query_as(sql)
        .bind(key)
        .fetch_all(&state.db.pool)
        .await?;
    let mut out = Vec::new();
    for r in rows {
        if !same_name(&r.first_name, req.first_name.as_str())
            || !same_name(&r.last_name, req.last_name.as_str())
        {
            continue;
        }
        if let LinkMethod::Vin { last_payment, .. } = &req.method {
            let amount: Option<i64> = sqlx::query_scalar(
                "SELECT amount_cents FROM transactions WHERE contract_id = $1 AND kind = 'payment' AND status = 'posted' \
                 ORDER BY effective_date DESC, id DESC LIMIT 1",
            )
            .bind(r.contract_id)
            .fetch_optional(&state.db.pool)
            .await?;
            if amount != Some(last_payment.cents()) {
                continue;
            }
        }
        out.push(Candidate {
            party_id: r.id,
            card_id: r.customer_card_id,
            linked_to: r.customer_id,
        });
    }
    // The same person's other contracts: same Customer ID and the same name.
    let mut all = Vec::new();
    for c in &out {
        let rows: Vec<(i64, String, String, Option<i64>)> = sqlx::query_as(
            "SELECT id, first_name, last_name, customer_id FROM contract_parties WHERE customer_card_id = $1",
        )
        .bind(&c.card_id)
        .fetch_all(&state.db.pool)
        .await?;
        for (id, f, l, linked_to) in rows {
            if same_name(&f, req.first_name.as_str())
                && same_name(&l, req.last_name.as_str())
                && !all.iter().any(|x: &Candidate| x.party_id == id)
            {
                all.push(Candidate {
                    party_id: id,
                    card_id: c.card_id.clone(),
                    linked_to,
                });
            }
        }
    }
    Ok(all)
}

/// Unmatched tries allowed in an hour; the next pauses linking for an hour.
const LINKING: throttle::Rule = throttle::Rule {
    allowed: ATTEMPTS_PER_HOUR,
    window: 3600,
    base_lock: 3600,
    max_lock: 3600,
};

/// The throttle's lock, as the linking pause it is.
fn paused(e: ServiceError) -> ServiceError {
    match e.refusal() {
        Some(AppError::RateLimited { retry_after_secs }) => AppError::LinkingPaused {
            retry_after_secs: *retry_after_secs,
        }
        .into(),
        _ => e,
    }
}

/// Step 1: match the details. Links at once on an authorised device; otherwise emails a code.
pub async fn request(
    state: &AppState,
    me: CurrentCustomer,
    device_token: Option<&str>,
    client: &ClientInfo,
    req: LinkRequest,
) -> Result<LinkOutcome, ServiceError> {
    let now = state.clock.unix();
    let key = throttle::key::link(me.id);
    // Counted before it is judged; a pause says what it is (sign-in is not affected).
    let attempt = throttle::begin(&state.db, &key, now, LINKING)
        .await
        .map_err(paused)?;
    let found = candidates(state, &req).await?;
    let event = |success, detail| {
        AuthEvent::new(EventKind::Link, success)
            .customer(me.id)
            .detail(detail)
    };
    if found.is_empty() {
        event(false, "no match")
            .record(&state.db, now, client)
            .await;
        if let Some(secs) = attempt.failed(&state.db, now).await? {
            return Err(AppError::LinkingPaused {
                retry_after_secs: secs as u64,
            }
            .into());
        }
        let attempts_left = (LINKING.allowed - attempt.n).max(0) as u32;
        return Err(AppError::LinkNotMatched { attempts_left }.into());
    }
    if found
        .iter()
        .any(|c| c.linked_to.is_some_and(|other| other != me.id))
    {
        event(false, "already linked to another login")
            .record(&state.db, now, client)
            .await;
        attempt.failed(&state.db, now).await?;
        return Err(AppError::Conflict(crate::error::Conflict::ContractTaken).into());
    }
    // A match clears earlier misses: linking a second contract is not held up by them.
    throttle::clear(&state.db.pool, &key).await?;
    let payload = found
        .iter()
        .map(|c| c.party_id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    if device::is_authorised(&state.db, me.id, device_token, now).await? {
        let numbers = link(state, me.id, &payload).await?;
        event(true, "linked on authorised device")
            .record(&state.db, now, client)
            .await;
        return Ok(LinkOutcome::Linked(numbers));
    }
    let masked =
        device::send_code(state, me.id, me.session_id, CodePurpose::Link, &payload).await?;
    event(true, "matched; device code sent")
        .record(&state.db, now, client)
        .await;
    Ok(LinkOutcome::CodeSent(masked))
}

/// Step 2: the emailed code authorises the device and completes the link.
pub async fn confirm(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
    code: &str,
) -> Result<(Vec<String>, String), ServiceError> {
    let now = state.clock.unix();
    let payload =
        match device::verify_code(state, me.id, me.session_id, CodePurpose::Link, code).await {
            Ok(p) => p,
            Err(e) => {
                AuthEvent::failed(EventKind::DeviceCode)
                    .customer(me.id)
                    .detail("wrong or expired code")
                    .record(&state.db, now, client)
                    .await;
                return Err(e);
            }
        };
    let token = device::remember(state, me.id, &client.user_agent).await?;
    let numbers = link(state, me.id, &payload).await?;
    AuthEvent::ok(EventKind::DeviceAuthorised)
        .customer(me.id)
        .detail("linked contracts")
        .record(&state.db, now, client)
        .await;
    Ok((numbers, token))
}

/// Links the parties in `payload` to the customer in one transaction; refuses if any was taken
/// by another login meanwhile.
async fn link(
    state: &AppState,
    customer_id: i64,
    payload: &str,
) -> Result<Vec<String>, ServiceError> {
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let mut numbers = Vec::new();
    for id in payload.split(',').filter_map(|s| s.parse::<i64>().ok()) {
        let r = sqlx::query(
            "UPDATE contract_parties SET customer_id = $1, linked_at = $2 WHERE id = $3 AND (customer_id IS NULL OR customer_id = $1)",
        )
        .bind(customer_id)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() != 1 {
            return Err(AppError::Conflict(crate::error::Conflict::ContractTaken).into());
        }
        let number: String = sqlx::query_scalar(
            "SELECT c.contract_number FROM contracts c JOIN contract_parties p ON p.contract_id = c.id WHERE p.id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        numbers.push(number);
    }
    tx.commit().await?;
    Ok(numbers)
}
