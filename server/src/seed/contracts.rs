//! The demo contracts and their insertion.

use super::book::{DemoContract, Party, Story, PURCHASE_OPTION_FEE_CENTS};
use app::domain::account::{TxnKind, TxnStatus};
use app::domain::payment::{PaymentRules, SourceKind};
use app::domain::Money;
use app::error::ServiceError;
use time::macros::date;
use time::Date;

fn party(
    first: &'static str,
    last: &'static str,
    card_id: &'static str,
    login: Option<&'static str>,
) -> Party {
    Party {
        first,
        last,
        card_id: card_id.to_string(),
        login: login.map(str::to_string),
    }
}

#[rustfmt::skip]
pub fn demo_book() -> Vec<DemoContract> {
    let c = |number, lease, vin, make, model, year, colour, financed_cents, apr, term, contract_date: Date, first_due, residual_cents, miles, tax_percent, story, primary, co| DemoContract {
        number: String::from(number), lease, vin: String::from(vin), make, model, year, colour, financed_cents, apr, term, contract_date, first_due, residual_cents, miles, tax_percent, story, primary, co,
    };
    vec![
        c("LN-2023-004512", false, "5UXCR6C03N9K12345", "BMW", "X5 xDrive40i", 2022, "Mineral White", 4_850_000, "5.49", 60, date!(2023-03-15), date!(2023-04-15), 0, 0, "0", Story::OnTime,
          party("Anna", "Kowalski", "NS-48213907", Some("anna.kowalski@demo.example")), Some(party("Piotr", "Kowalski", "NS-48213908", None))),
        c("LN-2017-000981", false, "JM1BN1V79H1112233", "Mazda", "Mazda3 Touring", 2017, "Soul Red", 1_650_000, "4.90", 36, date!(2017-05-01), date!(2017-06-01), 0, 0, "0", Story::PaidOff,
          party("Anna", "Kowalski", "NS-48213907", Some("anna.kowalski@demo.example")), None),
        c("LS-2023-007731", true, "WBA5R1C09LFH54321", "BMW", "330i Sedan", 2023, "Portimao Blue", 4_612_500, "4.20", 36, date!(2023-12-03), date!(2024-01-03), 2_675_000, 36_000, "13", Story::OnTime,
          party("Marc", "Tremblay", "NS-55120984", Some("marc.tremblay@demo.example")), None),
        c("LN-2021-001187", false, "1HGCV1F36MA098765", "Honda", "Accord EX", 2021, "Modern Steel", 2_395_000, "3.99", 72, date!(2021-05-20), date!(2021-06-20), 0, 0, "0", Story::OneLate,
          party("Olga", "Ivanova", "NS-60311245", Some("olga.ivanova@demo.example")), None),
        c("LS-2024-010406", true, "5YJ3E1EA6PF345678", "Tesla", "Model 3", 2024, "Pearl White", 4_199_000, "5.10", 39, date!(2024-08-01), date!(2024-09-01), 2_230_000, 39_000, "8.875", Story::OnTime,
          party("Olga", "Ivanova", "NS-60311245", Some("olga.ivanova@demo.example")), None),
        c("LN-2022-002230", false, "2T1BURHE0KC234567", "Toyota", "Corolla LE", 2022, "Classic Silver", 1_780_000, "6.25", 60, date!(2022-07-10), date!(2022-08-10), 0, 0, "0", Story::PastDue,
          party("Sam", "Patel", "NS-70145528", None), None),
        // Customers who have not registered yet: each can be linked once (the end-to-end suite uses them).
        c("LN-2024-005120", false, "1FTFW1E53PFA10001", "Ford", "F-150 XLT", 2023, "Carbonized Gray", 5_210_000, "6.99", 72, date!(2024-02-05), date!(2024-03-05), 0, 0, "0", Story::OnTime,
          party("Jordan", "Rivera", "NS-80100001", None), None),
        c("LN-2024-005121", false, "1FTFW1E55PFA10002", "Ford", "F-150 XLT", 2023, "Oxford White", 4_980_000, "7.49", 72, date!(2024-02-12), date!(2024-03-12), 0, 0, "0", Story::OnTime,
          party("Taylor", "Nguyen", "NS-80100002", None), None),
        c("LN-2024-005122", false, "1FTFW1E57PFA10003", "Ford", "Maverick XLT", 2024, "Azure Gray", 3_120_000, "5.99", 60, date!(2024-03-01), date!(2024-04-01), 0, 0, "0", Story::OnTime,
          party("Chris", "Martin", "NS-80100003", None), None),
        c("LN-2024-005123", false, "1FTFW1E59PFA10004", "Ford", "Escape ST-Line", 2024, "Rapid Red", 2_890_000, "6.49", 60, date!(2024-03-08), date!(2024-04-08), 0, 0, "0", Story::OnTime,
          party("Priya", "Shah", "NS-80100004", None), None),
        // The same four again, for an end-to-end retry: a contract linked by a failed first try
        // stays linked, so a retry links its spare instead (end2end/tests/contracts.spec.ts).
        c("LN-2024-005126", false, "1FTFW1E54PFA10007", "Ford", "F-150 XLT", 2023, "Agate Black", 5_210_000, "6.99", 72, date!(2024-02-05), date!(2024-03-05), 0, 0, "0", Story::OnTime,
          party("Morgan", "Blake", "NS-80100007", None), None),
        c("LN-2024-005127", false, "1FTFW1E56PFA10008", "Ford", "F-150 XLT", 2023, "Iconic Silver", 4_980_000, "7.49", 72, date!(2024-02-12), date!(2024-03-12), 0, 0, "0", Story::OnTime,
          party("Casey", "Lee", "NS-80100008", None), None),
        c("LN-2024-005128", false, "1FTFW1E58PFA10009", "Ford", "Maverick XLT", 2024, "Cactus Gray", 3_120_000, "5.99", 60, date!(2024-03-01), date!(2024-04-01), 0, 0, "0", Story::OnTime,
          party("Alex", "Moreau", "NS-80100009", None), None),
        c("LN-2024-005129", false, "1FTFW1E54PFA10010", "Ford", "Escape ST-Line", 2024, "Space White", 2_890_000, "6.49", 60, date!(2024-03-08), date!(2024-04-08), 0, 0, "0", Story::OnTime,
          party("Robin", "Park", "NS-80100010", None), None),
        // Four more for the applications' end-to-end test (each browser project and its retry links
        // its own: approval changes the contract; end2end/tests/applications.spec.ts).
        c("LN-2024-005130", false, "1FTFW1E56PFA10011", "Ford", "Explorer XLT", 2024, "Star White", 4_120_000, "6.29", 60, date!(2024-04-10), date!(2024-05-10), 0, 0, "0", Story::OnTime,
          party("Avery", "Quinn", "NS-80100011", None), None),
        c("LN-2024-005131", false, "1FTFW1E58PFA10012", "Ford", "Explorer XLT", 2024, "Carbonized Gray", 4_120_000, "6.29", 60, date!(2024-04-10), date!(2024-05-10), 0, 0, "0", Story::OnTime,
          party("Jamie", "Ortiz", "NS-80100012", None), None),
        c("LN-2024-005132", false, "1FTFW1E5XPFA10013", "Ford", "Edge ST", 2024, "Rapid Red", 3_650_000, "5.89", 60, date!(2024-04-10), date!(2024-05-10), 0, 0, "0", Story::OnTime,
          party("Noah", "Fischer", "NS-80100013", None), None),
        c("LN-2024-005133", false, "1FTFW1E51PFA10014", "Ford", "Edge ST", 2024, "Agate Black", 3_650_000, "5.89", 60, date!(2024-04-10), date!(2024-05-10), 0, 0, "0", Story::OnTime,
          party("Lena", "Vogel", "NS-80100014", None), None),
        // Customers who get a staff-issued temporary password (contract-number sign-in).
        c("LN-2024-005124", false, "1FTFW1E50PFA10005", "Ford", "Bronco Sport", 2024, "Eruption Green", 3_340_000, "6.19", 60, date!(2024-03-15), date!(2024-04-15), 0, 0, "0", Story::OnTime,
          party("Dana", "Whitfield", "NS-80100005", None), None),
        c("LN-2024-005125", false, "1FTFW1E52PFA10006", "Ford", "Ranger XLT", 2024, "Velocity Blue", 3_760_000, "6.79", 72, date!(2024-03-22), date!(2024-04-22), 0, 0, "0", Story::OnTime,
          party("Luc", "Gagnon", "NS-80100006", None), None),
    ]
}

