//! The sweep's victim, Olga, made to own one of everything a customer can own — through the
//! portal's own server functions where there is one — and what must stay hers: the strings that
//! would show a leak, and a snapshot of her rows that must not change.

use crate::common::*;
use crate::contracts::{id_of, signed_in};
use crate::payments::{add_bank, today};
use serde_json::Value;

pub(crate) const OLGA: &str = "olga.ivanova@demo.example";
pub(crate) const ANNA: &str = "anna.kowalski@demo.example";

/// Olga's identifiers, as the forms send them.
pub(crate) struct Victim {
    pub customer: String,
    pub loan: String,
    pub lease: String,
    pub source: String,
    pub payment: String,
    pub thread: String,
    /// A file uploaded and not yet sent: another customer must not be able to send it.
    pub upload: String,
    pub application: String,
    pub session: String,
    pub device: String,
    pub passkey: String,
    /// Strings only Olga's data contains: none may appear in an answer to anyone else.
    pub markers: Vec<String>,
}

/// The caller who tries: Anna, signed in, with her own loan and bank account to mix with Olga's.
pub(crate) struct Attacker {
    pub client: reqwest::Client,
    pub loan: String,
    pub source: String,
    /// A month Anna's own loan could start autopay in (so only the other id is wrong).
    pub start_month: String,
}

