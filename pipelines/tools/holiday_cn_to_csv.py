#!/usr/bin/env python3
"""Build reference/cn_calendar.csv (SPEC §1, §2) from holiday-cn JSON files.

Usage: holiday_cn_to_csv.py <holiday-cn dir> <out.csv>

holiday-cn (https://github.com/NateScarlet/holiday-cn, MIT, see LICENSE beside the JSON files)
lists, per year, the days that differ from the Mon-Fri rule: public holidays
(isOffDay = true) and make-up working days (isOffDay = false). Each becomes one row
`date,is_workday,note`.
"""
import csv
import glob
import json
import os
import sys


def main(src, out):
    rows = []
    for path in sorted(glob.glob(os.path.join(src, "[0-9][0-9][0-9][0-9].json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for day in doc["days"]:
            rows.append((day["date"], "false" if day["isOffDay"] else "true", day["name"]))
    rows.sort()
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date", "is_workday", "note"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
