//! Command line: `server [serve|migrate|seed-demo|create-staff|unlock|create-temp-login]`.

use crate::startup::{self, BoxError};
use app::backoffice::StaffRole;
use app::domain::{Email, PasswordPolicy, PersonName};
use app::infra::{Clock, Config, OffsetClock, SystemClock};
use std::sync::Arc;

pub const USAGE: &str = "usage: server [serve | migrate | seed-demo | create-staff --email EMAIL --name NAME --role agent|supervisor|admin | unlock --email EMAIL | create-temp-login --contract NUMBER [--by NAME] | new-data-key [--id ID] | rotate-data-key]\n\
  new-data-key prints a fresh data key (id:hex) to put first in DATA_KEYS; rotate-data-key then re-seals every stored secret under it.\n\
  create-staff reads the password from the STAFF_PASSWORD environment variable.\n\
  create-temp-login prints a temporary password (valid 72 hours) for the contract's primary borrower.";

pub async fn run(args: Vec<String>) -> Result<(), BoxError> {
    let command = args.first().map(String::as_str).unwrap_or("serve");
    if matches!(command, "-h" | "--help" | "help") {
        println!("{USAGE}");
        return Ok(());
    }
    if command == "bench-payments" {
        // Not in USAGE: a benchmark on a database of its own (scripts/bench-payments.sh).
        return crate::bench::main(&args[1..]).await;
    }
    if command == "bench-hash" {
        // Not in USAGE: raw argon2id speed, for scripts/bench.sh.
        return crate::bench::hash::main(&args[1..]).await;
    }
    if command == "new-data-key" {
        let id = flag(&args[1..], "--id").unwrap_or("k1");
        let key = app::infra::crypto::DataKeys::generate(id);
        app::infra::crypto::DataKeys::parse(&key).map_err(|m| format!("--id: {m}"))?;
        println!("{key}");
        return Ok(());
    }
    if !matches!(
        command,
        "serve"
            | "migrate"
            | "seed-demo"
            | "create-staff"
            | "unlock"
            | "create-temp-login"
            | "rotate-data-key"
            | "seed-load"
    ) {
        return Err(format!("unknown command `{command}`\n{USAGE}").into());
    }
    let config = Config::from_env()?;
    let seed_asked = std::env::var("PORTAL_SEED_DEMO").is_ok_and(|v| v == "1");
    if !config.is_demo() && (command == "seed-demo" || command == "seed-load" || seed_asked) {
        // Demo data has written-down passwords and authenticator secrets: never in production.
        return Err(
            "demo data is only for PORTAL_ENV=demo (seed-demo / PORTAL_SEED_DEMO refused in production)"
                .into(),
        );
    }
    let clock: Arc<dyn Clock> = match config.clock_start {
        Some(start) => Arc::new(OffsetClock::starting_at(start)),
        None => Arc::new(SystemClock),
    };
    let state = startup::build_state(config, clock).await?;
    match command {
        "migrate" => println!("database migrated"),
        "rotate-data-key" => {
            let n = app::infra::crypto::reseal(&state.db, &state.config.data_keys, true).await?;
            println!(
                "{n} stored secrets re-sealed under key `{}`; older keys can now be dropped from DATA_KEYS",
                state.config.data_keys.current_id()
            );
        }
        "seed-demo" => {
            let n = crate::seed::seed_demo(&state)
                .await
                .map_err(|e| format!("{e:?}"))?;
            println!(
                "demo data ready ({n} new customers){}",
                crate::seed::demo_logins_text(&state)
                    .await
                    .map_err(|e| format!("{e:?}"))?
            );
        }
        "seed-load" => {
            // Not in USAGE: customers for the load test (scripts/load.sh).
            let n = flag(&args[1..], "--customers")
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| (1..=crate::seed::load::MAX_CUSTOMERS).contains(n))
                .ok_or(format!(
                    "--customers must be a number from 1 to {}",
                    crate::seed::load::MAX_CUSTOMERS
                ))?;
            let made = crate::seed::load::seed_load(&state, n)
                .await
                .map_err(|e| format!("{e:?}"))?;
            println!("load customers ready: {n} ({made} new)");
        }
        "create-staff" => create_staff(&state, &args[1..]).await?,
        "unlock" => {
            let email = Email::parse(flag(&args[1..], "--email").unwrap_or_default())
                .map_err(|i| format!("--email: {i}"))?;
            let was_locked = app::auth::recovery::staff_unlock(&state, &email, "cli")
                .await
                .map_err(|e| format!("{e:?}"))?;
            println!(
                "{email}: {}",
                if was_locked {
                    "unlocked"
                } else {
                    "was not locked"
                }
            );
        }
        "create-temp-login" => {
            let number = flag(&args[1..], "--contract").unwrap_or_default();
            if number.trim().is_empty() {
                return Err(format!("--contract is required\n{USAGE}").into());
            }
            let by = flag(&args[1..], "--by").unwrap_or("cli");
            let (password, expires_at) = app::signin::temporary::issue(&state, number, by)
                .await
                .map_err(|e| match e.refusal() {
                    Some(app::error::AppError::NotFound) => {
                        format!("no contract numbered {number}")
                    }
                    _ => e.to_string(),
                })?;
            let expires = time::OffsetDateTime::from_unix_timestamp(expires_at)
                .ok()
                .and_then(|t| {
                    t.format(time::macros::format_description!(
                        "[year]-[month]-[day] [hour]:[minute] UTC"
                    ))
                    .ok()
                })
                .unwrap_or_default();
            println!(
                "temporary password for {}: {password}\nvalid until {expires}; earlier temporary passwords for it no longer work.\nThe customer signs in with the contract number and this password, then chooses their own email and password.",
                number.trim().to_uppercase()
            );
        }
        _ => {
            if seed_asked {
                crate::seed::seed_demo(&state)
                    .await
                    .map_err(|e| format!("{e:?}"))?;
                println!(
                    "{}",
                    crate::seed::demo_logins_text(&state)
                        .await
                        .map_err(|e| format!("{e:?}"))?
                );
            }
            let listener = tokio::net::TcpListener::bind(state.config.bind)
                .await
                .map_err(|e| format!("cannot listen on {}: {e}", state.config.bind))?;
            tracing::info!("listening on http://{}", state.config.bind);
            startup::serve(listener, state).await?;
        }
    }
    Ok(())
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

