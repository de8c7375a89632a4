#!/usr/bin/env bash
# Make a PostgreSQL 15 server available on 127.0.0.1:$1 with a data directory of its own.
# Installs Debian's package when it is missing. Idempotent: a running server is reused.
set -euo pipefail
PORT="${1:-54329}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PGBIN=/usr/lib/postgresql/15/bin

if [ ! -x "$PGBIN/postgres" ]; then
  echo "Cài PostgreSQL 15 (gói Debian)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql-15 postgresql-client-15
fi

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

DATA="$ROOT/var/pgdata"
mkdir -p "$ROOT/var"
if [ "$(id -u)" = "0" ] && ! runuser -u postgres -- test -x "$ROOT/var"; then
  # The checkout is not reachable by the postgres user: keep the cluster in /tmp instead.
  DATA="/tmp/xaydungdang-pgdata-$(echo "$ROOT" | md5sum | cut -c1-8)"
fi
LOG="$DATA.log"

if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  echo "PostgreSQL đã chạy trên 127.0.0.1:$PORT"
  exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  mkdir -p "$DATA"
  [ "$(id -u)" = "0" ] && chown postgres: "$DATA"
  chmod 700 "$DATA"
  as_pg "$PGBIN/initdb" -D "$DATA" -U xdd --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
touch "$LOG"; [ "$(id -u)" = "0" ] && chown postgres: "$LOG"
as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
"$PGBIN/pg_isready" -h 127.0.0.1 -p "$PORT"
psql -h 127.0.0.1 -p "$PORT" -U xdd -d postgres -tc "SELECT 1 FROM pg_database WHERE datname='xaydungdang'" | grep -q 1 \
  || psql -h 127.0.0.1 -p "$PORT" -U xdd -d postgres -c "CREATE DATABASE xaydungdang" >/dev/null
echo "PostgreSQL 15 chạy trên 127.0.0.1:$PORT (dữ liệu: $DATA)"
