//! `GET /documents/{contract}/{file}.pdf`: a statement (`statement-2026-10.pdf`, from the archive:
//! issued once, the same bytes every time) or a letter (`paid-in-full.pdf`, drawn on request), in
//! the language of the page it was asked from. Only a
//! fully signed-in party to the contract gets it; anything else is the same typed error the API
//! gives (401, or 404 for a contract, month or letter that is not there).

use super::periods::Period;
use super::{archive, letter_pdf, payoff_letter_pdf, service, LetterKind};
use crate::error::AppError;
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
        Requested::Statement(period) => archive::statement(
            &state,
            customer_id,
            contract_id,
            period,
            locale,
            archive::IssuedBy::Download,
        )
        .await
        .map(|s| {
            (
                format!("{}-statement-{}.pdf", s.number, period.slug()),
                s.bytes,
            )
        }),
        Requested::Letter(kind) => {
            match service::letter(&state, customer_id, contract_id, kind).await {
                Ok(data) => {
                    super::render::off_the_runtime(move || {
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
                    super::render::off_the_runtime(move || {
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
        for (file, kind) in [
            ("lien-release.pdf", LetterKind::LienRelease),
            ("title-release.pdf", LetterKind::TitleRelease),
            ("interest-2025.pdf", LetterKind::InterestPaid(2025)),
            ("balance-confirmation.pdf", LetterKind::BalanceConfirmation),
        ] {
            assert_eq!(Requested::parse(file), Some(Requested::Letter(kind)));
            assert_eq!(format!("{}.pdf", kind.slug()), file);
        }
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
            "interest-25.pdf",
            "interest-+202.pdf",
            "interest-20255.pdf",
            "interest-.pdf",
        ] {
            assert_eq!(Requested::parse(bad), None, "{bad}");
        }
    }
}
