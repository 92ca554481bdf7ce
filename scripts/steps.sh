# shellcheck shell=bash
# Shared by run-sample.sh and run-tests.sh (sourced, not run): a build as one line of output,
# its details in a log file.

# Cores for the compiler and for ctest; CMAKE_BUILD_PARALLEL_LEVEL in the environment overrides.
jobs=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}

# Seconds as people read them: "48 s", "3 min 12 s".
duration() {
  if [ "$1" -ge 60 ]; then echo "$(($1 / 60)) min $(($1 % 60)) s"; else echo "$1 s"; fi
}

# build_preset PRESET [TARGET...]: configures and builds a CMake preset (only TARGETs, if given).
# Prints one line; cmake's and ninja's output go to build/PRESET-build.log, whose last 30 lines
# are shown if the build fails. Returns the build's exit status.
build_preset() {
  local preset=$1
  shift
  local log=build/$preset-build.log start=$SECONDS status=0 targets=()
  if [ $# -gt 0 ]; then targets=(--target "$@"); fi
  mkdir -p build
  echo -n "sightline: building the $preset preset (log: $log) ... "
  { cmake --preset "$preset" && cmake --build --preset "$preset" --parallel "$jobs" "${targets[@]}"; } >"$log" 2>&1 ||
    status=$?
  if [ "$status" -ne 0 ]; then
    {
      echo "failed after $(duration $((SECONDS - start))); the end of its log:"
      tail -n 30 "$log"
      echo "sightline: the $preset build failed; the whole log is $log"
    } >&2
    return "$status"
  fi
  local warnings
  warnings=$(grep -c ': warning: ' "$log" || true)
  if [ "$warnings" -gt 0 ]; then
    echo "done in $(duration $((SECONDS - start))) ($warnings compiler warnings: see the log)"
  else
    echo "done in $(duration $((SECONDS - start)))"
  fi
}
