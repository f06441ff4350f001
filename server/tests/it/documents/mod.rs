//! Documents: the list, monthly statements and the paid-in-full letter as real PDFs (text read
//! back out of the file), in each language, and who may download what. The statement archive is in
//! `archive`, the monthly run and paper mail in `mailing`, the other letters in `letters`.

use crate::common::*;
use app::documents::periods::Period;
use app::domain::Money;
use app::i18n::{format, t, Locale};
use serde_json::Value;
use sqlx::Row;

mod archive;
mod letters;
mod mailing;

pub(crate) async fn seeded() -> TestApp {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    app
}

pub(crate) async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    signed_in_with(app, email, server::seed::DEMO_PASSWORD).await
}

pub(crate) async fn contract(app: &TestApp, number: &str) -> (i64, i64) {
    let r = sqlx::query("SELECT id, payment_cents FROM contracts WHERE contract_number = $1")
        .bind(number)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    (
        r.try_get("id").unwrap(),
        r.try_get("payment_cents").unwrap(),
    )
}

/// The text of a PDF, with every kind of space made a plain one.
pub(crate) fn pdf_text(bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let text = pdf_extract::extract_text_from_mem(bytes).expect("readable PDF");
    spaces(&text)
}

/// Fails unless `text` (a PDF's, read in `lang`) says each catalogue text of `keys`.
pub(crate) fn says(text: &str, l: Locale, lang: &str, keys: &[&str]) {
    for key in keys {
        assert!(
            text.contains(&spaces(&t(l, key))),
            "{lang}: {key} missing in {text}"
        );
    }
}

