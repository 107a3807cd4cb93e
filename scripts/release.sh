#!/usr/bin/env bash
# Builds the release and packs it for any static host, with one command:
#
#   bash scripts/release.sh              # build (trunk build --release), then pack
#   bash scripts/release.sh --no-build   # pack dist/ as it is (scripts/test.sh)
#
# Writes, with VERSION from Cargo.toml ([package] version):
#   release/hr-readiness-VERSION.zip, holding one folder hr-readiness-VERSION/:
#     site/         what to publish: the build (dist/), 404.html, and _headers
#                   (Netlify and Cloudflare Pages read it; other hosts ignore
#                   it, and the nginx and Caddy configurations refuse it)
#     deploy/       the nginx and Caddy configurations (deploy/ in the repository)
#     DEPLOY.md     the guide (docs/deploy.md)
#     SHA256SUMS    SHA-256 of every file above: `sha256sum -c SHA256SUMS`
#   release/hr-readiness-VERSION/         the same folder, unpacked
#   release/hr-readiness-VERSION.sha256   the same list, from release/, plus
#                                         the zip: `cd release && sha256sum -c hr-readiness-VERSION.sha256`
#
# The zip is reproducible: same files, same bytes (fixed dates and order).
# Needs zip (Debian's package; scripts/setup.sh installs it) and sha256sum.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
case "${1:-}" in
  --no-build) build=0 ;;
  "") ;;
  *) echo "usage: bash scripts/release.sh [--no-build]" >&2; exit 2 ;;
esac

if [ "$build" = 1 ]; then
  bash scripts/setup.sh build
  . scripts/env.sh
  # The same build as scripts/test.sh tests.
  trunk build --release=true --dist dist
fi
command -v zip >/dev/null || { echo "zip is missing: bash scripts/setup.sh build installs it" >&2; exit 1; }
[ -f dist/index.html ] || { echo "no build in dist/: run without --no-build" >&2; exit 1; }

version=$(awk '/^\[package\]/ { p = 1; next } /^\[/ { p = 0 } p && /^version *=/ { gsub(/version *= *|"/, ""); print; exit }' Cargo.toml)
[ -n "$version" ] || { echo "cannot read the version from Cargo.toml" >&2; exit 1; }
name="hr-readiness-$version"
out="release/$name"

rm -rf "$out" "release/$name.zip" "release/$name.sha256"
mkdir -p "$out/site" "$out/deploy"
# The build, without Trunk's hidden staging folder if one is left over.
cp -r dist/. "$out/site/"
find "$out/site" -mindepth 1 -name '.*' -prune -exec rm -rf {} +
cp deploy/site/404.html "$out/site/"
# Netlify's and Cloudflare's header file: the rules for every file, then
# one block per content-hashed file (their wildcards cannot say "hashed").
{
  cat deploy/pages/_headers
  (cd dist && find . -type f | sed 's|^\./||' | LC_ALL=C sort) |
    grep -E -- '^app-[0-9a-f]{16}/[^/]+\.(js|wasm)$|-[0-9a-f]{8,16}\.css$' |
    while read -r f; do printf '/%s\n  Cache-Control: public, max-age=31536000, immutable\n' "$f"; done
} > "$out/site/_headers"
cp -r deploy/nginx deploy/caddy "$out/deploy/"
cp docs/deploy.md "$out/DEPLOY.md"

# Fixed dates (the last commit's, else 2026-01-01) and a sorted file list:
# the same files give the same zip.
stamp=$(git log -1 --format=%ct 2>/dev/null || echo 1767225600)
find "$out" -exec touch -h -d "@$stamp" {} +
(cd "$out" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | xargs -d '\n' sha256sum > SHA256SUMS)
touch -d "@$stamp" "$out/SHA256SUMS"
(cd release && find "$name" -type f | LC_ALL=C sort | TZ=UTC zip -X -D -q -9 "$name.zip" -@)
(cd release && sed "s|  |  $name/|" "$name/SHA256SUMS" > "$name.sha256" && sha256sum "$name.zip" >> "$name.sha256")

echo "release/$name.zip: $(wc -c < "release/$name.zip") bytes, $(wc -l < "$out/SHA256SUMS") files"
echo "SHA-256 lists: $out/SHA256SUMS (in the zip), release/$name.sha256 (beside it)"
