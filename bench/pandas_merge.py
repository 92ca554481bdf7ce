#!/usr/bin/python3
"""What a reviewer with pandas would do instead of `sightline merge CASE --format csv -o OUT`.

Reads every agency CSV of a case folder (CASE/agencies/*.csv), concatenates them, parses the UK
dates (day first, with an explicit format, as pandas advises for speed), sorts by date (stable, so
rows of the same minute keep their file order) and writes one CSV. Uses Debian's python3-pandas.

    bench/pandas_merge.py CASE OUT.csv
"""
import glob
import os
import sys

import pandas as pd


def main(case_dir: str, out: str) -> None:
    frames = []
    for path in sorted(glob.glob(os.path.join(case_dir, "agencies", "*.csv"))):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)  # text as written, empty cells kept
        frame.insert(0, "Source", os.path.relpath(path, case_dir))
        frames.append(frame)
    merged = pd.concat(frames, ignore_index=True)
    merged["When"] = pd.to_datetime(merged["Date"] + " " + merged["Time"], format="%d/%m/%Y %H:%M")
    merged = merged.sort_values("When", kind="stable")
    merged.to_csv(out, index=False)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: pandas_merge.py CASE OUT.csv")
    main(sys.argv[1], sys.argv[2])
