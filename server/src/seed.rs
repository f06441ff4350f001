//! Demo data: customers with realistic contracts, so the portal can be tried at once. Idempotent:
//! running it again changes nothing that exists.

use app::error::AppError;
use app::infra::AppState;
use sqlx::Row;

pub const DEMO_PASSWORD: &str = "Northstar-demo-2026";

pub struct DemoCustomer {
    pub email: &'static str,
    pub first: &'static str,
    pub last: &'static str,
    /// Whether the login is already linked to its contracts.
    pub linked: bool,
    pub note: &'static str,
}

pub const CUSTOMERS: [DemoCustomer; 4] = [
    DemoCustomer {
        email: "anna.kowalski@demo.example",
        first: "Anna",
        last: "Kowalski",
        linked: true,
        note: "one loan",
    },
    DemoCustomer {
        email: "marc.tremblay@demo.example",
        first: "Marc",
        last: "Tremblay",
        linked: true,
        note: "one lease near maturity",
    },
    DemoCustomer {
        email: "olga.ivanova@demo.example",
        first: "Olga",
        last: "Ivanova",
        linked: true,
        note: "two contracts (loan + lease)",
    },
    DemoCustomer {
        email: "sam.patel@demo.example",
        first: "Sam",
        last: "Patel",
        linked: false,
        note: "not linked yet (link by VIN or Customer ID)",
    },
];

struct DemoContract {
    number: &'static str,
    kind: &'static str,
    card_id: &'static str,
    vin: &'static str,
    make: &'static str,
    model: &'static str,
    year: i64,
    colour: &'static str,
    financed_cents: i64,
    apr: &'static str,
    term: i64,
    first_due: &'static str,
    due_day: i64,
    residual_cents: Option<i64>,
    miles: Option<i64>,
    /// (first, last) of the primary borrower; an optional co-borrower.
    primary: (&'static str, &'static str),
    co: Option<(&'static str, &'static str)>,
}

const CONTRACTS: [DemoContract; 5] = [
    DemoContract {
        number: "LN-2023-004512",
        kind: "loan",
        card_id: "NS-48213907",
        vin: "5UXCR6C03N9K12345",
        make: "BMW",
        model: "X5 xDrive40i",
        year: 2022,
        colour: "Mineral White",
        financed_cents: 4_850_000,
        apr: "5.49",
        term: 60,
        first_due: "2023-04-15",
        due_day: 15,
        residual_cents: None,
        miles: None,
        primary: ("Anna", "Kowalski"),
        co: Some(("Piotr", "Kowalski")),
    },
    DemoContract {
        number: "LS-2023-007731",
        kind: "lease",
        card_id: "NS-55120984",
        vin: "WBA5R1C09LFH54321",
        make: "BMW",
        model: "330i Sedan",
        year: 2023,
        colour: "Portimao Blue",
        financed_cents: 4_612_500,
        apr: "4.20",
        term: 36,
        first_due: "2024-01-03",
        due_day: 3,
        residual_cents: Some(2_675_000),
        miles: Some(36_000),
        primary: ("Marc", "Tremblay"),
        co: None,
    },
    DemoContract {
        number: "LN-2021-001187",
        kind: "loan",
        card_id: "NS-60311245",
        vin: "1HGCV1F36MA098765",
        make: "Honda",
        model: "Accord EX",
        year: 2021,
        colour: "Modern Steel",
        financed_cents: 2_395_000,
        apr: "3.99",
        term: 72,
        first_due: "2021-06-20",
        due_day: 20,
        residual_cents: None,
        miles: None,
        primary: ("Olga", "Ivanova"),
        co: None,
    },
    DemoContract {
        number: "LS-2024-010406",
        kind: "lease",
        card_id: "NS-60311245",
        vin: "5YJ3E1EA6PF345678",
        make: "Tesla",
        model: "Model 3",
        year: 2024,
        colour: "Pearl White",
        financed_cents: 4_199_000,
        apr: "5.10",
        term: 39,
        first_due: "2024-09-01",
        due_day: 1,
        residual_cents: Some(2_230_000),
        miles: Some(39_000),
        primary: ("Olga", "Ivanova"),
        co: None,
    },
    DemoContract {
        number: "LN-2019-000352",
        kind: "loan",
        card_id: "NS-70145528",
        vin: "2T1BURHE0KC234567",
        make: "Toyota",
        model: "Corolla LE",
        year: 2019,
        colour: "Classic Silver",
        financed_cents: 1_780_000,
        apr: "6.25",
        term: 60,
        first_due: "2019-08-10",
        due_day: 10,
        residual_cents: None,
        miles: None,
        primary: ("Sam", "Patel"),
        co: None,
    },
];

