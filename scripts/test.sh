#!/usr/bin/env bash
# Runs every test, installing what is missing first:
#   1. formatting and lints (cargo fmt --check, clippy -D warnings, native and wasm)
#   2. native tests of the pure core and of the app's plain-Rust parts
#   3. component tests in headless Chromium (wasm-bindgen-test)
#   4. a release build (size-tuned, wasm-opt -Oz) and the end-to-end tests
#      against it: a user's journeys, privacy guards, axe on every page
#   5. the release zip (scripts/release.sh --no-build) and its SHA-256 list;
#      the release served by Debian's nginx and Caddy with the repository's
#      configurations (tests/servers/)
#   6. the journeys that matter in Firefox ESR and WebKitGTK (tests/engines/)
# Ends with one line "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh test || exit 1
. scripts/env.sh

passed=0
failed=0
broken=()
log=$(mktemp -d)

# Each step says when it starts (seconds since this script began), so a slow
# or stuck run shows where its time went.
step() { printf '\n==> %s (at %d s)\n' "$*" "$SECONDS"; }

# Runs node's test runner on a folder, counting its tests from the spec
# reporter's summary ("ℹ pass N"; a TAP file would be cut short by
# --test-force-exit).
node_tests() {
  local name=$1 out
  shift
  out="$log/$(echo "$name" | tr -c 'a-z0-9' '-').txt"
  local t0=$SECONDS
  # Bounded: node's --test-timeout bounds each test file (and each test in
  # it) at 15 minutes, `timeout` the whole folder at 40; the waits that
  # could hang (a service worker that never installs) have bounds of their
  # own, with the state they saw. --test-force-exit: a browser or server a
  # failed test left running cannot keep the run open.
  timeout --kill-after=30 2400 node --test --test-concurrency=1 --test-timeout=900000 --test-force-exit \
    --test-reporter=spec "$@" 2>&1 | tee "$out"
  [ "${PIPESTATUS[0]}" = 0 ] || broken+=("$name")
  p=$(awk '/^ℹ pass / { print $3 }' "$out" | tail -1)
  f=$(awk '/^ℹ (fail|cancelled) / { s += $3 } END { if (NR) print s }' "$out")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  [ -n "$p" ] || { failed=$((failed + 1)); broken+=("$name did not report"); }
  # The failing tests' names and the first lines of their errors, kept for
  # the end of the run, where a log cut to its last lines still shows them.
  awk -v suite="$name" '/^✖ failing tests:/ { on = 1; print "-- " suite ":"; next }
    on && /^✖ / { print; n = 4; next }
    on && n > 0 && NF && !/^ +at / { print; n-- }' "$out" >> "$log/failing.txt"
  echo "($name: $((SECONDS - t0)) s)"
}

# Adds up "test result: ... N passed; M failed" lines of cargo test output.
count_cargo() {
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$1" | awk '{ s += $1 } END { print s + 0 }')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{ s += $1 } END { print s + 0 }')
  passed=$((passed + p))
  failed=$((failed + f))
}

# Runs a check that is not a counted test; a failure counts as one.
check() {
  local name=$1
  shift
  step "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    broken+=("$name")
  fi
}

check "cargo fmt --check" cargo fmt --all --check
# Clippy compiles the workspace's own crates while the tests are built, as
# their compiler (RUSTC_WORKSPACE_WRAPPER=clippy-driver, the mechanism
# `cargo clippy` itself uses), so every dependency compiles once, for the
# tests, instead of once more in check mode for clippy alone. The same lints
# (-D warnings, clippy.toml) on the same targets as `cargo clippy
# --all-targets`: library, binaries, build script and tests, with and
# without cfg(test) (there are no benches or examples). `--no-run` first, so
# a lint counts as clippy's failure, not the tests'.
clippy=(env RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__")
check "clippy (native, all targets; building the native tests)" "${clippy[@]}" cargo test --workspace --no-run
check "clippy (wasm32, all targets; building the component tests)" \
  "${clippy[@]}" cargo test -p hr-readiness --target wasm32-unknown-unknown --no-run
# The app as it is shipped: with the split points (the `split` feature,
# which the component tests go without: their runner cannot load chunks) and
# the Spanish texts lifted out (`--cfg hr_lift`, as scripts/split.mjs builds).
check "clippy (wasm32, the app as shipped: split points, Spanish lifted)" \
  cargo clippy -p hr-readiness --target wasm32-unknown-unknown --features split --bin hr-readiness \
  --config 'target.wasm32-unknown-unknown.rustflags=["--cfg", "hr_lift"]' -- -D warnings

step "Native tests (core and app)"
"${clippy[@]}" cargo test --workspace 2>&1 | tee "$log/native.txt"
[ "${PIPESTATUS[0]}" = 0 ] || broken+=("native tests")
count_cargo "$log/native.txt"

step "Component tests in headless Chromium (wasm-bindgen-test)"
"${clippy[@]}" cargo test -p hr-readiness --target wasm32-unknown-unknown 2>&1 | tee "$log/wasm.txt"
[ "${PIPESTATUS[0]}" = 0 ] || broken+=("component tests")
count_cargo "$log/wasm.txt"

# A build that logs a warning fails this check: a newcomer reads every WARN
# as something broken, so none may stay.
no_warnings() {
  if grep -n "WARN" "$1"; then
    echo "the build logged the warnings above" >&2
    return 1
  fi
}

step "Release build (trunk build --release, wasm-opt -Oz)"
trunk build --release=true --dist dist 2>&1 | tee "$log/build.txt"
if [ "${PIPESTATUS[0]}" = 0 ]; then
  check "the release build logs no warning" no_warnings "$log/build.txt"
  step "End-to-end tests against the release build"
  node_tests "end-to-end tests" tests/e2e/

  version=$(awk '/^\[package\]/ { p = 1; next } /^\[/ { p = 0 } p && /^version *=/ { gsub(/version *= *|"/, ""); print; exit }' Cargo.toml)
  check "release zip and its SHA-256 list" \
    bash -c "bash scripts/release.sh --no-build && cd release && sha256sum --quiet -c hr-readiness-$version.sha256"

  step "The release on real servers: nginx, Caddy; the _headers file"
  node_tests "server tests" tests/servers/

  step "The journeys in Firefox ESR and WebKitGTK (WebDriver)"
  node_tests "Firefox and WebKitGTK tests" tests/engines/
else
  failed=$((failed + 1))
  broken+=("release build")
fi

echo
if [ -s "$log/failing.txt" ]; then
  echo "Failing tests (the first lines of each error; the whole error is above):"
  cat "$log/failing.txt"
fi
if [ ${#broken[@]} -gt 0 ]; then
  printf 'Failed: %s\n' "${broken[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ ${#broken[@]} = 0 ]
