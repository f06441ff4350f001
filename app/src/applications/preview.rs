//! Where a contract stands for applications (`Standing`: arrears, what is open, what was granted)
//! and what an application would do to it (`Preview`), computed from the contract as it stands
//! with the functions the change itself uses: the payments review for an early repayment's
//! money, the domain for dates and interest. The page shows it before filing; staff see it
//! again before approving; approval applies what it says.

use super::{Options, Preview};
use crate::contracts::ContractKind;
use crate::domain::application::{deferral, due_date_change, eligible, ApplicationKind, Standing};
use crate::domain::application_form::{Details, InsuranceKind};
use crate::domain::dates::{add_months, with_due_day};
use crate::domain::loan::after_prepayment;
use crate::domain::payment::ExtraTo;
use crate::domain::{Issue, Money};
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::AppState;
use crate::payments::book::{book_in, Book};
use crate::payments::PaymentRequest;
use rust_decimal::Decimal;
use time::{Date, OffsetDateTime};

/// The contract's last scheduled due date.
pub(crate) fn maturity(b: &Book) -> Date {
    b.schedule
        .last()
        .map_or(b.rec.first_due, |row| row.due_date)
}

/// The exact daily interest of a loan as it stands (a lease charges rent by the month: none).
fn per_diem(b: &Book) -> Decimal {
    match b.rec.kind {
        ContractKind::Loan => b.loan_ledger().per_diem_exact(),
        ContractKind::Lease => Decimal::ZERO,
    }
}

/// The contract's standing, read on `conn` (the caller's transaction when it is about to change
/// the contract).
pub(crate) async fn standing_in(
    conn: &mut sqlx::AnyConnection,
    b: &Book,
) -> Result<Standing, ServiceError> {
    let open: Vec<String> = sqlx::query_scalar(
        "SELECT kind FROM applications WHERE contract_id = $1 AND status IN ('submitted', 'under_review', 'returned')",
    )
    .bind(b.rec.id)
    .fetch_all(&mut *conn)
    .await?;
    let last_change: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(decided_at) FROM applications WHERE contract_id = $1 AND kind = 'due_date_change' AND status = 'approved'",
    )
    .bind(b.rec.id)
    .fetch_one(&mut *conn)
    .await?;
    let deferrals: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM applications WHERE contract_id = $1 AND kind = 'deferral' AND status = 'approved'",
    )
    .bind(b.rec.id)
    .fetch_one(&mut *conn)
    .await?;
    let s = &b.summary;
    Ok(Standing {
        closed: b.rec.status != "active",
        is_lease: b.rec.kind == ContractKind::Lease,
        past_due: s.past_due + s.fees_due,
        open: open
            .iter()
            .filter_map(|k| ApplicationKind::parse(k))
            .collect(),
        last_due_date_change: last_change
            .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok())
            .map(|t| t.date()),
        deferrals_used: u32::try_from(deferrals).unwrap_or(u32::MAX),
        maturity: maturity(b),
    })
}

