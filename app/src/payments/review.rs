//! What the pay form offers for a contract and the review of a request: where the money goes,
//! computed by the ledger for the day the payment posts (a lease's purchase: fees owed, then the
//! vehicle's price), with every refusal typed — checked again, unchanged, when the payment is made.

use super::book::{book, Book};
use super::sources::source_of;
use super::{PayOptions, PaymentRequest, Review, SourceStatus};
use crate::contracts::ContractKind;
use crate::domain::dates::parse_iso;
use crate::domain::payment::{ExtraTo, SourceKind};
use crate::domain::payoff::purchase_allocation;
use crate::domain::{Issue, Money};
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::AppState;
use time::{Date, Duration};

pub async fn options(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<PayOptions, ServiceError> {
    let b = book(state, customer_id, contract_id, 0).await?;
    if b.rec.status != "active" {
        return Err(AppError::Conflict(Conflict::ContractClosed).into());
    }
    let today = super::day::processing_date(state);
    let sources = super::sources::list(state, customer_id).await?;
    Ok(PayOptions {
        contract_id,
        number: b.rec.number.clone(),
        vehicle: b.summary.vehicle.clone(),
        currency: b.rec.currency.clone(),
        is_lease: b.rec.kind == ContractKind::Lease,
        due_now: b.due_now(),
        next_due: b.summary.next_due.map(|(d, _)| d),
        regular: b.rec.payment,
        // Shown as a bank payment made today would pay it off (the review quotes it exactly
        // for the chosen source and date).
        // A lease: the price to buy the vehicle now.
        payoff: match b.rec.kind {
            ContractKind::Loan => {
                Some(b.most(state.config.payment_rules.posts_on(SourceKind::Bank, today)))
            }
            ContractKind::Lease => b.purchase().map(|p| p.buyout_total),
        },
        earliest: today,
        latest: latest_date(&b, today, state),
        card_fee: state
            .config
            .payment_rules
            .fee(crate::domain::payment::SourceKind::Card, &b.rec.currency),
        sources,
        cutoff: super::day::cutoff_label(state),
        bank_days: state.config.payment_rules.bank_settlement_days,
        card_days: state.config.payment_rules.card_settlement_days,
    })
}

fn latest_date(b: &Book, today: Date, state: &AppState) -> Date {
    b.summary.next_due.map_or(today, |(d, _)| d.max(today))
        + Duration::days(state.config.payment_rules.schedule_ahead_days)
}

/// Checks a request and says what it will do, without writing anything.
pub async fn review(
    state: &AppState,
    customer_id: i64,
    r: &PaymentRequest,
) -> Result<Review, ServiceError> {
    let b = book(state, customer_id, r.contract_id, 0).await?;
    check(state, customer_id, &b, r).await
}

/// `review` against the contract as the caller's transaction sees it (a charge it has just posted
/// included): how a purchase charged and paid in one step is reviewed (`lease_end::miles`).
pub(crate) async fn review_in(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    customer_id: i64,
    r: &PaymentRequest,
) -> Result<Review, ServiceError> {
    let today = state.clock.now().date();
    let b = super::book::book_in(conn, today, customer_id, r.contract_id, 0).await?;
    check(state, customer_id, &b, r).await
}

/// The review of `r` against the contract as it stands in `b`.
pub(super) async fn check(
    state: &AppState,
    customer_id: i64,
    b: &Book,
    r: &PaymentRequest,
) -> Result<Review, ServiceError> {
    if b.rec.status != "active" {
        return Err(AppError::Conflict(Conflict::ContractClosed).into());
    }
    let today = super::day::processing_date(state);
    let date = parse_iso(&r.date).ok_or(AppError::validation("date", Issue::PaymentDateRange))?;
    if date < today || date > latest_date(b, today, state) {
        return Err(AppError::validation("date", Issue::PaymentDateRange).into());
    }
    let source = source_of(state, customer_id, r.source_id).await?;
    if source.view().status == SourceStatus::Failed {
        return Err(AppError::Conflict(Conflict::SourceFailed).into());
    }
    // A bank account pays in its own country's currency.
    let currency_of = |country: &str| match country {
        "CA" => "CAD",
        "RU" => "RUB",
        _ => "USD",
    };
    if source.kind() == SourceKind::Bank && currency_of(&source.country) != b.rec.currency {
        return Err(AppError::Conflict(Conflict::SourceCurrency).into());
    }
    let rules = &state.config.payment_rules;
    let posts_on = rules.posts_on(source.kind(), date);
    // A loan's payoff is the payoff on the day the payment posts, so it leaves nothing owing; a
    // lease's buys the vehicle at today's purchase price, once nothing else is on its way.
    let purchase = r.payoff && b.rec.kind == ContractKind::Lease;
    // Today's purchase price is paid on the first processing day (the form's first date).
    if purchase && date != today {
        return Err(AppError::validation("date", Issue::PaymentDateRange).into());
    }
    if purchase && b.payments_in_progress() {
        return Err(AppError::Conflict(Conflict::PaymentsInProgress).into());
    }
    let amount = if purchase {
        b.purchase().map_or(Money::ZERO, |p| p.buyout_total)
    } else if r.payoff {
        b.most(posts_on)
    } else {
        Money::parse(&r.amount).map_err(|i| AppError::validation("amount", i))?
    };
    if !amount.is_positive() {
        // Only a payoff request gets here (typed amounts are positive): payments already asked
        // for pay everything.
        return Err(AppError::validation("amount", Issue::PaymentOverPayoff).into());
    }
    if !purchase && amount > b.most(posts_on) {
        return Err(AppError::validation("amount", Issue::PaymentOverPayoff).into());
    }
    let (a, tax) = if purchase {
        (
            purchase_allocation(b.lease_fees_owed(), amount),
            Money::ZERO,
        )
    } else {
        b.allocate(posts_on, amount)
    };
    let fee = rules.fee(source.kind(), &b.rec.currency);
    Ok(Review {
        amount,
        fee,
        total: amount + fee,
        currency: b.rec.currency.clone(),
        date,
        posts_on,
        source_id: r.source_id,
        source: super::source_label(crate::i18n::current(), &source.view()),
        fees: a.fees,
        interest: a.interest,
        principal: a.principal,
        tax,
        excess: a.excess,
        beyond_due: (amount - b.due_now()).max(Money::ZERO),
        extra_to: if b.rec.kind == ContractKind::Lease {
            ExtraTo::NextInstalment
        } else {
            r.extra_to
        },
        payoff: r.payoff,
    })
}
