#!/usr/bin/env bash
# Installs what Sightline's tests need, builds it with warnings as errors and runs every test, then
# builds it again with AddressSanitizer and UndefinedBehaviorSanitizer and runs every test under them.
# Both passes always run; the exit status is 0 only if both built and every test passed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/steps.sh
start=$SECONDS

SIGHTLINE_AGAIN=$0 ./scripts/install-deps.sh build viewer test

failed=()
# pass N PRESET WHAT: builds a preset and runs its tests (ctest's output as it is: what CI shows).
pass() {
  echo
  echo "sightline: pass $1 of 2, $2: $3"
  if ! build_preset "$2"; then
    failed+=("$2 (build)")
    return
  fi
  if ! ctest --preset "$2" --parallel "${CTEST_PARALLEL_LEVEL:-$jobs}" --output-on-failure; then
    failed+=("$2 (tests)")
  fi
}
pass 1 ci "a release build with warnings as errors, and every test"
pass 2 asan "a debug build under AddressSanitizer and UndefinedBehaviorSanitizer (no viewer), and every test"

echo
if [ ${#failed[@]} -gt 0 ]; then
  list=$(printf '%s, ' "${failed[@]}")
  echo "sightline: FAILED: ${list%, } ($(duration $((SECONDS - start))))" >&2
  exit 1
fi
echo "sightline: both passes built and every test passed ($(duration $((SECONDS - start))))"
