//! Attachments over HTTP, outside the server functions (whose bodies are limited to 64 KiB):
//! `POST /messages/attachments` takes one file (multipart field `file`) from a signed-in customer,
//! streamed — the size limit is enforced while reading, nothing is buffered beyond it — and
//! answers its id, saved name and size as JSON, or a typed error (413, 415, 400…);
//! `GET /messages/attachments/{id}` gives a file of the customer's own threads back, always as a
//! download. The back office's pair is `backoffice/files.rs`; both use the helpers here.

use super::attachments::{self, Chunks, Party};
use crate::domain::attachment::{FileProblem, MAX_FILE_BYTES};
use crate::error::{AppError, ServiceError};
use crate::infra::download::{customer, error};
use crate::infra::session::SessionSlot;
use crate::infra::AppState;
use axum::body::Body;
use axum::extract::multipart::{Field, MultipartError, MultipartRejection};
use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use object_store::ObjectStoreExt;

/// The largest upload request: one file at its limit and the multipart framing around it.
pub const UPLOAD_BODY_LIMIT: usize = MAX_FILE_BYTES as usize + 64 * 1024;

struct FieldChunks<'a>(Field<'a>);

impl Chunks for FieldChunks<'_> {
    async fn next_chunk(&mut self) -> Result<Option<bytes::Bytes>, AppError> {
        self.0.chunk().await.map_err(multipart_error)
    }
}

/// A body cut off at the limit is a file too large; anything else a malformed request.
fn multipart_error(e: MultipartError) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::File(FileProblem::TooLarge)
    } else {
        AppError::Transport(crate::error::Transport::Arguments)
    }
}

/// A layer on the upload routes: a request that declares a body over the limit is answered 413
/// before anything is read (or anyone looked up), like a body limit, but with the typed error.
pub async fn refuse_declared_too_large(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > UPLOAD_BODY_LIMIT as u64) {
        return error(AppError::File(FileProblem::TooLarge));
    }
    next.run(req).await
}

/// Reads the request's `file` field and stores it for `party` (other fields are ignored).
pub async fn receive(
    state: &AppState,
    party: Party,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let Ok(mut multipart) = multipart else {
        return error(AppError::Transport(crate::error::Transport::Arguments));
    };
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = field.file_name().unwrap_or_default().to_string();
                let mut chunks = FieldChunks(field);
                let stored = attachments::store(state, party, &name, &mut chunks).await;
                // Whatever is left of a refused file is read (never past the body limit) and
                // dropped, so the client is not cut off mid-send and reads the answer.
                while let Ok(Some(_)) = chunks.next_chunk().await {}
                return match stored {
                    Ok(view) => Json(view).into_response(),
                    Err(e) => error(e),
                };
            }
            Ok(Some(_)) => continue,
            Ok(None) => return error(AppError::File(FileProblem::Missing)),
            Err(e) => return error(multipart_error(e)),
        }
    }
}

/// A stored file as a download: never shown inline, never cached, never sniffed, under its
/// saved name.
pub async fn send(state: &AppState, key: &str, name: &str, media: &str) -> Response {
    let got = match state
        .files
        .store
        .get(&object_store::path::Path::from(key))
        .await
    {
        Ok(got) => got,
        Err(object_store::Error::NotFound { .. }) => return error(AppError::NotFound),
        Err(e) => return error(ServiceError::failed("reading an attachment")(e)),
    };
    let size = got.meta.size;
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, media.to_string()),
            (header::CONTENT_LENGTH, size.to_string()),
            (header::CONTENT_DISPOSITION, disposition(name)),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
        ],
        Body::from_stream(got.into_stream()),
    )
        .into_response()
}

/// `attachment; filename="<ASCII>"; filename*=UTF-8''<the name, encoded>` (RFC 6266).
pub fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded =
        percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC).to_string();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

pub async fn upload(
    State(state): State<AppState>,
    Extension(slot): Extension<SessionSlot>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    match customer(&slot) {
        Ok(me) => receive(&state, Party::Customer(me), multipart).await,
        Err(e) => error(e),
    }
}

pub async fn download(
    State(state): State<AppState>,
    Extension(slot): Extension<SessionSlot>,
    Path(id): Path<i64>,
) -> Response {
    let me = match customer(&slot) {
        Ok(me) => me,
        Err(e) => return error(e),
    };
    match attachments::readable(&state, Party::Customer(me), id).await {
        Ok((key, name, media, _)) => send(&state, &key, &name, &media).await,
        Err(e) => error(e),
    }
}
