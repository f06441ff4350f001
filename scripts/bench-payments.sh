#!/usr/bin/env bash
# Benchmark (issue #14): BENCH_N (default 100,000) autopay drafts created and settled end to end,
# on SQLite and then on PostgreSQL. For each database it prints the drafts/s of the real payment
# jobs (draft → submit to the simulated processor → settle through the ledger on the posting day),
# the ratio to a raw sqlx batch insert of the same payment rows measured in the same run (goal
# ≥ 25 %), and the process's peak RSS. A script that prints figures, not a timed test.
#
# Why this shape: the work is `server bench-payments` (server/src/bench/), a hidden command of the
# server binary, so it comes with the release build `./portal run` already makes — no second
# release binary to compile (~10 min here). Each database runs in its own process, so each peak
# RSS is its own. The command makes its own database (a SQLite file in a temporary folder; a
# PostgreSQL database made through BENCH_PG_URL and dropped afterwards), pins the clock, counts
# what the jobs left (N drafts, N posted, none without its allocation) and fails rather than print
# a figure for work not done. server/tests/it/bench_payments.rs runs the same code at N = 50.
#
# Needs a release build (./portal run, or cargo leptos build --release); builds nothing itself.
# BENCH_N=1000 for a quick look; BENCH_PG_N sets PostgreSQL's N alone (default BENCH_N);
# BENCH_PG_URL=postgres://USER@HOST:PORT/DB (an administrative connection; default
# postgres://postgres@127.0.0.1:5432/postgres). Time on this 2-core machine: SQLite, 100,000:
# about 6 min; PostgreSQL is slower per statement here: 10,000 take under 2 min.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_N:-100000}
PG_N=${BENCH_PG_N:-$N}
PG_URL=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
BIN=${CARGO_TARGET_DIR:-target}/release/server
if [ ! -x "$BIN" ]; then
  echo "no release build at $BIN: run ./portal run (or cargo leptos build --release) first" >&2
  exit 1
fi
# Quiet: sqlx would log every seeding statement (they are long) as slow.
export RUST_LOG=${RUST_LOG:-warn,sqlx=error} LEPTOS_OUTPUT_NAME=portal
echo "payments benchmark: $N autopays on SQLite, $PG_N on PostgreSQL, $(nproc) cores, $BIN"
"$BIN" bench-payments --n "$N" --db sqlite
if pg_isready -q -d "$PG_URL" 2>/dev/null || psql "$PG_URL" -Atc 'SELECT 1' >/dev/null 2>&1; then
  "$BIN" bench-payments --n "$PG_N" --db postgres --pg-url "$PG_URL"
else
  echo "PostgreSQL: skipped (not reachable at $PG_URL; set BENCH_PG_URL)"
fi
