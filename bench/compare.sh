#!/usr/bin/env bash
# Sightline against what a reviewer would do instead, on the same corpus in one run: pandas
# (bench/pandas_merge.py) and the sqlite3 shell (bench/sqlite_merge.sh). For each size, writes a
# corpus of 50 agency CSVs with `sightline generate --corpus`, then runs the three merges to CSV
# and prints wall time, rows per second and peak memory (from /usr/bin/time), and the ratios.
# A program that prints figures, never a test. See BENCHMARKS.md.
#
#   bench/compare.sh [ROWS...]             (default 1000000; e.g. 10000 100000 1000000 10000000)
#   SIGHTLINE=build/ci/cli/sightline AGENCIES=50 WORK=/tmp/sightline-compare bench/compare.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sightline=${SIGHTLINE:-$here/../build/ci/cli/sightline}
agencies=${AGENCIES:-50}
work=${WORK:-${TMPDIR:-/tmp}/sightline-compare}
tools=${TOOLS:-sightline pandas sqlite}
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(1000000); fi
[ -x "$sightline" ] || { echo "compare.sh: no sightline binary at $sightline (build the ci preset, or set SIGHTLINE)" >&2; exit 2; }
SIGHTLINE_AGAIN=$0 "$here/../scripts/install-deps.sh" bench >&2  # figures alone on stdout
[ -x /usr/bin/time ] || { echo "compare.sh: needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
mkdir -p "$work"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
echo "sightline: $("$sightline" --version); $(/usr/bin/python3 -c 'import pandas; print("pandas", pandas.__version__)'); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
printf '\n%-10s %-10s %9s %12s %10s %9s %10s %10s\n' rows tool seconds rows/s "peak MiB" "x input" "vs pandas" "vs sqlite"
for rows in "${sizes[@]}"; do
    per=$(( (rows + agencies - 1) / agencies ))
    corpus=$work/corpus-$agencies-$per
    if [ ! -f "$corpus/case.yaml" ]; then
        "$sightline" generate --corpus --agencies "$agencies" --rows "$per" -o "$corpus" 2>/dev/null
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
        awk -v r="$total" -v t="$tool" -v s="$s" -v m="${mib[$tool]}" -v bytes="$input" \
            -v p="${secs[pandas]:-}" -v q="${secs[sqlite]:-}" 'BEGIN {
            vp = (p == "" || s == 0) ? "-" : sprintf("%.1fx", p / s);
            vq = (q == "" || s == 0) ? "-" : sprintf("%.1fx", q / s);
            printf "%-10d %-10s %9.2f %12.0f %10d %9.2f %10s %10s\n", r, t, s, r / (s > 0 ? s : 0.001), m, m * 1048576 / bytes, vp, vq
        }'
    done
    printf '%-10s %s\n' "" "input $(awk -v b="$input" 'BEGIN { printf "%.1f MB", b / 1e6 }') in $agencies files"
done
