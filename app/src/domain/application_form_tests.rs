//! `ApplicationForm::parse`: every kind's happy path and each field's problem.

use super::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 12 - 07);

fn form(kind: &str) -> ApplicationForm {
    ApplicationForm {
        kind: kind.into(),
        ..Default::default()
    }
}

#[test]
fn a_partial_early_repayment_needs_an_amount_a_date_within_30_days_an_effect_and_a_source() {
    let good = ApplicationForm {
        amount: "1,500.50".into(),
        date: "2026-12-20".into(),
        effect: "lower_payment".into(),
        source: "7".into(),
        ..form("early_repayment")
    };
    assert_eq!(
        good.parse(TODAY),
        Ok(Details::EarlyRepayment {
            amount: Money::from_cents(150_050),
            on: date!(2026 - 12 - 20),
            effect: PrepaymentEffect::LowerPayment,
            source_id: 7,
        })
    );
    let with = |f: fn(&mut ApplicationForm)| {
        let mut x = good.clone();
        f(&mut x);
        x.parse(TODAY).unwrap_err()
    };
    assert_eq!(
        with(|x| x.amount = "0".into()),
        ("amount", Issue::MoneyNegative)
    );
    assert_eq!(with(|x| x.amount = "-5".into()).0, "amount");
    assert_eq!(with(|x| x.amount = "1e20".into()).0, "amount");
    assert_eq!(
        with(|x| x.date = "2027-01-07".into()),
        ("date", Issue::DateAhead { days: 30 })
    );
    let last_day = ApplicationForm {
        date: "2027-01-06".into(),
        ..good.clone()
    };
    assert!(last_day.parse(TODAY).is_ok());
    assert_eq!(
        with(|x| x.date = "2026-12-06".into()),
        ("date", Issue::DateAhead { days: 30 })
    );
    assert_eq!(
        with(|x| x.date = "20/12/2026".into()),
        ("date", Issue::DateFormat)
    );
    assert_eq!(with(|x| x.effect = "both".into()), ("effect", Issue::OneOf));
    assert_eq!(
        with(|x| x.source = String::new()),
        ("source", Issue::Required)
    );
    assert_eq!(with(|x| x.source = "x1".into()), ("source", Issue::OneOf));
}

#[test]
fn a_due_day_is_1_to_28() {
    let day = |d: &str| {
        ApplicationForm {
            new_day: d.into(),
            ..form("due_date_change")
        }
        .parse(TODAY)
    };
    assert_eq!(day("28"), Ok(Details::DueDateChange { new_day: 28 }));
    assert_eq!(day(" 1 "), Ok(Details::DueDateChange { new_day: 1 }));
    assert_eq!(day("29"), Err(("new_day", Issue::DueDay)));
    assert_eq!(day("0"), Err(("new_day", Issue::DueDay)));
    assert_eq!(day(""), Err(("new_day", Issue::Required)));
}

#[test]
fn a_deferral_is_1_to_3_months_with_a_reason() {
    let ask = |m: &str, why: &str| {
        ApplicationForm {
            months: m.into(),
            text: why.into(),
            ..form("deferral")
        }
        .parse(TODAY)
    };
    assert_eq!(
        ask("2", "  Lost my job \n in November "),
        Ok(Details::Deferral {
            months: 2,
            reason: "Lost my job \n in November".into()
        })
    );
    assert_eq!(
        ask("4", "x"),
        Err(("months", Issue::MonthsRange { max: 3 }))
    );
    assert_eq!(ask("", "x"), Err(("months", Issue::Required)));
    assert_eq!(ask("1", "   "), Err(("text", Issue::Required)));
    assert_eq!(
        ask("1", &"é".repeat(2001)),
        Err(("text", Issue::TooLong { max: 2000 }))
    );
}

#[test]
fn an_insurance_event_happened_within_the_year_and_names_its_insurer_and_claim() {
    let good = ApplicationForm {
        date: "2026-11-30".into(),
        insurance_kind: "total_loss".into(),
        text: "Hit by a truck on the highway.".into(),
        insurer: "Acme Mutual".into(),
        claim_number: "CL-2026-0042".into(),
        ..form("insurance_event")
    };
    assert!(matches!(
        good.parse(TODAY),
        Ok(Details::InsuranceEvent {
            kind: InsuranceKind::TotalLoss,
            ..
        })
    ));
    let with = |f: fn(&mut ApplicationForm)| {
        let mut x = good.clone();
        f(&mut x);
        x.parse(TODAY).unwrap_err()
    };
    assert_eq!(
        with(|x| x.date = "2026-12-08".into()),
        ("date", Issue::DateInFuture)
    );
    assert_eq!(
        with(|x| x.date = "2025-12-06".into()),
        ("date", Issue::DateTooOld { days: 365 })
    );
    let a_year_ago = ApplicationForm {
        date: "2025-12-07".into(),
        ..good.clone()
    };
    assert!(a_year_ago.parse(TODAY).is_ok());
    assert_eq!(
        with(|x| x.insurance_kind = "fire".into()),
        ("insurance_kind", Issue::OneOf)
    );
    assert_eq!(
        with(|x| x.insurer = "A\nB".into()),
        ("insurer", Issue::TextCharacters)
    );
    assert_eq!(
        with(|x| x.claim_number = "9".repeat(101)),
        ("claim_number", Issue::TooLong { max: 100 })
    );
}

#[test]
fn an_unknown_or_missing_kind_is_named() {
    assert_eq!(form("").parse(TODAY), Err(("kind", Issue::Required)));
    assert_eq!(form("refinance").parse(TODAY), Err(("kind", Issue::OneOf)));
    assert_eq!(
        ApplicationForm {
            months: "3".into(),
            ..form("lease_extension")
        }
        .parse(TODAY)
        .map(|d| d.kind()),
        Ok(ApplicationKind::LeaseExtension)
    );
}
