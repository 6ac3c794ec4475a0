#!/usr/bin/env bash
# One PostgreSQL instance against a sharded one (a coordinator and two workers, postgres_fdw) on the same N synthetic
# leads (issue 19): [FETCH=10000] bash benchmarks/pushdown-postgres.sh N REPS [WORK_DIR]
# Starts four throwaway instances with .ci/postgres.sh (loopback, temporary directories, stopped and removed on exit),
# writes the leads as CSV with the benchmark project (SyntheticParquet, set-based in DuckDB), loads them into the single
# instance and, split by PostgreSQL's own hash partitioning of lead_id, into the two workers, declares the coordinator's
# table as hash partitions that are foreign tables on the workers, then runs the benchmark's pushdown-postgres mode
# (times, equality of the answers, bytes on the wire). Needs a Release build of benchmarks/LeadAnalytics.Benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}
REPS=${2:-3}
WORK=${3:-/tmp/la-pushdown-pg}
# postgres_fdw's rows per FETCH from a worker (its default is 100; the coordinator's scans of whole partitions are
# round-trip bound with it).
FETCH=${FETCH:-10000}
BENCH=benchmarks/LeadAnalytics.Benchmarks/bin/Release/net10.0/linux-x64/LeadAnalytics.Benchmarks.dll
source .ci/postgres.sh
cleanup() { pg_stop; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$WORK" && chmod 755 "$WORK"
dotnet "$BENCH" csv-write "$N" "$WORK/leads.csv"
chmod 644 "$WORK/leads.csv"

pg_start
COORDINATOR=$LEADANALYTICS_TEST_POSTGRES
IFS='|' read -r WORKER0 WORKER1 <<< "$LEADANALYTICS_TEST_POSTGRES_SHARDS"
pg_instance
SINGLE=$PG_LAST

port() { sed -E 's/.*Port=([0-9]+).*/\1/' <<< "$1"; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d postgres -p "$(port "$1")" -c "$2"; }
COLUMNS="lead_id text, channel text, strategy text, content text, acquired_at timestamp, owner text, customer_type text,
  industry text, contacted_at timestamp, needs_confirmed_at timestamp, proposal_at timestamp, negotiation_at timestamp,
  won_at timestamp, lost_at timestamp, loss_reason text, deal_amount numeric(18,2), acquisition_cost numeric(18,2)"

# The single instance takes every row; each worker keeps the rows PostgreSQL's hash partitioning sends to its remainder:
# satisfies_hash_partition against a local empty table partitioned the same way (lead_id text, modulus 2), so the
# coordinator's partition bounds hold. The three loads run at once.
echo "loading $N leads: all into the single instance, by remainder into the workers"
SECONDS=0
sql "$SINGLE" "CREATE TABLE leads ($COLUMNS); COPY leads FROM '$WORK/leads.csv' (FORMAT csv, HEADER); ANALYZE leads" &
r=0
for W in "$WORKER0" "$WORKER1"; do
  sql "$W" "CREATE TABLE leads ($COLUMNS); CREATE TABLE hash_router (lead_id text) PARTITION BY HASH (lead_id);
    COPY leads FROM '$WORK/leads.csv' (FORMAT csv, HEADER) WHERE satisfies_hash_partition('hash_router'::regclass, 2, $r, lead_id);
    DROP TABLE hash_router; ANALYZE leads" &
  r=$((r + 1))
done
wait
echo "loaded in $SECONDS s"

sql "$COORDINATOR" "CREATE EXTENSION postgres_fdw; CREATE TABLE leads ($COLUMNS) PARTITION BY HASH (lead_id)"
r=0
for W in "$WORKER0" "$WORKER1"; do
  sql "$COORDINATOR" "CREATE SERVER shard_$r FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '$(port "$W")', dbname 'postgres', async_capable 'true', fetch_size '$FETCH');
    CREATE USER MAPPING FOR postgres SERVER shard_$r OPTIONS (user 'postgres');
    CREATE FOREIGN TABLE leads_$r PARTITION OF leads FOR VALUES WITH (MODULUS 2, REMAINDER $r) SERVER shard_$r OPTIONS (table_name 'leads')"
  r=$((r + 1))
done
sql "$COORDINATOR" "ANALYZE leads"
for W in "$SINGLE" "$WORKER0" "$WORKER1"; do
  echo "port $(port "$W"): $(psql -X -At -h 127.0.0.1 -U postgres -d postgres -p "$(port "$W")" -c "SELECT count(*) || ' rows, ' || pg_size_pretty(pg_table_size('leads')) FROM leads")"
done

echo "load average before: $(cat /proc/loadavg)"
dotnet "$BENCH" pushdown-postgres "$REPS" "$SINGLE" "$COORDINATOR" "$WORKER0|$WORKER1"
echo "load average after: $(cat /proc/loadavg)"
