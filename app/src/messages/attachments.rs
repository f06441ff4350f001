//! Message attachments: storing an upload, tying uploads to the message they are sent with, listing
//! a thread's files, and deleting them with their messages. An upload's row is written before its
//! object ('uploading'), marked 'ready' once the object is complete and checked, and tied to a
//! message when the message is sent; whatever fails on the way is removed before the answer, and a
//! row left behind by a crash (or never sent) is swept by `purge_files`, object first, so no
//! object is ever kept without its row. The HTTP side is `files.rs`.

use super::AttachmentView;
use crate::domain::attachment::{
    sanitise_name, FileKind, FileProblem, MAX_FILES, MAX_FILE_BYTES, MAX_TOTAL_BYTES,
};
use crate::error::{AppError, ServiceError};
use crate::infra::AppState;
use object_store::path::Path;
use object_store::{ObjectStoreExt, WriteMultipart};

/// An upload left unsent this long is swept.
pub const UNSENT_SECS: i64 = 86_400;
/// Bytes read before the content is sniffed (a HEIC photo's `ftyp` box, the longest header
/// looked at, is well within it).
const SNIFF_BYTES: usize = 512;
/// Part size of a streamed upload (S3's smallest part is 5 MiB).
const PART_BYTES: usize = 5 * 1024 * 1024;
/// Files one person may upload in a day: ten full messages' worth and more, while a script
/// cannot fill the store (unsent uploads are swept after a day).
pub const UPLOADS_PER_DAY: i64 = 40;

/// Who uploads or reads a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Customer(i64),
    Staff(i64),
}

impl Party {
    fn key(self) -> String {
        match self {
            Party::Customer(id) => format!("customer:{id}"),
            Party::Staff(id) => format!("staff:{id}"),
        }
    }

    fn column(self) -> (&'static str, i64) {
        match self {
            Party::Customer(id) => ("customer_id", id),
            Party::Staff(id) => ("staff_id", id),
        }
    }
}

/// A source of an upload's bytes, chunk by chunk (the multipart field in `files.rs`).
pub trait Chunks {
    fn next_chunk(
        &mut self,
    ) -> impl std::future::Future<Output = Result<Option<bytes::Bytes>, AppError>> + Send;
}

/// Stores one uploaded file named `raw_name` by `party`: its name must say an accepted kind, its
/// content must be that kind (sniffed from its first bytes before anything is stored), and it is
/// read only up to `MAX_FILE_BYTES`; at most `UPLOADS_PER_DAY` a person. Nothing is kept when a
/// check fails.
pub async fn store(
    state: &AppState,
    party: Party,
    raw_name: &str,
    chunks: &mut impl Chunks,
) -> Result<AttachmentView, ServiceError> {
    let claimed = FileKind::from_name(raw_name).ok_or(AppError::File(FileProblem::Kind))?;
    crate::infra::throttle::hit(
        &state.db,
        &crate::infra::throttle::key::upload(&party.key()),
        state.clock.unix(),
        UPLOADS_PER_DAY,
        UNSENT_SECS,
    )
    .await?;
    let name = sanitise_name(raw_name, claimed);
    // The head, sniffed before anything is written anywhere.
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    while head.len() < SNIFF_BYTES {
        match chunks.next_chunk().await? {
            Some(c) => head.extend_from_slice(&c),
            None => break,
        }
    }
    if head.is_empty() {
        return Err(AppError::File(FileProblem::Empty).into());
    }
    let content = sniff(&head).ok_or(AppError::File(FileProblem::Kind))?;
    if content != claimed {
        let problem = FileProblem::Mismatch {
            content,
            name: claimed,
        };
        return Err(AppError::File(problem).into());
    }
    let (column, who) = party.column();
    let key = crate::infra::files::new_key(state.clock.now());
    let id: i64 = sqlx::query_scalar(&format!(
        "INSERT INTO message_attachments (object_key, file_name, content_type, status, {column}, \
         uploaded_at) VALUES ($1, $2, $3, 'uploading', $4, $5) RETURNING id"
    ))
    .bind(&key)
    .bind(&name)
    .bind(content.media_type())
    .bind(who)
    .bind(state.clock.unix())
    .fetch_one(&state.db.pool)
    .await?;
    let size = match write(state, &key, head, chunks).await {
        Ok(size) => size,
        Err(e) => {
            // The object was never completed (aborted); the row goes now (or with the sweep).
            let _ = sqlx::query("DELETE FROM message_attachments WHERE id = $1")
                .bind(id)
                .execute(&state.db.pool)
                .await;
            return Err(e);
        }
    };
    sqlx::query("UPDATE message_attachments SET status = 'ready', size_bytes = $1 WHERE id = $2")
        .bind(size as i64)
        .bind(id)
        .execute(&state.db.pool)
        .await?;
    Ok(AttachmentView { id, name, size })
}

