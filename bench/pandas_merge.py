#!/usr/bin/python3
"""What a reviewer with pandas would do instead of `sightline merge CASE --format csv -o OUT`.

Reads every agency CSV of a case folder (CASE/agencies/*.csv), concatenates them, parses the UK
dates (day first, with an explicit format, as pandas advises for speed), sorts by date (stable, so
rows of the same minute keep their file order) and writes one CSV. Uses Debian's python3-pandas.

    bench/pandas_merge.py CASE OUT.csv

Both shapes of `sightline generate --corpus`:
  standard   every file has the same header (Ref, Date, Time, ...; dates dd/mm/yyyy, times hh:mm).
  realistic  each NAME.csv has NAME.mapping.yaml beside it, giving the agency and which column
             holds each field, one a line (`agency: "Eastmere Police"`, `  date: "Date of
             contact"`): each file's columns are renamed to the fields, with its agency; a time,
             when given, is 14:30, 14.30, 1430hrs or 2.30pm, each format tried in turn on the
             rows no earlier one read.
"""
import glob
import os
import re
import sys

import pandas as pd

# The fields a realistic corpus's mapping names, in the order they are written out.
FIELDS = ["ref", "date", "time", "type", "summary", "subjects", "child_seen", "practitioner", "to"]
# The times agencies write, after the day.
TIME_FORMATS = ["%H:%M", "%H.%M", "%H%Mhrs", "%I.%M%p"]


def read_mapping(path: str) -> tuple[str, dict[str, str]]:
    """The agency and the columns a generated mapping file names (one `  field: "Header"` a line)."""
    agency, columns, in_columns = None, {}, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line[:1].strip():
                in_columns = line.startswith("columns:")
                m = re.match(r'agency: "([^"]*)"', line)
                if m:
                    agency = m.group(1)
            elif in_columns:
                m = re.match(r'  (\w+): "([^"]*)"', line)
                if m:
                    columns[m.group(1)] = m.group(2)
    if agency is None or "date" not in columns:
        sys.exit(f"{path}: no agency or no date column")
    return agency, columns


def standard(paths: list[str], case_dir: str) -> pd.DataFrame:
    frames = []
    for path in paths:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)  # text as written, empty cells kept
        frame.insert(0, "Source", os.path.relpath(path, case_dir))
        frames.append(frame)
    merged = pd.concat(frames, ignore_index=True)
    merged["When"] = pd.to_datetime(merged["Date"] + " " + merged["Time"], format="%d/%m/%Y %H:%M")
    return merged


def realistic(paths: list[str], case_dir: str) -> pd.DataFrame:
    frames = []
    for path in paths:
        agency, columns = read_mapping(path[: -len(".csv")] + ".mapping.yaml")
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame = frame.rename(columns={header: field for field, header in columns.items()})
        frame = frame.reindex(columns=FIELDS, fill_value="")
        frame.insert(0, "agency", agency)
        frame.insert(0, "source", os.path.relpath(path, case_dir))
        frames.append(frame)
    merged = pd.concat(frames, ignore_index=True)
    timed = merged["time"] != ""
    when = pd.Series(pd.NaT, index=merged.index, dtype="datetime64[ns]")
    when[~timed] = pd.to_datetime(merged.loc[~timed, "date"], format="%d/%m/%Y")
    left = timed
    for fmt in TIME_FORMATS:
        rows = merged.loc[left]
        if rows.empty:
            break
        parsed = pd.to_datetime(rows["date"] + " " + rows["time"], format="%d/%m/%Y " + fmt, errors="coerce")
        when[parsed.index] = parsed
        left = left & when.isna()
    if left.any():
        bad = merged.loc[left].iloc[0]
        sys.exit(f"{bad['source']}: cannot read '{bad['date']} {bad['time']}'")
    merged["when"] = when
    return merged


def main(case_dir: str, out: str) -> None:
    paths = sorted(glob.glob(os.path.join(case_dir, "agencies", "*.csv")))
    shaped = bool(paths) and os.path.exists(paths[0][: -len(".csv")] + ".mapping.yaml")
    merged = realistic(paths, case_dir) if shaped else standard(paths, case_dir)
    merged = merged.sort_values("when" if shaped else "When", kind="stable")
    merged.to_csv(out, index=False)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: pandas_merge.py CASE OUT.csv")
    main(sys.argv[1], sys.argv[2])
