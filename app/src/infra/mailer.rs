//! Outgoing mail. `Mailer` has two implementations: `SmtpMailer` (lettre, used whenever SMTP_URL is
//! set) and `DevMailbox` (demo mode: stores each message in the database for /dev/mailbox and logs
//! that it did, without the body, since bodies carry one-time links).

use super::Db;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::future::Future;
use std::pin::Pin;

/// One message to one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address: {0}")]
    Address(String),
    #[error("smtp: {0}")]
    Smtp(String),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
}

pub type MailFuture<'a> = Pin<Box<dyn Future<Output = Result<(), MailError>> + Send + 'a>>;

pub trait Mailer: Send + Sync + 'static {
    fn send<'a>(&'a self, mail: &'a Mail) -> MailFuture<'a>;
}

/// Host, port and optional credentials parsed from `smtp://user:pass@host:port`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpTarget {
    pub host: String,
    pub port: u16,
    pub credentials: Option<(String, String)>,
}

impl SmtpTarget {
    pub fn parse(url: &str) -> Result<SmtpTarget, String> {
        let rest = url.strip_prefix("smtp://").ok_or(
            "must look like smtp://[user:password@]host:port (TLS is terminated by a local relay)",
        )?;
        let (creds, hostport) = match rest.rsplit_once('@') {
            Some((c, h)) => (Some(c), h),
            None => (None, rest),
        };
        let hostport = hostport.trim_end_matches('/');
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) => (
                h,
                p.parse::<u16>()
                    .map_err(|_| format!("port `{p}` is not a number"))?,
            ),
            None => (hostport, 25),
        };
        if host.is_empty() {
            return Err("host is missing".into());
        }
        let credentials = creds.map(|c| match c.split_once(':') {
            Some((u, p)) => (u.to_owned(), p.to_owned()),
            None => (c.to_owned(), String::new()),
        });
        Ok(SmtpTarget {
            host: host.to_owned(),
            port,
            credentials,
        })
    }
}

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    pub fn new(url: &str, from: &str) -> Result<SmtpMailer, String> {
        let target = SmtpTarget::parse(url)?;
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(target.host)
            .port(target.port)
            .timeout(Some(std::time::Duration::from_secs(20)));
        if let Some((user, pass)) = target.credentials {
            builder = builder.credentials(Credentials::new(user, pass));
        }
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| format!("MAIL_FROM: {e}"))?;
        Ok(SmtpMailer {
            transport: builder.build(),
            from,
        })
    }
}

impl Mailer for SmtpMailer {
    fn send<'a>(&'a self, mail: &'a Mail) -> MailFuture<'a> {
        Box::pin(async move {
            let to = mail
                .to
                .parse::<Mailbox>()
                .map_err(|e| MailError::Address(e.to_string()))?;
            let message = Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(mail.subject.clone())
                .multipart(
                    MultiPart::alternative()
                        .singlepart(
                            SinglePart::builder()
                                .header(ContentType::TEXT_PLAIN)
                                .body(mail.text.clone()),
                        )
                        .singlepart(
                            SinglePart::builder()
                                .header(ContentType::TEXT_HTML)
                                .body(mail.html.clone()),
                        ),
                )
                .map_err(|e| MailError::Smtp(e.to_string()))?;
            self.transport
                .send(message)
                .await
                .map_err(|e| MailError::Smtp(e.to_string()))?;
            Ok(())
        })
    }
}

/// Demo-mode mailbox: messages are kept in the `dev_mailbox` table.
pub struct DevMailbox {
    pub db: Db,
    pub clock: std::sync::Arc<dyn super::Clock>,
}

impl Mailer for DevMailbox {
    fn send<'a>(&'a self, mail: &'a Mail) -> MailFuture<'a> {
        Box::pin(async move {
            sqlx::query(
                "INSERT INTO dev_mailbox (sent_at, to_addr, subject, body_text, body_html) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(self.clock.unix())
            .bind(&mail.to)
            .bind(&mail.subject)
            .bind(&mail.text)
            .bind(&mail.html)
            .execute(&self.db.pool)
            .await?;
            tracing::info!(to = %mail.to, subject = %mail.subject, "dev mailbox: message stored, read it at /dev/mailbox");
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_smtp_urls() {
        assert_eq!(
            SmtpTarget::parse("smtp://127.0.0.1:2525").unwrap(),
            SmtpTarget {
                host: "127.0.0.1".into(),
                port: 2525,
                credentials: None
            }
        );
        let t = SmtpTarget::parse("smtp://me:s3cret@mail.local:587").unwrap();
        assert_eq!(t.credentials, Some(("me".into(), "s3cret".into())));
        assert_eq!(SmtpTarget::parse("smtp://relay").unwrap().port, 25);
        assert!(SmtpTarget::parse("http://relay").is_err());
        assert!(SmtpTarget::parse("smtp://relay:port").is_err());
        assert!(SmtpTarget::parse("smtp://:25").is_err());
    }
}
