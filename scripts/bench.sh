#!/usr/bin/env bash
# Benchmark (not a test): builds the release app and prints what a first
# visit transfers — every file in dist/, raw and as sent (gzip -9; PNGs as
# they are), and the total — then timings measured in headless Chromium
# (scripts/bench-browser.mjs).
# Usage: bash scripts/bench.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--no-build" ]; then
  bash scripts/setup.sh build >/dev/null
  . scripts/env.sh
  trunk build --release=true --dist dist >/dev/null 2>&1 || trunk build --release=true --dist dist
fi

printf '\nFirst-load transfer (release build, opt-level z, LTO, wasm-opt -Oz)\n'
printf 'sent: gzip -9 for text and WebAssembly; PNG images as they are, since\n'
printf 'servers do not compress what is already compressed.\n\n'
printf '%-44s %12s %12s\n' "file" "raw bytes" "sent"
total_raw=0
total_sent=0
while IFS= read -r f; do
  raw=$(wc -c <"$f")
  case "$f" in
    *.png) sent=$raw ;;
    *) sent=$(gzip -9 -c "$f" | wc -c) ;;
  esac
  total_raw=$((total_raw + raw))
  total_sent=$((total_sent + sent))
  printf '%-44s %12d %12d\n' "${f#dist/}" "$raw" "$sent"
done < <(find dist -type f | sort)
printf '%-44s %12d %12d\n' "total" "$total_raw" "$total_sent"
awk -v b="$total_sent" 'BEGIN { printf "\nFirst load, sent: %.1f KB (budget: 100 KB gzip)\n", b / 1000 }'

# The biggest contributors to the .wasm, by retained size (before wasm-opt,
# with names), when twiggy is installed (cargo install twiggy).
if command -v twiggy >/dev/null 2>&1 && [ -f target/wasm32-unknown-unknown/release/hr-readiness.wasm ]; then
  printf '\nBiggest contributors to the .wasm (twiggy, retained bytes before wasm-opt)\n\n'
  twiggy top --retained -n 16 target/wasm32-unknown-unknown/release/hr-readiness.wasm |
    grep -vE "table\[0\]|elem\[0\]|custom section|function names" | cut -c1-140 | head -14
else
  printf '\n(Install twiggy with `cargo install twiggy` to list the biggest contributors.)\n'
fi

# Timings in the browser: first question, answer to results, 200-respondent team merge.
. scripts/env.sh
node scripts/bench-browser.mjs dist
