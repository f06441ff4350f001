//! `server bench-payments`: the payments benchmark (`scripts/bench-payments.sh`). On a new
//! database — a SQLite file in a temporary folder, or a PostgreSQL database made for the run and
//! dropped after it — with the clock pinned, it seeds N contracts with an autopay due on one day,
//! then times the real jobs one after another, as the payments pass runs them: the autopay draft
//! job, the submit job (the simulated processor accepts) and, on the posting day, the settle job
//! (posted through the ledger). It counts what they left (N drafts, N posted, none without its
//! allocation) and fails rather than print a figure for work not done; then, in the same run and
//! tables, times a raw batch insert of the same N payment rows, the ceiling the jobs are compared
//! with. A hidden command of the server binary, so it comes with the release build.

mod baseline;
mod batch;
mod book;
pub mod hash;

use crate::startup::BoxError;
use app::infra::{Clock, Config, ManualClock};
use std::sync::Arc;
use std::time::{Duration, Instant};
use time::macros::datetime;

pub use baseline::Counts;

/// The benchmark's day (a Monday; 12:00 UTC is before the lender's cut-off).
const TODAY: time::OffsetDateTime = datetime!(2026-11-16 12:00 UTC);

/// Which database to run on.
#[derive(Clone, Debug)]
pub enum Target {
    Sqlite,
    /// A new database is made (and dropped) through this administrative connection.
    Postgres {
        admin_url: String,
    },
}

/// What one run measured.
#[derive(Clone, Debug)]
pub struct Report {
    pub database: &'static str,
    pub n: usize,
    pub seed: Duration,
    pub draft: Duration,
    pub submit: Duration,
    pub settle: Duration,
    pub counts: Counts,
    pub raw_rows: u64,
    pub raw: Duration,
    /// The process's peak resident set through seeding and the jobs (KiB)…
    pub peak_rss_jobs_kib: Option<u64>,
    /// …and at the end, with the baseline's copy of the N rows in memory.
    pub peak_rss_kib: Option<u64>,
}

fn per_sec(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

impl Report {
    pub fn end_to_end(&self) -> Duration {
        self.draft + self.submit + self.settle
    }

    /// Drafts carried end to end (drafted, submitted, posted) per second.
    pub fn drafts_per_sec(&self) -> f64 {
        per_sec(self.n, self.end_to_end())
    }

    pub fn raw_rows_per_sec(&self) -> f64 {
        per_sec(self.raw_rows as usize, self.raw)
    }

    /// End-to-end drafts/s over raw insert rows/s.
    pub fn ratio(&self) -> f64 {
        self.drafts_per_sec() / self.raw_rows_per_sec()
    }

    pub fn text(&self) -> String {
        let line = |what: &str, d: Duration| {
            format!(
                "  {what:<24} {:>8.1} s  {:>9.0} /s\n",
                d.as_secs_f64(),
                per_sec(self.n, d)
            )
        };
        let c = &self.counts;
        let mut s = format!(
            "payments benchmark on {}: {} autopays due {} (contracts: 3 loans of 60 months to 1 lease of 36)\n",
            self.database,
            self.n,
            TODAY.date()
        );
        s.push_str(&format!(
            "  {:<24} {:>8.1} s\n",
            "seeded",
            self.seed.as_secs_f64()
        ));
        s.push_str(&line("drafted (draft job)", self.draft));
        s.push_str(&line("submitted (submit job)", self.submit));
        s.push_str(&line("settled (settle job)", self.settle));
        s.push_str(&line("end to end", self.end_to_end()));
        s.push_str(&format!(
            "  {:<24} {:>8.1} s  {:>9.0} /s  ({} rows, multi-row INSERT in one transaction)\n",
            "raw batch insert",
            self.raw.as_secs_f64(),
            self.raw_rows_per_sec(),
            self.raw_rows
        ));
        s.push_str(&format!(
            "  {:<24} {:>8.1} %  (end-to-end drafts/s ÷ raw rows/s; goal ≥ 25 %)\n",
            "ratio",
            self.ratio() * 100.0
        ));
        s.push_str(&format!(
            "  {:<24} {} drafts, {} posted, {} without allocation, {} autopays on to the next instalment\n",
            "checked", c.drafts, c.posted, c.unallocated, c.advanced
        ));
        if let (Some(jobs), Some(end)) = (self.peak_rss_jobs_kib, self.peak_rss_kib) {
            s.push_str(&format!(
                "  {:<24} {} MiB through the jobs, {} MiB with the raw insert's rows in memory\n",
                "peak RSS",
                jobs / 1024,
                end / 1024
            ));
        }
        s
    }
}

/// A folder of our own in the temporary directory, and a name unique to this run.
fn run_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("portal_bench_{}_{nanos}", std::process::id())
}

/// PostgreSQL's statistics of what the last phase wrote (untimed), as a live database, whose
/// payments do not go from none to N in minutes, has them: with those of an empty `payments`
/// the next phase's plans read every payment for each one (submitting 30,000 slowed to ~55/s).
async fn analyze(state: &app::infra::AppState) -> Result<(), sqlx::Error> {
    if state.db.kind == app::infra::DbKind::Postgres {
        sqlx::query("ANALYZE payments, transactions, autopays")
            .execute(&state.db.pool)
            .await?;
    }
    Ok(())
}

