#!/usr/bin/env bash
# Starts the release server for the Playwright suite on a throw-away SQLite database
# (demo mode: mail goes to /dev/mailbox). Playwright's webServer runs this and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
# A fixed place, so tests can run the CLI (e.g. create-temp-login) against the same database.
dir=${E2E_DATA_DIR:-$PWD/target/e2e-data}
rm -rf "$dir" && mkdir -p "$dir"
export PORTAL_DATA_DIR="$dir"
export DATABASE_URL="sqlite://$dir/e2e.db?mode=rwc"
export PORTAL_ADDR="127.0.0.1:${E2E_PORT:-3100}"
export PUBLIC_URL="http://localhost:${E2E_PORT:-3100}"
export LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg LEPTOS_OUTPUT_NAME=portal
export REGISTER_LIMIT_PER_HOUR=1000 PORTAL_SEED_DEMO=1 PORTAL_ENV=demo
# A pinned demo clock (set by playwright.config.ts), so no test depends on the day it runs.
export PORTAL_CLOCK="${PORTAL_CLOCK:-2026-11-16T12:00:00Z}"
unset SMTP_URL
exec target/release/server serve
