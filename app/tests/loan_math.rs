//! Loan and lease arithmetic: 24 independently computed vectors (numpy-financial, see the fixture's
//! `source`) checked to the cent, and property tests for the invariants.
#![cfg(not(target_arch = "wasm32"))]

use app::domain::lease::LeaseTerms;
use app::domain::loan::{
    after_prepayment, amortize, amortize_with, level_payment, LoanLedger, PrepaymentEffect,
};
use app::domain::{Apr, Money};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;
use time::macros::date;
use time::Duration;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn matches_numpy_financial_vectors() {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/loan_vectors.json")).unwrap();
    let vectors = doc["vectors"].as_array().unwrap();
    assert!(vectors.len() >= 20);
    for v in vectors {
        let principal = Money::round(dec(v["principal"].as_str().unwrap()));
        let apr = Apr::new(dec(v["apr"].as_str().unwrap())).unwrap();
        let n = v["months"].as_u64().unwrap() as u32;
        let label = format!("{principal} @ {apr} × {n}");
        // PMT to the cent.
        assert_eq!(
            level_payment(principal, apr, n),
            Money::round(dec(v["pmt"].as_str().unwrap())),
            "pmt {label}"
        );
        let schedule = amortize(principal, apr, n, date!(2025 - 01 - 15));
        // First month's interest to the cent.
        assert_eq!(
            schedule[0].interest,
            Money::round(dec(v["ipmt_1"].as_str().unwrap())),
            "ipmt 1 {label}"
        );
        // Mid-term interest: numpy carries unrounded balances, the schedule rounds each row to the
        // cent, so the two may differ by at most one cent there.
        let mid = v["mid_period"].as_u64().unwrap() as usize;
        let theirs = Money::round(dec(v["ipmt_mid"].as_str().unwrap()));
        let diff = (schedule[mid - 1].interest - theirs).amount().abs();
        assert!(
            diff <= dec("0.01"),
            "ipmt {mid} {label}: {} vs {theirs}",
            schedule[mid - 1].interest
        );
    }
}

#[test]
fn zero_rate_loans_split_evenly_and_last_payment_absorbs_rounding() {
    let s = amortize(
        Money::from_cents(100_000),
        Apr::new(Decimal::ZERO).unwrap(),
        3,
        date!(2025 - 01 - 31),
    );
    let payments: Vec<i64> = s.iter().map(|r| r.payment.cents()).collect();
    assert_eq!(payments, vec![33_333, 33_333, 33_334]);
    assert_eq!(s[1].due_date, date!(2025 - 02 - 28));
    assert_eq!(s[2].balance, Money::ZERO);
}

#[test]
fn payoff_worked_example() {
    // 20,000.00 at 6.00 %: per diem = 20000 × 0.06 / 365 = 3.287671… → 3.29 shown.
    let apr = Apr::new(dec("6.00")).unwrap();
    let mut l = LoanLedger::open(Money::from_cents(2_000_000), apr, date!(2025 - 03 - 01));
    let p = l.payoff(date!(2025 - 03 - 31));
    assert_eq!(p.per_diem, Money::from_cents(329));
    // 30 days: 20000 × 0.06 × 30 / 365 = 98.630… → 98.63
    assert_eq!(p.interest, Money::from_cents(9_863));
    assert_eq!(p.total, Money::from_cents(2_009_863));
    // A 500.00 payment on 31 March: 98.63 interest, 401.37 principal.
    let a = l.apply_payment(date!(2025 - 03 - 31), Money::from_cents(50_000));
    assert_eq!(
        (a.fees, a.interest, a.principal, a.excess),
        (
            Money::ZERO,
            Money::from_cents(9_863),
            Money::from_cents(40_137),
            Money::ZERO
        )
    );
    l.charge_fee(Money::from_cents(2_500));
    let a = l.apply_payment(date!(2025 - 03 - 31), Money::from_cents(1_000));
    assert_eq!(
        (a.fees, a.interest, a.principal),
        (Money::from_cents(1_000), Money::ZERO, Money::ZERO),
        "fees first"
    );
    // Leap year: 29 Feb 2024 accrues like any other day (actual/365).
    let leap = LoanLedger::open(
        Money::from_cents(3_650_000),
        Apr::new(dec("10")).unwrap(),
        date!(2024 - 02 - 28),
    );
    assert_eq!(
        leap.interest_until(date!(2024 - 03 - 01)),
        Money::from_cents(2_000)
    );
}

#[test]
fn prepayment_shortens_or_lowers() {
    let apr = Apr::new(dec("6")).unwrap();
    let pmt = level_payment(Money::from_cents(2_000_000), apr, 48);
    let (p, n) = after_prepayment(
        Money::from_cents(1_000_000),
        apr,
        pmt,
        40,
        PrepaymentEffect::ShortenTerm,
    );
    assert_eq!(p, pmt);
    assert!(n < 40 && n > 0, "{n}");
    let (lower, n2) = after_prepayment(
        Money::from_cents(1_000_000),
        apr,
        pmt,
        40,
        PrepaymentEffect::LowerPayment,
    );
    assert_eq!(n2, 40);
    assert!(lower < pmt);
    assert_eq!(lower, level_payment(Money::from_cents(1_000_000), apr, 40));
    assert_eq!(
        after_prepayment(Money::ZERO, apr, pmt, 40, PrepaymentEffect::ShortenTerm),
        (Money::ZERO, 0)
    );
}

