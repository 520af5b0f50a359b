#!/usr/bin/env bash
# Builds the sample help center into Output/ (installs libcmark-gfm first when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
swift build --product fixbook
.build/debug/fixbook build "$@"
echo "open $(pwd)/Output/index.html"