/// Streams the object: `head`, then the rest, stopping (and aborting the upload, so nothing is
/// stored) at the first byte past `MAX_FILE_BYTES`. Returns its size.
async fn write(
    state: &AppState,
    key: &str,
    head: Vec<u8>,
    chunks: &mut impl Chunks,
) -> Result<u64, ServiceError> {
    if head.len() as u64 > MAX_FILE_BYTES {
        return Err(AppError::File(FileProblem::TooLarge).into());
    }
    let upload = state
        .files
        .store
        .put_multipart(&Path::from(key))
        .await
        .map_err(ServiceError::failed("starting an upload"))?;
    let mut out = WriteMultipart::new_with_chunk_size(upload, PART_BYTES);
    let mut size = head.len() as u64;
    out.write(&head);
    let problem = loop {
        match chunks.next_chunk().await {
            Ok(Some(c)) => {
                size += c.len() as u64;
                if size > MAX_FILE_BYTES {
                    break AppError::File(FileProblem::TooLarge).into();
                }
                if let Err(e) = out.wait_for_capacity(2).await {
                    break ServiceError::failed("storing an upload")(e);
                }
                out.put(c);
            }
            Ok(None) => {
                out.finish()
                    .await
                    .map_err(ServiceError::failed("finishing an upload"))?;
                return Ok(size);
            }
            Err(e) => break e.into(),
        }
    };
    let _ = out.abort().await;
    Err(problem)
}

/// Ties the uploads `ids` (the sender's own, ready, not yet sent) to message `message_id`, in the
/// message's transaction: at most `MAX_FILES`, `MAX_TOTAL_BYTES` together.
pub async fn attach(
    tx: &mut sqlx::AnyConnection,
    party: Party,
    message_id: i64,
    ids: &[i64],
) -> Result<(), ServiceError> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    if ids.len() > MAX_FILES {
        return Err(AppError::File(FileProblem::TooMany).into());
    }
    let (column, who) = party.column();
    let list = (0..ids.len())
        .map(|i| format!("${}", i + 2))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT size_bytes FROM message_attachments WHERE {column} = $1 AND id IN ({list}) \
         AND message_id IS NULL AND status = 'ready'"
    );
    let mut q = sqlx::query_scalar::<_, i64>(&sql).bind(who);
    for id in &ids {
        q = q.bind(*id);
    }
    let sizes = q.fetch_all(&mut *tx).await?;
    if sizes.len() != ids.len() {
        return Err(AppError::File(FileProblem::Unavailable).into());
    }
    if sizes.iter().sum::<i64>() as u64 > MAX_TOTAL_BYTES {
        return Err(AppError::File(FileProblem::TooMuchTogether).into());
    }
    let sql = format!(
        "UPDATE message_attachments SET message_id = $1 WHERE id IN ({list}) AND message_id IS NULL"
    );
    let mut q = sqlx::query(&sql).bind(message_id);
    for id in &ids {
        q = q.bind(*id);
    }
    q.execute(&mut *tx).await?;
    Ok(())
}

