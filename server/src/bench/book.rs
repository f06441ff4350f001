//! The benchmark's book: N customers, each with one new contract (three loans of 60 months for
//! every lease of 36, schedules from the domain arithmetic the portal uses), a verified bank
//! account at the simulated processor (one that settles) and an active autopay whose first
//! instalment is drafted on the benchmark's day. Written with multi-row inserts, a few thousand
//! contracts per transaction, straight into the tables (the seeding is not what is measured).

use super::batch::{insert, V};
use app::domain::account::Installment;
use app::domain::lease::LeaseTerms;
use app::domain::loan::amortize;
use app::domain::{Apr, Money};
use app::infra::db::DbKind;
use app::infra::AppState;
use rust_decimal::Decimal;
use time::{Date, Duration};

/// Days before the due date the autopays draft (the first instalment is due this long after
/// the benchmark's day, so it is drafted on that day).
pub const DAYS_BEFORE: i64 = 2;
/// Contracts written per transaction.
const CHUNK: usize = 2_000;

/// One benchmark contract: every fourth a lease.
struct Deal {
    lease: bool,
    financed_cents: i64,
    residual_cents: i64,
    apr: &'static str,
    term: u32,
}

fn deal(i: usize) -> Deal {
    const APRS: [&str; 4] = ["3.99", "5.49", "6.99", "8.25"];
    let lease = i % 4 == 3;
    let financed_cents = 1_800_000 + (i % 40) as i64 * 75_000;
    Deal {
        lease,
        financed_cents,
        residual_cents: if lease { financed_cents * 55 / 100 } else { 0 },
        apr: APRS[i % APRS.len()],
        term: if lease { 36 } else { 60 },
    }
}

const LEASE_TAX: &str = "8.875";
const PURCHASE_OPTION_FEE_CENTS: i64 = 35_000;

fn schedule(d: &Deal, first_due: Date) -> Vec<Installment> {
    let apr = Apr::parse(d.apr).expect("benchmark APR");
    if d.lease {
        LeaseTerms {
            adjusted_cap_cost: Money::from_cents(d.financed_cents),
            residual: Money::from_cents(d.residual_cents),
            apr,
            term_months: d.term,
            tax_percent: LEASE_TAX.parse::<Decimal>().expect("benchmark tax"),
            purchase_option_fee: Money::from_cents(PURCHASE_OPTION_FEE_CENTS),
        }
        .schedule(first_due)
    } else {
        amortize(Money::from_cents(d.financed_cents), apr, d.term, first_due)
            .into_iter()
            .map(|r| Installment {
                number: r.number,
                due_date: r.due_date,
                payment: r.payment,
                interest: r.interest,
                principal: r.principal,
                tax: Money::ZERO,
                balance: r.balance,
            })
            .collect()
    }
}

/// Rows of one chunk, table by table (ids are given: the database is new).
#[derive(Default)]
struct Rows {
    customers: Vec<Vec<V>>,
    contracts: Vec<Vec<V>>,
    parties: Vec<Vec<V>>,
    schedule: Vec<Vec<V>>,
    sources: Vec<Vec<V>>,
    autopays: Vec<Vec<V>>,
}

