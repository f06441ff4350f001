//! Letters as PDFs, in the reader's language: the paid-in-full confirmation (a lease's completion
//! confirmation), the lien release (a bought lease's title release) for the motor-vehicle office,
//! the interest paid in a calendar
//! year (for taxes) and the balance confirmation. One frame (letterhead, date, addressee, subject,
//! closing, footer); each kind writes its own body.

use super::blocks::{finish_with_footer, label_value, letterhead};
use super::pdf::{line_height, Align, Paper, Pdf, Weight};
use super::service::{LetterData, YearPaid};
use super::LetterKind;
use crate::contracts::ContractKind;
use crate::domain::Money;
use crate::error::ServiceError;
use crate::i18n::Value as FluentValue;
use crate::i18n::{format, t, tf, Locale};
use time::OffsetDateTime;

/// The letter's title (its heading and the PDF's title).
pub fn title(l: Locale, d: &LetterData) -> String {
    match d.kind {
        LetterKind::PaidInFull if d.contract.kind == ContractKind::Lease => {
            t(l, "pdf-letter-lease-title")
        }
        LetterKind::PaidInFull => t(l, "pdf-letter-paid-title"),
        LetterKind::LienRelease => t(l, "pdf-letter-lien-title"),
        LetterKind::TitleRelease => t(l, "pdf-letter-title-title"),
        LetterKind::InterestPaid(year) => {
            tf(l, "pdf-letter-interest-title", &[("year", year.into())])
        }
        LetterKind::BalanceConfirmation => t(l, "pdf-letter-balance-title"),
    }
}

