#!/usr/bin/env bash
# Builds the app (release, size-tuned) and serves it at http://127.0.0.1:8080.
# Installs the build tools first if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
. scripts/env.sh
echo
echo "Building and serving at http://127.0.0.1:8080 (Ctrl+C to stop)"
# Its own dist folder, so a running server never mixes with test builds.
exec trunk serve --release=true --dist dist-serve --address 127.0.0.1 --port 8080
