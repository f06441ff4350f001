//! The Message Center from the lender's side: the queue and a conversation (each read recorded, like
//! every staff read), and the actions on a conversation — answer, close, assign to me, legal hold —
//! each written with its staff action (the reference shown) in one transaction.

use super::actions::{done, record, record_with};
use crate::backoffice::ActionDone;
use crate::domain::message::{MessageText, Topic};
use crate::error::ServiceError;
use crate::infra::guard::CurrentStaff;
use crate::infra::AppState;
use crate::messages::{staff as threads, QueueItem, StaffThread};

pub async fn queue_recorded(
    state: &AppState,
    staff: &CurrentStaff,
    topic: Option<Topic>,
) -> Result<Vec<QueueItem>, ServiceError> {
    let items = threads::queue(state, topic).await?;
    let detail = topic.map(|t| format!("topic {}", t.as_str()));
    record(state, staff, None, None, super::READS[3], detail.as_deref()).await?;
    Ok(items)
}

/// A file of a conversation, for a staff member to download: the read is recorded like any other.
pub async fn attachment_recorded(
    state: &AppState,
    staff: &CurrentStaff,
    id: i64,
) -> Result<(String, String, String), ServiceError> {
    let party = crate::messages::attachments::Party::Staff(staff.id);
    let (key, name, media, customer) =
        crate::messages::attachments::readable(state, party, id).await?;
    let detail = format!("attachment {id}");
    record(
        state,
        staff,
        Some(customer),
        None,
        super::READS[5],
        Some(&detail),
    )
    .await?;
    Ok((key, name, media))
}

pub async fn thread_recorded(
    state: &AppState,
    staff: &CurrentStaff,
    id: i64,
) -> Result<StaffThread, ServiceError> {
    let t = threads::thread(state, id).await?;
    let detail = format!("thread {}", t.reference);
    record(
        state,
        staff,
        Some(t.customer_id),
        None,
        super::READS[4],
        Some(&detail),
    )
    .await?;
    Ok(t)
}

/// What staff do to a conversation.
pub enum ThreadAction<'a> {
    Answer {
        text: &'a MessageText,
        files: &'a [i64],
        key: &'a str,
    },
    Close,
    AssignToMe,
    Hold(bool),
}

/// Does `action` on thread `id` and records it, in one transaction. An answer is made once per
/// form instance: the same form sent again gets the first answer's reference.
pub async fn act(
    state: &AppState,
    staff: &CurrentStaff,
    id: i64,
    action: ThreadAction<'_>,
) -> Result<ActionDone, ServiceError> {
    let mut tx = state.db.begin().await?;
    let customer = threads::customer_of(&mut tx, id).await?;
    let mut detail = format!("thread {id}");
    let name = match action {
        ThreadAction::Answer { text, files, key } => {
            detail = format!("thread {id} answer {key}");
            if crate::messages::service::answer(state, &mut tx, staff.id, id, text, files, key)
                .await?
                .is_none()
            {
                let first: i64 = sqlx::query_scalar(
                    "SELECT id FROM staff_actions WHERE action = 'answer_message' AND detail = $1",
                )
                .bind(&detail)
                .fetch_one(&mut *tx)
                .await?;
                return Ok(done(first));
            }
            "answer_message"
        }
        ThreadAction::Close => {
            threads::close(&mut tx, id).await?;
            "close_thread"
        }
        ThreadAction::AssignToMe => {
            threads::assign(&mut tx, id, staff.id).await?;
            "assign_thread"
        }
        ThreadAction::Hold(on) => {
            threads::hold(&mut tx, id, on).await?;
            if on {
                "legal_hold"
            } else {
                "legal_hold_lifted"
            }
        }
    };
    let at = state.clock.unix();
    let action = record_with(
        &mut *tx,
        at,
        staff,
        Some(customer),
        None,
        name,
        Some(&detail),
    )
    .await?;
    tx.commit().await?;
    state.outbox.wake();
    Ok(done(action))
}
