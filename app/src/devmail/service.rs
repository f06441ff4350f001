//! The demo mailbox's reads: mail the portal "sent" with no SMTP server configured, and the text
//! messages of the simulated SMS sender, newest first. NotFound unless the server runs in demo mode.

use super::{links_in, DevMail};
use crate::error::{AppError, ServiceError};
use crate::i18n::{t, Locale};
use crate::infra::AppState;

#[derive(sqlx::FromRow)]
struct MailRow {
    id: i64,
    sent_at: i64,
    to_addr: String,
    subject: String,
    body_text: String,
}

#[derive(sqlx::FromRow)]
struct SmsRow {
    id: i64,
    sent_at: i64,
    to_number: String,
    body: String,
}

pub async fn list(state: &AppState, l: Locale) -> Result<Vec<DevMail>, ServiceError> {
    if !state.config.dev_mailbox_enabled() {
        return Err(AppError::NotFound.into());
    }
    let mails: Vec<MailRow> = sqlx::query_as(
        "SELECT id, sent_at, to_addr, subject, body_text FROM dev_mailbox ORDER BY id DESC LIMIT 100",
    )
    .fetch_all(&state.db.pool)
    .await?;
    let texts: Vec<SmsRow> = sqlx::query_as(
        "SELECT id, sent_at, to_number, body FROM simulated_sms ORDER BY id DESC LIMIT 50",
    )
    .fetch_all(&state.db.pool)
    .await?;
    let mut all: Vec<DevMail> = mails
        .into_iter()
        .map(|m| DevMail {
            id: m.id,
            sent_at: m.sent_at,
            to: m.to_addr,
            subject: m.subject,
            links: links_in(&m.body_text),
            text: m.body_text,
        })
        .collect();
    all.extend(texts.into_iter().map(|s| DevMail {
        // Negative ids keep texts apart from mails.
        id: -s.id,
        sent_at: s.sent_at,
        to: s.to_number,
        subject: t(l, "devmail-sms-subject"),
        links: Vec::new(),
        text: s.body,
    }));
    all.sort_by(|a, b| b.sent_at.cmp(&a.sent_at).then(b.id.cmp(&a.id)));
    Ok(all)
}
