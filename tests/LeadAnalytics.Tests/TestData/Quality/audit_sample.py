#!/usr/bin/env python3
"""Reference for DataQualityCheckerTests.The_audit_sample_depends_on_the_seed_not_on_the_order: the audit sample of
ids L1..L200 with seed 7 and fraction 10%, computed independently of the C# code from the documented rule
(docs/quality.md): FNV-1a 64 over the id's UTF-16 code units starting from offset ^ seed, plus 0x9E3779B97F4A7C15 +
(seed << 32), then the SplitMix64 finaliser; sort by (hash, id); take ceil(fraction x n)."""
import math

M = (1 << 64) - 1


def seeded_hash(seed, text):
    x = (14695981039346656037 ^ (seed & 0xFFFFFFFF)) & M
    raw = text.encode('utf-16-le')
    units = [int.from_bytes(raw[i:i + 2], 'little') for i in range(0, len(raw), 2)]
    for u in units:
        x = ((x ^ u) * 1099511628211) & M
    x = (x + 0x9E3779B97F4A7C15 + ((seed & 0xFFFFFFFF) << 32)) & M
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & M
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & M
    return x ^ (x >> 31)


ids = ['L%d' % i for i in range(1, 201)]
sample = sorted(ids, key=lambda i: (seeded_hash(7, i), i))[:math.ceil(0.10 * len(ids))]
print(len(sample), sample[:3])
