//! What applications refuse: terms do not change while payments are overdue (an insurance event
//! is still reported); bad input is named by its field and writes nothing; another customer's
//! contract and application are not found, and a signed-out caller is turned away.

use super::*;
use app::domain::Issue;

#[tokio::test]
async fn overdue_payments_close_every_change_of_terms_but_not_an_insurance_report() {
    let (app, _, _, contract) = anna_and_her_loan().await;
    // Forty days on without paying: the next instalment is overdue.
    app.advance(40 * 86_400);
    let anna = signed_in(&app, ANNA).await;
    let options = options_of(&app, &anna, &contract).await;
    let reasons: Vec<Value> = options["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k[1].clone())
        .collect();
    for i in [0, 1, 2] {
        assert_eq!(reasons[i]["Err"], "PastDue", "{options}");
    }
    assert!(reasons[3].get("Ok").is_some());
    let r = call(
        &app,
        &anna,
        "file_application",
        &[
            ("contract", &contract),
            ("kind", "due_date_change"),
            ("new_day", "3"),
            ("key", "apply-late-00000001"),
        ],
    )
    .await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::NotEligible(Ineligible::PastDue))
    );
    let day = today(&app) - time::Duration::days(2);
    let insurance = [
        ("contract", contract.as_str()),
        ("kind", "insurance_event"),
        ("date", &*day.to_string()),
        ("insurance_kind", "total_loss"),
        ("text", "The car was written off after a flood."),
        ("insurer", "Acme Mutual"),
        ("claim_number", "CL-2026-0042"),
    ];
    let preview = ok(call(&app, &anna, "application_preview", &insurance).await).await;
    assert!(preview["InsuranceEvent"]["payoff"].is_string(), "{preview}");
    let mut filing = insurance.to_vec();
    filing.push(("key", "apply-insurance-0001"));
    ok(call(&app, &anna, "file_application", &filing).await).await;
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);
}

#[tokio::test]
async fn bad_input_is_named_by_its_field_and_writes_nothing() {
    let (app, anna, _, contract) = anna_and_her_loan().await;
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, Issue);
    let cases: [Case; 6] = [
        (&[("kind", "")], "kind", Issue::Required),
        (&[("kind", "refinance")], "kind", Issue::OneOf),
        (
            &[("kind", "due_date_change"), ("new_day", "31")],
            "new_day",
            Issue::DueDay,
        ),
        (
            &[("kind", "deferral"), ("months", "6"), ("text", "x")],
            "months",
            Issue::MonthsRange { max: 3 },
        ),
        (
            &[("kind", "deferral"), ("months", "1"), ("text", "a\u{7}b")],
            "text",
            Issue::TextCharacters,
        ),
        (
            &[
                ("kind", "early_repayment"),
                ("amount", "1,00.5.0"),
                ("date", "2026-12-31"),
                ("effect", "lower_payment"),
                ("source", "1"),
            ],
            "amount",
            Issue::MoneyFormat,
        ),
    ];
    for (i, (form, field, issue)) in cases.into_iter().enumerate() {
        let key = format!("apply-bad-input-{i:04}");
        let mut pairs = vec![("contract", contract.as_str()), ("key", key.as_str())];
        pairs.extend_from_slice(form);
        let r = call(&app, &anna, "file_application", &pairs).await;
        assert_eq!(r.status(), 400, "{form:?}");
        assert_eq!(
            error_of(r).await,
            AppError::validation(field, issue),
            "{form:?}"
        );
    }
    // A key that is not a form's.
    let r = call(
        &app,
        &anna,
        "file_application",
        &[
            ("contract", &contract),
            ("kind", "due_date_change"),
            ("new_day", "3"),
            ("key", "x"),
        ],
    )
    .await;
    assert_eq!(error_of(r).await, AppError::validation("key", Issue::OneOf));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM message_threads").await, 0);
}

#[tokio::test]
async fn another_customers_contract_and_application_are_not_found() {
    let (app, anna, _, contract) = anna_and_her_loan().await;
    let filed = ok(call(
        &app,
        &anna,
        "file_application",
        &[
            ("contract", &contract),
            ("kind", "deferral"),
            ("months", "1"),
            ("text", "Illness."),
            ("key", "apply-anna-000001"),
        ],
    )
    .await)
    .await;
    let app_id = filed["id"].as_i64().unwrap().to_string();
    let marc = signed_in(&app, "marc.tremblay@demo.example").await;
    let signed_out = app.client();
    let theirs: [(&str, Vec<(&str, &str)>); 4] = [
        ("application_options", vec![("contract", &contract)]),
        (
            "application_preview",
            vec![
                ("contract", &contract),
                ("kind", "due_date_change"),
                ("new_day", "3"),
            ],
        ),
        (
            "file_application",
            vec![
                ("contract", &contract),
                ("kind", "due_date_change"),
                ("new_day", "3"),
                ("key", "apply-marc-000001"),
            ],
        ),
        (
            "resubmit_application",
            vec![
                ("id", &app_id),
                ("kind", "deferral"),
                ("months", "1"),
                ("text", "Mine now."),
                ("key", "apply-marc-000002"),
            ],
        ),
    ];
    for (endpoint, pairs) in &theirs {
        let r = call(&app, &marc, endpoint, pairs).await;
        assert_eq!(r.status(), 404, "{endpoint}");
        assert_eq!(error_of(r).await, AppError::NotFound, "{endpoint}");
        let r = call(&app, &signed_out, endpoint, pairs).await;
        assert_eq!(r.status(), 401, "{endpoint}");
    }
    let mine = ok(app.post(&marc, "/api/my_applications", &[]).await).await;
    assert_eq!(mine.as_array().unwrap().len(), 0);
    // Customers are not staff, and nobody signed in is either.
    for c in [&anna, &signed_out] {
        for (path, form) in [
            ("/api/staff_application_queue", vec![]),
            ("/api/staff_application", vec![("id", app_id.as_str())]),
            (
                "/api/staff_decide_application",
                vec![
                    ("id", app_id.as_str()),
                    ("decision", "Review"),
                    ("note", ""),
                ],
            ),
        ] {
            let r = app.post(c, path, &form).await;
            assert_eq!(r.status(), 401, "{path}");
        }
    }
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM applications WHERE status = 'submitted'"
        )
        .await,
        1
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);
}

/// Issue 16: "at most N per contract life (configurable)" — `MAX_DEFERRALS`, here 0: no deferral.
#[tokio::test]
async fn the_number_of_deferrals_a_contract_may_have_is_configured() {
    let app = spawn_with(Options {
        env: vec![("MAX_DEFERRALS", "0".into())],
        ..Options::default()
    })
    .await;
    server::seed::seed_demo(&app.state).await.unwrap();
    let anna = signed_in(&app, ANNA).await;
    let contract = annas_loan(&app, &anna).await["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let options = options_of(&app, &anna, &contract).await;
    let deferral = options["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k[0] == "Deferral")
        .expect("the deferral kind")
        .clone();
    assert_eq!(
        deferral[1]["Err"],
        serde_json::json!({ "DeferralsUsed": { "max": 0 } })
    );
}
