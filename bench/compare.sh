#!/usr/bin/env bash
# Sightline against what a reviewer would do instead, on the same corpus in one run: pandas
# (bench/pandas_merge.py), the sqlite3 shell (bench/sqlite_merge.sh) and DuckDB
# (bench/duckdb_merge.mjs, DuckDB's Node.js client). For each shape and size, writes a corpus of 50
# agency CSVs with `sightline generate --corpus --shape SHAPE`, then runs the four merges to CSV and
# prints wall time, rows per second and peak memory (from /usr/bin/time), and the ratios; each
# output is checked to have a line per row and a header. A program that prints figures, never a
# test. See BENCHMARKS.md.
#
#   bench/compare.sh [ROWS...]             (default 1000000; e.g. 10000 100000 1000000 10000000)
#   SHAPE=standard|realistic|both (default both) TOOLS="sightline duckdb" bench/compare.sh 1000000
#   SIGHTLINE=build/ci/cli/sightline AGENCIES=50 WORK=/tmp/sightline-compare bench/compare.sh
#
# The shapes (`sightline generate --help`): standard, one layout, every agency in case.yaml, rows in
# date order; realistic, as agencies send returns: a mapping file per CSV naming its agency and
# columns, rows in record order, a time in 40% of rows in the agency's style.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sightline=${SIGHTLINE:-$here/../build/ci/cli/sightline}
agencies=${AGENCIES:-50}
work=${WORK:-${TMPDIR:-/tmp}/sightline-compare}
tools=${TOOLS:-sightline pandas sqlite duckdb}
case ${SHAPE:-both} in
    standard | realistic) shapes=("$SHAPE") ;;
    both) shapes=(standard realistic) ;;
    *) echo "compare.sh: SHAPE must be standard, realistic or both, not '$SHAPE'" >&2; exit 64 ;;
esac
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(1000000); fi
[ -x "$sightline" ] || { echo "compare.sh: no sightline binary at $sightline (build the ci preset, or set SIGHTLINE)" >&2; exit 2; }
SIGHTLINE_AGAIN=$0 "$here/../scripts/install-deps.sh" bench >&2  # figures alone on stdout
[ -x /usr/bin/time ] || { echo "compare.sh: needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
mkdir -p "$work"

duckdb_version() {
    node -e "const r = require('module').createRequire('$here/duckdb/package.json'); console.log(r('@duckdb/node-api/package.json').version)" 2>/dev/null || echo "not installed"
}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
echo "sightline: $("$sightline" --version); $(/usr/bin/python3 -c 'import pandas; print("pandas", pandas.__version__)'); sqlite3 $(sqlite3 --version | cut -d' ' -f1); @duckdb/node-api $(duckdb_version) on node $(node --version 2>/dev/null)"
printf '\n%-10s %-10s %-10s %9s %12s %10s %9s %10s %10s %10s\n' shape rows tool seconds rows/s "peak MiB" "x input" "vs pandas" "vs sqlite" "vs duckdb"
for shape in "${shapes[@]}"; do
for rows in "${sizes[@]}"; do
    per=$(( (rows + agencies - 1) / agencies ))
    corpus=$work/corpus-$agencies-$per  # the standard corpus, as pairs.sh names it
    [ "$shape" = standard ] || corpus=$work/corpus-$shape-$agencies-$per
    if [ ! -f "$corpus/case.yaml" ]; then
        "$sightline" generate --corpus --shape "$shape" --agencies "$agencies" --rows "$per" -o "$corpus" 2>/dev/null
    fi
    input=$(cat "$corpus"/agencies/*.csv | wc -c)
    cat "$corpus"/agencies/*.csv >/dev/null  # every tool starts with the files in the page cache
    total=$(( per * agencies ))
    declare -A secs=() mib=()
    for tool in $tools; do
        out=$work/out-$tool.csv
        case $tool in
            sightline) cmd=("$sightline" merge "$corpus" --format csv -o "$out" --quiet) ;;
            pandas) cmd=(/usr/bin/python3 "$here/pandas_merge.py" "$corpus" "$out") ;;
            sqlite) cmd=("$here/sqlite_merge.sh" "$corpus" "$out") ;;
            duckdb) cmd=(node "$here/duckdb_merge.mjs" "$corpus" "$out") ;;
            *) echo "compare.sh: unknown tool '$tool'; expected sightline, pandas, sqlite or duckdb" >&2; exit 64 ;;
        esac
        /usr/bin/time -f '%e %M' -o "$work/time.txt" "${cmd[@]}" >/dev/null 2>"$work/stderr-$tool.txt" ||
            { echo "compare.sh: $tool failed:" >&2; cat "$work/stderr-$tool.txt" >&2; exit 1; }
        read -r s kb <"$work/time.txt"
        secs[$tool]=$s
        mib[$tool]=$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')
        lines=$(wc -l <"$out")
        [ "$lines" -eq $(( total + 1 )) ] || { echo "compare.sh: $tool wrote $lines lines, expected $(( total + 1 ))" >&2; exit 1; }
        rm -f "$out"
    done
    for tool in $tools; do
        s=${secs[$tool]}
        awk -v r="$total" -v t="$tool" -v s="$s" -v m="${mib[$tool]}" -v bytes="$input" -v shape="$shape" \
            -v p="${secs[pandas]:-}" -v q="${secs[sqlite]:-}" -v d="${secs[duckdb]:-}" 'BEGIN {
            vp = (p == "" || s == 0) ? "-" : sprintf("%.1fx", p / s);
            vq = (q == "" || s == 0) ? "-" : sprintf("%.1fx", q / s);
            vd = (d == "" || s == 0) ? "-" : sprintf("%.1fx", d / s);
            printf "%-10s %-10d %-10s %9.2f %12.0f %10d %9.2f %10s %10s %10s\n", shape, r, t, s, r / (s > 0 ? s : 0.001), m, m * 1048576 / bytes, vp, vq, vd
        }'
    done
    printf '%-10s %-10s %s\n' "" "" "input $(awk -v b="$input" 'BEGIN { printf "%.1f MB", b / 1e6 }') in $agencies files"
done
done
