#!/usr/bin/env bash
# Packs every LeadAnalytics package into a local folder with a version no earlier pack had:
# 0.1.0-local.<UTC timestamp>. NuGet caches a package by id and version, so a re-pack under the same version (plain
# `dotnet pack` gives 0.1.0 every time, which CI keeps for determinism) would be silently replaced by the cached copy.
# Usage: bash eng/pack-local.sh [folder]   (default ~/leadanalytics-packages); prints the version to add.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$HOME/leadanalytics-packages}
stamp=$(date -u +%Y%m%d%H%M%S)
mkdir -p "$out"
dotnet pack LeadAnalytics.sln -c Release -o "$out" -p:VersionSuffix="local.$stamp" -nologo -v q
version=$(sed -n 's/.*<VersionPrefix>\(.*\)<\/VersionPrefix>.*/\1/p' Directory.Build.props)-local.$stamp
echo "Packed version $version into $out"
echo "$version" > "$out/LATEST-VERSION"