fn rows(range: std::ops::Range<usize>, today: Date, now: i64) -> Rows {
    let due = today + Duration::days(DAYS_BEFORE);
    let mut r = Rows::default();
    for i in range {
        let id = i as i64 + 1;
        let d = deal(i);
        let s = schedule(&d, due);
        r.customers.push(vec![
            id.into(),
            format!("bench-{id}@bench.example").into(),
            "Bench".into(),
            format!("Customer{id}").into(),
            // Not a password hash: nobody signs in as a benchmark customer.
            "!".into(),
            "active".into(),
            now.into(),
            now.into(),
        ]);
        r.contracts.push(vec![
            id.into(),
            format!("BN-{id:09}").into(),
            (if d.lease { "lease" } else { "loan" }).into(),
            format!("BNCH{id:013}").into(),
            "Ford".into(),
            "Escape".into(),
            2025.into(),
            "Blue".into(),
            "USD".into(),
            (due - Duration::days(30)).to_string().into(),
            d.financed_cents.into(),
            d.apr.into(),
            i64::from(d.term).into(),
            due.to_string().into(),
            i64::from(due.day()).into(),
            s[0].payment.cents().into(),
            d.lease.then_some(d.residual_cents).into(),
            d.lease.then_some(36_000).into(),
            (if d.lease { LEASE_TAX } else { "0" }).into(),
            d.lease.then_some(PURCHASE_OPTION_FEE_CENTS).into(),
            2_500.into(),
            "active".into(),
        ]);
        r.parties.push(vec![
            id.into(),
            "primary".into(),
            "Bench".into(),
            format!("Customer{id}").into(),
            format!("BN-{id:08}").into(),
            id.into(),
            now.into(),
        ]);
        for k in &s {
            r.schedule.push(vec![
                id.into(),
                i64::from(k.number).into(),
                k.due_date.to_string().into(),
                k.payment.cents().into(),
                k.interest.cents().into(),
                k.principal.cents().into(),
                k.tax.cents().into(),
                k.balance.cents().into(),
            ]);
        }
        // Account ending 4321: the simulated processor accepts and settles it.
        r.sources.push(vec![
            id.into(),
            id.into(),
            "bank".into(),
            "US".into(),
            format!("Bench Customer{id}").into(),
            "checking".into(),
            "4321".into(),
            "sim_bank_4321".into(),
            "verified".into(),
            now.into(),
        ]);
        r.autopays.push(vec![
            id.into(),
            id.into(),
            id.into(),
            id.into(),
            DAYS_BEFORE.into(),
            format!("{}-{:02}", due.year(), u8::from(due.month())).into(),
            due.to_string().into(),
            "active".into(),
            now.into(),
            now.into(),
        ]);
    }
    r
}

/// Writes the book of `n` contracts whose first instalment is drafted on `today`.
pub async fn seed(state: &AppState, n: usize, today: Date) -> Result<(), sqlx::Error> {
    let now = state.clock.unix();
    for start in (0..n).step_by(CHUNK) {
        let r = rows(start..(start + CHUNK).min(n), today, now);
        let mut tx = state.db.begin().await?;
        let c = &mut *tx;
        let kind = state.db.kind;
        insert(
            c,
            kind,
            "customers",
            &[
                "id",
                "email",
                "first_name",
                "last_name",
                "password_hash",
                "status",
                "created_at",
                "activated_at",
            ],
            &r.customers,
        )
        .await?;
        insert(
            c,
            kind,
            "contracts",
            &[
                "id",
                "contract_number",
                "kind",
                "vin",
                "make",
                "model",
                "model_year",
                "colour",
                "currency",
                "contract_date",
                "amount_financed_cents",
                "apr",
                "term_months",
                "first_due_date",
                "due_day",
                "payment_cents",
                "residual_cents",
                "allowed_miles",
                "tax_percent",
                "purchase_option_fee_cents",
                "late_fee_cents",
                "status",
            ],
            &r.contracts,
        )
        .await?;
        insert(
            c,
            kind,
            "contract_parties",
            &[
                "contract_id",
                "role",
                "first_name",
                "last_name",
                "customer_card_id",
                "customer_id",
                "linked_at",
            ],
            &r.parties,
        )
        .await?;
        insert(
            c,
            kind,
            "schedule_rows",
            &[
                "contract_id",
                "number",
                "due_date",
                "payment_cents",
                "interest_cents",
                "principal_cents",
                "tax_cents",
                "balance_cents",
            ],
            &r.schedule,
        )
        .await?;
        insert(
            c,
            kind,
            "payment_sources",
            &[
                "id",
                "customer_id",
                "kind",
                "country",
                "holder",
                "account_type",
                "last4",
                "processor_token",
                "status",
                "created_at",
            ],
            &r.sources,
        )
        .await?;
        insert(
            c,
            kind,
            "autopays",
            &[
                "id",
                "customer_id",
                "contract_id",
                "source_id",
                "days_before",
                "start_month",
                "next_due",
                "status",
                "created_at",
                "updated_at",
            ],
            &r.autopays,
        )
        .await?;
        tx.commit().await?;
    }
    if state.db.kind == DbKind::Postgres {
        // Statistics, as a live database has them (autovacuum would gather them a minute or more
        // later): without them PostgreSQL takes an autopay by id through `autopays_due` — every
        // autopay here has the same status and due date — and each draft read all of them.
        sqlx::query("ANALYZE").execute(&state.db.pool).await?;
        // The ids were given: the sequences go on after them.
        for table in ["customers", "contracts", "payment_sources", "autopays"] {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .execute(&state.db.pool)
            .await?;
        }
    }
    Ok(())
}
