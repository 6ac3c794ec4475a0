#!/usr/bin/env python3
"""Summarises a Stryker.NET mutation-report.json (see eng/mutation-test.sh and docs/mutation-testing.md).

usage: eng/mutation-report.py REPORT.json [--folder NAME] [--seconds N] [--survivors]

Prints one score line; with --survivors, also every Survived and NoCoverage mutant as
  status  file:line:column  mutator  original -> replacement
The score is Stryker's: (killed + timeout) / (killed + timeout + survived + no coverage).
"""
import argparse
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("report")
parser.add_argument("--folder", default="", help="count only files under a folder of this name")
parser.add_argument("--seconds", type=int)
parser.add_argument("--survivors", action="store_true")
args = parser.parse_args()

with open(args.report, encoding="utf-8") as f:
    report = json.load(f)

counts = {}
left = []
for path, entry in sorted(report["files"].items()):
    # Every file of the project is in the report (mutants outside --mutate are Ignored): count the folder's files only.
    if args.folder and f"/{args.folder}/" not in path.replace("\\", "/"):
        continue
    lines = entry["source"].splitlines()
    for m in entry["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
        if m["status"] in ("Survived", "NoCoverage"):
            start, end = m["location"]["start"], m["location"]["end"]
            if start["line"] == end["line"]:
                original = lines[start["line"] - 1][start["column"] - 1:end["column"] - 1]
            else:
                original = lines[start["line"] - 1][start["column"] - 1:] + " ..."
            left.append((m["status"], os.path.basename(path), start["line"], start["column"],
                         m["mutatorName"], original.strip(), (m.get("replacement") or "").strip()))

k, s, t = counts.get("Killed", 0), counts.get("Survived", 0), counts.get("Timeout", 0)
n, c, i = counts.get("NoCoverage", 0), counts.get("CompileError", 0), counts.get("Ignored", 0)
valid = k + s + t + n
score = 100.0 * (k + t) / valid if valid else float("nan")
took = f" in {args.seconds / 60:.1f} min" if args.seconds is not None else ""
print(f"{args.folder or 'score'}: score {score:.2f}% (killed {k}, survived {s}, timeout {t}, "
      f"no coverage {n}, compile errors {c}, ignored {i}){took}")
if args.survivors:
    for status, name, line, col, mutator, original, replacement in left:
        print(f"{status:10} {name}:{line}:{col}  {mutator}  {original[:70]!r} -> {replacement[:70]!r}")
