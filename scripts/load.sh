#!/usr/bin/env bash
# Load and scale-out (issue #18): two release server processes on one PostgreSQL database, behind
# HAProxy from Debian (round-robin per request, no sticky sessions), with a real SMTP server for
# their mail (scripts/load/mail-sink.mjs). LOAD_CUSTOMERS virtual customers (default 200, seeded by
# the hidden `server seed-load`) sign in on new devices and then use the portal for LOAD_SECONDS
# (default 120, at most 300): scripts/load/drive.mjs says what each does and prints requests,
# errors and p50/p95/p99 per kind.
# Afterwards, with the instances still up until the outbox is empty, it checks from the database:
#   - every payment the portal confirmed exists exactly once (one row per key, the confirmed
#     reference, one ledger transaction each), and none exists that was not confirmed;
#   - every message likewise (one thread per key, its one message and its one attachment, whose
#     file is in the shared store);
#   - every queued email was sent, and the mail server received each exactly once (the outbox's
#     recipients and subjects against what the sink received);
#   - both instances answered requests (HAProxy's per-server counts).
# Exits non-zero on any error or failed check. Everything it starts it stops; loopback only.
# Needs a release build, haproxy (installed when missing and apt-get can), node and psql.
# LOAD_PG_URL: an administrative PostgreSQL connection (default postgres://postgres@127.0.0.1:5432/postgres);
# the test gets a database of its own there, dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${LOAD_CUSTOMERS:-200}
SECS=${LOAD_SECONDS:-120}
[ "$SECS" -le 300 ] || { echo "LOAD_SECONDS is at most 300" >&2; exit 1; }
PG_ADMIN=${LOAD_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
[ -x target/release/server ] || { echo "no release build: run ./portal run (or cargo leptos build --release) first" >&2; exit 1; }
if ! command -v haproxy >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q haproxy >/dev/null; else sudo apt-get install -y -q haproxy >/dev/null; fi
fi
PORT=${LOAD_PORT:-3700}
LB=$PORT ONE=$((PORT + 1)) TWO=$((PORT + 2)) SMTP=$((PORT + 3)) SINK_HTTP=$((PORT + 4)) STATS=$((PORT + 5))
BASE="http://localhost:$LB"
dir=$(mktemp -d -t portal-load.XXXXXX)
db="portal_load_$$"
DB_URL="${PG_ADMIN%/*}/$db"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
sql() { psql -qAt "$DB_URL" -c "$1"; }

psql -q "$PG_ADMIN" -c "CREATE DATABASE $db" >/dev/null
node scripts/load/mail-sink.mjs "$SMTP" "$SINK_HTTP" >"$dir/sink.log" 2>&1 &
pids+=($!)

# Both instances as a deployment runs them: the same database, secrets, data keys and file store;
# the load balancer is the one proxy whose X-Forwarded-For they believe.
export PORTAL_ENV=demo PORTAL_DATA_DIR="$dir/data" DATABASE_URL="$DB_URL" PUBLIC_URL="$BASE" \
  SMTP_URL="smtp://127.0.0.1:$SMTP" SESSION_SECRET="$(openssl rand -hex 32)" \
  DATA_KEYS="k1:$(openssl rand -hex 32)" TRUSTED_PROXIES=127.0.0.1 \
  LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=portal RUST_LOG=${RUST_LOG:-warn}
mkdir -p "$PORTAL_DATA_DIR"
t0=$(date +%s)
target/release/server seed-load --customers "$CUSTOMERS"
echo "seeded in $(( $(date +%s) - t0 )) s"
for p in $ONE $TWO; do
  PORTAL_ADDR="127.0.0.1:$p" target/release/server serve >>"$dir/server-$p.log" 2>&1 &
  pids+=($!)
done

cat >"$dir/haproxy.cfg" <<EOF
global
  maxconn 4096
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  option forwardfor
frontend portal
  bind 127.0.0.1:$LB
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /healthz
  server one 127.0.0.1:$ONE check inter 1s
  server two 127.0.0.1:$TWO check inter 1s
listen stats
  bind 127.0.0.1:$STATS
  stats enable
  stats uri /stats
EOF
haproxy -db -f "$dir/haproxy.cfg" >"$dir/haproxy.log" 2>&1 &
pids+=($!)
for p in $ONE $TWO $LB; do
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$p/healthz" >/dev/null || { echo "port $p did not answer; logs:" >&2; tail -5 "$dir"/*.log >&2; exit 1; }
done
# Both servers up in HAProxy's eyes before the load starts.
for _ in $(seq 1 100); do
  up=$(curl -s "http://127.0.0.1:$STATS/stats;csv" | awk -F, '$1 == "instances" && $2 != "BACKEND" && $18 ~ /^UP/' | wc -l)
  [ "$up" = 2 ] && break; sleep 0.1
done

echo "load: $CUSTOMERS customers for $SECS s through HAProxy at $BASE (instances on $ONE and $TWO)"
status=0
BASE=$BASE SINK="http://127.0.0.1:$SINK_HTTP" CUSTOMERS=$CUSTOMERS SECONDS=$SECS OUT=$dir node scripts/load/drive.mjs || status=1

echo
echo "== after the load"
# HAProxy's count of answers per instance (2xx and others).
curl -s "http://127.0.0.1:$STATS/stats;csv" | awk -F, '
  NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) col[$i] = i; next }
  $1 == "instances" && $2 != "BACKEND" {
    printf "instance %s: %d requests (%d 2xx, %d 4xx, %d 5xx)\n", $2, $col["lbtot"], $col["hrsp_2xx"], $col["hrsp_4xx"], $col["hrsp_5xx"] }' \
  | tee "$dir/per-instance.txt"
