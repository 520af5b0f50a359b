#!/usr/bin/env bash
# Checks scripts/install.sh as a new user would meet it: installs into a fresh prefix, then
#  - the binary carries the Swift runtime and libcmark-gfm (ldd lists neither) and runs with the
#    Swift toolchain hidden and an empty environment,
#  - bash completes its subcommands and options, zsh and fish have their scripts,
#  - `man fixbook` opens the manual,
#  - it builds the sample help center and says which commit it was built from.
# Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
prefix=$(mktemp -d /tmp/fixbook-prefix.XXXXXX)
trap 'rm -rf "$prefix"' EXIT
passed=0
failed=0
check() {
    local name=$1
    shift
    if "$@"; then passed=$((passed + 1)); echo "ok - $name"; else failed=$((failed + 1)); echo "not ok - $name"; fi
}

scripts/install.sh "$prefix" >"$prefix.log" 2>&1 || { cat "$prefix.log"; echo "0 passed, 1 failed"; exit 1; }
rm -f "$prefix.log"
bin="$prefix/bin/fixbook"

no_shared_swift_or_cmark() { ! ldd "$bin" | grep -E 'libswift|libcmark|libFoundation|libdispatch'; }
check "ldd lists no Swift runtime and no libcmark-gfm" no_shared_swift_or_cmark

toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
runs_without_toolchain() {
    # A private mount namespace hides the toolchain's folder behind an empty one.
    unshare -m sh -c "mount -t tmpfs none '$toolchain' && env -i PATH=/usr/bin:/bin '$bin' --version" \
        | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+ \(commit [0-9a-f]{12}(\+changes)?\)$'
}
check "runs with $toolchain hidden and an empty environment" runs_without_toolchain

completes() {
    local words=$1 expected=$2
    bash -c "source '$prefix/share/bash-completion/completions/fixbook'
        COMP_WORDS=($words); COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1)); COMP_LINE='$words'; COMP_POINT=\${#COMP_LINE}
        function=\$(complete -p fixbook | sed -E 's/.*-F ([^ ]+).*/\\1/')
        \$function fixbook \"\${COMP_WORDS[COMP_CWORD]}\" \"\${COMP_WORDS[COMP_CWORD-1]}\"
        printf '%s\\n' \"\${COMPREPLY[@]}\"" | grep -qx -- "$expected"
}
check "bash completes 'fixbook bu' to build" completes "fixbook bu" build
check "bash completes 'fixbook check --ex' to --explain" completes "fixbook check --ex" --explain
check "zsh and fish completions are installed" test -s "$prefix/share/zsh/site-functions/_fixbook" -a \
    -s "$prefix/share/fish/vendor_completions.d/fixbook.fish"
manual() { MANPATH="$prefix/share/man" man -P cat fixbook 2>/dev/null | grep -q 'fixbook — Compile a Markdown help center'; }
check "man fixbook opens the manual" manual

site=$(mktemp -d /tmp/fixbook-site.XXXXXX)
builds_sample() { "$bin" build --output "$site/Output" >/dev/null && test -s "$site/Output/index.html"; }
check "the installed binary builds the sample" builds_sample
rm -rf "$site"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
