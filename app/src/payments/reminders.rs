//! Payment reminders by email: "autopay drafts … in 3 days" before each draft, and "your payment is
//! due in 5 days" for contracts without autopay. Each is sent once per (customer, contract, due
//! date, kind): the `payment_reminders` row is the claim, written with a unique key in the
//! transaction that queues the mail, so two instances or a rerun after a crash send it once.
//! Reminders honour the customer's email-notification preference (`customers.notify_email`, the
//! profile's "Email me notifications"); transactional autopay mails always go.

use super::autopay_jobs::draft_amount;
use super::autopay_rows::{AutopayRow, AUTOPAY_COLUMNS};
use super::book::book;
use super::source_label;
use super::sources::source_of;
use crate::domain::autopay::{draft_date, MAX_DAYS_BEFORE};
use crate::domain::dates::parse_iso;
use crate::emails::autopay::Details;
use crate::error::ServiceError;
use crate::i18n::format;
use crate::infra::mailer::Mail;
use crate::infra::{outbox, AppState};
use time::{Date, Duration};

/// Days before a draft that its notice goes.
pub const DRAFT_NOTICE_DAYS: i64 = 3;
/// Days before a due date that the reminder goes (contracts without autopay).
pub const DUE_REMINDER_DAYS: i64 = 5;

/// Sends the reminders whose day has come; returns how many were sent.
pub async fn send_due(state: &AppState) -> Result<usize, ServiceError> {
    Ok(draft_notices(state).await? + due_reminders(state).await?)
}

/// Records the reminder and queues its mail in one transaction; false when it was already sent.
async fn send_once(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    due: Date,
    kind: &str,
    mail: impl FnOnce(&crate::emails::Recipient) -> Mail,
) -> Result<bool, ServiceError> {
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let claimed = sqlx::query(
        "INSERT INTO payment_reminders (customer_id, contract_id, due_date, kind, sent_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (customer_id, contract_id, due_date, kind) DO NOTHING",
    )
    .bind(customer_id)
    .bind(contract_id)
    .bind(due.to_string())
    .bind(kind)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    let to = crate::emails::recipient(&mut *tx, customer_id).await?;
    outbox::enqueue(&mut tx, &mail(&to), now).await?;
    tx.commit().await?;
    state.outbox.wake();
    Ok(true)
}

async fn draft_notices(state: &AppState) -> Result<usize, ServiceError> {
    let today = state.clock.now().date();
    let horizon = today + Duration::days(i64::from(MAX_DAYS_BEFORE) + DRAFT_NOTICE_DAYS);
    let rows: Vec<AutopayRow> = sqlx::query_as(&format!(
        "SELECT {} FROM autopays a JOIN customers cu ON cu.id = a.customer_id WHERE a.status = 'active' \
         AND a.next_due IS NOT NULL AND a.next_due <= $1 AND cu.notify_email = 1 \
         AND NOT EXISTS (SELECT 1 FROM payment_reminders r WHERE r.customer_id = a.customer_id \
         AND r.contract_id = a.contract_id AND r.due_date = a.next_due AND r.kind = 'draft_soon')",
        AUTOPAY_COLUMNS
            .split(", ")
            .map(|c| format!("a.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
    .bind(horizon.to_string())
    .fetch_all(&state.db.pool)
    .await?;
    let mut sent = 0;
    for row in rows {
        let Some(due) = row.next_due() else { continue };
        let on = draft_date(due, row.days_before());
        if !(on - Duration::days(DRAFT_NOTICE_DAYS) <= today && today < on) {
            continue;
        }
        let b = book(state, row.customer_id, row.contract_id, 0).await?;
        let source = source_of(state, row.customer_id, row.source_id).await?;
        let posts_on = state.config.payment_rules.posts_on(source.kind(), on);
        let amount = draft_amount(&b, row.base(b.rec.payment), due, posts_on);
        if !amount.is_positive() {
            continue;
        }
        let mail = |to: &crate::emails::Recipient| {
            let l = to.locale();
            crate::emails::autopay::draft_soon(
                to,
                &Details {
                    contract: &b.rec.number,
                    amount: format::money(l, amount, &b.rec.currency),
                    date: format::date(l, on),
                    source: source_label(l, &source.view()),
                },
            )
        };
        if send_once(
            state,
            row.customer_id,
            row.contract_id,
            due,
            "draft_soon",
            mail,
        )
        .await?
        {
            sent += 1;
        }
    }
    Ok(sent)
}

async fn due_reminders(state: &AppState) -> Result<usize, ServiceError> {
    let today = state.clock.now().date();
    let until = today + Duration::days(DUE_REMINDER_DAYS);
    // Instalments falling due within the window, per holder who wants reminders, on contracts
    // without autopay, not yet reminded.
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT p.customer_id, s.contract_id, s.due_date FROM schedule_rows s \
         JOIN contracts c ON c.id = s.contract_id \
         JOIN contract_parties p ON p.contract_id = c.id \
         JOIN customers cu ON cu.id = p.customer_id \
         WHERE c.status = 'active' AND s.due_date > $1 AND s.due_date <= $2 AND cu.notify_email = 1 \
         AND NOT EXISTS (SELECT 1 FROM autopays a WHERE a.contract_id = c.id AND a.status = 'active') \
         AND NOT EXISTS (SELECT 1 FROM payment_reminders r WHERE r.customer_id = p.customer_id \
           AND r.contract_id = c.id AND r.due_date = s.due_date AND r.kind = 'due_soon') \
         ORDER BY s.due_date, s.contract_id, p.customer_id",
    )
    .bind(today.to_string())
    .bind(until.to_string())
    .fetch_all(&state.db.pool)
    .await?;
    let mut sent = 0;
    for (customer_id, contract_id, due) in rows {
        let Some(due) = parse_iso(&due) else { continue };
        let b = book(state, customer_id, contract_id, 0).await?;
        // Paid ahead, or already paid (in flight or scheduled): nothing to remind of.
        let owed = match b.summary.next_due {
            Some((next, _)) if next <= due => b.due_now(),
            _ => continue,
        };
        if !owed.is_positive() {
            continue;
        }
        let mail = |to: &crate::emails::Recipient| {
            let l = to.locale();
            crate::emails::autopay::due_soon(
                to,
                &Details {
                    contract: &b.rec.number,
                    amount: format::money(l, owed, &b.rec.currency),
                    date: format::date(l, due),
                    source: String::new(),
                },
            )
        };
        if send_once(state, customer_id, contract_id, due, "due_soon", mail).await? {
            sent += 1;
        }
    }
    Ok(sent)
}
