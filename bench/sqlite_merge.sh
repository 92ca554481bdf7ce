#!/usr/bin/env bash
# What a reviewer with the sqlite3 shell would do instead of `sightline merge CASE --format csv`:
# import every agency CSV of a case folder into one table (in memory), order the rows by date
# (the UK date turned into year-month-day by substr, then time, then import order) and export a CSV.
#
#   bench/sqlite_merge.sh CASE OUT.csv
#
# Both shapes of `sightline generate --corpus`:
#   standard   every file has the same header (Ref, Date, Time, ...; dates dd/mm/yyyy, times
#              hh:mm): the first file creates the table, the others are imported into it.
#   realistic  each NAME.csv has NAME.mapping.yaml beside it, giving the agency and which column
#              holds each field, one a line (`agency: "Eastmere Police"`, `  date: "Date of
#              contact"`): each file is imported into a table of its own, then copied into the
#              common columns with its agency; a time, when given, is 14:30, 14.30, 1430hrs or
#              2.30pm, turned into minutes of the day by its form.
set -euo pipefail
case_dir=$1
out=$2
files=("$case_dir"/agencies/*.csv)
fields=(ref date time type summary subjects child_seen practitioner to)

# The agency and the columns a generated mapping file names (one `  field: "Header"` a line), in
# bash alone (no process per file): sets agency and the associative array header.
declare -A header
read_mapping() {
    local line in_columns=false re_top='^agency: "([^"]*)"' re_column='^  ([a-z_]+): "([^"]*)"'
    agency=""
    header=()
    while IFS= read -r line; do
        if [[ $line != " "* ]]; then
            [[ $line == columns:* ]] && in_columns=true || in_columns=false
            [[ $line =~ $re_top ]] && agency=${BASH_REMATCH[1]}
        elif $in_columns && [[ $line =~ $re_column ]]; then
            header[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
        fi
    done <"$1"
}

if [ ! -f "${files[0]%.csv}.mapping.yaml" ]; then
    {
        echo ".mode csv"
        # The first file creates the table from its header; the others skip theirs.
        echo ".import '${files[0]}' chronology"
        for f in "${files[@]:1}"; do echo ".import --skip 1 '$f' chronology"; done
        echo ".headers on"
        echo ".output '$out'"
        echo "SELECT * FROM chronology ORDER BY substr(Date, 7, 4) || substr(Date, 4, 2) || substr(Date, 1, 2), Time, rowid;"
    } | sqlite3 :memory:
    exit 0
fi

{
    echo ".mode csv"
    echo "CREATE TABLE chronology (source TEXT, agency TEXT$(printf ', "%s" TEXT' "${fields[@]}"));"
    for f in "${files[@]}"; do
        read_mapping "${f%.csv}.mapping.yaml"
        cells=""
        for field in "${fields[@]}"; do
            h=${header[$field]:-}
            if [ -n "$h" ]; then cells+=", \"${h//\"/\"\"}\""; else cells+=", ''"; fi
        done
        source=${f#"$case_dir"/}
        echo "DROP TABLE IF EXISTS sheet;"
        echo ".import '$f' sheet"
        echo "INSERT INTO chronology SELECT '${source//\'/\'\'}', '${agency//\'/\'\'}'$cells FROM sheet ORDER BY rowid;"
    done
    echo "DROP TABLE sheet;"
    echo ".headers on"
    echo ".output '$out'"
    # Minutes of the day: -1 without a time (the day's start), then 1430hrs, 2.30pm, 14:30 or 14.30.
    echo "SELECT * FROM chronology ORDER BY substr(date, 7, 4) || substr(date, 4, 2) || substr(date, 1, 2),
      CASE WHEN time = '' THEN -1
           WHEN time LIKE '%hrs' THEN CAST(substr(time, 1, 2) AS INTEGER) * 60 + CAST(substr(time, 3, 2) AS INTEGER)
           WHEN time LIKE '%am' OR time LIKE '%pm' THEN
             (CAST(substr(time, 1, instr(time, '.') - 1) AS INTEGER) % 12 + (CASE WHEN time LIKE '%pm' THEN 12 ELSE 0 END)) * 60
             + CAST(substr(time, instr(time, '.') + 1, 2) AS INTEGER)
           ELSE CAST(substr(time, 1, 2) AS INTEGER) * 60 + CAST(substr(time, 4, 2) AS INTEGER) END,
      rowid;"
} | sqlite3 :memory:
