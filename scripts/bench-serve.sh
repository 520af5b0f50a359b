#!/usr/bin/env bash
# Preview benchmark (not a test): the time from a save to the rebuilt site in `fixbook serve`,
# next to `hugo server` on the same generated articles.
#   scripts/bench-serve.sh            N = 1,000 and 10,000
#   scripts/bench-serve.sh 100000     any sizes
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
if ! command -v hugo >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q --no-install-recommends hugo >/dev/null
fi
swift build -c release --product fixbook
python3 Benchmarks/serve_bench.py "$@"
