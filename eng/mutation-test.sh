#!/usr/bin/env bash
# Mutation testing of the engines with Stryker.NET (issue 18). Not part of .ci/run: one folder takes
# about half an hour on a two-core machine. See docs/mutation-testing.md.
#
# usage: eng/mutation-test.sh Funnel|Effectiveness|Statistics|all [--concurrency N] [--nice N] [--tests FILTER]
#                             [--files A.cs,B.cs] [--timeout MS]
#
# --concurrency 1 and --nice 15 by default (the machine is shared). --timeout sets Stryker's additional-timeout (the
# milliseconds a mutant's test run may take beyond the covering tests' initial time before it counts as a timeout; 30000
# from eng/stryker-config.json by default): 60000 or more on a busy machine, so that a slow run is not read as killed. --files mutates only those files of the folder (to
# keep one run under ~40 minutes); its reports go to artifacts/mutation/<Folder>-<first file>/.
# Restores the tool manifest (.config/dotnet-tools.json: dotnet-stryker 5.1.0), runs Stryker from
# tests/LeadAnalytics.Tests against src/LeadAnalytics/<Folder> with eng/stryker-config.json, writes the
# reports to artifacts/mutation/<Folder>/ (git-ignored) and prints one score line per folder:
#   <Folder>: score S% (killed K, survived S, timeout T, no coverage N, compile errors C, ignored I) in M min
# The score is Stryker's: (killed + timeout) / (killed + timeout + survived + no coverage).
set -euo pipefail

usage() { echo "usage: $0 Funnel|Effectiveness|Statistics|all [--concurrency N] [--nice N] [--tests FILTER] [--files A.cs,B.cs] [--timeout MS]" >&2; exit 2; }
[ $# -ge 1 ] || usage
target=$1; shift
concurrency=1
niceness=15
tests=""
files=""
timeout=""
while [ $# -gt 0 ]; do
  case "$1" in
    --concurrency) [ $# -ge 2 ] || usage; concurrency=$2; shift 2 ;;
    --nice) [ $# -ge 2 ] || usage; niceness=$2; shift 2 ;;
    --tests) [ $# -ge 2 ] || usage; tests=$2; shift 2 ;;
    --files) [ $# -ge 2 ] || usage; files=$2; shift 2 ;;
    --timeout) [ $# -ge 2 ] && [[ $2 =~ ^[0-9]+$ ]] || usage; timeout=$2; shift 2 ;;
    *) usage ;;
  esac
done
case "$target" in
  Funnel|Effectiveness|Statistics) folders=("$target") ;;
  all) folders=(Statistics Funnel Effectiveness) ;;
  *) usage ;;
esac

# The tests run against each mutant: by default the folder's own tests and those of the engines built on it (a per-folder
# --test-case-filter; --tests overrides it). Every mutant of the project is compiled into the assembly (Stryker filters by
# --mutate only afterwards), so the whole suite's slow simulations of other engines (CSV import, attribution and forecast
# coverage, cycle time) would cost hours under coverage capture; leaving tests out can only let more mutants survive, so
# the score is a lower bound.
tests_for() {
  local t="FullyQualifiedName~LeadAnalytics.Tests"
  case "$1" in
    Statistics) echo "$t.Statistics." ;;
    Funnel) echo "$t.Funnel." ;;
    Effectiveness) echo "$t.Effectiveness.|$t.Findings.|$t.Metrics.|$t.Json.|$t.Data.PartitionMergePropertyTests" ;;
  esac
}

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null

# Stryker 5 takes additional-timeout from the config file only: with --timeout, a copy of the config with that value.
config="$root/eng/stryker-config.json"
if [ -n "$timeout" ]; then
  config=$(mktemp --suffix=.json)
  trap 'rm -f "$config"' EXIT
  python3 - "$root/eng/stryker-config.json" "$config" "$timeout" <<'PY'
import json, sys
src, dst, ms = sys.argv[1], sys.argv[2], int(sys.argv[3])
c = json.load(open(src))
c["stryker-config"]["additional-timeout"] = ms
json.dump(c, open(dst, "w"), indent=2)
PY
fi

status=0
for folder in "${folders[@]}"; do
  mutate=()
  out="$root/artifacts/mutation/$folder"
  if [ -n "$files" ]; then
    IFS=, read -r -a names <<< "$files"
    for name in "${names[@]}"; do mutate+=(--mutate "**/$folder/$name"); done
    out="$out-${names[0]%.cs}"
  else
    mutate=(--mutate "**/$folder/**/*.cs")
  fi
  rm -rf "$out"
  mkdir -p "$out"
  start=$(date +%s)
  (cd tests/LeadAnalytics.Tests &&
   nice -n "$niceness" dotnet dotnet-stryker \
     --config-file "$config" \
     "${mutate[@]}" \
     --concurrency "$concurrency" \
     --test-case-filter "${tests:-$(tests_for "$folder")}" \
     --output "$out" \
     --skip-version-check) > "$out/stryker.log" 2>&1 || { echo "$folder: Stryker failed, see $out/stryker.log" >&2; status=1; continue; }
  seconds=$(( $(date +%s) - start ))
  report=$(find "$out" -name mutation-report.json | head -n 1)
  [ -n "$report" ] || { echo "$folder: no mutation-report.json in $out" >&2; status=1; continue; }
  python3 eng/mutation-report.py "$report" --folder "$folder" --seconds "$seconds" | tee "$out/score.txt"
  [ -z "$timeout" ] || echo "(additional-timeout $timeout ms)" | tee -a "$out/score.txt"
  python3 eng/mutation-report.py "$report" --survivors > "$out/survivors.txt"
done
exit $status
