#!/usr/bin/env python3
"""Summarises Stryker.NET mutation-report.json files (see eng/mutation-test.sh and docs/mutation-testing.md).

usage: eng/mutation-report.py REPORT.json [REPORT.json ...] [--folder NAME] [--seconds N] [--survivors]

With one report: prints one score line; with --survivors, also every Survived and NoCoverage mutant as
  status  file:line:column  mutator  original -> replacement
With several reports of one folder (the --files batches of eng/mutation-test.sh) and --folder: combines them into one
folder score. Each file's mutants are taken from the last report (in the order given) that mutated that file (a report
lists every file of the project, with no mutants for those outside its --files), so a later re-run of a batch replaces
the earlier one file by file; then one line per report says which files it gave, and which files of the folder have no
mutants in any report (not run, or nothing to mutate).
The score is Stryker's: (killed + timeout) / (killed + timeout + survived + no coverage).
"""
import argparse
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("reports", nargs="+", metavar="report")
parser.add_argument("--folder", default="", help="count only files under a folder of this name")
parser.add_argument("--seconds", type=int)
parser.add_argument("--survivors", action="store_true")
args = parser.parse_args()
if len(args.reports) > 1 and not args.folder:
    parser.error("combining several reports needs --folder")


def label(report_path):
    """artifacts/mutation/Funnel-FunnelPass/reports/mutation-report.json -> Funnel-FunnelPass."""
    parts = os.path.normpath(os.path.abspath(report_path)).split(os.sep)
    return parts[-3] if len(parts) >= 3 and parts[-2] == "reports" else report_path


def score_of(counts):
    k, s, t, n = (counts.get(x, 0) for x in ("Killed", "Survived", "Timeout", "NoCoverage"))
    valid = k + s + t + n
    return 100.0 * (k + t) / valid if valid else float("nan")


# file name -> ((report index, report label), source entry); also the labels of earlier reports that the last one replaced
chosen = {}
replaced = {}
seen = set()
for index, report_path in enumerate(args.reports):
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    for path, entry in report["files"].items():
        # Every file of the project is in the report: count the folder's files only.
        norm = path.replace("\\", "/")
        if args.folder and f"/{args.folder}/" not in norm:
            continue
        name = norm.split(f"/{args.folder}/", 1)[1] if args.folder else os.path.basename(norm)
        seen.add(name)
        if not entry["mutants"]:
            continue
        if name in chosen:
            replaced.setdefault(name, []).append(chosen[name][0])
        chosen[name] = ((index, label(report_path)), entry)

counts = {}
per_report = {}
left = []
for name, (source, entry) in sorted(chosen.items()):
    lines = entry["source"].splitlines()
    file_counts = per_report.setdefault(source, {}).setdefault(name, {})
    for m in entry["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
        file_counts[m["status"]] = file_counts.get(m["status"], 0) + 1
        if m["status"] in ("Survived", "NoCoverage"):
            start, end = m["location"]["start"], m["location"]["end"]
            if start["line"] == end["line"]:
                original = lines[start["line"] - 1][start["column"] - 1:end["column"] - 1]
            else:
                original = lines[start["line"] - 1][start["column"] - 1:] + " ..."
            left.append((m["status"], os.path.basename(name), start["line"], start["column"],
                         m["mutatorName"], original.strip(), (m.get("replacement") or "").strip()))

k, s, t = counts.get("Killed", 0), counts.get("Survived", 0), counts.get("Timeout", 0)
n, c, i = counts.get("NoCoverage", 0), counts.get("CompileError", 0), counts.get("Ignored", 0)
took = f" in {args.seconds / 60:.1f} min" if args.seconds is not None else ""
head = args.folder or "score"
if len(args.reports) > 1:
    head += f" (combined: {len(args.reports)} reports, {len(chosen)} files with mutants)"
# Timeouts count as killed in Stryker's score; under CPU contention a mutant can time out that would not loop forever, so
# the score with every timeout counted as survived is printed too: the truth lies between the two.
strict = f"; {100.0 * k / (k + s + t + n):.2f}% if every timeout survived" if t and (k + s + t + n) else ""
print(f"{head}: score {score_of(counts):.2f}% (killed {k}, survived {s}, timeout {t}, "
      f"no coverage {n}, compile errors {c}, ignored {i}{strict}){took}")
if len(args.reports) > 1:
    for index, report_path in enumerate(args.reports):
        source = (index, label(report_path))
        files = per_report.get(source, {})
        total = {}
        for file_counts in files.values():
            for status, count in file_counts.items():
                total[status] = total.get(status, 0) + count
        listed = ", ".join(f"{os.path.basename(name)} {score_of(fc):.1f}%" for name, fc in sorted(files.items()))
        print(f"  {source[1]}: {score_of(total):.2f}% from {len(files)} files: {listed or 'none'}")
    for name, earlier in sorted(replaced.items()):
        print(f"  {os.path.basename(name)}: from {chosen[name][0][1]}, replacing "
              + ", ".join(source for _, source in earlier))
    missing = sorted(seen - set(chosen))
    if missing:
        print(f"  no mutants in any report ({len(missing)} files: not run, or nothing to mutate): "
              + ", ".join(os.path.basename(name) for name in missing))
if args.survivors:
    for status, name, line, col, mutator, original, replacement in left:
        print(f"{status:10} {name}:{line}:{col}  {mutator}  {original[:70]!r} -> {replacement[:70]!r}")