async fn ok(r: reqwest::Response) -> Value {
    let status = r.status();
    let text = r.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

fn id(v: &Value) -> String {
    v.as_i64().expect("an id").to_string()
}

async fn one(app: &TestApp, sql: &str, bind: &str) -> String {
    let v: i64 = sqlx::query_scalar(sql)
        .bind(bind.parse::<i64>().unwrap())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    v.to_string()
}

impl Victim {
    /// One of her ids by the name a table row gives it (`@loan` → `loan`).
    pub fn id(&self, name: &str) -> &str {
        match name {
            "customer" => &self.customer,
            "loan" => &self.loan,
            "lease" => &self.lease,
            "source" => &self.source,
            "payment" => &self.payment,
            "thread" => &self.thread,
            "upload" => &self.upload,
            "application" => &self.application,
            "session" => &self.session,
            "device" => &self.device,
            "passkey" => &self.passkey,
            other => panic!("Olga has no {other}"),
        }
    }
}

pub(crate) async fn olga(app: &TestApp) -> Victim {
    let c = signed_in(app, OLGA).await;
    let loan = id_of(app, "LN-2021-001187").await.to_string();
    let lease = id_of(app, "LS-2024-010406").await.to_string();
    let source = id(&add_bank(app, &c, "000555000111").await["id"]);
    let day = (today(app) + time::Duration::days(5)).to_string();
    let paid = ok(app
        .post(
            &c,
            "/api/make_payment",
            &[
                ("contract_id", &loan),
                ("source_id", &source),
                ("amount", "41.00"),
                ("date", &day),
                ("extra_to", "next_instalment"),
                ("key", "sweep-victim-payment-01"),
            ],
        )
        .await)
    .await;
    let payment = paid["reference"].as_str().unwrap().to_string();
    let month = first_autopay_month(app, &c, "LN-2021-001187").await;
    ok(app
        .post(
            &c,
            "/api/enrol_autopay",
            &[
                ("contract_id", &loan),
                ("source_id", &source),
                ("amount", ""),
                ("days_before", "0"),
                ("start_month", &month),
                ("key", "sweep-victim-autopay-01"),
            ],
        )
        .await)
    .await;
    let sent = ok(app
        .post(
            &c,
            "/api/send_message",
            &[
                ("topic", "payments"),
                ("contract", &loan),
                (
                    "body",
                    "Olga's sweep secret: the spare key is under the mat.",
                ),
                ("key", "sweep-victim-message-01"),
            ],
        )
        .await)
    .await;
    let thread = id(&sent["thread_id"]);
    let upload = upload(app, &c).await;
    let filed = ok(app
        .post(
            &c,
            "/api/file_application",
            &[
                ("contract", &loan),
                ("form[kind]", "insurance_event"),
                (
                    "form[date]",
                    &(today(app) - time::Duration::days(2)).to_string(),
                ),
                ("form[insurance_kind]", "total_loss"),
                ("form[text]", "Olga's sweep claim: hail on the roof."),
                ("form[insurer]", "Sweep Mutual"),
                ("form[claim_number]", "CL-SWEEP-0001"),
                ("key", "sweep-victim-apply-01"),
            ],
        )
        .await)
    .await;
    let application = id(&filed["id"]);
    let customer = one(
        app,
        "SELECT customer_id FROM contract_parties WHERE contract_id = $1 LIMIT 1",
        &loan,
    )
    .await;
    let session = one(
        app,
        "SELECT MAX(id) FROM sessions WHERE customer_id = $1",
        &customer,
    )
    .await;
    let device = one(
        app,
        "SELECT MAX(id) FROM devices WHERE customer_id = $1",
        &customer,
    )
    .await;
    sqlx::query(
        "INSERT INTO passkeys (customer_id, credential_id, data, name, created_at) \
         VALUES ($1, 'sweep-credential', '{}', 'Olga sweep security key', 0)",
    )
    .bind(customer.parse::<i64>().unwrap())
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let passkey = one(
        app,
        "SELECT MAX(id) FROM passkeys WHERE customer_id = $1",
        &customer,
    )
    .await;
    let mut markers: Vec<String> = [
        OLGA,
        "Ivanova",
        "NS-60311245",
        "LN-2021-001187",
        "LS-2024-010406",
        "spare key is under the mat",
        "hail on the roof",
        "CL-SWEEP-0001",
        "olga-sweep-scan",
        "Olga sweep security key",
    ]
    .map(String::from)
    .to_vec();
    markers.push(payment.clone());
    markers.push(sent["reference"].as_str().unwrap().to_string());
    markers.push(filed["reference"].as_str().unwrap().to_string());
    for vin in sqlx::query_scalar::<_, String>(
        "SELECT vin FROM contracts WHERE contract_number IN ('LN-2021-001187', 'LS-2024-010406')",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap()
    {
        markers.push(vin);
    }
    Victim {
        customer,
        loan,
        lease,
        source,
        payment,
        thread,
        upload,
        application,
        session,
        device,
        passkey,
        markers,
    }
}

/// The first month autopay could start in on the caller's contract `number`.
async fn first_autopay_month(app: &TestApp, c: &reqwest::Client, number: &str) -> String {
    let offers = ok(app.post(c, "/api/autopay_options", &[]).await).await;
    let offer = offers
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["number"] == number)
        .unwrap_or_else(|| panic!("{number} is offered autopay"));
    offer["start_months"][0].as_str().unwrap().to_string()
}

async fn upload(app: &TestApp, c: &reqwest::Client) -> String {
    let part = reqwest::multipart::Part::bytes(b"%PDF-1.7\n%sweep\n".to_vec())
        .file_name("olga-sweep-scan.pdf");
    let r = c
        .post(format!("{}/messages/attachments", app.base))
        .header("Origin", &app.base)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    id(&ok(r).await["id"])
}

pub(crate) async fn anna(app: &TestApp) -> Attacker {
    let client = signed_in(app, ANNA).await;
    let loan = id_of(app, "LN-2023-004512").await.to_string();
    let source = id(&add_bank(app, &client, "000777000222").await["id"]);
    let start_month = first_autopay_month(app, &client, "LN-2023-004512").await;
    Attacker {
        client,
        loan,
        source,
        start_month,
    }
}

/// Every row of Olga's that a call could change, one string per row.
pub(crate) async fn rows_of(app: &TestApp, v: &Victim) -> Vec<String> {
    let customer: i64 = v.customer.parse().unwrap();
    let mut all = Vec::new();
    for sql in [
        "SELECT email || password_hash || status || language || otp_channel || COALESCE(phone, '') \
         || COALESCE(totp_secret, '') || COALESCE(addr_line1, '') FROM customers WHERE id = $1",
        "SELECT CAST(id AS TEXT) || status FROM payment_sources WHERE customer_id = $1 ORDER BY id",
        "SELECT reference || status || CAST(amount_cents AS TEXT) || CAST(source_id AS TEXT) \
         || scheduled_for FROM payments WHERE customer_id = $1 ORDER BY id",
        "SELECT CAST(id AS TEXT) || status || CAST(source_id AS TEXT) || start_month \
         FROM autopays WHERE customer_id = $1 ORDER BY id",
        "SELECT reference || status || CAST(COALESCE(read_upto, 0) AS TEXT) \
         FROM message_threads WHERE customer_id = $1 ORDER BY id",
        "SELECT CAST(m.id AS TEXT) || m.body FROM messages m \
         JOIN message_threads t ON t.id = m.thread_id WHERE t.customer_id = $1 ORDER BY m.id",
        "SELECT CAST(id AS TEXT) || status || COALESCE(CAST(message_id AS TEXT), '-') \
         FROM message_attachments WHERE customer_id = $1 ORDER BY id",
        "SELECT reference || status FROM applications WHERE customer_id = $1 ORDER BY id",
        "SELECT CAST(id AS TEXT) FROM sessions WHERE customer_id = $1 ORDER BY id",
        "SELECT CAST(id AS TEXT) || COALESCE(CAST(revoked_at AS TEXT), '-') \
         FROM devices WHERE customer_id = $1 ORDER BY id",
        "SELECT CAST(id AS TEXT) || name FROM passkeys WHERE customer_id = $1 ORDER BY id",
        "SELECT CAST(COUNT(*) AS TEXT) FROM transactions t JOIN contract_parties p \
         ON p.contract_id = t.contract_id WHERE p.customer_id = $1",
        "SELECT CAST(COUNT(*) AS TEXT) FROM contract_parties o WHERE o.contract_id IN \
         (SELECT contract_id FROM contract_parties WHERE customer_id = $1) \
         AND o.customer_id IS NOT NULL AND o.customer_id <> $1",
        "SELECT CAST(COUNT(*) AS TEXT) FROM lease_inspections i JOIN contract_parties p \
         ON p.contract_id = i.contract_id WHERE p.customer_id = $1",
    ] {
        let rows: Vec<String> = sqlx::query_scalar(sql)
            .bind(customer)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        all.push(format!("{sql}\n  {}", rows.join("\n  ")));
    }
    all
}
