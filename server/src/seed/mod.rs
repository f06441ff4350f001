//! Demo data: customers with realistic contracts, so the portal can be tried at once. Idempotent:
//! running it again changes nothing that exists.

mod book;
mod contracts;
pub mod load;
#[cfg(test)]
mod pinned_days;

use app::error::{AppError, ServiceError};
use app::infra::AppState;
pub use contracts::{link_hints, LinkHint};

pub const DEMO_PASSWORD: &str = "Northstar-demo-2026";

pub struct DemoCustomer {
    pub email: &'static str,
    pub first: &'static str,
    pub last: &'static str,
    pub note: &'static str,
}

pub const CUSTOMERS: [DemoCustomer; 4] = [
    DemoCustomer {
        email: "anna.kowalski@demo.example",
        first: "Anna",
        last: "Kowalski",
        note: "loan with a co-borrower + a closed loan",
    },
    DemoCustomer {
        email: "marc.tremblay@demo.example",
        first: "Marc",
        last: "Tremblay",
        note: "lease near maturity",
    },
    DemoCustomer {
        email: "olga.ivanova@demo.example",
        first: "Olga",
        last: "Ivanova",
        note: "two contracts (loan + lease)",
    },
    DemoCustomer {
        email: "sam.patel@demo.example",
        first: "Sam",
        last: "Patel",
        note: "not linked yet — link with the details below",
    },
];

pub struct DemoStaff {
    pub email: &'static str,
    pub name: &'static str,
    pub role: &'static str,
    /// A fixed authenticator secret, so the demo can be tried at once (demo data only; real
    /// staff get a random one from `create-staff`).
    pub totp_secret: &'static str,
}

pub const STAFF: [DemoStaff; 2] = [
    DemoStaff {
        email: "agent@northstar.example",
        name: "Jordan Reyes",
        role: "agent",
        totp_secret: "NORTHSTARDEMOAGENTNORTHSTARDEMOA",
    },
    DemoStaff {
        email: "supervisor@northstar.example",
        name: "Priya Nair",
        role: "supervisor",
        totp_secret: "NORTHSTARDEMOSUPERVISORNORTHSTAR",
    },
];

/// Inserts whatever of the demo data is missing. Returns how many customers were created.
/// Refused outside demo mode: the demo data has written-down passwords and authenticator secrets.
pub async fn seed_demo(state: &AppState) -> Result<usize, ServiceError> {
    if !state.config.is_demo() {
        return Err(AppError::Forbidden.into());
    }
    let now = state.clock.unix();
    let hash = state.hasher.hash(DEMO_PASSWORD).await?;
    let mut created = 0;
    let mut tx = state.db.begin().await?;
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
            .bind(c.email)
            .bind(c.first)
            .bind(c.last)
            .bind(&hash)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            created += 1;
        }
    }
    for m in &STAFF {
        let exists = sqlx::query("SELECT id FROM staff WHERE email = $1")
            .bind(m.email)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            sqlx::query(
                "INSERT INTO staff (email, full_name, password_hash, role, created_at, totp_secret) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(m.email)
            .bind(m.name)
            .bind(&hash)
            .bind(m.role)
            .bind(now)
            .bind(state.config.data_keys.seal(m.totp_secret))
            .execute(&mut *tx)
            .await?;
        }
    }
    contracts::insert_missing(&mut tx, state.clock.now().date(), now).await?;
    tx.commit().await?;
    Ok(created)
}

/// The lines printed after seeding: who can sign in, and what to link with.
pub async fn demo_logins_text(state: &AppState) -> Result<String, ServiceError> {
    let base_url = &state.config.public_url;
    let today = state.clock.now().date();
    let mut s = format!(
        "\n  Portal:        {base_url}\n  Dev mailbox:   {base_url}/dev/mailbox\n  Demo password: {DEMO_PASSWORD}\n  Demo logins:\n"
    );
    for c in &CUSTOMERS {
        s.push_str(&format!(
            "    {:<30} {} {} — {}\n",
            c.email, c.first, c.last, c.note
        ));
    }
    s.push_str("  Contracts not linked to any login yet (register, then link):\n");
    for h in contracts::link_hints(today) {
        // Only those still unlinked in this database.
        let linked: Option<i64> = sqlx::query_scalar(
            "SELECT customer_id FROM contract_parties WHERE customer_card_id = $1 LIMIT 1",
        )
        .bind(h.card_id.as_str())
        .fetch_optional(&state.db.pool)
        .await?
        .flatten();
        if linked.is_some() {
            continue;
        }
        s.push_str(&format!(
            "    {:<16} VIN {}  last payment {}  Customer ID {}\n",
            format!("{} {}", h.first, h.last),
            h.vin,
            h.last_payment,
            h.card_id
        ));
    }
    s.push_str(&format!(
        "  Back office: {base_url}/backoffice (password {DEMO_PASSWORD} + the code of an authenticator app\n    holding the secret shown):\n"
    ));
    for m in &STAFF {
        s.push_str(&format!(
            "    {:<30} {} ({}) secret {}\n",
            m.email, m.name, m.role, m.totp_secret
        ));
    }
    s.push_str(
        "  Contract-number sign-in (staff-issued temporary password), e.g.:\n    target/release/server create-temp-login --contract LN-2024-005124\n",
    );
    Ok(s)
}
