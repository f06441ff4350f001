//! Issue 18, the IDOR sweep: every server function the server registers — the list comes from
//! the server, not from this file — is called signed out and as another customer (Anna) with the
//! victim's (Olga's) ids. A function with no row in `table.rs` fails the sweep. For each call:
//! no answer carries a string only Olga's data holds, the guard answers as its row says (401
//! signed out, not found for Anna, 401 for a customer on a staff function), and after the whole
//! sweep none of Olga's rows has changed.

pub(crate) mod table;
pub(crate) mod victim;

use crate::common::*;
use crate::contracts::seeded;
use crate::payments::today;
use app::error::AppError;
use std::collections::{BTreeMap, BTreeSet};
use table::{Guard, Row};

/// What a guard must answer, signed out and to Anna (None: any answer, as long as nothing leaks).
fn expected(guard: Guard, signed_in: bool) -> Option<(u16, AppError)> {
    match (guard, signed_in) {
        (Guard::Open, _) | (Guard::Own, true) => None,
        (Guard::Own | Guard::Hers, false) | (Guard::Staff, _) => {
            Some((401, AppError::Unauthorized))
        }
        (Guard::Hers, true) | (Guard::Demo, _) => Some((404, AppError::NotFound)),
    }
}

async fn call(
    app: &TestApp,
    c: &reqwest::Client,
    row: &Row,
    form: &[(&'static str, String)],
    method: &http::Method,
) -> (u16, String) {
    let url = format!("{}{}", app.base, row.path);
    let request = if *method == http::Method::GET {
        c.get(url).query(form)
    } else {
        c.post(url).form(form)
    };
    let r = request.header("Origin", &app.base).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// The row's form with Olga's ids filled in, or (`ghost`) ids of the same shape that exist nowhere.
fn filled(
    v: &victim::Victim,
    form: &[(&'static str, String)],
    ghost: bool,
) -> Vec<(&'static str, String)> {
    form.iter()
        .map(|(k, value)| {
            let Some(name) = table::placeholder(value) else {
                return (*k, value.clone());
            };
            let hers = v.id(name);
            let filled = match (ghost, hers.parse::<i64>().is_ok()) {
                (false, _) => hers.to_string(),
                (true, true) => "987654321".to_string(),
                (true, false) => {
                    let last = if hers.ends_with('X') { "Y" } else { "X" };
                    format!("{}{last}", &hers[..hers.len() - 1])
                }
            };
            (*k, filled)
        })
        .collect()
}

#[tokio::test]
async fn every_server_function_keeps_a_customers_data_from_others_and_the_signed_out() {
    let app = seeded().await;
    let olga = victim::olga(&app).await;
    let anna = victim::anna(&app).await;
    let before = victim::rows_of(&app, &olga).await;
    let day = (today(&app) + time::Duration::days(6)).to_string();
    let rows = table::rows(&anna, &day);

    let registered: BTreeMap<String, http::Method> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, m)| (p.to_string(), m))
        .collect();
    let covered: BTreeSet<&String> = rows.iter().map(|r| &r.path).collect();
    let missing: Vec<&String> = registered.keys().filter(|p| !covered.contains(p)).collect();
    let unknown: Vec<&&String> = covered
        .iter()
        .filter(|p| !registered.contains_key(**p))
        .collect();
    assert!(
        missing.is_empty(),
        "server functions without a row in idor/table.rs: {missing:?}"
    );
    assert!(
        unknown.is_empty(),
        "rows for no registered function: {unknown:?}"
    );
    assert!(registered.len() > 90, "{} functions", registered.len());

    let signed_out = app.client();
    let mut failures = Vec::new();
    for row in &rows {
        let method = &registered[&row.path];
        for (who, c, signed_in) in [
            ("signed out", &signed_out, false),
            ("Anna", &anna.client, true),
        ] {
            let form = filled(&olga, &row.form, false);
            let (status, body) = call(&app, c, row, &form, method).await;
            // What the caller typed may come back (an email echoed); nothing else of Olga's may.
            let typed = |m: &String| form.iter().any(|(_, v)| v.contains(m.as_str()));
            for m in olga
                .markers
                .iter()
                .filter(|m| body.contains(m.as_str()) && !typed(m))
            {
                failures.push(format!("{} {who}: the answer holds Olga's {m:?}", row.path));
            }
            let want = match (row.guard, signed_in, &row.refusal) {
                (Guard::Hers, true, Some(refusal)) => Some(refusal.clone()),
                _ => expected(row.guard, signed_in),
            };
            let Some((want_status, want_error)) = want else {
                continue;
            };
            let error = serde_json::from_str::<AppError>(&body).ok();
            if status != want_status || error.as_ref() != Some(&want_error) {
                failures.push(format!(
                    "{} {who}: {status} {body} (want {want_status} {want_error:?})",
                    row.path
                ));
            }
            // Olga's ids are refused exactly as ids that do not exist: no answer tells they do.
            if row.guard == Guard::Hers && signed_in {
                let ghost = filled(&olga, &row.form, true);
                let again = call(&app, c, row, &ghost, method).await;
                if again != (status, body.clone()) {
                    failures.push(format!(
                        "{}: Olga's ids get {status} {body}, unknown ids {} {}",
                        row.path, again.0, again.1
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    let after = victim::rows_of(&app, &olga).await;
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b, a, "Olga's rows changed");
    }
}
