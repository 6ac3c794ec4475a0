#!/usr/bin/env python3
"""Writes leads_gb18030.csv: the rows of leads_zh.csv re-encoded as GB18030 with CRLF row ends and no byte order mark,
as Excel on Chinese Windows saves them (a line break inside a cell stays a bare LF, as Excel's Alt+Enter writes it).
Run from this folder: python3 make_gb18030.py"""
import csv, io

with open('leads_zh.csv', encoding='utf-8', newline='') as f:
    rows = list(csv.reader(f))
buf = io.StringIO()
csv.writer(buf, lineterminator='\r\n').writerows(rows)
data = buf.getvalue().encode('gb18030')
# The file must not be valid UTF-8, or it would not test detection.
try:
    data.decode('utf-8')
    raise SystemExit('unexpectedly valid UTF-8')
except UnicodeDecodeError:
    pass
open('leads_gb18030.csv', 'wb').write(data)
print(len(rows) - 1, 'rows,', len(data), 'bytes')
