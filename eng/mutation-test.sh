#!/usr/bin/env bash
# Mutation testing of the engines with Stryker.NET (issue 18). Not part of .ci/run: one folder takes
# about half an hour on a two-core machine. See docs/mutation-testing.md.
#
# usage: eng/mutation-test.sh Funnel|Effectiveness|Statistics|all [--concurrency N] [--nice N]
#
# Restores the tool manifest (.config/dotnet-tools.json: dotnet-stryker 5.1.0), runs Stryker from
# tests/LeadAnalytics.Tests against src/LeadAnalytics/<Folder> with eng/stryker-config.json, writes the
# reports to artifacts/mutation/<Folder>/ (git-ignored) and prints one score line per folder:
#   <Folder>: score S% (killed K, survived S, timeout T, no coverage N, compile errors C, ignored I) in M min
# The score is Stryker's: (killed + timeout) / (killed + timeout + survived + no coverage).
set -euo pipefail

usage() { echo "usage: $0 Funnel|Effectiveness|Statistics|all [--concurrency N] [--nice N]" >&2; exit 2; }
[ $# -ge 1 ] || usage
target=$1; shift
concurrency=2
niceness=10
while [ $# -gt 0 ]; do
  case "$1" in
    --concurrency) [ $# -ge 2 ] || usage; concurrency=$2; shift 2 ;;
    --nice) [ $# -ge 2 ] || usage; niceness=$2; shift 2 ;;
    *) usage ;;
  esac
done
case "$target" in
  Funnel|Effectiveness|Statistics) folders=("$target") ;;
  all) folders=(Statistics Funnel Effectiveness) ;;
  *) usage ;;
esac

# The tests run against each mutant: those of the three engines and of the findings and metrics built on them. Every
# mutant is compiled into the assembly (Stryker filters by --mutate only afterwards), so the suite's slow simulations of
# other engines (CSV import, attribution and forecast coverage, cycle time) would cost hours under coverage capture;
# leaving tests out can only let more mutants survive, so the score is a lower bound.
filter="FullyQualifiedName~LeadAnalytics.Tests.Statistics.|FullyQualifiedName~LeadAnalytics.Tests.Funnel.|FullyQualifiedName~LeadAnalytics.Tests.Effectiveness.|FullyQualifiedName~LeadAnalytics.Tests.Findings.|FullyQualifiedName~LeadAnalytics.Tests.Metrics."

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null


status=0
for folder in "${folders[@]}"; do
  out="$root/artifacts/mutation/$folder"
  rm -rf "$out"
  mkdir -p "$out"
  start=$(date +%s)
  (cd tests/LeadAnalytics.Tests &&
   nice -n "$niceness" dotnet dotnet-stryker \
     --config-file "$root/eng/stryker-config.json" \
     --mutate "**/$folder/**/*.cs" \
     --concurrency "$concurrency" \
     --test-case-filter "$filter" \
     --output "$out" \
     --skip-version-check) > "$out/stryker.log" 2>&1 || { echo "$folder: Stryker failed, see $out/stryker.log" >&2; status=1; continue; }
  seconds=$(( $(date +%s) - start ))
  report=$(find "$out" -name mutation-report.json | head -n 1)
  [ -n "$report" ] || { echo "$folder: no mutation-report.json in $out" >&2; status=1; continue; }
  python3 eng/mutation-report.py "$report" --folder "$folder" --seconds "$seconds" | tee "$out/score.txt"
  python3 eng/mutation-report.py "$report" --survivors > "$out/survivors.txt"
done
exit $status
