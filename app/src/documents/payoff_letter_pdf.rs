//! The payoff letter: the payoff good through a date in parts (or a lease's purchase prices), the
//! per diem, and where to send the money (the lender's account for the contract's country, the
//! contract number as the reference) — the letter a dealer, a bank refinancing the car or the
//! customer's own bank asks for. Figures come from `payments::payoff::quote`, the computation the
//! page, the review and the posting share; text from the `pdf` catalogue in the page's language.

use super::blocks::{finish_with_footer, label_value, letterhead};
use super::pdf::{line_height, Align, Paper, Pdf, Weight};
use super::service::{addressee, Addressee};
use crate::domain::remittance::TransferDetails;
use crate::domain::Money;
use crate::error::{AppError, ServiceError};
use crate::i18n::{format, t, tf, Locale};
use crate::infra::AppState;
use crate::payments::{payoff_arithmetic, PayoffView};
use time::{Date, OffsetDateTime};

/// Everything the payoff letter shows.
#[derive(Debug, Clone)]
pub struct PayoffLetterData {
    pub to: Addressee,
    pub quote: PayoffView,
    pub account: TransferDetails,
}

/// The letter's data for the customer's own contract (another's is not found).
pub async fn data(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    good_through: Date,
) -> Result<PayoffLetterData, ServiceError> {
    let quote =
        crate::payments::payoff::quote(state, customer_id, contract_id, &good_through.to_string())
            .await?;
    let account = state
        .config
        .remittance
        .for_currency(&quote.currency)
        .ok_or(AppError::NotFound)?;
    Ok(PayoffLetterData {
        to: addressee(state, customer_id).await?,
        quote,
        account,
    })
}

pub fn render(
    d: &PayoffLetterData,
    l: Locale,
    created: OffsetDateTime,
) -> Result<Vec<u8>, ServiceError> {
    let q = &d.quote;
    let cur = q.currency.as_str();
    let m = |x: Money| format::money(l, x, cur);
    let title = t(l, "pdf-payoff-title");
    let mut pdf = Pdf::new(
        &format!("{title} · {}", q.number),
        Paper::for_currency(cur),
        created,
    )?;
    let w = pdf.content_width();
    letterhead(&mut pdf, l, cur, &title);
    pdf.text_at(
        w,
        &format::date(l, q.today),
        9.5,
        Weight::Regular,
        Align::Right,
    );
    pdf.line(&d.to.name, 10.0, Weight::Bold);
    for a in &d.to.address {
        pdf.line(a, 10.0, Weight::Regular);
    }
    pdf.advance(line_height(10.0) * 1.5);
    let about = [
        ("number", q.number.clone().into()),
        ("vehicle", q.vehicle.clone().into()),
        ("vin", q.vin.clone().into()),
        ("date", format::date(l, q.good_through).into()),
    ];
    pdf.paragraph(&tf(l, "pdf-payoff-subject", &about), 11.0, Weight::Bold);
    pdf.advance(line_height(10.0) * 0.5);
    let size = 10.0;
    if let Some(p) = &q.loan {
        pdf.paragraph(&tf(l, "pdf-payoff-body", &about), size, Weight::Regular);
        pdf.advance(line_height(size) * 0.5);
        label_value(
            &mut pdf,
            &t(l, "pdf-payoff-principal"),
            &m(p.principal),
            size,
            Weight::Regular,
        );
        let interest = tf(
            l,
            "pdf-payoff-interest-to",
            &[("date", format::date(l, p.from).into())],
        );
        label_value(
            &mut pdf,
            &interest,
            &m(p.interest_to_date),
            size,
            Weight::Regular,
        );
        let days = tf(
            l,
            "pdf-payoff-days",
            &[
                ("days", p.days.into()),
                (
                    "perdiem",
                    format::amount(l, p.per_diem_exact, 4, cur).into(),
                ),
            ],
        );
        label_value(&mut pdf, &days, &m(p.days_interest), size, Weight::Regular);
        label_value(
            &mut pdf,
            &t(l, "pdf-payoff-fees"),
            &m(p.fees),
            size,
            Weight::Regular,
        );
        if p.credits.is_positive() {
            let credits = format!("−{}", m(p.credits));
            label_value(
                &mut pdf,
                &t(l, "pdf-payoff-credits"),
                &credits,
                size,
                Weight::Regular,
            );
        }
        pdf.rule();
        let total = tf(
            l,
            "pdf-payoff-total",
            &[("date", format::date(l, q.good_through).into())],
        );
        label_value(&mut pdf, &total, &m(p.total), 11.0, Weight::Bold);
        pdf.advance(line_height(size) * 0.5);
        pdf.paragraph(&payoff_arithmetic(l, p, cur), 9.0, Weight::Regular);
        pdf.paragraph(
            &tf(
                l,
                "pdf-payoff-per-diem",
                &[("perdiem", m(p.per_diem).into())],
            ),
            size,
            Weight::Regular,
        );
    }
    if let Some(p) = &q.lease {
        pdf.paragraph(
            &tf(l, "pdf-payoff-lease-body", &about),
            size,
            Weight::Regular,
        );
        pdf.advance(line_height(size) * 0.5);
        let payments = tf(
            l,
            "pdf-payoff-remaining",
            &[
                ("count", p.payments_remaining.into()),
                ("amount", m(p.monthly_payment).into()),
            ],
        );
        label_value(
            &mut pdf,
            &payments,
            &m(p.remaining_payments),
            size,
            Weight::Regular,
        );
        label_value(
            &mut pdf,
            &t(l, "pdf-payoff-residual"),
            &m(p.residual),
            size,
            Weight::Regular,
        );
        let unearned = format!("−{}", m(p.unearned_rent));
        label_value(
            &mut pdf,
            &t(l, "pdf-payoff-unearned"),
            &unearned,
            size,
            Weight::Regular,
        );
        label_value(
            &mut pdf,
            &t(l, "pdf-payoff-option-fee"),
            &m(p.purchase_option_fee),
            size,
            Weight::Regular,
        );
        label_value(
            &mut pdf,
            &t(l, "pdf-payoff-fees"),
            &m(p.fees),
            size,
            Weight::Regular,
        );
        pdf.rule();
        label_value(
            &mut pdf,
            &t(l, "pdf-payoff-buyout-total"),
            &m(p.buyout_total),
            11.0,
            Weight::Bold,
        );
        label_value(
            &mut pdf,
            &t(l, "pdf-payoff-maturity-total"),
            &m(p.maturity_total),
            size,
            Weight::Regular,
        );
    }
    pdf.advance(line_height(size));
    pdf.line(&t(l, "pdf-payoff-where"), 11.0, Weight::Bold);
    for (label, value) in crate::contracts::transfer_card::account_rows(l, &d.account) {
        label_value(&mut pdf, &label, &value, size, Weight::Regular);
    }
    label_value(
        &mut pdf,
        &t(l, "pdf-payoff-reference"),
        &q.number,
        size,
        Weight::Bold,
    );
    pdf.advance(line_height(size) * 0.5);
    pdf.paragraph(&t(l, "pdf-payoff-after"), size, Weight::Regular);
    pdf.advance(line_height(size));
    pdf.line(&t(l, "pdf-letter-closing"), size, Weight::Regular);
    pdf.advance(line_height(size));
    pdf.line(&t(l, "pdf-letter-signature"), size, Weight::Bold);
    finish_with_footer(pdf, l, &q.number)
}
