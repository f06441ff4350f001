#!/usr/bin/env bash
# Benchmark: how fast the portal draws and serves PDFs. Starts the release build on a throw-away demo
# database, signs a customer in, downloads each of a contract's monthly statements once (the first
# download issues it: drawn, stored in the archive with its digest), then one statement N times one
# after another and N times with 4 in parallel (read back from the archive and checked), and prints
# the latency (median / p95 / max), the file size and the server's memory.
# Targets: a statement in < 150 ms at the median on this 2-core machine, server RSS < 150 MiB.
# Needs a release build (./portal run or cargo leptos build --release).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-3300}
N=${BENCH_N:-60}
NAME=docs
# shellcheck source=lib/demo-server.sh
source scripts/lib/demo-server.sh
sign_in anna.kowalski@demo.example

summary() { # label
  sort -n | awk -v label="$1" '{ t[NR] = $1 * 1000 } END {
    printf "%-32s n=%d  median %.1f ms  p95 %.1f ms  max %.1f ms\n", label, NR, t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.5)], t[NR] }'
}
ids=$(curl -s -X POST -H "Origin: $BASE" -H "Cookie: $cookie" "$BASE/api/my_documents" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const c=JSON.parse(s)[0];process.stdout.write(c.statements.map(p=>`${c.contract_id} ${p.year}-${String(p.month).padStart(2,"0")}`).join("\n"))})')
contract=$(head -1 <<<"$ids" | cut -d' ' -f1)
period=$(head -1 <<<"$ids" | cut -d' ' -f2)
url="$BASE/documents/$contract/statement-$period.pdf"
# First downloads: each month issued once (drawn and archived), the newest last so the reads
# below are of an archived statement.
tac <<<"$ids" | while read -r c p; do
  curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" "$BASE/documents/$c/statement-$p.pdf"
done | summary "statement, first (issue)"
curl -sf -H "Cookie: $cookie" -o "$dir/one.pdf" "$url"
size=$(stat -c %s "$dir/one.pdf")

fetch() { curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" "$url"; }
export -f fetch; export cookie url
for _ in $(seq 1 5); do fetch >/dev/null; done # warm-up
for _ in $(seq 1 "$N"); do fetch; done | summary "statement, archived, serial"
seq 1 "$N" | xargs -P 4 -I{} bash -c fetch | summary "statement, archived, 4 parallel"
rss=$(ps -o rss= -p "$server")
echo "statement PDF size               $size bytes"
echo "server RSS after run             $((rss / 1024)) MiB"