/// Runs the benchmark with `n` autopays on `target`; the database is removed afterwards.
pub async fn run(n: usize, target: &Target) -> Result<Report, BoxError> {
    let name = run_name();
    let dir = std::env::temp_dir().join(&name);
    std::fs::create_dir_all(&dir)?;
    let (database, url) = match target {
        Target::Sqlite => (
            "SQLite",
            format!("sqlite://{}?mode=rwc", dir.join("bench.db").display()),
        ),
        Target::Postgres { admin_url } => ("PostgreSQL", create_pg(admin_url, &name).await?),
    };
    let result = run_on(n, database, &url, &dir).await;
    let _ = std::fs::remove_dir_all(&dir);
    if let Target::Postgres { admin_url } = target {
        let dropped = drop_pg(admin_url, &name).await;
        if let (Ok(_), Err(e)) = (&result, dropped) {
            return Err(format!("dropping the benchmark database {name}: {e}").into());
        }
    }
    result
}

async fn admin(url: &str) -> Result<sqlx::AnyConnection, sqlx::Error> {
    sqlx::any::install_default_drivers();
    <sqlx::AnyConnection as sqlx::Connection>::connect(url).await
}

async fn create_pg(admin_url: &str, name: &str) -> Result<String, BoxError> {
    let mut conn = admin(admin_url)
        .await
        .map_err(|e| format!("PostgreSQL not reachable at {admin_url}: {e}"))?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await?;
    let (prefix, _) = admin_url
        .split('?')
        .next()
        .and_then(|u| u.rsplit_once('/'))
        .ok_or("the PostgreSQL URL has no database name")?;
    Ok(format!("{prefix}/{name}"))
}

async fn drop_pg(admin_url: &str, name: &str) -> Result<(), sqlx::Error> {
    let mut conn = admin(admin_url).await?;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await?;
    Ok(())
}

async fn run_on(
    n: usize,
    database: &'static str,
    url: &str,
    dir: &std::path::Path,
) -> Result<Report, BoxError> {
    use app::payments::{autopay_jobs, settle, submit};
    let env: [(&str, String); 4] = [
        ("PORTAL_ENV", "demo".into()),
        ("PORTAL_DATA_DIR", dir.display().to_string()),
        ("DATABASE_URL", url.into()),
        ("PORTAL_ADDR", "127.0.0.1:0".into()),
    ];
    let config = Config::from_lookup(|k| {
        env.iter()
            .find(|(name, _)| *name == k)
            .map(|(_, v)| v.clone())
    })?;
    let clock = Arc::new(ManualClock::new(TODAY));
    let state = crate::startup::build_state(config, clock.clone() as Arc<dyn Clock>).await?;
    let today = TODAY.date();
    let first_due = (today + time::Duration::days(book::DAYS_BEFORE)).to_string();

    let started = Instant::now();
    book::seed(&state, n, today).await?;
    let seed = started.elapsed();

    let started = Instant::now();
    while autopay_jobs::draft_due(&state).await? > 0 {}
    let draft = started.elapsed();
    analyze(&state).await?;
    let started = Instant::now();
    while submit::submit_due(&state).await? > 0 {}
    let submit = started.elapsed();
    // On to the posting day (the lender's, which is the UTC date at 12:00 UTC).
    let posts_on: Option<String> =
        sqlx::query_scalar("SELECT MAX(posts_on) FROM payments WHERE status = 'pending'")
            .fetch_one(&state.db.pool)
            .await?;
    let posts_on = posts_on
        .as_deref()
        .and_then(app::domain::dates::parse_iso)
        .ok_or("nothing was submitted")?;
    clock.advance(posts_on - today);
    analyze(&state).await?;
    let started = Instant::now();
    while settle::settle_due(&state).await? > 0 {}
    let settle = started.elapsed();

    let counts = baseline::counts(&state, &first_due).await?;
    let expected = n as i64;
    if counts.drafts != expected
        || counts.posted != expected
        || counts.unallocated != 0
        || counts.advanced != expected
    {
        return Err(
            format!("the jobs did not do the whole work for {n} autopays: {counts:?}").into(),
        );
    }
    let peak_rss_jobs_kib = baseline::peak_rss_kib();
    let (raw_rows, raw) = baseline::raw_insert(&state).await?;
    if raw_rows != n as u64 {
        return Err(format!("the raw insert wrote {raw_rows} rows, not {n}").into());
    }
    state.db.pool.close().await;
    Ok(Report {
        database,
        n,
        seed,
        draft,
        submit,
        settle,
        counts,
        raw_rows,
        raw,
        peak_rss_jobs_kib,
        // The kernel updates its high-water mark lazily: never below the first reading.
        peak_rss_kib: baseline::peak_rss_kib().max(peak_rss_jobs_kib),
    })
}

pub const USAGE: &str = "usage: server bench-payments [--n N] [--db sqlite|postgres] [--pg-url postgres://USER@HOST:PORT/DB]\n\
  Seeds N autopays (default 100000) on a new database, times the draft, submit and settle jobs and a raw\n\
  batch insert of the same rows, and prints the figures. --pg-url is the administrative connection\n\
  the benchmark database is made and dropped through (default postgres://postgres@127.0.0.1:5432/postgres).";

/// The command line: `server bench-payments …`.
pub async fn main(args: &[String]) -> Result<(), BoxError> {
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
    };
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return Ok(());
    }
    let n: usize = flag("--n")
        .unwrap_or("100000")
        .parse()
        .map_err(|_| format!("--n must be a whole number\n{USAGE}"))?;
    if n == 0 {
        return Err(format!("--n must be at least 1\n{USAGE}").into());
    }
    let target = match flag("--db").unwrap_or("sqlite") {
        "sqlite" => Target::Sqlite,
        "postgres" => Target::Postgres {
            admin_url: flag("--pg-url")
                .unwrap_or("postgres://postgres@127.0.0.1:5432/postgres")
                .into(),
        },
        other => return Err(format!("--db `{other}`: sqlite or postgres\n{USAGE}").into()),
    };
    let report = run(n, &target).await?;
    print!("{}", report.text());
    Ok(())
}