/// Which kinds the customer's contract may file today, and why not.
pub async fn options(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<Options, ServiceError> {
    let today = state.clock.now().date();
    let mut conn = state.db.pool.acquire().await?;
    let b = book_in(&mut conn, today, customer_id, contract_id, 0).await?;
    let standing = standing_in(&mut conn, &b).await?;
    Ok(Options {
        contract_id,
        number: b.rec.number.clone(),
        currency: b.rec.currency.clone(),
        today,
        kinds: ApplicationKind::ALL
            .iter()
            .map(|&k| (k, eligible(&standing, k, today, state.config.max_deferrals)))
            .collect(),
    })
}

/// Refused unless the contract may file this kind now.
pub(crate) fn check_eligible(
    state: &AppState,
    standing: &Standing,
    kind: ApplicationKind,
    today: Date,
) -> Result<(), ServiceError> {
    eligible(standing, kind, today, state.config.max_deferrals)
        .map_err(|why| AppError::Conflict(Conflict::NotEligible(why)).into())
}

/// What `details` would do to the contract in `b` on `today`. An early repayment is reviewed
/// as the payment it becomes (source, amount, date, fee), and must leave something owing.
pub(crate) async fn preview(
    state: &AppState,
    customer_id: i64,
    b: &Book,
    details: &Details,
    today: Date,
) -> Result<Preview, ServiceError> {
    let next_due = || {
        b.summary
            .next_due
            .map(|(d, _)| d)
            .ok_or(AppError::Conflict(Conflict::NotEligible(
                crate::domain::application::Ineligible::Closed,
            )))
    };
    Ok(match details {
        Details::EarlyRepayment {
            amount,
            on,
            effect,
            source_id,
        } => {
            if b.loan_ledger().payoff(*on).total <= *amount {
                return Err(AppError::validation("amount", Issue::PrepaymentNotPartial).into());
            }
            // What is due now is paid first (the next instalment with it); a prepayment is more.
            if *amount <= b.due_now() {
                return Err(AppError::validation("amount", Issue::PrepaymentWithinDue).into());
            }
            let review = crate::payments::review::review(
                state,
                customer_id,
                &PaymentRequest {
                    contract_id: b.rec.id,
                    source_id: *source_id,
                    amount: amount.to_string(),
                    date: on.to_string(),
                    extra_to: ExtraTo::Principal,
                    payoff: false,
                },
            )
            .await?;
            let s = &b.summary;
            let next = next_due()?;
            // The instalments left once this posts: those not yet covered, less the next one when
            // this payment covers it.
            let covers_next = s.next_due.is_some_and(|(_, m)| m.is_positive());
            let left: Vec<Date> = b
                .schedule
                .iter()
                .filter(|r| r.number > s.payments_made && r.due_date >= next)
                .skip(usize::from(covers_next))
                .map(|r| r.due_date)
                .collect();
            // After the payments on their way (the ledger posts them first), then this one.
            let balance_after = (b.loan_ledger().principal - review.principal).max(Money::ZERO);
            let (payment_after, remaining_after) = after_prepayment(
                balance_after,
                b.rec.apr,
                b.rec.payment,
                left.len() as u32,
                *effect,
            );
            let first = left.first().copied().unwrap_or(next);
            let last = |n: u32| with_due_day(add_months(first, n.saturating_sub(1)), b.rec.due_day);
            Preview::EarlyRepayment {
                principal: review.principal,
                interest: review.interest,
                fee: review.fee,
                balance_before: s.balance,
                balance_after,
                payment_before: b.rec.payment,
                payment_after,
                remaining_before: s.payments_remaining,
                remaining_after,
                maturity_before: maturity(b),
                maturity_after: last(remaining_after),
            }
        }
        Details::DueDateChange { new_day } => {
            let next = next_due()?;
            let mut change = due_date_change(next, *new_day, per_diem(b), maturity(b))
                .ok_or(AppError::validation("new_day", Issue::DueDay))?;
            if change.days_later == 0 {
                return Err(AppError::validation("new_day", Issue::SameDueDay).into());
            }
            // Every instalment from the next one moves to the new day, month by month (what
            // approval does): the last one is as many months after the new first.
            let moving = b.schedule.iter().filter(|r| r.due_date >= next).count() as u32;
            change.maturity = with_due_day(
                add_months(change.next_due, moving.saturating_sub(1)),
                *new_day,
            );
            Preview::DueDateChange(change)
        }
        Details::Deferral { months, .. } => Preview::Deferral(
            deferral(next_due()?, *months, per_diem(b), maturity(b)).ok_or(
                AppError::validation("months", Issue::MonthsRange { max: 3 }),
            )?,
        ),
        Details::InsuranceEvent { kind, .. } => Preview::InsuranceEvent {
            payoff: (*kind == InsuranceKind::TotalLoss).then(|| b.most(today)),
        },
        Details::LeaseExtension { months } => Preview::LeaseExtension {
            maturity_before: maturity(b),
            maturity_after: with_due_day(add_months(maturity(b), *months), b.rec.due_day),
            payment: b.rec.payment,
        },
    })
}

/// The preview the page shows before filing: the form parsed, the contract's eligibility, then
/// the effect. A correction (`correcting`: the customer's application sent back) is checked as
/// its own resubmission is: that application is the open one of its kind.
pub async fn for_customer(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    form: &crate::domain::application_form::ApplicationForm,
    correcting: Option<i64>,
) -> Result<Preview, ServiceError> {
    let today = state.clock.now().date();
    let details = form
        .parse(today)
        .map_err(|(field, issue)| AppError::validation(field, issue))?;
    let mut conn = state.db.pool.acquire().await?;
    let b = book_in(&mut conn, today, customer_id, contract_id, 0).await?;
    let mut standing = standing_in(&mut conn, &b).await?;
    if let Some(id) = correcting {
        let kind = returned_kind(&mut conn, customer_id, contract_id, id).await?;
        standing.open.retain(|k| *k != kind);
    }
    drop(conn);
    check_eligible(state, &standing, details.kind(), today)?;
    preview(state, customer_id, &b, &details, today).await
}

/// The kind of the customer's application `id` on `contract_id`, sent back for correction
/// (another's, or one not sent back, is refused).
pub(crate) async fn returned_kind(
    conn: &mut sqlx::AnyConnection,
    customer_id: i64,
    contract_id: i64,
    id: i64,
) -> Result<ApplicationKind, ServiceError> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT kind, status FROM applications WHERE id = $1 AND customer_id = $2 AND contract_id = $3",
    )
    .bind(id)
    .bind(customer_id)
    .bind(contract_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (kind, status) = row.ok_or(AppError::NotFound)?;
    if status != "returned" {
        return Err(AppError::Conflict(Conflict::ApplicationNotReturned).into());
    }
    ApplicationKind::parse(&kind)
        .ok_or_else(|| ServiceError::failed("reading an application")(kind))
}
