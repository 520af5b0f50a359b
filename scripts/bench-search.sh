#!/usr/bin/env bash
# Search benchmarks (not tests), with the release binary.
#   scripts/bench-search.sh [N …]     bytes a query loads and keystroke-to-result time in headless
#                                     Chromium, on generated knowledge bases of 1,000 and 10,000
#                                     articles (or the sizes given); BASELINE=/older/fixbook measures
#                                     another build on the same articles in the same run
#   scripts/bench-search.sh --relevance
#                                     top-1, top-3, MRR and empty answers of the written query sets
#                                     of Benchmarks/relevance/, by `fixbook lookup` and in the browser
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
swift build -c release --product fixbook
if [ "${1:-}" = "--relevance" ]; then
    shift
    exec .venv-test/bin/python Benchmarks/relevance_bench.py "$@"
fi
.venv-test/bin/python Benchmarks/search_bench.py "$@"
