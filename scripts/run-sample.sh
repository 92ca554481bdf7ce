#!/usr/bin/env bash
# Installs what Sightline needs, builds it, and merges the sample case:
# prints a summary and the findings, and writes the integrated chronology to out/.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset release -DSIGHTLINE_BUILD_TESTS=OFF >/dev/null
cmake --build --preset release --parallel "$(nproc)"

mkdir -p out
./build/release/cli/sightline merge samples/child-r -o out/child-r-chronology.md
./build/release/cli/sightline merge samples/child-r -o out/child-r-chronology.csv --quiet
# The whole report goes to a file; its summary is printed. (Exit 1 means findings of concern.)
./build/release/cli/sightline check samples/child-r -o out/child-r-check.txt || true
./build/release/cli/sightline genogram samples/child-r --at 2015-11-01 -o out/child-r-genogram.svg
echo
sed -n '1,/^When the children were seen/p' out/child-r-check.txt | head -n -2
echo
echo "Written to out/:"
echo "  child-r-chronology.md, .csv   the integrated chronology (with a Review notes column)"
echo "  child-r-check.txt             the full report: children seen, gaps, moves, incidents, people, patterns"
echo "  child-r-genogram.svg          the family and households on 2015-11-01"
echo "The programs are in build/release/: cli/sightline and viewer/sightline-viewer (not on your PATH)."