pub(crate) fn spaces(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The language the person reads in (the header switcher: profile and cookie), as the PDFs follow it.
pub(crate) async fn read_in(app: &TestApp, c: &reqwest::Client, lang: &str) {
    let r = app
        .post(c, "/api/set_language", &[("language", lang)])
        .await;
    assert_eq!(r.status(), 200, "{lang}");
}

pub(crate) async fn download(
    c: &reqwest::Client,
    url: String,
    lang: Option<&str>,
) -> reqwest::Response {
    let mut req = c.get(url);
    if let Some(l) = lang {
        req = req.header("Accept-Language", l);
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn the_list_has_ended_months_and_letters_for_closed_contracts() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let r = app.post(&anna, "/api/my_documents", &[]).await;
    assert_eq!(r.status(), 200);
    let list: Vec<Value> = r.json().await.unwrap();
    let numbers: Vec<&str> = list.iter().map(|c| c["number"].as_str().unwrap()).collect();
    assert_eq!(numbers, ["LN-2023-004512", "LN-2017-000981"]);
    let today = app.state.clock.now().date();
    let active = &list[0];
    let newest: Period = serde_json::from_value(active["statements"][0].clone()).unwrap();
    assert_eq!(
        newest,
        Period::of(today).previous(),
        "the last month that has ended"
    );
    // Every month of the contract's life, from the month of its first instalment.
    let first_due = |number: &'static str| {
        let pool = app.state.db.pool.clone();
        async move {
            let d: String = sqlx::query_scalar(
                "SELECT first_due_date FROM contracts WHERE contract_number = $1",
            )
            .bind(number)
            .fetch_one(&pool)
            .await
            .unwrap();
            Period::of(app::domain::dates::parse_iso(&d).unwrap())
        }
    };
    let months = |from: Period, to: Period| {
        (to.year - from.year) as usize * 12 + to.month as usize - from.month as usize + 1
    };
    let start = first_due("LN-2023-004512").await;
    assert_eq!(
        active["statements"].as_array().unwrap().len(),
        months(start, newest),
        "the whole life of the contract"
    );
    let oldest = |c: &Value| -> Period {
        serde_json::from_value(c["statements"].as_array().unwrap().last().unwrap().clone()).unwrap()
    };
    assert_eq!(oldest(active), start);
    assert_eq!(
        oldest(&list[1]),
        first_due("LN-2017-000981").await,
        "closed ones too"
    );
    // An active contract's letters: today's balance confirmation, then an interest letter for each
    // ended year its payments paid interest in.
    assert_eq!(active["letters"][0]["kind"], "BalanceConfirmation");
    let letter_day: time::Date =
        serde_json::from_value(active["letters"][0]["date"].clone()).unwrap();
    assert_eq!(letter_day, today);
    let years: Vec<i64> = active["letters"].as_array().unwrap()[1..]
        .iter()
        .map(|l| {
            l["kind"]["InterestPaid"]
                .as_i64()
                .expect("an interest letter")
        })
        .collect();
    let expected: Vec<i64> = (start.year as i64..today.year() as i64).rev().collect();
    assert_eq!(
        years, expected,
        "every ended year since the first instalment's"
    );
    let closed = &list[1];
    assert_eq!(closed["letters"][0]["kind"], "PaidInFull");
    assert_eq!(closed["letters"][1]["kind"], "LienRelease");
    // The closed loan's statements stop at the month it was paid off.
    let last_payment: String = sqlx::query_scalar(
        "SELECT MAX(t.effective_date) FROM transactions t JOIN contracts c ON c.id = t.contract_id \
         WHERE c.contract_number = 'LN-2017-000981' AND t.kind = 'payment' AND t.status = 'posted'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let closed_newest: Period = serde_json::from_value(closed["statements"][0].clone()).unwrap();
    assert_eq!(closed_newest.slug(), last_payment[..7]);
    let letter_date: time::Date =
        serde_json::from_value(closed["letters"][0]["date"].clone()).unwrap();
    assert_eq!(
        Some(letter_date),
        app::domain::dates::parse_iso(&last_payment)
    );
}

/// The Info dictionary's title, decoded as a PDF text string (UTF-16BE with its byte-order mark,
/// else PDFDocEncoding, read here as Latin-1).
pub(crate) fn info_title(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let title = doc
        .get_object(info)
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"Title")
        .unwrap()
        .as_str()
        .unwrap()
        .to_vec();
    match title.strip_prefix(&[0xFE, 0xFF]) {
        Some(be) => String::from_utf16(
            &be.chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        )
        .unwrap(),
        None => title.iter().map(|b| *b as char).collect(),
    }
}

#[tokio::test]
async fn a_statement_is_a_pdf_in_the_readers_language() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let (id, payment) = contract(&app, "LN-2023-004512").await;
    let period = Period::of(app.state.clock.now().date()).previous();
    let url = format!(
        "{}/documents/{id}/statement-{}.pdf",
        app.base,
        period.slug()
    );
    // The PDF follows the language the person chose (the header switcher: profile + cookie).
    for (lang, locale) in [
        ("fr-CA", Locale::FrCa),
        ("ru", Locale::Ru),
        ("en", Locale::En),
    ] {
        let r = app
            .post(&anna, "/api/set_language", &[("language", lang)])
            .await;
        assert_eq!(r.status(), 200);
        let r = download(&anna, url.clone(), None).await;
        assert_eq!(r.status(), 200, "{lang}");
        assert_eq!(r.headers()["content-type"], "application/pdf");
        assert_eq!(
            r.headers()["content-disposition"],
            format!(
                "attachment; filename=\"LN-2023-004512-statement-{}.pdf\"",
                period.slug()
            )
        );
        assert!(r.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("no-store"));
        let bytes = r.bytes().await.unwrap();
        // The document title (what a viewer's title bar and `pdfinfo` show) is a proper PDF text
        // string: "Relevé mensuel" and Cyrillic read right (issue "what a new customer tripped
        // over", item 8).
        let title = info_title(&bytes);
        assert_eq!(
            title,
            format!(
                "{} · LN-2023-004512 · {}",
                t(locale, "pdf-statement-title"),
                period.slug()
            ),
            "{lang}"
        );
        let text = pdf_text(&bytes);
        says(
            &text,
            locale,
            lang,
            &[
                "pdf-statement-title",
                "pdf-account-summary",
                "pdf-amount-due",
                "pdf-activity",
            ],
        );
        let regular = format::money(locale, Money::from_cents(payment), "USD");
        assert!(
            text.contains(&spaces(&regular)),
            "{lang}: {regular} missing in {text}"
        );
        assert!(text.contains("LN-2023-004512") && text.contains("5UXCR6C03N9K12345"));
        assert!(text.contains("Anna Kowalski"));
        // Every document says how to reach us: the desk of the contract's country, its hours in
        // the document's language.
        assert!(
            text.contains("1-800-555-0142"),
            "{lang}: no phone in {text}"
        );
        assert!(
            text.contains(&spaces(&t(locale, "contact-hours-us"))),
            "{lang}: no hours in {text}"
        );
        let month_end = format::date(locale, period.last_day());
        assert!(text.contains(&spaces(&month_end)), "{lang}: {month_end}");
    }
}

