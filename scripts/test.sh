#!/usr/bin/env bash
# Runs every test, installing what is missing first:
#   1. formatting and lints (cargo fmt --check, clippy -D warnings, native and wasm)
#   2. native tests of the pure core and of the app's plain-Rust parts
#   3. component tests in headless Chromium (wasm-bindgen-test)
#   4. a release build (size-tuned, wasm-opt -Oz) and the end-to-end tests
#      against it: a user's journeys, privacy guards, axe on every page
# Ends with one line "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh test || exit 1
. scripts/env.sh

passed=0
failed=0
broken=()
log=$(mktemp -d)

step() { printf '\n==> %s\n' "$*"; }

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
check "clippy (native, all targets)" cargo clippy --workspace --all-targets -- -D warnings
check "clippy (wasm32, all targets)" cargo clippy -p hr-readiness --target wasm32-unknown-unknown --all-targets -- -D warnings

step "Native tests (core and app)"
cargo test --workspace 2>&1 | tee "$log/native.txt"
[ "${PIPESTATUS[0]}" = 0 ] || broken+=("native tests")
count_cargo "$log/native.txt"

step "Component tests in headless Chromium (wasm-bindgen-test)"
cargo test -p hr-readiness --target wasm32-unknown-unknown 2>&1 | tee "$log/wasm.txt"
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
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$log/e2e.tap" tests/e2e/
  [ $? = 0 ] || broken+=("end-to-end tests")
  p=$(awk '/^# pass / { print $3 }' "$log/e2e.tap")
  f=$(awk '/^# fail / { print $3 }' "$log/e2e.tap")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  [ -n "$p" ] || { failed=$((failed + 1)); broken+=("end-to-end tests did not report"); }
else
  failed=$((failed + 1))
  broken+=("release build")
fi

echo
if [ ${#broken[@]} -gt 0 ]; then
  printf 'Failed: %s\n' "${broken[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ ${#broken[@]} = 0 ]
