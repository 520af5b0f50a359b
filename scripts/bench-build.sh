#!/usr/bin/env bash
# Build benchmark (not a test): Fixbook against Hugo on the same generated help center.
#   scripts/bench-build.sh            N = 1,000 and 10,000
#   scripts/bench-build.sh 100000     any sizes (Hugo needs ~20 GiB at 100,000)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
export DEBIAN_FRONTEND=noninteractive
need=()
command -v hugo >/dev/null 2>&1 || need+=(hugo)
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v cmark-gfm >/dev/null 2>&1 || need+=(cmark-gfm)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi
swift build -c release --product fixbook
python3 Benchmarks/build_bench.py "$@"