async fn create_staff(state: &app::infra::AppState, args: &[String]) -> Result<(), BoxError> {
    let email = Email::parse(flag(args, "--email").unwrap_or_default())
        .map_err(|i| format!("--email: {i}"))?;
    let name = PersonName::parse(flag(args, "--name").unwrap_or_default())
        .map_err(|i| format!("--name: {i}"))?;
    let role = StaffRole::parse(flag(args, "--role").unwrap_or("agent"))
        .ok_or("--role must be agent, supervisor or admin")?;
    let password = std::env::var("STAFF_PASSWORD")
        .map_err(|_| "set STAFF_PASSWORD to the new staff member's password")?;
    let password = PasswordPolicy::check(
        &password,
        Some(&email),
        app::auth::common_passwords::is_common,
    )
    .map_err(|i| format!("STAFF_PASSWORD: {i}"))?;
    let hash = state
        .hasher
        .hash(password.expose())
        .await
        .map_err(|e| format!("{e:?}"))?;
    let secret = app::factors::totp::new_secret();
    match app::backoffice::service::create_staff(state, &email, name.as_str(), role, hash, &secret).await {
        Ok(uri) => println!(
            "staff member {email} created with role {}.\nAdd this to their authenticator app (shown once):\n  secret: {secret}\n  {uri}",
            role.as_str()
        ),
        Err(e) if matches!(e.refusal(), Some(app::error::AppError::Conflict(_))) => {
            return Err(format!("a staff member with email {email} already exists").into())
        }
        Err(e) => return Err(format!("{e:?}").into()),
    }
    Ok(())
}
