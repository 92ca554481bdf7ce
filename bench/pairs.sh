#!/usr/bin/env bash
# Sightline against pandas at one size, in turn, several times: each pair's wall times and ratio,
# then the medians. On a shared, noisy machine the ratio of runs made side by side is steadier
# than either time. A program that prints figures, never a test. See BENCHMARKS.md.
#
#   bench/pairs.sh [PAIRS] [ROWS]          (default 5 pairs of 1000000 rows in 50 files)
#   SIGHTLINE=build/ci/cli/sightline AGENCIES=50 WORK=/tmp/sightline-compare bench/pairs.sh 9
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sightline=${SIGHTLINE:-$here/../build/ci/cli/sightline}
agencies=${AGENCIES:-50}
work=${WORK:-${TMPDIR:-/tmp}/sightline-compare}
pairs=${1:-5}
rows=${2:-1000000}
[ -x "$sightline" ] || { echo "pairs.sh: no sightline binary at $sightline (build the ci preset, or set SIGHTLINE)" >&2; exit 2; }
SIGHTLINE_AGAIN=$0 "$here/../scripts/install-deps.sh" bench >&2  # figures alone on stdout
[ -x /usr/bin/time ] || { echo "pairs.sh: needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
mkdir -p "$work"
per=$(( (rows + agencies - 1) / agencies ))
corpus=$work/corpus-$agencies-$per
[ -f "$corpus/case.yaml" ] || "$sightline" generate --corpus --agencies "$agencies" --rows "$per" -o "$corpus" 2>/dev/null
cat "$corpus"/agencies/*.csv >/dev/null  # both start with the files in the page cache

# Runs a command under /usr/bin/time into the output file (removed first, as a new file is
# written each time); prints "wall user system".
timed() {
    local out=$1; shift
    rm -f "$out"
    /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" ||
        { echo "pairs.sh: failed: $*" >&2; cat "$work/stderr.txt" >&2; exit 1; }
    rm -f "$out"
    cat "$work/time.txt"
}

echo "machine: $(nproc) cores, $(uname -sr); $("$sightline" --version); $((per * agencies)) rows in $agencies files"
printf '%-5s %12s %12s %8s\n' pair sightline pandas ratio
results=()
for ((p = 1; p <= pairs; ++p)); do
    read -r s su ss < <(timed "$work/out-sightline.csv" "$sightline" merge "$corpus" --format csv -o "$work/out-sightline.csv" --quiet)
    read -r q qu qs < <(timed "$work/out-pandas.csv" /usr/bin/python3 "$here/pandas_merge.py" "$corpus" "$work/out-pandas.csv")
    ratio=$(awk -v a="$q" -v b="$s" 'BEGIN { printf "%.1f", a / b }')
    printf '%-5d %10.2f s %10.2f s %7sx\n' "$p" "$s" "$q" "$ratio"
    results+=("$s $q $ratio")
done
printf '%s\n' "${results[@]}" | awk '
    { s[NR] = $1; q[NR] = $2; r[NR] = $3 }
    function median(a, n,   i, j, t) {
        for (i = 1; i <= n; ++i) for (j = i + 1; j <= n; ++j) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
        n = NR; lo = r[1]; hi = r[1]
        for (i = 1; i <= n; ++i) { if (r[i] < lo) lo = r[i]; if (r[i] > hi) hi = r[i] }
        printf "median sightline %.2f s, pandas %.2f s; ratio median %.1fx (%.1fx to %.1fx)\n", median(s, n), median(q, n), median(r, n), lo, hi
    }'
