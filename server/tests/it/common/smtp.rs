//! A real SMTP server on loopback for tests: speaks enough of RFC 5321 for lettre (EHLO, MAIL,
//! RCPT, DATA, RSET, NOOP, QUIT, and STARTTLS or implicit TLS with a certificate it makes) and
//! keeps every message it receives.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

pub use super::mail::Mail;

#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub data: String,
}

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    messages: Arc<Mutex<Vec<Received>>>,
    pub tls: SinkTls,
    /// The self-signed certificate a client must trust (TLS sinks).
    pub ca_pem: Option<String>,
}

impl Default for SmtpSink {
    fn default() -> Self {
        SmtpSink {
            port: 0,
            messages: Default::default(),
            tls: SinkTls::Plain,
            ca_pem: None,
        }
    }
}

fn tls_acceptor() -> (tokio_rustls::TlsAcceptor, String) {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let pem = cert.cert.pem();
    let key =
        tokio_rustls::rustls::pki_types::PrivateKeyDer::Pkcs8(cert.key_pair.serialize_der().into());
    let config = tokio_rustls::rustls::ServerConfig::builder_with_provider(std::sync::Arc::new(
        tokio_rustls::rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert.cert.der().clone()], key)
    .unwrap();
    (tokio_rustls::TlsAcceptor::from(Arc::new(config)), pem)
}

/// One SMTP dialogue over `io`. Returns the raw stream when the client asked for STARTTLS (and it
/// was offered), `None` when the dialogue ended.
async fn dialogue(
    io: Box<dyn Io>,
    greet: bool,
    offer_starttls: bool,
    store: &Arc<Mutex<Vec<Received>>>,
) -> Option<Box<dyn Io>> {
    let (r, mut w) = tokio::io::split(io);
    let mut lines = BufReader::new(r);
    if greet {
        let _ = w.write_all(b"220 sink.test ESMTP ready\r\n").await;
    }
    let mut to = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
            return None;
        }
        let upper = line.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") {
            if offer_starttls {
                b"250-sink.test\r\n250-STARTTLS\r\n250 8BITMIME\r\n"
            } else {
                b"250-sink.test\r\n250 8BITMIME\r\n"
            }
        } else if upper.starts_with("STARTTLS") && offer_starttls {
            let _ = w.write_all(b"220 go ahead\r\n").await;
            return Some(Box::new(lines.into_inner().unsplit(w)));
        } else if upper.starts_with("HELO")
            || upper.starts_with("MAIL FROM")
            || upper.starts_with("NOOP")
        {
            b"250 OK\r\n"
        } else if upper.starts_with("RSET") {
            to.clear();
            b"250 OK\r\n"
        } else if upper.starts_with("RCPT TO") {
            let addr = line[8..]
                .trim()
                .trim_start_matches(':')
                .trim()
                .trim_matches(['<', '>'])
                .to_string();
            to.push(addr);
            b"250 OK\r\n"
        } else if upper.starts_with("DATA") {
            let _ = w.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await;
            let mut data = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                    return None;
                }
                if line == ".\r\n" {
                    break;
                }
                data.push_str(
                    line.strip_prefix('.')
                        .filter(|_| line.starts_with(".."))
                        .unwrap_or(&line),
                );
            }
            store.lock().unwrap().push(Received {
                to: std::mem::take(&mut to),
                data,
            });
            b"250 OK queued\r\n"
        } else if upper.starts_with("QUIT") {
            let _ = w.write_all(b"221 bye\r\n").await;
            return None;
        } else {
            b"502 not implemented\r\n"
        };
        let _ = w.write_all(reply).await;
    }
}

