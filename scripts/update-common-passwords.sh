#!/usr/bin/env bash
# Rebuilds app/src/auth/common_passwords.txt from the npm package zxcvbn (its ranked `passwords`
# frequency list, 30,000 entries). Needs node + npm; run from anywhere.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack zxcvbn@4.4.2 >/dev/null
tar xzf zxcvbn-4.4.2.tgz
node -e '
const src = require("fs").readFileSync("package/lib/frequency_lists.js", "utf8");
const list = src.match(/passwords: "([^"]*)"/)[1].split(",");
const header = "# Common and breached passwords, ranked by frequency.\n" +
  "# Source: the `passwords` frequency list of the npm package zxcvbn@4.4.2 (MIT, Dropbox),\n" +
  "# extracted by scripts/update-common-passwords.sh. One lower-case password per line.\n";
require("fs").writeFileSync(process.argv[1], header + list.join("\n") + "\n");
console.log(list.length + " passwords written");
' "$root/app/src/auth/common_passwords.txt"
