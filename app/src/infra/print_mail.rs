//! Paper mail. A lender hands statements for customers who chose paper to a print-and-mail service
//! (a lettershop's API). None can be reached from this machine, so the one built-in implementation
//! is `SimulatedPrintMail` (named as such in the README): it checks what a lettershop checks — a
//! PDF, an address of at least two lines — and records the piece in `simulated_mail_pieces` (with
//! how often it was handed the same piece, which the tests read). Each
//! piece carries our reference, which a real service takes as its idempotency key, so a job retried
//! after a crash never mails twice. A real adapter implements `PrintMail` and is chosen in
//! `startup::build_state`.

use super::{Clock, Db};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum PrintMailError {
    /// The piece cannot be mailed as it is (not a PDF, no usable address): retrying will not help.
    #[error("refused: {0}")]
    Refused(String),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
}

/// One envelope: the address lines as printed and the document.
pub struct MailPiece<'a> {
    /// Ours, unique per piece (the idempotency key).
    pub reference: &'a str,
    pub address: &'a [String],
    pub pdf: &'a [u8],
}

pub type PrintMailFuture<'a> =
    Pin<Box<dyn Future<Output = Result<String, PrintMailError>> + Send + 'a>>;

pub trait PrintMail: Send + Sync + 'static {
    /// Hands `piece` over for printing and mailing; answers the service's tracking reference. The
    /// same `piece.reference` twice is one piece.
    fn send<'a>(&'a self, piece: MailPiece<'a>) -> PrintMailFuture<'a>;
}

/// The simulated print-and-mail service: stores instead of printing.
pub struct SimulatedPrintMail {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
}

impl PrintMail for SimulatedPrintMail {
    fn send<'a>(&'a self, piece: MailPiece<'a>) -> PrintMailFuture<'a> {
        Box::pin(async move {
            if !piece.pdf.starts_with(b"%PDF-") {
                return Err(PrintMailError::Refused("not a PDF".into()));
            }
            if piece
                .address
                .iter()
                .filter(|l| !l.trim().is_empty())
                .count()
                < 2
            {
                return Err(PrintMailError::Refused("no mailing address".into()));
            }
            use sha2::{Digest, Sha256};
            sqlx::query(
                "INSERT INTO simulated_mail_pieces (reference, address, sha256, size_bytes, accepted_at) \
                 VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (reference) DO UPDATE SET handed_over = simulated_mail_pieces.handed_over + 1",
            )
            .bind(piece.reference)
            .bind(piece.address.join("\n"))
            .bind(hex::encode(Sha256::digest(piece.pdf)))
            .bind(piece.pdf.len() as i64)
            .bind(self.clock.unix())
            .execute(&self.db.pool)
            .await?;
            tracing::info!(
                reference = piece.reference,
                "simulated print-and-mail piece stored (no lettershop configured)"
            );
            Ok(format!("SIM-{}", piece.reference))
        })
    }
}
