//! Where a contract stands: paid, late, past due, in flight.
use super::*;
use time::macros::date;

fn inst(n: u32, due: Date) -> Installment {
    let m = Money::from_cents(10_000);
    Installment {
        number: n,
        due_date: due,
        payment: m,
        interest: Money::ZERO,
        principal: m,
        tax: Money::ZERO,
        balance: Money::ZERO,
    }
}

fn pay(d: Date, cents: i64, status: TxnStatus) -> Txn {
    let amount = Money::from_cents(cents);
    Txn {
        kind: TxnKind::Payment,
        status,
        date: d,
        amount,
        allocation: Allocation {
            principal: amount,
            ..Default::default()
        },
        tax: Money::ZERO,
        extra_principal: Money::ZERO,
    }
}

#[test]
fn marks_paid_late_past_due_and_next() {
    let schedule: Vec<_> = (1..=5)
        .map(|n| {
            inst(
                n,
                date!(2025 - 01 - 15) + Duration::days(30 * (n as i64 - 1)),
            )
        })
        .collect();
    let txns = vec![
        pay(date!(2025 - 01 - 14), 10_000, TxnStatus::Posted),
        pay(date!(2025 - 03 - 01), 10_000, TxnStatus::Posted), // 2nd due 14 Feb, paid 15 days later
        pay(date!(2025 - 03 - 10), 10_000, TxnStatus::Returned),
        pay(date!(2025 - 03 - 20), 5_000, TxnStatus::Pending),
    ];
    let p = position(&schedule, &txns, date!(2025 - 04 - 20));
    assert_eq!(
        p.rows,
        vec![
            RowStatus::Paid,
            RowStatus::PaidLate,
            RowStatus::PastDue,
            RowStatus::PastDue,
            RowStatus::Due
        ]
    );
    assert_eq!(p.payments_made, 2);
    assert_eq!(p.payments_remaining, 3);
    // 200.00 owed on the 3rd and 4th, less the 50.00 in flight.
    assert_eq!(p.past_due, Money::from_cents(15_000));
    assert_eq!(
        p.in_flight,
        Some(InFlight {
            amount: Money::from_cents(5_000),
            posts_on: date!(2025 - 03 - 25)
        })
    );
    assert_eq!(
        p.next_due,
        Some((date!(2025 - 05 - 15), Money::from_cents(10_000)))
    );
    assert_eq!(p.remaining_scheduled, Money::from_cents(30_000));
}

#[test]
fn partial_payment_reduces_the_next_amount() {
    let schedule: Vec<_> = (1..=2)
        .map(|n| {
            inst(
                n,
                date!(2025 - 06 - 01) + Duration::days(31 * (n as i64 - 1)),
            )
        })
        .collect();
    let p = position(
        &schedule,
        &[pay(date!(2025 - 05 - 20), 4_000, TxnStatus::Posted)],
        date!(2025 - 05 - 25),
    );
    assert_eq!(
        p.next_due,
        Some((date!(2025 - 06 - 01), Money::from_cents(6_000)))
    );
    assert_eq!(p.past_due, Money::ZERO);
}

fn monthly(n: u32, first: Date) -> Vec<Installment> {
    (0..n)
        .map(|i| inst(i + 1, crate::domain::dates::add_months(first, i)))
        .collect()
}

#[test]
fn a_payment_in_flight_covers_the_next_instalment_without_counting_as_paid() {
    // Olga's case: the Dec 1 instalment paid on Sun Nov 29, not posted yet.
    let schedule = monthly(3, date!(2026 - 11 - 01));
    let txns = [
        pay(date!(2026 - 10 - 30), 10_000, TxnStatus::Posted),
        pay(date!(2026 - 11 - 29), 10_000, TxnStatus::Pending),
    ];
    for today in [
        date!(2026 - 11 - 30),
        date!(2026 - 12 - 01),
        date!(2026 - 12 - 02),
    ] {
        let p = position(&schedule, &txns, today);
        assert_eq!(
            p.rows,
            vec![RowStatus::Paid, RowStatus::Pending, RowStatus::Due],
            "{today}"
        );
        assert_eq!(
            p.next_due,
            Some((date!(2027 - 01 - 01), Money::from_cents(10_000)))
        );
        assert_eq!(
            p.past_due,
            Money::ZERO,
            "not past due while it is in flight ({today})"
        );
        assert_eq!(p.payments_made, 1, "not paid until it posts");
        assert_eq!(
            p.remaining_scheduled,
            Money::from_cents(20_000),
            "balance as posted"
        );
        assert_eq!(
            p.in_flight,
            Some(InFlight {
                amount: Money::from_cents(10_000),
                posts_on: date!(2026 - 12 - 02)
            })
        );
    }
}

#[test]
fn a_partial_payment_in_flight_goes_to_fees_first_then_reduces_what_is_due() {
    let schedule = monthly(2, date!(2026 - 12 - 01));
    let fee = Txn {
        kind: TxnKind::LateCharge,
        status: TxnStatus::Posted,
        date: date!(2026 - 11 - 20),
        amount: Money::from_cents(2_500),
        allocation: Allocation::default(),
        tax: Money::ZERO,
        extra_principal: Money::ZERO,
    };
    let txns = [fee, pay(date!(2026 - 11 - 28), 6_000, TxnStatus::Pending)];
    let p = position(&schedule, &txns, date!(2026 - 11 - 30));
    assert_eq!(p.fees_due, Money::ZERO);
    assert_eq!(
        p.next_due,
        Some((date!(2026 - 12 - 01), Money::from_cents(6_500)))
    );
    let later = position(&schedule, &txns, date!(2026 - 12 - 05));
    assert_eq!(later.past_due, Money::from_cents(6_500));
    assert_eq!(later.rows[0], RowStatus::PastDue);
    // Returned, it no longer counts.
    let mut returned = txns.clone();
    returned[1].status = TxnStatus::Returned;
    let p = position(&schedule, &returned, date!(2026 - 11 - 30));
    assert_eq!(p.fees_due, Money::from_cents(2_500));
    assert_eq!(
        p.next_due,
        Some((date!(2026 - 12 - 01), Money::from_cents(10_000)))
    );
    assert_eq!(p.in_flight, None);
}
