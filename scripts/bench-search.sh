#!/usr/bin/env bash
# Search benchmark (not a test): bytes of the split index a query loads and keystroke-to-result
# time in headless Chromium, for generated knowledge bases of 1,000 and 10,000 articles (or the
# sizes given, e.g. `scripts/bench-search.sh 100000`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
swift build -c release --product fixbook
.venv-test/bin/python Benchmarks/search_bench.py "$@"