/// Inserts whatever of the demo data is missing. Returns how many customers were created.
pub async fn seed_demo(state: &AppState) -> Result<usize, AppError> {
    let now = state.clock.unix();
    let hash = state.hasher.hash(DEMO_PASSWORD).await?;
    let mut created = 0;
    let mut tx = state.db.pool.begin().await?;
    for c in &CUSTOMERS {
        let exists = sqlx::query("SELECT id FROM customers WHERE email = $1")
            .bind(c.email)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            sqlx::query(
                "INSERT INTO customers (email, first_name, last_name, password_hash, status, created_at, activated_at) \
                 VALUES ($1, $2, $3, $4, 'active', $5, $5)",
            )
            .bind(c.email).bind(c.first).bind(c.last).bind(&hash).bind(now)
            .execute(&mut *tx).await?;
            created += 1;
        }
    }
    for k in &CONTRACTS {
        let exists = sqlx::query("SELECT id FROM contracts WHERE contract_number = $1")
            .bind(k.number)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_some() {
            continue;
        }
        let row = sqlx::query(
            "INSERT INTO contracts (contract_number, kind, customer_card_id, vin, make, model, model_year, colour, currency, \
             amount_financed_cents, apr, term_months, first_due_date, due_day, residual_cents, allowed_miles, status) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'USD', $9, $10, $11, $12, $13, $14, $15, 'active') RETURNING id",
        )
        .bind(k.number).bind(k.kind).bind(k.card_id).bind(k.vin).bind(k.make).bind(k.model).bind(k.year).bind(k.colour)
        .bind(k.financed_cents).bind(k.apr).bind(k.term).bind(k.first_due).bind(k.due_day).bind(k.residual_cents).bind(k.miles)
        .fetch_one(&mut *tx).await?;
        let contract_id: i64 = row.try_get("id")?;
        let parties =
            std::iter::once(("primary", k.primary)).chain(k.co.map(|c| ("co_borrower", c)));
        for (role, (first, last)) in parties {
            let linked = CUSTOMERS
                .iter()
                .find(|c| c.linked && c.first == first && c.last == last);
            let customer_id: Option<i64> = match linked {
                Some(c) => Some(
                    sqlx::query("SELECT id FROM customers WHERE email = $1")
                        .bind(c.email)
                        .fetch_one(&mut *tx)
                        .await?
                        .try_get("id")?,
                ),
                None => None,
            };
            sqlx::query(
                "INSERT INTO contract_parties (contract_id, role, first_name, last_name, customer_id, linked_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(contract_id).bind(role).bind(first).bind(last).bind(customer_id).bind(customer_id.map(|_| now))
            .execute(&mut *tx).await?;
        }
    }
    tx.commit().await?;
    Ok(created)
}

/// The lines printed after seeding: who can sign in and with what.
pub fn demo_logins_text(base_url: &str) -> String {
    let mut s = format!("\n  Portal:        {base_url}\n  Dev mailbox:   {base_url}/dev/mailbox\n  Demo password: {DEMO_PASSWORD}\n  Demo logins:\n");
    for c in &CUSTOMERS {
        s.push_str(&format!(
            "    {:<30} {} {} — {}\n",
            c.email, c.first, c.last, c.note
        ));
    }
    s
}
