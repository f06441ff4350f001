//! Issue 18, property-based fuzzing of every parser of outside input: each is fed arbitrary text
//! (and text shaped like what it expects) and must answer without panicking; what it accepts must
//! keep its invariants and read back to itself. `./portal test` runs proptest's default 256 cases
//! per property; `scripts/fuzz.sh` runs many more and prints how many. A failing case is saved in
//! `fuzz_inputs.proptest-regressions` (committed) and replayed first on every run.

#![cfg(feature = "ssr")]

use app::documents::download::Requested;
use app::domain::attachment::{
    check_before_upload, join_ids, parse_ids, sanitise_name, FileKind, MAX_FILE_BYTES,
    MAX_NAME_CHARS,
};
use app::domain::autopay::{parse_days_before, YearMonth, MAX_DAYS_BEFORE};
use app::domain::bank::{
    ca_institution, ca_transit, ru_account, AccountNumber, Bik, RoutingNumber,
};
use app::domain::card::{check_cvc, luhn_ok, CardBrand, CardNumber, Expiry};
use app::domain::contact::{parse_language, AddressInput, Country, Phone};
use app::domain::dates::parse_iso;
use app::domain::ids::CustomerCardId;
use app::domain::message::{MessageText, Topic};
use app::domain::vin::Vin;
use app::domain::{Email, Money, PersonName};
use proptest::prelude::*;

/// Arbitrary text, and text made of what the parsers look for (digits, separators, letters,
/// signs, spaces of several widths, currency signs).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 ,.$₽\u{a0}\u{202f}+-]{0,24}",
        "[A-Za-z0-9 ._@+-]{0,40}",
        "[A-HJ-NPR-Z0-9]{15,19}",
    ]
}

fn digits_only(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_digit())
}

