# PostgreSQL for the SQL push-down tests (LeadAnalytics.Sql), sourced by .ci/run and usable by hand:
#   source .ci/postgres.sh && trap pg_stop EXIT && pg_start
# Three throwaway instances of Debian's postgresql-15 on 127.0.0.1, each on a free port in a temporary data directory
# (trust authentication, user postgres): the main one (LEADANALYTICS_TEST_POSTGRES), which is also the coordinator of the
# sharded recipe, and two workers (LEADANALYTICS_TEST_POSTGRES_SHARDS, connection strings separated by '|'). Nothing is
# installed as a service, nothing listens beyond loopback, and pg_stop stops them all and removes their directories.
# Installs postgresql-15 with apt-get when the binaries are absent (root only).

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIRS=()

# Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root), else as ourselves.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

pg_install() {
  [ -x "$PG_BIN/initdb" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgresql-15 is not installed ($PG_BIN/initdb missing) and we are not root to install it" >&2
    return 1
  fi
  echo "installing postgresql-15 (apt-get)"
  # Debian's postinst would start a cluster service; policy-rc.d 101 keeps it from starting anything.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 > /dev/null; } || { rm -f /usr/sbin/policy-rc.d; return 1; }
  rm -f /usr/sbin/policy-rc.d
}

# Starts one instance (in this shell, so pg_stop knows its directory); its connection string goes to PG_LAST.
pg_instance() {
  local dir port
  dir=$(mktemp -d /tmp/la-pg.XXXXXX) || return 1
  PG_DIRS+=("$dir")
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
  port=$(pg_free_port)
  pg_as_owner "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  # -k: the Unix socket goes into the temporary directory, not /var/run/postgresql (which may not exist).
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/server.log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40 -c shared_buffers=32MB" start > /dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  PG_LAST="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=false"
}

pg_start() {
  pg_install || return 1
  local main shard1 shard2
  pg_instance && main=$PG_LAST && pg_instance && shard1=$PG_LAST && pg_instance && shard2=$PG_LAST || return 1
  export LEADANALYTICS_TEST_POSTGRES="$main"
  export LEADANALYTICS_TEST_POSTGRES_SHARDS="$shard1|$shard2"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'): main/coordinator $main; workers $shard1 and $shard2"
}

pg_stop() {
  local dir
  for dir in "${PG_DIRS[@]}"; do
    if [ -d "$dir/data" ]; then
      pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null 2>&1 \
        || pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop > /dev/null 2>&1
    fi
    rm -rf "$dir"
  done
  PG_DIRS=()
}
