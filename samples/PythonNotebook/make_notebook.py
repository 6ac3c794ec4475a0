"""Writes lead_analysis.ipynb, the Python notebook of the samples: it runs the leadanalytics tool and reads its JSON into
pandas. The notebook is generated so that its cells stay reviewable as code; run `python3 make_notebook.py` after an edit.
Only the standard library is needed to write it (nbformat 4 is plain JSON)."""
import json
from pathlib import Path

cells = []


def md(text):
    cells.append({"cell_type": "markdown", "metadata": {}, "source": text.strip("\n").splitlines(keepends=True)})


def code(text):
    cells.append({"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                  "source": text.strip("\n").splitlines(keepends=True)})


md("""
# Lead analysis in pandas, from the `leadanalytics` tool

The tool computes every metric with the library's one definition (docs: https://github.com/leadanalytics/leadanalytics/tree/main/docs);
this notebook only asks it for JSON (`--format json`, schema v1) and turns the answers into pandas tables, so a data team
gets the same numbers as the CRM, the report and the C# apps.

**Before you run it:** `dotnet tool install --global LeadAnalytics.Cli` (the .NET 10 SDK), and pandas and Jupyter
(`pip install pandas notebook`, or Debian's `python3-pandas jupyter-nbconvert python3-ipykernel`).
Two environment variables change where things are: `LEADANALYTICS` (the tool's command, default `leadanalytics`; for
example `dotnet path/to/LeadAnalytics.Cli.dll`) and `LEADANALYTICS_DATA` (the folder with `leads.csv`, `costs.csv` and
`touchpoints.csv`; default `../data`, the bundled sample of the template).
""")

code('''
import json
import os
import shlex
import subprocess
from pathlib import Path

import pandas as pd

TOOL = shlex.split(os.environ.get("LEADANALYTICS", "leadanalytics"))
DATA = Path(os.environ.get("LEADANALYTICS_DATA", Path.cwd().parent / "data"))
AS_OF = "2024-01-15"  # the instant the analysis looks from; open leads are not drop-offs


def leadanalytics(*args):
    """Runs one tool command with --format json and returns the parsed document. A failure raises with the tool's own
    one-line message (it names the file, row and column of bad input)."""
    done = subprocess.run([*TOOL, *args, "--format", "json"], capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise RuntimeError(f"leadanalytics {' '.join(args)} exited {done.returncode}: {done.stderr.strip()}")
    return json.loads(done.stdout)


def rate(r):
    """A rate object of the JSON ({value, lower, upper, numerator, denominator}) as three columns."""
    return {"": r["value"], " lower": r["lower"], " upper": r["upper"]} if r else {"": None, " lower": None, " upper": None}


print("tool:", " ".join(TOOL), "| data:", DATA)
''')

md("""
## Which channels pay off

`segments --by channel` with the costs table: conversion with its 95% Wilson interval, spend, cost per customer,
revenue and ROAS per channel. The total row is the tool's, not a sum computed here; the check below shows every lead is
in exactly one channel.
""")

code('''
seg = leadanalytics("segments", "--leads", str(DATA / "leads.csv"), "--costs", str(DATA / "costs.csv"),
                    "--by", "channel", "--as-of", AS_OF)
channels = pd.DataFrame([
    {"channel": s["key"], "leads": s["leads"], "won": s["won"], "lost": s["lost"], "open": s["open"],
     **{"conversion" + k: v for k, v in rate(s["conversionRate"]).items()},
     "spend": s["spend"], "cost_per_customer": s["costPerAcquisition"], "revenue": s["revenue"], "roas": s["roas"]}
    for s in seg["segments"]
]).set_index("channel")

assert channels["leads"].sum() == seg["total"]["leads"], "every lead belongs to exactly one channel"
assert (channels["won"] + channels["lost"] + channels["open"] == channels["leads"]).all(), "won + lost + open = leads"
print(f"{seg['total']['leads']:,} leads, {seg['total']['won']:,} won, as of {seg['asOf']}, amounts in {seg['currency']}")
channels.sort_values("roas", ascending=False).round(3)
''')

md("""
## Where the funnel leaks

`funnel`: each step's conversion among the leads that reached its start, counting only resolved leads (open ones have
not had their chance yet), and the bottleneck the tool names with its test against the other steps.
""")

code('''
funnel = leadanalytics("funnel", "--leads", str(DATA / "leads.csv"), "--as-of", AS_OF)
steps = pd.DataFrame([
    {"step": f"{s['from']} -> {s['to']}", "entered": s["entered"], "advanced": s["advanced"], "lost": s["lost"],
     "open": s["open"], **{"resolved conversion" + k: v for k, v in rate(s["resolved"]["conversion"]).items()}}
    for s in funnel["steps"]
]).set_index("step")

b = funnel["bottleneck"]
print(f"bottleneck: {b['from']} -> {b['to']}, drop-off {b['dropOff']['value']:.1%} "
      f"({b['dropOff']['numerator']:,} of {b['dropOff']['denominator']:,})")
assert (steps["advanced"] <= steps["entered"]).all(), "no step advances more leads than entered it"
steps.round(3)
''')

md("""
## How long conversion takes

`cycle-time --by channel`: medians from Kaplan-Meier (leads still open are censored, not ignored), the share won and
lost by the end of follow-up from the competing-risks estimate (Aalen-Johansen), and the log-rank test across channels.
""")

code('''
ct = leadanalytics("cycle-time", "--leads", str(DATA / "leads.csv"), "--by", "channel", "--as-of", AS_OF)
cycle = pd.DataFrame([
    {"channel": s["key"], "leads": s["leads"], "won": s["won"],
     "median days to won (KM)": s["median"]["value"],
     "won by horizon": s["competingRisks"]["wonByHorizon"], "lost by horizon": s["competingRisks"]["lostByHorizon"],
     "median days, won leads only": s["acquisitionToWon"]["median"]}
    for s in ct["segments"]
]).set_index("channel")
lr = ct["logRank"]
print(f"log-rank across channels: chi-square {lr['chiSquare']:.2f} on {lr['degreesOfFreedom']} df, p = {lr['pValue']:.2g}")
cycle.round(3)
''')

md("""
## Which touches deserve the credit

`attribution --model all` on the touchpoints: every model side by side, one column per model. Each model hands out
exactly the conversions it attributes (checked below), so the columns differ only in how the credit is split.
""")

code('''
att = leadanalytics("attribution", "--leads", str(DATA / "leads.csv"), "--touchpoints", str(DATA / "touchpoints.csv"),
                    "--model", "all", "--as-of", AS_OF)
credit = pd.DataFrame({m["model"]: {c["channel"]: c["conversions"] for c in m["credits"]} for m in att["models"]}).fillna(0)
for m in att["models"]:
    attributed = m["totalConversions"] - m["unattributedConversions"]
    assert abs(credit[m["model"]].sum() - attributed) < 1e-6, f"{m['model']} conserves credit"
credit.round(1)
''')

md("""
## Save the tables

The tables as CSV (UTF-8 with a byte-order mark, so Excel opens the Chinese names correctly), for a spreadsheet or a
warehouse load. The tool writes workbooks itself too: `leadanalytics segments ... --format xlsx --out results.xlsx`.
""")

code('''
out = Path("lead-analysis-output")
out.mkdir(exist_ok=True)
for name, frame in {"channels": channels, "funnel_steps": steps, "cycle_time": cycle, "attribution": credit}.items():
    frame.to_csv(out / f"{name}.csv", encoding="utf-8-sig")
sorted(p.name for p in out.iterdir())
''')

notebook = {
    "cells": cells,
    "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}
for i, cell in enumerate(notebook["cells"]):
    cell["id"] = f"cell-{i:02d}"
path = Path(__file__).with_name("lead_analysis.ipynb")
path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {path}")
