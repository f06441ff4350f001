#!/usr/bin/env bash
# Fault (issue #18): PostgreSQL stopped for 10 s under load. Starts a private PostgreSQL cluster (the
# machine's own binaries, a temporary folder, a port of its own — the shared server is never
# touched), the release server on it, and a signed-in load on the dashboard. Then it stops the
# database with `pg_ctl stop -m fast`, waits 10 s and starts it again. It prints what a person saw
# during the outage (status and the page's words), whether the server process survived, and how
# long after the database returned the pages answered 200 again, with no restart of the server.
# Exits non-zero if the server died, if an outage answer was not a clear error page, or if the
# server had not recovered within 30 s.
# Needs a release build and PostgreSQL's server binaries (Debian package postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL's server binaries are not installed" >&2; exit 1; }
[ -x target/release/server ] || { echo "no release build: run ./portal run first" >&2; exit 1; }
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
PGPORT=${FAULT_PG_PORT:-5499}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cluster=$(mktemp -d -t portal-pg-outage.XXXXXX)
chmod 755 "$cluster"; [ "$(id -u)" = 0 ] && chown postgres "$cluster"
pg() { as_pg "$bin/pg_ctl" -D "$cluster/data" -o "-p $PGPORT -k $cluster -c listen_addresses=127.0.0.1" -l "$cluster/pg.log" -w "$@" >/dev/null; }
as_pg "$bin/initdb" -D "$cluster/data" -U postgres --auth=trust >/dev/null
pg start
PORT=${FAULT_PORT:-3600}
NAME=outage
DEFER_START=1
DB_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
# shellcheck source=lib/demo-server.sh
source scripts/lib/demo-server.sh
trap '[ -n "$server" ] && kill $server 2>/dev/null; pg stop -m immediate 2>/dev/null || true; rm -rf "$dir" "$cluster"' EXIT
start_server
sign_in anna.kowalski@demo.example

# The words a person reads on the page: what the body's <main> says, scripts and tags left out.
page_words() {
  node -e 'const h=require("fs").readFileSync(process.argv[1],"utf8").replace(/<script[\s\S]*?<\/script>/g,"");
    const m=(h.match(/<main[\s\S]*?<\/main>/)||[h])[0];
    process.stdout.write(m.replace(/<[^>]*>/g," ").replace(/\s+/g," ").trim().slice(0,160))' "$1"
}
probe() { curl -s -m 15 -o "$dir/page.html" -w "%{http_code} %{time_total}" -H "Accept: text/html" -H "Cookie: $cookie" "$BASE/dashboard"; }
wrk -t2 -c16 -d40s -H "Cookie: $cookie" "$BASE/dashboard" >"$dir/wrk.txt" &
load=$!
sleep 5
echo "before the outage: $(probe)"
pg stop -m fast
stopped=$(date +%s)
bad=0
while [ $(( $(date +%s) - stopped )) -lt 10 ]; do
  read -r code secs <<<"$(probe)"
  words=$(page_words "$dir/page.html")
  echo "during the outage: $code in ${secs}s: ${words:-<no words>}"
  if [ "$code" = 200 ] || [ -z "$words" ]; then bad=1; fi
  sleep 1
done
pg start
back=$(date +%s)
recovered=""
while [ $(( $(date +%s) - back )) -lt 30 ]; do
  read -r code _ <<<"$(probe)"
  if [ "$code" = 200 ]; then recovered=$(( $(date +%s) - back )); break; fi
  sleep 0.5
done
wait "$load" || true
alive=no; kill -0 "$server" 2>/dev/null && alive=yes
echo "load: $(awk '/requests in/ { print $1 " requests" } /Non-2xx/ { print $NF " answered with an error" }' "$dir/wrk.txt" | tr '\n' ', ')"
echo "server process survived: $alive"
echo "pages answered 200 again ${recovered:-NOT within 30}s after the database returned (no restart)"
[ "$alive" = yes ] && [ -n "$recovered" ] && [ "$bad" = 0 ]
