//! The monthly statement as a PDF: letterhead, addressee and contract block, account summary with
//! the amount due, the month's activity as a table (continued across pages with its header), and
//! the notes. Every word comes from the Fluent catalogue in the reader's language; money in the
//! contract's currency.

use super::blocks::{finish_with_footer, label_value, letterhead};
use super::pdf::{line_height, Align, Column, Paper, Pdf, Weight};
use super::service::StatementData;
use crate::contracts::{txn_status_label, ContractKind};
use crate::domain::account::GRACE_DAYS;
use crate::error::ServiceError;
use crate::i18n::{format, t, tf, Locale};
use time::OffsetDateTime;

pub fn render(
    d: &StatementData,
    l: Locale,
    created: OffsetDateTime,
) -> Result<Vec<u8>, ServiceError> {
    let c = &d.contract;
    let cur = c.currency.as_str();
    let money = |x| format::money(l, x, cur);
    let title = t(l, "pdf-statement-title");
    let mut pdf = Pdf::new(
        &format!("{title} · {} · {}", c.number, d.period.slug()),
        Paper::for_currency(cur),
        created,
    )?;
    let w = pdf.content_width();
    letterhead(&mut pdf, l, cur, &title);

    // Addressee on the left, the statement's particulars on the right.
    let mut left = vec![d.to.name.clone()];
    left.extend(d.to.address.iter().cloned());
    let first = d.period.first_day().unwrap_or(d.period.last_day());
    let right = [
        (
            t(l, "pdf-statement-date"),
            format::date(l, d.period.last_day()),
        ),
        (
            t(l, "pdf-statement-period"),
            tf(
                l,
                "pdf-period-range",
                &[
                    ("from", format::date(l, first).into()),
                    ("to", format::date(l, d.period.last_day()).into()),
                ],
            ),
        ),
        (t(l, "pdf-contract-number"), c.number.clone()),
        (t(l, "pdf-vehicle"), c.vehicle.clone()),
        (t(l, "pdf-vin"), c.vin.clone()),
    ];
    for i in 0..left.len().max(right.len()) {
        if let Some(text) = left.get(i) {
            let weight = if i == 0 {
                Weight::Bold
            } else {
                Weight::Regular
            };
            pdf.text_at(0.0, text, 9.5, weight, Align::Left);
        }
        if let Some((label, value)) = right.get(i) {
            pdf.text_at(w * 0.48, label, 8.5, Weight::Regular, Align::Left);
            pdf.text_at(w, value, 8.5, Weight::Bold, Align::Right);
        }
        pdf.advance(line_height(9.5));
    }
    pdf.advance(line_height(9.5));

    // Account summary.
    pdf.line(&t(l, "pdf-account-summary"), 11.5, Weight::Bold);
    pdf.advance(1.0);
    let balance_label = match c.kind {
        ContractKind::Loan => t(l, "pdf-balance-loan"),
        ContractKind::Lease => t(l, "pdf-balance-lease"),
    };
    let rows = [
        (balance_label, money(c.balance)),
        (
            t(l, "pdf-payments-made"),
            tf(
                l,
                "pdf-payments-made-value",
                &[
                    ("made", c.payments_made.into()),
                    ("term", c.term_months.into()),
                ],
            ),
        ),
        (t(l, "pdf-regular-payment"), money(d.regular_payment)),
        (t(l, "pdf-past-due"), money(c.past_due)),
        (t(l, "pdf-fees-due"), money(c.fees_due)),
    ];
    let in_flight = c
        .in_flight
        .map(|f| (t(l, "pdf-in-flight"), money(f.amount)));
    for (label, value) in rows.into_iter().chain(in_flight) {
        label_value(&mut pdf, &label, &value, 9.5, Weight::Regular);
    }
    pdf.advance(3.0);
    pdf.band(12.0, line_height(12.0) + line_height(9.0) + 1.0);
    label_value(
        &mut pdf,
        &t(l, "pdf-amount-due"),
        &money(d.amount_due),
        12.0,
        Weight::Bold,
    );
    let due_line = if c.status != "active" {
        t(l, "pdf-contract-closed")
    } else {
        match d.due_date {
            Some(date) if !d.amount_due.is_zero() => {
                tf(l, "pdf-due-by", &[("date", format::date(l, date).into())])
            }
            _ => t(l, "pdf-nothing-due"),
        }
    };
    pdf.line(&due_line, 9.0, Weight::Regular);
    pdf.advance(line_height(9.0));

    // The month's activity.
    pdf.line(&t(l, "pdf-activity"), 11.5, Weight::Bold);
    pdf.advance(1.0);
    let cols = [
        Column {
            x: 0.0,
            width: 27.0,
            align: Align::Left,
        },
        Column {
            x: 27.0,
            width: 47.0,
            align: Align::Left,
        },
        Column {
            x: 74.0,
            width: 22.0,
            align: Align::Left,
        },
        Column {
            x: 96.0,
            width: 28.0,
            align: Align::Right,
        },
        Column {
            x: 128.0,
            width: w - 128.0,
            align: Align::Left,
        },
    ];
    let header = [
        t(l, "pdf-col-date"),
        t(l, "pdf-col-description"),
        t(l, "pdf-col-status"),
        t(l, "pdf-col-amount"),
        t(l, "pdf-col-reference"),
    ];
    let draw_header = |pdf: &mut Pdf| {
        pdf.band(8.5, line_height(8.5));
        pdf.row(&cols, &header, 8.5, Weight::Bold);
    };
    draw_header(&mut pdf);
    if d.activity.is_empty() {
        pdf.line(&t(l, "pdf-no-activity"), 9.0, Weight::Regular);
    }
    for a in &d.activity {
        let cells = [
            format::date(l, a.date),
            t(l, &a.note.label_key()),
            txn_status_label(l, a.status),
            money(a.amount),
            a.reference.clone(),
        ];
        if pdf.ensure(pdf.row_height(&cols, &cells, 8.5, Weight::Regular)) {
            draw_header(&mut pdf);
        }
        pdf.row(&cols, &cells, 8.5, Weight::Regular);
    }
    pdf.advance(line_height(9.0));
    pdf.rule();
    pdf.advance(line_height(9.0));
    pdf.paragraph(
        &tf(l, "pdf-statement-note", &[("days", GRACE_DAYS.into())]),
        8.5,
        Weight::Regular,
    );
    pdf.paragraph(&t(l, "pdf-questions"), 8.5, Weight::Regular);
    finish_with_footer(pdf, l, &c.number)
}
