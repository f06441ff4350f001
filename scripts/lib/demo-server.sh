# Shared by the benchmark scripts: starts the release server on a throw-away demo database at
# $BASE and signs a demo customer in as a person would on a new device (password, then the emailed
# code read from the demo mailbox). Sets: dir (temp dir, removed on exit), server (pid), cookie
# (the session) and device (the remembered-device cookie).
# Usage: PORT=3200 NAME=lh source scripts/lib/demo-server.sh; sign_in email
# DB_URL, when set, is the database (e.g. a PostgreSQL one); else a SQLite file in $dir.
# DEFER_START=1 only defines the functions (start_server, stop_server, sign_in): a script that
# runs several servers one after another starts each itself.

BASE="http://localhost:$PORT"
dir=$(mktemp -d -t "portal-$NAME.XXXXXX")
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$dir"' EXIT

# Starts the server and waits for its first 200 from /healthz; sets server and started_ms (how
# long that took, from the process's start).
start_server() {
  local t0; t0=$(date +%s%N)
  PORTAL_DATA_DIR="$dir" DATABASE_URL="${DB_URL:-sqlite://$dir/$NAME.db?mode=rwc}" PORTAL_ADDR="127.0.0.1:$PORT" \
    PUBLIC_URL="$BASE" LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=portal PORTAL_ENV=demo PORTAL_SEED_DEMO=1 \
    RUST_LOG=${RUST_LOG:-warn} target/release/server serve >>"$dir/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 3000); do
    curl -sf "$BASE/healthz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { echo "the server stopped; its log:" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
    sleep 0.01
  done
  started_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}

stop_server() {
  [ -n "$server" ] || return 0
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
}

cookie_named() { tr -d '\r' | sed -n "s/^[Ss]et-[Cc]ookie: \($1=[0-9a-zA-Z_-]*\).*/\1/p"; }
session() { cookie_named portal_session; }
sign_in() { # email
  local email=$1 pending code="" headers
  pending=$(curl -s -D - -o /dev/null -H "Origin: $BASE" \
    --data-urlencode "email=$email" --data-urlencode "password=Northstar-demo-2026" \
    "$BASE/api/login" | session)
  [ -n "$pending" ] || { echo "could not sign in as $email" >&2; exit 1; }
  for _ in $(seq 1 50); do
    code=$(curl -s -X POST -H "Origin: $BASE" "$BASE/api/dev_mailbox" | EMAIL="$email" node -e '
      let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
        const m = JSON.parse(s).find((m) => m.to === process.env.EMAIL && /authorization code/.test(m.subject));
        process.stdout.write(m ? m.text.match(/\b\d{6}\b/)[0] : "");
      });')
    [ -n "$code" ] && break; sleep 0.2
  done
  headers=$(curl -s -D - -o /dev/null -H "Origin: $BASE" -H "Cookie: $pending" \
    --data-urlencode "method=code" --data-urlencode "code=$code" "$BASE/api/complete_login")
  cookie=$(session <<<"$headers")
  device=$(cookie_named portal_device <<<"$headers")
  [ -n "$cookie" ] || { echo "could not complete the sign-in of $email" >&2; exit 1; }
}

if [ "${DEFER_START:-}" != 1 ]; then
  start_server
fi