#[tokio::test]
async fn a_statement_lists_that_months_activity_and_nothing_later() {
    let app = seeded().await;
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let (id, _) = contract(&app, "LN-2021-001187").await;
    let rows = sqlx::query(
        "SELECT effective_date, reference FROM transactions WHERE contract_id = $1 ORDER BY effective_date DESC",
    )
    .bind(id)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    let dated: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r.try_get("effective_date").unwrap(),
                r.try_get("reference").unwrap(),
            )
        })
        .collect();
    // A month a year back, and the references in it and after it.
    let (date, _) = &dated[12];
    let period = Period::parse(&date[..7]).unwrap();
    let r = download(
        &olga,
        format!(
            "{}/documents/{id}/statement-{}.pdf",
            app.base,
            period.slug()
        ),
        None,
    )
    .await;
    assert_eq!(r.status(), 200);
    let text = pdf_text(&r.bytes().await.unwrap());
    let mut inside = 0;
    for (d, reference) in &dated {
        let p = Period::parse(&d[..7]).unwrap();
        if p == period {
            inside += 1;
            assert!(
                text.contains(reference.as_str()),
                "{reference} of {d} missing"
            );
        } else if p > period {
            assert!(
                !text.contains(reference.as_str()),
                "{reference} of {d} is after the period"
            );
        }
    }
    assert!(inside >= 1);
}

#[tokio::test]
async fn the_paid_in_full_letter_names_the_contract_and_the_day() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let (closed, _) = contract(&app, "LN-2017-000981").await;
    let (active, _) = contract(&app, "LN-2023-004512").await;
    assert_eq!(
        app.post(&anna, "/api/set_language", &[("language", "fr-CA")])
            .await
            .status(),
        200
    );
    let r = download(
        &anna,
        format!("{}/documents/{closed}/paid-in-full.pdf", app.base),
        None,
    )
    .await;
    assert_eq!(r.status(), 200);
    let text = pdf_text(&r.bytes().await.unwrap());
    let day: String = sqlx::query_scalar(
        "SELECT MAX(effective_date) FROM transactions WHERE contract_id = $1 AND kind = 'payment' AND status = 'posted'",
    )
    .bind(closed)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let day = app::domain::dates::parse_iso(&day).unwrap();
    assert!(
        text.contains(&spaces(&t(Locale::FrCa, "pdf-letter-paid-title"))),
        "{text}"
    );
    assert!(
        text.contains(&spaces(&format::date(Locale::FrCa, day))),
        "{text}"
    );
    assert!(text.contains("JM1BN1V79H1112233") && text.contains("LN-2017-000981"));
    assert!(
        text.contains("1-800-555-0142"),
        "the letter says how to reach us: {text}"
    );
    // A letter of record is dated the day the contract was settled, not the day it is downloaded.
    let today = app.state.clock.now().date();
    assert!(
        !text.contains(&spaces(&format::date(Locale::FrCa, today))),
        "dated {today}: {text}"
    );
    // An active contract has no such letter.
    let r = download(
        &anna,
        format!("{}/documents/{active}/paid-in-full.pdf", app.base),
        None,
    )
    .await;
    assert_eq!(r.status(), 404);
}
