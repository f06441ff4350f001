//! Customers for the load test (`scripts/load.sh`): `server seed-load --customers N`, a hidden
//! command, demo mode only like the rest of the demo data. Customer `i` signs in as
//! `load-0000i@load.example` with the demo password and holds one loan (`LN-2025-1…`), the demo
//! book's arithmetic on a contract signed about a year before today, with a verified demo checking
//! account to pay from. Idempotent: running it again adds only the customers that are missing.

use super::book::{DemoContract, Party, Story};
use super::contracts::{demo_bank_account, insert_book};
use super::DEMO_PASSWORD;
use app::domain::dates::add_months;
use app::error::{AppError, ServiceError};
use app::infra::AppState;
use time::Date;

/// The most a run may ask for: the load test's 200 and room to spare, not a bulk loader.
pub const MAX_CUSTOMERS: usize = 10_000;
/// Customers written per transaction.
const BATCH: usize = 100;

pub fn load_email(i: usize) -> String {
    format!("load-{i:05}@load.example")
}

/// Customer `i`'s loan: the contract date is a year before `today`, on a due day from 1 to 28 (so
/// no month clamps it), with a different amount for each customer.
pub fn load_contract(i: usize, today: Date) -> DemoContract {
    let day = (i % 28) as u8 + 1;
    let signed = Date::from_calendar_date(today.year() - 1, today.month(), day)
        .expect("days 1 to 28 exist in every month");
    DemoContract {
        number: format!("LN-2025-{:06}", 100_000 + i),
        lease: false,
        vin: format!("1LD{i:014}"),
        make: "Toyota",
        model: "Corolla LE",
        year: 2024,
        colour: "Classic Silver",
        financed_cents: 2_000_000 + (i as i64 % 500) * 1_000,
        apr: "5.99",
        term: 60,
        contract_date: signed,
        first_due: add_months(signed, 1),
        residual_cents: 0,
        miles: 0,
        tax_percent: "0",
        story: Story::OnTime,
        primary: Party {
            first: "Lee",
            last: "Loadtest",
            card_id: format!("NS-9{i:07}"),
            login: Some(load_email(i)),
        },
        co: None,
    }
}

/// Adds the missing load customers `1..=n` (the command line keeps `n` within 1 to
/// [`MAX_CUSTOMERS`]). Returns how many were created.
pub async fn seed_load(state: &AppState, n: usize) -> Result<usize, ServiceError> {
    if !state.config.is_demo() {
        return Err(AppError::Forbidden.into());
    }
    let now = state.clock.unix();
    let today = state.clock.now().date();
    let hash = state.hasher.hash(DEMO_PASSWORD).await?;
    let mut created = 0;
    for first in (1..=n).step_by(BATCH) {
        let mut tx = state.db.begin().await?;
        let mut book = Vec::new();
        for i in first..(first + BATCH).min(n + 1) {
            let email = load_email(i);
            let exists: Option<i64> =
                sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
                    .bind(&email)
                    .fetch_optional(&mut *tx)
                    .await?;
            if exists.is_some() {
                continue;
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO customers (email, first_name, last_name, password_hash, status, created_at, activated_at) \
                 VALUES ($1, 'Lee', 'Loadtest', $2, 'active', $3, $3) RETURNING id",
            )
            .bind(&email)
            .bind(&hash)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            demo_bank_account(&mut tx, id, "Lee Loadtest", now).await?;
            book.push(load_contract(i, today));
            created += 1;
        }
        insert_book(&mut tx, book, today, now).await?;
        tx.commit().await?;
    }
    Ok(created)
}
