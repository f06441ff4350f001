//! Outgoing mail. `Mailer` has two implementations: `SmtpMailer` (lettre, used whenever SMTP_URL is
//! set) and `DevMailbox` (demo mode: stores each message in the database for /dev/mailbox and logs
//! that it did, without the body, since bodies carry one-time links).

use super::Db;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
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

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// `smtp://` — no TLS (production allows it only to a relay on this machine).
    Plain,
    /// `smtp+starttls://` — STARTTLS is required before anything is sent (port 587).
    StartTls,
    /// `smtps://` — TLS from the first byte (port 465).
    Implicit,
}

/// Host, port, protection and optional credentials parsed from `SMTP_URL`:
/// `smtp://`, `smtp+starttls://` or `smtps://` then `[user:password@]host[:port]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpTarget {
    pub security: SmtpSecurity,
    pub host: String,
    pub port: u16,
    pub credentials: Option<(String, String)>,
}

impl SmtpTarget {
    pub fn parse(url: &str) -> Result<SmtpTarget, String> {
        let (security, rest, default_port) = if let Some(r) = url.strip_prefix("smtps://") {
            (SmtpSecurity::Implicit, r, 465)
        } else if let Some(r) = url.strip_prefix("smtp+starttls://") {
            (SmtpSecurity::StartTls, r, 587)
        } else if let Some(r) = url.strip_prefix("smtp://") {
            (SmtpSecurity::Plain, r, 25)
        } else {
            return Err(
                "must look like smtps://, smtp+starttls:// or smtp:// then [user:password@]host:port"
                    .into(),
            );
        };
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
            None => (hostport, default_port),
        };
        if host.is_empty() {
            return Err("host is missing".into());
        }
        let credentials = creds.map(|c| match c.split_once(':') {
            Some((u, p)) => (u.to_owned(), p.to_owned()),
            None => (c.to_owned(), String::new()),
        });
        Ok(SmtpTarget {
            security,
            host: host.to_owned(),
            port,
            credentials,
        })
    }

    /// A relay on this machine (plain SMTP to it never crosses a network).
    pub fn is_loopback(&self) -> bool {
        let host = self.host.trim_start_matches('[').trim_end_matches(']');
        host == "localhost"
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }
}

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    /// `ca_pem`: extra trusted root certificates (`SMTP_CA_FILE`, e.g. a private CA), on top of
    /// the public web roots.
    pub fn new(url: &str, from: &str, ca_pem: Option<&[u8]>) -> Result<SmtpMailer, String> {
        let target = SmtpTarget::parse(url)?;
        let tls = || -> Result<TlsParameters, String> {
            let mut params = TlsParameters::builder(target.host.clone());
            if let Some(pem) = ca_pem {
                let cert = Certificate::from_pem(pem).map_err(|e| format!("SMTP_CA_FILE: {e}"))?;
                params = params.add_root_certificate(cert);
            }
            params.build_rustls().map_err(|e| format!("SMTP TLS: {e}"))
        };
        let mut builder =
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(target.host.clone())
                .port(target.port)
                .timeout(Some(std::time::Duration::from_secs(20)));
        builder = match target.security {
            SmtpSecurity::Plain => builder,
            SmtpSecurity::StartTls => builder.tls(Tls::Required(tls()?)),
            SmtpSecurity::Implicit => builder.tls(Tls::Wrapper(tls()?)),
        };
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
                security: SmtpSecurity::Plain,
                host: "127.0.0.1".into(),
                port: 2525,
                credentials: None
            }
        );
        let s = SmtpTarget::parse("smtps://mail.example.com").unwrap();
        assert_eq!((s.security, s.port), (SmtpSecurity::Implicit, 465));
        let s = SmtpTarget::parse("smtp+starttls://u:p@mail.example.com").unwrap();
        assert_eq!((s.security, s.port), (SmtpSecurity::StartTls, 587));
        assert!(!s.is_loopback());
        assert!(SmtpTarget::parse("smtp://localhost:25")
            .unwrap()
            .is_loopback());
        assert!(SmtpTarget::parse("smtp://[::1]:25").unwrap().is_loopback());
        let t = SmtpTarget::parse("smtp://me:s3cret@mail.local:587").unwrap();
        assert_eq!(t.credentials, Some(("me".into(), "s3cret".into())));
        assert_eq!(SmtpTarget::parse("smtp://relay").unwrap().port, 25);
        assert!(SmtpTarget::parse("http://relay").is_err());
        assert!(SmtpTarget::parse("smtp://relay:port").is_err());
        assert!(SmtpTarget::parse("smtp://:25").is_err());
    }
}
