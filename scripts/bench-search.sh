#!/usr/bin/env bash
# Search benchmark (not a test): index size, load time and keystroke-to-result time in headless
# Chromium for generated knowledge bases of 1,000 and 10,000 articles (or the sizes given).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
swift build -c release --product fixbook
.venv-test/bin/python Benchmarks/search_bench.py "$@"
