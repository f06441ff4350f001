//! Outgoing text messages. There is no SMS gateway on this machine, so the one built-in
//! implementation is `SimulatedSms`: it records each message in the `simulated_sms` table (shown on
//! /dev/mailbox in demo mode, read by the tests) and logs a masked number. A real gateway (Twilio,
//! an operator's SMPP link) implements `SmsSender` and is chosen in `startup::build_state`.

use super::{Clock, Db};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    #[error("gateway: {0}")]
    Gateway(String),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
}

pub type SmsFuture<'a> = Pin<Box<dyn Future<Output = Result<(), SmsError>> + Send + 'a>>;

pub trait SmsSender: Send + Sync + 'static {
    /// Sends `body` to `to` (E.164, e.g. "+14165550123").
    fn send<'a>(&'a self, to: &'a str, body: &'a str) -> SmsFuture<'a>;
}

/// The simulated sender (named as such in the README): stores instead of sending. Outside demo
/// mode the stored text (which carries sign-in codes) is sealed under the data key.
pub struct SimulatedSms {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub seal_with: Option<super::crypto::DataKeys>,
}

impl SmsSender for SimulatedSms {
    fn send<'a>(&'a self, to: &'a str, body: &'a str) -> SmsFuture<'a> {
        Box::pin(async move {
            sqlx::query("INSERT INTO simulated_sms (sent_at, to_number, body) VALUES ($1, $2, $3)")
                .bind(self.clock.unix())
                .bind(to)
                .bind(match &self.seal_with {
                    Some(keys) => keys.seal(body),
                    None => body.to_owned(),
                })
                .execute(&self.db.pool)
                .await?;
            tracing::info!(to = %mask_phone(to), "simulated SMS stored (no gateway configured)");
            Ok(())
        })
    }
}

/// "+1******0123": enough to recognise your own number, not enough to learn someone else's.
pub fn mask_phone(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().collect();
    if digits.len() <= 6 {
        return "***".into();
    }
    let head: String = digits[..2].iter().collect();
    let tail: String = digits[digits.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(digits.len() - 6))
}

#[cfg(test)]
mod tests {
    #[test]
    fn masks_all_but_country_and_last_four() {
        assert_eq!(super::mask_phone("+14165550123"), "+1******0123");
        assert_eq!(super::mask_phone("123"), "***");
    }
}
