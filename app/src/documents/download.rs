//! `GET /documents/{contract}/{file}.pdf`: a statement (`statement-2026-10.pdf`) or a letter
//! (`paid-in-full.pdf`), drawn on request in the language of the page it was asked from. Only a
//! fully signed-in party to the contract gets it; anything else is the same typed error the API
//! gives (401, or 404 for a contract, month or letter that is not there).

use super::periods::Period;
use super::{letter_pdf, payoff_letter_pdf, service, statement_pdf, LetterKind};
use crate::error::{AppError, ServiceError};
use crate::i18n::locale_of;
use crate::infra::download::{attachment, customer, error};
use crate::infra::session::SessionSlot;
use crate::infra::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Extension;

/// What a file name asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requested {
    Statement(Period),
    Letter(LetterKind),
    /// `payoff-2027-01-05.pdf`: the payoff letter good through that day.
    Payoff(time::Date),
}

impl Requested {
    pub fn parse(file: &str) -> Option<Requested> {
        let stem = file.strip_suffix(".pdf")?;
        if let Some(p) = stem.strip_prefix("statement-") {
            return Period::parse(p).map(Requested::Statement);
        }
        if let Some(d) = stem.strip_prefix("payoff-") {
            return crate::domain::dates::parse_iso(d).map(Requested::Payoff);
        }
        LetterKind::parse(stem).map(Requested::Letter)
    }
}

/// Drawing a PDF is CPU work (layout, font subsetting, compression): it runs on the blocking pool,
/// at most as many at once as there are cores, so downloads never stall the async workers that
/// serve every other request.
async fn render_off_the_runtime<T: Send + 'static>(
    draw: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
) -> Result<T, ServiceError> {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    let permits = PERMITS.get_or_init(|| {
        tokio::sync::Semaphore::new(
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
        )
    });
    let _permit = permits
        .acquire()
        .await
        .map_err(ServiceError::failed("PDF drawing pool"))?;
    tokio::task::spawn_blocking(draw)
        .await
        .map_err(ServiceError::failed("PDF drawing task"))?
}

pub async fn document_pdf(
    State(state): State<AppState>,
    Extension(slot): Extension<SessionSlot>,
    headers: HeaderMap,
    Path((contract_id, file)): Path<(i64, String)>,
) -> Response {
    let customer_id = match customer(&slot) {
        Ok(id) => id,
        Err(e) => return error(e),
    };
    let Some(requested) = Requested::parse(&file) else {
        return error(AppError::NotFound);
    };
    let locale = locale_of(&headers);
    let now = state.clock.now();
    let made = match requested {
        Requested::Statement(period) => {
            match service::statement(&state, customer_id, contract_id, period).await {
                Ok(data) => {
                    render_off_the_runtime(move || {
                        statement_pdf::render(&data, locale, now).map(|pdf| {
                            (
                                format!("{}-statement-{}.pdf", data.contract.number, period.slug()),
                                pdf,
                            )
                        })
                    })
                    .await
                }
                Err(e) => Err(e),
            }
        }
        Requested::Letter(kind) => {
            match service::letter(&state, customer_id, contract_id, kind).await {
                Ok(data) => {
                    render_off_the_runtime(move || {
                        letter_pdf::render(&data, locale, now).map(|pdf| {
                            (format!("{}-{}.pdf", data.contract.number, kind.slug()), pdf)
                        })
                    })
                    .await
                }
                Err(e) => Err(e),
            }
        }
        Requested::Payoff(date) => {
            match payoff_letter_pdf::data(&state, customer_id, contract_id, date).await {
                Ok(data) => {
                    render_off_the_runtime(move || {
                        payoff_letter_pdf::render(&data, locale, now)
                            .map(|pdf| (format!("{}-payoff-{date}.pdf", data.quote.number), pdf))
                    })
                    .await
                }
                Err(e) => Err(e),
            }
        }
    };
    match made {
        Ok((name, pdf)) => attachment("application/pdf", &name, pdf),
        Err(e) => error(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue "production-safe", low items: drawing runs on blocking threads, never on the async
    /// runtime's, and no more at once than there are cores (the 20 ms is the drawing's stand-in).
    #[tokio::test(flavor = "current_thread")]
    async fn pdfs_are_drawn_off_the_runtime_at_most_one_per_core() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Arc;
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        let runtime = std::thread::current().id();
        let in_flight = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..cores * 3)
            .map(|_| {
                let (in_flight, most) = (in_flight.clone(), most.clone());
                tokio::spawn(render_off_the_runtime(move || {
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    Ok(std::thread::current().id())
                }))
            })
            .collect();
        for t in tasks {
            assert_ne!(t.await.unwrap().unwrap(), runtime);
        }
        let most = most.load(Ordering::SeqCst);
        assert!(
            (1..=cores).contains(&most),
            "{most} at once on {cores} cores"
        );
    }

    #[test]
    fn file_names_map_to_documents() {
        assert_eq!(
            Requested::parse("statement-2026-10.pdf"),
            Some(Requested::Statement(Period {
                year: 2026,
                month: 10
            }))
        );
        assert_eq!(
            Requested::parse("paid-in-full.pdf"),
            Some(Requested::Letter(LetterKind::PaidInFull))
        );
        assert_eq!(
            Requested::parse("payoff-2027-02-28.pdf"),
            Some(Requested::Payoff(time::macros::date!(2027 - 02 - 28)))
        );
        for bad in [
            "statement-2026-13.pdf",
            "statement-2026-10",
            "paid-in-full.PDF",
            "../x.pdf",
            "x.pdf",
            "payoff-2027-02-30.pdf",
            "payoff-.pdf",
        ] {
            assert_eq!(Requested::parse(bad), None, "{bad}");
        }
    }
}
