# Shared by the benchmark scripts: starts the release server on a throw-away demo database at
# $BASE and signs a demo customer in as a person would on a new device (password, then the emailed
# code read from the demo mailbox). Sets: dir (temp dir, removed on exit), server (pid), cookie.
# Usage: PORT=3200 NAME=lh source scripts/lib/demo-server.sh; sign_in email

BASE="http://localhost:$PORT"
dir=$(mktemp -d -t "portal-$NAME.XXXXXX")
PORTAL_DATA_DIR="$dir" DATABASE_URL="sqlite://$dir/$NAME.db?mode=rwc" PORTAL_ADDR="127.0.0.1:$PORT" PUBLIC_URL="$BASE" \
  LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=portal PORTAL_ENV=demo PORTAL_SEED_DEMO=1 RUST_LOG=warn \
  target/release/server serve >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.2; done

session() { tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(portal_session=[0-9a-f]*\).*/\1/p'; }
sign_in() { # email
  local email=$1 pending code=""
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
  cookie=$(curl -s -D - -o /dev/null -H "Origin: $BASE" -H "Cookie: $pending" \
    --data-urlencode "method=code" --data-urlencode "code=$code" "$BASE/api/complete_login" | session)
  [ -n "$cookie" ] || { echo "could not complete the sign-in of $email" >&2; exit 1; }
}
