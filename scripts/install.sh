#!/usr/bin/env bash
# Installs fixbook for real work: a release binary that carries the Swift runtime and
# libcmark-gfm inside it (it runs on a machine without the Swift toolchain), shell completions
# for bash, zsh and fish, and the man page.
#
#   scripts/install.sh [PREFIX]     default ~/.local: PREFIX/bin/fixbook, PREFIX/share/...
#
# Needs the Swift toolchain and libcmark-gfm's static archives (scripts/install-deps.sh build
# installs them on Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-"$HOME/.local"}
scripts/install-deps.sh build

# libcmark-gfm from its static archives: a pkg-config file of our own points the link at a folder
# that holds only the .a files, so -lcmark-gfm cannot pick the shared library.
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
static_libs="$(pwd)/.build/static-libs"
mkdir -p "$static_libs/pkgconfig"
for name in libcmark-gfm libcmark-gfm-extensions; do
    archive=$(ls "/usr/lib/$multiarch/$name.a" "/usr/lib/$name.a" "/usr/local/lib/$name.a" 2>/dev/null | head -n 1 || true)
    [ -n "$archive" ] || { echo "install: $name.a not found (apt-get install ${name}-dev)" >&2; exit 2; }
    cp "$archive" "$static_libs/"
done
system_pc=$(pkg-config --variable=pcfiledir libcmark-gfm 2>/dev/null || echo "/usr/lib/$multiarch/pkgconfig")
sed "s|^Libs: .*|Libs: -L$static_libs -lcmark-gfm-extensions -lcmark-gfm|" "$system_pc/libcmark-gfm.pc" \
    > "$static_libs/pkgconfig/libcmark-gfm.pc"
export PKG_CONFIG_PATH="$static_libs/pkgconfig"

echo "install: building the release binary (a few minutes the first time)"
build=(swift build -c release --product fixbook --static-swift-stdlib)
"${build[@]}"
binary="$("${build[@]}" --show-bin-path)/fixbook"

mkdir -p "$prefix/bin" "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
    "$prefix/share/fish/vendor_completions.d" "$prefix/share/man/man1"
install -m 0755 "$binary" "$prefix/bin/fixbook"
"$prefix/bin/fixbook" --generate-completion-script bash > "$prefix/share/bash-completion/completions/fixbook"
"$prefix/bin/fixbook" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_fixbook"
"$prefix/bin/fixbook" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/fixbook.fish"

# The man page, from the command's own help (swift-argument-parser's GenerateManual plugin, which
# writes it under .build/plugins/). The help is the same in any build, so the debug one serves.
swift package --allow-writing-to-package-directory generate-manual --configuration debug >/dev/null 2>&1 \
    || swift package --allow-writing-to-package-directory generate-manual --configuration debug
manual=$(find .build/plugins -path '*GenerateManual*' -name 'fixbook.1' -newer "$prefix/bin/fixbook" | head -n 1)
[ -n "$manual" ] || { echo "install: the man page was not generated" >&2; exit 1; }
install -m 0644 "$manual" "$prefix/share/man/man1/fixbook.1"

echo "installed $("$prefix/bin/fixbook" --version) into $prefix"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "add $prefix/bin to your PATH (for example in ~/.profile: export PATH=\"$prefix/bin:\$PATH\")" ;;
esac
echo "completions: bash loads them from $prefix/share/bash-completion/completions when bash-completion is installed;"
echo "  zsh: add fpath=($prefix/share/zsh/site-functions \$fpath) before compinit; fish picks them up by itself."
echo "man page: man fixbook (add $prefix/share/man to MANPATH if your man does not look there)"