/// The files of thread `thread_id`'s messages, by message id.
pub async fn of_thread(
    db: &crate::infra::Db,
    thread_id: i64,
) -> Result<Vec<(i64, AttachmentView)>, ServiceError> {
    let rows: Vec<(i64, i64, String, i64)> = sqlx::query_as(
        "SELECT a.message_id, a.id, a.file_name, a.size_bytes FROM message_attachments a \
         JOIN messages m ON m.id = a.message_id WHERE m.thread_id = $1 ORDER BY a.id",
    )
    .bind(thread_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(message, id, name, size)| {
            let size = size as u64;
            (message, AttachmentView { id, name, size })
        })
        .collect())
}

/// The files of message `message` among a thread's (`of_thread`).
pub fn of_message(all: &[(i64, AttachmentView)], message: i64) -> Vec<AttachmentView> {
    all.iter()
        .filter(|(m, _)| *m == message)
        .map(|(_, a)| a.clone())
        .collect()
}

/// A sent file `party` may read — a customer their own threads' files, staff any — as its object
/// key, name, media type and customer (not found otherwise).
pub async fn readable(
    state: &AppState,
    party: Party,
    id: i64,
) -> Result<(String, String, String, i64), ServiceError> {
    let row: Option<(String, String, String, i64)> = sqlx::query_as(
        "SELECT a.object_key, a.file_name, a.content_type, t.customer_id FROM message_attachments a \
         JOIN messages m ON m.id = a.message_id JOIN message_threads t ON t.id = m.thread_id \
         WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(&state.db.pool)
    .await?;
    match (row, party) {
        (Some(r), Party::Customer(me)) if r.3 == me => Ok(r),
        (Some(r), Party::Staff(_)) => Ok(r),
        _ => Err(AppError::NotFound.into()),
    }
}

/// In the purge's transaction: the files of the messages about to go, and uploads never sent
/// within `UNSENT_SECS`, are marked for deletion (their objects go after the commit).
pub async fn mark_expired(
    tx: &mut sqlx::AnyConnection,
    cutoff: i64,
    now: i64,
) -> Result<(), ServiceError> {
    sqlx::query(
        "UPDATE message_attachments SET status = 'deleting', message_id = NULL WHERE message_id IN \
         (SELECT m.id FROM messages m JOIN message_threads t ON t.id = m.thread_id \
          WHERE m.sent_at <= $1 AND t.legal_hold = 0)",
    )
    .bind(cutoff)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE message_attachments SET status = 'deleting' WHERE message_id IS NULL \
         AND status <> 'deleting' AND uploaded_at <= $1",
    )
    .bind(now - UNSENT_SECS)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Deletes the objects marked for deletion, then their rows (a row goes only once its object is
/// gone, so a crash in between is finished by the next run). Returns how many went.
pub async fn purge_files(state: &AppState) -> Result<u64, ServiceError> {
    let mut gone = 0;
    loop {
        let batch: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, object_key FROM message_attachments WHERE status = 'deleting' \
             ORDER BY id LIMIT 200",
        )
        .fetch_all(&state.db.pool)
        .await?;
        if batch.is_empty() {
            return Ok(gone);
        }
        for (id, key) in batch {
            state
                .files
                .delete(&key)
                .await
                .map_err(ServiceError::failed("deleting an attachment"))?;
            sqlx::query("DELETE FROM message_attachments WHERE id = $1")
                .bind(id)
                .execute(&state.db.pool)
                .await?;
            gone += 1;
        }
    }
}

/// What a file's first bytes say it is, when it is a kind the portal takes (the name only claims).
pub fn sniff(head: &[u8]) -> Option<FileKind> {
    infer::get(head).and_then(|t| FileKind::from_media_type(t.mime_type()))
}
