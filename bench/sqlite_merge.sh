#!/usr/bin/env bash
# What a reviewer with the sqlite3 shell would do instead of `sightline merge CASE --format csv`:
# import every agency CSV of a case folder into one table (in memory), order the rows by date
# (the UK date turned into year-month-day by substr, then time, then import order) and export a CSV.
#
#   bench/sqlite_merge.sh CASE OUT.csv
set -euo pipefail
case_dir=$1
out=$2
files=("$case_dir"/agencies/*.csv)
{
    echo ".mode csv"
    # The first file creates the table from its header; the others skip theirs.
    echo ".import '${files[0]}' chronology"
    for f in "${files[@]:1}"; do echo ".import --skip 1 '$f' chronology"; done
    echo ".headers on"
    echo ".output '$out'"
    echo "SELECT * FROM chronology ORDER BY substr(Date, 7, 4) || substr(Date, 4, 2) || substr(Date, 1, 2), Time, rowid;"
} | sqlite3 :memory:
