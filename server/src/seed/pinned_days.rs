//! The demo book is generated relative to "today": these checks run it at pinned days (month
//! ends, leap days, a weekend, due dates and the days after them) so no day can break it.

use super::book::{DemoContract, GenTxn, Story};
use super::contracts::{demo_book, link_hints};
use app::domain::account::{position, Txn};
use app::domain::account::{TxnKind, TxnStatus};
use app::domain::Money;
use time::macros::date;
use time::Date;

const DAYS: [Date; 14] = [
    date!(2024 - 02 - 29), // leap day (before some contracts' first payment)
    date!(2026 - 11 - 16), // the suites' default day
    date!(2026 - 11 - 28), // a Saturday
    date!(2026 - 11 - 29),
    date!(2026 - 11 - 30),
    date!(2026 - 12 - 01), // due date of several contracts
    date!(2026 - 12 - 02), // the day after
    date!(2026 - 12 - 03), // a lease's last instalment
    date!(2026 - 12 - 15), // a due date (the 15th)
    date!(2026 - 12 - 31),
    date!(2027 - 01 - 31),
    date!(2027 - 02 - 28),
    date!(2027 - 03 - 01),
    date!(2028 - 02 - 29),
];

fn as_txns(h: &[GenTxn]) -> Vec<Txn> {
    h.iter()
        .map(|t| Txn {
            kind: t.kind,
            status: t.status,
            date: t.date,
            amount: t.amount,
            allocation: t.allocation,
            tax: t.tax,
            extra_principal: app::domain::Money::ZERO,
        })
        .collect()
}

/// The demo book and the load test's customers (`load.rs`), one for each due day 1 to 28.
fn book_at(today: Date) -> Vec<DemoContract> {
    let load = (1..=28).map(|i| super::load::load_contract(i, today));
    demo_book().into_iter().chain(load).collect()
}

#[test]
fn nothing_is_dated_after_today_and_only_recent_payments_are_pending() {
    for today in DAYS {
        for k in book_at(today) {
            for t in k.history(today) {
                assert!(
                    t.date <= today,
                    "{} on {today}: {:?} dated {}",
                    k.number,
                    t.kind,
                    t.date
                );
                if t.status == TxnStatus::Pending {
                    assert!(
                        t.date > today - time::Duration::days(3),
                        "{} on {today}",
                        k.number
                    );
                }
            }
        }
    }
}

#[test]
fn every_unlinked_contract_with_a_posted_payment_can_be_linked() {
    for today in DAYS {
        let hints = link_hints(today);
        for k in demo_book()
            .into_iter()
            .filter(|k| k.primary.login.is_none())
        {
            let posted = k
                .history(today)
                .into_iter()
                .rfind(|t| t.kind == TxnKind::Payment && t.status == TxnStatus::Posted);
            let hint = hints.iter().find(|h| h.vin == k.vin);
            assert_eq!(
                hint.map(|h| h.last_payment),
                posted.map(|t| t.amount),
                "{} on {today}",
                k.number
            );
        }
    }
}

/// Within the book's life (the last pinned day, 2028-02-29, is after the Honda loan matured:
/// there its last scheduled payment exceeds the daily-interest balance, and the excess is not
/// counted as instalment credit — a matured loan's position belongs to the payments work).
#[test]
fn positions_agree_with_each_story() {
    for today in DAYS.into_iter().filter(|d| d.year() < 2028) {
        for k in book_at(today) {
            let schedule = k.schedule();
            let h = k.history(today);
            let pos = position(&schedule, &as_txns(&h), today);
            if let Some((due, owed)) = pos.next_due {
                assert!(due >= today, "{} on {today}: next due {due}", k.number);
                assert!(owed.is_positive());
            }
            let started = schedule[0].due_date + time::Duration::days(3) < today;
            match k.story {
                // Paid as agreed: nothing is past due, whatever the day.
                Story::OnTime | Story::OneLate => {
                    assert_eq!(pos.past_due, Money::ZERO, "{} on {today}", k.number)
                }
                Story::PastDue if started => {
                    assert!(pos.past_due.is_positive(), "{} on {today}", k.number)
                }
                _ => {}
            }
        }
    }
}