[ "$(awk '$3 > 0' "$dir/per-instance.txt" | wc -l)" = 2 ] || { echo "FAILED: not both instances answered" >&2; status=1; }

# The outbox drains (the instances' workers send what the load queued), 60 s at most.
for _ in $(seq 1 600); do
  [ "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")" = 0 ] && break; sleep 0.1
done

check() { # label expected actual
  if [ "$2" = "$3" ]; then echo "ok: $1 (${3:-no difference})"; else echo "FAILED: $1: expected $2, found $3" >&2; status=1; fi
}
confirmed_payments=$(wc -l <"$dir/payments.tsv")
check "payments the portal confirmed are rows, once each" "$confirmed_payments" \
  "$(sql "SELECT COUNT(DISTINCT idempotency_key) FROM payments WHERE idempotency_key LIKE 'load-pay-%'")"
check "no payment without a confirmation" "$confirmed_payments" \
  "$(sql "SELECT COUNT(*) FROM payments WHERE idempotency_key LIKE 'load-pay-%'")"
check "each confirmed reference is its key's payment" "" \
  "$(sql "SELECT idempotency_key || E'\t' || reference FROM payments WHERE idempotency_key LIKE 'load-pay-%' ORDER BY 1" | diff - <(sort "$dir/payments.tsv") || true)"
check "each payment has its own ledger transaction" "$confirmed_payments" \
  "$(sql "SELECT COUNT(DISTINCT t.id) FROM payments p JOIN transactions t ON t.id = p.transaction_id WHERE p.idempotency_key LIKE 'load-pay-%'")"
check "payments left half-submitted (processing)" 0 \
  "$(sql "SELECT COUNT(*) FROM payments WHERE idempotency_key LIKE 'load-pay-%' AND status = 'processing'")"
echo "payments by status: $(sql "SELECT status || ' ' || COUNT(*) FROM payments WHERE idempotency_key LIKE 'load-pay-%' GROUP BY status ORDER BY status" | paste -sd, -)"

confirmed_messages=$(wc -l <"$dir/messages.tsv")
check "messages the portal confirmed are threads, once each" "$confirmed_messages" \
  "$(sql "SELECT COUNT(*) FROM message_threads WHERE idempotency_key LIKE 'load-msg-%'")"
check "each confirmed reference is its key's thread" "" \
  "$(sql "SELECT idempotency_key || E'\t' || reference FROM message_threads WHERE idempotency_key LIKE 'load-msg-%' ORDER BY 1" | diff - <(sort "$dir/messages.tsv") || true)"
check "one message in each thread" "$confirmed_messages" \
  "$(sql "SELECT COUNT(*) FROM messages m JOIN message_threads t ON t.id = m.thread_id WHERE t.idempotency_key LIKE 'load-msg-%'")"
check "one attachment on each message" "$confirmed_messages" \
  "$(sql "SELECT COUNT(*) FROM message_attachments a JOIN messages m ON m.id = a.message_id JOIN message_threads t ON t.id = m.thread_id WHERE t.idempotency_key LIKE 'load-msg-%'")"
missing=0
while read -r key; do [ -f "$PORTAL_DATA_DIR/attachments/$key" ] || missing=$((missing + 1)); done \
  < <(sql "SELECT object_key FROM message_attachments WHERE message_id IS NOT NULL")
check "attachment files missing from the store" 0 "$missing"

check "emails left unsent" 0 "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")"
sent=$(sql "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NOT NULL")
check "emails received by the mail server, once each" "" \
  "$(diff <(sql "SELECT lower(to_addr) || E'\t' || subject FROM mail_outbox WHERE sent_at IS NOT NULL" | sort) \
    <(curl -s "http://127.0.0.1:$SINK_HTTP/all" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const m of JSON.parse(s))console.log(m.to+"\t"+m.subject)})' | sort) || true)"
echo "emails sent: $sent"
for p in $ONE $TWO; do
  if grep -q "panicked" "$dir/server-$p.log"; then echo "FAILED: instance $p panicked" >&2; status=1; fi
done
[ "$status" = 0 ] && echo "load test passed" || echo "load test FAILED (logs were in $dir)"
exit "$status"