proptest! {
    #[test]
    fn money_amounts(s in text(), cents in 1i64..=Money::MAX_INPUT * 100) {
        if let Ok(m) = Money::parse(&s) {
            prop_assert!(m.is_positive(), "{s:?} → {m}");
            prop_assert_eq!(Money::parse(&m.to_string()), Ok(m));
        }
        let m = Money::from_cents(cents);
        prop_assert_eq!(Money::parse(&m.to_string()), Ok(m));
        prop_assert_eq!(Money::parse(&format!("${m}")), Ok(m));
    }

    #[test]
    fn vins(s in text()) {
        if let Ok(v) = Vin::parse(&s) {
            prop_assert_eq!(v.as_str().len(), 17);
            prop_assert!(v.as_str().chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
            prop_assert!(!v.as_str().contains(['I', 'O', 'Q']), "{}", v);
            prop_assert_eq!(Vin::parse(v.as_str()), Ok(v.clone()));
        }
    }

    #[test]
    fn bank_numbers(s in text()) {
        if let Ok(r) = RoutingNumber::parse(&s) {
            prop_assert!(r.as_str().len() == 9 && digits_only(r.as_str()), "{s:?}");
            prop_assert_eq!(RoutingNumber::parse(r.as_str()).map(|x| x.as_str().to_string()), Ok(r.as_str().to_string()));
        }
        if let Ok(a) = AccountNumber::parse(&s, 4, 17) {
            prop_assert!((4..=17).contains(&a.as_str().len()) && digits_only(a.as_str()), "{s:?}");
            prop_assert!(a.as_str().ends_with(a.last4()));
        }
        if let Ok(b) = Bik::parse(&s) {
            prop_assert!(b.as_str().len() == 9 && digits_only(b.as_str()), "{s:?}");
            if let Ok(a) = ru_account(&s, &b) {
                prop_assert!(digits_only(a.as_str()));
            }
        }
        for parsed in [ca_institution(&s), ca_transit(&s)].into_iter().flatten() {
            prop_assert!(!parsed.is_empty() && digits_only(&parsed), "{s:?} → {parsed:?}");
        }
    }

    #[test]
    fn cards(s in text(), cvc in "[0-9 ]{0,6}", expiry in "[0-9/ -]{0,8}") {
        if let Ok(c) = CardNumber::parse(&s) {
            prop_assert!(digits_only(c.digits()) && (12..=19).contains(&c.digits().len()), "{s:?}");
            prop_assert!(luhn_ok(c.digits()));
            prop_assert!(c.digits().ends_with(c.last4()));
        }
        for brand in [CardBrand::Visa, CardBrand::Mastercard, CardBrand::Amex] {
            let _ = check_cvc(&cvc, brand);
            let _ = check_cvc(&s, brand);
        }
        let today = time::macros::date!(2026 - 12 - 07);
        let _ = Expiry::parse(&expiry, today);
        let _ = Expiry::parse(&s, today);
    }

    #[test]
    fn dates(s in text(), day in 0i32..3_000_000) {
        if let Some(d) = parse_iso(&s) {
            prop_assert_eq!(parse_iso(&d.to_string()), Some(d));
        }
        let d = time::Date::from_julian_day(day + 1_721_426).unwrap();
        prop_assert_eq!(parse_iso(&d.to_string()), Some(d));
        if let Ok(m) = YearMonth::parse(&s) {
            prop_assert_eq!(YearMonth::parse(&m.to_string()), Ok(m));
        }
        if let Ok(n) = parse_days_before(&s) {
            prop_assert!(n <= MAX_DAYS_BEFORE);
        }
    }

    #[test]
    fn people_and_contacts(s in text(), t in text(), postal in "[A-Za-z0-9 -]{0,10}") {
        if let Ok(e) = Email::parse(&s) {
            prop_assert!(e.as_str().len() <= Email::MAX_LEN && e.as_str().contains('@'), "{s:?}");
            prop_assert_eq!(Email::parse(e.as_str()), Ok(e.clone()));
        }
        if let Ok(n) = PersonName::parse(&s) {
            prop_assert!(n.as_str().chars().count() <= PersonName::MAX_LEN);
            prop_assert_eq!(PersonName::parse(n.as_str()), Ok(n.clone()));
        }
        if let Ok(p) = Phone::parse(&s) {
            prop_assert_eq!(Phone::parse(p.as_str()).map(|x| x.as_str().to_string()), Ok(p.as_str().to_string()));
        }
        if let Ok(id) = CustomerCardId::parse(&s) {
            prop_assert_eq!(CustomerCardId::parse(id.as_str()).map(|x| x.as_str().to_string()), Ok(id.as_str().to_string()));
        }
        let _ = (parse_language(&s), Country::parse(&s), Topic::parse(&s));
        for country in ["US", "CA", "RU", &t] {
            let input = AddressInput {
                country: country.to_string(),
                line1: s.clone(),
                line2: t.clone(),
                city: t.clone(),
                region: s.clone(),
                postal: postal.clone(),
            };
            if let Ok(a) = input.parse() {
                let again = AddressInput {
                    country: a.country.code().to_string(),
                    line1: a.line1.clone(),
                    line2: a.line2.clone(),
                    city: a.city.clone(),
                    region: a.region.clone(),
                    postal: a.postal.clone(),
                };
                prop_assert_eq!(again.parse().map(|b| b.postal), Ok(a.postal));
            }
        }
    }

    #[test]
    fn message_text(s in any::<String>()) {
        if let Ok(m) = MessageText::parse(&s) {
            prop_assert!(!m.as_str().is_empty() && m.as_str().chars().count() <= MessageText::MAX);
            prop_assert_eq!(MessageText::parse(m.as_str()), Ok(m.clone()));
        }
    }

    #[test]
    fn upload_names_and_ids(name in any::<String>(), size in 0u64..(3 * MAX_FILE_BYTES), ids in text()) {
        if let Ok(kind) = check_before_upload(&name, size) {
            prop_assert_eq!(FileKind::from_name(&name), Some(kind));
            prop_assert!(size <= MAX_FILE_BYTES);
        }
        for kind in [FileKind::Pdf, FileKind::Png, FileKind::Jpeg, FileKind::Heic] {
            let clean = sanitise_name(&name, kind);
            prop_assert!(clean.chars().count() <= MAX_NAME_CHARS, "{clean:?}");
            prop_assert!(!clean.chars().any(|c| c.is_control() || "/\\<>:\"|?*".contains(c)), "{clean:?}");
            prop_assert!(!clean.starts_with(['.', ' ']), "{clean:?}");
            prop_assert_eq!(FileKind::from_name(&clean), Some(kind), "{:?}", clean);
            prop_assert_eq!(sanitise_name(&clean, kind), clean);
        }
        if let Ok(list) = parse_ids(&ids) {
            prop_assert_eq!(parse_ids(&join_ids(&list)), Ok(list));
        }
    }

    #[test]
    fn file_contents(head in proptest::collection::vec(any::<u8>(), 0..600), kind in 0usize..4) {
        // Arbitrary bytes, and arbitrary bytes behind each accepted kind's signature.
        let _ = app::messages::attachments::sniff(&head);
        let magic: [&[u8]; 4] = [
            b"%PDF-1.7\n",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            b"\xff\xd8\xff\xe0\0\x10JFIF\0",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
        ];
        let mut signed = magic[kind].to_vec();
        signed.extend(&head);
        let want = [FileKind::Pdf, FileKind::Png, FileKind::Jpeg, FileKind::Heic][kind];
        prop_assert_eq!(app::messages::attachments::sniff(&signed), Some(want));
    }

    #[test]
    fn download_and_sign_in_names(s in text()) {
        if let Some(r) = Requested::parse(&s) {
            prop_assert!(s.ends_with(".pdf"), "{s:?} → {r:?}");
        }
        let n = app::signin::temporary::normalise_contract_number(&s);
        prop_assert_eq!(app::signin::temporary::normalise_contract_number(&n), n);
        let r = app::factors::normalise_recovery_code(&s);
        prop_assert_eq!(app::factors::normalise_recovery_code(&r), r);
    }
}
