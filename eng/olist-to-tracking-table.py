#!/usr/bin/env python3
"""Converts Olist's marketing funnel (https://www.kaggle.com/datasets/olistbr/marketing-funnel-olist, CC BY-NC-SA 4.0) to the
tracking-table CSV the library reads, with the mapping of docs/cli.md ("Other data: Olist"). The data is never copied into
the repository: this reads it where it lies and writes the converted table wherever asked.

    python3 eng/olist-to-tracking-table.py [OLIST_FOLDER] [OUTPUT_CSV]
    (defaults: /work/shared/data/external/olist and artifacts/olist/leads.csv)

lead_id = mql_id, channel = origin ("(none)" when empty, so those 60 leads are kept), content = landing_page_id,
acquired_at = first_contact_date, won_at = won_date, owner = sr_id, customer_type = lead_type,
industry = business_segment, deal_amount = declared_monthly_revenue when above zero, currency BRL. Times are local
(read them with --time-zone America/Sao_Paulo). Olist records no losses and no intermediate stages.
"""
import csv
import os
import sys

source = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/external/olist"
target = sys.argv[2] if len(sys.argv) > 2 else "artifacts/olist/leads.csv"

deals = {}
with open(os.path.join(source, "olist_closed_deals_dataset.csv"), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        deals[row["mql_id"]] = row

os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
columns = ["lead_id", "channel", "content", "acquired_at", "won_at", "owner", "customer_type", "industry", "deal_amount", "currency"]
with open(os.path.join(source, "olist_marketing_qualified_leads_dataset.csv"), newline="", encoding="utf-8") as f, \
        open(target, "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    writer.writerow(columns)
    n = 0
    for row in csv.DictReader(f):
        deal = deals.get(row["mql_id"], {})
        revenue = deal.get("declared_monthly_revenue") or ""
        amount = revenue if revenue and float(revenue) > 0 else ""
        writer.writerow([
            row["mql_id"], row["origin"] or "(none)", row["landing_page_id"], row["first_contact_date"], deal.get("won_date", ""),
            deal.get("sr_id", ""), deal.get("lead_type", ""), deal.get("business_segment", ""), amount, "BRL" if amount else "",
        ])
        n += 1
print(f"{n} leads, {len(deals)} closed deals -> {target}")
