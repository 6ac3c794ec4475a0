#!/usr/bin/env python3
"""Adds every symbol that PublicApiAnalyzers reports as undeclared (RS0016) to the project's
PublicAPI.Unshipped.txt, and removes the ones it reports as gone (RS0017).

Usage: python3 eng/update-public-api.py src/LeadAnalytics.Domain [more project folders]
It builds each project (Release, all targets) and edits the files in place, inserting new symbols near their sorted
neighbours without re-sorting the file; review the diff before committing.
"""
import os, re, subprocess, sys

pattern_add = re.compile(r"error RS0016: Symbol '(.+?)' is not part of the declared public API")
pattern_remove = re.compile(r"error RS0017: Symbol '(.+?)' is part of the declared API, but is either not public or could not be found")

for project in sys.argv[1:]:
    for _ in range(3):  # adding types can reveal members; a few rounds settle it
        out = subprocess.run(["dotnet", "build", project, "-c", "Release", "-nologo", "-clp:NoSummary"],
                             capture_output=True, text=True).stdout
        add = sorted(set(pattern_add.findall(out)))
        remove = set(pattern_remove.findall(out))
        if not add and not remove:
            break
        path = os.path.join(project, "PublicAPI.Unshipped.txt")
        lines = open(path, encoding="utf-8").read().splitlines() if os.path.exists(path) else ["#nullable enable"]
        header = [l for l in lines if l.startswith("#")] or ["#nullable enable"]
        body = [l for l in lines if l and not l.startswith("#") and l not in remove]
        # Insert each new line after the last existing line that sorts before it; never re-sort the file, so the
        # diff is only the symbols that changed (branches merged with merge=union leave the order imperfect).
        for symbol in add:
            if symbol in body:
                continue
            key = symbol.lower()
            at = 0
            for i, existing in enumerate(body):
                if existing.lower() <= key:
                    at = i + 1
            body.insert(at, symbol)
        open(path, "w", encoding="utf-8").write("\n".join(header + body) + "\n")
        print(f"{project}: +{len(add)} -{len(remove)}")