#[test]
fn a_loan_made_again_after_a_prepayment_pays_its_balance_exactly_in_the_promised_count() {
    let apr = Apr::new(dec("6")).unwrap();
    let pmt = level_payment(Money::from_cents(2_000_000), apr, 48);
    let balance = Money::from_cents(1_000_000);
    for effect in [
        PrepaymentEffect::ShortenTerm,
        PrepaymentEffect::LowerPayment,
    ] {
        let (payment, n) = after_prepayment(balance, apr, pmt, 40, effect);
        let rows = amortize_with(balance, apr, payment, n, date!(2027 - 01 - 15));
        assert_eq!(rows.len() as u32, n, "{effect:?}");
        let principal: Money = rows.iter().map(|r| r.principal).sum();
        assert_eq!(principal, balance, "{effect:?}");
        assert_eq!(rows.last().unwrap().balance, Money::ZERO);
        // Every payment but the last is the promised one; the last is no larger.
        assert!(rows[..rows.len() - 1].iter().all(|r| r.payment == payment));
        assert!(rows.last().unwrap().payment <= payment + Money::from_cents(100));
        assert_eq!(rows[1].due_date, date!(2027 - 02 - 15));
    }
    // With the level payment it is the contract's own schedule.
    assert_eq!(
        amortize_with(
            balance,
            apr,
            level_payment(balance, apr, 40),
            40,
            date!(2027 - 01 - 15)
        ),
        amortize(balance, apr, 40, date!(2027 - 01 - 15))
    );
}

fn money(min: i64, max: i64) -> impl Strategy<Value = Money> {
    (min..=max).prop_map(Money::from_cents)
}

fn apr() -> impl Strategy<Value = Apr> {
    (0i64..=2999).prop_map(|bp| Apr::new(Decimal::new(bp, 2)).unwrap())
}

proptest! {
    #[test]
    fn schedule_principal_sums_to_amount_financed(p in money(100_000, 15_000_000), a in apr(), n in 1u32..=96) {
        let s = amortize(p, a, n, date!(2025 - 01 - 10));
        prop_assert_eq!(s.len(), n as usize);
        prop_assert_eq!(s.iter().map(|r| r.principal).sum::<Money>(), p);
        prop_assert!(s.iter().all(|r| !r.balance.amount().is_sign_negative() && !r.principal.amount().is_sign_negative()));
        prop_assert_eq!(s.last().unwrap().balance, Money::ZERO);
        for r in &s { prop_assert_eq!(r.payment, r.principal + r.interest); }
    }

    #[test]
    fn payoff_never_decreases_over_time(p in money(1, 15_000_000), a in apr(), d1 in 0i64..2000, extra in 0i64..2000) {
        let start = date!(2024 - 01 - 01);
        let l = LoanLedger::open(p, a, start);
        let q1 = l.payoff(start + Duration::days(d1));
        let q2 = l.payoff(start + Duration::days(d1 + extra));
        prop_assert!(q2.total >= q1.total);
    }

    #[test]
    fn allocation_sums_to_the_payment_and_balances_stay_non_negative(
        p in money(1, 5_000_000), a in apr(), fee in money(0, 10_000),
        payments in prop::collection::vec((1i64..60, money(1, 3_000_000)), 1..20)
    ) {
        let mut l = LoanLedger::open(p, a, date!(2024 - 01 - 01));
        l.charge_fee(fee);
        let mut day = date!(2024 - 01 - 01);
        for (gap, amount) in payments {
            day += Duration::days(gap);
            let alloc = l.apply_payment(day, amount);
            prop_assert_eq!(alloc.total(), amount);
            prop_assert!(!l.principal.amount().is_sign_negative());
            prop_assert!(!l.interest_due().amount().is_sign_negative());
            prop_assert!(!l.fees_due.amount().is_sign_negative());
        }
    }

    /// The ledger looked at on any number of intermediate days (a statement, a dashboard visit, a
    /// late charge) gives the same payoff, interest and allocation as one direct step.
    #[test]
    fn accrual_does_not_depend_on_how_often_the_ledger_is_moved(
        p in money(1, 15_000_000), a in apr(), fee in money(0, 5_000),
        stops in prop::collection::vec(1i64..400, 0..12),
        payment in money(1, 2_000_000), tail in 0i64..120,
    ) {
        let start = date!(2024 - 01 - 15);
        let end = start + Duration::days(stops.iter().sum::<i64>() + 1);
        let direct = {
            let mut l = LoanLedger::open(p, a, start);
            l.charge_fee(fee);
            l
        };
        let mut walked = direct.clone();
        let mut day = start;
        for gap in &stops {
            day += Duration::days(*gap);
            walked.accrue_to(day);
            // Looking is free: a quote on the way changes nothing.
            let _ = walked.payoff(day + Duration::days(3));
        }
        let quote = |l: &LoanLedger| l.payoff(end + Duration::days(tail));
        prop_assert_eq!(quote(&walked), quote(&direct));
        let (mut w, mut d) = (walked.clone(), direct.clone());
        prop_assert_eq!(w.apply_payment(end, payment), d.apply_payment(end, payment));
        prop_assert_eq!(quote(&w), quote(&d));
        prop_assert_eq!(w.interest_due(), d.interest_due());
    }

    #[test]
    fn lease_buyout_is_residual_plus_fee_at_maturity(cap in money(1_000_000, 10_000_000), share in 30u32..70, a in apr(), n in 12u32..60) {
        let residual = Money::round(cap.amount() * Decimal::from(share) / Decimal::ONE_HUNDRED);
        let t = LeaseTerms { adjusted_cap_cost: cap, residual, apr: a, term_months: n, tax_percent: Decimal::ZERO, purchase_option_fee: Money::from_cents(35_000) };
        prop_assert_eq!(t.early_buyout(n), residual + Money::from_cents(35_000));
        prop_assert!(t.early_buyout(0) >= t.early_buyout(n / 2));
        let pay = t.monthly_payment();
        prop_assert_eq!(pay.total, pay.depreciation + pay.rent_charge + pay.tax);
    }
}
