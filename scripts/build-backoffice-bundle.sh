#!/usr/bin/env bash
# Builds the staff bundle (frontend/backoffice: the app with its back-office pages) next to the
# customers' bundle that `cargo leptos build` made, so customers never download the back office
# (DESIGN rule 12). Same steps as cargo-leptos: cargo (wasm-release profile, same target dir and
# the LEPTOS_OUTPUT_NAME it compiles with, so no shared crate is rebuilt), wasm-bindgen --target web,
# wasm-opt -Oz; then content-hashed names recorded in the server's hash file as backoffice-js /
# backoffice-wasm (read by app/src/components/hydration.rs).
# Usage: scripts/build-backoffice-bundle.sh [--release]   (after cargo leptos build [--release] or watch)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=debug cargo_profile=dev
[ "${1:-}" = "--release" ] && profile=wasm-release cargo_profile=wasm-release bin_dir=release
bin_dir=${bin_dir:-debug}
# A debug build gets the RUSTFLAGS cargo-leptos uses for debug builds (it appends erase_components
# to the config's), so both share the compiled dependencies.
[ "$profile" = debug ] && export RUSTFLAGS="--cfg erase_components --cfg erase_components"
pkg=target/site/pkg
out=$(mktemp -d -t portal-backoffice.XXXXXX)
trap 'rm -rf "$out"' EXIT

LEPTOS_OUTPUT_NAME=portal cargo build -p backoffice-frontend --lib --target wasm32-unknown-unknown \
  --target-dir target/front --no-default-features --profile "$cargo_profile"
wasm-bindgen --target web --no-typescript --out-name backoffice --out-dir "$out" \
  "target/front/wasm32-unknown-unknown/$profile/backoffice_frontend.wasm"
if [ "$profile" = wasm-release ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$out/backoffice_bg.wasm" -o "$out/backoffice_bg.wasm"
fi

mkdir -p "$pkg"
rm -f "$pkg"/backoffice.*
hash_file="target/$bin_dir/hash.txt"
if [ -f "$hash_file" ]; then
  # Content hashes like cargo-leptos' (any stable digest of the file serves).
  h() { sha256sum "$1" | cut -c1-22; }
  js_hash=$(h "$out/backoffice.js") wasm_hash=$(h "$out/backoffice_bg.wasm")
  cp "$out/backoffice.js" "$pkg/backoffice.$js_hash.js"
  cp "$out/backoffice_bg.wasm" "$pkg/backoffice.$wasm_hash.wasm"
  sed -i '/^backoffice-/d' "$hash_file"
  printf 'backoffice-js: %s\nbackoffice-wasm: %s\n' "$js_hash" "$wasm_hash" >>"$hash_file"
else
  cp "$out/backoffice.js" "$pkg/backoffice.js"
  cp "$out/backoffice_bg.wasm" "$pkg/backoffice.wasm"
fi
ls -l "$pkg"/backoffice.* | awk '{print "staff bundle: " $NF " " $5 " bytes"}'
