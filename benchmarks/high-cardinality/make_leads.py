#!/usr/bin/env python3
"""Writes a high-cardinality tracking table: N leads over K channels (issue 18 item 6).

Usage: python3 benchmarks/high-cardinality/make_leads.py LEADS CHANNELS OUT.csv [SEED]

Deterministic for a seed. Every channel gets at least one lead (rows 0..K-1), the rest follow a skewed share
(channel = floor(K * u**3)), so a few channels are large and most are small, as campaign ids or keywords are.
Each lead walks the stages with a 62% chance to go on at each one; won leads get a deal amount, 60% of the others
are lost with a reason, the rest stay open (some stale). Times are minutes in 2023, so cycle time has many distinct
event times. Nothing from /work/shared/data is used.
"""
import csv
import datetime as dt
import random
import sys


def main():
    leads, channels, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 42)
    start = dt.datetime(2023, 1, 1)
    stages = ["contacted_at", "needs_confirmed_at", "proposal_at", "negotiation_at"]
    reasons = ["price", "no_budget", "competitor", "unreachable", "timing"]
    fmt = "%Y-%m-%d %H:%M"
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["lead_id", "channel", "acquired_at"] + stages
                   + ["won_at", "lost_at", "loss_reason", "deal_amount", "acquisition_cost", "last_activity_at", "currency"])
        for i in range(leads):
            ch = i if i < channels else int(channels * rng.random() ** 3)
            t = start + dt.timedelta(minutes=rng.randrange(365 * 24 * 60))
            row = [f"L{i}", f"C{ch:06d}", t.strftime(fmt)]
            reached = 0
            while reached < 4 and rng.random() < 0.62:
                reached += 1
            times = []
            cur = t
            for s in range(4):
                if s < reached:
                    cur = cur + dt.timedelta(minutes=rng.randrange(60, 14 * 24 * 60))
                    times.append(cur.strftime(fmt))
                else:
                    times.append("")
            row += times
            won = lost = reason = amount = ""
            last = cur
            if reached == 4 and rng.random() < 0.62:
                cur = cur + dt.timedelta(minutes=rng.randrange(60, 30 * 24 * 60))
                won, last = cur.strftime(fmt), cur
                amount = f"{rng.randrange(1_000_000, 10_000_000) / 100:.2f}"
            elif rng.random() < 0.6:
                cur = cur + dt.timedelta(minutes=rng.randrange(60, 30 * 24 * 60))
                lost, last = cur.strftime(fmt), cur
                reason = reasons[rng.randrange(len(reasons))]
            row += [won, lost, reason, amount, f"{rng.randrange(1000, 50000) / 100:.2f}", last.strftime(fmt), "CNY"]
            w.writerow(row)


if __name__ == "__main__":
    main()
