#!/usr/bin/env bash
# Fuzzes front matter + Markdown parsing with libFuzzer for a bounded time (default 600 s).
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags]
# Findings (crash-*, timeout-*, oom-*) land in Benchmarks/fuzz-findings/; copy each into
# Tests/Fixtures/fuzz-corpus/ as a regression input once fixed: the test suite replays that folder.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
scripts/install-deps.sh build
swift build --scratch-path .build-fuzz --product FixbookFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
work=.build-fuzz/corpus
mkdir -p "$work" Benchmarks/fuzz-findings
cp -n Tests/Fixtures/fuzz-corpus/* "$work"/ 2>/dev/null || true
.build-fuzz/debug/FixbookFuzz "$work" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=Benchmarks/fuzz-findings/ -print_final_stats=1 "$@"