pub fn render(d: &LetterData, l: Locale, created: OffsetDateTime) -> Result<Vec<u8>, ServiceError> {
    let c = &d.contract;
    let title = title(l, d);
    let mut pdf = Pdf::new(
        &format!("{title} · {}", c.number),
        Paper::for_currency(&c.currency),
        created,
    )?;
    let w = pdf.content_width();
    letterhead(&mut pdf, l, &c.currency, &title);
    pdf.text_at(
        w,
        &format::date(l, d.date),
        9.5,
        Weight::Regular,
        Align::Right,
    );
    // A lien release goes to the registration office; every other letter to the customer.
    let release = matches!(d.kind, LetterKind::LienRelease | LetterKind::TitleRelease);
    let greeting = if release {
        pdf.line(&t(l, "pdf-letter-lien-to"), 10.0, Weight::Bold);
        t(l, "pdf-letter-lien-greeting")
    } else {
        pdf.line(&d.to.name, 10.0, Weight::Bold);
        for a in &d.to.address {
            pdf.line(a, 10.0, Weight::Regular);
        }
        tf(
            l,
            "pdf-letter-greeting",
            &[("name", d.to.name.clone().into())],
        )
    };
    pdf.advance(line_height(10.0) * 1.5);
    pdf.paragraph(
        &tf(
            l,
            "pdf-letter-subject",
            &[
                ("title", title.clone().into()),
                ("number", c.number.clone().into()),
            ],
        ),
        11.0,
        Weight::Bold,
    );
    pdf.advance(line_height(10.0) * 0.5);
    pdf.line(&greeting, 10.0, Weight::Regular);
    pdf.advance(line_height(10.0) * 0.5);
    let money = |m: Money| format::money(l, m, &c.currency);
    let closed = d.closed_on.unwrap_or(d.date);
    let args: Vec<(&str, FluentValue)> = vec![
        ("number", c.number.clone().into()),
        ("vehicle", c.vehicle.clone().into()),
        ("vin", c.vin.clone().into()),
        ("date", format::date(l, closed).into()),
        ("zero", money(Money::ZERO).into()),
    ];
    match d.kind {
        LetterKind::PaidInFull => {
            let (body, next) = if c.kind == ContractKind::Lease {
                ("pdf-letter-lease-body", "pdf-letter-lease-next")
            } else {
                ("pdf-letter-paid-body", "pdf-letter-paid-lien")
            };
            paragraphs(&mut pdf, &[tf(l, body, &args), t(l, next)]);
        }
        LetterKind::LienRelease | LetterKind::TitleRelease => {
            let (body, next) = if d.kind == LetterKind::TitleRelease {
                ("pdf-letter-title-body", "pdf-letter-title-next")
            } else {
                ("pdf-letter-lien-body", "pdf-letter-lien-next")
            };
            pdf.paragraph(&tf(l, body, &args), 10.0, Weight::Regular);
            pdf.advance(line_height(10.0) * 0.5);
            let rows = [
                (t(l, "pdf-vehicle"), c.vehicle.clone()),
                (t(l, "pdf-vin"), c.vin.clone()),
                (t(l, "pdf-letter-colour"), c.colour.clone()),
                (t(l, "pdf-letter-owners"), d.parties.join(", ")),
                (t(l, "pdf-contract-number"), c.number.clone()),
                (
                    t(
                        l,
                        if d.kind == LetterKind::TitleRelease {
                            "pdf-letter-bought-on"
                        } else {
                            "pdf-letter-released-on"
                        },
                    ),
                    format::date(l, closed),
                ),
            ];
            for (label, value) in rows {
                label_value(&mut pdf, &label, &value, 9.5, Weight::Regular);
            }
            pdf.advance(line_height(10.0) * 0.5);
            pdf.paragraph(&t(l, next), 10.0, Weight::Regular);
        }
        LetterKind::InterestPaid(_) => {
            let y = d.year.unwrap_or(YearPaid {
                year: d.date.year(),
                payments: 0,
                total: Money::ZERO,
                interest: Money::ZERO,
                principal: Money::ZERO,
                fees: Money::ZERO,
            });
            let mut args = args.clone();
            args.push(("year", y.year.into()));
            args.push(("interest", money(y.interest).into()));
            pdf.paragraph(
                &tf(l, "pdf-letter-interest-body", &args),
                10.0,
                Weight::Regular,
            );
            pdf.advance(line_height(10.0) * 0.5);
            let rows = [
                (t(l, "pdf-letter-interest-payments"), y.payments.to_string()),
                (t(l, "pdf-letter-interest-total"), money(y.total)),
                (t(l, "pdf-letter-interest-principal"), money(y.principal)),
                (t(l, "pdf-letter-interest-fees"), money(y.fees)),
            ];
            for (label, value) in rows {
                label_value(&mut pdf, &label, &value, 9.5, Weight::Regular);
            }
            pdf.advance(2.0);
            pdf.band(11.0, line_height(11.0) + 1.0);
            label_value(
                &mut pdf,
                &tf(l, "pdf-letter-interest-paid", &[("year", y.year.into())]),
                &money(y.interest),
                11.0,
                Weight::Bold,
            );
            pdf.advance(line_height(10.0) * 0.5);
            pdf.paragraph(&t(l, "pdf-letter-interest-note"), 10.0, Weight::Regular);
        }
        LetterKind::BalanceConfirmation => {
            let mut args = args.clone();
            args.push(("today", format::date(l, d.date).into()));
            pdf.paragraph(
                &tf(l, "pdf-letter-balance-body", &args),
                10.0,
                Weight::Regular,
            );
            pdf.advance(line_height(10.0) * 0.5);
            let balance = match c.kind {
                ContractKind::Loan => t(l, "pdf-balance-loan"),
                ContractKind::Lease => t(l, "pdf-balance-lease"),
            };
            let next = c.next_due.map(|(date, amount)| {
                (
                    tf(l, "pdf-due-by", &[("date", format::date(l, date).into())]),
                    money(amount),
                )
            });
            let rows = [
                (balance, money(c.balance)),
                (t(l, "pdf-past-due"), money(c.past_due)),
                (t(l, "pdf-fees-due"), money(c.fees_due)),
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
            ];
            let in_flight = c
                .in_flight
                .map(|f| (t(l, "pdf-in-flight"), money(f.amount)));
            for (label, value) in rows.into_iter().chain(next).chain(in_flight) {
                label_value(&mut pdf, &label, &value, 9.5, Weight::Regular);
            }
            pdf.advance(line_height(10.0) * 0.5);
            pdf.paragraph(&t(l, "pdf-letter-balance-note"), 10.0, Weight::Regular);
        }
    }
    pdf.advance(line_height(10.0));
    pdf.line(&t(l, "pdf-letter-closing"), 10.0, Weight::Regular);
    pdf.advance(line_height(10.0));
    let signature = if release {
        "pdf-letter-lien-signature"
    } else {
        "pdf-letter-signature"
    };
    pdf.line(&t(l, signature), 10.0, Weight::Bold);
    finish_with_footer(pdf, l, &c.number)
}

fn paragraphs(pdf: &mut Pdf, texts: &[String]) {
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            pdf.advance(line_height(10.0) * 0.5);
        }
        pdf.paragraph(text, 10.0, Weight::Regular);
    }
}
