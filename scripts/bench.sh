#!/usr/bin/env bash
# Benchmarks (issue #18), one run, figures and ratios printed; the results are kept in
# BENCHMARKS.md with the machine and the command. A script, not a timed test: nothing here passes
# or fails on a figure, it fails only when a request errs.
#
# For SQLite, then PostgreSQL (skipped when not reachable), on a fresh demo database each:
#   - requests/s (wrk, loopback, -t2 -c32) of /healthz (the trivial route, the ratio's base),
#     /login, the signed-in /dashboard and schedule page (real database reads), and a payment
#     submission (POST /api/make_payment, a new idempotency key per request) — each as a ratio
#     to /healthz in the same run; and one dashboard request alone (median of 20);
#   - sign-ins/s (password + remembered device, each a full argon2id verification and a new
#     session) against raw argon2id verifications/s with the same hasher (`server bench-hash`);
#   - the dashboard's p99 while sign-ins saturate the hashing pool;
#   - server RSS idle and under 200 concurrent connections; time from process start to the
#     first 200 on a database already migrated and seeded.
# Then (unless BENCH_QUICK=1) the payments benchmark and the first-load size script.
#
# Needs a release build (./portal run, or cargo leptos build --release) and wrk (Debian package;
# installed here when missing and apt-get can). BENCH_SECONDS per measurement (default 10).
# BENCH_PG_URL: an administrative PostgreSQL connection (default postgres://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${BENCH_SECONDS:-10}
PG_ADMIN=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
[ -x target/release/server ] || { echo "no release build: run ./portal run (or cargo leptos build --release) first" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null; else sudo apt-get install -y -q wrk >/dev/null; fi
fi
PORT=${BENCH_PORT:-3400}
NAME=bench
DEFER_START=1
# shellcheck source=lib/demo-server.sh
source scripts/lib/demo-server.sh
lua="$dir/pay.lua"

# wrk's requests/s; fails when any answer was not 2xx/3xx or a socket erred.
rps() { # label wrk-args...
  local label=$1 out; shift
  out=$(wrk -t2 -c"${CONNS:-32}" -d"${SECS}s" "$@")
  if grep -q "Non-2xx\|Socket errors" <<<"$out"; then echo "$label: errors" >&2; echo "$out" >&2; exit 1; fi
  awk '/Requests\/sec/ { print $2 }' <<<"$out"
}
# The p99 latency in ms from wrk --latency output.
p99_ms() { awk '$1 == "99%" { v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; print v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f %%", 100 * a / b }'; }
rss_mib() { awk '{ printf "%.0f", $1 / 1024 }' <<<"$(ps -o rss= -p "$server")"; }
single_ms() { # url
  for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" "$1"; done \
    | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%.1f", t[10] }'
}

run() { # label
  local label=$1
  start_server
  sign_in anna.kowalski@demo.example
  local rss_idle; rss_idle=$(rss_mib)
  # Anna's loan, a bank account to pay from, and the first day a payment can be made.
  local loan source day
  loan=$(curl -s -X POST -H "Origin: $BASE" -H "Cookie: $cookie" "$BASE/api/my_contracts" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(String(JSON.parse(s).find(c=>c.number==="LN-2023-004512").id)))')
  source=$(curl -s -H "Origin: $BASE" -H "Cookie: $cookie" --data "country=US&holder=Anna+Kowalski&account_type=checking&routing=021000021&account=000123456789&account_again=000123456789" \
    "$BASE/api/add_bank_account" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(String(JSON.parse(s).id)))')
  day=$(curl -s -H "Origin: $BASE" -H "Cookie: $cookie" --data "contract_id=$loan" "$BASE/api/payment_options" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const [y,o]=JSON.parse(s).earliest;const d=new Date(Date.UTC(y,0,o));process.stdout.write(d.toISOString().slice(0,10))})')
  cat >"$lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "$BASE"
wrk.headers["Cookie"] = "$cookie"
local n = 0
local id = 0
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("id", threads) end
init = function() id = wrk.thread:get("id") end
request = function()
  n = n + 1
  local body = string.format("contract_id=$loan&source_id=$source&amount=1.00&date=$day&extra_to=next_instalment&key=bench-%d-%010d", id, n)
  return wrk.format(nil, "/api/make_payment", nil, body)
