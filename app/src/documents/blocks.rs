//! The pieces every Northstar document shares: the letterhead, label/value lines and the footer.

use super::pdf::{line_height, Align, Pdf, Weight};
use crate::error::ServiceError;

/// The lender's name and return address at the top of every document, with the document's title
/// on the right. The address follows the contract's country (its currency).
pub fn letterhead(pdf: &mut Pdf, l: crate::i18n::Locale, currency: &str, title: &str) {
    let w = pdf.content_width();
    pdf.text_at(
        0.0,
        "Northstar Auto Finance",
        15.0,
        Weight::Bold,
        Align::Left,
    );
    pdf.text_at(w, title, 12.0, Weight::Bold, Align::Right);
    pdf.advance(line_height(15.0));
    let address = match currency {
        "CAD" => {
            "Northstar Auto Finance Canada · 100 King Street West, Suite 5600 · Toronto ON  M5X 1C9"
        }
        "RUB" => "ООО «Нортстар Авто Финанс» · Пресненская наб., 12 · Москва 123112",
        _ => "Northstar Auto Finance · PO Box 4100 · Wilmington, DE 19850-4100",
    };
    pdf.line(address, 8.0, Weight::Regular);
    pdf.paragraph(&contact_line(l, currency), 8.0, Weight::Regular);
    pdf.advance(1.0);
    pdf.rule();
    pdf.advance(line_height(10.0));
}

/// "Questions? Call … (hours)": the desk of the contract's country, in the document's language.
fn contact_line(l: crate::i18n::Locale, currency: &str) -> String {
    let desk = crate::shell::contact::desk_for(currency);
    crate::i18n::tf(
        l,
        "pdf-contact",
        &[
            ("phone", desk.phone.into()),
            ("hours", crate::i18n::t(l, desk.hours_key).into()),
        ],
    )
}

/// A label on the left and its value right-aligned at the content edge.
pub fn label_value(pdf: &mut Pdf, label: &str, value: &str, size: f32, weight: Weight) {
    pdf.ensure(line_height(size));
    let w = pdf.content_width();
    pdf.text_at(0.0, label, size, weight, Align::Left);
    pdf.text_at(w, value, size, weight, Align::Right);
    pdf.advance(line_height(size));
}

/// Finishes `pdf` with the standard footer: contract number, "page X of Y", the lender.
pub fn finish_with_footer(
    pdf: Pdf,
    l: crate::i18n::Locale,
    number: &str,
) -> Result<Vec<u8>, ServiceError> {
    pdf.finish(|page, pages| {
        crate::i18n::tf(
            l,
            "pdf-footer",
            &[
                ("number", number.to_string().into()),
                ("page", page.into()),
                ("pages", pages.into()),
            ],
        )
    })
}
