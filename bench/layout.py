"""Lays out the benchmark's landing zones from the generator's output (bench/run.sh).

A file belongs to the month named in its path relative to the source folder (yyyy-MM, or yyyyMM
between non-digits); files without a month (reference data, the initial roster) belong to every
landing zone. The first and last service months are those of the settlement files. Only
the source folders of SPEC §2 are copied (the generator's ground truth stays out). Files are
hard links, so the layout costs no disk.

    python3 bench/layout.py <staging> <work>   ->  <work>/landing     months 1..n-1 (history)
                                                   <work>/incr        month n only (the increment)
                                                   <work>/landing-m1  month 1 only
                                                   <work>/landing-m3  months 1..3
                                                   <work>/landing-m6  months 1..6
Prints a JSON summary (months, files per zone).
"""
import json
import os
import re
import sys

SOURCES = ("reference", "roster", "settlement", "cases", "case_events", "activities", "surveys")
MONTH = re.compile(r"(?<!\d)(20\d\d)-?(0[1-9]|1[0-2])(?!\d)")


def month_of(rel):
    if rel.startswith("reference" + os.sep):
        return None
    m = MONTH.search(rel.split(os.sep, 1)[1] if os.sep in rel else rel)
    return f"{m.group(1)}-{m.group(2)}" if m else None


def link(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    os.link(src, dst)


def main(staging, work):
    files = []
    for source in SOURCES:
        base = os.path.join(staging, source)
        for dirpath, _, names in os.walk(base):
            for n in sorted(names):
                if n.lower().endswith(".csv"):
                    rel = os.path.relpath(os.path.join(dirpath, n), staging)
                    files.append((rel, month_of(rel)))
    months = sorted({m for _, m in files if m})
    # The service months are the settlement folders; other sources may run a month past them
    # (milestones after the last month): those arrive with the last month's delivery.
    service = sorted({m for rel, m in files if m and rel.startswith("settlement" + os.sep)})
    if len(service) < 2:
        sys.exit(f"layout: found {len(service)} settlement month(s) in the paths under {staging}; "
                 "the benchmark needs the generator to write one file (or folder) per month")
    first, last = service[0], service[-1]
    third = service[min(2, len(service) - 1)]
    sixth = service[min(5, len(service) - 1)]
    zones = {"landing": lambda m: m is None or m < last,
             "incr": lambda m: m is not None and m >= last,
             "landing-m1": lambda m: m is None or m == first,
             "landing-m3": lambda m: m is None or m <= third,
             "landing-m6": lambda m: m is None or m <= sixth}
    counts = {}
    for zone, keep in zones.items():
        counts[zone] = 0
        for rel, m in files:
            if keep(m):
                link(os.path.join(staging, rel), os.path.join(work, zone, rel))
                counts[zone] += 1
    print(json.dumps({"months": months, "service_months": service, "first_month": first, "third_month": third, "sixth_month": sixth,
                      "last_month": last,
                      "files": counts}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