end
EOF
  local h login dash sched pay one
  h=$(rps healthz "$BASE/healthz")
  login=$(rps login "$BASE/login")
  dash=$(rps dashboard -H "Cookie: $cookie" "$BASE/dashboard")
  sched=$(rps schedule -H "Cookie: $cookie" "$BASE/contracts/$loan/schedule")
  one=$(single_ms "$BASE/dashboard")

  # Sign-ins with a remembered device (one step: argon2id + a new session), then raw argon2id.
  # Four logins in turn, 8 connections: enough to keep both hashing permits busy, and fewer in
  # flight per login (2) and per address (8) than the sign-in limits' reservations allow — the
  # limits count an attempt before its password is judged, so 32 parallel sign-ins of one login
  # from one address are refused by design.
  local signin_lua="$dir/signin.lua" signin raw p99_alone p99_loaded rss_peak=0 load pairs="" who
  local main_cookie=$cookie
  for who in anna.kowalski marc.tremblay olga.ivanova sam.patel; do
    sign_in "$who@demo.example"
    pairs="$pairs{\"$who%40demo.example\", \"$device\"},"
  done
  cookie=$main_cookie
  cat >"$signin_lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "$BASE"
local logins = { $pairs }
local i = 0
request = function()
  i = i + 1
  local l = logins[(i % #logins) + 1]
  wrk.headers["Cookie"] = l[2]
  return wrk.format(nil, "/api/login", nil, "email=" .. l[1] .. "&password=Northstar-demo-2026")
end
EOF
  signin=$(CONNS=8 rps sign-in -s "$signin_lua" "$BASE/api/login")
  p99_alone=$(wrk -t1 -c4 -d"${SECS}s" --latency -H "Cookie: $cookie" "$BASE/dashboard" | p99_ms)
  wrk -t1 -c8 -d"$((SECS + 2))s" -s "$signin_lua" "$BASE/api/login" >/dev/null &
  load=$!
  sleep 1
  p99_loaded=$(wrk -t1 -c4 -d"${SECS}s" --latency -H "Cookie: $cookie" "$BASE/dashboard" | p99_ms)
  wait "$load"

  # Memory under 200 connections.
  wrk -t2 -c200 -d"${SECS}s" -H "Cookie: $cookie" "$BASE/dashboard" >/dev/null &
  load=$!
  while kill -0 "$load" 2>/dev/null; do
    local r; r=$(rss_mib); [ "$r" -gt "$rss_peak" ] && rss_peak=$r; sleep 0.2
  done

  # Payments last: each leaves work for the background jobs (submission, mail) that would weigh
  # on the measurements after it.
  pay=$(rps payment -s "$lua" "$BASE/api/make_payment")

  # A restart on the same (migrated, seeded) database: start to first 200.
  stop_server
  start_server
  local restart_ms=$started_ms
  stop_server
  raw=$(DATABASE_URL="sqlite::memory:" target/release/server bench-hash --seconds "$SECS" | sed -n 's/.*= \([0-9.]*\)\/s/\1/p')

  printf '\n%s\n' "== $label ($(nproc) cores, wrk -t2 -c32, ${SECS} s each)"
  printf '%-34s %10s req/s\n' "/healthz (base)" "$h"
  printf '%-34s %10s req/s  %s of /healthz\n' "/login" "$login" "$(ratio "$login" "$h")"
  printf '%-34s %10s req/s  %s of /healthz   (one alone: %s ms)\n' "/dashboard (signed in)" "$dash" "$(ratio "$dash" "$h")" "$one"
  printf '%-34s %10s req/s  %s of /healthz\n' "schedule page (signed in)" "$sched" "$(ratio "$sched" "$h")"
  printf '%-34s %10s req/s  %s of /healthz\n' "payment submission" "$pay" "$(ratio "$pay" "$h")"
  printf '%-34s %10s /s     %s of raw argon2id (%s/s)\n' "sign-ins (password + device, c8)" "$signin" "$(ratio "$signin" "$raw")" "$raw"
  printf '%-34s %10s ms (alone: %s ms)\n' "dashboard p99 during sign-ins" "$p99_loaded" "$p99_alone"
  printf '%-34s %10s MiB idle, %s MiB peak at 200 connections\n' "server RSS" "$rss_idle" "$rss_peak"
  printf '%-34s %10s ms (migrated database)\n' "start to first 200" "$restart_ms"
}

run "SQLite"
if psql "$PG_ADMIN" -Atqc 'SELECT 1' >/dev/null 2>&1; then
  db="portal_bench_$$"
  psql "$PG_ADMIN" -qc "CREATE DATABASE $db" >/dev/null
  DB_URL="${PG_ADMIN%/*}/$db"
  run "PostgreSQL"
  unset DB_URL
  psql "$PG_ADMIN" -qc "DROP DATABASE $db" >/dev/null
else
  echo "PostgreSQL: skipped (not reachable at $PG_ADMIN)"
fi

if [ "${BENCH_QUICK:-}" != 1 ]; then
  echo; scripts/bench-payments.sh
  echo; scripts/bench-size.sh
fi
