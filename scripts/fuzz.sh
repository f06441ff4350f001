#!/usr/bin/env bash
# Fuzzing (issue #18): every parser of outside input, for a bounded time, with many cases; prints
# how many. Two parts, both also in `./portal test` at a few cases each:
#   1. app/tests/fuzz_inputs.rs — proptest properties over the domain parsers (VIN, money, bank,
#      card, dates, email, phone, postal codes, names, message text, upload names and ids, file
#      sniffing, download names). FUZZ_PARSER_CASES cases per property (default 20,000). A failure
#      is saved by proptest in app/tests/fuzz_inputs.proptest-regressions: commit it, and it is
#      replayed first on every run from then on.
#   2. server/tests/it/fuzz_arguments.rs — broken form bodies to every registered server function
#      through the real server; FUZZ_CASES per function (default 200), FUZZ_SEED to replay a run.
#      A failing body goes into that file's REGRESSIONS list.
# Each part is stopped after FUZZ_SECONDS (default 600) if it has not finished.
# Builds the debug test binaries if needed (the same ones `./portal test` uses).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
PARSER_CASES=${FUZZ_PARSER_CASES:-20000}
export FUZZ_CASES=${FUZZ_CASES:-200}
export FUZZ_SEED=${FUZZ_SEED:-$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')}
SECONDS_EACH=${FUZZ_SECONDS:-600}
export LEPTOS_OUTPUT_NAME=portal RUST_LOG=${RUST_LOG:-error}

cargo test -q -p app -p server --features app/ssr --test fuzz_inputs --test it --no-run 2>/dev/null

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
properties=$(grep -c '^    fn ' app/tests/fuzz_inputs.rs)
start=$(date +%s)
PROPTEST_CASES=$PARSER_CASES timeout "$SECONDS_EACH" \
  cargo test -q -p app -p server --features app/ssr --test fuzz_inputs >"$log" 2>&1 || status=1
grep -E "test result|panicked|minimal failing|Test failed|left|right" "$log" || true
echo "parsers: $properties properties × $PARSER_CASES cases = $((properties * PARSER_CASES)) cases in $(( $(date +%s) - start )) s"

start=$(date +%s)
timeout "$SECONDS_EACH" \
  cargo test -q -p server --features app/ssr --test it -- fuzz_arguments --nocapture >"$log" 2>&1 || status=1
grep -E "fuzzed|test result|seed [0-9]+, [0-9]+ bodies|^/api" "$log" || true
echo "server functions: $FUZZ_CASES broken bodies each, in $(( $(date +%s) - start )) s"
[ "$status" = 0 ] || { echo "FAILED (a timeout counts as a failure: raise FUZZ_SECONDS)"; exit 1; }
