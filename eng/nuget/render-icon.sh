#!/usr/bin/env bash
# Renders eng/nuget/icon.svg to eng/nuget/icon.png (128x128, the package icon) with headless Chromium. Headless
# Chromium keeps part of a small window for its own chrome, so the page is shot taller and cut to the icon's 128 rows.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '<!DOCTYPE html><html><body style="margin:0;background:transparent">%s</body></html>' "$(cat icon.svg)" > "$work/icon.html"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --hide-scrollbars \
  --default-background-color=00000000 --force-device-scale-factor=1 --user-data-dir="$work/profile" --window-size=128,400 \
  --screenshot="$work/shot.png" "file://$work/icon.html" 2> "$work/log" || { cat "$work/log" >&2; exit 1; }
python3 - "$work/shot.png" icon.png <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
chunks, pos = [], 8
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8]); chunks.append((kind, data[pos + 8:pos + 8 + n])); pos += 12 + n
width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
assert (depth, colour) == (8, 6), "expected 8-bit RGBA"
raw = zlib.decompress(b"".join(c for k, c in chunks if k == b"IDAT"))
stride = 1 + width * 4
rows, prev = [], bytearray(width * 4)
for y in range(height):  # undo the PNG row filters
    f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
    for i in range(len(line)):
        a = line[i - 4] if i >= 4 else 0; b = prev[i]; c = prev[i - 4] if i >= 4 else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line)); prev = line
def chunk(kind, body): return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
size = 128
out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
out += chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + r[:size * 4] for r in rows[:size]), 9)) + chunk(b"IEND", b"")
open(sys.argv[2], "wb").write(out)
PY
echo "Wrote eng/nuget/icon.png"
