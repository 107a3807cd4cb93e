#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already
# present at the right version. Only package registries are used (crates.io,
# npm, Debian); nothing is downloaded from a release page.
#
#   bash scripts/setup.sh build   # wasm32 target, Trunk, wasm-bindgen-cli, wasm-split-cli, npm tools, zip
#   bash scripts/setup.sh test    # the above, plus Chromium and ChromeDriver, Firefox ESR
#                                 # and geckodriver, WebKitGTK's WebKitWebDriver and Xvfb,
#                                 # nginx and Caddy
set -euo pipefail
cd "$(dirname "$0")/.."

want="${1:-test}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1

# Installs Debian packages, as root or through sudo; refreshes the package
# lists only if the first attempt fails.
apt_install() {
  local SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y --no-install-recommends "$@" ||
    { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "$@"; }
}

step() { printf '\n==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "present"
else
  rustup target add wasm32-unknown-unknown
fi

step "Trunk $TRUNK_VERSION"
if have trunk && trunk --version | grep -q " $TRUNK_VERSION\$"; then
  echo "present"
else
  # Trunk 0.22 needs a newer rustc than this toolchain; pin the version.
  # A release build without LTO installs minutes faster and runs the same.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version in Cargo.lock)"
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "Cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if ! grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" to match Cargo.lock" >&2
  exit 1
fi
if have wasm-bindgen && wasm-bindgen --version | grep -q " $WASM_BINDGEN_VERSION\$"; then
  echo "present"
else
  # Without --locked: its lockfile pins a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The splitter that cuts the app into a first module and chunks loaded on
# demand (scripts/split.mjs; what cargo-leptos's --split runs). Without
# --locked, as for wasm-bindgen-cli: verified to build from the registry so.
WASM_SPLIT_VERSION=0.2.4
step "wasm-split-cli (crate wasm_split_cli_support $WASM_SPLIT_VERSION)"
if have wasm-split-cli && cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  echo "present"
else
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

step "npm development tools (wasm-opt, Playwright core, axe) from package-lock.json"
# Installed from this very lockfile (its hash is recorded after `npm ci`), and
# nothing missing or at another version (`npm ls`); otherwise a clean install.
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -d node_modules ] && [ "$(cat node_modules/.installed-from-lock 2>/dev/null)" = "$lock_hash" ] &&
  npm ls --depth=0 >/dev/null 2>&1; then
  echo "present"
else
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.installed-from-lock
fi
wasm-opt --version | grep -q "version 132" || { echo "wasm-opt from npm binaryen 132 is not first on PATH" >&2; exit 1; }

step "zip (Debian package; scripts/release.sh packs the release with it)"
if have zip; then
  echo "present"
else
  apt_install zip
fi

if [ "$want" = "test" ]; then
  step "Chromium and ChromeDriver (Debian packages)"
  if have chromium && have chromedriver; then
    echo "present: $(chromium --version 2>/dev/null | head -n1)"
  else
    apt_install chromium chromium-driver
  fi

  # The other two engines (tests/engines/): Firefox ESR through geckodriver,
  # and WebKitGTK (Safari's engine) through WebKitWebDriver, which needs a
  # display (Xvfb). And the two web servers the release is tested on
  # (tests/servers/). Caddy is in Debian's registry (bookworm: 2.6).
  step "Firefox ESR, WebKitGTK's WebKitWebDriver, Xvfb, nginx, Caddy (Debian packages)"
  missing=()
  have firefox-esr || missing+=(firefox-esr)
  have WebKitWebDriver || missing+=(webkit2gtk-driver)
  have xvfb-run || missing+=(xvfb xauth)
  [ -x /usr/sbin/nginx ] || have nginx || missing+=(nginx-light)
  have caddy || missing+=(caddy)
  if [ ${#missing[@]} = 0 ]; then
    echo "present"
  else
    apt_install "${missing[@]}"
  fi

  step "geckodriver $GECKODRIVER_VERSION (crates.io)"
  if have geckodriver && geckodriver --version | grep -q "^geckodriver $GECKODRIVER_VERSION\b"; then
    echo "present"
  else
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
fi

step "Set-up complete"