/// How the sink protects its connections (the portal's `SMTP_URL` scheme follows it).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SinkTls {
    Plain,
    /// Offers STARTTLS; the certificate is made for `localhost` at start.
    StartTls,
    /// TLS from the first byte.
    Implicit,
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        Self::start_with(SinkTls::Plain).await
    }

    /// A sink that speaks TLS with a fresh self-signed certificate for `localhost`
    /// (`ca_pem` is what a client must trust).
    pub async fn start_with(tls: SinkTls) -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (acceptor, ca_pem) = if tls == SinkTls::Plain {
            (None, None)
        } else {
            let (a, pem) = tls_acceptor();
            (Some(a), Some(pem))
        };
        let sink = SmtpSink {
            port,
            messages: Default::default(),
            tls,
            ca_pem,
        };
        let store = sink.messages.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let store = store.clone();
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    let (mut io, starttls): (Box<dyn Io>, _) = match (tls, acceptor) {
                        (SinkTls::Implicit, Some(a)) => match a.accept(stream).await {
                            Ok(s) => (Box::new(s), None),
                            Err(_) => return,
                        },
                        (SinkTls::StartTls, a) => (Box::new(stream), a),
                        _ => (Box::new(stream), None),
                    };
                    let mut greet = true;
                    let mut starttls = starttls;
                    // A STARTTLS hands the raw stream back; the dialogue restarts over TLS.
                    while let Some(raw) = dialogue(io, greet, starttls.is_some(), &store).await {
                        let Some(a) = starttls.take() else { return };
                        match a.accept(raw).await {
                            Ok(s) => io = Box::new(s),
                            Err(_) => return,
                        }
                        greet = false;
                    }
                });
            }
        });
        sink
    }

    pub fn url(&self) -> String {
        match self.tls {
            SinkTls::Plain => format!("smtp://127.0.0.1:{}", self.port),
            SinkTls::StartTls => format!("smtp+starttls://localhost:{}", self.port),
            SinkTls::Implicit => format!("smtps://localhost:{}", self.port),
        }
    }

    pub fn all(&self) -> Vec<Received> {
        self.messages.lock().unwrap().clone()
    }

    /// Waits (up to 15 s) for the `n`-th message (1-based) addressed to `to`, decoded.
    pub async fn wait_for(&self, to: &str, n: usize) -> Mail {
        for _ in 0..300 {
            let found: Vec<Received> = self
                .all()
                .into_iter()
                .filter(|m| m.to.iter().any(|t| t == to))
                .collect();
            if found.len() >= n {
                return Mail::decode(&found[n - 1].data);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "no message #{n} for {to} arrived; got {:?}",
            self.all().iter().map(|m| m.to.clone()).collect::<Vec<_>>()
        );
    }

    /// Waits (up to 15 s) for the latest message to `to` with this subject, decoded.
    pub async fn wait_subject(&self, to: &str, subject: &str) -> Mail {
        self.wait_subject_after(to, subject, 0).await
    }

    /// Like `wait_subject`, counting only messages after the first `skip` to `to`.
    pub async fn wait_subject_after(&self, to: &str, subject: &str, skip: usize) -> Mail {
        self.wait_picked(to, skip, |mails| {
            mails.into_iter().rfind(|m| m.subject == subject)
        })
        .await
        .unwrap_or_else(|| panic!("no message to {to} with subject {subject:?} arrived"))
    }

    /// Waits (up to 15 s) for a message to `to`, after the first `skip`, with this subject and a
    /// text containing `needle`, decoded: for a notice whose subject an earlier one shares (that
    /// one may still be on its way when `skip` is counted).
    pub async fn wait_text_after(
        &self,
        to: &str,
        subject: &str,
        skip: usize,
        needle: &str,
    ) -> Mail {
        self.wait_picked(to, skip, |mails| {
            mails
                .into_iter()
                .find(|m| m.subject == subject && m.text.contains(needle))
        })
        .await
        .unwrap_or_else(|| {
            panic!("no message to {to} with subject {subject:?} saying {needle:?} arrived")
        })
    }

    /// Waits (up to 15 s) until `pick` chooses one of the messages to `to` after the first `skip`.
    async fn wait_picked(
        &self,
        to: &str,
        skip: usize,
        pick: impl Fn(Vec<Mail>) -> Option<Mail>,
    ) -> Option<Mail> {
        for _ in 0..300 {
            let mails = self
                .all()
                .into_iter()
                .filter(|m| m.to.iter().any(|t| t == to))
                .skip(skip)
                .map(|m| Mail::decode(&m.data))
                .collect();
            if let Some(m) = pick(mails) {
                return Some(m);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        None
    }

    pub fn count_for(&self, to: &str) -> usize {
        self.all()
            .iter()
            .filter(|m| m.to.iter().any(|t| t == to))
            .count()
    }
}
