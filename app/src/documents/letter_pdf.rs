//! Letters as PDFs. Today: the paid-in-full confirmation for a loan (with the lien release) and
//! the completion confirmation for a lease — the letter people hand to a title office or an
//! insurer. Text from the catalogue in the reader's language.

use super::blocks::{finish_with_footer, letterhead};
use super::pdf::{line_height, Align, Paper, Pdf, Weight};
use super::service::LetterData;
use crate::contracts::ContractKind;
use crate::domain::Money;
use crate::error::ServiceError;
use crate::i18n::{format, t, tf, Locale};
use time::OffsetDateTime;

pub fn render(d: &LetterData, l: Locale, created: OffsetDateTime) -> Result<Vec<u8>, ServiceError> {
    let c = &d.contract;
    let lease = c.kind == ContractKind::Lease;
    let title = if lease {
        t(l, "pdf-letter-lease-title")
    } else {
        t(l, "pdf-letter-paid-title")
    };
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
    pdf.line(&d.to.name, 10.0, Weight::Bold);
    for a in &d.to.address {
        pdf.line(a, 10.0, Weight::Regular);
    }
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
    pdf.line(
        &tf(
            l,
            "pdf-letter-greeting",
            &[("name", d.to.name.clone().into())],
        ),
        10.0,
        Weight::Regular,
    );
    pdf.advance(line_height(10.0) * 0.5);
    let args = [
        ("number", c.number.clone().into()),
        ("vehicle", c.vehicle.clone().into()),
        ("vin", c.vin.clone().into()),
        ("date", format::date(l, d.closed_on).into()),
        ("zero", format::money(l, Money::ZERO, &c.currency).into()),
    ];
    let (body, next) = if lease {
        ("pdf-letter-lease-body", "pdf-letter-lease-next")
    } else {
        ("pdf-letter-paid-body", "pdf-letter-paid-lien")
    };
    pdf.paragraph(&tf(l, body, &args), 10.0, Weight::Regular);
    pdf.advance(line_height(10.0) * 0.5);
    pdf.paragraph(&t(l, next), 10.0, Weight::Regular);
    pdf.advance(line_height(10.0));
    pdf.line(&t(l, "pdf-letter-closing"), 10.0, Weight::Regular);
    pdf.advance(line_height(10.0));
    pdf.line(&t(l, "pdf-letter-signature"), 10.0, Weight::Bold);
    finish_with_footer(pdf, l, &c.number)
}
