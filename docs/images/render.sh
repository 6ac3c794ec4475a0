#!/usr/bin/env bash
# Renders the sample HTML report (samples/HtmlReport on samples/data) in English and in Chinese to
# docs/images/sample-report.png and docs/images/sample-report-zh.png with headless Chromium, as a person would see them.
# Installs Debian's chromium and a CJK font if they are missing (root, apt).
# Usage: bash docs/images/render.sh [width] [height]
set -euo pipefail
cd "$(dirname "$0")/../.."
width=${1:-1100}
height=${2:-5400}
out=docs/images

if ! command -v chromium > /dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
fi
# Without a CJK font Chromium draws Chinese channel names as boxes.
if ! fc-list :lang=zh | grep -q .; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk > /dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build samples/HtmlReport -c Release -nologo -v q > /dev/null
for lang in en zh-CN; do
  suffix=$([ "$lang" = en ] && echo "" || echo "-zh")
  dotnet run --project samples/HtmlReport -c Release --no-build -- "$work/report$suffix.html" "$lang"
  # A fresh profile, no network, no first-run UI: the page must render from the file alone.
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile$suffix" --window-size="$width,$height" \
    --screenshot="$work/full$suffix.png" "file://$work/report$suffix.html" 2> "$work/chromium.log" || { cat "$work/chromium.log" >&2; exit 1; }
  cp "$work/full$suffix.png" "$out/sample-report$suffix.png"
  echo "Wrote $out/sample-report$suffix.png (${width}x${height}, $lang)"
done
