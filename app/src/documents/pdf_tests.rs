//! The PDF layout layer: measured widths, wrapping, page breaks and footers, glyph coverage.
use super::*;

fn doc() -> Pdf {
    Pdf::new("t", Paper::Letter, OffsetDateTime::UNIX_EPOCH).unwrap()
}

#[test]
fn widths_come_from_the_font() {
    let d = doc();
    let one = d.width_of("0", 10.0, Weight::Regular);
    assert!(one > 1.5 && one < 3.0, "{one}");
    assert!((d.width_of("000", 10.0, Weight::Regular) - 3.0 * one).abs() < 1e-4);
    assert!(d.width_of("W", 10.0, Weight::Bold) > d.width_of("i", 10.0, Weight::Bold));
}

#[test]
fn wraps_at_spaces_and_fits_with_an_ellipsis() {
    let d = doc();
    let lines = d.wrap(
        "one two three four five six seven",
        20.0,
        10.0,
        Weight::Regular,
    );
    assert!(lines.len() > 1);
    assert!(lines
        .iter()
        .all(|l| d.width_of(l, 10.0, Weight::Regular) <= 20.0));
    assert_eq!(lines.join(" "), "one two three four five six seven");
    let cut = d.fit(
        "A very long description of a payment",
        25.0,
        9.0,
        Weight::Regular,
    );
    assert!(
        cut.ends_with('…') && d.width_of(&cut, 9.0, Weight::Regular) <= 25.0,
        "{cut}"
    );
}

#[test]
fn a_table_row_wraps_its_cells_instead_of_cutting_them() {
    let mut d = doc();
    let cols = [
        Column {
            x: 0.0,
            width: 20.0,
            align: Align::Left,
        },
        Column {
            x: 20.0,
            width: 30.0,
            align: Align::Right,
        },
    ];
    let cells = [
        "Payment returned: insufficient funds".to_string(),
        "$698.42".to_string(),
    ];
    let one_line = d.row_height(&cols, &["Fee".into(), "$1.00".into()], 9.0, Weight::Regular);
    let tall = d.row_height(&cols, &cells, 9.0, Weight::Regular);
    assert!(tall >= 3.0 * one_line, "{tall} vs {one_line}");
    let before = d.y;
    d.row(&cols, &cells, 9.0, Weight::Regular);
    assert!((d.y - before - tall).abs() < 1e-4);
    let bytes = d.finish(|_, _| String::new()).unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    for word in ["Payment", "returned:", "insufficient", "funds"] {
        assert!(text.contains(word), "{word} in {text}");
    }
    assert!(!text.contains('…'), "{text}");
}

#[test]
fn pages_break_and_every_page_gets_a_footer() {
    let mut d = doc();
    for i in 0..120 {
        d.line(&format!("line {i}"), 10.0, Weight::Regular);
    }
    assert!(d.pages.len() >= 3, "{}", d.pages.len());
    let bytes = d.finish(|p, n| format!("Page {p} of {n}")).unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    assert!(text.contains("line 119"));
    assert!(text.contains("Page 3 of"), "{text}");
}

#[test]
fn french_and_russian_letters_are_in_the_font() {
    assert!(Pdf::missing_glyphs("Relevé déc. 1 234,56 $ Выписка ёЁ №ʼ«»–—").is_empty());
    assert_eq!(Pdf::missing_glyphs("日"), vec!['日']);
}

#[test]
fn every_pdf_text_in_every_language_is_in_the_font() {
    let (_, texts) = crate::i18n::catalogue::all_files()
        .find(|(name, _)| *name == "pdf")
        .expect("the PDF catalogue");
    for text in texts {
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("pdf-")).collect();
        assert!(lines.len() > 30, "{}", lines.len());
        for line in lines {
            assert_eq!(Pdf::missing_glyphs(line), Vec::<char>::new(), "{line}");
        }
    }
    // Money and dates as the PDFs print them (no-break spaces, ₽, abbreviations).
    for l in crate::i18n::Locale::ALL {
        let m = crate::i18n::format::money(l, crate::domain::Money::from_cents(12_345_678), "RUB");
        let d = crate::i18n::format::date(l, time::macros::date!(2026 - 05 - 03));
        assert!(
            Pdf::missing_glyphs(&format!("{m} {d}")).is_empty(),
            "{m} {d}"
        );
    }
}
