#!/usr/bin/env bash
# Runs every test: Swift unit and integration tests, the JS tokenizer tests, the output quality
# gates (Nu HTML checker, linkchecker, JSON Schema, axe-core) and the headless-Chromium tests
# against the built sample site, then `swift format lint --strict`. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test

echo "== swift test"
# Progress lines (◇ started, ↳ details) are dropped; results and the closing line stay.
swift test 2>&1 | grep -v -E "^(◇|↳)"

echo "== build the sample site"
site=$(mktemp -d /tmp/fixbook-site.XXXXXX)
trap 'rm -rf "$site"' EXIT
.build/debug/fixbook build --output "$site/Output"

echo "== a generated 1,000-article knowledge base with search tests, for the ranking parity test"
python3 Benchmarks/generate_kb.py 1000 "$site/generated" --search-tests 60
.build/debug/fixbook build --root "$site/generated" --output "$site/generated/Output"

echo "== node --test (tokenizer vectors, ranking, parity with the Swift ranking), per language of the sample"
FIXBOOK_INDEX_JSON="$site/Output/zh-cn/search-index.json" FIXBOOK_BIN="$(pwd)/.build/debug/fixbook" \
    FIXBOOK_PARITY_SITE="$site/generated" node --test Tests/js/
FIXBOOK_INDEX_JSON="$site/Output/en/search-index.json" FIXBOOK_SEARCH_TESTS=Content/en/search-tests.yml \
    FIXBOOK_BIN="$(pwd)/.build/debug/fixbook" node --test Tests/js/search.test.mjs

echo "== output gates and browser tests (pytest)"
FIXBOOK_SITE="$site/Output" FIXBOOK_BIN="$(pwd)/.build/debug/fixbook" .venv-test/bin/python -m pytest -q Tests/browser

echo "== scripts/check-install.sh (a static release binary, completions, man page)"
scripts/check-install.sh

echo "== swift format lint --strict"
swift format lint --strict -r Sources Tests Plugins Package.swift
echo "all tests passed"
