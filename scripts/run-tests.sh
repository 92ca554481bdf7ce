#!/usr/bin/env bash
# Installs what Sightline needs, builds it with warnings as errors and runs every test, then
# builds it again with AddressSanitizer and UndefinedBehaviorSanitizer and runs every test under them.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci --parallel "$(nproc)"
ctest --preset ci --parallel "$(nproc)"

cmake --preset asan >/dev/null
cmake --build --preset asan --parallel "$(nproc)"
ctest --preset asan --parallel "$(nproc)"