/// A demo lease's charge for each mile over its allowance at return, and for miles bought ahead.
const EXCESS_MILE_RATE: &str = "0.25";
const PREPAID_MILE_RATE: &str = "0.15";

/// What someone needs to link a demo contract that no login holds yet.
pub struct LinkHint {
    pub first: &'static str,
    pub last: &'static str,
    pub vin: String,
    pub card_id: String,
    pub last_payment: Money,
}

pub fn link_hints(today: Date) -> Vec<LinkHint> {
    demo_book()
        .into_iter()
        .filter(|c| c.primary.login.is_none())
        .filter_map(|c| {
            let last = c
                .history(today)
                .into_iter()
                .rev()
                .find(|t| t.kind == TxnKind::Payment && t.status == TxnStatus::Posted)?;
            Some(LinkHint {
                first: c.primary.first,
                last: c.primary.last,
                vin: c.vin,
                card_id: c.primary.card_id,
                last_payment: last.amount,
            })
        })
        .collect()
}

pub async fn insert_missing(
    tx: &mut sqlx::AnyConnection,
    today: Date,
    now: i64,
) -> Result<(), ServiceError> {
    insert_book(tx, demo_book(), today, now).await
}

/// Inserts each contract of `book` whose number is not in the database yet, with its parties
/// (linked to their logins), schedule and history.
pub async fn insert_book(
    tx: &mut sqlx::AnyConnection,
    book: Vec<DemoContract>,
    today: Date,
    now: i64,
) -> Result<(), ServiceError> {
    for k in book {
        let exists = sqlx::query("SELECT id FROM contracts WHERE contract_number = $1")
            .bind(k.number.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_some() {
            continue;
        }
        let schedule = k.schedule();
        let status = if k.story == Story::PaidOff {
            "closed"
        } else {
            "active"
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO contracts (contract_number, kind, vin, make, model, model_year, colour, currency, contract_date, \
             amount_financed_cents, apr, term_months, first_due_date, due_day, payment_cents, residual_cents, allowed_miles, \
             tax_percent, purchase_option_fee_cents, late_fee_cents, status, excess_mile_rate, prepaid_mile_rate) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'USD', $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id",
        )
        .bind(k.number.as_str())
        .bind(if k.lease { "lease" } else { "loan" })
        .bind(k.vin.as_str())
        .bind(k.make)
        .bind(k.model)
        .bind(k.year)
        .bind(k.colour)
        .bind(k.contract_date.to_string())
        .bind(k.financed_cents)
        .bind(k.apr)
        .bind(k.term as i64)
        .bind(k.first_due.to_string())
        .bind(k.first_due.day() as i64)
        .bind(schedule[0].payment.cents())
        .bind(k.lease.then_some(k.residual_cents))
        .bind(k.lease.then_some(k.miles))
        .bind(k.tax_percent)
        .bind(k.lease.then_some(PURCHASE_OPTION_FEE_CENTS))
        .bind(super::book::late_fee().cents())
        .bind(status)
        .bind(k.lease.then_some(EXCESS_MILE_RATE))
        .bind(k.lease.then_some(PREPAID_MILE_RATE))
        .fetch_one(&mut *tx)
        .await?;
        for (role, p) in std::iter::once(("primary", &k.primary))
            .chain(k.co.as_ref().map(|c| ("co_borrower", c)))
        {
            let customer_id: Option<i64> = match p.login.as_deref() {
                Some(email) => {
                    sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
                        .bind(email)
                        .fetch_optional(&mut *tx)
                        .await?
                }
                None => None,
            };
            sqlx::query("INSERT INTO contract_parties (contract_id, role, first_name, last_name, customer_card_id, customer_id, linked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(id).bind(role).bind(p.first).bind(p.last).bind(p.card_id.as_str()).bind(customer_id).bind(customer_id.map(|_| now))
                .execute(&mut *tx).await?;
        }
        for r in &schedule {
            sqlx::query("INSERT INTO schedule_rows (contract_id, number, due_date, payment_cents, interest_cents, principal_cents, tax_cents, balance_cents) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(id).bind(r.number as i64).bind(r.due_date.to_string()).bind(r.payment.cents()).bind(r.interest.cents()).bind(r.principal.cents()).bind(r.tax.cents()).bind(r.balance.cents())
                .execute(&mut *tx).await?;
        }
        for (i, t) in k.history(today).iter().enumerate() {
            let reference = format!("{}-{:04}", k.number, i + 1);
            let txn_id: i64 = sqlx::query_scalar(
                "INSERT INTO transactions (contract_id, kind, status, effective_date, amount_cents, fees_cents, interest_cents, principal_cents, tax_cents, excess_cents, reference, description, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            )
            .bind(id).bind(t.kind.as_str()).bind(t.status.as_str()).bind(t.date.to_string()).bind(t.amount.cents())
            .bind(t.allocation.fees.cents()).bind(t.allocation.interest.cents()).bind(t.allocation.principal.cents()).bind(t.tax.cents()).bind(t.allocation.excess.cents())
            .bind(&reference).bind(t.note.code()).bind(now)
            .fetch_one(&mut *tx).await?;
            if t.kind == TxnKind::Payment && t.status == TxnStatus::Pending {
                if let Some(email) = k.primary.login.as_deref() {
                    in_flight(tx, email, id, txn_id, &reference, t, now).await?;
                }
            }
        }
    }
    Ok(())
}

/// A seeded payment still on its way, as the portal keeps one: from the customer's demo checking
/// account (••4321, verified by the simulated processor), pending until its posting day, when the
/// payment jobs post it like any other.
async fn in_flight(
    tx: &mut sqlx::AnyConnection,
    email: &str,
    contract_id: i64,
    txn_id: i64,
    reference: &str,
    t: &super::book::GenTxn,
    now: i64,
) -> Result<(), ServiceError> {
    let (customer_id, first, last): (i64, String, String) =
        sqlx::query_as("SELECT id, first_name, last_name FROM customers WHERE email = $1")
            .bind(email)
            .fetch_one(&mut *tx)
            .await?;
    let source = demo_bank_account(tx, customer_id, &format!("{first} {last}"), now).await?;
    let posts_on = PaymentRules::default().posts_on(SourceKind::Bank, t.date);
    // Seeded, not asked for through a form: its key is the seed's and its review is empty.
    sqlx::query(
        "INSERT INTO payments (reference, customer_id, contract_id, source_id, amount_cents, fee_cents, extra_to, \
         scheduled_for, status, posts_on, transaction_id, idempotency_key, request_hash, review, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 0, 'next_instalment', $6, 'pending', $7, $8, $9, 'seed', '{}', $10, $10)",
    )
    .bind(reference)
    .bind(customer_id)
    .bind(contract_id)
    .bind(source)
    .bind(t.amount.cents())
    .bind(t.date.to_string())
    .bind(posts_on.to_string())
    .bind(txn_id)
    .bind(format!("seed-{reference}"))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The customer's demo checking account (••4321, verified by the simulated processor), added
/// when missing.
pub async fn demo_bank_account(
    tx: &mut sqlx::AnyConnection,
    customer_id: i64,
    holder: &str,
    now: i64,
) -> Result<i64, ServiceError> {
    let source: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM payment_sources WHERE customer_id = $1 AND processor_token = 'sim_bank_4321'",
    )
    .bind(customer_id)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(match source {
        Some(s) => s,
        None => sqlx::query_scalar(
            "INSERT INTO payment_sources (customer_id, kind, country, holder, account_type, last4, processor_token, status, created_at) \
             VALUES ($1, 'bank', 'US', $2, 'checking', '4321', 'sim_bank_4321', 'verified', $3) RETURNING id",
        )
        .bind(customer_id)
        .bind(holder)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?,
    })
}
