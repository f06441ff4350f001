//! The dashboard's cards are read for all of a customer's contracts at once
//! (`contracts::summaries`): each card must carry its own contract's figures, the same as the
//! contract's own page reads one contract at a time, and its own autopay and scheduled payment.

use super::{contracts_of, id_of, seeded, signed_in};
use crate::autopay::{later_start, send};
use crate::payments::{add_bank, date_of, money_of, pay, today};
use serde_json::Value;

/// A card without the two fields only the dashboard reads (the contract page leaves them empty).
fn comparable(mut summary: Value) -> Value {
    let o = summary.as_object_mut().unwrap();
    o.remove("scheduled");
    o.remove("autopay");
    summary
}

#[tokio::test]
async fn every_card_matches_its_contract_page_and_keeps_its_own_autopay_and_scheduled_payment() {
    let app = seeded().await;
    let mut cards = 0;
    for customer in server::seed::CUSTOMERS {
        let c = signed_in(&app, customer.email).await;
        for card in contracts_of(&app, &c).await {
            let r = app
                .post(
                    &c,
                    "/api/contract_detail",
                    &[("id", &card["id"].to_string())],
                )
                .await;
            assert_eq!(r.status(), 200);
            let detail: Value = r.json().await.unwrap();
            assert_eq!(
                comparable(card.clone()),
                comparable(detail["summary"].clone()),
                "{}: the card and the contract page agree",
                card["number"]
            );
            cards += 1;
        }
    }
    assert!(
        cards >= 5,
        "the demo book's contracts were all compared ({cards})"
    );

    // Olga has a loan and a lease: autopay on the loan, a payment scheduled on the lease.
    let olga = signed_in(&app, "olga.ivanova@demo.example").await;
    let (loan, lease) = ("LN-2021-001187", "LS-2024-010406");
    let card =
        |list: &[Value], number: &str| list.iter().find(|x| x["number"] == number).unwrap().clone();
    let before = contracts_of(&app, &olga).await;
    assert!(card(&before, loan)["autopay"].is_null() && card(&before, lease)["autopay"].is_null());
    let source = add_bank(&app, &olga, "000555666777").await["id"]
        .as_i64()
        .unwrap();
    let r = app.post(&olga, "/api/autopay_options", &[]).await;
    let offers: Vec<Value> = r.json().await.unwrap();
    let offer = offers.iter().find(|x| x["number"] == loan).unwrap();
    let loan_id = id_of(&app, loan).await;
    let r = send(
        &app,
        &olga,
        "enrol_autopay",
        loan_id,
        source,
        "",
        "3",
        &later_start(offer),
        "form-cards-autopay-0001",
    )
    .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let on = today(&app) + time::Duration::days(4);
    let r = pay(
        &app,
        &olga,
        id_of(&app, lease).await,
        source,
        "10.00",
        on,
        "form-cards-pay-0001",
    )
    .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());

    let after = contracts_of(&app, &olga).await;
    let (l, s) = (card(&after, loan), card(&after, lease));
    assert_eq!(
        l["autopay"]["last4"], "6777",
        "the loan's card shows its autopay"
    );
    assert!(s["autopay"].is_null(), "the lease has none");
    assert_eq!(
        date_of(&s["scheduled"][0]),
        on,
        "the lease's card shows its payment"
    );
    assert_eq!(
        money_of(&s["scheduled"][1]),
        app::domain::Money::from_cents(1_000)
    );
    assert_eq!(
        l["scheduled"],
        card(&before, loan)["scheduled"],
        "the loan's is unchanged"
    );
}

#[tokio::test]
async fn packed_schedules_and_ledgers_read_the_same_as_their_rows() {
    use app::contracts::service::{
        contract_with_rows, history_lines, history_lines_by_row, history_lines_in, installments,
        installments_by_row, installments_in,
    };
    let app = seeded().await;
    let db = &app.state.db;
    // A contract with no rows at all packs to nothing (SQL NULL on PostgreSQL, `[]` on SQLite).
    assert!(installments(db, -1).await.unwrap().is_empty());
    assert!(history_lines(db, -1).await.unwrap().is_empty());
    // Every contract, with one of the registered customers party to it (if any).
    let ids: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT c.id, (SELECT MIN(p.customer_id) FROM contract_parties p WHERE p.contract_id = c.id) \
         FROM contracts c ORDER BY c.id",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let with_customer = ids.iter().filter(|(_, c)| c.is_some()).count();
    assert!(with_customer >= 3, "registered parties: {with_customer}");
    let (mut instalments, mut lines) = (0, 0);
    // The jobs' readers, on a transaction (as settlement reads them).
    let mut tx = db.begin().await.unwrap();
    for (id, customer) in ids {
        let packed = installments(db, id).await.unwrap();
        // The contract pages' reader: the contract with both, as columns of one query.
        if let Some(customer) = customer {
            let (rec, schedule, ledger) = contract_with_rows(db, customer, id).await.unwrap();
            assert_eq!(rec.id, id);
            assert_eq!(schedule, packed, "schedule of {id} with its contract");
            assert_eq!(
                ledger,
                history_lines_by_row(db, id).await.unwrap(),
                "ledger of {id} with its contract"
            );
        }
        assert_eq!(
            packed,
            installments_by_row(db, id).await.unwrap(),
            "schedule of {id}"
        );
        assert_eq!(
            packed,
            installments_in(&mut tx, id).await.unwrap(),
            "schedule of {id} in a transaction"
        );
        let ledger = history_lines(db, id).await.unwrap();
        assert_eq!(
            ledger,
            history_lines_by_row(db, id).await.unwrap(),
            "ledger of {id}"
        );
        assert_eq!(
            ledger,
            history_lines_in(&mut tx, id).await.unwrap(),
            "ledger of {id} in a transaction"
        );
        instalments += packed.len();
        lines += ledger.len();
    }
    assert!(
        instalments > 100 && lines > 50,
        "the book was read ({instalments}, {lines})"
    );
}
