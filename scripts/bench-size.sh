#!/usr/bin/env bash
# What a phone downloads before the portal responds (issue #17): for the sign-in page and a
# signed-in dashboard, every WASM, JS, CSS and language file a real Chromium fetched (counted
# through the DevTools protocol, from a fresh cache, until the app has hydrated), raw, gzip and
# brotli, as sent, and the number of WASM files; then the whole customers' bundle (every chunk) and
# the largest items of its WASM (twiggy, on the build before wasm-opt, which keeps the names).
# Goals: sign-in ≤ 200 KB brotli of WASM + JS, dashboard ≤ 250 KB.
# Needs the release build (./portal run, or ./portal test's layer 4); installs twiggy if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
PORT=${SIZE_PORT:-3210}
NAME=size
[ -x target/release/server ] || { echo "no release build: run ./portal run (or cargo leptos build --release) first" >&2; exit 1; }
# shellcheck source=lib/demo-server.sh
source scripts/lib/demo-server.sh
sign_in olga.ivanova@demo.example
node scripts/bench-size.mjs "$BASE" "$cookie"

echo
echo "the whole customers' bundle (every file a customer may ever fetch from /pkg):"
node -e '
  const fs = require("fs"), zlib = require("zlib"), dir = "target/site/pkg";
  let raw = 0, br = 0, n = 0;
  for (const f of fs.readdirSync(dir)) {
    if (!/\.(wasm|js)$/.test(f) || f.startsWith("backoffice.")) continue;
    const b = fs.readFileSync(`${dir}/${f}`);
    raw += b.length; n++;
    br += zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  console.log(`  ${n} files, raw ${(raw / 1024).toFixed(1)} KB, brotli ${(br / 1024).toFixed(1)} KB`);
'

if ! command -v twiggy >/dev/null; then
  echo "installing twiggy (once)"; cargo install twiggy --version 0.7.0 --locked >/dev/null 2>&1
fi
wasm=target/front/wasm32-unknown-unknown/wasm-release/frontend.wasm
if [ -f "$wasm" ]; then
  echo
  echo "largest items of $wasm (before wasm-opt; twiggy top):"
  twiggy top -n "${TWIGGY_TOP:-25}" "$wasm"
fi
