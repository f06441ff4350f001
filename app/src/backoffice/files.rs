//! The back office's attachment routes: `POST /backoffice/attachments` (a file for a staff answer)
//! and `GET /backoffice/attachments/{id}` (any conversation's file, the read recorded). A staff
//! session only — a customer's never counts — read from its cookie; the streaming, checks and
//! download headers are the Message Center's (`messages/files.rs`).

use crate::error::AppError;
use crate::infra::download::error;
use crate::infra::guard::CurrentStaff;
use crate::infra::{session, staff_session, AppState};
use crate::messages::attachments::Party;
use crate::messages::files;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderMap};
use axum::response::Response;

/// The signed-in staff member behind the request's staff cookie (`Unauthorized` otherwise).
async fn staff(state: &AppState, headers: &HeaderMap) -> Result<CurrentStaff, AppError> {
    let name = staff_session::cookie_name(&state.config);
    let token = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| session::read_cookie(h, name));
    let Some(token) = token else {
        return Err(AppError::Unauthorized);
    };
    staff_session::lookup(&state.db, token, state.clock.unix())
        .await?
        .ok_or(AppError::Unauthorized)
}

pub async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    match staff(&state, &headers).await {
        Ok(me) => files::receive(&state, Party::Staff(me.id), multipart).await,
        Err(e) => error(e),
    }
}

pub async fn download(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Response {
    let me = match staff(&state, &headers).await {
        Ok(me) => me,
        Err(e) => return error(e),
    };
    match super::service::attachment_recorded(&state, &me, id).await {
        Ok((key, name, media)) => files::send(&state, &key, &name, &media).await,
        Err(e) => error(e),
    }
}
