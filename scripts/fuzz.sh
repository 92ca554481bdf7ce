#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan, UBSan) and runs each for SECONDS (default 600), two
# at a time, starting from its committed corpus in fuzz/corpus/<target>. New inputs are merged
# back, minimised (-merge=1), so the committed corpora stay small. Crashes are left as
# build/fuzz/work/<target>/crash-* and the script fails. See docs/fuzzing.md.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (targets: date_fuzzer csv_fuzzer xlsx_fuzzer docx_fuzzer yaml_fuzzer case_fuzzer)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(date_fuzzer csv_fuzzer xlsx_fuzzer docx_fuzzer yaml_fuzzer case_fuzzer); fi

SIGHTLINE_AGAIN=$0 ./scripts/install-deps.sh build fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --parallel 2 >/dev/null

run_one() {
    local t=$1 work=build/fuzz/work/$1
    rm -rf "$work" && mkdir -p "$work/corpus"
    cp fuzz/corpus/"$t"/* "$work/corpus/"
    # -timeout and -rss_limit_mb make slow or greedy inputs failures too (bounded time and memory).
    (cd "$work" && ../../fuzz/"$t" corpus -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >log.txt 2>&1) || true
    local cov
    cov=$(grep -o 'cov: [0-9]*' "$work/log.txt" | tail -1 || true)
    echo "$t: $(grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec' "$work/log.txt" | tr '\n' ' ') $cov"
    if ls "$work"/crash-* "$work"/timeout-* "$work"/oom-* >/dev/null 2>&1; then
        echo "$t: FAILED, see $work" >&2
        return 1
    fi
    # Keep the corpus small: only inputs that add coverage.
    mkdir -p "$work/min"
    build/fuzz/fuzz/"$t" -merge=1 "$work/min" fuzz/corpus/"$t" "$work/corpus" >"$work/merge.txt" 2>&1
    rm -rf fuzz/corpus/"$t" && mv "$work/min" fuzz/corpus/"$t"
}

status=0
pids=()
for t in "${targets[@]}"; do
    run_one "$t" &
    pids+=($!)
    if [ ${#pids[@]} -eq 2 ]; then
        for p in "${pids[@]}"; do wait "$p" || status=1; done
        pids=()
    fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
