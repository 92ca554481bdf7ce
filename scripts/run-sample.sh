#!/usr/bin/env bash
# Installs what Sightline needs, builds it, and merges the sample case: prints a line for each
# step, then a summary and the findings, and writes the integrated chronology to out/.
# Exit status 0 when every step worked (check's status 1, findings of concern, is one that worked).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/steps.sh
start=$SECONDS
trap 'status=$?; if [ $status -ne 0 ]; then echo "sightline: the sample did not run to the end (exit status $status)" >&2; fi' EXIT

SIGHTLINE_AGAIN=$0 ./scripts/install-deps.sh build viewer
build_preset release sightline sightline-viewer

# Only the first command that reads the case prints its diagnostics: the others read the same
# case, so their stderr goes to build/sample.log, shown only if one of them fails.
again() {
  "$@" 2>build/sample.log || { local status=$?; cat build/sample.log >&2; return $status; }
}

echo "sightline: running the sample case samples/child-r (outputs in out/); three of its agencies sent Word returns"
mkdir -p out
./build/release/cli/sightline merge samples/child-r -o out/child-r-chronology.md
again ./build/release/cli/sightline merge samples/child-r -o out/child-r-chronology.csv --quiet
# The whole report goes to a file; its summary is printed. Exit status 1 means findings of concern.
check=0
./build/release/cli/sightline check samples/child-r -o out/child-r-check.txt || check=$?
if [ $check -gt 1 ]; then
  echo "sightline: check failed (exit status $check); its report: out/child-r-check.txt" >&2
  exit $check
fi
again ./build/release/cli/sightline genogram samples/child-r --at 2015-11-01 -o out/child-r-genogram.svg
# The reviewer's documents: the chronology in Word, the overview report with its pictures.
again ./build/release/cli/sightline merge samples/child-r -o out/child-r-chronology.docx --quiet
again ./build/release/cli/sightline report samples/child-r -o out/child-r-report.html
again ./build/release/cli/sightline report samples/child-r -o out/child-r-report.docx

echo
sed -n '1,/^When the children were seen/p' out/child-r-check.txt | head -n -2
echo
if [ $check -eq 1 ]; then
  echo "check found $(grep -o -m1 '^[0-9]* findings\{0,1\} of concern' out/child-r-check.txt): its exit status 1 means findings, not a failure."
fi
echo "Written to out/:"
echo "  child-r-chronology.md, .csv   the integrated chronology (with a Review notes column)"
echo "  child-r-check.txt             the full report: children seen, gaps, moves, incidents, people, patterns"
echo "  child-r-genogram.svg          the family and households on 2015-11-01"
echo "  child-r-chronology.docx       the integrated chronology as a Word table, for the overview report's appendix"
echo "  child-r-report.html, .docx    the overview report: summary, timeline, genograms, findings, transfers, who knew what"
echo "The programs are in build/release/: cli/sightline and viewer/sightline-viewer (not on your PATH)."
echo "sightline: the sample ran in $(duration $((SECONDS - start)))"
